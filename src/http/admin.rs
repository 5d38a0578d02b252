//! The read-only admin pages under `/magemu/admin/`: what a tutorial reader checks in Magento's
//! Admin after a step (Sales > Orders, an order's view, Sales > Invoices, Shipments, Credit
//! Memos, Catalog > Products with MSI's per-source and salable quantities), plus the control
//! API's request journal and mail outbox. Server-rendered HTML with plain CSS, no JavaScript;
//! the cells come from `control::admin`'s view models, the markup from `maud` (every value is
//! escaped unless marked otherwise, and the templates are checked by the compiler).
//!
//! Who may call them: as the rest of `/magemu/` (see `http::control`), whoever reaches the port;
//! the pages only read.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::{html, Markup, DOCTYPE};

use crate::control::admin::{self as view, Grid};
use crate::control::journal::Filter;
use crate::error::Error;
use crate::AppState;

/// The pages, merged into the control router (under `/magemu`).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin", get(index))
        .route("/admin/", get(index))
        .route("/admin/orders", get(orders))
        .route("/admin/orders/{id}", get(order))
        .route("/admin/invoices", get(invoices))
        .route("/admin/shipments", get(shipments))
        .route("/admin/creditmemos", get(creditmemos))
        .route("/admin/products", get(products))
        .route("/admin/requests", get(requests))
        .route("/admin/outbox", get(outbox))
}

type Params = Query<HashMap<String, String>>;

fn page_of(query: &Params) -> i64 {
    view::page_number(query.get("page").map(String::as_str))
}

const CSS: &str = "
body{margin:0;font:14px/1.4 'Open Sans','Helvetica Neue',Helvetica,Arial,sans-serif;color:#303030;background:#f8f8f8}
header{background:#373330;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center}
header a{color:#f1f1f1;text-decoration:none}header a:hover{text-decoration:underline}
header .brand{font-weight:700;font-size:16px;color:#eb5202}
main{padding:16px 24px}
h1{font-size:28px;font-weight:300;margin:8px 0 16px}
h2{font-size:18px;font-weight:600;margin:24px 0 8px;border-bottom:1px solid #ccc;padding-bottom:4px}
table.data-grid{border-collapse:collapse;width:100%;background:#fff}
.data-grid th{background:#514943;color:#fff;text-align:left;font-weight:600;padding:8px 10px;border:1px solid #8a837f}
.data-grid td{padding:8px 10px;border:1px solid #d6d6d6;vertical-align:top}
.data-grid tr:nth-child(even) td{background:#f5f5f5}
.data-grid ul{margin:0;padding:0;list-style:none}
.num{text-align:right}
.pager{margin:10px 0;display:flex;gap:12px;align-items:center}
.records{color:#666}
dl.info{display:grid;grid-template-columns:max-content auto;gap:4px 16px;margin:0}
dl.info dt{font-weight:600}dl.info dd{margin:0}
.columns{display:flex;gap:32px;flex-wrap:wrap}.columns>section{min-width:280px}
#totals{width:auto;min-width:360px;margin-left:auto}#totals th{background:#f5f5f5;color:#303030;border-color:#d6d6d6}
pre{margin:0;white-space:pre-wrap;word-break:break-all;font-size:12px;max-height:8em;overflow:auto}
";

/// The page around `body`, titled `title` ("Orders / Sales / magemu Admin").
fn page(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { (title) " / magemu Admin" }
                style { (maud::PreEscaped(CSS)) }
            }
            body {
                header {
                    a.brand href="/magemu/admin/" { "magemu Admin" }
                    nav {
                        a href="/magemu/admin/orders" { "Orders" } " · "
                        a href="/magemu/admin/invoices" { "Invoices" } " · "
                        a href="/magemu/admin/shipments" { "Shipments" } " · "
                        a href="/magemu/admin/creditmemos" { "Credit Memos" } " · "
                        a href="/magemu/admin/products" { "Products" } " · "
                        a href="/magemu/admin/requests" { "Request Journal" } " · "
                        a href="/magemu/admin/outbox" { "Outbox" }
                    }
                }
                main { (body) }
            }
        }
    }
}

fn reply(markup: Markup) -> Response {
    Html(markup.into_string()).into_response()
}

/// An error as a page: a missing document is a 404 with Magento's admin message, anything
/// else a 500 (logged).
fn failure(error: Error, missing: &str) -> Response {
    let (status, text) = match error {
        Error::NotFound(_) | Error::Input(_) => (StatusCode::NOT_FOUND, missing.to_owned()),
        other => {
            tracing::error!(error = %other, "admin page failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "The page could not be read; see the server log.".to_owned(),
            )
        }
    };
    let body = page(
        &text,
        html! { h1 { (text) } p { a href="/magemu/admin/" { "Back" } } },
    );
    (status, Html(body.into_string())).into_response()
}

/// "20 records found", and links to the previous and next pages.
fn pager<R>(grid: &Grid<R>, path: &str) -> Markup {
    pager_with(grid, &format!("{path}?"))
}

/// [`pager`] for a page whose URL holds more than the page: `prefix` ends in `?` or `&`.
fn pager_with<R>(grid: &Grid<R>, prefix: &str) -> Markup {
    html! {
        div.pager {
            span.records { (grid.total) " records found" }
            @if grid.page > 1 {
                a rel="prev" href={ (prefix) "page=" (grid.page - 1) } { "‹ Previous" }
            }
            span { "Page " (grid.page) " of " (grid.pages) }
            @if grid.page < grid.pages {
                a rel="next" href={ (prefix) "page=" (grid.page + 1) } { "Next ›" }
            }
        }
    }
}

/// Website, store and store view names, the store 3 and the view 6 non-breaking spaces in, as
/// Magento's Store column prints them (module-store/Ui/Component/Listing/Column/Store.php,
/// `prepareItem`).
fn store_lines(lines: &[String]) -> Markup {
    html! {
        @for (i, line) in lines.iter().enumerate() {
            @if i > 0 { br; }
            (maud::PreEscaped("&nbsp;".repeat(3 * i.min(2))))
            (line)
        }
    }
}

fn lines(lines: &[String]) -> Markup {
    html! {
        @for (i, line) in lines.iter().enumerate() {
            @if i > 0 { br; }
            (line)
        }
    }
}

async fn index(State(state): State<AppState>) -> Response {
    let counts = match view::counts(&state.db).await {
        Ok(counts) => counts,
        Err(e) => return failure(e, ""),
    };
    let count = |name: &str| {
        counts
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(0, |(_, c)| *c)
    };
    let links = [
        ("Sales > Orders", "/magemu/admin/orders", Some("orders")),
        (
            "Sales > Invoices",
            "/magemu/admin/invoices",
            Some("invoices"),
        ),
        (
            "Sales > Shipments",
            "/magemu/admin/shipments",
            Some("shipments"),
        ),
        (
            "Sales > Credit Memos",
            "/magemu/admin/creditmemos",
            Some("creditmemos"),
        ),
        (
            "Catalog > Products",
            "/magemu/admin/products",
            Some("products"),
        ),
        ("Request Journal", "/magemu/admin/requests", None),
        ("Mail Outbox", "/magemu/admin/outbox", None),
    ];
    reply(page(
        "Dashboard",
        html! {
            h1 { "Dashboard" }
            p { "Read-only views of the emulated store, as Magento's Admin shows them." }
            table.data-grid {
                thead { tr { th { "Page" } th.num { "Records" } } }
                tbody {
                    @for (label, href, counted) in links {
                        tr {
                            td { a href=(href) { (label) } }
                            td.num { @if let Some(name) = counted { (count(name)) } }
                        }
                    }
                }
            }
        },
    ))
}

async fn orders(State(state): State<AppState>, query: Params) -> Response {
    let grid = match view::orders(&state.db, page_of(&query)).await {
        Ok(grid) => grid,
        Err(e) => return failure(e, ""),
    };
    reply(page(
        "Orders",
        html! {
            h1 { "Orders" }
            (pager(&grid, "/magemu/admin/orders"))
            table.data-grid #orders {
                thead { tr {
                    th { "ID" } th { "Purchase Point" } th { "Purchase Date" }
                    th { "Bill-to Name" } th { "Ship-to Name" }
                    th { "Grand Total (Base)" } th { "Grand Total (Purchased)" }
                    th { "Status" } th { "Action" }
                } }
                tbody {
                    @for o in &grid.rows {
                        tr data-order-id=(o.entity_id) {
                            td { (o.increment_id) }
                            td { (store_lines(&o.purchase_point)) }
                            td { (o.purchase_date) }
                            td { (o.bill_to_name) }
                            td { (o.ship_to_name) }
                            td.num { (o.grand_total_base) }
                            td.num { (o.grand_total_purchased) }
                            td.status { (o.status) }
                            td { a href={ "/magemu/admin/orders/" (o.entity_id) } { "View" } }
                        }
                    }
                }
            }
        },
    ))
}

async fn order(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    const MISSING: &str = "This order no longer exists.";
    let Ok(id) = id.parse::<i64>() else {
        return failure(Error::input("bad id"), MISSING);
    };
    let o = match view::order(&state.db, id).await {
        Ok(o) => o,
        Err(e) => return failure(e, MISSING),
    };
    let title = format!("# {}", o.increment_id);
    reply(page(
        &title,
        html! {
            h1 { (title) }
            div.columns {
                section {
                    h2 { "Order # " (o.increment_id) }
                    dl.info {
                        dt { "Order Date" } dd { (o.order_date) }
                        dt { "Order Status" } dd #order-status { (o.status) }
                        dt { "Order State" } dd #order-state { (o.state) }
                        dt { "Purchased From" } dd { (store_lines(&o.purchased_from)) }
                    }
                }
                section {
                    h2 { "Account Information" }
                    dl.info {
                        dt { "Customer Name" } dd { (o.customer_name) }
                        dt { "Email" } dd { (o.customer_email) }
                    }
                }
            }
            div.columns {
                section { h2 { "Billing Address" } address { (lines(&o.billing_address)) } }
                section { h2 { "Shipping Address" } address { (lines(&o.shipping_address)) } }
                section {
                    h2 { "Payment & Shipping Method" }
                    dl.info {
                        dt { "Payment" } dd { (o.payment_method) }
                        dt { "Shipping" } dd { (o.shipping_method) }
                    }
                }
            }
            h2 { "Items Ordered" }
            table.data-grid #items {
                thead { tr {
                    th { "Product" } th { "Original Price" } th { "Price" } th { "Qty" }
                    th { "Subtotal" } th { "Tax Amount" } th { "Tax Percent" }
                    th { "Discount Amount" } th { "Row Total" }
                } }
                tbody {
                    @for i in &o.items {
                        tr data-sku=(i.sku) {
                            td { strong { (i.name) } br; "SKU: " (i.sku) }
                            td.num { (i.original_price) }
                            td.num { (i.price) }
                            td {
                                ul.qty {
                                    @for (label, qty) in &i.qty {
                                        li { strong { (label) } " " span data-qty=(label) { (qty) } }
                                    }
                                }
                            }
                            td.num { (i.subtotal) }
                            td.num { (i.tax_amount) }
                            td.num { (i.tax_percent) }
                            td.num { (i.discount_amount) }
                            td.num { (i.row_total) }
                        }
                    }
                }
            }
            h2 { "Order Totals" }
            table.data-grid #totals {
                tbody {
                    @for (label, amount) in &o.totals {
                        tr { th { (label) } td.num { (amount) } }
                    }
                }
            }
            h2 { "Invoices" }
            (documents(&o.invoices, "invoices", "Invoice", "Amount"))
            h2 { "Shipments" }
            (documents(&o.shipments, "shipments", "Shipment", "Total Quantity"))
            h2 { "Credit Memos" }
            (documents(&o.creditmemos, "creditmemos", "Credit Memo", "Refunded"))
            h2 { "Comments History" }
            table.data-grid #comments {
                thead { tr { th { "Date" } th { "Status" } th { "Notification" } th { "Comment" } } }
                tbody {
                    @for c in &o.comments {
                        tr {
                            td { (c.created_at) } td { (c.status) } td { (c.notified) }
                            td { (c.comment) }
                        }
                    }
                }
            }
        },
    ))
}

fn documents(rows: &[view::DocumentRow], id: &str, label: &str, amount: &str) -> Markup {
    html! {
        @if rows.is_empty() {
            p { "We couldn't find any records." }
        } @else {
            table.data-grid id=(id) {
                thead { tr { th { (label) } th { "Date" } th { "Status" } th { (amount) } } }
                tbody {
                    @for d in rows {
                        tr {
                            td { (d.increment_id) } td { (d.created_at) } td { (d.status) }
                            td.num { (d.amount) }
                        }
                    }
                }
            }
        }
    }
}

async fn invoices(State(state): State<AppState>, query: Params) -> Response {
    let grid = match view::invoices(&state.db, page_of(&query)).await {
        Ok(grid) => grid,
        Err(e) => return failure(e, ""),
    };
    reply(page(
        "Invoices",
        html! {
            h1 { "Invoices" }
            (pager(&grid, "/magemu/admin/invoices"))
            table.data-grid #invoices {
                thead { tr {
                    th { "Invoice" } th { "Invoice Date" } th { "Order #" } th { "Order Date" }
                    th { "Bill-to Name" } th { "Status" }
                    th { "Grand Total (Base)" } th { "Grand Total (Purchased)" }
                } }
                tbody {
                    @for i in &grid.rows {
                        tr {
                            td { (i.increment_id) }
                            td { (i.invoice_date) }
                            td { a href={ "/magemu/admin/orders/" (i.order_id) } { (i.order_increment_id) } }
                            td { (i.order_date) }
                            td { (i.bill_to_name) }
                            td.status { (i.status) }
                            td.num { (i.grand_total_base) }
                            td.num { (i.grand_total_purchased) }
                        }
                    }
                }
            }
        },
    ))
}

async fn shipments(State(state): State<AppState>, query: Params) -> Response {
    let grid = match view::shipments(&state.db, page_of(&query)).await {
        Ok(grid) => grid,
        Err(e) => return failure(e, ""),
    };
    reply(page(
        "Shipments",
        html! {
            h1 { "Shipments" }
            (pager(&grid, "/magemu/admin/shipments"))
            table.data-grid #shipments {
                thead { tr {
                    th { "Shipment" } th { "Ship Date" } th { "Order #" } th { "Order Date" }
                    th { "Ship-to Name" } th { "Total Quantity" }
                } }
                tbody {
                    @for s in &grid.rows {
                        tr {
                            td { (s.increment_id) }
                            td { (s.ship_date) }
                            td { a href={ "/magemu/admin/orders/" (s.order_id) } { (s.order_increment_id) } }
                            td { (s.order_date) }
                            td { (s.ship_to_name) }
                            td.num { (s.total_quantity) }
                        }
                    }
                }
            }
        },
    ))
}

async fn creditmemos(State(state): State<AppState>, query: Params) -> Response {
    let grid = match view::creditmemos(&state.db, page_of(&query)).await {
        Ok(grid) => grid,
        Err(e) => return failure(e, ""),
    };
    reply(page(
        "Credit Memos",
        html! {
            h1 { "Credit Memos" }
            (pager(&grid, "/magemu/admin/creditmemos"))
            table.data-grid #creditmemos {
                thead { tr {
                    th { "Credit Memo" } th { "Created" } th { "Order #" } th { "Order Date" }
                    th { "Bill-to Name" } th { "Status" } th { "Refunded" }
                } }
                tbody {
                    @for c in &grid.rows {
                        tr {
                            td { (c.increment_id) }
                            td { (c.created) }
                            td { a href={ "/magemu/admin/orders/" (c.order_id) } { (c.order_increment_id) } }
                            td { (c.order_date) }
                            td { (c.bill_to_name) }
                            td.status { (c.status) }
                            td.num { (c.refunded) }
                        }
                    }
                }
            }
        },
    ))
}

async fn products(State(state): State<AppState>, query: Params) -> Response {
    let products = match view::products(&state.db, page_of(&query)).await {
        Ok(products) => products,
        Err(e) => return failure(e, ""),
    };
    let grid = &products.grid;
    reply(page(
        "Products",
        html! {
            h1 { "Products" }
            (pager(grid, "/magemu/admin/products"))
            table.data-grid #products {
                thead { tr {
                    th { "ID" } th { "Name" } th { "Type" } th { "SKU" } th { "Price" }
                    th { @if products.single_source { "Quantity" } @else { "Quantity per Source" } }
                    th { "Salable Quantity" } th { "Visibility" } th { "Status" }
                    th { "Websites" }
                } }
                tbody {
                    @for p in &grid.rows {
                        tr data-sku=(p.sku) {
                            td { (p.entity_id) }
                            td { (p.name) }
                            td { (p.type_label) }
                            td { (p.sku) }
                            td.num { (p.price) }
                            td.qty-per-source { ul { @for q in &p.quantity_per_source { li { (q) } } } }
                            td.salable { ul { @for q in &p.salable_quantity { li { (q) } } } }
                            td { (p.visibility) }
                            td { (p.status) }
                            td { (lines(&p.websites)) }
                        }
                    }
                }
            }
        },
    ))
}

/// The journal, filtered as `GET /magemu/requests` is (`method`, `path` with `*`, `status`).
async fn requests(State(state): State<AppState>, query: Params) -> Response {
    let given = |key: &str| query.get(key).filter(|v| !v.is_empty()).cloned();
    let filter = Filter {
        method: given("method"),
        path: given("path"),
        status: given("status").and_then(|s| s.parse().ok()),
    };
    let kept: Vec<(&str, String)> = ["method", "path", "status"]
        .into_iter()
        .filter_map(|key| given(key).map(|v| (key, v)))
        .collect();
    let prefix = match serde_urlencoded::to_string(&kept) {
        Ok(q) if !q.is_empty() => format!("/magemu/admin/requests?{q}&"),
        _ => "/magemu/admin/requests?".to_owned(),
    };
    let grid = view::journal_page(&state.control, &filter, page_of(&query));
    reply(page(
        "Request Journal",
        html! {
            h1 { "Request Journal" }
            p { "The REST calls magemu answered, newest first (" a href="/magemu/requests" { "as JSON" } ")." }
            (pager_with(&grid, &prefix))
            table.data-grid #requests {
                thead { tr {
                    th { "#" } th { "Time (UTC)" } th { "Method" } th { "Path" } th { "Status" }
                    th { "ms" } th { "Request" } th { "Response" }
                } }
                tbody {
                    @for e in &grid.rows {
                        tr {
                            td { (e.id) }
                            td { (e.time) }
                            td { (e.method) }
                            td { (e.path) @if let Some(q) = &e.query { "?" (q) } }
                            td.num { (e.status) }
                            td.num { (e.duration_ms) }
                            td { pre { (body_text(&e.request_body)) } }
                            td { pre { (body_text(&e.response_body)) } }
                        }
                    }
                }
            }
        },
    ))
}

fn body_text(body: &impl serde::Serialize) -> String {
    match serde_json::to_value(body) {
        Ok(serde_json::Value::Null) | Err(_) => String::new(),
        Ok(serde_json::Value::String(s)) => s,
        Ok(v) => v.to_string(),
    }
}

async fn outbox(State(state): State<AppState>, query: Params) -> Response {
    let grid = match view::outbox_page(&state.db, page_of(&query)).await {
        Ok(grid) => grid,
        Err(e) => return failure(e, ""),
    };
    reply(page(
        "Mail Outbox",
        html! {
            h1 { "Mail Outbox" }
            p { "The e-mails Magento would have sent, newest first (" a href="/magemu/outbox" { "as JSON" } ")." }
            (pager(&grid, "/magemu/admin/outbox"))
            table.data-grid #outbox {
                thead { tr {
                    th { "#" } th { "Sent" } th { "Template" } th { "To" } th { "Name" }
                    th { "About" } th { "Comment" }
                } }
                tbody {
                    @for m in &grid.rows {
                        tr {
                            td { (m.id) }
                            td { (view::date(&m.time)) }
                            td { (m.template) }
                            td { (m.to) }
                            td { (m.name.as_deref().unwrap_or_default()) }
                            td {
                                (m.entity_type) " "
                                (m.increment_id.as_deref().unwrap_or_default())
                                @if let Some(order) = m.order_id {
                                    " (" a href={ "/magemu/admin/orders/" (order) } { "order" } ")"
                                }
                            }
                            td { (m.comment.as_deref().unwrap_or_default()) }
                        }
                    }
                }
            }
        },
    ))
}
