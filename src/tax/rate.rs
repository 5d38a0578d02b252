//! Tax rates (`Magento\Tax\Api\TaxRateRepositoryInterface`): save, read, delete and search.
//!
//! Sources: magento2 2.4 app/code/Magento/Tax `Model/Calculation/RateRepository.php` (save,
//! validate), `Model/Calculation/Rate.php` (beforeSave, saveTitles, getTitles, getRegionName),
//! `Model/Calculation/Rate/Converter.php`, `Model/Calculation/RateRegistry.php`,
//! `Model/ResourceModel/Calculation/Rate.php` (unique code, isInRule), Directory's
//! `Model/ResourceModel/Country.php` (loadByCode), and the api-functional test
//! `Tax/Api/TaxRateRepositoryTest.php`. In save's order:
//! 1. a posted `id` (not 0) must exist: 404 `No such entity with taxRateId = <id>`;
//! 2. `validate`, every error collected (one alone, several as "One or more input exceptions"):
//!    the country (required; a code of another length than 2 or 3 bytes throws `Please correct
//!    the country code: %1.` at once; an unknown one is an invalid `country_id`), the region (a
//!    non-zero id must exist: invalid `region_id`), the rate (`percentage_rate` is required when
//!    missing or negative), the code (required once trimmed), then a ZIP range's `zip_from` and
//!    `zip_to` (each numeric and not negative, then `Range To should be equal or greater than
//!    Range From.`) or the postcode (required once trimmed);
//! 3. `Rate::beforeSave`: a range's ends longer than 9 digits are refused; a range's postcode
//!    becomes `<from>-<to>`, another's is cut to 10 characters and its range fields emptied; a
//!    region that is not of the country (compared exactly: `us` loses its region) becomes `*`,
//!    stored as 0;
//! 4. the unique code (`%1 already exists.`, `["Code"]`), trimmed and without case;
//! 5. the row, then the titles: the posted ones with a value (one a store), or, when none are
//!    posted (or `[]`), the rate's present ones kept (`getTitles` loads them before the save).
//!
//! MySQL runs Magento's queries without strict mode (`SET SQL_MODE=''` in the adapter), so a
//! country of three letters (`USA`, found by its ISO 3 code) is stored cut to `US`, a code to
//! 255 characters, a rate past DECIMAL(12,4) at its largest value. The reply is the saved
//! model: the posted values (uncut), with beforeSave's postcode, range and region.

use crate::amount::Amount;
use crate::db::directory::{self, RegionRow};
use crate::db::tax_rates::{self as store, Coded, RateWrite, TaxRateRow};
use crate::db::Db;
use crate::error::{Error, Phrase, Result, FIELD_REQUIRED, INVALID_FIELD_VALUE};
use crate::php::{blank, trim as php_trim};
use crate::search::SearchCriteria;

pub const BAD_COUNTRY_CODE: &str = "Please correct the country code: %1.";
pub const RANGE_ORDER: &str = "Range To should be equal or greater than Range From.";
pub const ZIP_TOO_LONG: &str =
    "The ZIP Code length is invalid. Verify that the length is nine characters or fewer and try again.";
pub const ALREADY_EXISTS: &str = "%1 already exists.";
pub const IN_RULE: &str = "The tax rate can't be removed because it exists in a tax rule.";

/// The longest postcode a rate keeps (`Rate::beforeSave`).
const POSTCODE_LENGTH: usize = 10;
/// The largest value of DECIMAL(12,4): 99,999,999.9999.
const MAX_RATE: rust_decimal::Decimal =
    rust_decimal::Decimal::from_parts(3_567_587_327, 232, 0, false, 4);

/// One posted title (`TaxRateTitleInterface`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TitleInput {
    pub store_id: Option<String>,
    pub value: Option<String>,
}

/// The `taxRate` of a save.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RateInput {
    pub id: Option<i64>,
    pub tax_country_id: Option<String>,
    pub tax_region_id: Option<i64>,
    pub region_name: Option<String>,
    pub tax_postcode: Option<String>,
    pub zip_is_range: Option<i64>,
    pub zip_from: Option<i64>,
    pub zip_to: Option<i64>,
    pub rate: Option<Amount>,
    pub code: Option<String>,
    pub titles: Option<Vec<TitleInput>>,
}

/// A rate as `TaxRateInterface` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RateView {
    pub id: i64,
    pub tax_country_id: String,
    pub tax_region_id: i64,
    pub region_name: Option<String>,
    pub tax_postcode: Option<String>,
    pub zip_is_range: Option<i64>,
    pub zip_from: Option<i64>,
    pub zip_to: Option<i64>,
    pub rate: Amount,
    pub code: String,
    pub titles: Vec<TitleInput>,
}

impl RateView {
    fn stored(row: TaxRateRow, titles: Vec<(i64, String)>) -> Self {
        RateView {
            id: row.tax_calculation_rate_id,
            tax_country_id: row.tax_country_id,
            tax_region_id: row.tax_region_id,
            region_name: row.region_name,
            tax_postcode: row.tax_postcode,
            zip_is_range: row.zip_is_range,
            zip_from: row.zip_from,
            zip_to: row.zip_to,
            rate: row.rate,
            code: row.code,
            titles: titles.into_iter().map(stored_title).collect(),
        }
    }
}

fn stored_title((store, value): (i64, String)) -> TitleInput {
    TitleInput {
        store_id: Some(store.to_string()),
        value: Some(value),
    }
}

/// What a save's lookups found: the country (`None`: a code of another length), the region.
struct Found {
    country: Option<Option<String>>,
    region: Option<RegionRow>,
}

fn invalid(field: &str, value: serde_json::Value) -> Phrase {
    Phrase::values(
        INVALID_FIELD_VALUE,
        vec![("fieldName", field.into()), ("value", value)],
    )
}

/// PHP's `$a > $b` of two ints either of which may be null (null against an int compares as
/// bools).
fn php_greater(a: Option<i64>, b: Option<i64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a > b,
        (Some(a), None) => a != 0,
        (None, _) => false,
    }
}

/// `RateRepository::validate`.
fn validate(input: &RateInput, found: &Found) -> Result<()> {
    let mut errors = Vec::new();
    match input.tax_country_id.as_deref() {
        None => errors.push(Phrase::named(FIELD_REQUIRED, "fieldName", "country_id")),
        Some(c) if c.is_empty() || blank(c) => {
            errors.push(Phrase::named(FIELD_REQUIRED, "fieldName", "country_id"))
        }
        Some(c) => match &found.country {
            None => {
                return Err(Error::Input(Phrase::positional(
                    BAD_COUNTRY_CODE,
                    vec![c.to_owned()],
                )))
            }
            Some(None) => errors.push(invalid("country_id", c.into())),
            Some(Some(_)) => {}
        },
    }
    if let Some(region) = input.tax_region_id.filter(|r| *r != 0) {
        if found.region.is_none() {
            errors.push(invalid("region_id", region.into()));
        }
    }
    if input.rate.is_none_or(|r| r < Amount::ZERO) {
        errors.push(Phrase::named(
            FIELD_REQUIRED,
            "fieldName",
            "percentage_rate",
        ));
    }
    if input.code.as_deref().is_none_or(blank) {
        errors.push(Phrase::named(FIELD_REQUIRED, "fieldName", "code"));
    }
    if input.zip_is_range.is_some_and(|r| r != 0) {
        for (field, value) in [("zip_from", input.zip_from), ("zip_to", input.zip_to)] {
            if value.is_none_or(|v| v < 0) {
                errors.push(invalid(field, value.into()));
            }
        }
        if php_greater(input.zip_from, input.zip_to) {
            errors.push(Phrase::plain(RANGE_ORDER));
        }
    } else if input.tax_postcode.as_deref().is_none_or(blank) {
        errors.push(Phrase::named(FIELD_REQUIRED, "fieldName", "postcode"));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::aggregate(errors))
    }
}

/// The first `max` bytes of `s`, not cutting a character.
fn cut_bytes(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The first `max` characters of `s` (a VARCHAR(max) column without strict mode).
fn cut_chars(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// `Rate::beforeSave` once validated: the postcode, range and region to store.
fn prepare(input: &RateInput, found: &Found) -> Result<(RateWrite, RateView)> {
    let country = input.tax_country_id.clone().unwrap_or_default();
    let (postcode, range) = if input.zip_is_range.is_some_and(|r| r != 0) {
        let (from, to) = (input.zip_from.unwrap_or(0), input.zip_to.unwrap_or(0));
        if from.to_string().len() > 9 || to.to_string().len() > 9 {
            return Err(Error::input(ZIP_TOO_LONG));
        }
        (
            format!("{from}-{to}"),
            (input.zip_is_range, input.zip_from, input.zip_to),
        )
    } else {
        let posted = input.tax_postcode.as_deref().unwrap_or_default();
        (
            cut_bytes(posted, POSTCODE_LENGTH).to_owned(),
            (None, None, None),
        )
    };
    let region = found
        .region
        .as_ref()
        .filter(|r| r.country_id == country)
        .map(|r| (r.region_id, r.code.clone()));
    let rate = input.rate.unwrap_or(Amount::ZERO);
    let write = RateWrite {
        tax_country_id: cut_chars(&country, 2),
        tax_region_id: region.as_ref().map_or(0, |r| r.0),
        tax_postcode: postcode.clone(),
        code: cut_chars(input.code.as_deref().unwrap_or_default(), 255),
        rate: rate.min(Amount::new(MAX_RATE)),
        zip_is_range: range.0,
        zip_from: range.1,
        zip_to: range.2,
    };
    let posted_name = input
        .region_name
        .clone()
        .filter(|n| !n.is_empty() && n != "0");
    let view = RateView {
        id: 0,
        tax_country_id: country,
        tax_region_id: write.tax_region_id,
        region_name: posted_name.or(region.and_then(|r| r.1)),
        tax_postcode: Some(postcode),
        zip_is_range: range.0,
        zip_from: range.1,
        zip_to: range.2,
        rate,
        code: input.code.clone().unwrap_or_default(),
        titles: Vec::new(),
    };
    Ok((write, view))
}

/// PHP's `(int)` of a title's store id (an array key, then cast by `saveTitles`).
fn store_of(id: Option<&str>) -> i64 {
    let s = id.unwrap_or_default().trim_start();
    let digits: String = s
        .char_indices()
        .take_while(|(i, c)| c.is_ascii_digit() || (*i == 0 && (*c == '-' || *c == '+')))
        .map(|(_, c)| c)
        .collect();
    digits.parse().unwrap_or(0)
}

/// `Converter::createTitleArrayFromServiceObject` then `Rate::saveTitles`: one title a store
/// id (the last one posted for it, where the first stood), those with an empty value left out.
/// A title without a value is saved as `""` (the insert leaves the NULL out and MySQL without
/// strict mode fills the NOT NULL column with its implicit default); a value is cut to the
/// column's 255 characters.
fn titles_to_save(titles: &[TitleInput]) -> Vec<(i64, String)> {
    let mut by_key: Vec<(&str, Option<&str>)> = Vec::new();
    for t in titles {
        let key = t.store_id.as_deref().unwrap_or_default();
        match by_key.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = t.value.as_deref(),
            None => by_key.push((key, t.value.as_deref())),
        }
    }
    by_key
        .into_iter()
        .filter(|(_, v)| *v != Some(""))
        .map(|(k, v)| (store_of(Some(k)), cut_chars(v.unwrap_or_default(), 255)))
        .collect()
}

fn not_found(id: i64) -> Error {
    Error::no_such_entity("taxRateId", id)
}

/// `RateRepository::save`: the rate as the reply shows it.
pub async fn save(db: &Db, input: RateInput) -> Result<RateView> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let id = input.id.filter(|id| *id != 0);
                if let Some(id) = id {
                    if !store::rate_exists(conn, id).await? {
                        return Err(not_found(id));
                    }
                }
                let country = match input.tax_country_id.as_deref() {
                    Some(c) if !blank(c) => directory::country_by_code(conn, c).await?,
                    _ => Some(None),
                };
                let region = match input.tax_region_id {
                    Some(r) if r != 0 => directory::region(conn, r).await?,
                    _ => None,
                };
                let found = Found { country, region };
                validate(&input, &found)?;
                let (write, mut view) = prepare(&input, &found)?;
                if store::code_taken(conn, Coded::Rate, php_trim(&view.code), id).await? {
                    return Err(Error::Input(Phrase::positional(
                        ALREADY_EXISTS,
                        vec!["Code".into()],
                    )));
                }
                let posted = input.titles.clone().filter(|t| !t.is_empty());
                let titles = match (posted, id) {
                    (Some(t), _) => t,
                    (None, Some(id)) => store::titles(conn, id)
                        .await?
                        .into_iter()
                        .map(stored_title)
                        .collect(),
                    (None, None) => Vec::new(),
                };
                let saved = store::save_rate(conn, id, &write).await?;
                store::replace_titles(conn, saved, &titles_to_save(&titles)).await?;
                view.id = saved;
                view.titles = titles;
                Ok(view)
            })
        })
        .await
}

/// `RateRepository::get`.
pub async fn get(db: &Db, id: i64) -> Result<RateView> {
    let mut conn = db.read.acquire().await?;
    let row = store::rate(&mut conn, id)
        .await?
        .ok_or_else(|| not_found(id))?;
    let titles = store::titles(&mut conn, id).await?;
    Ok(RateView::stored(row, titles))
}

/// `RateRepository::deleteById`: not while a rule uses the rate.
pub async fn delete(db: &Db, id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                if !store::rate_exists(conn, id).await? {
                    return Err(not_found(id));
                }
                if store::rate_in_rule(conn, id).await? {
                    return Err(Error::input(IN_RULE));
                }
                store::delete_rate(conn, id).await.map_err(Error::from)
            })
        })
        .await
}

/// `RateRepository::getList`.
pub async fn list(db: &Db, criteria: &SearchCriteria) -> Result<(Vec<RateView>, i64)> {
    let mut conn = db.read.acquire().await?;
    let (rows, total) = store::rates(&mut conn, criteria).await?;
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        let titles = store::titles(&mut conn, row.tax_calculation_rate_id).await?;
        views.push(RateView::stored(row, titles));
    }
    Ok((views, total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn us_ca() -> RateInput {
        RateInput {
            tax_country_id: Some("US".into()),
            tax_region_id: Some(12),
            tax_postcode: Some("*".into()),
            rate: Amount::parse("8.25"),
            code: Some("US-CA".into()),
            ..RateInput::default()
        }
    }

    fn found(country: Option<&str>, region: Option<(&str, &str)>) -> Found {
        Found {
            country: Some(country.map(str::to_owned)),
            region: region.map(|(country, code)| RegionRow {
                region_id: 12,
                country_id: country.into(),
                code: Some(code.into()),
                default_name: None,
            }),
        }
    }

    #[test]
    fn every_error_of_a_rate_is_listed_in_magentos_order() {
        let empty = RateInput::default();
        let err = validate(&empty, &found(None, None)).unwrap_err();
        let fields: Vec<_> = err.body()["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["parameters"]["fieldName"].clone())
            .collect();
        assert_eq!(
            fields,
            vec![
                json!("country_id"),
                json!("percentage_rate"),
                json!("code"),
                json!("postcode")
            ]
        );
        let negative = RateInput {
            rate: Amount::parse("-1"),
            ..us_ca()
        };
        let err = validate(&negative, &found(Some("US"), Some(("US", "CA")))).unwrap_err();
        assert_eq!(
            err.body(),
            json!({"message": FIELD_REQUIRED, "parameters": {"fieldName": "percentage_rate"}})
        );
    }

    #[test]
    fn a_range_is_checked_then_becomes_the_postcode() {
        let range = RateInput {
            zip_is_range: Some(1),
            zip_from: Some(30),
            zip_to: None,
            ..us_ca()
        };
        let err = validate(&range, &found(Some("US"), Some(("US", "CA")))).unwrap_err();
        assert_eq!(
            err.body(),
            json!({"message": "One or more input exceptions have occurred.", "errors": [
                {"message": INVALID_FIELD_VALUE, "parameters": {"fieldName": "zip_to", "value": null}},
                {"message": RANGE_ORDER, "parameters": []}
            ]})
        );
        let ok = RateInput {
            zip_to: Some(90),
            tax_postcode: None,
            ..range
        };
        let f = found(Some("US"), Some(("US", "CA")));
        validate(&ok, &f).unwrap();
        let (write, view) = prepare(&ok, &f).unwrap();
        assert_eq!(write.tax_postcode, "30-90");
        assert_eq!(view.region_name.as_deref(), Some("CA"));
        let long = RateInput {
            zip_to: Some(1_234_567_890),
            ..ok
        };
        assert_eq!(
            prepare(&long, &f).unwrap_err().body()["message"],
            ZIP_TOO_LONG
        );
    }

    #[test]
    fn before_save_cuts_the_postcode_and_drops_a_foreign_region() {
        let input = RateInput {
            tax_country_id: Some("us".into()),
            tax_postcode: Some("12345678901234".into()),
            ..us_ca()
        };
        let (write, view) = prepare(&input, &found(Some("US"), Some(("US", "CA")))).unwrap();
        assert_eq!(write.tax_postcode, "1234567890");
        assert_eq!((write.tax_region_id, view.region_name), (0, None));
        let usa = RateInput {
            tax_country_id: Some("USA".into()),
            ..us_ca()
        };
        let (write, view) = prepare(&usa, &found(Some("US"), Some(("US", "CA")))).unwrap();
        assert_eq!(
            (write.tax_country_id.as_str(), write.tax_region_id),
            ("US", 0)
        );
        assert_eq!(view.tax_country_id, "USA");
    }

    #[test]
    fn a_rate_past_decimal_12_4_is_stored_at_its_largest() {
        assert_eq!(MAX_RATE.to_string(), "99999999.9999");
        let input = RateInput {
            rate: Amount::parse("123456789"),
            ..us_ca()
        };
        let (write, _) = prepare(&input, &found(Some("US"), Some(("US", "CA")))).unwrap();
        assert_eq!(write.rate, Amount::new(MAX_RATE));
    }

    #[test]
    fn titles_keep_one_a_store_and_skip_empty_ones() {
        let t = |s: &str, v: &str| TitleInput {
            store_id: Some(s.into()),
            value: Some(v.into()),
        };
        let none = TitleInput {
            store_id: Some("3".into()),
            value: None,
        };
        let saved = titles_to_save(&[t("1", "A"), t("0", "B"), t("1", "C"), t("2", ""), none]);
        assert_eq!(
            saved,
            vec![(1, "C".into()), (0, "B".into()), (3, String::new())]
        );
        assert_eq!(store_of(Some("abc")), 0);
        assert_eq!(store_of(Some(" 3x")), 3);
    }
}
