//! `RefundOrderInterface::execute` (`POST /V1/order/{orderId}/refund`, always offline) and the
//! credit memo repository's reads.
//!
//! Read from module-sales 2.4.6-p1 to 2.4.8-p1 (`Model/RefundOrder.php`,
//! `Model/Order/CreditmemoDocumentFactory.php`, `Model/Order/CreditmemoFactory::createByOrder`,
//! `Model/Order/Creditmemo/RefundOperation.php`, `Model/Order/Creditmemo/Item::register`,
//! `Model/Order/Payment::refund`, `Model/Order/Validation/RefundOrder.php` and its validators),
//! module-sales-inventory (`Model/Order/ReturnValidator.php`) and magento/inventory's refund
//! plugins (inventory.md 3.4). In Magento's order:
//! 1. the order (404 when missing);
//! 2. `createByOrder`: a line for every item with something invoiced and not refunded (none for
//!    the others), with the requested qty, 0 when other items were named, everything left when
//!    none were; then the collectors (`creditmemo_totals`), whose errors (too large a quantity,
//!    shipping) come as plain 400s before any validation;
//! 3. the validators, joined under `Creditmemo Document Validation Error(s):`: `CanRefund` (the
//!    order's state, then money left to refund), `TotalsValidator` (no more than was paid),
//!    `CreationQuantityValidator` per requested item, then the `return_to_stock_items` check.
//!    `QuantityValidator`'s own checks cannot fail once `processQty` ran, and are left out;
//! 4. the credit memo (state 2, refunded), lines of qty 0 dropped; the order, its items and
//!    payment get the refunded figures; the payment's "We refunded $X offline." history entry;
//!    the order state by `StateResolver` (complete while money is left to refund, else closed);
//! 5. inventory: units refunded without return that were invoiced but never shipped are
//!    written off their sources; units returned go back to the sources they shipped from, or
//!    back to the salable quantity when they never left; each with a `creditmemo_created`
//!    reservation where Magento writes one.
//!
//! The reply is the new id as a JSON string, as for invoices.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::inventory::Deduction;
use crate::db::model::{
    Creditmemo, CreditmemoComment, CreditmemoItem, FullCreditmemo, Order, OrderItem, OrderPayment,
    StatusHistory,
};
use crate::db::{self, Db};
use crate::error::{self as e, Error, Phrase, Result};
use crate::inventory::{self, refund::stock_effects};
use crate::sales::creditmemo_totals::{
    self, format_currency, process_qty, RefundArguments, RefundLine, RefundTotals,
};
use crate::sales::state::{self, resolved_state};
use crate::sales::{DocumentComment, LineItem};
use crate::search::SearchCriteria;

/// Credit memo states (`Magento\Sales\Model\Order\Creditmemo::STATE_*`).
pub mod creditmemo_state {
    pub const OPEN: i64 = 1;
    pub const REFUNDED: i64 = 2;
    pub const CANCELED: i64 = 3;
}

/// The parsed body of `POST /V1/order/{orderId}/refund`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RefundRequest {
    pub notify: bool,
    pub append_comment: bool,
    pub items: Vec<LineItem>,
    pub comment: Option<DocumentComment>,
    pub arguments: RefundArguments,
    /// `arguments.extension_attributes.return_to_stock_items`: order item ids.
    pub return_to_stock_items: Vec<i64>,
}

/// `CreditmemoFactory::createByOrder`: the lines, with `processQty` applied.
pub fn prepare<'a>(items: &'a [OrderItem], requested: &[LineItem]) -> Result<Vec<RefundLine<'a>>> {
    // Last entry wins, as in the factory's quantity array.
    let mut qtys: HashMap<i64, Amount> = HashMap::new();
    for r in requested {
        if let Some(id) = r.order_item_id {
            qtys.insert(id, r.qty.unwrap_or(Amount::ZERO));
        }
    }
    let named = !requested.is_empty();
    let mut lines = Vec::new();
    for item in items {
        if item.qty_to_refund() <= Amount::ZERO {
            continue;
        }
        let raw = match qtys.get(&item.item_id) {
            Some(q) => *q,
            None if !named => item.qty_to_refund(),
            None => Amount::ZERO,
        };
        lines.push(RefundLine {
            item,
            qty: process_qty(item, raw)?,
        });
    }
    Ok(lines)
}

/// `Validation/CanRefund`'s first check: no credit memo on an order in review, held, canceled
/// or closed (the message names its status).
fn status_refusal(order: &Order) -> Option<String> {
    let blocked = [
        state::PAYMENT_REVIEW,
        state::HOLDED,
        state::CANCELED,
        state::CLOSED,
    ];
    let state = order.state.as_deref()?;
    blocked.contains(&state).then(|| {
        let status = order.status.clone().unwrap_or_default();
        Phrase::positional(e::CREDITMEMO_BAD_STATUS, vec![status]).render()
    })
}

/// `Validation/RefundOrder`'s messages, in its order.
pub fn validate(
    order: &Order,
    items: &[OrderItem],
    totals: &RefundTotals,
    request: &RefundRequest,
    lines: &[RefundLine<'_>],
    return_skus: &HashMap<i64, String>,
) -> Vec<String> {
    let mut messages = Vec::new();
    // CanRefund.
    if let Some(refusal) = status_refusal(order) {
        messages.push(refusal);
    } else {
        // `!abs(round(total_paid) - total_refunded) < .0001` parses as `(!abs(..)) < .0001`:
        // refundable exactly when paid and refunded differ.
        let paid = Amount::round_price(order.total_paid.unwrap_or_default().decimal());
        if paid == order.total_refunded.unwrap_or_default().decimal() {
            messages.push(e::ORDER_DOES_NOT_ALLOW_CREDITMEMO.to_owned());
        }
    }
    // TotalsValidator.
    let z = Amount::ZERO;
    let refunded = order.base_total_refunded.unwrap_or(z);
    let after = Amount::round_price((refunded + totals.base_grand_total).decimal());
    let paid = Amount::round_price(order.base_total_paid.unwrap_or(z).decimal());
    if after > paid + rust_decimal::Decimal::new(1, 4) {
        let available = order.base_total_paid.unwrap_or(z) - refunded;
        messages.push(
            Phrase::positional(e::MOST_MONEY_TO_REFUND, vec![available.to_string()]).render(),
        );
    }
    // CreationQuantityValidator, on each requested item as sent.
    for r in &request.items {
        match items.iter().find(|i| Some(i.item_id) == r.order_item_id) {
            None => messages.push(e::REFUND_ITEM_NOT_IN_ORDER.to_owned()),
            Some(item) if r.qty.unwrap_or(z) > item.qty_to_refund() => {
                messages.push(e::REFUND_QTY_TOO_LARGE.to_owned())
            }
            Some(_) => {}
        }
    }
    // ReturnValidator: the first bad id only.
    for id in &request.return_to_stock_items {
        match return_skus.get(id) {
            None => {
                messages.push(e::RETURN_TO_STOCK_NOT_IN_ORDER.to_owned());
                break;
            }
            Some(sku) if !lines.iter().any(|l| l.item.item_id == *id) => {
                messages.push(
                    Phrase::positional(e::RETURN_TO_STOCK_NOT_IN_CREDITMEMO, vec![sku.clone()])
                        .render(),
                );
                break;
            }
            Some(_) => {}
        }
    }
    messages
}

/// The credit memo row and its items (the order-to-credit-memo fieldset plus the collectors'
/// figures). Lines of qty 0 are dropped, as `RefundOperation` drops them.
pub fn build_creditmemo(
    order: &Order,
    lines: &[RefundLine<'_>],
    t: &RefundTotals,
    notify: bool,
    now: &str,
) -> (Creditmemo, Vec<CreditmemoItem>) {
    let zero = Some(Amount::ZERO);
    let creditmemo = Creditmemo {
        order_id: order.entity_id,
        store_id: Some(order.store_id),
        state: Some(creditmemo_state::REFUNDED),
        email_sent: notify.then_some(1),
        send_email: notify.then_some(1),
        billing_address_id: order.billing_address_id,
        shipping_address_id: order.shipping_address_id,
        base_currency_code: order.base_currency_code.clone(),
        global_currency_code: order.global_currency_code.clone(),
        order_currency_code: order.order_currency_code.clone(),
        store_currency_code: order.store_currency_code.clone(),
        base_to_global_rate: order.base_to_global_rate,
        base_to_order_rate: order.base_to_order_rate,
        store_to_base_rate: order.store_to_base_rate,
        store_to_order_rate: order.store_to_order_rate,
        discount_description: order.discount_description.clone(),
        adjustment: Some(t.adjustment),
        base_adjustment: Some(t.base_adjustment),
        adjustment_positive: t.adjustment_positive,
        base_adjustment_positive: t.base_adjustment_positive,
        adjustment_negative: t.adjustment_negative,
        base_adjustment_negative: t.base_adjustment_negative,
        subtotal: Some(t.subtotal),
        base_subtotal: Some(t.base_subtotal),
        subtotal_incl_tax: Some(t.subtotal_incl_tax),
        base_subtotal_incl_tax: Some(t.base_subtotal_incl_tax),
        discount_amount: Some(t.discount_amount),
        base_discount_amount: Some(t.base_discount_amount),
        shipping_amount: Some(t.shipping_amount),
        base_shipping_amount: Some(t.base_shipping_amount),
        shipping_incl_tax: Some(t.shipping_incl_tax),
        base_shipping_incl_tax: Some(t.base_shipping_incl_tax),
        shipping_tax_amount: zero,
        base_shipping_tax_amount: zero,
        tax_amount: zero,
        base_tax_amount: zero,
        discount_tax_compensation_amount: zero,
        base_discount_tax_compensation_amount: zero,
        grand_total: Some(t.grand_total),
        base_grand_total: Some(t.base_grand_total),
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
        ..Default::default()
    };
    let items = lines
        .iter()
        .zip(&t.lines)
        .filter(|(line, _)| line.qty > Amount::ZERO)
        .map(|(line, lt)| {
            let oi = line.item;
            CreditmemoItem {
                order_item_id: oi.item_id,
                product_id: oi.product_id,
                sku: oi.sku.clone(),
                name: oi.name.clone(),
                description: oi.description.clone(),
                qty: line.qty,
                base_cost: oi.base_cost,
                price: Some(oi.price),
                base_price: Some(oi.base_price),
                row_total: Some(lt.row_total),
                base_row_total: Some(lt.base_row_total),
                row_total_incl_tax: lt.row_total_incl_tax,
                base_row_total_incl_tax: lt.base_row_total_incl_tax,
                discount_amount: lt.discount_amount,
                base_discount_amount: lt.base_discount_amount,
                tax_amount: zero,
                base_tax_amount: zero,
                discount_tax_compensation_amount: zero,
                base_discount_tax_compensation_amount: zero,
                weee_tax_applied: Some("[]".to_owned()),
                weee_tax_applied_row_amount: zero,
                weee_tax_row_disposition: zero,
                base_weee_tax_row_disposition: zero,
                ..Default::default()
            }
        })
        .collect();
    (creditmemo, items)
}

fn add(a: Option<Amount>, b: Option<Amount>) -> Option<Amount> {
    Some(a.unwrap_or_default() + b.unwrap_or_default())
}

/// `Creditmemo\Item::register` on each refunded order item, `RefundOperation::execute` on the
/// order and `Payment::refund` (offline) on the payment.
pub fn register(
    order: &mut Order,
    items: &mut [OrderItem],
    payment: &mut OrderPayment,
    cm: &Creditmemo,
    cm_items: &[CreditmemoItem],
    base_cost: Amount,
) {
    for ci in cm_items {
        let Some(oi) = items.iter_mut().find(|i| i.item_id == ci.order_item_id) else {
            continue;
        };
        oi.qty_refunded += ci.qty;
        oi.tax_refunded = add(oi.tax_refunded, ci.tax_amount);
        oi.base_tax_refunded = add(oi.base_tax_refunded, ci.base_tax_amount);
        oi.discount_tax_compensation_refunded = add(
            oi.discount_tax_compensation_refunded,
            ci.discount_tax_compensation_amount,
        );
        oi.base_discount_tax_compensation_refunded = add(
            oi.base_discount_tax_compensation_refunded,
            ci.base_discount_tax_compensation_amount,
        );
        oi.amount_refunded += ci.row_total.unwrap_or_default();
        oi.base_amount_refunded += ci.base_row_total.unwrap_or_default();
        oi.discount_refunded = add(oi.discount_refunded, ci.discount_amount);
        oi.base_discount_refunded = add(oi.base_discount_refunded, ci.base_discount_amount);
    }
    let round = |a: Option<Amount>| a.map(|v| Amount::new(Amount::round_price(v.decimal())));
    order.total_refunded = round(add(order.total_refunded, cm.grand_total));
    order.base_total_refunded = round(add(order.base_total_refunded, cm.base_grand_total));
    order.subtotal_refunded = add(order.subtotal_refunded, cm.subtotal);
    order.base_subtotal_refunded = add(order.base_subtotal_refunded, cm.base_subtotal);
    order.tax_refunded = add(order.tax_refunded, cm.tax_amount);
    order.base_tax_refunded = add(order.base_tax_refunded, cm.base_tax_amount);
    order.discount_tax_compensation_refunded = add(
        order.discount_tax_compensation_refunded,
        cm.discount_tax_compensation_amount,
    );
    order.base_discount_tax_compensation_refunded = add(
        order.base_discount_tax_compensation_refunded,
        cm.base_discount_tax_compensation_amount,
    );
    order.shipping_refunded = add(order.shipping_refunded, cm.shipping_amount);
    order.base_shipping_refunded = add(order.base_shipping_refunded, cm.base_shipping_amount);
    order.shipping_tax_refunded = add(order.shipping_tax_refunded, cm.shipping_tax_amount);
    order.base_shipping_tax_refunded = add(
        order.base_shipping_tax_refunded,
        cm.base_shipping_tax_amount,
    );
    order.adjustment_positive = add(order.adjustment_positive, cm.adjustment_positive);
    order.base_adjustment_positive =
        add(order.base_adjustment_positive, cm.base_adjustment_positive);
    order.adjustment_negative = add(order.adjustment_negative, cm.adjustment_negative);
    order.base_adjustment_negative =
        add(order.base_adjustment_negative, cm.base_adjustment_negative);
    order.discount_refunded = add(order.discount_refunded, cm.discount_amount);
    order.base_discount_refunded = add(order.base_discount_refunded, cm.base_discount_amount);
    order.total_offline_refunded = add(order.total_offline_refunded, cm.grand_total);
    order.base_total_offline_refunded = add(order.base_total_offline_refunded, cm.base_grand_total);
    order.base_total_invoiced_cost =
        Some(order.base_total_invoiced_cost.unwrap_or_default() - base_cost);
    // Payment::refund, offline: `_updateTotals` skips the null online figure.
    payment.amount_refunded = add(payment.amount_refunded, cm.grand_total);
    payment.base_amount_refunded = add(payment.base_amount_refunded, round(cm.base_grand_total));
    payment.shipping_refunded = add(payment.shipping_refunded, cm.shipping_amount);
    payment.base_shipping_refunded = add(payment.base_shipping_refunded, cm.base_shipping_amount);
}

/// `RefundOrder::execute`: creates the credit memo and returns its id.
#[tracing::instrument(skip(db, request))]
pub async fn refund_order(db: &Db, order_id: i64, request: RefundRequest) -> Result<i64> {
    crate::sales::write_on_order(db, order_id, move |conn| {
        Box::pin(refund_in(conn, order_id, request))
    })
    .await
}

async fn refund_in(
    conn: &mut SqliteConnection,
    order_id: i64,
    request: RefundRequest,
) -> Result<i64> {
    let (mut order, mut items, payment) = db::sales::load_order_for_update(conn, order_id)
        .await?
        .ok_or_else(Error::entity_not_found)?;
    let lines = prepare(&items, &request.items)?;
    let computed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        creditmemo_totals::collect(&order, &lines, request.arguments)
    }));
    let Ok(totals) = computed else {
        tracing::error!(order_id, "credit memo totals overflowed");
        return Err(Error::input(e::COULD_NOT_SAVE_CREDITMEMO));
    };
    let totals = totals?;
    let return_skus =
        db::creditmemos::order_item_skus(conn, &request.return_to_stock_items).await?;
    let messages = validate(&order, &items, &totals, &request, &lines, &return_skus);
    if !messages.is_empty() {
        return Err(Error::input(format!(
            "{}\n{}",
            e::CREDITMEMO_VALIDATION_ERRORS,
            messages.join("\n")
        )));
    }
    let Some(mut payment) = payment else {
        tracing::error!(order_id, "order has no payment");
        return Err(Error::input(e::COULD_NOT_SAVE_CREDITMEMO));
    };
    let now = db::now_timestamp();
    let (creditmemo, cm_items) = build_creditmemo(&order, &lines, &totals, request.notify, &now);
    let returned: Vec<(OrderItem, Amount, bool)> = lines
        .iter()
        .map(|l| {
            let back = request.return_to_stock_items.contains(&l.item.item_id);
            (l.item.clone(), l.qty, back)
        })
        .collect();
    drop(lines);

    register(
        &mut order,
        &mut items,
        &mut payment,
        &creditmemo,
        &cm_items,
        totals.base_cost,
    );
    // module-weee's collector marks every line's order item.
    for item in items.iter_mut() {
        if returned.iter().any(|(i, _, _)| i.item_id == item.item_id) {
            item.weee_tax_applied = Some("[]".to_owned());
        }
    }
    order.customer_note_notify = Some(request.notify as i64);
    let new_state = resolved_state(&order, &items, false);
    // The status is kept when it belongs to the new state, else the state's default.
    if order.state.as_deref() != Some(new_state.as_str()) {
        order.status = Some(state::default_status(&new_state).to_owned());
        order.state = Some(new_state);
    }
    order.updated_at = now.clone();
    for item in &mut items {
        item.updated_at = now.clone();
    }
    let amount = format_currency(
        order.base_currency_code.as_deref(),
        creditmemo.base_grand_total.unwrap_or_default().decimal(),
    );
    let history = StatusHistory {
        parent_id: order.entity_id,
        comment: Some(Phrase::positional(e::REFUNDED_OFFLINE, vec![amount]).render()),
        status: order.status.clone(),
        entity_name: Some("order".to_owned()),
        is_customer_notified: Some(request.notify as i64),
        is_visible_on_front: 0,
        created_at: now.clone(),
        ..Default::default()
    };
    let comment = request.comment.as_ref().map(|c| CreditmemoComment {
        comment: c.comment.clone(),
        is_customer_notified: Some((request.append_comment && request.notify) as i64),
        is_visible_on_front: c.is_visible_on_front,
        created_at: now.clone(),
        ..Default::default()
    });
    let mut creditmemo = creditmemo;
    if let Some(c) = &request.comment {
        creditmemo.customer_note = c.comment.clone();
        creditmemo.customer_note_notify = Some(request.append_comment as i64);
    }

    // Inventory.
    let (stock_id, _) = db::shipments::order_stock(conn, order_id).await?;
    let shipped = db::creditmemos::shipped_per_source(conn, order_id, stock_id).await?;
    let skus: Vec<String> = returned.iter().map(|(i, _, _)| i.sku.clone()).collect();
    let candidates = db::inventory::in_stock_source_items(conn, stock_id, &skus).await?;
    let mut fallback: HashMap<String, String> = HashMap::new();
    for si in &candidates {
        fallback
            .entry(si.sku.to_lowercase())
            .or_insert_with(|| si.source_code.clone());
    }
    let refs: Vec<(&OrderItem, Amount, bool)> =
        returned.iter().map(|(i, q, b)| (i, *q, *b)).collect();
    let effects = stock_effects(&refs, &shipped, &fallback);
    // The write-offs go through the priority source selection on the order's stock.
    let write_offs: Vec<Deduction> =
        inventory::select_by_priority(&candidates, &effects.write_offs)
            .into_iter()
            .filter(|s| s.qty_to_deduct > Amount::ZERO)
            .map(|s| Deduction {
                source_code: s.source_code,
                sku: s.sku,
                qty: s.qty_to_deduct,
            })
            .collect();
    let reservations: Vec<(String, Amount)> = effects
        .write_offs
        .iter()
        .chain(&effects.back_to_stock)
        .cloned()
        .collect();
    let metadata = inventory::sales_event("creditmemo_created", &order)?;
    db::creditmemos::save_creditmemo(
        conn,
        db::creditmemos::CreditmemoWrites {
            creditmemo,
            items: cm_items,
            comment,
            history,
            order: &order,
            order_items: &items,
            payment: &payment,
            returns: &effects.returns,
            write_offs: &write_offs,
            reservations: &reservations,
            stock_id,
            reservation_metadata: &metadata,
        },
    )
    .await
    .map_err(|err| {
        // Inside RefundOrder's try block: logged, answered as CouldNotRefundException.
        tracing::error!(order_id, error = %err, "saving the credit memo failed");
        Error::input(e::COULD_NOT_SAVE_CREDITMEMO)
    })
}

/// `RefundInvoiceInterface::execute` (`POST /V1/invoice/{invoiceId}/refund`). Every payment
/// method magemu knows is offline, and `Invoice\Validation\CanRefund` refuses an invoice whose
/// method cannot refund online: the answer is always Magento's validation error, after the
/// order's own `CanRefund` messages (merged order first), whatever `isOnline` says.
pub async fn refund_invoice(db: &Db, invoice_id: i64) -> Result<i64> {
    let full = crate::sales::invoice::get_invoice(db, invoice_id).await?;
    let mut conn = db.read.acquire().await?;
    let (order, _, _) = db::sales::load_order_for_update(&mut conn, full.invoice.order_id)
        .await?
        .ok_or_else(Error::entity_not_found)?;
    let mut messages: Vec<String> = status_refusal(&order).into_iter().collect();
    messages.push(e::CANNOT_REFUND_INVOICE.to_owned());
    Err(Error::input(format!(
        "{}\n{}",
        e::CREDITMEMO_VALIDATION_ERRORS,
        messages.join("\n")
    )))
}

/// `CreditmemoRepositoryInterface::getList`: one page of credit memos and the count of all
/// matches. Every `sales_creditmemo` column can be filtered and sorted on.
pub async fn list_creditmemos(
    db: &Db,
    criteria: &SearchCriteria,
) -> Result<(Vec<FullCreditmemo>, i64)> {
    let mut conn = db.read.acquire().await?;
    db::search::documents::<Creditmemo, _>(
        &mut conn,
        "sales_creditmemo",
        "entity_id",
        criteria,
        db::creditmemos::load_full_creditmemo,
    )
    .await
}

/// `CreditmemoRepository::get`.
pub async fn get_creditmemo(db: &Db, creditmemo_id: i64) -> Result<FullCreditmemo> {
    crate::sales::get_document(db, creditmemo_id, db::creditmemos::load_full_creditmemo).await
}
