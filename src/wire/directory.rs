//! Magento_Directory's country and region information (`CountryInformationInterface`,
//! `RegionInformationInterface`) as JSON.

use serde::Serialize;

use crate::db::directory::{CountryRow, RegionRow};

/// `RegionInformationInterface`: every getter a string (the id included: `"12"`).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "directory-data-region-information-interface")]
pub struct RegionInformationData {
    pub id: String,
    pub code: Option<String>,
    pub name: Option<String>,
}

/// `CountryInformationInterface` (`CountryInformationAcquirer::setCountryInfo`): the store
/// locale's name and the English one are the same for magemu's `en_US` stores;
/// `available_regions` only for a country with regions (never `[]`).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "directory-data-country-information-interface")]
pub struct CountryInformationData {
    pub id: String,
    pub two_letter_abbreviation: Option<String>,
    pub three_letter_abbreviation: Option<String>,
    pub full_name_locale: Option<String>,
    pub full_name_english: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available_regions: Option<Vec<RegionInformationData>>,
}

impl CountryInformationData {
    /// Country `c` with its regions among `regions` (which may hold other countries').
    pub fn new(c: CountryRow, regions: &[RegionRow]) -> Self {
        let own: Vec<RegionInformationData> = regions
            .iter()
            .filter(|r| r.country_id == c.country_id)
            .map(|r| RegionInformationData {
                id: r.region_id.to_string(),
                code: r.code.clone(),
                name: r.default_name.clone(),
            })
            .collect();
        CountryInformationData {
            id: c.country_id,
            two_letter_abbreviation: c.iso2_code,
            three_letter_abbreviation: c.iso3_code,
            full_name_locale: c.name.clone(),
            full_name_english: c.name,
            available_regions: (!own.is_empty()).then_some(own),
        }
    }
}
