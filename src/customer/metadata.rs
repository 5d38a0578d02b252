//! Customer and customer address attribute metadata (`CustomerMetadataInterface`,
//! `AddressMetadataInterface`; Magento_Customer's `Model/Metadata/{Customer,Address}Metadata`,
//! `Model/AttributeMetadataConverter`, `Model/AttributeMetadataDataProvider`): the attributes of
//! a fresh 2.4.7-2.4.9 install (`attributes.tsv`: `CustomerSetup::getDefaultEntities` and the
//! module's data patches; magemu cannot add attributes), with the options their source models
//! give for magemu's stores, groups and directory.
//!
//! - The list routes give every attribute of the entity's default attribute set (1 for
//!   customers, 2 for addresses), hidden and system ones included, in
//!   `eav_entity_attribute.sort_order`'s order; `custom` those without a getter on the data
//!   interface that are not system attributes: none on a fresh install.
//! - A form gives the attributes `customer_form_attribute` lists for it, ordered by
//!   `is_user_defined` then `customer_eav_attribute.sort_order` (ties by id); an unknown form is
//!   404 `formCode`, not `[]` (`checkout_register` included: a data patch empties it).
//! - `sort_order` is `customer_eav_attribute`'s on every route. (The list routes may print
//!   `eav_entity_attribute`'s instead, the later of the two joined columns of the collection
//!   that loads them: medium confidence, and no Magento test tells; where they differ, e.g.
//!   `password_hash` 0 against 81, magemu prints the single route's.)
//! - Api-functional `CustomerMetadataTest` and `AddressMetadataTest` (2.4.7) assert
//!   `firstname`, `gender`, `website_id`, `postcode`, `prefix` and `suffix` exactly, and 19
//!   address attributes; integration `CustomerMetadataTest` 14 attributes in
//!   `adminhtml_customer`.

use std::sync::LazyLock;

use sqlx::SqliteConnection;
use unicode_normalization::UnicodeNormalization;

use crate::db::{directory, store};

/// Which metadata service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Customer,
    Address,
}

impl Entity {
    /// The EAV entity type code (`customer`, `customer_address`).
    pub fn type_code(self) -> &'static str {
        match self {
            Entity::Customer => "customer",
            Entity::Address => "customer_address",
        }
    }

    /// The attributes with a getter on the data interface that are not system attributes
    /// (`MetadataInterface::getCustomAttributesMetadata` leaves these out).
    fn interface_fields(self) -> &'static [&'static str] {
        match self {
            Entity::Customer => &[
                "prefix",
                "middlename",
                "suffix",
                "dob",
                "taxvat",
                "created_at",
                "gender",
                "updated_at",
            ],
            Entity::Address => &["prefix", "middlename", "suffix", "fax"],
        }
    }
}

/// One attribute as `AttributeMetadataConverter::createMetadataAttribute` reads it (the
/// store label is the frontend label: magemu keeps no per-store labels).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeDef {
    pub entity: Entity,
    pub id: i64,
    pub code: String,
    pub frontend_input: String,
    pub input_filter: String,
    pub label: Option<String>,
    /// `validate_rules`, in stored order.
    pub rules: Vec<(String, String)>,
    pub multiline_count: i64,
    pub visible: bool,
    pub required: bool,
    pub data_model: String,
    pub frontend_class: String,
    pub system: bool,
    pub sort_order: i64,
    /// `is_used_in_grid`, `is_visible_in_grid`, `is_filterable_in_grid`, `is_searchable_in_grid`.
    pub grid: [bool; 4],
    pub forms: Vec<String>,
}

static ATTRIBUTES: LazyLock<Vec<AttributeDef>> =
    LazyLock::new(|| parse(include_str!("attributes.tsv")));

/// The rows of `attributes.tsv` (its own unit test reads every one).
fn parse(text: &str) -> Vec<AttributeDef> {
    let flag = |v: &str| v == "true";
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("entity\t") && !l.is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let split = |v: &str, by: char| -> Vec<String> {
                v.split(by)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            };
            AttributeDef {
                entity: if f[0] == "customer" {
                    Entity::Customer
                } else {
                    Entity::Address
                },
                id: f[1].parse().unwrap_or_default(),
                code: f[2].to_owned(),
                frontend_input: f[3].to_owned(),
                input_filter: f[4].to_owned(),
                label: (f[5] != "-").then(|| f[5].to_owned()),
                rules: split(f[6], ';')
                    .iter()
                    .filter_map(|r| r.split_once('='))
                    .map(|(n, v)| (n.to_owned(), v.to_owned()))
                    .collect(),
                multiline_count: f[7].parse().unwrap_or_default(),
                visible: flag(f[8]),
                required: flag(f[9]),
                data_model: f[10].to_owned(),
                frontend_class: f[11].to_owned(),
                system: flag(f[12]),
                sort_order: f[13].parse().unwrap_or_default(),
                grid: [flag(f[14]), flag(f[15]), flag(f[16]), flag(f[17])],
                forms: split(f[18], ','),
            }
        })
        .collect()
}

/// `getAllAttributesMetadata`: the entity's attributes in list order.
pub fn all(entity: Entity) -> Vec<&'static AttributeDef> {
    ATTRIBUTES.iter().filter(|a| a.entity == entity).collect()
}

/// `getAttributeMetadata`: the attribute `code` names in the entity, with the code the reply
/// prints. `Eav\Model\Config::getAttribute` loads a numeric code as an attribute id (kept when
/// the attribute is the entity's: `customer/attribute/1` is `website_id`, while address id 1
/// is none, as the integration `AddressMetadataTest` asserts) and any other by code under
/// MySQL's case-insensitive collation, then sets the code as asked (`FIRSTNAME` prints
/// `"attribute_code": "FIRSTNAME"`).
pub fn attribute(entity: Entity, code: &str) -> Option<(&'static AttributeDef, String)> {
    let mine = || ATTRIBUTES.iter().filter(|a| a.entity == entity);
    if !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()) {
        let id: i64 = code.parse().ok()?;
        return mine().find(|a| a.id == id).map(|a| (a, a.code.clone()));
    }
    let wanted = code.trim_end_matches(' ');
    mine()
        .find(|a| a.code.eq_ignore_ascii_case(wanted))
        .map(|a| (a, code.to_owned()))
}

/// `getCustomAttributesMetadata`: none on a fresh install (every attribute without a getter
/// is a system one).
pub fn custom(entity: Entity) -> Vec<&'static AttributeDef> {
    all(entity)
        .into_iter()
        .filter(|a| !a.system && !entity.interface_fields().contains(&a.code.as_str()))
        .collect()
}

/// `getAttributes($formCode)`: the form's attributes by sort order, `None` for a form without
/// any (Magento's 404). The form code is compared as MySQL's `general_ci` collation compares
/// (`ADMINHTML_CUSTOMER` and a trailing space match).
pub fn form(entity: Entity, form_code: &str) -> Option<Vec<&'static AttributeDef>> {
    let wanted = form_code.trim_end_matches(' ');
    let mut found: Vec<&AttributeDef> = all(entity)
        .into_iter()
        .filter(|a| a.forms.iter().any(|f| f.eq_ignore_ascii_case(wanted)))
        .collect();
    found.sort_by_key(|a| (a.sort_order, a.id));
    (!found.is_empty()).then_some(found)
}

/// One `OptionInterface`: a value, or a group of options (`getStoreValuesForForm`'s websites
/// and store groups).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttributeOption {
    Value {
        label: String,
        value: String,
    },
    Group {
        label: String,
        options: Vec<AttributeOption>,
    },
}

fn value(label: impl Into<String>, value: impl Into<String>) -> AttributeOption {
    AttributeOption::Value {
        label: label.into(),
        value: value.into(),
    }
}

/// Four non-breaking spaces: `System\Store::getStoreValuesForForm`'s indent
/// (`html_entity_decode('&#160;')`).
const INDENT: &str = "\u{a0}\u{a0}\u{a0}\u{a0}";

/// `Directory\Model\ResourceModel\Country\Collection::toOptionArray` sorts the countries by
/// their English names with `ArrayUtils::ksortMultibyte` (`ksort` with `SORT_LOCALE_STRING`
/// under `en_US.UTF8`: glibc's collation, which puts "Åland Islands" after "Afghanistan");
/// this is that order for magemu's names, computed once with glibc 2.36's `strcoll`. A
/// country without a name (AN) is left out, as `toOptionArray` leaves out an empty one.
const COUNTRY_ORDER: &str = "
    AF AX AL DZ AS AD AO AI AQ AG AR AM AW AU AT AZ BS BH BD BB BY BE BZ BJ BM BT BO BA BW BV
    BR IO VG BN BG BF BI KH CM CA CV BQ KY CF TD CL CN CX CC CO KM CG CD CK CR CI HR CU CW CY
    CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FK FO FJ FI FR GF PF TF GA GM GE DE GH GI GR GL GD
    GP GU GT GG GN GW GY HT HM HN HK HU IS IN ID IR IQ IE IM IL IT JM JP JE JO KZ KE KI XK KW
    KG LA LV LB LS LR LY LI LT LU MO MG MW MY MV ML MT MH MQ MR MU YT MX FM MD MC MN ME MS MA
    MZ MM NA NR NP NL NC NZ NI NE NG NU NF MP KP MK NO OM PK PW PS PA PG PY PE PH PN PL PT QA
    RE RO RU RW WS SM ST SA SN RS SC SL SG SX SK SI SB SO ZA GS KR ES LK BL SH KN LC MF PM VC
    SD SR SJ SE CH SY TW TJ TZ TH TL TG TK TO TT TN TR TM TC TV UG UA AE GB US UY UM VI UZ VU
    VA VE VN WF EH YE ZM ZW
";

/// MySQL `utf8_general_ci`'s weight of a name, close enough for the region names Magento
/// ships: a letter with an accent weighs as its base letter (`é` as `E`), letters as their
/// capitals, a letter without a decomposition (`ł`) as itself, trailing spaces nothing. The
/// unit test checks it against every country's region order (`name_position`).
fn general_ci(name: &str) -> Vec<u32> {
    let mut weights: Vec<u32> = name
        .chars()
        .map(|ch| {
            let base = ch.nfd().next().unwrap_or(ch);
            if base.is_ascii() {
                u32::from(base.to_ascii_uppercase())
            } else {
                let mut upper = ch.to_uppercase();
                match (upper.next(), upper.next()) {
                    (Some(u), None) => u32::from(u),
                    _ => u32::from(ch),
                }
            }
        })
        .collect();
    while weights.last() == Some(&u32::from(b' ')) {
        weights.pop();
    }
    weights
}

/// What the attribute's source model (or, for prefix and suffix, the empty
/// `customer/address/{prefix,suffix}_options` config) gives as options.
pub async fn options(
    conn: &mut SqliteConnection,
    attribute: &AttributeDef,
) -> Result<Vec<AttributeOption>, sqlx::Error> {
    Ok(match attribute.code.as_str() {
        // `Customer\Attribute\Source\Website`: getWebsiteValuesForForm() without the admin.
        "website_id" => store::websites(conn)
            .await?
            .into_iter()
            .filter(|w| w.website_id != 0)
            .map(|w| value(w.name, w.website_id.to_string()))
            .collect(),
        "store_id" => store_tree(conn).await?,
        // `Source\Group`: GroupManagement::getLoggedInGroups(), by code (2.4.7+ sorts by
        // `customer_group_code`, MySQL's `general_ci`: General, Retailer, Wholesale).
        "group_id" => {
            let mut groups = crate::db::customers::group_codes(conn).await?;
            groups.retain(|(id, _)| *id != 0);
            groups.sort_by_cached_key(|(id, code)| (general_ci(code), *id));
            groups
                .into_iter()
                .map(|(id, code)| value(code, id.to_string()))
                .collect()
        }
        // `Eav\...\Source\Table` with its empty option first.
        "gender" => vec![
            value(" ", ""),
            value("Male", "1"),
            value("Female", "2"),
            value("Not Specified", "3"),
        ],
        "country_id" if attribute.entity == Entity::Address => {
            let countries = directory::countries(conn, None).await?;
            let mut out = vec![value(" ", "")];
            for id in COUNTRY_ORDER.split_whitespace() {
                if let Some(name) = countries
                    .iter()
                    .find(|c| c.country_id == id)
                    .and_then(|c| c.name.clone())
                {
                    out.push(value(name, id));
                }
            }
            out
        }
        // `Address\Attribute\Source\Region`: every region of every country, by name
        // (`ORDER BY name, default_name`), after the collection's empty option.
        "region_id" if attribute.entity == Entity::Address => {
            let mut regions = directory::regions_of(conn, None).await?;
            regions.sort_by_cached_key(|r| {
                (
                    general_ci(r.default_name.as_deref().unwrap_or_default()),
                    r.region_id,
                )
            });
            std::iter::once(value("Please select a region, state or province.", ""))
                .chain(
                    regions.into_iter().map(|r| {
                        value(r.default_name.unwrap_or_default(), r.region_id.to_string())
                    }),
                )
                .collect()
        }
        _ => Vec::new(),
    })
}

/// `Customer\Attribute\Source\Store`: `System\Store::getStoreValuesForForm()`: each website
/// with a store view, as a group without options, then each of its store groups with its store
/// views, indented.
async fn store_tree(conn: &mut SqliteConnection) -> Result<Vec<AttributeOption>, sqlx::Error> {
    let websites = store::websites(conn).await?;
    let groups = store::groups(conn).await?;
    let views = store::views(conn).await?;
    let mut out = Vec::new();
    for w in websites.iter().filter(|w| w.website_id != 0) {
        let mut website_shown = false;
        for g in groups.iter().filter(|g| g.website_id == w.website_id) {
            let values: Vec<AttributeOption> = views
                .iter()
                .filter(|v| v.group_id == g.group_id && v.store_id != 0)
                .map(|v| value(format!("{INDENT}{}", v.name), v.store_id.to_string()))
                .collect();
            if values.is_empty() {
                continue;
            }
            if !website_shown {
                out.push(AttributeOption::Group {
                    label: w.name.clone(),
                    options: Vec::new(),
                });
                website_shown = true;
            }
            out.push(AttributeOption::Group {
                label: format!("{INDENT}{}", g.name),
                options: values,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_reads() {
        let lines = include_str!("attributes.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("entity\t"))
            .count();
        assert_eq!(ATTRIBUTES.len(), lines);
        assert!(include_str!("attributes.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .all(|l| l.split('\t').count() == 19));
        assert_eq!(
            (all(Entity::Customer).len(), all(Entity::Address).len()),
            (25, 19)
        );
        let (firstname, _) = attribute(Entity::Customer, "firstname").expect("firstname");
        assert_eq!(
            firstname.rules,
            [
                ("max_text_length".to_owned(), "255".to_owned()),
                ("min_text_length".to_owned(), "1".to_owned())
            ]
        );
        assert_eq!(
            attribute(Entity::Customer, "password_hash")
                .expect("hash")
                .0
                .label,
            None
        );
        assert_eq!(
            attribute(Entity::Address, "street")
                .expect("street")
                .0
                .multiline_count,
            2
        );
        // By id within the entity; by code without case, printed as asked.
        let code = |e, c| attribute(e, c).map(|(a, shown)| (a.code.as_str(), shown));
        assert_eq!(
            code(Entity::Customer, "1"),
            Some(("website_id", "website_id".into()))
        );
        assert_eq!(code(Entity::Address, "1"), None);
        assert_eq!(
            code(Entity::Address, "22"),
            Some(("prefix", "prefix".into()))
        );
        assert_eq!(
            code(Entity::Customer, "FIRSTNAME"),
            Some(("firstname", "FIRSTNAME".into()))
        );
        assert_eq!(code(Entity::Customer, "street"), None);
    }

    #[test]
    fn forms_and_custom_attributes_of_a_fresh_install() {
        let codes = |v: Vec<&AttributeDef>| v.iter().map(|a| a.code.clone()).collect::<Vec<_>>();
        assert_eq!(
            form(Entity::Customer, "adminhtml_customer").map(|f| f.len()),
            Some(14)
        );
        assert_eq!(
            codes(form(Entity::Customer, "adminhtml_checkout").expect("a form")),
            ["group_id", "email", "dob", "taxvat", "gender"]
        );
        assert_eq!(form(Entity::Customer, "checkout_register"), None);
        assert_eq!(
            form(Entity::Customer, "ADMINHTML_CHECKOUT ").map(|f| f.len()),
            Some(5)
        );
        assert_eq!(form(Entity::Customer, "customer_address_edit"), None);
        let edit = codes(form(Entity::Address, "customer_address_edit").expect("a form"));
        assert_eq!(edit.len(), 15);
        assert_eq!(&edit[7..11], ["country_id", "region", "region_id", "city"]);
        assert!(custom(Entity::Customer).is_empty() && custom(Entity::Address).is_empty());
    }

    #[test]
    fn general_ci_folds_accents_and_case() {
        assert_eq!(general_ci("Ágion Óros"), general_ci("AGION OROS  "));
        assert!(general_ci("łódzkie") > general_ci("zachodniopomorskie"));
        assert!(general_ci("Île-de-France") < general_ci("Jura"));
        assert_eq!(COUNTRY_ORDER.split_whitespace().count(), 248);
    }
}
