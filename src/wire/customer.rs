//! `Magento\Customer\Api\Data\CustomerInterface`, `AddressInterface`, `RegionInterface` and
//! `GroupInterface` as JSON, and the body of `POST /V1/customers`.
//!
//! Reply shape (tutorial step 6, a real 2.4.0 reply): `default_billing`/`default_shipping` are
//! strings, an address's `default_*` flags appear only when true, null getters are left out,
//! `extension_attributes` is `{"is_subscribed": ...}` (Magento_Newsletter's plugin; false
//! unless the account was created subscribed).

use serde::Serialize;
use serde_json::{Map, Value};

use crate::customer::{AddressInput, Customer, CustomerInput};
use crate::db::customers::{AddressEntityRow, GroupRow};
use crate::error::{Error, Result};
use crate::wire::input::{int_list, list, param, same_key, to_int, to_string, At, Obj};

const CUSTOMER_FIELDS: &[&str] = &[
    "id",
    "group_id",
    "default_billing",
    "default_shipping",
    "confirmation",
    "created_at",
    "updated_at",
    "created_in",
    "dob",
    "email",
    "firstname",
    "lastname",
    "middlename",
    "prefix",
    "suffix",
    "gender",
    "store_id",
    "taxvat",
    "website_id",
    "addresses",
    "disable_auto_group_change",
    "extension_attributes",
    "custom_attributes",
];
const ADDRESS_FIELDS: &[&str] = &[
    "id",
    "customer_id",
    "region",
    "region_id",
    "country_id",
    "street",
    "company",
    "telephone",
    "fax",
    "postcode",
    "city",
    "firstname",
    "lastname",
    "middlename",
    "prefix",
    "suffix",
    "vat_id",
    "default_shipping",
    "default_billing",
    "extension_attributes",
    "custom_attributes",
];

/// `{"customer": CustomerInterface, "password": string?, "redirectUrl": string?}`.
pub fn parse_create(body: &Map<String, Value>) -> Result<(CustomerInput, Option<String>)> {
    let customer = param(body, "customer").ok_or_else(|| Error::required("customer"))?;
    let password = param(body, "password")
        .map(|v| to_string(v, At::Top))
        .transpose()?;
    Ok((parse_customer(customer)?, password))
}

/// `POST /V1/customers/isEmailAvailable`: `customerEmail` (required) and `websiteId`.
pub fn parse_email_available(body: &Map<String, Value>) -> Result<(String, Option<i64>)> {
    let email = param(body, "customerEmail")
        .filter(|v| !v.is_null())
        .ok_or_else(|| Error::required("customerEmail"))?;
    let email = to_string(email, At::Top)?;
    let website = param(body, "websiteId")
        .filter(|v| !v.is_null())
        .map(|v| to_int(v, At::Top))
        .transpose()?;
    Ok((email, website))
}

/// `PUT /V1/customers/{customerId}` and `/me`: `{"customer": CustomerInterface,
/// "passwordHash": string?}`.
pub fn parse_update(body: &Map<String, Value>) -> Result<crate::customer::update::CustomerUpdate> {
    let customer = param(body, "customer")
        .filter(|v| !v.is_null())
        .ok_or_else(|| Error::required("customer"))?;
    let password_hash = param(body, "passwordHash")
        .filter(|v| !v.is_null())
        .map(|v| to_string(v, At::Top))
        .transpose()?;
    let o = Obj::new(customer, CUSTOMER_FIELDS)?;
    Ok(crate::customer::update::CustomerUpdate {
        id: o.int("id")?,
        default_billing: o.string("default_billing")?,
        default_shipping: o.string("default_shipping")?,
        addresses_posted: o.get("addresses").is_some(),
        customer: parse_customer(customer)?,
        password_hash,
    })
}

/// `PUT /V1/customers/validate`: `{"customer": CustomerInterface}`.
pub fn parse_validate(body: &Map<String, Value>) -> Result<CustomerInput> {
    let customer = param(body, "customer")
        .filter(|v| !v.is_null())
        .ok_or_else(|| Error::required("customer"))?;
    Obj::new(customer, CUSTOMER_FIELDS)?.int("id")?;
    parse_customer(customer)
}

/// `ServiceInputProcessor::_createFromArray` converts the posted fields in the body's order, so
/// of two mistyped scalars the error names the one posted first (review-36 item 5).
fn check_types_in_body_order(o: &Obj<'_>, v: &Value) -> Result<()> {
    const INTS: &[&str] = &[
        "id",
        "group_id",
        "gender",
        "store_id",
        "website_id",
        "disable_auto_group_change",
    ];
    const STRINGS: &[&str] = &[
        "default_billing",
        "default_shipping",
        "confirmation",
        "created_at",
        "updated_at",
        "created_in",
        "dob",
        "email",
        "firstname",
        "lastname",
        "middlename",
        "prefix",
        "suffix",
        "taxvat",
    ];
    for key in v.as_object().into_iter().flat_map(|m| m.keys()) {
        if let Some(f) = INTS.iter().find(|f| same_key(f, key)) {
            o.int(f)?;
        } else if let Some(f) = STRINGS.iter().find(|f| same_key(f, key)) {
            o.string(f)?;
        }
    }
    Ok(())
}

/// A quote's `customer` (`CustomerInterface`): its id and fields.
pub fn parse_quote_customer(v: &Value) -> Result<(Option<i64>, CustomerInput)> {
    let id = Obj::new(v, CUSTOMER_FIELDS)?.int("id")?;
    Ok((id, parse_customer(v)?))
}

/// `ValidationResultsInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "customer-data-validation-results-interface")]
pub struct ValidationResultsData {
    pub valid: bool,
    pub messages: Vec<String>,
}

impl From<crate::customer::validate::ValidationResults> for ValidationResultsData {
    fn from(r: crate::customer::validate::ValidationResults) -> Self {
        Self {
            valid: r.valid,
            messages: r.messages,
        }
    }
}

/// `{"group": GroupInterface}` of `POST /V1/customerGroups` and `PUT /V1/customerGroups/{id}`.
pub fn parse_group(body: &Map<String, Value>) -> Result<crate::customer::groups::GroupInput> {
    let group = param(body, "group")
        .filter(|v| !v.is_null())
        .ok_or_else(|| Error::required("group"))?;
    let o = Obj::new(
        group,
        &[
            "id",
            "code",
            "tax_class_id",
            "tax_class_name",
            "extension_attributes",
        ],
    )?;
    let exclude_website_ids = match o.get("extension_attributes") {
        Some((ext_key, ext)) => {
            match Obj::new(ext, &["exclude_website_ids"])?.get("exclude_website_ids") {
                Some((key, ids)) => Some(int_list(ids, &[ext_key, key])?),
                None => None,
            }
        }
        None => None,
    };
    Ok(crate::customer::groups::GroupInput {
        id: o.int("id")?,
        code: o.string("code")?,
        tax_class_id: o.int("tax_class_id")?,
        tax_class_name: o.string("tax_class_name")?,
        exclude_website_ids,
    })
}

fn parse_customer(v: &Value) -> Result<CustomerInput> {
    let o = Obj::new(v, CUSTOMER_FIELDS)?;
    check_types_in_body_order(&o, v)?;
    let mut input = CustomerInput {
        id: o.int("id")?,
        email: o.string("email")?,
        firstname: o.string("firstname")?,
        lastname: o.string("lastname")?,
        middlename: o.string("middlename")?,
        prefix: o.string("prefix")?,
        suffix: o.string("suffix")?,
        dob: o.string("dob")?,
        taxvat: o.string("taxvat")?,
        gender: o.int("gender")?,
        group_id: o.int("group_id")?,
        store_id: o.int("store_id")?,
        website_id: o.int("website_id")?,
        disable_auto_group_change: o.int("disable_auto_group_change")?,
        addresses: Vec::new(),
        is_subscribed: None,
        created_at: o.string("created_at")?,
        confirmation: o.string("confirmation")?,
    };
    if let Some((_, Value::Object(ext))) = o.get("extension_attributes") {
        input.is_subscribed = ext
            .get("is_subscribed")
            .filter(|v| !v.is_null())
            .map(crate::wire::input::to_bool);
    }
    if let Some((_, addresses)) = o.get("addresses") {
        for a in list(addresses)? {
            input.addresses.push(parse_address(a)?);
        }
    }
    Ok(input)
}

fn parse_address(v: &Value) -> Result<AddressInput> {
    let o = Obj::new(v, ADDRESS_FIELDS)?;
    let mut a = AddressInput {
        id: o.int("id")?,
        firstname: o.string("firstname")?,
        lastname: o.string("lastname")?,
        middlename: o.string("middlename")?,
        prefix: o.string("prefix")?,
        suffix: o.string("suffix")?,
        company: o.string("company")?,
        city: o.string("city")?,
        region_id: o.int("region_id")?,
        postcode: o.string("postcode")?,
        country_id: o.string("country_id")?,
        telephone: o.string("telephone")?,
        fax: o.string("fax")?,
        vat_id: o.string("vat_id")?,
        default_billing: o.bool("default_billing").unwrap_or(false),
        default_shipping: o.bool("default_shipping").unwrap_or(false),
        ..Default::default()
    };
    if let Some((key, street)) = o.get("street") {
        for line in list(street)? {
            a.street.push(to_string(line, At::Field(key))?);
        }
    }
    if let Some((_, region)) = o.get("region") {
        let r = Obj::new(
            region,
            &["region_code", "region", "region_id", "extension_attributes"],
        )?;
        a.region = r.string("region")?;
        a.region_code = r.string("region_code")?;
        if a.region_id.is_none() {
            // `setRegionId((int)$region->getRegionId())`: a region without an id is 0.
            a.region_id = Some(r.int("region_id")?.unwrap_or(0));
        }
    }
    Ok(a)
}

/// `RegionInterface`: its getters are not nullable, so an empty one is written as null
/// (`{"region_code": null, "region": null, "region_id": 0}` for an address without a region,
/// as Magento's 2.4.9 address tests expect).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "customer-data-region-interface")]
pub struct RegionData {
    pub region_code: Option<String>,
    pub region: Option<String>,
    pub region_id: i64,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// `AddressInterface`, getters in order.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "customer-data-address-interface")]
pub struct AddressData {
    pub id: i64,
    pub customer_id: i64,
    pub region: RegionData,
    /// Left out when the address has none stored (no region posted at all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_id: Option<i64>,
    pub country_id: String,
    pub street: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub telephone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    pub city: String,
    pub firstname: String,
    pub lastname: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middlename: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat_id: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    pub default_shipping: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub default_billing: bool,
}

impl From<&crate::customer::manage::Address> for AddressData {
    fn from(a: &crate::customer::manage::Address) -> Self {
        AddressData::new(&a.row, a.default_billing, a.default_shipping)
    }
}

impl AddressData {
    fn new(a: &AddressEntityRow, billing: Option<i64>, shipping: Option<i64>) -> Self {
        AddressData {
            id: a.entity_id,
            customer_id: a.parent_id,
            region: RegionData {
                // AbstractAddress::getRegionCode: without a region id, a region text that is
                // not a number stands as the code.
                region_code: a.region_code.clone().or_else(|| {
                    a.region.clone().filter(|r| {
                        a.region_id.unwrap_or(0) == 0 && r.trim().parse::<f64>().is_err()
                    })
                }),
                region: a.region.clone(),
                region_id: a.region_id.unwrap_or(0),
            },
            region_id: a.region_id,
            country_id: a.country_id.clone(),
            street: a.street.split('\n').map(str::to_owned).collect(),
            company: a.company.clone(),
            telephone: a.telephone.clone(),
            fax: a.fax.clone(),
            postcode: a.postcode.clone(),
            city: a.city.clone(),
            firstname: a.firstname.clone(),
            lastname: a.lastname.clone(),
            middlename: a.middlename.clone(),
            prefix: a.prefix.clone(),
            suffix: a.suffix.clone(),
            vat_id: a.vat_id.clone(),
            default_shipping: shipping == Some(a.entity_id),
            default_billing: billing == Some(a.entity_id),
        }
    }
}

/// `CustomerExtensionInterface` as Magento_Newsletter fills it.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "customer-data-customer-extension-interface")]
pub struct CustomerExtensionData {
    pub is_subscribed: bool,
}

/// `CustomerInterface`, getters in order.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "customer-data-customer-interface")]
pub struct CustomerData {
    pub id: i64,
    pub group_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_billing: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_shipping: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirmation: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_in: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dob: Option<String>,
    pub email: String,
    pub firstname: String,
    pub lastname: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middlename: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taxvat: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website_id: Option<i64>,
    pub addresses: Vec<AddressData>,
    pub disable_auto_group_change: i64,
    pub extension_attributes: CustomerExtensionData,
}

impl From<&Customer> for CustomerData {
    fn from(c: &Customer) -> Self {
        let r = &c.row;
        CustomerData {
            id: r.entity_id,
            group_id: r.group_id,
            default_billing: r.default_billing.map(|i| i.to_string()),
            default_shipping: r.default_shipping.map(|i| i.to_string()),
            confirmation: r.confirmation.clone(),
            created_at: r.created_at.clone(),
            updated_at: r.updated_at.clone(),
            created_in: r.created_in.clone(),
            dob: r.dob.clone(),
            email: r.email.clone(),
            firstname: r.firstname.clone(),
            lastname: r.lastname.clone(),
            middlename: r.middlename.clone(),
            prefix: r.prefix.clone(),
            suffix: r.suffix.clone(),
            gender: r.gender,
            store_id: r.store_id,
            taxvat: r.taxvat.clone(),
            website_id: r.website_id,
            addresses: c
                .addresses
                .iter()
                .map(|a| AddressData::new(a, r.default_billing, r.default_shipping))
                .collect(),
            disable_auto_group_change: r.disable_auto_group_change,
            extension_attributes: CustomerExtensionData {
                is_subscribed: r.is_subscribed != 0,
            },
        }
    }
}

/// `GroupInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "customer-data-group-interface")]
pub struct GroupData {
    pub id: i64,
    pub code: String,
    pub tax_class_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_class_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension_attributes: Option<GroupExtension>,
}

/// `GroupExtensionInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "customer-data-group-extension-interface")]
pub struct GroupExtension {
    pub exclude_website_ids: Vec<i64>,
}

impl From<&GroupRow> for GroupData {
    /// A stored group: its excluded websites shown when there are some (the `getById` and
    /// `getList` plugins).
    fn from(g: &GroupRow) -> Self {
        let excluded: Vec<i64> = g
            .excluded_website_ids
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .filter_map(|id| id.parse().ok())
            .collect();
        GroupData {
            id: g.customer_group_id,
            code: g.customer_group_code.clone(),
            tax_class_id: g.tax_class_id,
            tax_class_name: g.class_name.clone(),
            extension_attributes: (!excluded.is_empty()).then_some(GroupExtension {
                exclude_website_ids: excluded,
            }),
        }
    }
}

impl From<&crate::customer::groups::Saved> for GroupData {
    /// `GroupRepository::save`'s reply: the posted extension attributes, as sent.
    fn from(saved: &crate::customer::groups::Saved) -> Self {
        GroupData {
            extension_attributes: saved.exclude_website_ids.clone().map(|ids| GroupExtension {
                exclude_website_ids: ids,
            }),
            ..GroupData::from(&saved.group)
        }
    }
}

/// `{"currentPassword": ..., "newPassword": ...}` of `PUT /V1/customers/me/password`: both
/// required (a missing or null one is `"%fieldName" is required.`, both missing the aggregate).
pub fn parse_password_change(body: &Map<String, Value>) -> Result<(String, String)> {
    let [current, new] =
        crate::wire::input::required_strings(body, ["currentPassword", "newPassword"], param)?;
    Ok((current, new))
}

/// `{"email", "template", "websiteId"?}` of `PUT /V1/customers/password`
/// (`initiatePasswordReset($email, $template, $websiteId = null)`): e-mail and template
/// required, the website an integer when given.
pub fn parse_reset_request(body: &Map<String, Value>) -> Result<crate::customer::reset::Request> {
    let [email, template] =
        crate::wire::input::required_strings(body, ["email", "template"], param)?;
    let website_id = param(body, "websiteId")
        .map(|v| to_int(v, At::Top))
        .transpose()?;
    Ok(crate::customer::reset::Request {
        email,
        template,
        website_id,
    })
}

/// `{"confirmationKey"}` of the two activate routes (required).
pub fn parse_activation(body: &Map<String, Value>) -> Result<String> {
    let [key] = crate::wire::input::required_strings(body, ["confirmationKey"], param)?;
    Ok(key)
}

/// `{"email", "websiteId", "redirectUrl"?}` of `POST /V1/customers/confirm`: e-mail and website
/// required.
pub fn parse_resend_confirmation(body: &Map<String, Value>) -> Result<(String, i64)> {
    let email = param(body, "email")
        .map(|v| to_string(v, At::Top))
        .transpose()?;
    let website = param(body, "websiteId")
        .map(|v| to_int(v, At::Top))
        .transpose()?;
    crate::wire::input::require_all([
        ("email", email.is_some()),
        ("websiteId", website.is_some()),
    ])?;
    Ok((email.unwrap_or_default(), website.unwrap_or_default()))
}

/// `{"email", "resetToken", "newPassword"}` of `POST /V1/customers/resetPassword`, all three
/// required.
pub fn parse_password_reset(body: &Map<String, Value>) -> Result<[String; 3]> {
    crate::wire::input::required_strings(body, ["email", "resetToken", "newPassword"], param)
}

/// `AttributeMetadataInterface` (the interface's getters in order, `attribute_code`, from the
/// parent `MetadataObjectInterface`, last; labels without a value print `null`).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "customer-data-attribute-metadata-interface")]
pub struct AttributeMetadataData {
    pub frontend_input: String,
    pub input_filter: String,
    pub store_label: Option<String>,
    pub validation_rules: Vec<ValidationRuleData>,
    pub multiline_count: i64,
    pub visible: bool,
    pub required: bool,
    pub data_model: String,
    pub options: Vec<OptionData>,
    pub frontend_class: String,
    pub user_defined: bool,
    pub sort_order: i64,
    pub frontend_label: Option<String>,
    pub note: String,
    pub system: bool,
    pub backend_type: String,
    pub is_used_in_grid: bool,
    pub is_visible_in_grid: bool,
    pub is_filterable_in_grid: bool,
    pub is_searchable_in_grid: bool,
    pub attribute_code: String,
}

/// `ValidationRuleInterface`: a rule and its value as a string.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "customer-data-validation-rule-interface")]
pub struct ValidationRuleData {
    pub name: String,
    pub value: String,
}

/// `OptionInterface`: `value` or nested `options`, whichever the option has.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "customer-data-option-interface")]
pub struct OptionData {
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<OptionData>>,
}

impl From<crate::customer::metadata::AttributeOption> for OptionData {
    fn from(o: crate::customer::metadata::AttributeOption) -> Self {
        use crate::customer::metadata::AttributeOption;
        match o {
            AttributeOption::Value { label, value } => Self {
                label,
                value: Some(value),
                options: None,
            },
            AttributeOption::Group { label, options } => Self {
                label,
                value: None,
                options: Some(options.into_iter().map(Self::from).collect()),
            },
        }
    }
}

impl AttributeMetadataData {
    /// `AttributeMetadataConverter::createMetadataAttribute`.
    pub fn new(
        a: &crate::customer::metadata::AttributeDef,
        options: Vec<crate::customer::metadata::AttributeOption>,
    ) -> Self {
        Self {
            frontend_input: a.frontend_input.clone(),
            input_filter: a.input_filter.clone(),
            store_label: a.label.clone(),
            validation_rules: a
                .rules
                .iter()
                .map(|(name, value)| ValidationRuleData {
                    name: name.clone(),
                    value: value.clone(),
                })
                .collect(),
            multiline_count: a.multiline_count,
            visible: a.visible,
            required: a.required,
            data_model: a.data_model.clone(),
            options: options.into_iter().map(OptionData::from).collect(),
            frontend_class: a.frontend_class.clone(),
            user_defined: false,
            sort_order: a.sort_order,
            frontend_label: a.label.clone(),
            note: String::new(),
            system: a.system,
            backend_type: "static".to_owned(),
            is_used_in_grid: a.grid[0],
            is_visible_in_grid: a.grid[1],
            is_filterable_in_grid: a.grid[2],
            is_searchable_in_grid: a.grid[3],
            attribute_code: a.code.clone(),
        }
    }
}
