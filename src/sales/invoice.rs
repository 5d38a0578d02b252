//! `POST /V1/order/{orderId}/invoice`: Magento's `InvoiceOrder::execute`, as one transaction.
//!
//! Steps and sources (app/code/Magento/Sales/, 2.4): load the order (`OrderRepository::get`);
//! build the invoice (`Service/InvoiceService::prepareInvoice`); validate
//! (`Order/Validation/InvoiceOrder`: `InvoiceQuantityValidator`, `CanInvoice`); collect totals
//! (`crate::sales::totals`); pay (`Order/Invoice/PayOperation`, `Invoice::pay`,
//! `Order/Payment::pay`); set the state (`Order/StateResolver`); deduct virtual items
//! (magento/inventory `InventoryShipping/Observer/VirtualSourceDeductionProcessor`).

use std::collections::HashMap;

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::batch::Change;
use crate::db::model::{
    Author, FullInvoice, Invoice, InvoiceComment, InvoiceItem, Order, OrderItem, OrderPayment,
};
use crate::db::writer::Isolation;
use crate::db::{self, Db};
use crate::error::{self as e, Error, Phrase, Result};
use crate::inventory;
use crate::sales::email::{self, SalesEmail};
use crate::sales::item::{bundle_selection_qty, Family};
use crate::sales::state::{self, invoice_state, state_after_document};
use crate::sales::totals::{self, InvoiceTotals, Line};
use crate::sales::{creditmemo_totals, payment, DocumentComment, LineItem};
use crate::search::SearchCriteria;

/// The parsed body of `POST /V1/order/{orderId}/invoice` (InvoiceOrderInterface::execute).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvoiceRequest {
    pub capture: bool,
    pub notify: bool,
    pub append_comment: bool,
    pub items: Vec<InvoiceItemRequest>,
    pub comment: Option<InvoiceCommentRequest>,
}

/// `InvoiceItemCreationInterface`.
pub type InvoiceItemRequest = LineItem;
/// `InvoiceCommentCreationInterface`.
pub type InvoiceCommentRequest = DocumentComment;

/// The invoice `prepareInvoice` builds: one line per invoiceable order item.
#[derive(Debug)]
pub struct Prepared<'a> {
    pub lines: Vec<Line<'a>>,
    /// Σ of the requested quantities before the int cast (Magento's `total_qty` quirk).
    pub total_qty: Amount,
}

/// `InvoiceService::prepareInvoice`: which items the invoice holds and how much of each. Fails
/// with Magento's quantity error on the first item asked for too much.
///
/// The requested quantities are keyed as PHP's array keys them: a line without an order item
/// id under `""`, which `isset($qtys[null])` finds. `prepareItemsQty` first gives a child not
/// asked for its parent's quantity (a configurable's simple), or its bundle selection's
/// quantity times the bundle's; then every item that `canInvoiceItem` takes gets a line: its
/// prepared quantity, else a dummy its ordered quantity, else everything left when nothing
/// was asked, else 0.
pub fn prepare<'a>(
    items: &'a [OrderItem],
    requested: &[InvoiceItemRequest],
) -> Result<Prepared<'a>> {
    // Last entry wins, as in InvoiceOrder's quantity array.
    let mut qtys: HashMap<Option<i64>, Amount> = HashMap::new();
    for r in requested {
        qtys.insert(r.order_item_id, r.qty.unwrap_or(Amount::ZERO));
    }
    let asked_nothing = qtys.is_empty();
    let family = Family::new(items);
    // prepareItemsQty.
    for item in items {
        if let Some(&parent_qty) = qtys.get(&Some(item.item_id)) {
            for child in family.children_of(item) {
                if qtys.contains_key(&Some(child.item_id)) {
                    continue;
                }
                if let Some(per_unit) = bundle_selection_qty(child) {
                    let qty = per_unit
                        .and_then(|q| q.checked_mul(parent_qty))
                        .unwrap_or(Amount::ZERO);
                    qtys.insert(Some(child.item_id), qty);
                }
            }
        } else if let Some(&parent_qty) = qtys.get(&item.parent_item_id) {
            qtys.insert(Some(item.item_id), parent_qty);
        }
    }
    let mut lines = Vec::new();
    let mut total_qty = Amount::ZERO;
    for item in items {
        let dummy = family.is_dummy(item, false);
        if !can_invoice_item(&family, item, dummy, &qtys) {
            continue;
        }
        let raw = match qtys.get(&Some(item.item_id)) {
            Some(q) => *q,
            // `getQtyOrdered() ?: 1`: the stored "0.0000" is a truthy string, so never 1.
            None if dummy => item.qty_ordered,
            None if asked_nothing => item.qty_to_invoice(),
            None => Amount::ZERO,
        };
        total_qty += raw;
        // setInvoiceItemQuantity: the int cast, at least 0, at most what is left (a dummy's
        // quantity is not checked).
        let qty = if item.is_qty_decimal() {
            raw
        } else {
            raw.trunc()
        }
        .max(Amount::ZERO);
        if qty > item.qty_to_invoice() && !dummy {
            let name = item.name.clone().unwrap_or_default();
            return Err(Error::Input(Phrase::positional(
                e::INVALID_QTY_TO_INVOICE,
                vec![name],
            )));
        }
        lines.push(Line { item, qty, dummy });
    }
    Ok(Prepared { lines, total_qty })
}

/// `InvoiceService::canInvoiceItem`: not locked; a dummy parent when a child is to be invoiced
/// (left to invoice when nothing was asked, else asked for), a dummy child when its parent is;
/// any other item when it has something left to invoice.
fn can_invoice_item(
    family: &Family<'_>,
    item: &OrderItem,
    dummy: bool,
    qtys: &HashMap<Option<i64>, Amount>,
) -> bool {
    if item.locked_do_invoice() {
        return false;
    }
    let to_invoice = |other: &OrderItem| {
        if qtys.is_empty() {
            family.qty_to_invoice(other) > Amount::ZERO
        } else {
            qtys.get(&Some(other.item_id))
                .is_some_and(|q| *q > Amount::ZERO)
        }
    };
    if !dummy {
        return item.qty_to_invoice() > Amount::ZERO;
    }
    if family.has_children(item) {
        family.children_of(item).iter().any(|c| to_invoice(c))
    } else {
        family.parent_of(item).is_some_and(to_invoice)
    }
}

/// `Validation/InvoiceOrder`: the messages of `InvoiceQuantityValidator` then `CanInvoice`.
pub fn validate(order: &Order, items: &[OrderItem], prepared: &Prepared<'_>) -> Vec<String> {
    let mut messages = Vec::new();
    let sum: Amount = prepared.lines.iter().map(|l| l.qty).sum();
    if sum <= Amount::ZERO {
        messages.push(e::INVOICE_WITHOUT_PRODUCTS.to_owned());
    }
    let blocked = [
        state::PAYMENT_REVIEW,
        state::HOLDED,
        state::CANCELED,
        state::COMPLETE,
        state::CLOSED,
    ];
    if order.state.as_deref().is_some_and(|s| blocked.contains(&s)) {
        let status = order.status.clone().unwrap_or_default();
        messages.push(Phrase::positional(e::INVOICE_BAD_STATUS, vec![status]).render());
    } else if !crate::sales::state::any_left_to_invoice(items) {
        messages.push(e::ORDER_DOES_NOT_ALLOW_INVOICE.to_owned());
    }
    messages.dedup();
    messages
}

/// The `DocumentValidationException` for a list of messages: one phrase, no parameters.
pub fn validation_error(messages: &[String]) -> Error {
    Error::input(format!(
        "{}\n{}",
        e::INVOICE_VALIDATION_ERRORS,
        messages.join("\n")
    ))
}

/// The invoice row and items built from the order and the collected totals (the order-to-invoice
/// fieldset conversion plus the collectors' figures). Lines of qty 0 are dropped, as
/// PayOperation does before saving.
pub fn build_invoice(
    order: &Order,
    prepared: &Prepared<'_>,
    t: &InvoiceTotals,
    notify: bool,
    now: &str,
) -> (Invoice, Vec<InvoiceItem>) {
    let invoice = Invoice {
        entity_id: 0,
        increment_id: String::new(),
        order_id: order.entity_id,
        store_id: Some(order.store_id),
        state: Some(invoice_state::PAID),
        can_void_flag: Some(0),
        email_sent: notify.then_some(1),
        send_email: notify.then_some(1),
        is_used_for_refund: None,
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
        discount_description: None,
        transaction_id: None,
        total_qty: prepared.total_qty,
        subtotal: Some(t.subtotal),
        base_subtotal: Some(t.base_subtotal),
        subtotal_incl_tax: Some(t.subtotal_incl_tax),
        base_subtotal_incl_tax: Some(t.base_subtotal_incl_tax),
        discount_amount: Some(t.discount_amount),
        base_discount_amount: Some(t.base_discount_amount),
        shipping_amount: t.shipping_amount,
        base_shipping_amount: t.base_shipping_amount,
        shipping_incl_tax: t.shipping_incl_tax,
        base_shipping_incl_tax: t.base_shipping_incl_tax,
        shipping_tax_amount: t.shipping_tax_amount,
        base_shipping_tax_amount: t.base_shipping_tax_amount,
        shipping_discount_tax_compensation_amount: t.shipping_discount_tax_compensation_amount,
        base_shipping_discount_tax_compensation_amnt: t
            .base_shipping_discount_tax_compensation_amnt,
        tax_amount: Some(t.tax_amount),
        base_tax_amount: Some(t.base_tax_amount),
        discount_tax_compensation_amount: Some(t.discount_tax_compensation_amount),
        base_discount_tax_compensation_amount: Some(t.base_discount_tax_compensation_amount),
        grand_total: Some(t.grand_total),
        base_grand_total: Some(t.base_grand_total),
        base_total_refunded: None,
        base_cost: Some(t.base_cost),
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
    };
    let items = prepared
        .lines
        .iter()
        .zip(&t.lines)
        .filter(|(line, _)| line.qty > Amount::ZERO)
        .map(|(line, lt)| {
            let oi = line.item;
            InvoiceItem {
                entity_id: 0,
                parent_id: 0,
                order_item_id: oi.item_id,
                product_id: oi.product_id,
                sku: oi.sku.clone(),
                name: oi.name.clone(),
                description: oi.description.clone(),
                additional_data: None,
                qty: line.qty,
                base_cost: oi.base_cost,
                price: Some(oi.price),
                base_price: Some(oi.base_price),
                price_incl_tax: oi.price_incl_tax,
                base_price_incl_tax: oi.base_price_incl_tax,
                row_total: Some(lt.row_total),
                base_row_total: Some(lt.base_row_total),
                row_total_incl_tax: lt.row_total_incl_tax,
                base_row_total_incl_tax: lt.base_row_total_incl_tax,
                discount_amount: lt.discount_amount,
                base_discount_amount: lt.base_discount_amount,
                tax_amount: lt.tax_amount,
                base_tax_amount: lt.base_tax_amount,
                discount_tax_compensation_amount: lt.discount_tax_compensation_amount,
                base_discount_tax_compensation_amount: lt.base_discount_tax_compensation_amount,
            }
        })
        .collect();
    (invoice, items)
}

fn add(a: Option<Amount>, b: Option<Amount>) -> Option<Amount> {
    Some(a.unwrap_or_default() + b.unwrap_or_default())
}

/// `Invoice\Item::register` on each order item, `PayOperation::calculateOrderTotals` and
/// `Invoice::pay` / `Payment::pay` on the order and its payment. `had_earlier_invoice` is whether
/// the order's invoice collection already held an invoice (it decides `total_paid`).
pub fn register(
    order: &mut Order,
    items: &mut [OrderItem],
    payment: &mut OrderPayment,
    invoice: &Invoice,
    invoice_items: &[InvoiceItem],
    had_earlier_invoice: bool,
) {
    let position: HashMap<i64, usize> = items
        .iter()
        .enumerate()
        .map(|(n, i)| (i.item_id, n))
        .collect();
    for ii in invoice_items {
        let Some(oi) = position.get(&ii.order_item_id).map(|&n| &mut items[n]) else {
            continue;
        };
        let z = Amount::ZERO;
        oi.qty_invoiced += ii.qty;
        oi.tax_invoiced += ii.tax_amount.unwrap_or(z);
        oi.base_tax_invoiced += ii.base_tax_amount.unwrap_or(z);
        // Invoice\Item::register: `getDiscountTaxCompensationInvoiced() + ...` (NULL counts 0).
        oi.discount_tax_compensation_invoiced = Some(
            oi.discount_tax_compensation_invoiced.unwrap_or(z)
                + ii.discount_tax_compensation_amount.unwrap_or(z),
        );
        oi.base_discount_tax_compensation_invoiced = Some(
            oi.base_discount_tax_compensation_invoiced.unwrap_or(z)
                + ii.base_discount_tax_compensation_amount.unwrap_or(z),
        );
        oi.discount_invoiced += ii.discount_amount.unwrap_or(z);
        oi.base_discount_invoiced += ii.base_discount_amount.unwrap_or(z);
        oi.row_invoiced += ii.row_total.unwrap_or(z);
        oi.base_row_invoiced += ii.base_row_total.unwrap_or(z);
    }
    let i = invoice;
    order.total_invoiced = add(order.total_invoiced, i.grand_total);
    order.base_total_invoiced = add(order.base_total_invoiced, i.base_grand_total);
    order.subtotal_invoiced = add(order.subtotal_invoiced, i.subtotal);
    order.base_subtotal_invoiced = add(order.base_subtotal_invoiced, i.base_subtotal);
    order.tax_invoiced = add(order.tax_invoiced, i.tax_amount);
    order.base_tax_invoiced = add(order.base_tax_invoiced, i.base_tax_amount);
    order.discount_tax_compensation_invoiced = add(
        order.discount_tax_compensation_invoiced,
        i.discount_tax_compensation_amount,
    );
    order.base_discount_tax_compensation_invoiced = add(
        order.base_discount_tax_compensation_invoiced,
        i.base_discount_tax_compensation_amount,
    );
    order.shipping_tax_invoiced = add(order.shipping_tax_invoiced, i.shipping_tax_amount);
    order.base_shipping_tax_invoiced =
        add(order.base_shipping_tax_invoiced, i.base_shipping_tax_amount);
    order.shipping_invoiced = add(order.shipping_invoiced, i.shipping_amount);
    order.base_shipping_invoiced = add(order.base_shipping_invoiced, i.base_shipping_amount);
    order.discount_invoiced = add(order.discount_invoiced, i.discount_amount);
    order.base_discount_invoiced = add(order.base_discount_invoiced, i.base_discount_amount);
    order.base_total_invoiced_cost = add(order.base_total_invoiced_cost, i.base_cost);

    // Invoice::pay: total_paid is this invoice's grand total, plus the earlier total_paid only
    // when the order's invoice collection holds more than this invoice.
    let earlier_paid = |v: Option<Amount>| if had_earlier_invoice { v } else { None };
    order.total_paid = add(i.grand_total, earlier_paid(order.total_paid));
    order.base_total_paid = add(i.base_grand_total, earlier_paid(order.base_total_paid));

    payment.amount_paid = add(payment.amount_paid, i.grand_total);
    payment.base_amount_paid = add(payment.base_amount_paid, i.base_grand_total);
    payment.shipping_captured = add(payment.shipping_captured, i.shipping_amount);
    payment.base_shipping_captured = add(payment.base_shipping_captured, i.base_shipping_amount);
}

/// `InvoiceOrder::execute`: creates the invoice and returns its id. It runs on the single writer
/// (`db::writer`) in a `BEGIN IMMEDIATE` transaction: everything it writes commits together or
/// not at all, and racing requests on one order run one after the other. It needs no savepoint
/// of its own ([`Isolation::ChecksFirst`]): [`invoice_in`] refuses before its one batch of
/// writes, and that batch fails only on a database error (an increment id already taken fails
/// its first statement, before it writes; its source deductions take no more than the
/// quantities read in the same transaction, so their `quantity >= ?` guard holds). It keeps the
/// writer's memo (`db::memo`): `db::sales::save_invoice` tells it the ids and invoice number
/// the next invoice of its group commit takes.
#[tracing::instrument(skip(db, request))]
pub async fn invoice_order(
    db: &Db,
    order_id: i64,
    request: InvoiceRequest,
    author: Author,
) -> Result<i64> {
    crate::sales::write_on_order_keeping_memo(db, order_id, Isolation::ChecksFirst, move |conn| {
        Box::pin(invoice_in(conn, order_id, request, None, author))
    })
    .await
}

/// `Payment::place` with the payment action `authorize_capture`: `CaptureOperation::capture`
/// without an invoice runs `AbstractOperation::invoice`, i.e. `$order->prepareInvoice()` of the
/// whole order, `register()`, then `capture()` through the gateway and `pay()`: the same steps
/// as [`invoice_order`] with `capture: true`, on the order checkout has just saved (inside its
/// transaction), with the gateway's answer `txn_id` already in hand (checkout asks the gateway
/// before it writes anything, so a decline writes nothing). The invoice e-mail goes out at once
/// (module-quote `SendInvoiceEmailObserver`), so `send_email` and `email_sent` are 1.
pub async fn invoice_at_placement(
    conn: &mut SqliteConnection,
    order_id: i64,
    txn_id: String,
) -> Result<i64> {
    let request = InvoiceRequest {
        capture: true,
        notify: true,
        ..Default::default()
    };
    // No comment: nobody is its author.
    invoice_in(conn, order_id, request, Some(txn_id), Author::default()).await
}

/// `Payment::isCaptureFinal`: whether `amount` is what the order still owes (its base total
/// due, before this invoice pays), which closes the authorization the capture is made on
/// (`Transaction\Builder::linkWithParentTransaction`).
pub fn capture_is_final(order: &Order, amount: Amount) -> bool {
    let due = Amount::round_price(
        order.base_grand_total.unwrap_or_default().decimal()
            - order.base_total_paid.unwrap_or_default().decimal(),
    )
    .max(rust_decimal::Decimal::ZERO);
    due == Amount::round_price(amount.decimal())
}

/// The use case on the writer's connection (inside its transaction and savepoint): the reads,
/// the pure computation, one batch of writes.
async fn invoice_in(
    conn: &mut SqliteConnection,
    order_id: i64,
    request: InvoiceRequest,
    captured: Option<String>,
    author: Author,
) -> Result<i64> {
    let db::sales::InvoiceContext {
        mut order,
        mut items,
        payment,
        earlier,
        stock_id,
        virtual_source_items,
        next_invoice_id,
        next_invoice_item_id,
        next_invoice_comment_id,
        next_increment,
        recipient,
    } = db::sales::load_for_invoice(conn, order_id)
        .await?
        .ok_or_else(Error::entity_not_found)?;

    let prepared = prepare(&items, &request.items)?;
    let messages = validate(&order, &items, &prepared);
    if !messages.is_empty() {
        return Err(validation_error(&messages));
    }
    // PayOperation dereferences the payment; an order without one fails inside the save block,
    // which InvoiceOrder turns into CouldNotInvoiceException.
    let Some(mut payment) = payment else {
        tracing::error!(order_id, "order has no payment");
        return Err(Error::input(e::COULD_NOT_SAVE_INVOICE));
    };
    // As read: the save writes only the columns the invoice changes.
    let (order_before, items_before) = (order.clone(), items.clone());
    let payment_before = payment.clone();

    let now = db::now_timestamp();
    // The arithmetic panics only on amounts beyond any real order (products past ~7.9e28, from
    // imported figures); Magento fails inside its save block there too, so the answer is its
    // CouldNotInvoiceException rather than a 500.
    let computed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let totals = totals::collect(&order, &prepared.lines, totals::summarize(&earlier));
        build_invoice(&order, &prepared, &totals, request.notify, &now)
    }));
    let Ok((mut invoice, mut invoice_items)) = computed else {
        tracing::error!(order_id, "invoice totals overflowed");
        return Err(Error::input(e::COULD_NOT_SAVE_INVOICE));
    };
    let virtual_ids: std::collections::HashSet<i64> = items
        .iter()
        .filter(|oi| oi.is_virtual())
        .map(|oi| oi.item_id)
        .collect();
    let virtual_lines: Vec<(String, Amount)> = invoice_items
        .iter()
        .filter(|ii| virtual_ids.contains(&ii.order_item_id))
        .map(|ii| (ii.sku.clone(), ii.qty))
        .collect();
    drop(prepared);
    let capture_is_final = capture_is_final(&order, invoice.base_grand_total.unwrap_or_default());

    register(
        &mut order,
        &mut items,
        &mut payment,
        &invoice,
        &invoice_items,
        !earlier.is_empty(),
    );
    let new_state = state_after_document(&order, &items);
    order.status = Some(state::default_status(&new_state).to_owned());
    order.state = Some(new_state);
    order.updated_at = now.clone();
    for item in &mut items {
        item.updated_at = now.clone();
    }

    let comments = usize::from(request.comment.is_some());
    let (Some(invoice_ids), Some(comment_ids), Some(item_ids)) = (
        db::sales::row_ids(next_invoice_id, 1),
        db::sales::row_ids(next_invoice_comment_id, comments),
        db::sales::row_ids(next_invoice_item_id, invoice_items.len()),
    ) else {
        return Err(Error::input(e::COULD_NOT_SAVE_INVOICE));
    };
    let next_ids = db::memo::NextInvoiceIds {
        invoice: invoice_ids.end,
        item: item_ids.end,
        comment: comment_ids.end,
    };
    invoice.entity_id = next_invoice_id;
    invoice.increment_id = db::sales::format_increment_id(order.store_id, next_increment);
    for (entity_id, ii) in item_ids.zip(invoice_items.iter_mut()) {
        ii.entity_id = entity_id;
        ii.parent_id = next_invoice_id;
    }
    let comment = request.comment.map(|c| {
        InvoiceComment {
            entity_id: next_invoice_comment_id,
            parent_id: next_invoice_id,
            comment: c.comment,
            is_customer_notified: Some((request.append_comment && request.notify) as i64),
            is_visible_on_front: c.is_visible_on_front,
            created_at: now.clone(),
            ..Default::default()
        }
        .by(author)
    });
    // PayOperation: an online method captures through its gateway when asked; anything else
    // (capture false, or an offline method) pays the invoice without one.
    let method = payment::method(&payment.method);
    let mut capture = None;
    if request.capture && method.can_capture && !method.offline {
        let amount = invoice.base_grand_total.unwrap_or_default();
        let txn_id = match captured {
            Some(txn_id) => txn_id,
            None => payment::gateway_capture(method, amount).map_err(|decline| {
                // Inside InvoiceOrder's try block: logged, answered as CouldNotInvoiceException.
                tracing::error!(order_id, %decline, "the gateway refused the capture");
                Error::input(e::COULD_NOT_SAVE_INVOICE)
            })?,
        };
        invoice.transaction_id = Some(txn_id.clone());
        payment.last_trans_id = Some(txn_id.clone());
        payment.base_amount_paid_online =
            Some(payment.base_amount_paid_online.unwrap_or_default() + amount);
        let shown = creditmemo_totals::format_currency(
            order.base_currency_code.as_deref(),
            amount.decimal(),
        );
        let comment = Phrase::positional(e::CAPTURED_ONLINE, vec![shown, txn_id.clone()]).render();
        capture = Some((txn_id, comment));
    } else {
        invoice.can_void_flag = Some(0);
    }
    let deductions = inventory::virtual_deductions(&virtual_source_items, &virtual_lines);
    let metadata = inventory::sales_event("invoice_created", &order)?;
    // InvoiceOrder: `notify` sends the invoice e-mail, with the comment when it is appended;
    // written with the invoice.
    let mail = match (&recipient, request.notify) {
        (Some(recipient), true) => email::compose(
            SalesEmail::Invoice,
            recipient,
            email::Document {
                entity_id: next_invoice_id,
                increment_id: Some(invoice.increment_id.clone()),
                order_id,
            },
            comment
                .as_ref()
                .and_then(|c| c.comment.clone())
                .filter(|_| request.append_comment),
        ),
        _ => None,
    };
    db::sales::save_invoice(
        conn,
        db::sales::InvoiceWrites {
            invoice: &invoice,
            items: &invoice_items,
            comment: comment.as_ref(),
            order: Change {
                before: &order_before,
                after: &order,
            },
            order_items: (&items_before, &items),
            payment: Change {
                before: &payment_before,
                after: &payment,
            },
            increment: (next_increment, order.store_id),
            next_ids,
            deductions: &deductions,
            stock_id,
            reservation_metadata: &metadata,
            capture: capture
                .as_ref()
                .map(|(txn_id, comment)| db::sales::CaptureWrites {
                    txn_id,
                    comment,
                    status: order.status.as_deref(),
                    now: &now,
                    close_authorization: capture_is_final,
                }),
            mail: mail.as_ref(),
        },
    )
    .await
    .map_err(|err| {
        // Inside InvoiceOrder's save block: logged, answered as CouldNotInvoiceException.
        tracing::error!(order_id, error = %err, "saving the invoice failed");
        Error::input(e::COULD_NOT_SAVE_INVOICE)
    })?;
    Ok(next_invoice_id)
}

/// `InvoiceRepositoryInterface::getList`: one page of invoices and the count of all matches.
/// Every `sales_invoice` column can be filtered and sorted on.
pub async fn list_invoices(db: &Db, criteria: &SearchCriteria) -> Result<(Vec<FullInvoice>, i64)> {
    db::search::read_documents::<Invoice, _>(
        &db.readers,
        "sales_invoice",
        "entity_id",
        criteria,
        db::sales::read_full_invoice,
    )
    .await
}

/// `InvoiceRepository::get`.
pub async fn get_invoice(db: &Db, invoice_id: i64) -> Result<FullInvoice> {
    crate::sales::read_document(db, invoice_id, db::sales::read_full_invoice).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<OrderItem> {
        let mk = |id: i64, name: &str, ordered: i64, invoiced: i64| OrderItem {
            item_id: id,
            name: Some(name.into()),
            qty_ordered: ordered.into(),
            qty_invoiced: invoiced.into(),
            ..Default::default()
        };
        vec![
            mk(3, "Driven Backpack", 20, 0),
            mk(4, "Voyage Yoga Bag", 40, 0),
            mk(5, "Done", 1, 1),
        ]
    }

    fn req(id: i64, qty: &str) -> InvoiceItemRequest {
        InvoiceItemRequest {
            order_item_id: Some(id),
            qty: Amount::parse(qty),
        }
    }

    #[test]
    fn empty_items_take_everything_left() {
        let items = items();
        let p = prepare(&items, &[]).unwrap();
        let got: Vec<(i64, Amount)> = p.lines.iter().map(|l| (l.item.item_id, l.qty)).collect();
        assert_eq!(got, vec![(3, 20.into()), (4, 40.into())]);
        assert_eq!(p.total_qty, 60.into());
    }

    #[test]
    fn listed_items_only_and_int_cast() {
        let items = items();
        let p = prepare(&items, &[req(3, "20.5")]).unwrap();
        let got: Vec<(i64, Amount)> = p.lines.iter().map(|l| (l.item.item_id, l.qty)).collect();
        assert_eq!(got, vec![(3, 20.into()), (4, 0.into())]);
        // total_qty keeps the raw requested value.
        assert_eq!(p.total_qty, Amount::parse("20.5").unwrap());
    }

    #[test]
    fn too_much_names_the_item() {
        let items = items();
        let err = prepare(&items, &[req(4, "41")]).unwrap_err();
        assert_eq!(
            err.body(),
            serde_json::json!({"message": e::INVALID_QTY_TO_INVOICE, "parameters": ["Voyage Yoga Bag"]})
        );
    }

    #[test]
    fn validator_messages() {
        let items = items();
        let order = Order {
            state: Some("canceled".into()),
            status: Some("canceled".into()),
            ..Default::default()
        };
        let p = prepare(&items, &[req(99, "1")]).unwrap();
        assert_eq!(
            validate(&order, &items, &p),
            vec![
                e::INVOICE_WITHOUT_PRODUCTS.to_owned(),
                "An invoice cannot be created when an order has a status of canceled".to_owned()
            ]
        );
        let done: Vec<OrderItem> = items
            .iter()
            .map(|i| OrderItem {
                qty_invoiced: i.qty_ordered,
                ..i.clone()
            })
            .collect();
        let order = Order {
            state: Some("processing".into()),
            ..Default::default()
        };
        let p = prepare(&done, &[]).unwrap();
        assert_eq!(
            validate(&order, &done, &p),
            vec![
                e::INVOICE_WITHOUT_PRODUCTS.to_owned(),
                e::ORDER_DOES_NOT_ALLOW_INVOICE.to_owned()
            ]
        );
    }
}
