//! Customers (`Customer/etc/webapi.xml`): create an account (anonymous), read by id, search,
//! `me` (a customer token), delete, addresses, default addresses, the account questions, groups;
//! and `POST /V1/integration/customer/token` (anonymous).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::customer::metadata::{self, Entity};
use crate::customer::{self, activation, groups, manage};
use crate::db::store::DEFAULT_STORE_ID;
use crate::error::{Error, Result};
use crate::http::extract::{
    Acl, Admin, Body, ClientIp, CustomerDelete, CustomerGroupView, CustomerManage, CustomerView,
    IsAdmin, PathParams, Search, SelfCustomer,
};
use crate::http::reply::{json_response, search_results};
use crate::http::routes::{Operation, ANONYMOUS, SELF};
use crate::wire::customer::{self as wire, AddressData, CustomerData, GroupData};
use crate::wire::input::path_int;
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::post(
            "/V1/customers",
            r"Magento\Customer\Api\AccountManagementInterface::createAccount",
            &[ANONYMOUS],
            create,
        )
        .input(|body| crate::wire::customer::parse_create(body).map(|_| ())),
        Operation::get(
            "/V1/customers/me",
            r"Magento\Customer\Api\CustomerRepositoryInterface::getById",
            &[SELF],
            me,
        )
        .forced(&["customerId"]),
        Operation::post(
            "/V1/customers/isEmailAvailable",
            r"Magento\Customer\Api\AccountManagementInterface::isEmailAvailable",
            &[ANONYMOUS],
            email_available,
        )
        .input(|body| crate::wire::customer::parse_email_available(body).map(|_| ())),
        Operation::get(
            "/V1/attributeMetadata/customer",
            r"Magento\Customer\Api\CustomerMetadataInterface::getAllAttributesMetadata",
            &["Magento_Customer::customer"],
            customer_metadata_all,
        ),
        Operation::get(
            "/V1/attributeMetadata/customer/attribute/{attributeCode}",
            r"Magento\Customer\Api\CustomerMetadataInterface::getAttributeMetadata",
            &["Magento_Customer::customer"],
            customer_metadata_attribute,
        ),
        Operation::get(
            "/V1/attributeMetadata/customer/custom",
            r"Magento\Customer\Api\CustomerMetadataInterface::getCustomAttributesMetadata",
            &["Magento_Customer::customer"],
            customer_metadata_custom,
        ),
        Operation::get(
            "/V1/attributeMetadata/customer/form/{formCode}",
            r"Magento\Customer\Api\CustomerMetadataInterface::getAttributes",
            &["Magento_Customer::customer"],
            customer_metadata_form,
        ),
        Operation::get(
            "/V1/attributeMetadata/customerAddress",
            r"Magento\Customer\Api\AddressMetadataInterface::getAllAttributesMetadata",
            &["Magento_Customer::customer"],
            address_metadata_all,
        ),
        Operation::get(
            "/V1/attributeMetadata/customerAddress/attribute/{attributeCode}",
            r"Magento\Customer\Api\AddressMetadataInterface::getAttributeMetadata",
            &["Magento_Customer::customer"],
            address_metadata_attribute,
        ),
        Operation::get(
            "/V1/attributeMetadata/customerAddress/custom",
            r"Magento\Customer\Api\AddressMetadataInterface::getCustomAttributesMetadata",
            &["Magento_Customer::customer"],
            address_metadata_custom,
        ),
        Operation::get(
            "/V1/attributeMetadata/customerAddress/form/{formCode}",
            r"Magento\Customer\Api\AddressMetadataInterface::getAttributes",
            &["Magento_Customer::customer"],
            address_metadata_form,
        ),
        Operation::put(
            "/V1/customers/validate",
            r"Magento\Customer\Api\AccountManagementInterface::validate",
            &["Magento_Customer::manage"],
            validate,
        )
        .input(|body| crate::wire::customer::parse_validate(body).map(|_| ())),
        Operation::put(
            "/V1/customers/me",
            r"Magento\Customer\Api\CustomerRepositoryInterface::save",
            &[SELF],
            update_me,
        )
        .input(|body| crate::wire::customer::parse_update(body).map(|_| ()))
        .forced(&[
            "customer.id",
            "customer.group_id",
            "customer.website_id",
            "customer.store_id",
        ]),
        Operation::put(
            "/V1/customers/me/password",
            r"Magento\Customer\Api\AccountManagementInterface::changePasswordById",
            &[SELF],
            change_my_password,
        )
        .input(|body| crate::wire::customer::parse_password_change(body).map(|_| ()))
        .forced(&["customerId"]),
        Operation::put(
            "/V1/customers/me/activate",
            r"Magento\Customer\Api\AccountManagementInterface::activateById",
            &[SELF],
            activate_me,
        )
        .input(|body| crate::wire::customer::parse_activation(body).map(|_| ()))
        .forced(&["customerId"]),
        Operation::put(
            "/V1/customers/{email}/activate",
            r"Magento\Customer\Api\AccountManagementInterface::activate",
            &["Magento_Customer::manage"],
            activate,
        )
        .input(|body| crate::wire::customer::parse_activation(body).map(|_| ())),
        Operation::post(
            "/V1/customers/confirm",
            r"Magento\Customer\Api\AccountManagementInterface::resendConfirmation",
            &["Magento_Customer::manage"],
            resend_confirmation,
        )
        .input(|body| crate::wire::customer::parse_resend_confirmation(body).map(|_| ())),
        Operation::put(
            "/V1/customers/password",
            r"Magento\Customer\Api\AccountManagementInterface::initiatePasswordReset",
            &[ANONYMOUS],
            initiate_password_reset,
        )
        .input(|body| crate::wire::customer::parse_reset_request(body).map(|_| ())),
        Operation::post(
            "/V1/customers/resetPassword",
            r"Magento\Customer\Api\AccountManagementInterface::resetPassword",
            &[ANONYMOUS],
            reset_password,
        )
        .input(|body| crate::wire::customer::parse_password_reset(body).map(|_| ())),
        Operation::get(
            "/V1/customers/{customerId}/password/resetLinkToken/{resetPasswordLinkToken}",
            r"Magento\Customer\Api\AccountManagementInterface::validateResetPasswordLinkToken",
            &[ANONYMOUS],
            validate_reset_link,
        ),
        Operation::get(
            "/V1/customers/me/billingAddress",
            r"Magento\Customer\Api\AccountManagementInterface::getDefaultBillingAddress",
            &[SELF],
            my_billing_address,
        )
        .forced(&["customerId"]),
        Operation::get(
            "/V1/customers/me/shippingAddress",
            r"Magento\Customer\Api\AccountManagementInterface::getDefaultShippingAddress",
            &[SELF],
            my_shipping_address,
        )
        .forced(&["customerId"]),
        Operation::get(
            "/V1/customers/addresses/{addressId}",
            r"Magento\Customer\Api\AddressRepositoryInterface::getById",
            &["Magento_Customer::manage"],
            address,
        ),
        Operation::delete(
            "/V1/addresses/{addressId}",
            r"Magento\Customer\Api\AddressRepositoryInterface::deleteById",
            &["Magento_Customer::manage"],
            delete_address,
        ),
        Operation::get(
            "/V1/customers/search",
            r"Magento\Customer\Api\CustomerRepositoryInterface::getList",
            &["Magento_Customer::customer"],
            search,
        ),
        Operation::get(
            "/V1/customers/{customerId}",
            r"Magento\Customer\Api\CustomerRepositoryInterface::getById",
            &["Magento_Customer::customer"],
            read,
        ),
        Operation::put(
            "/V1/customers/{customerId}",
            r"Magento\Customer\Api\CustomerRepositoryInterface::save",
            &["Magento_Customer::manage"],
            update,
        )
        .input(|body| crate::wire::customer::parse_update(body).map(|_| ())),
        Operation::delete(
            "/V1/customers/{customerId}",
            r"Magento\Customer\Api\CustomerRepositoryInterface::deleteById",
            &["Magento_Customer::delete"],
            delete,
        ),
        Operation::get(
            "/V1/customers/{customerId}/billingAddress",
            r"Magento\Customer\Api\AccountManagementInterface::getDefaultBillingAddress",
            &["Magento_Customer::manage"],
            billing_address,
        ),
        Operation::get(
            "/V1/customers/{customerId}/shippingAddress",
            r"Magento\Customer\Api\AccountManagementInterface::getDefaultShippingAddress",
            &["Magento_Customer::manage"],
            shipping_address,
        ),
        Operation::get(
            "/V1/customers/{customerId}/permissions/readonly",
            r"Magento\Customer\Api\AccountManagementInterface::isReadonly",
            &["Magento_Customer::customer"],
            readonly,
        ),
        Operation::get(
            "/V1/customers/{customerId}/confirm",
            r"Magento\Customer\Api\AccountManagementInterface::getConfirmationStatus",
            &["Magento_Customer::manage"],
            confirmation,
        ),
        Operation::post(
            "/V1/customerGroups",
            r"Magento\Customer\Api\GroupRepositoryInterface::save",
            &["Magento_Customer::group"],
            create_group,
        )
        .input(|body| crate::wire::customer::parse_group(body).map(|_| ())),
        Operation::get(
            "/V1/customerGroups/search",
            r"Magento\Customer\Api\GroupRepositoryInterface::getList",
            &["Magento_Customer::group"],
            search_groups,
        ),
        Operation::get(
            "/V1/customerGroups/default/{storeId}",
            r"Magento\Customer\Api\GroupManagementInterface::getDefaultGroup",
            &["Magento_Customer::group"],
            store_default_group,
        ),
        Operation::put(
            "/V1/customerGroups/default/{id}",
            r"Magento\Customer\Api\CustomerGroupConfigInterface::setDefaultCustomerGroup",
            &["Magento_Customer::group"],
            set_default_group,
        ),
        Operation::put(
            "/V1/customerGroups/{id}",
            r"Magento\Customer\Api\GroupRepositoryInterface::save",
            &["Magento_Customer::group"],
            update_group,
        )
        .input(|body| crate::wire::customer::parse_group(body).map(|_| ())),
        Operation::delete(
            "/V1/customerGroups/{id}",
            r"Magento\Customer\Api\GroupRepositoryInterface::deleteById",
            &["Magento_Customer::group"],
            delete_group,
        ),
        Operation::get(
            "/V1/customerGroups/{id}/permissions",
            r"Magento\Customer\Api\GroupManagementInterface::isReadonly",
            &["Magento_Customer::group"],
            group_readonly,
        ),
        Operation::get(
            "/V1/customerGroups/default",
            r"Magento\Customer\Api\GroupManagementInterface::getDefaultGroup",
            &["Magento_Customer::group"],
            default_group,
        ),
        Operation::get(
            "/V1/customerGroups/{id}",
            r"Magento\Customer\Api\GroupRepositoryInterface::getById",
            &["Magento_Customer::group"],
            group,
        ),
        Operation::post(
            "/V1/integration/customer/token",
            r"Magento\Integration\Api\CustomerTokenServiceInterface::createCustomerAccessToken",
            &[ANONYMOUS],
            token,
        )
        .input(|body| crate::wire::auth::convert_credentials(body).map(|_| ())),
        Operation::post(
            "/V1/integration/customer/revoke-customer-token",
            r"Magento\Integration\Api\CustomerTokenServiceInterface::revokeCustomerAccessToken",
            &[SELF],
            revoke_my_tokens,
        )
        .forced(&["customerId"]),
    ]
}

/// `AccountManagement::createAccount`: anonymous, the saved customer as the reply. REST's
/// `AccountManagementApi::validateCustomerRequest` first: a posted `group_id` (any, 0 too:
/// `isset`) needs `Magento_Customer::manage`, so a shopper signing up cannot choose her group.
async fn create(
    admin: IsAdmin,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let (input, password) = wire::parse_create(&body)?;
    if input.group_id.is_some() && !admin.asked()? {
        return Err(Error::Unauthorized(CustomerManage::RESOURCE));
    }
    let id = customer::create_account(&state.db, input, password).await?;
    let mut customer = customer::get(&state.db, id).await?;
    // AccountManagementApi::createAccount: "unset confirmation attribute for security purposes".
    customer.row.confirmation = None;
    Ok(json_response(
        StatusCode::OK,
        &CustomerData::from(&customer),
    ))
}

async fn read(
    _: Admin<CustomerView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let customer = customer::get(&state.db, path_int(&id)?).await?;
    Ok(json_response(
        StatusCode::OK,
        &CustomerData::from(&customer),
    ))
}

async fn me(SelfCustomer(id): SelfCustomer, State(state): State<AppState>) -> Result<Response> {
    let customer = customer::get(&state.db, id).await?;
    Ok(json_response(
        StatusCode::OK,
        &CustomerData::from(&customer),
    ))
}

/// `AccountManagement::changePasswordById` for the token's customer: `true`.
async fn change_my_password(
    SelfCustomer(customer_id): SelfCustomer,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let (current, new) = wire::parse_password_change(&body)?;
    customer::change_password(&state.db, customer_id, current, new).await?;
    Ok(json_response(StatusCode::OK, &true))
}

/// `AccountManagement::activateById` for the customer of the token: the activated customer.
async fn activate_me(
    SelfCustomer(id): SelfCustomer,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let key = wire::parse_activation(&body)?;
    let customer = activation::activate(&state.db, activation::Who::Id(id), key).await?;
    Ok(json_response(
        StatusCode::OK,
        &CustomerData::from(&customer),
    ))
}

/// `AccountManagement::activate` by e-mail: the activated customer.
async fn activate(
    _: Admin<CustomerManage>,
    State(state): State<AppState>,
    PathParams(email): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let key = wire::parse_activation(&body)?;
    let customer = activation::activate(&state.db, activation::Who::Email(email), key).await?;
    Ok(json_response(
        StatusCode::OK,
        &CustomerData::from(&customer),
    ))
}

/// `AccountManagement::resendConfirmation`: `true` once the e-mail is out.
async fn resend_confirmation(
    _: Admin<CustomerManage>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let (email, website) = wire::parse_resend_confirmation(&body)?;
    activation::resend_confirmation(&state.db, email, website).await?;
    Ok(json_response(StatusCode::OK, &true))
}

/// `AccountManagement::initiatePasswordReset`: `true` once the reset e-mail is out.
async fn initiate_password_reset(
    ClientIp(ip): ClientIp,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let request = wire::parse_reset_request(&body)?;
    customer::reset::initiate(&state.db, request, ip).await?;
    Ok(json_response(StatusCode::OK, &true))
}

/// `AccountManagement::resetPassword`: `true` once the new password is saved.
async fn reset_password(State(state): State<AppState>, Body(body): Body) -> Result<Response> {
    let input = wire::parse_password_reset(&body)?;
    customer::reset::reset(&state.db, input).await?;
    Ok(json_response(StatusCode::OK, &true))
}

/// `AccountManagement::validateResetPasswordLinkToken`: `true` for a live token.
async fn validate_reset_link(
    State(state): State<AppState>,
    PathParams((id, token)): PathParams<(String, String)>,
) -> Result<Response> {
    let customer_id = path_int(&id)?;
    customer::reset::validate_link(&state.db, customer_id, &token).await?;
    Ok(json_response(StatusCode::OK, &true))
}

/// `CustomerRepository::save` through the admin route: the saved customer.
async fn update(
    _: Admin<CustomerManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let customer_id = path_int(&id)?;
    let input = wire::parse_update(&body)?;
    let saver = customer::update::Saver::Admin { customer_id };
    let saved = customer::update::save(&state.db, saver, input).await?;
    let customer = customer::get(&state.db, saved).await?;
    Ok(json_response(
        StatusCode::OK,
        &CustomerData::from(&customer),
    ))
}

/// Attribute metadata as JSON, each with its source model's options.
async fn metadata_reply(
    state: &AppState,
    attributes: Vec<&'static metadata::AttributeDef>,
) -> Result<Vec<wire::AttributeMetadataData>> {
    let mut conn = state.db.read.acquire().await?;
    let mut out = Vec::with_capacity(attributes.len());
    for a in attributes {
        let options = metadata::options(&mut conn, a).await?;
        out.push(wire::AttributeMetadataData::new(a, options));
    }
    Ok(out)
}

/// `getAllAttributesMetadata`.
async fn metadata_all(state: AppState, entity: Entity) -> Result<Response> {
    let data = metadata_reply(&state, metadata::all(entity)).await?;
    Ok(json_response(StatusCode::OK, &data))
}

/// `getAttributeMetadata`: 404 naming the entity type and the code for an unknown code.
async fn metadata_attribute(state: AppState, entity: Entity, code: String) -> Result<Response> {
    let (attribute, shown) = metadata::attribute(entity, &code).ok_or_else(|| {
        Error::no_such_entity2(
            ("entityType", entity.type_code()),
            ("attributeCode", code.as_str()),
        )
    })?;
    let mut data = metadata_reply(&state, vec![attribute]).await?;
    let mut one = data.pop();
    if let Some(one) = one.as_mut() {
        one.attribute_code = shown;
    }
    Ok(json_response(StatusCode::OK, &one))
}

/// `getCustomAttributesMetadata` (its `dataInterfaceName` is ignored, as the cached service
/// ignores it).
async fn metadata_custom(state: AppState, entity: Entity) -> Result<Response> {
    let data = metadata_reply(&state, metadata::custom(entity)).await?;
    Ok(json_response(StatusCode::OK, &data))
}

/// `getAttributes($formCode)`: 404 `formCode` for a form without attributes.
async fn metadata_form(state: AppState, entity: Entity, form: String) -> Result<Response> {
    let attributes = metadata::form(entity, &form)
        .ok_or_else(|| Error::no_such_entity("formCode", form.as_str()))?;
    let data = metadata_reply(&state, attributes).await?;
    Ok(json_response(StatusCode::OK, &data))
}

async fn customer_metadata_all(
    _: Admin<CustomerView>,
    State(s): State<AppState>,
) -> Result<Response> {
    metadata_all(s, Entity::Customer).await
}

async fn address_metadata_all(
    _: Admin<CustomerView>,
    State(s): State<AppState>,
) -> Result<Response> {
    metadata_all(s, Entity::Address).await
}

async fn customer_metadata_custom(
    _: Admin<CustomerView>,
    State(s): State<AppState>,
) -> Result<Response> {
    metadata_custom(s, Entity::Customer).await
}

async fn address_metadata_custom(
    _: Admin<CustomerView>,
    State(s): State<AppState>,
) -> Result<Response> {
    metadata_custom(s, Entity::Address).await
}

async fn customer_metadata_attribute(
    _: Admin<CustomerView>,
    State(s): State<AppState>,
    PathParams(code): PathParams<String>,
) -> Result<Response> {
    metadata_attribute(s, Entity::Customer, code).await
}

async fn address_metadata_attribute(
    _: Admin<CustomerView>,
    State(s): State<AppState>,
    PathParams(code): PathParams<String>,
) -> Result<Response> {
    metadata_attribute(s, Entity::Address, code).await
}

async fn customer_metadata_form(
    _: Admin<CustomerView>,
    State(s): State<AppState>,
    PathParams(form): PathParams<String>,
) -> Result<Response> {
    metadata_form(s, Entity::Customer, form).await
}

async fn address_metadata_form(
    _: Admin<CustomerView>,
    State(s): State<AppState>,
    PathParams(form): PathParams<String>,
) -> Result<Response> {
    metadata_form(s, Entity::Address, form).await
}

/// `AccountManagement::validate`: `{"valid": ..., "messages": [...]}`, nothing saved.
async fn validate(_: Admin<CustomerManage>, Body(body): Body) -> Result<Response> {
    let customer = wire::parse_validate(&body)?;
    let results = customer::validate::validate(&customer);
    Ok(json_response(
        StatusCode::OK,
        &wire::ValidationResultsData::from(results),
    ))
}

/// `CustomerRepository::save` by the customer herself: the saved customer.
async fn update_me(
    SelfCustomer(customer_id): SelfCustomer,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let input = wire::parse_update(&body)?;
    let saver = customer::update::Saver::Me { customer_id };
    let saved = customer::update::save(&state.db, saver, input).await?;
    let customer = customer::get(&state.db, saved).await?;
    Ok(json_response(
        StatusCode::OK,
        &CustomerData::from(&customer),
    ))
}

/// `CustomerRepository::deleteById`: `true`.
async fn delete(
    _: Admin<CustomerDelete>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    manage::delete_customer(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

/// A default address, or `[]` (Magento's `null` through `ServiceOutputProcessor`).
fn default_reply(address: Option<manage::Address>) -> Response {
    match address {
        Some(a) => json_response(StatusCode::OK, &AddressData::from(&a)),
        None => json_response(StatusCode::OK, &serde_json::json!([])),
    }
}

async fn billing_address(
    _: Admin<CustomerManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let id = path_int(&id)?;
    let address = manage::default_address(&state.db, id, manage::DefaultAddress::Billing).await?;
    Ok(default_reply(address))
}

async fn shipping_address(
    _: Admin<CustomerManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let id = path_int(&id)?;
    let address = manage::default_address(&state.db, id, manage::DefaultAddress::Shipping).await?;
    Ok(default_reply(address))
}

async fn my_billing_address(
    SelfCustomer(id): SelfCustomer,
    State(state): State<AppState>,
) -> Result<Response> {
    let address = manage::default_address(&state.db, id, manage::DefaultAddress::Billing).await?;
    Ok(default_reply(address))
}

async fn my_shipping_address(
    SelfCustomer(id): SelfCustomer,
    State(state): State<AppState>,
) -> Result<Response> {
    let address = manage::default_address(&state.db, id, manage::DefaultAddress::Shipping).await?;
    Ok(default_reply(address))
}

async fn address(
    _: Admin<CustomerManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let address = manage::address(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &AddressData::from(&address)))
}

/// `AddressRepository::deleteById`: `true`.
async fn delete_address(
    _: Admin<CustomerManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    manage::delete_address(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn readonly(
    _: Admin<CustomerView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let readonly = manage::is_readonly(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &readonly))
}

async fn confirmation(
    _: Admin<CustomerManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let status = manage::confirmation_status(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &status))
}

/// `AccountManagement::isEmailAvailable`: `true` (see `crate::customer::manage`); the body is
/// still converted as Magento's input processor does.
async fn email_available(Body(body): Body) -> Result<Response> {
    let (_email, _website) = wire::parse_email_available(&body)?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn search(
    _: Admin<CustomerView>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (customers, total) = customer::list(&state.db, &criteria).await?;
    Ok(crate::http::reply::eav_search_results(
        customers.iter().map(CustomerData::from).collect(),
        criteria,
        total,
    ))
}

async fn group(
    _: Admin<CustomerGroupView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let group = customer::group(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &GroupData::from(&group)))
}

/// `GroupManagement::getDefaultGroup(null)`: the request's store view's default group (the
/// default store view's; every store resolves the default scope's value, the only one the API
/// writes).
async fn default_group(
    _: Admin<CustomerGroupView>,
    State(state): State<AppState>,
) -> Result<Response> {
    let group = groups::default_for_store(&state.db, DEFAULT_STORE_ID).await?;
    Ok(json_response(StatusCode::OK, &GroupData::from(&group)))
}

/// `CustomerGroupConfig::setDefaultCustomerGroup`: the id, a bare number.
async fn set_default_group(
    _: Admin<CustomerGroupView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let id = groups::set_default(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &id))
}

/// `GroupRepository::save` of a new group: the group.
async fn create_group(
    _: Admin<CustomerGroupView>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let input = wire::parse_group(&body)?;
    let saved = groups::save(&state.db, input).await?;
    Ok(json_response(StatusCode::OK, &GroupData::from(&saved)))
}

/// `GroupRepository::save` of group `id`: the path's id is the group's
/// (`ParamsOverrider::overrideRequestBodyIdWithPathParam`).
async fn update_group(
    _: Admin<CustomerGroupView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let id = path_int(&id)?;
    let mut input = wire::parse_group(&body)?;
    input.id = Some(id);
    let saved = groups::save(&state.db, input).await?;
    Ok(json_response(StatusCode::OK, &GroupData::from(&saved)))
}

/// `GroupRepository::deleteById`: `true`.
async fn delete_group(
    _: Admin<CustomerGroupView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    groups::delete(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn search_groups(
    _: Admin<CustomerGroupView>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (found, total) = groups::list(&state.db, &criteria).await?;
    Ok(search_results(
        found.iter().map(GroupData::from).collect(),
        criteria,
        total,
    ))
}

async fn group_readonly(
    _: Admin<CustomerGroupView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let readonly = groups::is_readonly(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &readonly))
}

async fn store_default_group(
    _: Admin<CustomerGroupView>,
    State(state): State<AppState>,
    PathParams(store_id): PathParams<String>,
) -> Result<Response> {
    let group = groups::default_for_store(&state.db, path_int(&store_id)?).await?;
    Ok(json_response(StatusCode::OK, &GroupData::from(&group)))
}

/// `CustomerTokenService::revokeCustomerAccessToken` for the token's customer: every token
/// of hers, the one of this request included, stops working; `true`.
async fn revoke_my_tokens(
    SelfCustomer(customer_id): SelfCustomer,
    State(state): State<AppState>,
    _: Body,
) -> Result<Response> {
    customer::revoke_tokens(&state.db, customer_id).await?;
    Ok(json_response(StatusCode::OK, &true))
}

/// The token as a bare JSON string.
async fn token(State(state): State<AppState>, Body(body): Body) -> Result<Response> {
    let (username, password) = crate::wire::auth::credentials(&body)?;
    let token = customer::create_token(&state.db, username, password).await?;
    Ok(json_response(StatusCode::OK, &token))
}
