//! The view models of the read-only admin pages (`/magemu/admin/`, rendered by `http::admin`):
//! what Magento's Admin shows in Sales > Orders, an order's view, Sales > Invoices, Shipments
//! and Credit Memos, and Catalog > Products, read through the REST use cases' own reads, plus
//! the journal and the outbox of the control API. Every cell is a display string here, so the
//! templates only lay them out. No business rule lives here: only Magento's labels and formats.
//!
//! What Magento's grids show (module-sales/view/adminhtml/ui_component/sales_order_grid.xml,
//! sales_order_invoice_grid.xml, sales_order_shipment_grid.xml, sales_order_creditmemo_grid.xml,
//! module-catalog/view/adminhtml/ui_component/product_listing.xml): the default visible columns
//! in their order, 20 rows a page, and each grid's default sort: orders by Purchase Date,
//! newest first; invoices and shipments by increment id ascending (`<sorting>asc</sorting>`);
//! credit memos and products by id ascending (the products' Visibility, Status and Websites
//! as the catalog's listing labels them; no thumbnail or attribute set). The MSI columns of the product grid come from
//! module-inventory-catalog-admin-ui (`QuantityPerSource`: "Quantity per Source", each source's
//! name and quantity as a float; "Quantity" alone in single source mode) and
//! module-inventory-sales-admin-ui (`GetSalableQuantityDataBySku`: "Salable Quantity", per
//! stock the SKU's sources are linked to, its name and salable quantity).
//!
//! Formats: money as the admin's en_US locale prints a price with its currency (`$1,917.60`,
//! `Magento\Framework\Locale\Currency` through Intl's NumberFormatter); dates as the grids'
//! date column (`MMM d, y h:mm:ss a`, "Dec 1, 2026 10:49:04 PM"), in UTC (the stored time; the
//! tutorial's admin is configured in UTC); quantities as PHP's `(float)` prints them ("100",
//! "1.5").

use rust_decimal::{Decimal, RoundingStrategy};

use crate::amount::Amount;
use crate::db::model::{FullOrder, OrderAddress};
use crate::db::{self, Db};
use crate::error::Result;
use crate::search::{Filter, FilterGroup, SearchCriteria, SortOrder};
use crate::{catalog, inventory, sales};

use super::journal::{self, Entry};
use super::{Control, OutboxMail};

/// Rows a grid page shows (the admin grids' default page size).
pub const PAGE_SIZE: i64 = 20;

/// One page of a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid<R> {
    pub rows: Vec<R>,
    /// All matching rows.
    pub total: i64,
    /// The page shown, 1-based, clamped to the last page.
    pub page: i64,
    pub pages: i64,
}

impl<R> Grid<R> {
    fn of(rows: Vec<R>, total: i64, asked: i64) -> Grid<R> {
        let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
        Grid {
            rows,
            total,
            page: asked.clamp(1, pages),
            pages,
        }
    }
}

/// The criteria of one grid page: `PAGE_SIZE` rows of page `page`, sorted by `sorts`.
fn page_criteria(page: i64, sorts: &[(&str, &str)], filters: Vec<FilterGroup>) -> SearchCriteria {
    SearchCriteria {
        filter_groups: filters,
        sort_orders: Some(
            sorts
                .iter()
                .map(|(field, direction)| SortOrder {
                    field: Some((*field).into()),
                    direction: Some((*direction).into()),
                })
                .collect(),
        ),
        page_size: Some(PAGE_SIZE),
        current_page: Some(page.max(1)),
        eav: false,
    }
}

/// `field = value`, the one filter the order view's documents are read with.
fn equals(field: &str, value: i64) -> Vec<FilterGroup> {
    vec![FilterGroup {
        filters: vec![Filter {
            field: Some(field.into()),
            value: Some(value.to_string()),
            condition_type: "eq".into(),
        }],
    }]
}

/// A row of Sales > Orders.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderRow {
    pub entity_id: i64,
    pub increment_id: String,
    /// Website, store and store view names, one a line.
    pub purchase_point: Vec<String>,
    pub purchase_date: String,
    pub bill_to_name: String,
    pub ship_to_name: String,
    pub grand_total_base: String,
    pub grand_total_purchased: String,
    pub status: String,
}

/// Sales > Orders, newest first.
pub async fn orders(db: &Db, page: i64) -> Result<Grid<OrderRow>> {
    let criteria = page_criteria(
        page,
        &[("created_at", "DESC"), ("entity_id", "DESC")],
        vec![],
    );
    let (orders, total) = sales::order::list_orders(db, &criteria).await?;
    let rows = orders
        .iter()
        .map(|full| {
            let o = &full.order;
            OrderRow {
                entity_id: o.entity_id,
                increment_id: o.increment_id.clone(),
                purchase_point: o
                    .store_name
                    .as_deref()
                    .unwrap_or_default()
                    .lines()
                    .map(str::to_owned)
                    .collect(),
                purchase_date: date(&o.created_at),
                bill_to_name: address_name(full, "billing"),
                ship_to_name: address_name(full, "shipping"),
                grand_total_base: money(o.base_grand_total, o.base_currency_code.as_deref()),
                grand_total_purchased: money(o.grand_total, o.order_currency_code.as_deref()),
                status: status_label(o.status.as_deref().unwrap_or_default()),
            }
        })
        .collect();
    Ok(Grid::of(rows, total, page))
}

/// The name of the order's address of `kind` ("billing", "shipping"), as the grid's
/// `billing_name`/`shipping_name` (firstname and lastname, `sales_order_grid`'s
/// `CONCAT_WS(' ', firstname, lastname)` in module-sales/etc/di.xml).
fn address_name(full: &FullOrder, kind: &str) -> String {
    full.addresses
        .iter()
        .find(|a| a.address_type == kind)
        .map(person)
        .unwrap_or_default()
}

fn person(a: &OrderAddress) -> String {
    [a.firstname.as_deref(), a.lastname.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An order's view (Sales > Orders > View): Information, Items Ordered, Order Totals, the
/// invoices, shipments and credit memos, and the comments history.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderView {
    pub entity_id: i64,
    pub increment_id: String,
    pub order_date: String,
    pub state: String,
    pub status: String,
    pub purchased_from: Vec<String>,
    pub customer_name: String,
    pub customer_email: String,
    pub billing_address: Vec<String>,
    pub shipping_address: Vec<String>,
    pub payment_method: String,
    pub shipping_method: String,
    pub items: Vec<ItemView>,
    /// (label, amount) as the Order Totals block lists them.
    pub totals: Vec<(String, String)>,
    pub invoices: Vec<DocumentRow>,
    pub shipments: Vec<DocumentRow>,
    pub creditmemos: Vec<DocumentRow>,
    pub comments: Vec<CommentView>,
}

/// A line of Items Ordered.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemView {
    pub name: String,
    pub sku: String,
    pub original_price: String,
    pub price: String,
    /// ("Ordered", "2"), then Invoiced, Shipped, Refunded, Canceled when not zero
    /// (module-sales/view/adminhtml/templates/items/column/qty.phtml).
    pub qty: Vec<(&'static str, String)>,
    pub subtotal: String,
    pub tax_amount: String,
    pub tax_percent: String,
    pub discount_amount: String,
    pub row_total: String,
}

/// An invoice, shipment or credit memo listed on its order's view.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRow {
    pub increment_id: String,
    pub created_at: String,
    /// "Paid", "Pending", ... (empty for a shipment).
    pub status: String,
    /// The amount (the total quantity for a shipment).
    pub amount: String,
}

/// A line of the comments history.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentView {
    pub created_at: String,
    pub status: String,
    pub notified: &'static str,
    pub comment: String,
}

/// The order of id `order_id`; Magento's 404 (`NotFound`) when there is none.
pub async fn order(db: &Db, order_id: i64) -> Result<OrderView> {
    let full = sales::order::get_order(db, order_id).await?;
    let o = &full.order;
    let cur = o.order_currency_code.as_deref();
    let items = full
        .items
        .iter()
        .filter(|i| i.parent().is_none())
        .map(|i| {
            let mut qty = vec![("Ordered", quantity(i.qty_ordered))];
            for (label, value) in [
                ("Invoiced", i.qty_invoiced),
                ("Shipped", i.qty_shipped),
                ("Refunded", i.qty_refunded),
                ("Canceled", i.qty_canceled),
            ] {
                if !value.is_zero() {
                    qty.push((label, quantity(value)));
                }
            }
            // Row Total: `DefaultRenderer::getTotalAmount` (row total + tax + discount tax
            // compensation - discount).
            let row = i.row_total + i.tax_amount.unwrap_or_default()
                - i.discount_amount.unwrap_or_default()
                + i.discount_tax_compensation_amount.unwrap_or_default();
            ItemView {
                name: i.name.clone().unwrap_or_default(),
                sku: i.sku.clone(),
                original_price: money(i.original_price, cur),
                price: money(Some(i.price), cur),
                qty,
                subtotal: money(Some(i.row_total), cur),
                tax_amount: money(i.tax_amount.or(Some(Amount::ZERO)), cur),
                tax_percent: format!("{}%", percent(i.tax_percent.unwrap_or_default())),
                discount_amount: money(i.discount_amount.or(Some(Amount::ZERO)), cur),
                row_total: money(Some(row), cur),
            }
        })
        .collect();
    // The Order Totals block (module-sales/Block/Adminhtml/Order/Totals.php): subtotal,
    // shipping, discount when any, tax, grand total, then paid, refunded and due
    // (`Order::getTotalDue`: grand total less paid).
    let mut totals = vec![("Subtotal".to_owned(), money(o.subtotal, cur))];
    totals.push(("Shipping & Handling".into(), money(o.shipping_amount, cur)));
    if o.discount_amount.is_some_and(|d| !d.is_zero()) {
        let label = match o.discount_description.as_deref() {
            Some(d) if !d.is_empty() => format!("Discount ({d})"),
            _ => "Discount".into(),
        };
        totals.push((label, money(o.discount_amount, cur)));
    }
    totals.push(("Tax".into(), money(o.tax_amount, cur)));
    totals.push(("Grand Total".into(), money(o.grand_total, cur)));
    let paid = o.total_paid.unwrap_or_default();
    totals.push(("Total Paid".into(), money(Some(paid), cur)));
    totals.push((
        "Total Refunded".into(),
        money(o.total_refunded.or(Some(Amount::ZERO)), cur),
    ));
    let due = (o.grand_total.unwrap_or_default() - paid).max(Amount::ZERO);
    totals.push(("Total Due".into(), money(Some(due), cur)));

    let all = |field| page_criteria(1, &[("entity_id", "ASC")], equals(field, order_id));
    let criteria = SearchCriteria {
        page_size: None,
        current_page: None,
        ..all("order_id")
    };
    let (invoices, _) = sales::invoice::list_invoices(db, &criteria).await?;
    let (shipments, _) = sales::shipment::list_shipments(db, &criteria).await?;
    let (creditmemos, _) = sales::creditmemo::list_creditmemos(db, &criteria).await?;
    let mut comments: Vec<CommentView> = full
        .status_histories
        .iter()
        .map(|h| CommentView {
            created_at: date(&h.created_at),
            status: status_label(h.status.as_deref().unwrap_or_default()),
            notified: notified(h.is_customer_notified),
            comment: h.comment.clone().unwrap_or_default(),
        })
        .collect();
    // Newest first, as the Comments History tab lists them.
    comments.reverse();
    let payment_method = full
        .payment
        .as_ref()
        .map(|p| payment_title(&p.method))
        .unwrap_or_default();
    Ok(OrderView {
        entity_id: o.entity_id,
        increment_id: o.increment_id.clone(),
        order_date: date(&o.created_at),
        state: o.state.clone().unwrap_or_default(),
        status: status_label(o.status.as_deref().unwrap_or_default()),
        purchased_from: o
            .store_name
            .as_deref()
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect(),
        customer_name: [
            o.customer_firstname.as_deref(),
            o.customer_lastname.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" "),
        customer_email: o.customer_email.clone().unwrap_or_default(),
        billing_address: address_lines(&full, "billing"),
        shipping_address: address_lines(&full, "shipping"),
        payment_method,
        shipping_method: o.shipping_description.clone().unwrap_or_default(),
        items,
        totals,
        invoices: invoices
            .iter()
            .map(|f| DocumentRow {
                increment_id: f.invoice.increment_id.clone(),
                created_at: date(&f.invoice.created_at),
                status: invoice_state_label(f.invoice.state),
                amount: money(
                    f.invoice.grand_total,
                    f.invoice.order_currency_code.as_deref(),
                ),
            })
            .collect(),
        shipments: shipments
            .iter()
            .map(|f| DocumentRow {
                increment_id: f.shipment.increment_id.clone(),
                created_at: date(&f.shipment.created_at),
                status: String::new(),
                amount: quantity(f.shipment.total_qty.unwrap_or_default()),
            })
            .collect(),
        creditmemos: creditmemos
            .iter()
            .map(|f| DocumentRow {
                increment_id: f.creditmemo.increment_id.clone(),
                created_at: date(&f.creditmemo.created_at),
                status: creditmemo_state_label(f.creditmemo.state),
                amount: money(
                    f.creditmemo.grand_total,
                    f.creditmemo.order_currency_code.as_deref(),
                ),
            })
            .collect(),
        comments,
    })
}

fn notified(flag: Option<i64>) -> &'static str {
    match flag {
        Some(1) => "Customer Notified",
        Some(0) => "Customer Not Notified",
        _ => "Notification Not Applicable",
    }
}

/// The payment methods' titles (`payment/<code>/title` in each module's config.xml).
fn payment_title(code: &str) -> String {
    match code {
        "checkmo" => "Check / Money order",
        "banktransfer" => "Bank Transfer Payment",
        "cashondelivery" => "Cash On Delivery",
        "purchaseorder" => "Purchase Order",
        "free" => "No Payment Information Required",
        "braintree" => "Credit Card (Braintree)",
        "paypal_express" => "PayPal Express Checkout",
        other => other,
    }
    .to_owned()
}

/// An address as the order view prints it: name, company, street lines, "city, region,
/// postcode", country, "T: phone".
fn address_lines(full: &FullOrder, kind: &str) -> Vec<String> {
    let Some(a) = full.addresses.iter().find(|a| a.address_type == kind) else {
        return vec![];
    };
    let mut lines = vec![person(a)];
    lines.extend(a.company.clone().filter(|c| !c.is_empty()));
    lines.extend(
        a.street
            .as_deref()
            .unwrap_or_default()
            .lines()
            .map(str::to_owned),
    );
    let place = [
        a.city.as_deref(),
        a.region.as_deref(),
        a.postcode.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    lines.push(place);
    lines.extend(a.country_id.clone());
    lines.extend(a.telephone.as_ref().map(|t| format!("T: {t}")));
    lines.retain(|l| !l.is_empty());
    lines
}

/// A row of Sales > Invoices.
#[derive(Debug, Clone, PartialEq)]
pub struct InvoiceRow {
    pub increment_id: String,
    pub invoice_date: String,
    pub order_id: i64,
    pub order_increment_id: String,
    pub order_date: String,
    pub bill_to_name: String,
    pub status: String,
    pub grand_total_base: String,
    pub grand_total_purchased: String,
}

/// Sales > Invoices, by increment id.
pub async fn invoices(db: &Db, page: i64) -> Result<Grid<InvoiceRow>> {
    let criteria = page_criteria(page, &[("increment_id", "ASC")], vec![]);
    let (invoices, total) = sales::invoice::list_invoices(db, &criteria).await?;
    let mut rows = Vec::with_capacity(invoices.len());
    for f in &invoices {
        let i = &f.invoice;
        let order = sales::order::get_order(db, i.order_id).await?;
        rows.push(InvoiceRow {
            increment_id: i.increment_id.clone(),
            invoice_date: date(&i.created_at),
            order_id: i.order_id,
            order_increment_id: order.order.increment_id.clone(),
            order_date: date(&order.order.created_at),
            bill_to_name: address_name(&order, "billing"),
            status: invoice_state_label(i.state),
            grand_total_base: money(i.base_grand_total, i.base_currency_code.as_deref()),
            grand_total_purchased: money(i.grand_total, i.order_currency_code.as_deref()),
        });
    }
    Ok(Grid::of(rows, total, page))
}

/// A row of Sales > Shipments.
#[derive(Debug, Clone, PartialEq)]
pub struct ShipmentRow {
    pub increment_id: String,
    pub ship_date: String,
    pub order_id: i64,
    pub order_increment_id: String,
    pub order_date: String,
    pub ship_to_name: String,
    pub total_quantity: String,
}

/// Sales > Shipments, by increment id.
pub async fn shipments(db: &Db, page: i64) -> Result<Grid<ShipmentRow>> {
    let criteria = page_criteria(page, &[("increment_id", "ASC")], vec![]);
    let (shipments, total) = sales::shipment::list_shipments(db, &criteria).await?;
    let mut rows = Vec::with_capacity(shipments.len());
    for f in &shipments {
        let s = &f.shipment;
        let order = sales::order::get_order(db, s.order_id).await?;
        rows.push(ShipmentRow {
            increment_id: s.increment_id.clone(),
            ship_date: date(&s.created_at),
            order_id: s.order_id,
            order_increment_id: order.order.increment_id.clone(),
            order_date: date(&order.order.created_at),
            ship_to_name: address_name(&order, "shipping"),
            total_quantity: quantity(s.total_qty.unwrap_or_default()),
        });
    }
    Ok(Grid::of(rows, total, page))
}

/// A row of Sales > Credit Memos.
#[derive(Debug, Clone, PartialEq)]
pub struct CreditmemoRow {
    pub increment_id: String,
    pub created: String,
    pub order_id: i64,
    pub order_increment_id: String,
    pub order_date: String,
    pub bill_to_name: String,
    pub status: String,
    pub refunded: String,
}

/// Sales > Credit Memos, by id.
pub async fn creditmemos(db: &Db, page: i64) -> Result<Grid<CreditmemoRow>> {
    let criteria = page_criteria(page, &[("entity_id", "ASC")], vec![]);
    let (memos, total) = sales::creditmemo::list_creditmemos(db, &criteria).await?;
    let mut rows = Vec::with_capacity(memos.len());
    for f in &memos {
        let c = &f.creditmemo;
        let order = sales::order::get_order(db, c.order_id).await?;
        rows.push(CreditmemoRow {
            increment_id: c.increment_id.clone(),
            created: date(&c.created_at),
            order_id: c.order_id,
            order_increment_id: order.order.increment_id.clone(),
            order_date: date(&order.order.created_at),
            bill_to_name: address_name(&order, "billing"),
            status: creditmemo_state_label(c.state),
            refunded: money(c.base_grand_total, c.base_currency_code.as_deref()),
        });
    }
    Ok(Grid::of(rows, total, page))
}

/// A row of Catalog > Products.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductRow {
    pub entity_id: i64,
    pub name: String,
    pub type_label: String,
    pub sku: String,
    pub price: String,
    /// "Default Source: 100" per source item (or the one quantity in single source mode).
    pub quantity_per_source: Vec<String>,
    /// "Default Stock: 100" per assigned stock.
    pub salable_quantity: Vec<String>,
    pub visibility: String,
    pub status: String,
    /// The names of the product's websites.
    pub websites: Vec<String>,
}

/// The products page: its rows, and whether it shows "Quantity" (single source mode) or
/// "Quantity per Source".
#[derive(Debug, Clone, PartialEq)]
pub struct ProductGrid {
    pub single_source: bool,
    pub grid: Grid<ProductRow>,
}

/// Catalog > Products, by id.
pub async fn products(db: &Db, page: i64) -> Result<ProductGrid> {
    let criteria = page_criteria(page, &[("entity_id", "ASC")], vec![]);
    let (products, total) = catalog::list(db, &criteria).await?;
    let (single_source, websites) = {
        let mut conn = db.read.acquire().await?;
        (
            db::admin::single_source_mode(&mut conn).await?,
            db::store::websites(&mut conn).await?,
        )
    };
    let mut rows = Vec::with_capacity(products.len());
    for p in &products {
        let r = &p.row;
        let stocked = !matches!(r.type_id.as_str(), "configurable" | "bundle" | "grouped");
        let mut per_source = vec![];
        let mut salable = vec![];
        if stocked {
            // One read connection at a time: `salable_qty` takes its own from the pool, and a
            // page holding one while waiting for another could starve with a few at once.
            let (sources, stocks) = {
                let mut conn = db.read.acquire().await?;
                (
                    db::admin::quantity_per_source(&mut conn, &r.sku).await?,
                    db::admin::assigned_stocks(&mut conn, &r.sku).await?,
                )
            };
            for (source, qty) in sources {
                per_source.push(if single_source {
                    quantity(qty)
                } else {
                    format!("{source}: {}", quantity(qty))
                });
            }
            for (stock_id, name) in stocks {
                let qty = inventory::salable_qty(db, &r.sku, stock_id).await?;
                salable.push(format!("{name}: {}", quantity(qty)));
            }
        }
        rows.push(ProductRow {
            entity_id: r.entity_id,
            name: r.name.clone(),
            type_label: product_type_label(&r.type_id),
            sku: r.sku.clone(),
            price: money(Some(r.price), Some("USD")),
            quantity_per_source: per_source,
            salable_quantity: salable,
            visibility: visibility_label(r.visibility),
            status: if r.status == 1 { "Enabled" } else { "Disabled" }.to_owned(),
            websites: websites
                .iter()
                .filter(|w| p.website_ids.contains(&w.website_id))
                .map(|w| w.name.clone())
                .collect(),
        });
    }
    Ok(ProductGrid {
        single_source,
        grid: Grid::of(rows, total, page),
    })
}

/// `Product\Visibility::getOptionArray()`.
fn visibility_label(visibility: i64) -> String {
    match visibility {
        1 => "Not Visible Individually",
        2 => "Catalog",
        3 => "Search",
        4 => "Catalog, Search",
        _ => "",
    }
    .to_owned()
}

/// The product types' labels (`catalog/product/type/*/label` in each module's product_types.xml).
fn product_type_label(type_id: &str) -> String {
    match type_id {
        "simple" => "Simple Product",
        "virtual" => "Virtual Product",
        "configurable" => "Configurable Product",
        "bundle" => "Bundle Product",
        "grouped" => "Grouped Product",
        "downloadable" => "Downloadable Product",
        "giftcard" => "Gift Card",
        other => other,
    }
    .to_owned()
}

/// The request journal's entries `filter` accepts, newest first, one page.
pub fn journal_page(control: &Control, filter: &journal::Filter, page: i64) -> Grid<Entry> {
    let mut all = control.journal.list(filter);
    all.reverse();
    newest_page(all, page)
}

/// The mail outbox, newest first, one page.
pub async fn outbox_page(db: &Db, page: i64) -> Result<Grid<OutboxMail>> {
    let mut all = super::outbox(db, &Default::default())
        .await
        .map_err(crate::error::Error::internal)?;
    all.reverse();
    Ok(newest_page(all, page))
}

fn newest_page<R>(all: Vec<R>, page: i64) -> Grid<R> {
    let total = i64::try_from(all.len()).unwrap_or(i64::MAX);
    let shown = Grid::<()>::of(vec![], total, page);
    let skip = usize::try_from((shown.page - 1) * PAGE_SIZE).unwrap_or(usize::MAX);
    let rows = all
        .into_iter()
        .skip(skip)
        .take(PAGE_SIZE as usize)
        .collect();
    Grid::of(rows, total, shown.page)
}

/// The counts the index page shows: (label, count).
pub async fn counts(db: &Db) -> Result<Vec<(&'static str, i64)>> {
    Ok(super::counts(db).await?.into_iter().collect())
}

/// The order status's label (module-sales/Setup/Patch/Data/InstallOrderStatusesAndInitialSalesConfig.php,
/// and the PayPal statuses of module-paypal's data patch); an unknown code as it is.
pub fn status_label(code: &str) -> String {
    match code {
        "pending" => "Pending",
        "pending_payment" => "Pending Payment",
        "processing" => "Processing",
        "holded" => "On Hold",
        "complete" => "Complete",
        "closed" => "Closed",
        "canceled" => "Canceled",
        "fraud" => "Suspected Fraud",
        "payment_review" => "Payment Review",
        "paypal_canceled_reversal" => "PayPal Canceled Reversal",
        "paypal_reversed" => "PayPal Reversed",
        "pending_paypal" => "Pending PayPal",
        other => other,
    }
    .to_owned()
}

/// `Invoice::getStates()`: 1 Pending, 2 Paid, 3 Canceled.
pub fn invoice_state_label(state: Option<i64>) -> String {
    match state {
        Some(1) => "Pending",
        Some(2) => "Paid",
        Some(3) => "Canceled",
        _ => "",
    }
    .to_owned()
}

/// `Creditmemo::getStates()`: 1 Pending, 2 Refunded, 3 Canceled.
pub fn creditmemo_state_label(state: Option<i64>) -> String {
    match state {
        Some(1) => "Pending",
        Some(2) => "Refunded",
        Some(3) => "Canceled",
        _ => "",
    }
    .to_owned()
}

/// An amount as the admin prints a price in `currency` (en_US): symbol, thousands separators,
/// two decimals, half away from zero; the sign before the symbol. Empty for a missing amount.
pub fn money(amount: Option<Amount>, currency: Option<&str>) -> String {
    let Some(amount) = amount else {
        return String::new();
    };
    let value = amount
        .decimal()
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let negative = value.is_sign_negative() && !value.is_zero();
    let digits = format!("{:.2}", value.abs());
    let (whole, cents) = digits.split_once('.').unwrap_or((&digits, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let symbol = match currency.unwrap_or("USD") {
        "USD" => "$".to_owned(),
        "EUR" => "€".to_owned(),
        "GBP" => "£".to_owned(),
        "JPY" => "¥".to_owned(),
        "CAD" => "CA$".to_owned(),
        "AUD" => "A$".to_owned(),
        other => format!("{other}\u{a0}"),
    };
    format!(
        "{}{symbol}{grouped}.{cents}",
        if negative { "-" } else { "" }
    )
}

/// A quantity as PHP's `(float)` prints it: no trailing zeros ("100", "1.5").
pub fn quantity(qty: Amount) -> String {
    qty.decimal().normalize().to_string()
}

fn percent(value: Amount) -> String {
    let v: Decimal = value.decimal().normalize();
    v.to_string()
}

/// A stored `YYYY-MM-DD HH:MM:SS` (UTC) as the grids' date column shows it:
/// "Dec 1, 2026 10:49:04 PM". Anything else as it is.
pub fn date(stored: &str) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    let Ok(t) = time::PrimitiveDateTime::parse(stored, &format) else {
        return stored.to_owned();
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS[usize::from(u8::from(t.month())) - 1];
    let (hour, half) = match t.hour() {
        0 => (12, "AM"),
        h @ 1..=11 => (h, "AM"),
        12 => (12, "PM"),
        h => (h - 12, "PM"),
    };
    format!(
        "{month} {}, {} {hour}:{:02}:{:02} {half}",
        t.day(),
        t.year(),
        t.minute(),
        t.second()
    )
}

/// The `?page=` of a grid URL: a positive number, else 1.
pub fn page_number(raw: Option<&str>) -> i64 {
    raw.and_then(|p| p.trim().parse::<i64>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Option<Amount> {
        Amount::parse(s)
    }

    #[test]
    fn money_as_the_admin_prints_it() {
        for (amount, currency, want) in [
            ("1917.6", "USD", "$1,917.60"),
            ("0", "USD", "$0.00"),
            ("5", "USD", "$5.00"),
            ("1234567.891", "USD", "$1,234,567.89"),
            ("0.005", "USD", "$0.01"),
            ("-404.4", "USD", "-$404.40"),
            ("999.999", "USD", "$1,000.00"),
            ("12.5", "EUR", "€12.50"),
            ("12.5", "CHF", "CHF\u{a0}12.50"),
        ] {
            assert_eq!(
                money(a(amount), Some(currency)),
                want,
                "{amount} {currency}"
            );
        }
        assert_eq!(money(None, Some("USD")), "");
    }

    #[test]
    fn quantities_as_php_floats() {
        assert_eq!(quantity(Amount::from_int(100)), "100");
        assert_eq!(quantity(a("1.5").unwrap()), "1.5");
        assert_eq!(quantity(a("2.0000").unwrap()), "2");
    }

    #[test]
    fn dates_as_the_grids_show_them() {
        assert_eq!(date("2026-12-01 22:49:04"), "Dec 1, 2026 10:49:04 PM");
        assert_eq!(date("2024-01-09 00:05:00"), "Jan 9, 2024 12:05:00 AM");
        assert_eq!(date("2024-07-31 12:00:59"), "Jul 31, 2024 12:00:59 PM");
        assert_eq!(date("garbage"), "garbage");
    }

    #[test]
    fn labels_and_pages() {
        assert_eq!(status_label("processing"), "Processing");
        assert_eq!(status_label("holded"), "On Hold");
        assert_eq!(status_label("custom"), "custom");
        assert_eq!(invoice_state_label(Some(2)), "Paid");
        assert_eq!(creditmemo_state_label(Some(2)), "Refunded");
        assert_eq!(page_number(Some("3")), 3);
        assert_eq!(page_number(Some("0")), 1);
        assert_eq!(page_number(Some("x")), 1);
        assert_eq!(page_number(None), 1);
        let g = newest_page((1..=45).collect::<Vec<i64>>(), 9);
        assert_eq!((g.page, g.pages, g.total, g.rows.len()), (3, 3, 45, 5));
        assert_eq!(g.rows[0], 41);
    }
}
