//! Payments: what each method can do, and the payment transactions an online gateway leaves.
//!
//! Methods as data (`Payment/Model/Method/AbstractMethod.php` flags and each module's
//! `etc/config.xml`): the offline ones (checkmo, banktransfer, cashondelivery, purchaseorder,
//! free) pay an invoice on the spot (`PayOperation`: `pay()` whatever `capture` says) and can
//! neither capture, void nor refund online. Transactions (`TransactionRepositoryInterface`):
//! read by id with their children, or listed with searchCriteria over
//! `sales_payment_transaction`; only a gateway writes them, so with offline methods the list is
//! empty, as on a store without one.
//!
//! What the online gateways do (read from module-sales 2.4.6-p1 to 2.4.8-p1 and the Braintree
//! module maintained for PayPal, `genecommerce/module-braintree-magento2` 4.0.10; capture later
//! and void are in `sales::invoice_payment`):
//! - capabilities: braintree and paypal_express capture, capture partially, refund and refund
//!   partially per invoice; void through `CanVoidHandler` (braintree) or always (paypal_express);
//!   payment action `authorize` (braintree) / `Authorization` (paypal_express);
//! - at placement through checkout (`checkout::payment`, when the method is active): the
//!   `authorization` transaction, or with `authorize_capture` the invoice captured at once; an
//!   order imported by `POST /V1/orders` carries no authorization, as in Magento;
//! - `POST /V1/order/{id}/invoice` with `capture: true`: `ProcessInvoiceOperation` captures
//!   (`Captured amount of $X online. Transaction ID: "..."` in the history), the transaction
//!   builder writes `txn_type` capture with `parent_txn_id` the authorization (Braintree rewrites
//!   its authorization row in place instead) and closes the authorization when the capture takes
//!   what the order still owes (`isCaptureFinal`), sets `invoice.transaction_id` and
//!   `payment.last_trans_id`, adds to `base_amount_paid_online`; `capture: false` pays without
//!   the gateway and leaves `can_void_flag` 0. The invoice always ends paid over REST. Any gateway
//!   failure is `Could not save an invoice, see error log for details`, nothing saved;
//! - `POST /V1/invoices/{id}/capture` captures (a plugin saves invoice and order);
//!   `POST /V1/invoices/{id}/void` calls the gateway and saves nothing, answering `true`;
//! - `POST /V1/invoice/{id}/refund` online: refund transaction `"{capture}-refund"` (parent the
//!   capture), `total_online_refunded`, `base_amount_refunded_online`, the credit memo's
//!   `invoice_id` and `transaction_id`, `We refunded $X online. Transaction ID: "..."`; the
//!   invoice's `base_total_refunded` is left alone on that path (Magento's quirk);
//! - the gateway's outcome follows Braintree's sandbox test amounts
//!   (developer.paypal.com/braintree/docs/reference/general/testing), so a test rehearses a
//!   decline by the amount it sends through the gateway, as with a real sandbox:
//!   - authorize and capture (the order's or the invoice's base grand total): 2000.00-2999.99
//!     processor declined, 3000.00-3000.99 failed, 5001.00 gateway rejected;
//!   - refund (the credit memo's base grand total): 2000.00-2999.99 and 3000.00-3000.99, the
//!     refund authorizations Braintree declines with its 2000-class codes;
//!   - void (the voided invoice's base grand total, or at an order's cancel its base grand
//!     total, `sales::order_management`): 4001.00-4001.99, the sandbox's
//!     "settlement declined" amounts: such a transaction can no longer be voided (Braintree
//!     error 91504, which Magento's error map does not translate).
//!
//!   What Magento answers for a refused gateway call depends on the service around it, not on
//!   the method: `GatewayCommand::processErrors` throws `Transaction has been declined. Please
//!   try again later.`; `InvoiceOrder` masks it as `Could not save an invoice, see error log for
//!   details`, `RefundInvoice` as `Could not save a Creditmemo, see error log for details`,
//!   `CreditmemoService::refund` and `InvoiceService::setCapture/setVoid` pass it through.

use rand::distr::{Alphanumeric, SampleString};
use rust_decimal::Decimal;

use crate::amount::Amount;
use crate::db::model::Transaction;
use crate::db::{self, Db};
use crate::error::Result;
use crate::search::SearchCriteria;

/// A payment method's capabilities, as Magento's method instance reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Method {
    pub code: &'static str,
    /// `isOffline()`: no gateway behind it.
    pub offline: bool,
    pub can_capture: bool,
    pub can_capture_partial: bool,
    pub can_refund: bool,
    pub can_refund_partial_per_invoice: bool,
    pub can_void: bool,
}

const fn offline(code: &'static str) -> Method {
    Method {
        code,
        offline: true,
        can_capture: false,
        can_capture_partial: false,
        can_refund: false,
        can_refund_partial_per_invoice: false,
        can_void: false,
    }
}

const fn gateway(code: &'static str) -> Method {
    Method {
        code,
        offline: false,
        can_capture: true,
        can_capture_partial: true,
        can_refund: true,
        can_refund_partial_per_invoice: true,
        can_void: true,
    }
}

/// The methods magemu knows. An unknown code behaves as an offline method.
pub const METHODS: [Method; 7] = [
    offline("checkmo"),
    offline("banktransfer"),
    offline("cashondelivery"),
    offline("purchaseorder"),
    offline("free"),
    gateway("braintree"),
    gateway("paypal_express"),
];

/// Whether the method's `canVoid` holds for this payment: braintree's `CanVoidHandler`
/// (PayPal_Braintree 4.x) while nothing is paid or less than was authorized; any other method
/// that can void, always.
pub fn can_void_authorization(method: Method, payment: &crate::db::model::OrderPayment) -> bool {
    if method.code != "braintree" {
        return method.can_void;
    }
    let paid = payment.amount_paid.unwrap_or_default();
    paid == Amount::ZERO || paid < payment.amount_authorized.unwrap_or_default()
}

/// Why the emulated gateway refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Decline {
    #[error("Processor Declined ({0})")]
    ProcessorDeclined(String),
    #[error("Failed ({0})")]
    Failed(String),
    #[error("Gateway Rejected")]
    GatewayRejected,
    #[error("Settlement Declined ({0}): Transaction can only be voided if status is authorized, submitted_for_settlement, or - for PayPal - settlement_pending.")]
    SettlementDeclined(String),
}

/// The emulated gateway's answer to an authorization or a capture of `base_amount`, by
/// Braintree's sandbox amounts: 2000.00-2999.99 processor declined, 3000.00-3000.99 failed,
/// 5001.00 gateway rejected, anything else accepted with a new transaction id (8 characters for
/// braintree, 17 for paypal_express, as their ids look). A test rehearses a decline by invoicing
/// such a total.
pub fn gateway_capture(
    method: Method,
    base_amount: Amount,
) -> std::result::Result<String, Decline> {
    sandbox_response(base_amount)?;
    if base_amount.decimal() == Decimal::new(5001, 0) {
        return Err(Decline::GatewayRejected);
    }
    Ok(transaction_id(method))
}

/// The emulated gateway's answer to an online refund of `base_amount` (the credit memo's base
/// grand total): declined at Braintree's processor-declined and failed amounts, as refund
/// authorizations are.
pub fn gateway_refund(base_amount: Amount) -> std::result::Result<(), Decline> {
    sandbox_response(base_amount)
}

/// The emulated gateway's answer to a void of the transaction behind an invoice of
/// `base_amount`: refused at 4001.00-4001.99, the amounts whose settlement the sandbox declines
/// (a settlement-declined transaction can no longer be voided).
pub fn gateway_void(base_amount: Amount) -> std::result::Result<(), Decline> {
    let amount = base_amount.decimal();
    if amount >= Decimal::new(4001, 0) && amount < Decimal::new(4002, 0) {
        return Err(Decline::SettlementDeclined(base_amount.to_string()));
    }
    Ok(())
}

/// The processor's answer by amount: 2000.00-2999.99 declined with the amount as its response
/// code, 3000.00-3000.99 failed.
fn sandbox_response(base_amount: Amount) -> std::result::Result<(), Decline> {
    let amount = base_amount.decimal();
    let shown = base_amount.to_string();
    if amount >= Decimal::new(2000, 0) && amount < Decimal::new(3000, 0) {
        return Err(Decline::ProcessorDeclined(shown));
    }
    if amount >= Decimal::new(3000, 0) && amount < Decimal::new(3001, 0) {
        return Err(Decline::Failed(shown));
    }
    Ok(())
}

/// A new gateway transaction id: 8 lowercase characters for braintree, 17 uppercase ones for
/// paypal_express, as their ids look.
pub fn transaction_id(method: Method) -> String {
    match method.code {
        "paypal_express" => Alphanumeric
            .sample_string(&mut rand::rng(), 17)
            .to_uppercase(),
        _ => Alphanumeric
            .sample_string(&mut rand::rng(), 8)
            .to_lowercase(),
    }
}

/// The method of a payment code.
pub fn method(code: &str) -> Method {
    METHODS
        .iter()
        .copied()
        .find(|m| m.code == code)
        .unwrap_or(offline("unknown"))
}

/// `TransactionRepositoryInterface::get`: the transaction and its children.
pub async fn get_transaction(db: &Db, id: i64) -> Result<(Transaction, Vec<Transaction>)> {
    crate::sales::get_document(db, id, db::transactions::load_with_children).await
}

/// `TransactionRepositoryInterface::getList`: one page of transactions, each with its
/// children, and the count of all matches.
pub async fn list_transactions(
    db: &Db,
    criteria: &SearchCriteria,
) -> Result<(Vec<(Transaction, Vec<Transaction>)>, i64)> {
    let mut conn = db.read.acquire().await?;
    db::transactions::list(&mut conn, criteria).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(s: &str) -> Amount {
        Amount::from(s.parse::<Decimal>().expect("decimal"))
    }

    #[test]
    fn the_sandbox_amounts_decide_each_operation() {
        let braintree = method("braintree");
        assert!(gateway_capture(braintree, amount("1999.99")).is_ok());
        assert_eq!(
            gateway_capture(braintree, amount("2000")),
            Err(Decline::ProcessorDeclined("2000".into()))
        );
        assert!(matches!(
            gateway_capture(braintree, amount("3000.99")),
            Err(Decline::Failed(_))
        ));
        assert!(gateway_capture(braintree, amount("3001")).is_ok());
        assert_eq!(
            gateway_capture(braintree, amount("5001")),
            Err(Decline::GatewayRejected)
        );
        assert!(gateway_refund(amount("5001")).is_ok());
        assert!(gateway_refund(amount("2999.99")).is_err());
        assert!(gateway_refund(amount("3001")).is_ok());
        assert!(gateway_void(amount("4000.99")).is_ok());
        assert!(gateway_void(amount("4001")).is_err());
        assert!(gateway_void(amount("4001.99")).is_err());
        assert!(gateway_void(amount("4002")).is_ok());
        assert!(gateway_capture(braintree, amount("4001.5")).is_ok());
    }
}
