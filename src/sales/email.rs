//! The sales e-mails: which template Magento picks, to whom it goes, and when. magemu sends
//! nothing; it records each e-mail in the outbox (`db::outbox`, `GET /magemu/outbox`) inside
//! the transaction of the use case that sends it.
//!
//! Read from module-sales 2.4.8-p1:
//! - `etc/config.xml` `sales_email/<section>`: every section enabled, `template`
//!   `sales_email_<section>_template`, `guest_template` `sales_email_<section>_guest_template`;
//!   `sales_email/general/async_sending` 0 (sent at once, not by cron).
//! - `Model/Order/Email/Sender.php::prepareTemplate`: a guest order
//!   (`customer_is_guest`) takes the guest template and the billing address's name
//!   (`Order/Address::getName`: prefix, first, middle, last name, suffix, each when set); any
//!   other order the registered template and `Order::getCustomerName` ("Guest" without a first
//!   name; the prefix and suffix show, as `customer/address/prefix_show` and `suffix_show` are
//!   unset, which is not `Nooptreq::VALUE_NO`; the middle name does not, `middlename_show`
//!   being unset). The address is the order's `customer_email`; the store is the order's.
//! - When: `Order/Invoice|Shipment|Creditmemo/Sender/EmailSender.php` after `InvoiceOrder`,
//!   `ShipOrder`, `RefundOrder`, `RefundInvoice` with `notify` (the comment passed when
//!   `appendComment` too); `OrderNotifier`/`InvoiceNotifier`/... (`POST .../emails`) through
//!   `OrderSender`/`InvoiceSender`/... (these pass the document's `customer_note` when its
//!   `customer_note_notify` is set); `OrderService::addComment` (the comment
//!   `trim(strip_tags())`ed) and the comment repositories' `save` through the `*CommentSender`s (`NotifySender::checkAndSend`), which mail the
//!   customer only when `is_customer_notified` is set (copies aside: `copy_to` is empty);
//!   module-quote `Observer/SubmitObserver.php` after a checkout places an order (REST and
//!   storefront areas; no payment here redirects). The repositories' saves (`POST /V1/orders`,
//!   `/V1/invoices`, `/V1/shipment`, `/V1/creditmemo`) send nothing.
//! - An order without an e-mail address: Magento's transport refuses the empty recipient
//!   (caught and logged by `Sender::checkAndSend`); magemu records no e-mail (the document's
//!   `email_sent` is left as for a sent one: a corner not modelled).

use sqlx::SqliteConnection;

use crate::db;
use crate::db::outbox::{self, Mail, OrderRecipient};

/// The sales e-mails, by their `sales_email` section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SalesEmail {
    Order,
    OrderComment,
    Invoice,
    InvoiceComment,
    Shipment,
    ShipmentComment,
    Creditmemo,
    CreditmemoComment,
    /// In-Store Pickup's "ready for pickup" (module-inventory-in-store-pickup-sales
    /// `Model/Order/Email/Container/ReadyForPickupIdentity.php`, `sales_email/order_ready_for_pickup`).
    OrderReadyForPickup,
}

impl SalesEmail {
    /// The template id (`sales_email/<section>/template` or `guest_template`).
    pub fn template(self, guest: bool) -> &'static str {
        use SalesEmail::*;
        match (self, guest) {
            (Order, false) => "sales_email_order_template",
            (Order, true) => "sales_email_order_guest_template",
            (OrderComment, false) => "sales_email_order_comment_template",
            (OrderComment, true) => "sales_email_order_comment_guest_template",
            (Invoice, false) => "sales_email_invoice_template",
            (Invoice, true) => "sales_email_invoice_guest_template",
            (InvoiceComment, false) => "sales_email_invoice_comment_template",
            (InvoiceComment, true) => "sales_email_invoice_comment_guest_template",
            (Shipment, false) => "sales_email_shipment_template",
            (Shipment, true) => "sales_email_shipment_guest_template",
            (ShipmentComment, false) => "sales_email_shipment_comment_template",
            (ShipmentComment, true) => "sales_email_shipment_comment_guest_template",
            (Creditmemo, false) => "sales_email_creditmemo_template",
            (Creditmemo, true) => "sales_email_creditmemo_guest_template",
            (CreditmemoComment, false) => "sales_email_creditmemo_comment_template",
            (CreditmemoComment, true) => "sales_email_creditmemo_comment_guest_template",
            (OrderReadyForPickup, false) => "sales_email_order_ready_for_pickup_template",
            (OrderReadyForPickup, true) => "sales_email_order_ready_for_pickup_guest_template",
        }
    }

    /// What the e-mail is about: `order`, `invoice`, `shipment` or `creditmemo`.
    pub fn entity_type(self) -> &'static str {
        use SalesEmail::*;
        match self {
            Order | OrderComment | OrderReadyForPickup => "order",
            Invoice | InvoiceComment => "invoice",
            Shipment | ShipmentComment => "shipment",
            Creditmemo | CreditmemoComment => "creditmemo",
        }
    }

    fn table(self) -> &'static str {
        use SalesEmail::*;
        match self {
            Order | OrderComment | OrderReadyForPickup => "sales_order",
            Invoice | InvoiceComment => "sales_invoice",
            Shipment | ShipmentComment => "sales_shipment",
            Creditmemo | CreditmemoComment => "sales_creditmemo",
        }
    }
}

/// Sends `email` about the order or document `entity_id` to its order's customer (records it in
/// the outbox), with `comment` as the template's comment; whether it went out (false: no such
/// document, or its order has no e-mail address).
pub async fn send(
    conn: &mut SqliteConnection,
    email: SalesEmail,
    entity_id: i64,
    comment: Option<String>,
) -> Result<bool, sqlx::Error> {
    let Some((order_id, increment_id)) = outbox::document(conn, email.table(), entity_id).await?
    else {
        return Ok(false);
    };
    let Some(order) = outbox::order_recipient(conn, order_id).await? else {
        return Ok(false);
    };
    let document = Document {
        entity_id,
        increment_id,
        order_id,
    };
    let Some(mail) = compose(email, &order, document, comment) else {
        return Ok(false);
    };
    outbox::insert(conn, &mail).await?;
    Ok(true)
}

/// The document a sales e-mail is about.
pub struct Document {
    pub entity_id: i64,
    pub increment_id: Option<String>,
    pub order_id: i64,
}

/// The e-mail `email` about `document` to the customer of `order` (`None`: the order has no
/// e-mail address, so nothing goes out), for a use case that writes it with its own statements.
pub fn compose(
    email: SalesEmail,
    order: &OrderRecipient,
    document: Document,
    comment: Option<String>,
) -> Option<Mail> {
    let to_email = order.customer_email.clone().filter(|e| !e.is_empty())?;
    let guest = order.customer_is_guest.is_some_and(|g| g != 0);
    Some(Mail {
        mail_id: 0,
        created_at: db::now_timestamp(),
        template_id: email.template(guest).to_owned(),
        to_email,
        to_name: Some(recipient_name(order, guest)),
        store_id: Some(order.store_id),
        entity_type: email.entity_type().to_owned(),
        entity_id: document.entity_id,
        increment_id: document.increment_id,
        order_id: Some(document.order_id),
        comment: comment.filter(|c| !c.is_empty()),
        link: None,
    })
}

/// `Sender::prepareTemplate`'s customer name: the billing address's for a guest, else the
/// order's customer name.
fn recipient_name(o: &OrderRecipient, guest: bool) -> String {
    let set = |v: &Option<String>| v.clone().filter(|s| !s.is_empty() && s != "0");
    if guest {
        // Order/Address::getName.
        let mut name = String::new();
        if let Some(prefix) = set(&o.billing_prefix) {
            name.push_str(&prefix);
            name.push(' ');
        }
        name.push_str(o.billing_firstname.as_deref().unwrap_or_default());
        if let Some(middle) = set(&o.billing_middlename) {
            name.push(' ');
            name.push_str(&middle);
        }
        name.push(' ');
        name.push_str(o.billing_lastname.as_deref().unwrap_or_default());
        if let Some(suffix) = set(&o.billing_suffix) {
            name.push(' ');
            name.push_str(&suffix);
        }
        return name;
    }
    // Order::getCustomerName.
    let Some(first) = &o.customer_firstname else {
        return "Guest".to_owned();
    };
    let mut name = String::new();
    if let Some(prefix) = o.customer_prefix.as_ref().filter(|p| !p.is_empty()) {
        name.push_str(prefix);
        name.push(' ');
    }
    name.push_str(first);
    name.push(' ');
    name.push_str(o.customer_lastname.as_deref().unwrap_or_default());
    if let Some(suffix) = o.customer_suffix.as_ref().filter(|s| !s.is_empty()) {
        name.push(' ');
        name.push_str(suffix);
    }
    name
}

/// The comment an order comment's e-mail carries (`OrderService::addComment`:
/// `trim(strip_tags($comment))`).
pub fn order_comment_text(comment: Option<&str>) -> Option<String> {
    let comment = comment?;
    let mut text = String::with_capacity(comment.len());
    let mut in_tag = false;
    for c in comment.chars() {
        match (in_tag, c) {
            (false, '<') => in_tag = true,
            (true, '>') => in_tag = false,
            (false, c) => text.push(c),
            (true, _) => {}
        }
    }
    Some(text.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order() -> OrderRecipient {
        OrderRecipient {
            store_id: 1,
            customer_email: Some("roni_cost@example.com".into()),
            customer_firstname: Some("Veronica".into()),
            customer_middlename: Some("M".into()),
            customer_lastname: Some("Costello".into()),
            billing_firstname: Some("Ann".into()),
            billing_middlename: Some("B".into()),
            billing_lastname: Some("Lee".into()),
            ..Default::default()
        }
    }

    #[test]
    fn names_as_the_senders_write_them() {
        let mut o = order();
        assert_eq!(recipient_name(&o, false), "Veronica Costello");
        assert_eq!(recipient_name(&o, true), "Ann B Lee");
        o.customer_prefix = Some("Dr.".into());
        o.customer_suffix = Some("Jr.".into());
        o.billing_prefix = Some("Ms.".into());
        o.billing_suffix = Some("".into());
        assert_eq!(recipient_name(&o, false), "Dr. Veronica Costello Jr.");
        assert_eq!(recipient_name(&o, true), "Ms. Ann B Lee");
        o.customer_firstname = None;
        assert_eq!(recipient_name(&o, false), "Guest");
    }

    #[test]
    fn templates_by_section_and_guest() {
        assert_eq!(
            SalesEmail::Invoice.template(false),
            "sales_email_invoice_template"
        );
        assert_eq!(
            SalesEmail::ShipmentComment.template(true),
            "sales_email_shipment_comment_guest_template"
        );
        assert_eq!(SalesEmail::CreditmemoComment.entity_type(), "creditmemo");
    }

    #[test]
    fn order_comments_lose_their_tags_and_outer_blanks() {
        assert_eq!(
            order_comment_text(Some("  <b>Shipped</b> today <br/> ")),
            Some("Shipped today".into())
        );
        assert_eq!(order_comment_text(None), None);
    }
}
