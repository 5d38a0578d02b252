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
//!    Of `QuantityValidator`'s checks, the fraction of a whole-unit item and the memo without
//!    products (quantities adding up below 0, no shipping left) can fail; the others cannot
//!    once `processQty` ran (and `isValidGrandTotal` passes while zero totals are allowed);
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
use crate::db::batch::Change;
use crate::db::creditmemos::{RefundContext, StockWrites};
use crate::db::inventory::Deduction;
use crate::db::model::{
    Author, Creditmemo, CreditmemoComment, FullCreditmemo, Invoice, Order, OrderItem, SourceItem,
    StatusHistory,
};
use crate::db::writer::Isolation;
use crate::db::{self, Db};
use crate::error::{self as e, Error, Phrase, Result};
use crate::inventory::{self, refund::stock_effects, refund::RefundedLine};
use crate::sales::creditmemo_document::{build_creditmemo, refund_payment, register};
use crate::sales::creditmemo_totals::{
    self, format_currency, process_qty, RefundArguments, RefundLine, RefundTotals,
};
use crate::sales::email::{self, SalesEmail};
use crate::sales::item::Family;
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
    refund_lines(items, requested, None)
}

/// `CreditmemoFactory::createByInvoice`: a line for every invoice line with something left to
/// refund (`left`: order item id -> quantity), with the requested quantity (0 for lines not
/// named), everything left when none were named; `processQty` caps it to the order item.
fn prepare_for_invoice<'a>(
    items: &'a [OrderItem],
    requested: &[LineItem],
    left: &HashMap<i64, Amount>,
) -> Result<Vec<RefundLine<'a>>> {
    refund_lines(items, requested, Some(left))
}

/// The factory's loop over the order's items (or, through an invoice, the invoice's: those
/// `limits` holds, each capped to what is left of it):
/// - `CreditmemoValidator::canRefundItem`: an item with something left to refund (and left of
///   the invoice's line); a dummy parent (a bundle its children calculate) when a child is
///   refundable (none asked, or all asked at 0) or asked for; a dummy child (a configurable's
///   simple) when its parent is refundable (none asked) or asked for;
/// - `getQtyToRefund`: what is asked (the last of an id), else 0 when others were asked, else
///   everything left; a dummy takes its parent's asked quantity, else a bundle's child its
///   invoiced quantity, else its parent's quantity left to refund, times its bundle
///   selection's quantity (`calculateProductOptions`);
/// - `processQty`, which a dummy always passes.
fn refund_lines<'a>(
    items: &'a [OrderItem],
    requested: &[LineItem],
    limits: Option<&HashMap<i64, Amount>>,
) -> Result<Vec<RefundLine<'a>>> {
    // PHP's array: the last entry of an id wins, at the place of its first.
    let mut qtys: indexmap::IndexMap<Option<i64>, Amount> = indexmap::IndexMap::new();
    for r in requested {
        qtys.insert(r.order_item_id, r.qty.unwrap_or(Amount::ZERO));
    }
    let asked = |id: i64| qtys.get(&Some(id)).copied();
    // `count(array_unique($qtys)) === 1 && (int) end($qtys) === 0`: all asked at 0.
    let all_zero = qtys
        .last()
        .is_some_and(|(_, last)| last.trunc().is_zero() && qtys.values().all(|q| q == last));
    let family = Family::new(items);
    let refundable = |item: &OrderItem| {
        // canRefundNoDummyItem.
        let limit = limits.and_then(|l| l.get(&item.item_id));
        item.qty_to_refund() > Amount::ZERO && limit.is_none_or(|l| *l > Amount::ZERO)
    };
    let mut lines = Vec::new();
    for item in items {
        if limits.is_some_and(|l| !l.contains_key(&item.item_id)) {
            continue;
        }
        let dummy = family.is_dummy(item, false);
        let parent = family.parent_of(item);
        let can = if !dummy {
            refundable(item)
        } else if family.has_children(item) {
            family.children_of(item).iter().any(|c| {
                if qtys.is_empty() || all_zero {
                    refundable(c)
                } else {
                    asked(c.item_id).is_some_and(|q| q > Amount::ZERO)
                }
            })
        } else {
            parent.is_some_and(|p| {
                if qtys.is_empty() {
                    refundable(p)
                } else {
                    asked(p.item_id).is_some_and(|q| q > Amount::ZERO)
                }
            })
        };
        if !can {
            continue;
        }
        let raw = if dummy {
            let parent_qty = match parent.and_then(|p| asked(p.item_id)) {
                Some(q) => q,
                None if item.product_type.as_deref() == Some("bundle") => item.qty_invoiced,
                None => parent.map_or(Amount::from_int(1), |p| family.dummy(p).qty_to_refund(p)),
            };
            match crate::sales::item::bundle_selection_qty(item) {
                Some(Some(per_unit)) => per_unit.checked_mul(parent_qty).unwrap_or(Amount::ZERO),
                _ => parent_qty,
            }
        } else {
            match asked(item.item_id) {
                Some(q) => q,
                None if qtys.is_empty() => item.qty_to_refund(),
                None => Amount::ZERO,
            }
        };
        // Through an invoice: at most what is left of its line.
        let raw = match limits.and_then(|l| l.get(&item.item_id)) {
            Some(limit) => raw.min(*limit),
            None => raw,
        };
        let qty = if dummy {
            // processQty: the cast and the floor; a dummy is never too many.
            if item.is_qty_decimal() {
                raw
            } else {
                raw.trunc()
            }
            .max(Amount::ZERO)
        } else {
            process_qty(item, raw)?
        };
        lines.push(RefundLine { item, qty });
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

/// `Validation/RefundOrder`'s messages, in its order, or `Validation/RefundInvoice`'s when
/// `invoice` says whether the invoice passes its `Invoice\Validation\CanRefund` (its message
/// comes after the memo's and before the items'). An item or return-to-stock id of 0 (or
/// none) is `OrderItemRepository::get`'s "An ID is needed": an exception the validators do not
/// catch, so the refusal is that alone.
pub fn validate(
    order: &Order,
    items: &[OrderItem],
    totals: &RefundTotals,
    request: &RefundRequest,
    lines: &[RefundLine<'_>],
    return_skus: &HashMap<i64, String>,
    invoice: Option<bool>,
) -> Result<Vec<String>> {
    let mut messages = Vec::new();
    // CanRefund.
    if let Some(refusal) = status_refusal(order) {
        messages.push(refusal);
    } else {
        // `!abs(round(total_paid) - total_refunded) < .0001 || total_paid == 0 && allow`: the
        // first parses as `(!abs(..)) < .0001`, refundable exactly when paid and refunded
        // differ; the second lets an order with nothing paid (null or 0, PHP's `==`) through
        // while `sales/zerograndtotal_creditmemo/allow_zero_grandtotal` is on (its default,
        // Sales/etc/config.xml; magemu does not change it).
        let paid = order.total_paid.unwrap_or_default();
        let differ = Amount::round_price(paid.decimal())
            != order.total_refunded.unwrap_or_default().decimal();
        if !differ && !paid.is_zero() {
            messages.push(e::ORDER_DOES_NOT_ALLOW_CREDITMEMO.to_owned());
        }
    }
    // QuantityValidator (2.4.8): the memo keeps each requested quantity as sent (processQty
    // truncates only for its arithmetic), so a fraction on an item without decimal quantities
    // is refused, naming its SKU. Items in the order's order, the last request of each winning.
    let requested: HashMap<i64, Amount> = request
        .items
        .iter()
        .filter_map(|r| Some((r.order_item_id?, r.qty?)))
        .collect();
    let mut refused = std::collections::HashSet::new();
    for item in items {
        if let Some(qty) = requested.get(&item.item_id) {
            if !item.is_qty_decimal() && qty.decimal().fract() != rust_decimal::Decimal::ZERO {
                refused.insert(item.item_id);
                messages.push(
                    Phrase::positional(e::INVALID_QTY_TO_REFUND, vec![item.sku.clone()]).render(),
                );
            }
        }
    }
    // Then the memo's quantities as its items hold them (the posted ones, a negative one
    // included; everything refundable when none were posted), over the items not refused:
    // below zero, with no shipping left to refund, the memo has no products.
    // (`isValidGrandTotal` comes first, but with `allow_zero_grandtotal` on it passes.)
    let total_qty: Amount = lines
        .iter()
        .filter(|l| !refused.contains(&l.item.item_id))
        .map(|l| match requested.get(&l.item.item_id) {
            Some(qty) => *qty,
            None if request.items.is_empty() => l.qty,
            None => Amount::ZERO,
        })
        .fold(Amount::ZERO, |sum, qty| sum + qty);
    // `canRefundShipping`: `(!abs(round(shipping_amount) - shipping_refunded)) < .0001`, true
    // exactly when they differ.
    let shipping_left = Amount::round_price(order.shipping_amount.unwrap_or_default().decimal())
        != order.shipping_refunded.unwrap_or_default().decimal();
    if total_qty < Amount::ZERO && !shipping_left {
        messages.push(e::CREDITMEMO_WITHOUT_PRODUCTS.to_owned());
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
    // RefundInvoice: the invoice's CanRefund.
    if invoice == Some(false) {
        messages.push(e::CANNOT_REFUND_INVOICE.to_owned());
    }
    // CreationQuantityValidator, on each requested item as sent.
    let by_id: HashMap<i64, &OrderItem> = items.iter().map(|i| (i.item_id, i)).collect();
    let family = Family::new(items);
    for r in &request.items {
        match r.order_item_id.filter(|id| *id != 0) {
            None => return Err(Error::input(e::ID_REQUIRED)),
            Some(id) => match by_id.get(&id) {
                None => messages.push(e::REFUND_ITEM_NOT_IN_ORDER.to_owned()),
                Some(item) if family.is_dummy(item, false) => {
                    messages.push(e::REFUND_DUMMY_ITEM.to_owned())
                }
                Some(item) if r.qty.unwrap_or(z) > item.qty_to_refund() => {
                    messages.push(e::REFUND_QTY_TOO_LARGE.to_owned())
                }
                Some(_) => {}
            },
        }
    }
    messages.extend(return_refusal(request, return_skus, |id| {
        lines.iter().any(|l| l.item.item_id == id)
    })?);
    Ok(messages)
}

/// `SalesInventory`'s `ReturnValidator` (added to the refund's validation by its plugins): the
/// first `return_to_stock_items` id that is no order item, or no item of the credit memo. It
/// reads each through `OrderItemRepository::get` and catches only its `NoSuchEntityException`:
/// an id of 0 reached first is the repository's `InputException`, the whole answer.
fn return_refusal(
    request: &RefundRequest,
    return_skus: &HashMap<i64, String>,
    in_memo: impl Fn(i64) -> bool,
) -> Result<Option<String>> {
    for id in &request.return_to_stock_items {
        match return_skus.get(id) {
            _ if *id == 0 => return Err(Error::input(e::ID_REQUIRED)),
            None => return Ok(Some(e::RETURN_TO_STOCK_NOT_IN_ORDER.to_owned())),
            Some(sku) if !in_memo(*id) => {
                return Ok(Some(
                    Phrase::positional(e::RETURN_TO_STOCK_NOT_IN_CREDITMEMO, vec![sku.clone()])
                        .render(),
                ))
            }
            Some(_) => {}
        }
    }
    Ok(None)
}

/// `RefundOrder::execute`: creates the credit memo and returns its id.
#[tracing::instrument(skip(db, request))]
pub async fn refund_order(
    db: &Db,
    order_id: i64,
    request: RefundRequest,
    author: Author,
) -> Result<i64> {
    crate::sales::write_on_order(db, order_id, move |conn| {
        Box::pin(async move {
            let ctx = load(conn, order_id, &request).await?;
            refund_in(conn, ctx, request, None, author).await
        })
    })
    .await
}

/// What the refund of order `order_id` reads (404 when the order does not exist).
async fn load(
    conn: &mut SqliteConnection,
    order_id: i64,
    request: &RefundRequest,
) -> Result<RefundContext> {
    db::creditmemos::load_for_refund(conn, order_id, &request.return_to_stock_items)
        .await?
        .ok_or_else(Error::entity_not_found)
}

/// A refund through an invoice (`RefundInvoice`): the invoice, what is left to refund of each
/// of its lines, and whether the gateway refunds it (`isOnline`).
struct ThroughInvoice {
    invoice: Invoice,
    left: HashMap<i64, Amount>,
    /// What the invoice's earlier memos refunded (its tax allowance, `Total\Tax`).
    refunded: db::creditmemos::InvoiceRefunded,
    online: bool,
    /// `Invoice\Validation\CanRefund`: paid, something left, a method that refunds.
    refundable: bool,
}

async fn refund_in(
    conn: &mut SqliteConnection,
    ctx: RefundContext,
    request: RefundRequest,
    through: Option<ThroughInvoice>,
    author: Author,
) -> Result<i64> {
    let order_id = ctx.order.entity_id;
    let (mut order, mut items) = (ctx.order.clone(), ctx.items.clone());
    let payment = ctx.payment.clone();
    let mut arguments = request.arguments;
    let lines = match &through {
        None => prepare(&items, &request.items)?,
        Some(t) => {
            // CreditmemoFactory::createByInvoice: the invoice's lines, at most what is left of
            // each; shipping by default what is left of the order's, at most the invoice's.
            if arguments.shipping_amount.is_none() {
                let left = order.base_shipping_amount.unwrap_or_default()
                    - order.base_shipping_refunded.unwrap_or_default();
                let invoiced = t.invoice.base_shipping_amount.unwrap_or_default();
                arguments.shipping_amount = Some(left.min(invoiced).max(Amount::ZERO));
            }
            prepare_for_invoice(&items, &request.items, &t.left)?
        }
    };
    let computed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        creditmemo_totals::collect(
            &order,
            &lines,
            arguments,
            through.as_ref().map(|t| (&t.invoice, &t.refunded)),
        )
    }));
    let Ok(totals) = computed else {
        tracing::error!(order_id, "credit memo totals overflowed");
        return Err(Error::input(e::COULD_NOT_SAVE_CREDITMEMO));
    };
    let totals = totals?;
    let messages = validate(
        &order,
        &items,
        &totals,
        &request,
        &lines,
        &ctx.return_skus,
        through.as_ref().map(|t| t.refundable),
    )?;
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
    // The memo's comment is saved with it, and `Creditmemo\Comment\Validator` refuses one
    // without text (PHP's `empty()`: missing, "" or "0"): the save's exception, masked.
    if request
        .comment
        .as_ref()
        .is_some_and(|c| crate::php::empty(c.comment.as_deref()))
    {
        return Err(Error::input(e::COULD_NOT_SAVE_CREDITMEMO));
    }
    let now = db::now_timestamp();
    let (mut creditmemo, mut cm_items) =
        build_creditmemo(&order, &lines, &totals, request.notify, &now);
    let online = through.as_ref().is_some_and(|t| t.online);
    let refund_txn = through.as_ref().filter(|t| t.online).map(|t| {
        format!(
            "{}-refund",
            t.invoice.transaction_id.clone().unwrap_or_default()
        )
    });
    if let Some(t) = &through {
        creditmemo.invoice_id = Some(t.invoice.entity_id);
        creditmemo.transaction_id = refund_txn.clone();
    }
    if online {
        // An invoice captured offline has no capture transaction to refund (`Payment::refund`:
        // "If the invoice was created offline, try creating an offline credit memo."), masked.
        let captured = through
            .as_ref()
            .and_then(|t| t.invoice.transaction_id.as_deref())
            .is_some_and(|id| !id.is_empty());
        if !captured {
            return Err(Error::input(e::COULD_NOT_SAVE_CREDITMEMO));
        }
        // The gateway's refund: a decline is an exception RefundInvoice catches, logs and masks.
        let amount = creditmemo.base_grand_total.unwrap_or_default();
        if let Err(decline) = crate::sales::payment::gateway_refund(amount) {
            tracing::warn!(order_id, %decline, "the gateway refused the refund");
            return Err(Error::input(e::COULD_NOT_SAVE_CREDITMEMO));
        }
    }
    // What the MSI plugins see after `Item::register`: the quantity invoiced and not refunded
    // before this memo (`qty_invoiced − qty_refunded + qty` of the registered item).
    let back_ids: std::collections::HashSet<i64> =
        request.return_to_stock_items.iter().copied().collect();
    let returned: Vec<(OrderItem, Amount, Amount, bool)> = lines
        .iter()
        .map(|l| {
            let back = back_ids.contains(&l.item.item_id);
            let processed = l.item.qty_invoiced - l.item.qty_refunded;
            (l.item.clone(), l.qty, processed, back)
        })
        .collect();
    drop(lines);

    register(
        &mut order,
        &mut items,
        &creditmemo,
        &cm_items,
        totals.base_cost,
        online,
    );
    refund_payment(&mut payment, &creditmemo, online);
    if let Some(txn) = &refund_txn {
        // Transaction\Builder::build: the payment's last transaction.
        payment.last_trans_id = Some(txn.clone());
    }
    // module-weee's collector marks every line's order item.
    for item in items.iter_mut() {
        if returned
            .iter()
            .any(|(i, _, _, _)| i.item_id == item.item_id)
        {
            item.weee_tax_applied = Some("[]".to_owned());
        }
    }
    order.customer_note_notify = Some(request.notify as i64);
    let new_state = resolved_state(&order, &items, false);
    // RefundOrder keeps the status when it belongs to the new state, else the state's default;
    // RefundInvoice always sets the state's default status (`RefundInvoice::execute`).
    if through.is_some() || order.state.as_deref() != Some(new_state.as_str()) {
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
    let message = match &refund_txn {
        Some(txn) => Phrase::positional(e::REFUNDED_ONLINE, vec![amount, txn.clone()]),
        None => Phrase::positional(e::REFUNDED_OFFLINE, vec![amount]),
    };
    // `Creditmemo::getOrder()` (the collectors ask for it) renames the order's history entity.
    let history = StatusHistory {
        parent_id: order.entity_id,
        comment: Some(message.render()),
        status: order.status.clone(),
        entity_name: Some("creditmemo".to_owned()),
        is_customer_notified: Some(request.notify as i64),
        is_visible_on_front: 0,
        created_at: now.clone(),
        ..Default::default()
    };
    let comment = request.comment.as_ref().map(|c| {
        CreditmemoComment {
            comment: c.comment.clone(),
            is_customer_notified: Some((request.append_comment && request.notify) as i64),
            is_visible_on_front: c.is_visible_on_front,
            created_at: now.clone(),
            ..Default::default()
        }
        .by(author)
    });
    if let Some(c) = &request.comment {
        creditmemo.customer_note = c.comment.clone();
        // CreditmemoDocumentFactory::attachComment(..., $appendComment && $notify).
        creditmemo.customer_note_notify = Some((request.append_comment && request.notify) as i64);
    }

    let refs: Vec<RefundedLine<'_>> = returned
        .iter()
        .map(|(i, q, p, b)| (i, *q, *p, *b))
        .collect();
    let stock = stock_writes(
        &order,
        &refs,
        &ctx.catalog_types,
        ctx.stock_id,
        &ctx.shipped,
        &ctx.source_items,
    )?;
    // The new rows' ids and the store's next credit memo number.
    if db::sales::row_ids(ctx.next_creditmemo_id, 1).is_none()
        || db::sales::row_ids(ctx.next_comment_id, usize::from(comment.is_some())).is_none()
    {
        return Err(Error::input(e::COULD_NOT_SAVE_CREDITMEMO));
    }
    creditmemo.entity_id = ctx.next_creditmemo_id;
    creditmemo.increment_id = db::sales::format_increment_id(order.store_id, ctx.next_increment);
    let item_ids = db::sales::row_ids(ctx.next_item_id, cm_items.len())
        .ok_or_else(|| Error::input(e::COULD_NOT_SAVE_CREDITMEMO))?;
    for (entity_id, item) in item_ids.zip(cm_items.iter_mut()) {
        item.entity_id = entity_id;
        item.parent_id = creditmemo.entity_id;
    }
    let comment = comment.map(|c| CreditmemoComment {
        entity_id: ctx.next_comment_id,
        parent_id: creditmemo.entity_id,
        ..c
    });
    // RefundOrder / RefundInvoice: `notify` sends the credit memo e-mail, with the comment when
    // it is appended.
    let mail = match (&ctx.recipient, request.notify) {
        (Some(recipient), true) => email::compose(
            SalesEmail::Creditmemo,
            recipient,
            email::Document {
                entity_id: creditmemo.entity_id,
                increment_id: Some(creditmemo.increment_id.clone()),
                order_id,
            },
            request
                .comment
                .and_then(|c| c.comment)
                .filter(|_| request.append_comment),
        ),
        _ => None,
    };
    db::creditmemos::save_creditmemo(
        conn,
        db::creditmemos::CreditmemoWrites {
            creditmemo: &creditmemo,
            items: &cm_items,
            comment: comment.as_ref(),
            history: &history,
            order: Change {
                before: &ctx.order,
                after: &order,
            },
            order_items: (&ctx.items, &items),
            payment: Change {
                before: ctx.payment.as_ref().unwrap_or(&payment),
                after: &payment,
            },
            increment: ctx.next_increment,
            stock: &stock,
            refund_txn: refund_txn.as_deref(),
            // RefundInvoice marks the invoice refunded only when it refunds offline (its quirk).
            invoice_refunded: through
                .as_ref()
                .filter(|t| !t.online)
                .map(|t| t.invoice.entity_id),
            mail: mail.as_ref(),
        },
    )
    .await
    .map_err(|err| {
        // Inside RefundOrder's try block: logged, answered as CouldNotRefundException.
        tracing::error!(order_id, error = %err, "saving the credit memo failed");
        Error::input(e::COULD_NOT_SAVE_CREDITMEMO)
    })?;
    Ok(creditmemo.entity_id)
}

/// What magento/inventory's refund plugins do to the stock for the refunded `lines`
/// (inventory.md 3.4; `DeductSourceItemQuantityOnRefundPlugin` around
/// `CreditmemoRepositoryInterface::save`, `ProcessReturnQtyOnCreditMemoPlugin`): units that go
/// back, to the sources they shipped from or to the salable quantity; units refunded without
/// return that were invoiced but never shipped, written off their sources by priority. A line
/// is written off only when its SKU is a catalog product of a source-managed type (the
/// plugin's `getProductsIdsBySkus` and `isValidItem`). Each with its `creditmemo_created`
/// reservation.
pub(crate) async fn refund_stock(
    conn: &mut SqliteConnection,
    order: &Order,
    lines: &[RefundedLine<'_>],
) -> Result<StockWrites> {
    let mut catalog_types: HashMap<String, String> = HashMap::new();
    for (item, _, _, back) in lines {
        if !back && !catalog_types.contains_key(&item.sku) {
            if let Some(ty) = db::inventory::product_type(conn, &item.sku).await? {
                catalog_types.insert(item.sku.clone(), ty);
            }
        }
    }
    let stock_id = db::shipments::order_stock(conn, order.entity_id).await?;
    let shipped = db::creditmemos::shipped_per_source(conn, order.entity_id, stock_id).await?;
    let skus: Vec<String> = lines.iter().map(|(i, _, _, _)| i.sku.clone()).collect();
    let candidates = db::inventory::in_stock_source_items(conn, stock_id, &skus).await?;
    stock_writes(
        order,
        lines,
        &catalog_types,
        stock_id,
        &shipped,
        &candidates,
    )
}

/// [`refund_stock`] on what it read: the catalog type of the lines' SKUs (by the order item's
/// spelling; a SKU the catalog lacks is absent), the order's stock, what its shipments took
/// from each source, and in-stock source items of the stock in priority order (of the lines'
/// SKUs at least: others are passed over).
pub(crate) fn stock_writes(
    order: &Order,
    lines: &[RefundedLine<'_>],
    catalog_types: &HashMap<String, String>,
    stock_id: i64,
    shipped: &[Deduction],
    candidates: &[SourceItem],
) -> Result<StockWrites> {
    let lines: Vec<RefundedLine<'_>> = lines
        .iter()
        .filter(|(item, _, _, back)| {
            if *back {
                return true;
            }
            let Some(catalog_type) = catalog_types.get(&item.sku) else {
                return false;
            };
            // A grouped product's lines are simple products (the plugin's own rewrite).
            let ty = match item.product_type.as_deref() {
                Some("grouped") => "simple",
                Some(ty) => ty,
                None => catalog_type.as_str(),
            };
            !matches!(ty, "configurable" | "bundle")
        })
        .copied()
        .collect();
    let mut fallback: HashMap<String, String> = HashMap::new();
    for si in candidates {
        fallback
            .entry(si.sku.to_lowercase())
            .or_insert_with(|| si.source_code.clone());
    }
    let effects = stock_effects(&lines, shipped, &fallback);
    // The write-offs go through the priority source selection on the order's stock.
    let write_offs: Vec<Deduction> = inventory::select_by_priority(candidates, &effects.write_offs)
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
    Ok(StockWrites {
        returns: effects.returns,
        write_offs,
        reservations,
        stock_id,
        reservation_metadata: inventory::sales_event("creditmemo_created", order)?,
    })
}

/// `RefundInvoiceInterface::execute` (`POST /V1/invoice/{invoiceId}/refund`): the memo is
/// built from the invoice's lines and shipping (`createByInvoice`), then `Validation/RefundInvoice`
/// merges the order's `CanRefund`, the memo's quantity and totals checks, the invoice's
/// `CanRefund` (a paid invoice with something left to refund, of a method that refunds: every
/// offline method fails it, whatever `isOnline` says) and each item's quantity check; then the
/// refund as `RefundOrder` does it, through the gateway when `isOnline` (a `refund` transaction child of the
/// capture, `total_online_refunded`, `We refunded $X online. Transaction ID: "..."`). A refund
/// the gateway declines (`payment::gateway_refund`) is `Could not save a Creditmemo, see error
/// log for details` (`RefundInvoice::processRefund` catches every exception), nothing saved.
pub async fn refund_invoice(
    db: &Db,
    invoice_id: i64,
    request: RefundRequest,
    is_online: bool,
    author: Author,
) -> Result<i64> {
    if invoice_id == 0 {
        return Err(Error::input(e::ID_REQUIRED));
    }
    // The invoice the refund decides on is read on the writer, where no repository save of it
    // can commit in between (its state, quantities or order).
    db.writer
        .write_with(Isolation::Savepoint, move |conn| {
            Box::pin(async move {
                let full = db::sales::load_full_invoice(conn, invoice_id)
                    .await?
                    .ok_or_else(Error::entity_not_found)?;
                let order_id = full.invoice.order_id;
                if order_id == 0 {
                    return Err(Error::input(e::ID_REQUIRED));
                }
                let ctx = load(conn, order_id, &request).await?;
                let payment = &ctx.payment;
                let refunded = db::creditmemos::refunded_of_invoice(conn, invoice_id).await?;
                let left: HashMap<i64, Amount> = full
                    .items
                    .iter()
                    .map(|i| {
                        let done = refunded.get(&i.order_item_id).copied().unwrap_or_default();
                        (i.order_item_id, i.qty - done)
                    })
                    .collect();
                let method = crate::sales::payment::method(
                    payment.as_ref().map_or("", |p| p.method.as_str()),
                );
                let paid = full.invoice.state == Some(crate::sales::state::invoice_state::PAID);
                let something_left = left.values().any(|q| *q > Amount::ZERO);
                let through = ThroughInvoice {
                    refunded: db::creditmemos::invoice_refunded_amounts(conn, invoice_id).await?,
                    invoice: full.invoice,
                    left,
                    online: is_online,
                    refundable: paid && something_left && method.can_refund,
                };
                refund_in(conn, ctx, request, Some(through), author).await
            })
        })
        .await
}

/// `CreditmemoRepositoryInterface::getList`: one page of credit memos and the count of all
/// matches. Every `sales_creditmemo` column can be filtered and sorted on.
pub async fn list_creditmemos(
    db: &Db,
    criteria: &SearchCriteria,
) -> Result<(Vec<FullCreditmemo>, i64)> {
    db::search::read_documents::<Creditmemo, _>(
        &db.readers,
        "sales_creditmemo",
        "entity_id",
        criteria,
        db::creditmemos::read_full_creditmemo,
    )
    .await
}

/// `CreditmemoRepository::get`.
pub async fn get_creditmemo(db: &Db, creditmemo_id: i64) -> Result<FullCreditmemo> {
    crate::sales::read_document(db, creditmemo_id, db::creditmemos::read_full_creditmemo).await
}
