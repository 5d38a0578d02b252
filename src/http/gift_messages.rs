//! Gift messages on carts and cart lines (`GiftMessage/etc/webapi.xml`): the same four
//! services for an admin's cart by id (`Magento_Sales::create`), the customer's active cart
//! (`mine`, `self`, `cartId` forced) and a guest cart by its masked id (anonymous). The rules
//! are in `crate::checkout::gift_message`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use crate::checkout::gift_message::{self, Target};
use crate::checkout::CartRef;
use crate::error::Result;
use crate::http::extract::{Admin, Body, PathParams, SalesOrderCreate, SelfCustomer};
use crate::http::reply::json_response;
use crate::http::routes::{Operation, ANONYMOUS, SELF};
use crate::wire::gift_message::{parse_gift_message, MessageData};
use crate::wire::input::path_int;
use crate::AppState;

const ACL: &str = "Magento_Sales::create";

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::get(
            "/V1/carts/mine/gift-message",
            r"Magento\GiftMessage\Api\CartRepositoryInterface::get",
            &[SELF],
            mine_get,
        )
        .forced(&["cartId"]),
        Operation::post(
            "/V1/carts/mine/gift-message",
            r"Magento\GiftMessage\Api\CartRepositoryInterface::save",
            &[SELF],
            mine_save,
        )
        .input(|body| crate::wire::gift_message::parse_gift_message(body).map(|_| ()))
        .forced(&["cartId"]),
        Operation::get(
            "/V1/carts/mine/gift-message/{itemId}",
            r"Magento\GiftMessage\Api\ItemRepositoryInterface::get",
            &[SELF],
            mine_item_get,
        )
        .forced(&["cartId"]),
        Operation::post(
            "/V1/carts/mine/gift-message/{itemId}",
            r"Magento\GiftMessage\Api\ItemRepositoryInterface::save",
            &[SELF],
            mine_item_save,
        )
        .input(|body| crate::wire::gift_message::parse_gift_message(body).map(|_| ()))
        .forced(&["cartId"]),
        Operation::get(
            "/V1/carts/{cartId}/gift-message",
            r"Magento\GiftMessage\Api\CartRepositoryInterface::get",
            &[ACL],
            admin_get,
        ),
        Operation::post(
            "/V1/carts/{cartId}/gift-message",
            r"Magento\GiftMessage\Api\CartRepositoryInterface::save",
            &[ACL],
            admin_save,
        )
        .input(|body| crate::wire::gift_message::parse_gift_message(body).map(|_| ())),
        Operation::get(
            "/V1/carts/{cartId}/gift-message/{itemId}",
            r"Magento\GiftMessage\Api\ItemRepositoryInterface::get",
            &[ACL],
            admin_item_get,
        ),
        Operation::post(
            "/V1/carts/{cartId}/gift-message/{itemId}",
            r"Magento\GiftMessage\Api\ItemRepositoryInterface::save",
            &[ACL],
            admin_item_save,
        )
        .input(|body| crate::wire::gift_message::parse_gift_message(body).map(|_| ())),
        Operation::get(
            "/V1/guest-carts/{cartId}/gift-message",
            r"Magento\GiftMessage\Api\GuestCartRepositoryInterface::get",
            &[ANONYMOUS],
            guest_get,
        ),
        Operation::post(
            "/V1/guest-carts/{cartId}/gift-message",
            r"Magento\GiftMessage\Api\GuestCartRepositoryInterface::save",
            &[ANONYMOUS],
            guest_save,
        )
        .input(|body| crate::wire::gift_message::parse_gift_message(body).map(|_| ())),
        Operation::get(
            "/V1/guest-carts/{cartId}/gift-message/{itemId}",
            r"Magento\GiftMessage\Api\GuestItemRepositoryInterface::get",
            &[ANONYMOUS],
            guest_item_get,
        ),
        Operation::post(
            "/V1/guest-carts/{cartId}/gift-message/{itemId}",
            r"Magento\GiftMessage\Api\GuestItemRepositoryInterface::save",
            &[ANONYMOUS],
            guest_item_save,
        )
        .input(|body| crate::wire::gift_message::parse_gift_message(body).map(|_| ())),
    ]
}

/// The message, or `[]` for none (`ServiceOutputProcessor::convertValue` of null).
async fn read(state: &AppState, who: CartRef, target: Target) -> Result<Response> {
    Ok(match gift_message::get(&state.db, who, target).await? {
        Some(message) => json_response(StatusCode::OK, &MessageData::from(&message)),
        None => json_response(StatusCode::OK, &json!([])),
    })
}

async fn write(
    state: &AppState,
    who: CartRef,
    target: Target,
    body: &serde_json::Map<String, serde_json::Value>,
) -> Result<Response> {
    let input = parse_gift_message(body)?;
    gift_message::save(&state.db, who, target, input).await?;
    Ok(json_response(StatusCode::OK, &true))
}

fn item(raw: &str) -> Result<Target> {
    Ok(Target::Item(path_int(raw)?))
}

fn cart_id(raw: &str) -> Result<CartRef> {
    Ok(CartRef::Id(path_int(raw)?))
}

async fn mine_get(SelfCustomer(id): SelfCustomer, State(s): State<AppState>) -> Result<Response> {
    read(&s, CartRef::Customer(id), Target::Cart).await
}

async fn mine_save(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    write(&s, CartRef::Customer(id), Target::Cart, &body).await
}

async fn mine_item_get(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    PathParams(item_id): PathParams<String>,
) -> Result<Response> {
    read(&s, CartRef::Customer(id), item(&item_id)?).await
}

async fn mine_item_save(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    PathParams(item_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    write(&s, CartRef::Customer(id), item(&item_id)?, &body).await
}

async fn admin_get(
    _: Admin<SalesOrderCreate>,
    State(s): State<AppState>,
    PathParams(cart): PathParams<String>,
) -> Result<Response> {
    read(&s, cart_id(&cart)?, Target::Cart).await
}

async fn admin_save(
    _: Admin<SalesOrderCreate>,
    State(s): State<AppState>,
    PathParams(cart): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    write(&s, cart_id(&cart)?, Target::Cart, &body).await
}

async fn admin_item_get(
    _: Admin<SalesOrderCreate>,
    State(s): State<AppState>,
    PathParams((cart, item_id)): PathParams<(String, String)>,
) -> Result<Response> {
    read(&s, cart_id(&cart)?, item(&item_id)?).await
}

async fn admin_item_save(
    _: Admin<SalesOrderCreate>,
    State(s): State<AppState>,
    PathParams((cart, item_id)): PathParams<(String, String)>,
    Body(body): Body,
) -> Result<Response> {
    write(&s, cart_id(&cart)?, item(&item_id)?, &body).await
}

async fn guest_get(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
) -> Result<Response> {
    read(&s, CartRef::Guest(mask), Target::Cart).await
}

async fn guest_save(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    write(&s, CartRef::Guest(mask), Target::Cart, &body).await
}

async fn guest_item_get(
    State(s): State<AppState>,
    PathParams((mask, item_id)): PathParams<(String, String)>,
) -> Result<Response> {
    read(&s, CartRef::Guest(mask), item(&item_id)?).await
}

async fn guest_item_save(
    State(s): State<AppState>,
    PathParams((mask, item_id)): PathParams<(String, String)>,
    Body(body): Body,
) -> Result<Response> {
    write(&s, CartRef::Guest(mask), item(&item_id)?, &body).await
}
