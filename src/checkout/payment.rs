//! Payment at order placement (checkout.md 7.3, 8.4): which methods a cart is offered, and what
//! an online method (braintree, paypal_express) does when the order is placed.
//!
//! Which methods (`PaymentMethodManagement::getList` → `Payment/Model/MethodList` →
//! `Payment/Helper/Data::getStoreMethods`): the methods whose `payment/<code>/active` is set,
//! sorted by `sort_order`; none of these sets one, so they keep the merged config's order:
//! Magento_OfflinePayments' methods, then Magento_Paypal's `paypal_express`, then
//! `braintree` (Magento_Braintree sequences after Magento_Paypal in its `etc/module.xml`).
//! The tutorial's store has checkmo and banktransfer on; the online ones ship inactive
//! (Braintree's `etc/config.xml`: `active` 0; PayPal needs API credentials,
//! `Paypal/Model/Config::isMethodAvailable`), so magemu offers them only when started with
//! `--online-payment-methods` (`MAGEMU_ONLINE_PAYMENT_METHODS`): the tutorial's documented
//! replies list checkmo and banktransfer, and stay as they are by default. Titles: Braintree's
//! `Credit Card`, PayPal's `PayPal Express Checkout` (their `etc/config.xml`).
//!
//! Placing the order (module-sales 2.4.8-p1 `Model/Order/Payment::place` and `processAction`):
//! an offline method has no payment action (state `new`, status `pending`). An online method's
//! `getConfigPaymentAction()` (`Payment/Model/Method/Adapter` for braintree,
//! `Paypal/Model/Express` for paypal_express; neither needs `isInitializeNeeded`):
//! - `authorize` → `Payment::authorize(true, base_total_due)` (`Operations/AuthorizeOperation`):
//!   `base_amount_authorized`, the gateway's authorization, `State/AuthorizeCommand` (state and
//!   status `processing`, the method's `order_status`), the transaction builder's
//!   `authorization` with the gateway's id, open (Braintree's `TransactionIdHandler`:
//!   `shouldCloseTransaction()` false), `last_trans_id`, and the history entry `Authorized
//!   amount of $X. Transaction ID: "..."` (entity `order`, no notification flag); then
//!   `amount_authorized` = total due. Braintree's `PaymentDetailsHandler` also sets
//!   `cc_trans_id` to the transaction id.
//! - `authorize_capture` → `amount_authorized` and `base_amount_authorized` = the totals due,
//!   then `capture(null)` (braintree's Adapter has no `can_sale`, Express is no
//!   `SaleOperationInterface`): `Operations/CaptureOperation` → `AbstractOperation::invoice`,
//!   i.e. `prepareInvoice()->register()` and `capture()` through the gateway
//!   (`ProcessInvoiceOperation`, `State/CaptureCommand`: `Captured amount of $X online.`) and
//!   `pay()`; see `sales::invoice::invoice_at_placement`.
//!
//! `updateOrder` then adds nothing: the operation already set the state and status it keeps.
//!
//! What the gateways want and how they refuse (Braintree 4.0.10, `Gateway/Command/GatewayCommand`
//! with `Validator/ResponseValidator`; PayPal `Model/Api/Nvp::_handleCallErrors`):
//! - braintree sends `additional_data.payment_method_nonce` (`Observer/DataAssignObserver`,
//!   `Request/PaymentDataBuilder`); any non-empty nonce is a valid sandbox card here (Braintree's
//!   `fake-valid-nonce`). Without one the API's validation error 91508 `Cannot determine payment
//!   method.`. A refused result is `Your payment could not be taken. Please try again or use a
//!   different payment method. %1` with the result's message, by the sandbox's amounts (its
//!   "Testing" reference): 2000.00-2999.99 processor declined with the response code equal to
//!   the amount, whose text is the message (2000 `Do Not Honor`, ...); 3000.00-3000.99 failed
//!   (`Processor Network Unavailable - Try Again`); 5001.00 gateway rejected
//!   (`Gateway Rejected: application_incomplete`).
//! - paypal_express sends `additional_data.paypal_express_checkout_token` (`Express::assignData`
//!   copies `additional_data` into the payment; `_placeOrder` sends it as `TOKEN`), the token
//!   PayPal's SetExpressCheckout gave (`EC-...`); any non-empty token is accepted. Without one
//!   `PayPal gateway has rejected request. Express Checkout token is missing (#10408: Missing
//!   token).`. PayPal's sandbox has no amounts that decline: any total is authorized.
//!
//! The refusal is a `LocalizedException` (`CommandException`): `QuoteManagement::submitQuote`
//! re-throws it and `PaymentInformationManagement::savePaymentInformationAndPlaceOrder` wraps it
//! in `CouldNotSaveException(__($e->getMessage()))`, so both `payment-information` and
//! `PUT .../order` answer 400 with the text and no parameters. magemu writes nothing then (the
//! call is one writer transaction). Magento keeps a few traces: what `savePaymentInformation`
//! saved before placing (the cart's payment method, a posted billing address), the order
//! sequence value `reserveOrderId` took, and MSI's `order_placed` reservations with their
//! compensating `order_place_failed` ones (which cancel out).
//!
//! Not emulated: the card details Braintree's `CardDetailsHandler` writes (`cc_last4`, `cc_type`,
//! `cc_exp_*`) and its processor fields in `additional_information`, the vault, 3-D Secure,
//! fraud review (`payment_review`).

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::config::{Config, OnlineMethod, PaymentAction};
use crate::db;
use crate::db::model::{Order, OrderPayment, Transaction};
use crate::error::{self as e, Error, Phrase, Result};
use crate::sales::payment::{self as gateway, Decline, Method};
use crate::sales::{creditmemo_totals, state};

use super::totals;

/// Braintree's `GatewayCommand::getExceptionMessage` (argument: the result's message).
pub const PAYMENT_NOT_TAKEN: &str =
    "Your payment could not be taken. Please try again or use a different payment method. %1";
/// Braintree API validation error 91508: a sale without a payment method nonce.
pub const NO_PAYMENT_METHOD: &str = "Cannot determine payment method.";
/// PayPal NVP error 10408 through `Nvp::_formatErrorMessage`.
pub const PAYPAL_TOKEN_MISSING: &str =
    "PayPal gateway has rejected request. Express Checkout token is missing (#10408: Missing token).";
/// Braintree's sandbox result message for a failed authorization (amounts 3000.00-3000.99).
pub const PROCESSOR_UNAVAILABLE: &str = "Processor Network Unavailable - Try Again";
/// Braintree's sandbox result message for a gateway rejection (amount 5001.00).
pub const GATEWAY_REJECTED: &str = "Gateway Rejected: application_incomplete";

/// `additional_data` keys the gateways read.
pub const NONCE_KEY: &str = "payment_method_nonce";
pub const PAYPAL_TOKEN_KEY: &str = "paypal_express_checkout_token";

/// The online methods in the order `getList` gives them, with their titles.
pub const ONLINE_METHODS: &[(&str, &str)] = &[
    ("paypal_express", "PayPal Express Checkout"),
    ("braintree", "Credit Card"),
];

/// Braintree's processor response texts for declines (the sandbox answers the code equal to
/// the amount); a code not listed here is answered as 2038's `Processor Declined`.
const PROCESSOR_DECLINES: &[(i64, &str)] = &[
    (2000, "Do Not Honor"),
    (2001, "Insufficient Funds"),
    (2002, "Limit Exceeded"),
    (2003, "Cardholder's Activity Limit Exceeded"),
    (2004, "Expired Card"),
    (2005, "Invalid Credit Card Number"),
    (2006, "Invalid Expiration Date"),
    (2007, "No Account"),
    (2008, "Card Account Length Error"),
    (2009, "No Such Issuer"),
    (2010, "Card Issuer Declined CVV"),
    (2011, "Voice Authorization Required"),
    (2012, "Processor Declined - Possible Lost Card"),
    (2013, "Processor Declined - Possible Stolen Card"),
    (2014, "Processor Declined - Fraud Suspected"),
    (2015, "Transaction Not Allowed"),
    (2016, "Duplicate Transaction"),
    (2038, "Processor Declined"),
    (2046, "Declined"),
];

/// The store's payment configuration: which online methods are active, with their payment
/// action (`None`: inactive).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Gateways {
    pub braintree: Option<PaymentAction>,
    pub paypal_express: Option<PaymentAction>,
}

impl Gateways {
    /// The settings `--online-payment-methods` and `--*-payment-action` give.
    pub fn from_config(config: &Config) -> Gateways {
        let active = |m| config.online_payment_methods.contains(&m);
        Gateways {
            braintree: active(OnlineMethod::Braintree).then_some(config.braintree_payment_action),
            paypal_express: active(OnlineMethod::PaypalExpress)
                .then_some(config.paypal_express_payment_action),
        }
    }

    /// The payment action of an active online method.
    fn action(&self, code: &str) -> Option<PaymentAction> {
        match code {
            "braintree" => self.braintree,
            "paypal_express" => self.paypal_express,
            _ => None,
        }
    }

    /// `PaymentMethodManagement::getList`: code and title of each active method, in order.
    pub fn available(&self) -> Vec<(&'static str, &'static str)> {
        totals::PAYMENT_METHODS
            .iter()
            .copied()
            .chain(
                ONLINE_METHODS
                    .iter()
                    .copied()
                    .filter(|(code, _)| self.action(code).is_some()),
            )
            .collect()
    }

    /// Whether `code` is one of [`Gateways::available`].
    pub fn is_available(&self, code: &str) -> bool {
        self.available().iter().any(|(c, _)| *c == code)
    }
}

/// The title of a method (`payment/<code>/title`), `""` for an unknown one.
pub fn title(code: &str) -> &'static str {
    totals::PAYMENT_METHODS
        .iter()
        .chain(ONLINE_METHODS)
        .find(|(c, _)| *c == code)
        .map_or("", |(_, t)| *t)
}

/// `PaymentInterface` as posted: the method and its `additional_data`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaymentInput {
    pub method: String,
    pub additional_data: Vec<(String, String)>,
}

impl PaymentInput {
    /// The method alone, without additional data (the cart's saved method).
    pub fn method(method: String) -> PaymentInput {
        PaymentInput {
            method,
            additional_data: Vec::new(),
        }
    }

    /// A non-empty `additional_data` value.
    fn data(&self, key: &str) -> Option<&str> {
        self.additional_data
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }
}

/// What the gateway answered before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// An offline method: nothing to ask, nothing to record.
    Offline,
    /// An online method that authorized (and, with `authorize_capture`, captured) the total.
    Online {
        method: Method,
        action: PaymentAction,
        txn_id: String,
    },
}

/// The gateway's answer to the placement of an order of `base_amount` (its base grand total)
/// paid with `input`, on a store configured as `gateways`: the refusal Magento answers, or
/// the transaction id.
pub fn ask_gateway(
    gateways: &Gateways,
    input: &PaymentInput,
    base_amount: Amount,
) -> Result<Placement> {
    let Some(action) = gateways.action(&input.method) else {
        return Ok(Placement::Offline);
    };
    let method = gateway::method(&input.method);
    let refused = |message: &str| {
        Error::input(Phrase::positional(PAYMENT_NOT_TAKEN, vec![message.to_owned()]).render())
    };
    let txn_id = match method.code {
        "paypal_express" => {
            if input.data(PAYPAL_TOKEN_KEY).is_none() {
                return Err(Error::input(PAYPAL_TOKEN_MISSING));
            }
            gateway::transaction_id(method)
        }
        _ => {
            if input.data(NONCE_KEY).is_none() {
                return Err(refused(NO_PAYMENT_METHOD));
            }
            gateway::gateway_capture(method, base_amount).map_err(|decline| {
                tracing::warn!(%decline, "the gateway refused the authorization");
                refused(&decline_message(&decline, base_amount))
            })?
        }
    };
    Ok(Placement::Online {
        method,
        action,
        txn_id,
    })
}

/// The message of Braintree's result for a sandbox decline of `amount`.
fn decline_message(decline: &Decline, amount: Amount) -> String {
    match decline {
        Decline::ProcessorDeclined(_) => {
            let code = amount.decimal().trunc().try_into().unwrap_or(2038_i64);
            PROCESSOR_DECLINES
                .iter()
                .find(|(c, _)| *c == code)
                .map_or("Processor Declined", |(_, text)| text)
                .to_owned()
        }
        Decline::Failed(_) => PROCESSOR_UNAVAILABLE.to_owned(),
        Decline::GatewayRejected => GATEWAY_REJECTED.to_owned(),
        // Only a void meets a settlement decline; placement never voids.
        Decline::SettlementDeclined(_) => decline.to_string(),
    }
}

/// `Payment::place` on the order checkout has just saved, inside its transaction: the
/// authorization (or the invoice and its capture) the gateway answered in [`ask_gateway`].
pub async fn record(
    conn: &mut SqliteConnection,
    order_id: i64,
    placement: Placement,
) -> Result<()> {
    let Placement::Online {
        method,
        action,
        txn_id,
    } = placement
    else {
        return Ok(());
    };
    let mut order: Order = sqlx::query_as("SELECT * FROM sales_order WHERE entity_id = ?")
        .bind(order_id)
        .fetch_one(&mut *conn)
        .await?;
    let mut payment: OrderPayment =
        sqlx::query_as("SELECT * FROM sales_order_payment WHERE parent_id = ?")
            .bind(order_id)
            .fetch_one(&mut *conn)
            .await?;
    let now = db::now_timestamp();
    // Nothing is paid yet: the totals due are the grand totals.
    payment.amount_authorized = order.grand_total;
    payment.base_amount_authorized = order.base_grand_total;
    if method.code == "braintree" {
        payment.cc_trans_id = Some(txn_id.clone());
    }
    order.state = Some(state::PROCESSING.to_owned());
    order.status = Some(state::default_status(state::PROCESSING).to_owned());
    order.updated_at = now.clone();
    if action == PaymentAction::AuthorizeCapture {
        db::update(&mut *conn, "sales_order", "entity_id", &order).await?;
        db::update(&mut *conn, "sales_order_payment", "entity_id", &payment).await?;
        crate::sales::invoice::invoice_at_placement(conn, order_id, txn_id).await?;
        return Ok(());
    }
    payment.last_trans_id = Some(txn_id.clone());
    let authorization = Transaction {
        order_id,
        payment_id: payment.entity_id,
        txn_id: Some(txn_id.clone()),
        txn_type: Some("authorization".into()),
        is_closed: 0,
        created_at: now.clone(),
        ..Default::default()
    };
    db::insert(
        &mut *conn,
        "sales_payment_transaction",
        "transaction_id",
        &authorization,
    )
    .await?;
    let amount = order.base_grand_total.unwrap_or_default();
    let shown =
        creditmemo_totals::format_currency(order.base_currency_code.as_deref(), amount.decimal());
    let comment = Phrase::positional(e::AUTHORIZED_ONLINE, vec![shown, txn_id]).render();
    db::comments::add_order_comment(conn, order_id, comment, order.status.clone(), None, &now)
        .await?;
    db::update(&mut *conn, "sales_order", "entity_id", &order).await?;
    db::update(&mut *conn, "sales_order_payment", "entity_id", &payment).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn braintree() -> Gateways {
        Gateways {
            braintree: Some(PaymentAction::Authorize),
            paypal_express: None,
        }
    }

    fn pay(method: &str, data: &[(&str, &str)]) -> PaymentInput {
        PaymentInput {
            method: method.into(),
            additional_data: data
                .iter()
                .map(|(k, v)| ((*k).into(), (*v).into()))
                .collect(),
        }
    }

    fn refusal(g: &Gateways, input: &PaymentInput, amount: &str) -> String {
        let amount = Amount::new(amount.parse().expect("amount"));
        match ask_gateway(g, input, amount) {
            Err(err) => err.body()["message"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            Ok(p) => format!("{p:?}"),
        }
    }

    #[test]
    fn methods_by_configuration() {
        let codes = |g: Gateways| -> Vec<&str> { g.available().iter().map(|m| m.0).collect() };
        assert_eq!(codes(Gateways::default()), ["checkmo", "banktransfer"]);
        let both = Gateways {
            braintree: Some(PaymentAction::AuthorizeCapture),
            paypal_express: Some(PaymentAction::Authorize),
        };
        assert_eq!(
            codes(both),
            ["checkmo", "banktransfer", "paypal_express", "braintree"]
        );
        assert!(!Gateways::default().is_available("braintree"));
        assert_eq!(title("braintree"), "Credit Card");
        assert_eq!(title("checkmo"), "Check / Money order");
    }

    #[test]
    fn sandbox_answers() {
        let g = braintree();
        let card = pay("braintree", &[(NONCE_KEY, "fake-valid-nonce")]);
        let taken =
            "Your payment could not be taken. Please try again or use a different payment method.";
        for (amount, message) in [
            ("2000", "Do Not Honor"),
            ("2001.5", "Insufficient Funds"),
            ("2500", "Processor Declined"),
            ("3000.99", PROCESSOR_UNAVAILABLE),
            ("5001", GATEWAY_REJECTED),
        ] {
            assert_eq!(
                refusal(&g, &card, amount),
                format!("{taken} {message}"),
                "{amount}"
            );
        }
        assert_eq!(
            refusal(&g, &pay("braintree", &[(NONCE_KEY, "")]), "10"),
            format!("{taken} {NO_PAYMENT_METHOD}")
        );
        let Ok(Placement::Online { txn_id, .. }) = ask_gateway(&g, &card, Amount::new(1999.into()))
        else {
            panic!("authorized");
        };
        assert_eq!(txn_id.len(), 8);
        assert!(matches!(
            ask_gateway(&g, &pay("checkmo", &[]), Amount::new(2500.into())),
            Ok(Placement::Offline)
        ));
        let paypal = Gateways {
            braintree: None,
            paypal_express: Some(PaymentAction::Authorize),
        };
        assert_eq!(
            refusal(&paypal, &pay("paypal_express", &[]), "10"),
            PAYPAL_TOKEN_MISSING
        );
        assert!(ask_gateway(
            &paypal,
            &pay("paypal_express", &[(PAYPAL_TOKEN_KEY, "EC-1")]),
            Amount::new(2500.into())
        )
        .is_ok());
    }
}
