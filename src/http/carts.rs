//! The customer's cart, `/V1/carts/mine...` (`Quote/etc/webapi.xml`, `Checkout/etc/webapi.xml`;
//! checkout.md 1.1): every route is `self` (a customer token), and its cart is the customer's
//! active quote (`%cart_id%`, the 404 "Current customer does not have an active cart." without
//! one). Whatever `quote_id` / `cartId` a body names is overwritten by that forced value.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::Router;
use serde_json::{json, Value};

use crate::checkout::{self, Cart};
use crate::error::{Error, Result};
use crate::http::extract::{Body, PathParams, SelfCustomer};
use crate::http::reply::json_response;
use crate::wire::cart as wire;
use crate::wire::customer::CustomerData;
use crate::wire::input::{self, path_int, At};
use crate::AppState;

/// The store of `/rest/V1/...` and `/rest/default/V1/...`.
const STORE_ID: i64 = 1;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rest/V1/carts/mine", post(create).get(show))
        .route("/rest/V1/carts/mine/items", post(add_item).get(list_items))
        .route(
            "/rest/V1/carts/mine/items/{itemId}",
            put(update_item).delete(delete_item),
        )
        .route("/rest/V1/carts/mine/totals", get(totals))
        .route("/rest/V1/carts/mine/payment-methods", get(payment_methods))
        .route(
            "/rest/V1/carts/mine/estimate-shipping-methods",
            post(estimate),
        )
        .route(
            "/rest/V1/carts/mine/shipping-information",
            post(shipping_information),
        )
        .route(
            "/rest/V1/carts/mine/payment-information",
            post(payment_information),
        )
}

/// `createEmptyCartForCustomer`: the cart id as a JSON **number** (`(int)$quote->getId()`).
async fn create(SelfCustomer(id): SelfCustomer, State(state): State<AppState>) -> Result<Response> {
    let quote_id = checkout::create_for_customer(&state.db, id, STORE_ID).await?;
    Ok(json_response(StatusCode::OK, &quote_id))
}

async fn show(SelfCustomer(id): SelfCustomer, State(state): State<AppState>) -> Result<Response> {
    // getCartForCustomer goes through getActiveForCustomer: its own 404, not %cart_id%'s.
    let cart = checkout::read_mine(&state.db, id)
        .await
        .map_err(|err| match err {
            Error::NotFound(_) => Error::no_such_entity("customerId", id),
            other => other,
        })?;
    let customer = crate::customer::get(&state.db, id).await?;
    let t = cart.totals();
    let customer = serde_json::to_value(CustomerData::from(&customer)).map_err(Error::internal)?;
    Ok(json_response(
        StatusCode::OK,
        &wire::cart(&cart, &t, customer),
    ))
}

async fn list_items(
    SelfCustomer(id): SelfCustomer,
    State(state): State<AppState>,
) -> Result<Response> {
    let cart = checkout::read_mine(&state.db, id).await?;
    let t = cart.totals();
    Ok(json_response(StatusCode::OK, &wire::items(&cart, &t)))
}

/// `CartItemRepository::save`: the saved line, after totals (its discounts included).
async fn add_item(
    SelfCustomer(id): SelfCustomer,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    // An item_id in the body makes it Magento's update of that line.
    let item = wire::parse_item(&body)?;
    saved_item(&state, id, item).await
}

async fn update_item(
    SelfCustomer(id): SelfCustomer,
    State(state): State<AppState>,
    PathParams(item_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let mut item = wire::parse_item(&body)?;
    // The path's id wins over the body's (sales.md 1.1).
    item.item_id = Some(path_int(&item_id)?);
    saved_item(&state, id, item).await
}

async fn saved_item(
    state: &AppState,
    customer_id: i64,
    item: checkout::ItemInput,
) -> Result<Response> {
    let (_, item_id) = checkout::save_item(&state.db, customer_id, item).await?;
    let cart = checkout::read_mine(&state.db, customer_id).await?;
    let t = cart.totals();
    Ok(json_response(
        StatusCode::OK,
        &wire::cart_item(&cart, &t, item_id),
    ))
}

async fn delete_item(
    SelfCustomer(id): SelfCustomer,
    State(state): State<AppState>,
    PathParams(item_id): PathParams<String>,
) -> Result<Response> {
    checkout::delete_item(&state.db, id, path_int(&item_id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn link_titles(state: &AppState, cart: &Cart) -> Result<wire::LinkTitles> {
    let mut titles = wire::LinkTitles::default();
    let mut conn = state.db.read.acquire().await?;
    for item in cart.items.iter().filter(|i| i.downloadable_links.is_some()) {
        if let Some(p) = crate::db::catalog::product_by_id(&mut conn, item.product_id).await? {
            titles.links_title = p.links_title.unwrap_or_default();
        }
        for l in crate::db::catalog::downloadable_links(&mut conn, item.product_id).await? {
            titles.links.push((l.link_id, l.title.unwrap_or_default()));
        }
    }
    Ok(titles)
}

async fn totals_of(state: &AppState, cart: &Cart) -> Result<Value> {
    let t = cart.totals();
    let titles = link_titles(state, cart).await?;
    Ok(wire::totals(cart, &t, &titles))
}

/// `CartTotalRepository::get`.
async fn totals(SelfCustomer(id): SelfCustomer, State(state): State<AppState>) -> Result<Response> {
    let cart = checkout::read_mine(&state.db, id).await?;
    Ok(json_response(
        StatusCode::OK,
        &totals_of(&state, &cart).await?,
    ))
}

async fn payment_methods(
    SelfCustomer(id): SelfCustomer,
    State(state): State<AppState>,
) -> Result<Response> {
    checkout::read_mine(&state.db, id).await?;
    Ok(json_response(StatusCode::OK, &wire::payment_methods()))
}

/// `ShipmentEstimationInterface::estimateByExtendedAddress`: the destination does not change
/// the flat rate, and the cart keeps no method from it.
async fn estimate(
    SelfCustomer(id): SelfCustomer,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let address = input::param(&body, "address").ok_or_else(|| Error::required("address"))?;
    wire::parse_address(address)?;
    let cart = checkout::read_mine(&state.db, id).await?;
    let t = cart.totals();
    Ok(json_response(StatusCode::OK, &wire::shipping_methods(&t)))
}

/// `ShippingInformationManagement::saveAddressInformation`: `{payment_methods, totals}`.
async fn shipping_information(
    SelfCustomer(id): SelfCustomer,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let info = input::param(&body, "addressInformation")
        .ok_or_else(|| Error::required("addressInformation"))?;
    let o = input::Obj::new(
        info,
        &[
            "shipping_address",
            "billing_address",
            "shipping_method_code",
            "shipping_carrier_code",
            "extension_attributes",
            "custom_attributes",
        ],
    )?;
    let shipping = o
        .get("shipping_address")
        .map(|(_, v)| wire::parse_address(v))
        .transpose()?;
    let billing = o
        .get("billing_address")
        .map(|(_, v)| wire::parse_address(v))
        .transpose()?;
    let carrier = o.string("shipping_carrier_code")?;
    let method = o.string("shipping_method_code")?;
    checkout::save_shipping_information(&state.db, id, shipping, billing, carrier, method).await?;
    let cart = checkout::read_mine(&state.db, id).await?;
    let reply = json!({
        "payment_methods": wire::payment_methods(),
        "totals": totals_of(&state, &cart).await?,
    });
    Ok(json_response(StatusCode::OK, &reply))
}

/// `savePaymentInformationAndPlaceOrder`: the order id, a JSON string (`$order->getId()` is
/// PDO's lastInsertId, not cast; checkout.md 8.1).
async fn payment_information(
    SelfCustomer(id): SelfCustomer,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let payment =
        input::param(&body, "paymentMethod").ok_or_else(|| Error::required("paymentMethod"))?;
    let o = input::Obj::new(
        payment,
        &[
            "po_number",
            "method",
            "additional_data",
            "extension_attributes",
        ],
    )?;
    let method = match o.get("method") {
        Some((k, v)) => input::to_string(v, At::Field(k))?,
        None => String::new(),
    };
    let billing = input::param(&body, "billing_address")
        .map(wire::parse_address)
        .transpose()?;
    let order_id = checkout::place_order(&state.db, id, method, billing).await?;
    Ok(json_response(StatusCode::OK, &order_id.to_string()))
}
