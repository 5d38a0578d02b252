//! `POST /V1/orders`, `GET /V1/orders/{id}`, `GET /V1/orders` and the management calls
//! `POST /V1/orders/{id}/hold|unhold|cancel`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::error::Result;
use crate::http::extract::{
    Admin, Body, CacheUse, PathParams, SalesCancel, SalesComment, SalesCreate, SalesEmails,
    SalesHold, SalesOrderCreate, SalesUnhold, SalesView, Search,
};
use crate::http::reply::{comment_list, converted_results, json_response, search_results};
use crate::http::routes::Operation;
use crate::sales::comments::{self, Document};
use crate::sales::order;
use crate::sales::order_management::{manage_order, Action};
use crate::sales::order_update;
use crate::wire;
use crate::wire::input::path_int;
use crate::wire::order::{OrderAddressData, OrderData, StatusHistoryData};
use crate::wire::order_import;
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::post(
            "/V1/orders",
            r"Magento\Sales\Api\OrderRepositoryInterface::save",
            &["Magento_Sales::api_actions"],
            create,
        )
        .input(order_import::check_input),
        Operation::get(
            "/V1/orders",
            r"Magento\Sales\Api\OrderRepositoryInterface::getList",
            &["Magento_Sales::actions_view"],
            list,
        ),
        Operation::get(
            "/V1/orders/{id}",
            r"Magento\Sales\Api\OrderRepositoryInterface::get",
            &["Magento_Sales::actions_view"],
            show,
        ),
        Operation::put(
            "/V1/orders/{parent_id}",
            r"Magento\Sales\Api\OrderAddressRepositoryInterface::save",
            &["Magento_Sales::create"],
            save_address,
        )
        .input(|body| crate::wire::order_import::parse_address_request(body).map(|_| ())),
        Operation::put(
            "/V1/orders/create",
            r"Magento\Sales\Api\OrderRepositoryInterface::save",
            &["Magento_Sales::create"],
            create_put,
        )
        .input(order_import::check_input),
        Operation::get(
            "/V1/orders/{id}/comments",
            r"Magento\Sales\Api\OrderManagementInterface::getCommentsList",
            &["Magento_Sales::actions_view"],
            list_comments,
        ),
        Operation::post(
            "/V1/orders/{id}/comments",
            r"Magento\Sales\Api\OrderManagementInterface::addComment",
            &["Magento_Sales::comment"],
            add_comment,
        )
        .input(|body| crate::wire::comment::parse_status_history(body).map(|_| ())),
        Operation::post(
            "/V1/orders/{id}/emails",
            r"Magento\Sales\Api\OrderManagementInterface::notify",
            &["Magento_Sales::emails"],
            emails,
        ),
        Operation::get(
            "/V1/orders/items",
            r"Magento\Sales\Api\OrderItemRepositoryInterface::getList",
            &["Magento_Sales::actions_view"],
            list_items,
        ),
        Operation::get(
            "/V1/orders/items/{id}",
            r"Magento\Sales\Api\OrderItemRepositoryInterface::get",
            &["Magento_Sales::actions_view"],
            show_item,
        ),
        Operation::get(
            "/V1/orders/{id}/statuses",
            r"Magento\Sales\Api\OrderManagementInterface::getStatus",
            &["Magento_Sales::actions_view"],
            status,
        ),
        Operation::post(
            "/V1/orders/{id}/hold",
            r"Magento\Sales\Api\OrderManagementInterface::hold",
            &["Magento_Sales::hold"],
            hold,
        ),
        Operation::post(
            "/V1/orders/{id}/unhold",
            r"Magento\Sales\Api\OrderManagementInterface::unHold",
            &["Magento_Sales::unhold"],
            unhold,
        ),
        Operation::post(
            "/V1/orders/{id}/cancel",
            r"Magento\Sales\Api\OrderManagementInterface::cancel",
            &["Magento_Sales::cancel"],
            cancel,
        ),
    ]
}

/// `OrderManagementInterface::getStatus`: the status code as a JSON string (`"pending"`).
async fn status(
    _: Admin<SalesView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let full = order::get_order(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &full.order.status))
}

/// `OrderManagementInterface::hold`: `true`, or Magento's 400 when the order cannot be held.
async fn hold(
    _: Admin<SalesHold>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    _: Body,
) -> Result<Response> {
    manage(&state, &id, Action::Hold).await
}

/// `OrderManagementInterface::unHold`.
async fn unhold(
    _: Admin<SalesUnhold>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    _: Body,
) -> Result<Response> {
    manage(&state, &id, Action::Unhold).await
}

/// `OrderManagementInterface::cancel`: `true`, or `false` when Magento declines.
async fn cancel(
    _: Admin<SalesCancel>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    _: Body,
) -> Result<Response> {
    manage(&state, &id, Action::Cancel).await
}

async fn manage(state: &AppState, id: &str, action: Action) -> Result<Response> {
    let done = manage_order(&state.db, path_int(id)?, action).await?;
    Ok(json_response(StatusCode::OK, &done))
}

async fn create(
    _: Admin<SalesCreate>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    import(&state, &body).await
}

/// `PUT /V1/orders/create`: the same `OrderRepositoryInterface::save` under another ACL.
async fn create_put(
    _: Admin<SalesOrderCreate>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    import(&state, &body).await
}

/// `OrderRepositoryInterface::save`: a new order, or the order its `entity_id` names
/// (`sales::order_update`, answered with the saved object as it stands, not reloaded).
async fn import(
    state: &AppState,
    body: &serde_json::Map<String, serde_json::Value>,
) -> Result<Response> {
    let order_import::OrderRequest { posted, new_order } = order_import::parse_request(body)?;
    let order_import::Posted {
        update,
        taxes,
        // Magento_GiftMessage's Plugin\OrderSave, once the order is saved: a refusal answers
        // 400 with the order saved (see sales::gift_message::save_posted).
        mut gifts,
    } = posted;
    match new_order {
        Some(full) => {
            // Checked as the save meets them, after everything the input processor and the
            // repository plugin check (magemu checks them before the store and the increment
            // id, which Magento's save meets first).
            order_update::check_new_addresses(&update)?;
            let id = order::create_order(&state.db, *full, taxes).await?;
            crate::sales::gift_message::save_posted(&state.db, id, gifts).await?;
            let saved = order::get_order(&state.db, id).await?;
            Ok(json_response(StatusCode::OK, &OrderData::from(&saved)))
        }
        None => {
            let saved = order_update::update_order(&state.db, update, taxes).await?;
            // Lines' messages are taken on new orders only (see README).
            gifts.items.clear();
            crate::sales::gift_message::save_posted(&state.db, saved.order.row.entity_id, gifts)
                .await?;
            Ok(json_response(
                StatusCode::OK,
                &wire::order_saved::saved_order(&saved),
            ))
        }
    }
}

async fn list(
    _: Admin<SalesView>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (orders, total) = order::list_orders(&state.db, &criteria).await?;
    Ok(converted_results(&orders, OrderData::from, criteria, total))
}

async fn show(
    _: Admin<SalesView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    cache: CacheUse,
) -> Result<Response> {
    let id = path_int(&id)?;
    crate::http::cached_document(&state, ("order", id), cache, async {
        let full = order::get_order(&state.db, id).await?;
        Ok(OrderData::from(&full))
    })
    .await
}

/// `OrderItemRepositoryInterface::getList`.
async fn list_items(
    _: Admin<SalesView>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (items, total) = order::list_order_items(&state.db, &criteria).await?;
    Ok(search_results(
        wire::order_item::item_list(&items),
        criteria,
        total,
    ))
}

/// `OrderItemRepositoryInterface::get`.
async fn show_item(
    _: Admin<SalesView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let chain = order::get_order_item_chain(&state.db, path_int(&id)?).await?;
    Ok(json_response(
        StatusCode::OK,
        &wire::order_item::item_with_parents(&chain),
    ))
}

/// `OrderManagementInterface::getCommentsList`.
async fn list_comments(
    _: Admin<SalesView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let id = path_int(&id)?;
    let rows = comments::list_order_comments(&state.db, id).await?;
    Ok(comment_list(
        rows.iter().map(StatusHistoryData::from).collect(),
        id,
    ))
}

/// `OrderManagementInterface::addComment`: `true`.
async fn add_comment(
    _: Admin<SalesComment>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let id = path_int(&id)?;
    let request = wire::comment::parse_status_history(&body)?;
    let done = comments::add_order_comment(&state.db, id, request).await?;
    Ok(json_response(StatusCode::OK, &done))
}

/// `OrderManagementInterface::notify`: `true`.
async fn emails(
    _: Admin<SalesEmails>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    _: Body,
) -> Result<Response> {
    crate::http::comments::notify(&state, &id, Document::Order).await
}

/// `OrderAddressRepositoryInterface::save` (`PUT /V1/orders/{parent_id}`): the address as
/// posted. `ParamsOverrider::overrideRequestBodyIdWithPathParam` writes the path's `parent_id`
/// into `entity` when that object is the body's single parameter (`OrderAddressInterface`
/// declares `parent_id`), over the body's own.
async fn save_address(
    _: Admin<SalesOrderCreate>,
    State(state): State<AppState>,
    PathParams(parent_id): PathParams<String>,
    Body(mut body): Body,
) -> Result<Response> {
    if crate::wire::input::path_id_goes_inside(&body) {
        if let Some(serde_json::Value::Object(entity)) = body.get_mut("entity") {
            entity.insert("parent_id".into(), serde_json::Value::String(parent_id));
        }
    }
    let (address, posted) = order_import::parse_address_request(&body)?;
    let saved = order::save_address(&state.db, address, posted).await?;
    Ok(json_response(
        StatusCode::OK,
        &OrderAddressData::from(&saved),
    ))
}
