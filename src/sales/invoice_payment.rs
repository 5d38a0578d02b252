//! `POST /V1/invoices/{id}/capture` and `POST /V1/invoices/{id}/void`
//! (`InvoiceManagementInterface::setCapture` / `setVoid`, `Model/Service/InvoiceService`).
//!
//! Capture (module-sales 2.4.8-p1): `Invoice::capture()` calls `Payment::capture($invoice)`
//! (`Payment/Operations/CaptureOperation` → `ProcessInvoiceOperation::execute`) with no
//! `canCapture()` check on the invoice. Its `is_paid` flag is not stored, so a loaded invoice
//! is captured whatever its state. The method's `capture()` runs: an offline method answers
//! `The capture action is not available.` (`AbstractMethod::capture`); a gateway captures the
//! invoice's `base_grand_total`. Then the capture transaction (child of the authorization, when
//! there is one), `CaptureCommand` puts the order in `processing` with `Captured amount of $X
//! online.` (plus `Transaction ID: "..."`) in its history, `base_amount_paid_online` grows, the
//! invoice takes the transaction id, and `Invoice::pay()` marks it paid: `Payment::pay` sets
//! `amount_paid`, `shipping_captured` (and base) to the sums over **all** the order's invoices,
//! whatever their state; the order's `total_paid` becomes this invoice's grand total, plus the
//! earlier `total_paid` when the order has more than one invoice. The plugin
//! `AddTransactionCommentAfterCapture` then saves invoice and order (with `is_in_process`, so
//! `Order/Handler/State::check` may move it on to complete). The answer is `true`.
//! Nothing registers the invoice's quantities: an invoice saved open through
//! `POST /V1/invoices/` keeps the order's invoiced figures where they were.
//!
//! A second capture: Braintree's `CaptureStrategyCommand` sends a payment that already has a
//! capture transaction to the vault capture, whose `VaultCaptureDataBuilder` fails without a
//! vault token (`The Payment Token is not available to perform the request.`); PayPal refuses a
//! second capture of a completed authorization (`PayPal gateway has rejected request. ...`).
//! magemu's orders carry no vault token, so a payment is captured online once. The gateway's
//! sandbox amounts (`payment::gateway_capture`) decline as at invoice time, here with
//! `GatewayCommand`'s `Transaction has been declined. Please try again later.` since no
//! service wraps the error. Any refusal writes nothing.
//!
//! Void: `Invoice::void()` calls `Payment::void()` and `cancel()`, but `setVoid` saves nothing
//! (no plugin does), so the answer is `true` and nothing changes; an offline method answers
//! `The void action is not available.` first. The gateway refuses to void an invoice of
//! 4001.00-4001.99 (`payment::gateway_void`): `GatewayCommand`'s `Transaction has been
//! declined. Please try again later.`, which `setVoid` passes through.

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::model::{Invoice, Order};
use crate::db::{self, Db};
use crate::error::{self as e, Error, Phrase, Result};
use crate::sales::state::{self, invoice_state};
use crate::sales::{creditmemo_totals, payment};

/// Braintree's vault capture without a token.
pub const NO_PAYMENT_TOKEN: &str = "The Payment Token is not available to perform the request.";
/// PayPal's answer to a second capture of one authorization (NVP error 10602).
pub const PAYPAL_AUTHORIZATION_COMPLETED: &str = "PayPal gateway has rejected request. Authorization has already been completed (#10602: Authorization Completed).";
/// `GatewayCommand::processErrors` when no message is mapped.
pub const TRANSACTION_DECLINED: &str = "Transaction has been declined. Please try again later.";

/// `InvoiceService::setCapture`.
#[tracing::instrument(skip(db))]
pub async fn capture(db: &Db, invoice_id: i64) -> Result<bool> {
    if invoice_id == 0 {
        return Err(Error::input(e::ID_REQUIRED));
    }
    db.writer
        .write(move |conn| Box::pin(capture_in(conn, invoice_id)))
        .await
}

async fn capture_in(conn: &mut SqliteConnection, invoice_id: i64) -> Result<bool> {
    let mut invoice: Invoice = sqlx::query_as("SELECT * FROM sales_invoice WHERE entity_id = ?")
        .bind(invoice_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(Error::entity_not_found)?;
    let context = db::sales::load_for_invoice(conn, invoice.order_id)
        .await?
        .ok_or_else(Error::entity_not_found)?;
    let (mut order, items) = (context.order, context.items);
    let Some(mut payment) = context.payment else {
        return Err(Error::internal("the order has no payment"));
    };
    let method = payment::method(&payment.method);
    if method.offline || !method.can_capture {
        return Err(Error::input(e::CAPTURE_NOT_AVAILABLE));
    }
    let captured_before: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sales_payment_transaction WHERE payment_id = ? AND txn_type = 'capture'",
    )
    .bind(payment.entity_id)
    .fetch_one(&mut *conn)
    .await?;
    if captured_before > 0 {
        return Err(Error::input(match method.code {
            "paypal_express" => PAYPAL_AUTHORIZATION_COMPLETED,
            _ => NO_PAYMENT_TOKEN,
        }));
    }
    let amount = invoice.base_grand_total.unwrap_or_default();
    let capture_is_final = crate::sales::invoice::capture_is_final(&order, amount);
    let txn_id = payment::gateway_capture(method, amount).map_err(|decline| {
        tracing::warn!(invoice_id, %decline, "the gateway refused the capture");
        Error::input(TRANSACTION_DECLINED)
    })?;

    let now = db::now_timestamp();
    // ProcessInvoiceOperation and CaptureCommand.
    payment.last_trans_id = Some(txn_id.clone());
    payment.base_amount_paid_online =
        Some(payment.base_amount_paid_online.unwrap_or_default() + amount);
    invoice.transaction_id = Some(txn_id.clone());
    order.state = Some(state::PROCESSING.to_owned());
    if order.status.as_deref() != Some(state::default_status(state::PROCESSING)) {
        order.status = Some(state::default_status(state::PROCESSING).to_owned());
    }
    // Invoice::pay and Payment::pay.
    invoice.state = Some(invoice_state::PAID);
    invoice.updated_at = now.clone();
    let all: Vec<Invoice> = sqlx::query_as("SELECT * FROM sales_invoice WHERE order_id = ?")
        .bind(order.entity_id)
        .fetch_all(&mut *conn)
        .await?;
    let sum = |f: fn(&Invoice) -> Option<Amount>| -> Amount { all.iter().filter_map(f).sum() };
    payment.amount_paid = Some(sum(|i| i.grand_total));
    payment.base_amount_paid = Some(sum(|i| i.base_grand_total));
    payment.shipping_captured = Some(sum(|i| i.shipping_amount));
    payment.base_shipping_captured = Some(sum(|i| i.base_shipping_amount));
    pay_order(&mut order, &invoice, all.len() > 1);
    // The plugin's save: Order/Handler/State::check with is_in_process.
    let resolved = state::state_after_document(&order, &items);
    if order.state.as_deref() != Some(resolved.as_str()) {
        order.status = Some(state::default_status(&resolved).to_owned());
        order.state = Some(resolved);
    }
    order.updated_at = now.clone();

    let shown =
        creditmemo_totals::format_currency(order.base_currency_code.as_deref(), amount.decimal());
    let comment = Phrase::positional(e::CAPTURED_ONLINE, vec![shown, txn_id.clone()]).render();
    let mut batch = db::batch::Batch::default();
    batch.update("sales_invoice", "entity_id", &invoice);
    batch.update("sales_order", "entity_id", &order);
    batch.update("sales_order_payment", "entity_id", &payment);
    db::sales::push_capture(
        &mut batch,
        order.entity_id,
        payment.entity_id,
        &db::sales::CaptureWrites {
            txn_id: &txn_id,
            comment: &comment,
            status: order.status.as_deref(),
            now: &now,
            close_authorization: capture_is_final,
        },
    );
    batch.run(conn).await?;
    Ok(true)
}

/// `Invoice::pay` on the order: `total_paid` is the invoice's grand total, plus the earlier
/// `total_paid` only when the order holds more than this invoice.
fn pay_order(order: &mut Order, invoice: &Invoice, more_than_one: bool) {
    let plus = |own: Option<Amount>, earlier: Option<Amount>| {
        let earlier = if more_than_one { earlier } else { None };
        Some(own.unwrap_or_default() + earlier.unwrap_or_default())
    };
    order.total_paid = plus(invoice.grand_total, order.total_paid);
    order.base_total_paid = plus(invoice.base_grand_total, order.base_total_paid);
}

/// `InvoiceService::setVoid`: `true` for a gateway method that voids, and nothing saved.
pub async fn void(db: &Db, invoice_id: i64) -> Result<bool> {
    if invoice_id == 0 {
        return Err(Error::input(e::ID_REQUIRED));
    }
    let mut conn = db.read.acquire().await?;
    let (order_method, base_grand_total): (Option<String>, Option<Amount>) = sqlx::query_as(
        "SELECT p.method, i.base_grand_total FROM sales_invoice i
         LEFT JOIN sales_order_payment p ON p.parent_id = i.order_id
         WHERE i.entity_id = ?",
    )
    .bind(invoice_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(Error::entity_not_found)?;
    let method = payment::method(order_method.as_deref().unwrap_or(""));
    if method.offline || !method.can_void {
        return Err(Error::input(e::VOID_NOT_AVAILABLE));
    }
    payment::gateway_void(base_grand_total.unwrap_or_default()).map_err(|decline| {
        tracing::warn!(invoice_id, %decline, "the gateway refused the void");
        Error::input(TRANSACTION_DECLINED)
    })?;
    Ok(true)
}
