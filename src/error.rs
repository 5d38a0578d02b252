//! The one error type and every Magento phrase. It knows no HTTP: the web edge
//! (`crate::http::reply`) gives each variant Magento's status and this body.
//!
//! Body shape (lib/internal/Magento/Framework/Webapi/Rest/Response.php::_renderMessages and
//! ErrorProcessor::maskException): `message` (raw phrase, placeholders kept), then `errors` for
//! aggregated input exceptions, then `parameters` (a list for `%1`, an object for `%name`), never
//! a trace (production mode).

use serde_json::{json, Map, Value};

/// A Magento phrase: raw text plus its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub text: String,
    pub params: Params,
}

/// Phrase arguments, positional (`%1`) or named (`%fieldName`).
#[derive(Debug, Clone, PartialEq)]
pub enum Params {
    None,
    List(Vec<String>),
    /// Positional arguments that keep their JSON type (`__('...%1...', $itemId)` with an int).
    ListValues(Vec<Value>),
    Named(Vec<(String, String)>),
    /// Named arguments that keep their JSON type (an int id prints as a number).
    Values(Vec<(String, Value)>),
}

impl Phrase {
    pub fn plain(text: impl Into<String>) -> Self {
        Phrase {
            text: text.into(),
            params: Params::None,
        }
    }
    pub fn positional(text: impl Into<String>, args: Vec<String>) -> Self {
        Phrase {
            text: text.into(),
            params: Params::List(args),
        }
    }
    pub fn named(text: impl Into<String>, name: &str, value: impl Into<String>) -> Self {
        Phrase {
            text: text.into(),
            params: Params::Named(vec![(name.to_owned(), value.into())]),
        }
    }

    /// The text with its placeholders filled, as `__()` renders it: Magento's
    /// `Phrase\Renderer\Placeholder::render` is one `strtr($text, ['%1' => .., '%name' => ..])`,
    /// a single pass that takes the longest placeholder at each point and never looks again at
    /// what it put in (an argument holding `%1` stays `%1`).
    pub fn render(&self) -> String {
        let pairs: Vec<(String, String)> = match &self.params {
            Params::None => return self.text.clone(),
            Params::List(args) => args
                .iter()
                .enumerate()
                .map(|(i, arg)| (format!("%{}", i + 1), arg.clone()))
                .collect(),
            Params::ListValues(args) => args
                .iter()
                .enumerate()
                .map(|(i, arg)| (format!("%{}", i + 1), shown(arg)))
                .collect(),
            Params::Named(args) => args
                .iter()
                .map(|(name, arg)| (format!("%{name}"), arg.clone()))
                .collect(),
            Params::Values(args) => args
                .iter()
                .map(|(name, arg)| (format!("%{name}"), shown(arg)))
                .collect(),
        };
        strtr(&self.text, &pairs)
    }

    /// The `parameters` of the body: a list for `%1`, an object for `%name`.
    pub fn params_json(&self) -> Value {
        match &self.params {
            Params::None => json!([]),
            Params::List(args) => json!(args),
            Params::ListValues(args) => Value::Array(args.clone()),
            Params::Named(args) => {
                let map: Map<String, Value> = args
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                    .collect();
                Value::Object(map)
            }
            Params::Values(args) => Value::Object(args.iter().cloned().collect()),
        }
    }

    /// A phrase with positional arguments of any JSON type.
    pub fn positional_values(text: impl Into<String>, args: Vec<Value>) -> Self {
        Phrase {
            text: text.into(),
            params: Params::ListValues(args),
        }
    }

    /// A phrase with named arguments of any JSON type.
    /// `Invalid value of "%value" provided for the %fieldName field.` with the value escaped
    /// as the address validators (`Validator\Country`) escape it ([`html_escape`]).
    pub fn invalid_escaped(field: &str, value: &str) -> Self {
        Phrase::values(
            INVALID_FIELD_VALUE,
            vec![
                ("fieldName", field.into()),
                ("value", html_escape(value).into()),
            ],
        )
    }

    pub fn values(text: impl Into<String>, args: Vec<(&str, Value)>) -> Self {
        Phrase {
            text: text.into(),
            params: Params::Values(args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()),
        }
    }
}

/// Every failure a request can meet.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// 404 from `Rest/Router::match`.
    #[error("no route")]
    NoRoute,
    /// 401 from `RequestValidator::checkPermissions`: the route's ACL resources.
    #[error("unauthorized for {0}")]
    Unauthorized(&'static str),
    /// 401 `AuthenticationException` (admin sign-in).
    #[error("authentication failed")]
    Authentication,
    /// 401 `AuthenticationException` of a phrase of its own (`InvalidEmailOrPasswordException`,
    /// `UserLockedException`).
    #[error("authentication: {}", .0.text)]
    AuthenticationPhrase(Phrase),
    /// 404 `NoSuchEntityException`.
    #[error("not found: {}", .0.text)]
    NotFound(Phrase),
    /// 400 `LocalizedException` (InputException, DocumentValidationException, ...).
    #[error("input: {}", .0.text)]
    Input(Phrase),
    /// 400 `Validator\Exception` from `QuoteValidator::validateBeforeSubmit` (a placement the
    /// quote's validation rules refuse): an input error that also sets the header
    /// `errorRedirectAction: #shipping` (2.4.8's `Quote\Plugin\Webapi\Model\ErrorRedirectProcessor`
    /// around `validateBeforeSubmit`, `Quote/etc/webapi_rest/di.xml`; the header stays when
    /// payment-information re-throws the message as a `CouldNotSaveException`). Magento's
    /// checkout page reads it to send the shopper back to the shipping step.
    #[error("quote invalid: {}", .0.text)]
    QuoteInvalid(Phrase),
    /// 400 aggregated `InputException` with two or more errors.
    #[error("input errors")]
    Aggregate(Vec<Phrase>),
    /// 400 `Magento\Framework\Validation\ValidationException`: its own message (MSI's
    /// `Validation Failed`), then every validator error, even a single one.
    #[error("validation: {}", .0.text)]
    Validation(Phrase, Vec<Phrase>),
    /// 413: a body past the size limit (the web server in front of Magento refuses it).
    #[error("request body too large")]
    TooLarge,
    /// 405 from `Webapi\Rest\RequestMethodValidator`: a REST request whose method is none of
    /// GET, POST, PUT and DELETE (HEAD, PATCH, OPTIONS, ...), named in the rendered message.
    #[error("method not supported: {0}")]
    MethodNotSupported(String),
    /// 500: the cause is logged, never shown.
    #[error("internal: {0}")]
    Internal(String),
    /// 500 from `Framework/App/Bootstrap::terminate`: a PHP `\Error` (a call on null, a
    /// TypeError) that no layer of Magento catches, answered in plain text.
    #[error("fatal: {0}")]
    Fatal(String),
    /// 500 from `Webapi/Controller/ErrorProcessor::apiShutdownFunction`: a fatal PHP error no
    /// code can catch (memory exhausted), answered by the shutdown function in its own shape,
    /// `{"messages":{"error":[{"code":500,"message":"Server internal error. ..."}]}}`.
    #[error("shutdown: {0}")]
    Shutdown(String),
    #[error(transparent)]
    Sqlx(sqlx::Error),
}

/// What magemu answers for a figure past its storage ([`crate::amount::OutOfRange`]).
pub const AMOUNT_OUT_OF_RANGE: &str =
    "The \"%value\" amount is more than magemu can store (at most %max).";

impl From<sqlx::Error> for Error {
    /// A database error is the server's (a 500), except a figure past storage: the client's
    /// figures, refused with a 400 that names the limit (the statement that met it failed
    /// before it wrote, and the caller's transaction takes back what came before).
    fn from(err: sqlx::Error) -> Error {
        if let sqlx::Error::Encode(e) = &err {
            if let Some(crate::amount::OutOfRange(value)) = e.downcast_ref() {
                return Error::Input(Phrase::values(
                    AMOUNT_OUT_OF_RANGE,
                    vec![
                        ("value", json!(value.normalize().to_string())),
                        ("max", json!(crate::amount::Amount::max_value().to_string())),
                    ],
                ));
            }
        }
        Error::Sqlx(err)
    }
}

/// `Magento\Framework\Webapi\Exception` 404 text (Rest/Router.php).
/// PHP's `htmlspecialchars($s)` (PHP 8.1 defaults: quotes escaped, `ENT_SUBSTITUTE`), which
/// Magento's validators apply to a value they put in a message; with `double_encode` off, an
/// entity already there (`&amp;`, `&#39;`) is kept as it is.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        match c {
            '&' => {
                let rest = &s[i + 1..];
                let entity = rest.find(';').is_some_and(|end| {
                    let name = &rest[..end];
                    !name.is_empty()
                        && end <= 32
                        && (name.chars().all(|c| c.is_ascii_alphanumeric())
                            || name.strip_prefix('#').is_some_and(|n| {
                                !n.is_empty()
                                    && (n.chars().all(|c| c.is_ascii_digit())
                                        || n.strip_prefix(['x', 'X']).is_some_and(|h| {
                                            !h.is_empty()
                                                && h.chars().all(|c| c.is_ascii_hexdigit())
                                        }))
                            }))
                });
                out.push_str(if entity { "&" } else { "&amp;" });
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#039;"),
            c => out.push(c),
        }
    }
    out
}

/// `Eav\Model\Entity\Collection\AbstractCollection::_addAttributeJoin` for a code no
/// attribute has: a product or customer list filtered on it (400).
pub const INVALID_ATTRIBUTE_NAME: &str =
    "The \"%1\" attribute name is invalid. Reset the name and try again.";

/// [`INVALID_ATTRIBUTE_NAME`] naming `code`.
pub fn invalid_attribute_name(code: &str) -> Error {
    Error::Input(Phrase::positional_values(
        INVALID_ATTRIBUTE_NAME,
        vec![code.into()],
    ))
}

/// An EAV list's filter without a field: Eav's `FilterProcessor` passes `'attribute' => null`,
/// `Eav\Config::getAttribute` finds no attribute coded `''`, and `_addAttributeJoin` throws
/// with the null code as its parameter (printed `[null]`).
pub fn invalid_attribute_name_of(code: Option<&str>) -> Error {
    match code {
        Some(code) => invalid_attribute_name(code),
        None => Error::Input(Phrase::positional_values(
            INVALID_ATTRIBUTE_NAME,
            vec![serde_json::Value::Null],
        )),
    }
}

/// `CountryInformationAcquirer::getCountryInfo`'s `NoSuchEntityException` (404).
pub const COUNTRY_NOT_AVAILABLE: &str = "The country isn't available.";

pub const NO_ROUTE: &str = "Request does not match any route.";
/// `RequestValidator::checkPermissions`.
pub const NOT_AUTHORIZED: &str = "The consumer isn't authorized to access %resources.";
/// `AdminTokenService::createAdminAccessToken` / `RequestThrottler::throttle`.
pub const SIGN_IN_INCORRECT: &str = "The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.";
/// `OrderRepository::get`, `InvoiceRepository::get`: no row.
pub const ENTITY_DOES_NOT_EXIST: &str =
    "The entity that was requested doesn't exist. Verify the entity and try again.";
/// `OrderRepository::get`, `InvoiceRepository::get`: id 0.
pub const ID_REQUIRED: &str = "An ID is needed. Set the ID and try again.";
/// `ServiceInputProcessor`: missing required parameter.
pub const FIELD_REQUIRED: &str = "\"%fieldName\" is required. Enter and try again.";
/// `InputException::invalidFieldValue` and the phrases written out like it.
pub const INVALID_FIELD_VALUE: &str =
    "Invalid value of \"%value\" provided for the %fieldName field.";
/// `ServiceInputProcessor::processInputErrorForNestedSet`.
/// `ServiceInputProcessor::_createFromArray` on a string holding a `<script>` element.
pub const INVALID_VALUE: &str = "\"%field_name\" does not contains valid value.";
pub const FIELD_NOT_SUPPORTED: &str =
    "\"%fieldName\" is not supported. Correct the field name and try again.";
/// `AbstractAggregateException` default message.
pub const INPUT_EXCEPTIONS: &str = "One or more input exceptions have occurred.";
/// `Rest/Request/Deserializer/Json.php` (production mode).
pub const DECODING_ERROR: &str = "Decoding error.";
/// `Rest/Request/DeserializerFactory::get` (rendered, as a Webapi\Exception is).
pub const MEDIA_TYPE_NOT_UNDERSTOOD: &str =
    "Server cannot understand Content-Type HTTP header media type %1";
/// `Rest/Request.php::getContentType`.
pub const CONTENT_TYPE_EMPTY: &str = "Content-Type header is empty.";
pub const CONTENT_TYPE_INVALID: &str = "Content-Type header is invalid.";
pub const UTF8_ONLY: &str = "UTF-8 is the only supported charset.";
/// `ServiceInputProcessor`: a scalar where a list of objects is expected.
pub const NOT_ALL_PARAMETERS_VALID: &str = "Not all parameters valid.";

/// `Service/InvoiceService.php::setInvoiceItemQuantity` (argument: the item name).
pub const INVALID_QTY_TO_INVOICE: &str = "We found an invalid quantity to invoice item \"%1\".";
/// `Model/InvoiceOrder.php`: prefix of the joined validator messages.
pub const INVOICE_VALIDATION_ERRORS: &str = "Invoice Document Validation Error(s):";
/// `Model/Order/InvoiceQuantityValidator.php`.
pub const INVOICE_WITHOUT_PRODUCTS: &str =
    "The invoice can't be created without products. Add products and try again.";
/// `Model/Order/Validation/CanInvoice.php` (argument: the order status; no full stop).
pub const INVOICE_BAD_STATUS: &str =
    "An invoice cannot be created when an order has a status of %1";
/// `Model/Order/Validation/CanInvoice.php`.
pub const ORDER_DOES_NOT_ALLOW_INVOICE: &str = "The order does not allow an invoice to be created.";
/// `Model/InvoiceOrder.php`: any failure while paying and saving (CouldNotInvoiceException).
pub const COULD_NOT_SAVE_INVOICE: &str = "Could not save an invoice, see error log for details";
/// `InventorySales/Model/GetProductSalableQty.php` (NoSuchEntityException).
pub const PRODUCT_DOES_NOT_EXIST: &str =
    "The product that was requested doesn't exist. Verify the product and try again.";
/// `InventorySales/Model/GetProductSalableQty.php` (InputException).
pub const NO_SOURCE_ITEMS_SUPPORT: &str =
    "Can't check requested quantity for products without Source Items support.";
/// `InventoryIndexer/Model/ResourceModel/GetStockItemData.php`.
pub const COULD_NOT_RECEIVE_STOCK_ITEM: &str = "Could not receive Stock Item data";
/// `Sales/Model/Order.php::hold`.
pub const HOLD_NOT_AVAILABLE: &str = "A hold action is not available.";
/// `Sales/Model/Order.php::unhold`.
pub const CANNOT_REMOVE_HOLD: &str = "You cannot remove the hold.";
/// `Sales/Model/ShipOrder.php`: the prefix of the joined validation messages.
pub const SHIPMENT_VALIDATION_ERRORS: &str = "Shipment Document Validation Error(s):";
/// `Sales/Model/Order/Validation/CanShip.php` (no trailing period, as in Magento).
pub const SHIPMENT_BAD_STATUS: &str =
    "A shipment cannot be created when an order has a status of %1";
/// `Sales/Model/Order/Validation/CanShip.php`.
pub const ORDER_DOES_NOT_ALLOW_SHIPMENT: &str =
    "The order does not allow a shipment to be created.";
/// `Sales/Model/Order/Shipment/Validation/QuantityValidator.php`.
pub const SHIPMENT_WITHOUT_PRODUCTS: &str = "You can't create a shipment without products.";
/// `Bundle/Model/Sales/Order/Shipment/BundleShipmentTypeValidator.php`: %1 the bundle's SKU, %2
/// its shipment type (`Separately`, `Together`), %3 what is to be shipped instead.
pub const BUNDLE_SHIPMENT_TYPE: &str =
    "Cannot create shipment as bundle product \"%1\" has shipment type \"%2\". %3 should be shipped instead.";
/// `Sales/Model/Order/Shipment/Validation/TrackValidator.php`.
pub const TRACK_NUMBER_REQUIRED: &str = "Please enter a tracking number.";
/// `Sales/Model/ShipOrder.php`: any failure while saving (CouldNotShipException).
pub const COULD_NOT_SAVE_SHIPMENT: &str = "Could not save a shipment, see error log for details";
/// `Sales/Model/Order/Creditmemo/Item.php::processQty` (argument: the item name).
pub const INVALID_QTY_TO_REFUND: &str = "We found an invalid quantity to refund item \"%1\".";
/// `Sales/Model/Order/Creditmemo/Total/Discount.php`.
pub const NO_SHIPPING_TO_REFUND: &str =
    "You can not refund shipping if there is no shipping amount.";
/// `Sales/Model/Order/Creditmemo/Total/Shipping.php` (argument: the amount, currency-formatted).
pub const MAX_SHIPPING_TO_REFUND: &str = "Maximum shipping amount allowed to refund is: %1";
/// `Sales/Model/RefundOrder.php`: prefix of the joined validator messages.
pub const CREDITMEMO_VALIDATION_ERRORS: &str = "Creditmemo Document Validation Error(s):";
/// `Sales/Model/Order/Validation/CanRefund.php` (argument: the status; no full stop).
pub const CREDITMEMO_BAD_STATUS: &str =
    "A creditmemo can not be created when an order has a status of %1";
/// `Sales/Model/Order/Validation/CanRefund.php`.
pub const ORDER_DOES_NOT_ALLOW_CREDITMEMO: &str =
    "The order does not allow a creditmemo to be created.";
/// `Sales/Model/Order/Creditmemo/Validation/QuantityValidator.php`: the memo's quantities add
/// up below zero and no shipping is left to refund.
pub const CREDITMEMO_WITHOUT_PRODUCTS: &str = "You can't create a creditmemo without products.";
/// `Sales/Model/Order/Creditmemo/Validation/TotalsValidator.php` (argument: a PHP float).
pub const MOST_MONEY_TO_REFUND: &str = "The most money available to refund is %1.";
/// `Sales/Model/Order/Creditmemo/Item/Validation/CreationQuantityValidator.php`.
pub const REFUND_ITEM_NOT_IN_ORDER: &str =
    "The creditmemo contains product item that is not part of the original order.";
/// `Sales/Model/Order/Creditmemo/Item/Validation/CreationQuantityValidator.php`: a requested
/// item that is a dummy (a configurable's simple).
pub const REFUND_DUMMY_ITEM: &str = "The creditmemo contains incorrect product items.";
/// `Sales/Model/Order/Creditmemo/Item/Validation/CreationQuantityValidator.php`.
pub const REFUND_QTY_TOO_LARGE: &str =
    "The quantity to refund must not be greater than the unrefunded quantity.";
/// `SalesInventory/Model/Order/ReturnValidator.php`: an id that is no order item at all.
pub const RETURN_TO_STOCK_NOT_IN_ORDER: &str =
    "The return to stock argument contains product item that is not part of the original order.";
/// `SalesInventory/Model/Order/ReturnValidator.php` (argument: the item's SKU).
pub const RETURN_TO_STOCK_NOT_IN_CREDITMEMO: &str =
    "The \"%1\" product is not part of the current creditmemo.";
/// `Sales/Model/RefundOrder.php`: any failure while refunding and saving
/// (CouldNotRefundException).
pub const COULD_NOT_SAVE_CREDITMEMO: &str =
    "Could not save a Creditmemo, see error log for details";
/// `Sales/Model/Order/ShipmentRepository.php::save`: any failure of the save
/// (CouldNotSaveException).
pub const SHIPMENT_COULD_NOT_BE_SAVED: &str = "The shipment couldn't be saved.";
/// `Sales/Model/Service/CreditmemoService.php::validateForRefund`: an id with a state other
/// than open.
pub const CANNOT_REGISTER_EXISTING_CREDITMEMO: &str = "We cannot register an existing credit memo.";
/// `Sales/Model/Service/CreditmemoService.php::validateForRefund`: no `order_id`
/// (NoSuchEntityException, 404).
pub const INVALID_ORDER_TO_REFUND: &str = "We found an invalid order to refund.";
/// `Sales/Model/Order/CreditmemoRepository.php::save`: a failure that is no LocalizedException
/// (a foreign key, a column refusing the value).
pub const CREDITMEMO_NOT_SAVED: &str = "The credit memo couldn't be saved.";
/// `Sales/Model/ResourceModel/Order/Creditmemo/Comment.php::_beforeSave` (argument: the
/// validator's messages, one a line).
pub const CANNOT_SAVE_COMMENT: &str = "Cannot save comment:\n%1";
/// `Sales/Model/Order/Creditmemo/Comment/Validator.php` (sprintf of the field's label).
pub const COMMENT_FIELD_REQUIRED: &str = "\"%s\" is required. Enter and try again.";
pub const COMMENT_FIELD_EMPTY: &str = "%s can not be empty";
/// `Sales/Model/Validator/SalesEntityCommentValidator.php` via the comment validator.
pub const COMMENT_EDIT_NOT_ALLOWED: &str = "User is not authorized to edit comment.";
/// `Sales/Model/Order/Payment.php::refund`: the gateway refused an online refund of an invoice
/// that has no capture transaction.
pub const REFUND_INVOICE_CREATED_OFFLINE: &str =
    "If the invoice was created offline, try creating an offline credit memo.";
/// `Sales/Model/Order/{Invoice,Shipment,Creditmemo}/CommentRepository.php::save`.
pub const COULD_NOT_SAVE_INVOICE_COMMENT: &str = "Could not save the invoice comment.";
pub const COULD_NOT_SAVE_SHIPMENT_COMMENT: &str = "Could not save the shipment comment.";
pub const COULD_NOT_SAVE_CREDITMEMO_COMMENT: &str = "Could not save the creditmemo comment.";
/// `Sales/Model/Service/OrderService.php::addComment` (2.4.8; argument: the posted status).
pub const STATUS_NOT_IN_HISTORY: &str =
    "Unable to add comment: The status \"%1\" is not part of the order status history.";
/// `Sales/Model/Order/AddressRepository.php::save`.
pub const COULD_NOT_SAVE_ADDRESS: &str = "The order address couldn't be saved.";
/// `Sales/Model/Order/Shipment/TrackRepository.php::save`.
pub const COULD_NOT_SAVE_TRACK: &str = "Could not save the shipment tracking.";
/// `Sales/Model/Service/CreditmemoService.php::cancel`: always.
pub const CANNOT_CANCEL_CREDITMEMO: &str = "You can not cancel Credit Memo";
/// `Eav\Model\Entity\Attribute\Backend\AbstractBackend::validate`: a required attribute
/// without a value (argument: its label).
pub const ATTRIBUTE_EMPTY: &str =
    "The \"%1\" attribute value is empty. Set the attribute and try again.";
/// `Sales/Model/Order/Invoice/Validation/CanRefund.php`.
pub const CANNOT_REFUND_INVOICE: &str = "We can't create creditmemo for the invoice.";
/// `Sales/Model/Order/Payment/Operations/ProcessInvoiceOperation` + `_appendTransactionToMessage`
/// (arguments: the base amount, formatted; the transaction id).
pub const CAPTURED_ONLINE: &str = "Captured amount of %1 online. Transaction ID: \"%2\"";
/// `Sales/Model/Order/Payment/State/AuthorizeCommand` + `_appendTransactionToMessage`
/// (arguments: the base amount, formatted; the authorization's transaction id).
pub const AUTHORIZED_ONLINE: &str = "Authorized amount of %1. Transaction ID: \"%2\"";
/// `Payment::cancel`'s message, then `_void`'s amount and `_appendTransactionToMessage`.
pub const CANCELED_ONLINE: &str = "Canceled order online";
pub const VOID_AMOUNT: &str = "Amount: %1.";
pub const TRANSACTION_ID: &str = "Transaction ID: \"%1\"";
/// `Payment/Model/Method/AbstractMethod.php::capture` of an offline method.
pub const CAPTURE_NOT_AVAILABLE: &str = "The capture action is not available.";
/// `Payment/Model/Method/AbstractMethod.php::void` of an offline method.
pub const VOID_NOT_AVAILABLE: &str = "The void action is not available.";
/// `Sales/Model/Order/Payment.php::refund`, online (arguments: the base amount, formatted; the
/// refund transaction id).
pub const REFUNDED_ONLINE: &str = "We refunded %1 online. Transaction ID: \"%2\"";
/// `Sales/Model/Order/Payment.php::refund`, offline (argument: the base amount, formatted).
pub const REFUNDED_OFFLINE: &str = "We refunded %1 offline.";
/// `InventoryDistanceBasedSourceSelection/Model/Algorithms/DistanceBasedAlgorithm.php`.
pub const NO_DESTINATION_ADDRESS: &str = "No destination address was provided in the request";
/// `Framework/Model/ResourceModel/Db/AbstractDb::save`: a UNIQUE index refused the row
/// (AlreadyExistsException, 400), e.g. sales_order's (increment_id, store_id).
pub const UNIQUE_CONSTRAINT: &str = "Unique constraint violation found";
/// `Webapi/Controller/Rest/RequestProcessorPool::getProcessor`: no processor takes the request
/// (a GET to `/async/...`), 400.
pub const REQUEST_NOT_PROCESSED: &str = "Specified request cannot be processed.";
/// `Store/Model/WebsiteRepository::getById` (NoSuchEntityException, 404; argument: the id).
pub const WEBSITE_ID_NOT_FOUND: &str =
    "The website with id %1 that was requested wasn't found. Verify the website and try again.";
/// `Store/Model/WebsiteRepository::get` by code (NoSuchEntityException, 404; argument: the code).
pub const WEBSITE_CODE_NOT_FOUND: &str =
    "The website with code %1 that was requested wasn't found. Verify the website and try again.";
/// `Store/Model/StoreRepository::getById` (NoSuchEntityException, 404).
pub const STORE_NOT_FOUND: &str =
    "The store that was requested wasn't found. Verify the store and try again.";
/// `Payment/Observer/SalesOrderBeforeSaveObserver.php` (event `sales_order_save_before`): an
/// order saved without a payment, posted or stored.
pub const PROVIDE_PAYMENT: &str = "Please provide payment for the order.";
/// `Sales\Plugin\Model\OrderRepositoryPlugin::validateBillingAddress` (2.4.9).
pub const PROVIDE_BILLING_ADDRESS: &str = "Please provide billing address for the order.";
/// `Sales\Plugin\Model\OrderRepositoryPlugin::validateOrderItems` (2.4.9).
pub const SPECIFY_ORDER_ITEMS: &str = "Please specify order items.";
/// `Payment/Model/Info::getMethodInstance`: a payment whose method is empty.
pub const PAYMENT_METHOD_NOT_AVAILABLE: &str = "The payment method you requested is not available.";
/// `Sales/Model/ResourceModel/Order/Address::_beforeSave` (argument: the validator's warnings,
/// one a line).
pub const CANNOT_SAVE_ADDRESS: &str = "We can't save the address:\n%1";
/// magemu's own: a save that would give an order a second payment row (Magento keeps any
/// number of rows per order and reads the first; magemu keeps one).
pub const ONE_PAYMENT_PER_ORDER: &str =
    "magemu keeps one payment per order: post the order's payment with its entity_id to change it.";
/// `Framework/App/Bootstrap::terminate` in production mode: the whole plain-text body.
pub const FATAL_ERROR: &str =
    "An error has happened during application run. See exception log for details.\n";
/// magemu's own: the body limit in front of the API (Magento's web server answers 413 too).
pub const TOO_LARGE: &str = "Request body is too large.";
/// `InventoryCatalog/Model/GetProductIdsBySkus.php` (%1: the SKUs not found, joined by ", ").
pub const SKUS_NOT_FOUND: &str = "Following products with requested skus were not found: %1";
/// `NoSuchEntityException::singleField` (`%fieldName`, `%fieldValue`).
pub const NO_SUCH_ENTITY_FIELD: &str = "No such entity with %fieldName = %fieldValue";
/// `Framework/Api/SortOrder.php::validateField`.
pub const SORT_FIELD_RESTRICTED: &str = "Sort order field %1 contains restricted symbols";
/// `Framework/Api/SortOrder.php`.
pub const SORT_DIRECTION: &str =
    "The sort order has to be specified as %1 for ascending order or %2 for descending order.";

/// `NoSuchEntityException::doubleField` (`%fieldName`, `%fieldValue`, `%field2Name`,
/// `%field2Value`).
pub const NO_SUCH_ENTITY_FIELDS: &str =
    "No such entity with %fieldName = %fieldValue, %field2Name = %field2Value";

impl Error {
    /// A write the database refused, as `AbstractDb::save` reports it: a duplicate key
    /// (MySQL's 1062, `DuplicateException`) is the `AlreadyExistsException`
    /// [`UNIQUE_CONSTRAINT`], a 400 that saved nothing; anything else as [`From`] maps it.
    pub fn from_save(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::Database(d) if d.is_unique_violation() => Error::input(UNIQUE_CONSTRAINT),
            _ => Error::from(err),
        }
    }

    pub fn input(text: impl Into<String>) -> Self {
        Error::Input(Phrase::plain(text))
    }

    pub fn entity_not_found() -> Self {
        Error::NotFound(Phrase::plain(ENTITY_DOES_NOT_EXIST))
    }

    /// `NoSuchEntityException::singleField($field, $value)` (404).
    pub fn no_such_entity(field: &str, value: impl Into<Value>) -> Self {
        Error::NotFound(Phrase {
            text: NO_SUCH_ENTITY_FIELD.into(),
            params: Params::Values(vec![
                ("fieldName".into(), field.into()),
                ("fieldValue".into(), value.into()),
            ]),
        })
    }
    /// `NoSuchEntityException::doubleField` (404).
    pub fn no_such_entity2(
        (field, value): (&str, impl Into<Value>),
        (field2, value2): (&str, impl Into<Value>),
    ) -> Self {
        Error::NotFound(Phrase {
            text: NO_SUCH_ENTITY_FIELDS.into(),
            params: Params::Values(vec![
                ("fieldName".into(), field.into()),
                ("fieldValue".into(), value.into()),
                ("field2Name".into(), field2.into()),
                ("field2Value".into(), value2.into()),
            ]),
        })
    }

    pub fn required(field: &str) -> Self {
        Error::Input(Phrase::named(FIELD_REQUIRED, "fieldName", field))
    }

    /// One error stays itself; two or more become the aggregate (AbstractAggregateException).
    pub fn aggregate(mut phrases: Vec<Phrase>) -> Self {
        if phrases.len() == 1 {
            Error::Input(phrases.remove(0))
        } else {
            Error::Aggregate(phrases)
        }
    }

    /// `TypeProcessor`'s wrong-type error (a `Webapi\Exception`: rendered text, no parameters),
    /// wrapped as `ServiceInputProcessor` wraps it when the value sits under a key.
    pub fn invalid_type(field: Option<&str>, value: &str, ty: &str) -> Self {
        Self::invalid_type_in(field.as_slice(), value, ty)
    }

    /// [`Error::invalid_type`] of a value nested under `path` (the keys below the top-level
    /// parameter, outermost first): `_createFromArray` wraps a field's failure, and the
    /// enclosing object's `_createFromArray` wraps that again under its own key.
    pub fn invalid_type_in(path: &[&str], value: &str, ty: &str) -> Self {
        let inner = format!(
            "The \"{value}\" value's type is invalid. The \"{ty}\" type was expected. Verify and try again."
        );
        Error::Input(Phrase::plain(
            path.iter().rev().fold(inner, |details, key| {
                format!("Error occurred during \"{key}\" processing. {details}")
            }),
        ))
    }

    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Error::Internal(cause.to_string())
    }

    /// A fatal PHP error only the shutdown function sees (see [`Error::Shutdown`]).
    pub fn shutdown(cause: impl std::fmt::Display) -> Self {
        Error::Shutdown(cause.to_string())
    }

    /// A PHP fatal error in Magento's code path (see [`Error::Fatal`]).
    pub fn fatal(cause: impl std::fmt::Display) -> Self {
        Error::Fatal(cause.to_string())
    }

    /// An error as one line: Magento's message with its parameters filled in, and the messages of
    /// its `errors` list.
    pub fn rendered(&self) -> String {
        let body = self.body();
        let mut text = render(&body);
        if let Some(Value::Array(errors)) = body.get("errors") {
            let details: Vec<String> = errors.iter().map(render).collect();
            if !details.is_empty() {
                text = format!("{text} {}", details.join("; "));
            }
        }
        text
    }

    /// The JSON body, keys in Magento's order.
    pub fn body(&self) -> Value {
        let mut body = Map::new();
        match self {
            Error::NoRoute => {
                body.insert("message".into(), NO_ROUTE.into());
            }
            Error::Unauthorized(resources) => {
                body.insert("message".into(), NOT_AUTHORIZED.into());
                body.insert("parameters".into(), json!({ "resources": resources }));
            }
            Error::Authentication => {
                body.insert("message".into(), SIGN_IN_INCORRECT.into());
            }
            Error::NotFound(phrase)
            | Error::Input(phrase)
            | Error::QuoteInvalid(phrase)
            | Error::AuthenticationPhrase(phrase) => {
                body.insert("message".into(), phrase.text.clone().into());
                if phrase.params != Params::None {
                    body.insert("parameters".into(), phrase.params_json());
                }
            }
            Error::Aggregate(phrases) => {
                body.insert("message".into(), INPUT_EXCEPTIONS.into());
                let errors: Vec<Value> = phrases
                    .iter()
                    .map(|p| json!({ "message": p.text, "parameters": p.params_json() }))
                    .collect();
                body.insert("errors".into(), Value::Array(errors));
            }
            Error::Validation(message, phrases) => {
                body.insert("message".into(), message.text.clone().into());
                let errors: Vec<Value> = phrases
                    .iter()
                    .map(|p| json!({ "message": p.text, "parameters": p.params_json() }))
                    .collect();
                body.insert("errors".into(), Value::Array(errors));
                if message.params != Params::None {
                    body.insert("parameters".into(), message.params_json());
                }
            }
            Error::TooLarge => {
                body.insert("message".into(), TOO_LARGE.into());
            }
            // A `Webapi\Exception` of a phrase with its argument: rendered, no parameters.
            Error::MethodNotSupported(method) => {
                body.insert(
                    "message".into(),
                    format!("The {method} HTTP method is not supported.").into(),
                );
            }
            Error::Internal(_) | Error::Sqlx(_) => {
                body.insert("message".into(), internal_error_message().into());
            }
            Error::Fatal(_) => {
                body.insert("message".into(), FATAL_ERROR.into());
            }
            Error::Shutdown(_) => {
                body.insert(
                    "messages".into(),
                    json!({"error": [{"code": 500, "message": shutdown_error_message()}]}),
                );
            }
        }
        Value::Object(body)
    }
}

/// `apiShutdownFunction`'s message in production mode, with `_saveFatalErrorReport`'s id:
/// `abs((int)(microtime(true) * random_int(100, 1000)))`.
pub fn shutdown_error_message() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64();
    let id = (now * f64::from(rand::random_range(100u32..=1000))) as i64;
    format!("Server internal error. See details in report api/{id}")
}

/// `ErrorProcessor::INTERNAL_SERVER_ERROR_MSG` with a PHP `uniqid("webapi-")`-like report id
/// (8 hex digits of seconds, 5 of microseconds).
pub fn internal_error_message() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    format!(
        "Internal Error. Details are available in Magento log file. Report ID: webapi-{:08x}{:05x}",
        now.as_secs() as u32,
        now.subsec_micros()
    )
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// `message` with `%name` / `%1` replaced from `parameters`, as Magento's Phrase renders it.
pub fn render(body: &Value) -> String {
    let text = body
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let params = match body.get("parameters") {
        Some(Value::Object(named)) => {
            Params::Values(named.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        }
        Some(Value::Array(list)) => Params::List(list.iter().map(shown).collect()),
        _ => Params::None,
    };
    Phrase { text, params }.render()
}

/// An argument as PHP prints it into a phrase: a string as is, anything else as JSON.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// PHP's `strtr($text, $pairs)` for keys that all start with `%`: one pass from the left, the
/// longest key that matches at a `%` wins, and replaced text is never searched again.
fn strtr(text: &str, pairs: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let longest = pairs
            .iter()
            .filter(|(key, _)| rest.starts_with(key.as_str()))
            .max_by_key(|(key, _)| key.len());
        match longest {
            Some((key, value)) => {
                out.push_str(value);
                rest = &rest[key.len()..];
            }
            None => {
                out.push('%');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_positional_and_named() {
        let p = Phrase::positional(
            "We found an invalid quantity to invoice item \"%1\".",
            vec!["Driven Backpack".into()],
        );
        assert_eq!(
            p.render(),
            "We found an invalid quantity to invoice item \"Driven Backpack\"."
        );
        let body = Error::Input(p).body();
        assert_eq!(
            body,
            json!({"message": "We found an invalid quantity to invoice item \"%1\".", "parameters": ["Driven Backpack"]})
        );
        let body = Error::required("username").body();
        assert_eq!(
            body,
            json!({"message": FIELD_REQUIRED, "parameters": {"fieldName": "username"}})
        );
    }

    #[test]
    fn placeholders_filled_in_one_pass() {
        let p = Phrase::positional("%1 and %2 and %10", vec!["%2".into(), "%1".into()]);
        // As PHP: with two arguments `%10` is `%1` then `0`.
        assert_eq!(p.render(), "%2 and %1 and %20");
        let ten: Vec<String> = (1..=10).map(|i| format!("v{i}")).collect();
        assert_eq!(Phrase::positional("%10 %1 %", ten).render(), "v10 v1 %");
        let p = Phrase::named("%field, %fieldName", "fieldName", "%field");
        assert_eq!(p.render(), "%field, %field");
        // A value with many placeholders stays its own size.
        let p = Phrase::positional("%1, %2", vec!["A".repeat(1000), "%1".repeat(1000)]);
        assert_eq!(p.render().len(), 1000 + 2 + 2000);
    }

    #[test]
    fn aggregate_of_one_is_the_one() {
        let one = Error::aggregate(vec![Phrase::named(FIELD_REQUIRED, "fieldName", "a")]);
        assert_eq!(one.body()["message"], FIELD_REQUIRED);
        let two = Error::aggregate(vec![
            Phrase::named(FIELD_REQUIRED, "fieldName", "a"),
            Phrase::named(FIELD_REQUIRED, "fieldName", "b"),
        ]);
        assert_eq!(
            two.body(),
            json!({"message": INPUT_EXCEPTIONS, "errors": [
                {"message": FIELD_REQUIRED, "parameters": {"fieldName": "a"}},
                {"message": FIELD_REQUIRED, "parameters": {"fieldName": "b"}}
            ]})
        );
    }

    #[test]
    fn internal_error_hides_the_cause() {
        let body = Error::internal("disk on fire").body();
        let msg = body["message"].as_str().unwrap();
        assert!(msg.starts_with(
            "Internal Error. Details are available in Magento log file. Report ID: webapi-"
        ));
        assert_eq!(
            msg.len(),
            "Internal Error. Details are available in Magento log file. Report ID: webapi-".len()
                + 13
        );
        assert!(!msg.contains("disk"));
    }

    #[test]
    fn messages_are_rendered_with_their_parameters() {
        let named = json!({"message": "\"%fieldName\" is required. Enter and try again.",
                           "parameters": {"fieldName": "postcode"}});
        assert_eq!(
            render(&named),
            "\"postcode\" is required. Enter and try again."
        );
        let listed = json!({"message": "The %1 Cart doesn't contain the %2 item.",
                            "parameters": [3, 12]});
        assert_eq!(render(&listed), "The 3 Cart doesn't contain the 12 item.");
    }
}
