//! The service contracts the route table binds (`crate::http::routes`), as Magento declares
//! them in PHP: each interface's description and, per method, its description, parameters
//! (name, type, whether required, description), return type and the exceptions it declares.
//! Read from the interfaces' doc blocks (vendor/magento/module-*/Api/*Interface.php, Magento
//! 2.4.8-p1) the way `Webapi/Model/Config/ClassReflector` and `Framework/Reflection/TypeProcessor`
//! read them; the schema (`crate::http::schema`) turns them into Swagger as
//! `Webapi/Model/Rest/Swagger/Generator` does. Types are fully qualified without the leading
//! backslash; `[]` marks a list.

use super::{Param, ServiceMethod};

/// Each bound interface and its description (`ClassReflector::extractClassDescription`).
pub const INTERFACES: &[(&str, &str)] = &[
    (r#"Magento\AsynchronousOperations\Api\OperationRepositoryInterface"#, "Bulk operation item repository interface.  An bulk is a group of queue messages. An bulk operation item is a queue message."),
    (r#"Magento\AsynchronousOperations\Api\BulkStatusInterface"#, "Interface BulkStatusInterface Bulk summary data with list of operations items summary data."),
    (r#"Magento\Backend\Service\V1\ModuleServiceInterface"#, "Interface for module service."),
    (r#"Magento\CatalogInventory\Api\StockRegistryInterface"#, "Interface StockRegistryInterface"),
    (r#"Magento\Catalog\Api\BasePriceStorageInterface"#, "Base prices storage."),
    (r#"Magento\Catalog\Api\CategoryLinkManagementInterface"#, ""),
    (r#"Magento\Catalog\Api\CategoryLinkRepositoryInterface"#, ""),
    (r#"Magento\Catalog\Api\CategoryListInterface"#, ""),
    (r#"Magento\Catalog\Api\CategoryManagementInterface"#, ""),
    (r#"Magento\Catalog\Api\CategoryRepositoryInterface"#, ""),
    (r#"Magento\Catalog\Api\ProductRepositoryInterface"#, ""),
    (r#"Magento\Catalog\Api\ProductTypeListInterface"#, ""),
    (r#"Magento\CheckoutAgreements\Api\CheckoutAgreementsListInterface"#, "Interface CheckoutAgreementsListInterface"),
    (r#"Magento\CheckoutAgreements\Api\CheckoutAgreementsRepositoryInterface"#, "Interface CheckoutAgreementsRepositoryInterface"),
    (r#"Magento\Checkout\Api\GuestPaymentInformationManagementInterface"#, "Interface for managing guest payment information"),
    (r#"Magento\Checkout\Api\GuestShippingInformationManagementInterface"#, "Interface for managing guest shipping address information"),
    (r#"Magento\Checkout\Api\PaymentInformationManagementInterface"#, "Interface for managing quote payment information"),
    (r#"Magento\Checkout\Api\ShippingInformationManagementInterface"#, "Interface for managing customer shipping address information"),
    (r#"Magento\Customer\Api\AccountManagementInterface"#, "Interface for managing customers accounts."),
    (r#"Magento\Customer\Api\AddressMetadataInterface"#, "Interface for retrieval information about customer address attributes metadata."),
    (r#"Magento\Customer\Api\AddressRepositoryInterface"#, "Customer address CRUD interface."),
    (r#"Magento\Customer\Api\CustomerGroupConfigInterface"#, "Interface for system configuration operations for customer groups."),
    (r#"Magento\Customer\Api\CustomerMetadataInterface"#, "Interface for retrieval information about customer attributes metadata."),
    (r#"Magento\Customer\Api\CustomerRepositoryInterface"#, "Customer CRUD interface."),
    (r#"Magento\Customer\Api\GroupManagementInterface"#, "Interface for managing customer groups."),
    (r#"Magento\Customer\Api\GroupRepositoryInterface"#, "Customer group CRUD interface"),
    (r#"Magento\Directory\Api\CountryInformationAcquirerInterface"#, "Country information acquirer interface"),
    (r#"Magento\Directory\Api\CurrencyInformationAcquirerInterface"#, "Currency information acquirer interface"),
    (r#"Magento\Downloadable\Api\LinkRepositoryInterface"#, "Interface LinkRepositoryInterface"),
    (r#"Magento\Downloadable\Api\SampleRepositoryInterface"#, "Interface SampleRepositoryInterface"),
    (r#"Magento\GiftMessage\Api\CartRepositoryInterface"#, "Interface CartRepositoryInterface"),
    (r#"Magento\GiftMessage\Api\GuestCartRepositoryInterface"#, "Interface GuestCartRepositoryInterface"),
    (r#"Magento\GiftMessage\Api\GuestItemRepositoryInterface"#, "Interface GuestItemRepositoryInterface"),
    (r#"Magento\GiftMessage\Api\ItemRepositoryInterface"#, "Interface ItemRepositoryInterface"),
    (r#"Magento\Integration\Api\AdminTokenServiceInterface"#, "Interface providing token generation for Admins"),
    (r#"Magento\Integration\Api\CustomerTokenServiceInterface"#, "Interface providing token generation for Customers"),
    (r#"Magento\InventoryApi\Api\GetSourcesAssignedToStockOrderedByPriorityInterface"#, "Retrieve sources related to current stock ordered by priority  Used fully qualified namespaces in annotations for proper work of WebApi request parser"),
    (r#"Magento\InventoryApi\Api\GetStockSourceLinksInterface"#, "Find StockSourceLink list by SearchCriteria API  Used fully qualified namespaces in annotations for proper work of WebApi request parser"),
    (r#"Magento\InventoryApi\Api\SourceItemRepositoryInterface"#, "In Magento 2 Repository considered as an implementation of Facade pattern which provides a simplified interface to a larger body of code responsible for Domain Entity management  The main intention is to make API more readable and reduce dependencies of business logic code on the inner workings of a module, since most code uses the facade, thus allowing more flexibility in developing the system  Along with this such approach helps to segregate two responsibilities: 1. Repository now could be considered as an API - Interface for usage (calling) in the business logic 2. Separate class-commands to which Repository proxies initial call (like, Get Save GetList Delete) could be considered as SPI - Interfaces that you should extend and implement to customize current behaviour  The method save is absent, due to different semantic (save multiple)"),
    (r#"Magento\InventoryApi\Api\SourceItemsDeleteInterface"#, "Service method for source items delete multiple Performance efficient API  Used fully qualified namespaces in annotations for proper work of WebApi request parser"),
    (r#"Magento\InventoryApi\Api\SourceItemsSaveInterface"#, "Service method for source items save multiple Performance efficient API  Used fully qualified namespaces in annotations for proper work of WebApi request parser"),
    (r#"Magento\InventoryApi\Api\SourceRepositoryInterface"#, "In Magento 2 Repository considered as an implementation of Facade pattern which provides a simplified interface to a larger body of code responsible for Domain Entity management  The main intention is to make API more readable and reduce dependencies of business logic code on the inner workings of a module, since most code uses the facade, thus allowing more flexibility in developing the system  Along with this such approach helps to segregate two responsibilities: 1. Repository now could be considered as an API - Interface for usage (calling) in the business logic 2. Separate class-commands to which Repository proxies initial call (like, Get Save GetList Delete) could be considered as SPI - Interfaces that you should extend and implement to customize current behaviour  There is no delete method. It is related to that Source can't be deleted due to we don't want miss data related to Sources (like as order information). But Source can be disabled  Used fully qualified namespaces in annotations for proper work of WebApi request parser"),
    (r#"Magento\InventoryApi\Api\StockRepositoryInterface"#, "In Magento 2 Repository considered as an implementation of Facade pattern which provides a simplified interface to a larger body of code responsible for Domain Entity management  The main intention is to make API more readable and reduce dependencies of business logic code on the inner workings of a module, since most code uses the facade, thus allowing more flexibility in developing the system  Along with this such approach helps to segregate two responsibilities: 1. Repository now could be considered as an API - Interface for usage (calling) in the business logic 2. Separate class-commands to which Repository proxies initial call (like, Get Save GetList Delete) could be considered as SPI - Interfaces that you should extend and implement to customize current behaviour  Used fully qualified namespaces in annotations for proper work of WebApi request parser"),
    (r#"Magento\InventoryApi\Api\StockSourceLinksDeleteInterface"#, "Service method for stock source links delete multiple Performance efficient API  Used fully qualified namespaces in annotations for proper work of WebApi request parser"),
    (r#"Magento\InventoryApi\Api\StockSourceLinksSaveInterface"#, "Service method for stock source links save multiple Performance efficient API  Used fully qualified namespaces in annotations for proper work of WebApi request parser"),
    (r#"Magento\InventoryCatalogApi\Api\BulkInventoryTransferInterface"#, "Perform bulk product inventory transfer"),
    (r#"Magento\InventoryCatalogApi\Api\BulkPartialInventoryTransferInterface"#, "Transfer Inventory between sources. Moves specified items from origin source to destination source."),
    (r#"Magento\InventoryCatalogApi\Api\BulkSourceAssignInterface"#, "Perform bulk product source assignment"),
    (r#"Magento\InventoryCatalogApi\Api\BulkSourceUnassignInterface"#, "Perform bulk product source un-assignment"),
    (r#"Magento\InventoryDistanceBasedSourceSelectionApi\Api\GetDistanceInterface"#, "Get distance between two LatLngRequest points"),
    (r#"Magento\InventoryDistanceBasedSourceSelectionApi\Api\GetDistanceProviderCodeInterface"#, "Get selected distance provider code"),
    (r#"Magento\InventoryDistanceBasedSourceSelectionApi\Api\GetLatLngFromAddressInterface"#, "Get latitude and longitude object from address"),
    (r#"Magento\InventoryDistanceBasedSourceSelectionApi\Api\GetLatsLngsFromAddressInterface"#, "Get all available latitude and longitude objects from address interface."),
    (r#"Magento\InventoryExportStockApi\Api\ExportStockIndexDataInterface"#, "Class ExportStockIndexData provides stock index export based on raw data contained in the stock index."),
    (r#"Magento\InventoryExportStockApi\Api\ExportStockSalableQtyInterface"#, "Interface for ExportStockSalableQty provides product's salable qty information by search criteria"),
    (r#"Magento\InventoryInStorePickupApi\Api\GetPickupLocationsInterface"#, r#"Get Pickup Locations filtered by provided Search Request. Pickup Location entities are Immutable object and can not be changed after creation. All modification of Pickup Location must be done through @see \Magento\InventoryApi\Api\SourceRepositoryInterface"#),
    (r#"Magento\InventoryInStorePickupSalesApi\Api\NotifyOrdersAreReadyForPickupInterface"#, "Send an email to the customer that order is ready to be picked up."),
    (r#"Magento\InventoryLowQuantityNotificationApi\Api\DeleteSourceItemsConfigurationInterface"#, "Delete the source item configuration"),
    (r#"Magento\InventoryLowQuantityNotificationApi\Api\GetSourceItemConfigurationInterface"#, "Get the source item configuration Firstly try to load Source Item configuration if configuration isn't exist then load global configuration value  Used fully qualified namespaces in annotations for proper work of WebApi request parser"),
    (r#"Magento\InventoryLowQuantityNotificationApi\Api\SourceItemConfigurationsSaveInterface"#, "Save the source item configuration  Used fully qualified namespaces in annotations for proper work of WebApi request parser"),
    (r#"Magento\InventorySalesApi\Api\AreProductsSalableForRequestedQtyInterface"#, "Service which detects whether a given products quantities are salable for a given stock (stock data + reservations)."),
    (r#"Magento\InventorySalesApi\Api\AreProductsSalableInterface"#, "Service which detects whether products are salable for given stock (stock data + reservations)."),
    (r#"Magento\InventorySalesApi\Api\GetProductSalableQtyInterface"#, r#"Service which returns Quantity of products available to be sold by Product SKU and Stock Id. This service calculates the salable qty taking into account existing reservations for given sku and stock id and subtracting min qty (a.k.a. "Out-of-Stock Threshold")"#),
    (r#"Magento\InventorySalesApi\Api\IsProductSalableForRequestedQtyInterface"#, "Service which detects whether a certain Qty of Product is salable for a given Stock (stock data + reservations)"),
    (r#"Magento\InventorySalesApi\Api\IsProductSalableInterface"#, "Service which detects whether Product is salable for a given Stock (stock data + reservations)"),
    (r#"Magento\InventorySalesApi\Api\StockResolverInterface"#, "The stock resolver is responsible for getting the linked stock for a certain sales channel"),
    (r#"Magento\InventorySourceSelectionApi\Api\GetSourceSelectionAlgorithmListInterface"#, "Returns the list of Data Interfaces which represent registered SSA in the system"),
    (r#"Magento\InventorySourceSelectionApi\Api\SourceSelectionServiceInterface"#, "Returns source selection algorithm result for given Inventory Request"),
    (r#"Magento\Quote\Api\BillingAddressManagementInterface"#, "Interface BillingAddressManagementInterface"),
    (r#"Magento\Quote\Api\CartItemRepositoryInterface"#, "Interface CartItemRepositoryInterface"),
    (r#"Magento\Quote\Api\CartManagementInterface"#, "Interface CartManagementInterface"),
    (r#"Magento\Quote\Api\CartRepositoryInterface"#, "Interface CartRepositoryInterface"),
    (r#"Magento\Quote\Api\CartTotalRepositoryInterface"#, "Interface CartTotalRepositoryInterface"),
    (r#"Magento\Quote\Api\CouponManagementInterface"#, "Coupon management service interface."),
    (r#"Magento\Quote\Api\GuestBillingAddressManagementInterface"#, "Billing address management interface for guest carts."),
    (r#"Magento\Quote\Api\GuestCartItemRepositoryInterface"#, "Cart Item repository interface for guest carts."),
    (r#"Magento\Quote\Api\GuestCartManagementInterface"#, "Cart Management interface for guest carts."),
    (r#"Magento\Quote\Api\GuestCartRepositoryInterface"#, "Cart Repository interface for guest carts."),
    (r#"Magento\Quote\Api\GuestCartTotalRepositoryInterface"#, "Cart totals repository interface for guest carts."),
    (r#"Magento\Quote\Api\GuestCouponManagementInterface"#, "Coupon management interface for guest carts."),
    (r#"Magento\Quote\Api\GuestPaymentMethodManagementInterface"#, "Payment method management interface for guest carts."),
    (r#"Magento\Checkout\Api\GuestTotalsInformationManagementInterface"#, "Interface for guest quote totals calculation"),
    (r#"Magento\Checkout\Api\TotalsInformationManagementInterface"#, "Interface for quote totals calculation"),
    (r#"Magento\Quote\Api\CartTotalManagementInterface"#, "Bundled API to collect totals for cart based on shipping/payment methods and additional data."),
    (r#"Magento\Quote\Api\GuestCartTotalManagementInterface"#, "Bundled API to collect totals for guest cart based on shipping/payment methods and additional data."),
    (r#"Magento\Quote\Api\GuestShipmentEstimationInterface"#, "Interface GuestShipmentEstimationInterface"),
    (r#"Magento\Quote\Api\GuestShippingMethodManagementInterface"#, "Shipping method management interface for guest carts."),
    (r#"Magento\Quote\Api\ShippingMethodManagementInterface"#, "Interface ShippingMethodManagementInterface"),
    (r#"Magento\Quote\Api\PaymentMethodManagementInterface"#, "Interface PaymentMethodManagementInterface"),
    (r#"Magento\Quote\Api\ShipmentEstimationInterface"#, "Interface ShipmentManagementInterface"),
    (r#"Magento\SalesRule\Api\CouponManagementInterface"#, "Coupon management interface"),
    (r#"Magento\SalesRule\Api\CouponRepositoryInterface"#, "Coupon CRUD interface"),
    (r#"Magento\SalesRule\Api\RuleRepositoryInterface"#, "Sales rule CRUD interface"),
    (r#"Magento\Sales\Api\CreditmemoCommentRepositoryInterface"#, "Credit memo comment repository interface.  After a customer places and pays for an order and an invoice has been issued, the merchant can create a credit memo to refund all or part of the amount paid for any returned or undelivered items. The memo restores funds to the customer account so that the customer can make future purchases. A credit memo usually includes comments that detail why the credit memo amount was credited to the customer."),
    (r#"Magento\Sales\Api\CreditmemoManagementInterface"#, "Credit memo add comment interface.  After a customer places and pays for an order and an invoice has been issued, the merchant can create a credit memo to refund all or part of the amount paid for any returned or undelivered items. The memo restores funds to the customer account so that the customer can make future purchases."),
    (r#"Magento\Sales\Api\CreditmemoRepositoryInterface"#, "Credit memo repository interface.  After a customer places and pays for an order and an invoice has been issued, the merchant can create a credit memo to refund all or part of the amount paid for any returned or undelivered items. The memo restores funds to the customer account so that the customer can make future purchases."),
    (r#"Magento\Sales\Api\InvoiceCommentRepositoryInterface"#, "Invoice comment repository interface.  An invoice is a record of the receipt of payment for an order. An invoice can include comments that detail the invoice history."),
    (r#"Magento\Sales\Api\InvoiceManagementInterface"#, "Invoice management interface.  An invoice is a record of the receipt of payment for an order."),
    (r#"Magento\Sales\Api\InvoiceOrderInterface"#, "Class InvoiceOrderInterface"),
    (r#"Magento\Sales\Api\InvoiceRepositoryInterface"#, "Invoice repository interface.  An invoice is a record of the receipt of payment for an order."),
    (r#"Magento\Sales\Api\OrderAddressRepositoryInterface"#, "Order address repository interface.  An order is a document that a web store issues to a customer. Magento generates a sales order that lists the product items, billing and shipping addresses, and shipping and payment methods. A corresponding external document, known as a purchase order, is emailed to the customer."),
    (r#"Magento\Sales\Api\OrderItemRepositoryInterface"#, "Order item repository interface.  An order is a document that a web store issues to a customer. Magento generates a sales order that lists the product items, billing and shipping addresses, and shipping and payment methods. A corresponding external document, known as a purchase order, is emailed to the customer."),
    (r#"Magento\Sales\Api\OrderManagementInterface"#, "Order management interface.  An order is a document that a web store issues to a customer. Magento generates a sales order that lists the product items, billing and shipping addresses, and shipping and payment methods. A corresponding external document, known as a purchase order, is emailed to the customer."),
    (r#"Magento\Sales\Api\OrderRepositoryInterface"#, "Order repository interface.  An order is a document that a web store issues to a customer. Magento generates a sales order that lists the product items, billing and shipping addresses, and shipping and payment methods. A corresponding external document, known as a purchase order, is emailed to the customer."),
    (r#"Magento\Sales\Api\RefundInvoiceInterface"#, "Interface RefundInvoiceInterface"),
    (r#"Magento\Sales\Api\RefundOrderInterface"#, "Interface RefundOrderInterface"),
    (r#"Magento\Sales\Api\ShipOrderInterface"#, "Class ShipOrderInterface"),
    (r#"Magento\Sales\Api\ShipmentCommentRepositoryInterface"#, "Shipment comment repository interface.  A shipment is a delivery package that contains products. A shipment document accompanies the shipment. This document lists the products and their quantities in the delivery package. A shipment document can contain comments."),
    (r#"Magento\Sales\Api\ShipmentManagementInterface"#, "Shipment management interface.  A shipment is a delivery package that contains products. A shipment document accompanies the shipment. This document lists the products and their quantities in the delivery package."),
    (r#"Magento\Sales\Api\ShipmentRepositoryInterface"#, "Shipment repository interface.  A shipment is a delivery package that contains products. A shipment document accompanies the shipment. This document lists the products and their quantities in the delivery package."),
    (r#"Magento\Sales\Api\ShipmentTrackRepositoryInterface"#, "Shipment track repository interface.  A shipment is a delivery package that contains products. A shipment document accompanies the shipment. This document lists the products and their quantities in the delivery package."),
    (r#"Magento\Sales\Api\TransactionRepositoryInterface"#, "Transaction repository interface.  A transaction is an interaction between a merchant and a customer such as a purchase, a credit, a refund, and so on."),
    (r#"Magento\Store\Api\GroupRepositoryInterface"#, "Group repository interface"),
    (r#"Magento\Store\Api\StoreConfigManagerInterface"#, "Store config manager interface"),
    (r#"Magento\Store\Api\StoreRepositoryInterface"#, "Store repository interface"),
    (r#"Magento\Store\Api\WebsiteRepositoryInterface"#, "Website repository interface"),
    (r#"Magento\Tax\Api\TaxClassRepositoryInterface"#, "Tax class CRUD interface."),
    (r#"Magento\Tax\Api\TaxRateRepositoryInterface"#, "Tax rate CRUD interface."),
    (r#"Magento\Tax\Api\TaxRuleRepositoryInterface"#, "Tax rule CRUD interface."),
];

/// Each bound method.
pub const METHODS: &[ServiceMethod] = &[
    ServiceMethod {
        service: r#"Magento\CheckoutAgreements\Api\CheckoutAgreementsRepositoryInterface::getList"#,
        doc: "Lists active checkout agreements.",
        params: &[
        ],
        returns: Some((r#"Magento\CheckoutAgreements\Api\Data\AgreementInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\CheckoutAgreements\Api\CheckoutAgreementsListInterface::getList"#,
        doc: "List of checkout agreements.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\CheckoutAgreements\Api\Data\AgreementInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\GiftMessage\Api\CartRepositoryInterface::get"#,
        doc: "Return the gift message for a specified order.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The shopping cart ID." },
        ],
        returns: Some((r#"Magento\GiftMessage\Api\Data\MessageInterface"#, "Gift message.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\GiftMessage\Api\CartRepositoryInterface::save"#,
        doc: "Set the gift message for an entire order.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
            Param { name: "giftMessage", ty: r#"Magento\GiftMessage\Api\Data\MessageInterface"#, required: true, doc: "The gift message." },
        ],
        returns: Some(("bool", "")),
        throws: &["InputException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\GiftMessage\Api\ItemRepositoryInterface::get"#,
        doc: "Return the gift message for a specified item in a specified shopping cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The shopping cart ID." },
            Param { name: "itemId", ty: "int", required: true, doc: "The item ID." },
        ],
        returns: Some((r#"Magento\GiftMessage\Api\Data\MessageInterface"#, "Gift message.")),
        throws: &["InputException"],
    },
    ServiceMethod {
        service: r#"Magento\GiftMessage\Api\ItemRepositoryInterface::save"#,
        doc: "Set the gift message for a specified item in a specified shopping cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
            Param { name: "giftMessage", ty: r#"Magento\GiftMessage\Api\Data\MessageInterface"#, required: true, doc: "The gift message." },
            Param { name: "itemId", ty: "int", required: true, doc: "The item ID." },
        ],
        returns: Some(("bool", "")),
        throws: &["InputException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\GiftMessage\Api\GuestCartRepositoryInterface::get"#,
        doc: "Return the gift message for a specified order.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The shopping cart ID." },
        ],
        returns: Some((r#"Magento\GiftMessage\Api\Data\MessageInterface"#, "Gift message.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\GiftMessage\Api\GuestCartRepositoryInterface::save"#,
        doc: "Set the gift message for an entire order.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
            Param { name: "giftMessage", ty: r#"Magento\GiftMessage\Api\Data\MessageInterface"#, required: true, doc: "The gift message." },
        ],
        returns: Some(("bool", "")),
        throws: &["InputException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\GiftMessage\Api\GuestItemRepositoryInterface::get"#,
        doc: "Return the gift message for a specified item in a specified shopping cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The shopping cart ID." },
            Param { name: "itemId", ty: "int", required: true, doc: "The item ID." },
        ],
        returns: Some((r#"Magento\GiftMessage\Api\Data\MessageInterface"#, "Gift message.")),
        throws: &["InputException"],
    },
    ServiceMethod {
        service: r#"Magento\GiftMessage\Api\GuestItemRepositoryInterface::save"#,
        doc: "Set the gift message for a specified item in a specified shopping cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
            Param { name: "giftMessage", ty: r#"Magento\GiftMessage\Api\Data\MessageInterface"#, required: true, doc: "The gift message." },
            Param { name: "itemId", ty: "int", required: true, doc: "The item ID." },
        ],
        returns: Some(("bool", "")),
        throws: &["InputException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartManagementInterface::assignCustomer"#,
        doc: "Assigns a specified customer to a specified shopping cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
            Param { name: "customerId", ty: "int", required: true, doc: "The customer ID." },
            Param { name: "storeId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "")),
        throws: &["NoSuchEntityException", "StateException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestCartManagementInterface::assignCustomer"#,
        doc: "Assign a specified customer to a specified shopping cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
            Param { name: "customerId", ty: "int", required: true, doc: "The customer ID." },
            Param { name: "storeId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "")),
        throws: &["NoSuchEntityException", "StateException"],
    },
    ServiceMethod {
        service: r#"Magento\AsynchronousOperations\Api\OperationRepositoryInterface::getList"#,
        doc: "Lists the bulk operation items that match specified search criteria.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\AsynchronousOperations\Api\Data\OperationSearchResultsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartTotalManagementInterface::collectTotals"#,
        doc: "Set shipping/billing methods and additional data for cart and collect totals.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
            Param { name: "paymentMethod", ty: r#"Magento\Quote\Api\Data\PaymentInterface"#, required: true, doc: "Payment method data." },
            Param { name: "shippingCarrierCode", ty: "string", required: false, doc: "The carrier code." },
            Param { name: "shippingMethodCode", ty: "string", required: false, doc: "The shipping method code." },
            Param { name: "additionalData", ty: r#"Magento\Quote\Api\Data\TotalsAdditionalDataInterface"#, required: false, doc: "Additional data to collect totals." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\TotalsInterface"#, "Quote totals data.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestCartTotalManagementInterface::collectTotals"#,
        doc: "Set shipping/billing methods and additional data for cart and collect totals.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
            Param { name: "paymentMethod", ty: r#"Magento\Quote\Api\Data\PaymentInterface"#, required: true, doc: "Payment method data." },
            Param { name: "shippingCarrierCode", ty: "string", required: false, doc: "The carrier code." },
            Param { name: "shippingMethodCode", ty: "string", required: false, doc: "The shipping method code." },
            Param { name: "additionalData", ty: r#"Magento\Quote\Api\Data\TotalsAdditionalDataInterface"#, required: false, doc: "Additional data to collect totals." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\TotalsInterface"#, "Quote totals data.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Checkout\Api\TotalsInformationManagementInterface::calculate"#,
        doc: "Calculate quote totals based on address and shipping method.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "" },
            Param { name: "addressInformation", ty: r#"Magento\Checkout\Api\Data\TotalsInformationInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\TotalsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Checkout\Api\GuestTotalsInformationManagementInterface::calculate"#,
        doc: "Calculate quote totals based on address and shipping method.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "" },
            Param { name: "addressInformation", ty: r#"Magento\Checkout\Api\Data\TotalsInformationInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\TotalsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\ShippingMethodManagementInterface::estimateByAddressId"#,
        doc: "Estimate shipping",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The shopping cart ID." },
            Param { name: "addressId", ty: "int", required: true, doc: "The estimate address id" },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\ShippingMethodInterface[]"#, "An array of shipping methods.")),
        throws: &["InputException", "StateException", "NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\ShippingMethodManagementInterface::getList"#,
        doc: "Lists applicable shipping methods for a specified quote.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\ShippingMethodInterface[]"#, "")),
        throws: &["NoSuchEntityException", "StateException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestShippingMethodManagementInterface::getList"#,
        doc: "List applicable shipping methods for a specified quote.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\ShippingMethodInterface[]"#, "")),
        throws: &["NoSuchEntityException", "StateException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\PaymentMethodManagementInterface::get"#,
        doc: "Returns the payment method for a specified shopping cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\PaymentInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\PaymentMethodManagementInterface::set"#,
        doc: "Adds a specified payment method to a specified shopping cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "" },
            Param { name: "method", ty: r#"Magento\Quote\Api\Data\PaymentInterface"#, required: true, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &["NoSuchEntityException", "InvalidTransitionException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestPaymentMethodManagementInterface::get"#,
        doc: "Return the payment method for a specified shopping cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\PaymentInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestPaymentMethodManagementInterface::set"#,
        doc: "Add a specified payment method to a specified shopping cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "" },
            Param { name: "method", ty: r#"Magento\Quote\Api\Data\PaymentInterface"#, required: true, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &["NoSuchEntityException", "InvalidTransitionException"],
    },
    ServiceMethod {
        service: r#"Magento\Checkout\Api\PaymentInformationManagementInterface::getPaymentInformation"#,
        doc: "Get payment information",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Checkout\Api\Data\PaymentDetailsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Checkout\Api\GuestPaymentInformationManagementInterface::getPaymentInformation"#,
        doc: "Get payment information",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Checkout\Api\Data\PaymentDetailsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\AsynchronousOperations\Api\BulkStatusInterface::getBulkDetailedStatus"#,
        doc: "Get Bulk summary data with list of operations items full data.",
        params: &[
            Param { name: "bulkUuid", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\AsynchronousOperations\Api\Data\DetailedBulkOperationsStatusInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\AsynchronousOperations\Api\BulkStatusInterface::getBulkShortStatus"#,
        doc: "Get Bulk summary data with list of operations items short data.",
        params: &[
            Param { name: "bulkUuid", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\AsynchronousOperations\Api\Data\BulkOperationsStatusInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\AsynchronousOperations\Api\BulkStatusInterface::getOperationsCountByBulkIdAndStatus"#,
        doc: "Get operations count by bulk uuid and status.",
        params: &[
            Param { name: "bulkUuid", ty: "string", required: true, doc: "" },
            Param { name: "status", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\CatalogInventory\Api\StockRegistryInterface::getLowStockItems"#,
        doc: "Retrieves a list of SKU's with low inventory qty",
        params: &[
            Param { name: "scopeId", ty: "int", required: true, doc: "" },
            Param { name: "qty", ty: "float", required: true, doc: "" },
            Param { name: "currentPage", ty: "int", required: false, doc: "" },
            Param { name: "pageSize", ty: "int", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\CatalogInventory\Api\Data\StockItemCollectionInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\CatalogInventory\Api\StockRegistryInterface::getStockItemBySku"#,
        doc: "",
        params: &[
            Param { name: "productSku", ty: "string", required: true, doc: "" },
            Param { name: "scopeId", ty: "int", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\CatalogInventory\Api\Data\StockItemInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\CatalogInventory\Api\StockRegistryInterface::getStockStatusBySku"#,
        doc: "",
        params: &[
            Param { name: "productSku", ty: "string", required: true, doc: "" },
            Param { name: "scopeId", ty: "int", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\CatalogInventory\Api\Data\StockStatusInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\CatalogInventory\Api\StockRegistryInterface::updateStockItemBySku"#,
        doc: "",
        params: &[
            Param { name: "productSku", ty: "string", required: true, doc: "" },
            Param { name: "stockItem", ty: r#"Magento\CatalogInventory\Api\Data\StockItemInterface"#, required: true, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\ProductTypeListInterface::getProductTypes"#,
        doc: "Retrieve available product types",
        params: &[],
        returns: Some((r#"Magento\Catalog\Api\Data\ProductTypeInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\CategoryLinkManagementInterface::getAssignedProducts"#,
        doc: "Get products assigned to category",
        params: &[
            Param { name: "categoryId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Catalog\Api\Data\CategoryProductLinkInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\CategoryLinkRepositoryInterface::deleteByIds"#,
        doc: "Remove the product assignment from the category by category id and sku",
        params: &[
            Param { name: "categoryId", ty: "int", required: true, doc: "" },
            Param { name: "sku", ty: "string", required: true, doc: "" },
        ],
        returns: Some(("bool", "will returned True if products successfully deleted")),
        throws: &["CouldNotSaveException", "StateException", "InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\CategoryLinkRepositoryInterface::save"#,
        doc: "Assign a product to the required category",
        params: &[
            Param { name: "productLink", ty: r#"Magento\Catalog\Api\Data\CategoryProductLinkInterface"#, required: true, doc: "" },
        ],
        returns: Some(("bool", "will returned True if assigned")),
        throws: &["CouldNotSaveException", "NoSuchEntityException", "StateException"],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\CategoryListInterface::getList"#,
        doc: "Get category list",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Catalog\Api\Data\CategorySearchResultsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\CategoryManagementInterface::getTree"#,
        doc: "Retrieve list of categories",
        params: &[
            Param { name: "rootCategoryId", ty: "int", required: false, doc: "" },
            Param { name: "depth", ty: "int", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\Catalog\Api\Data\CategoryTreeInterface"#, "containing Tree objects")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\CategoryRepositoryInterface::get"#,
        doc: "Get info about category by category id",
        params: &[
            Param { name: "categoryId", ty: "int", required: true, doc: "" },
            Param { name: "storeId", ty: "int", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\Catalog\Api\Data\CategoryInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\ProductRepositoryInterface::deleteById"#,
        doc: "",
        params: &[
            Param { name: "sku", ty: "string", required: true, doc: "" },
        ],
        returns: Some(("bool", "Will returned True if deleted")),
        throws: &["NoSuchEntityException", "StateException"],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\ProductRepositoryInterface::get"#,
        doc: "Get info about product by product SKU",
        params: &[
            Param { name: "sku", ty: "string", required: true, doc: "" },
            Param { name: "editMode", ty: "bool", required: false, doc: "" },
            Param { name: "storeId", ty: "int", required: false, doc: "" },
            Param { name: "forceReload", ty: "bool", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\Catalog\Api\Data\ProductInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\ProductRepositoryInterface::getList"#,
        doc: "Get product list",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Catalog\Api\Data\ProductSearchResultsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\BasePriceStorageInterface::get"#,
        doc: "Return product prices. In case of at least one of skus is not found exception will be thrown.",
        params: &[
            Param { name: "skus", ty: "string[]", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Catalog\Api\Data\BasePriceInterface[]"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\BasePriceStorageInterface::update"#,
        doc: "Add or update product prices. Input item should correspond \\Magento\\Catalog\\Api\\Data\\CostInterface. If any items will have invalid price, store id or sku, they will be marked as failed and excluded from update list and \\Magento\\Catalog\\Api\\Data\\PriceUpdateResultInterface[] with problem description will be returned. If there were no failed items during update empty array will be returned. If error occurred during the update exception will be thrown.",
        params: &[
            Param { name: "prices", ty: r#"Magento\Catalog\Api\Data\BasePriceInterface[]"#, required: true, doc: "Base prices." },
        ],
        returns: Some((r#"Magento\Catalog\Api\Data\PriceUpdateResultInterface[]"#, "")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Catalog\Api\ProductRepositoryInterface::save"#,
        doc: "Create product",
        params: &[
            Param { name: "product", ty: r#"Magento\Catalog\Api\Data\ProductInterface"#, required: true, doc: "" },
            Param { name: "saveOptions", ty: "bool", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\Catalog\Api\Data\ProductInterface"#, "")),
        throws: &["InputException", "StateException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Checkout\Api\GuestPaymentInformationManagementInterface::savePaymentInformation"#,
        doc: "Set payment information for a specified cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "" },
            Param { name: "email", ty: "string", required: true, doc: "" },
            Param { name: "paymentMethod", ty: r#"Magento\Quote\Api\Data\PaymentInterface"#, required: true, doc: "" },
            Param { name: "billingAddress", ty: r#"Magento\Quote\Api\Data\AddressInterface"#, required: false, doc: "" },
        ],
        returns: Some(("int", "Order ID.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Checkout\Api\GuestPaymentInformationManagementInterface::savePaymentInformationAndPlaceOrder"#,
        doc: "Set payment information and place order for a specified cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "" },
            Param { name: "email", ty: "string", required: true, doc: "" },
            Param { name: "paymentMethod", ty: r#"Magento\Quote\Api\Data\PaymentInterface"#, required: true, doc: "" },
            Param { name: "billingAddress", ty: r#"Magento\Quote\Api\Data\AddressInterface"#, required: false, doc: "" },
        ],
        returns: Some(("int", "Order ID.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Checkout\Api\GuestShippingInformationManagementInterface::saveAddressInformation"#,
        doc: "",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "" },
            Param { name: "addressInformation", ty: r#"Magento\Checkout\Api\Data\ShippingInformationInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Checkout\Api\Data\PaymentDetailsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Checkout\Api\PaymentInformationManagementInterface::savePaymentInformation"#,
        doc: "Set payment information for a specified cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "" },
            Param { name: "paymentMethod", ty: r#"Magento\Quote\Api\Data\PaymentInterface"#, required: true, doc: "" },
            Param { name: "billingAddress", ty: r#"Magento\Quote\Api\Data\AddressInterface"#, required: false, doc: "" },
        ],
        returns: Some(("int", "Order ID.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Checkout\Api\PaymentInformationManagementInterface::savePaymentInformationAndPlaceOrder"#,
        doc: "Set payment information and place order for a specified cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "" },
            Param { name: "paymentMethod", ty: r#"Magento\Quote\Api\Data\PaymentInterface"#, required: true, doc: "" },
            Param { name: "billingAddress", ty: r#"Magento\Quote\Api\Data\AddressInterface"#, required: false, doc: "" },
        ],
        returns: Some(("int", "Order ID.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Checkout\Api\ShippingInformationManagementInterface::saveAddressInformation"#,
        doc: "",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "" },
            Param { name: "addressInformation", ty: r#"Magento\Checkout\Api\Data\ShippingInformationInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Checkout\Api\Data\PaymentDetailsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::activate"#,
        doc: "Activate a customer account using a key that was sent in a confirmation email.",
        params: &[
            Param { name: "email", ty: "string", required: true, doc: "" },
            Param { name: "confirmationKey", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\CustomerInterface"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::activateById"#,
        doc: "Activate a customer account using a key that was sent in a confirmation email.",
        params: &[
            Param { name: "customerId", ty: "int", required: true, doc: "" },
            Param { name: "confirmationKey", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\CustomerInterface"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::changePasswordById"#,
        doc: "Change customer password.",
        params: &[
            Param { name: "customerId", ty: "int", required: true, doc: "" },
            Param { name: "currentPassword", ty: "string", required: true, doc: "" },
            Param { name: "newPassword", ty: "string", required: true, doc: "" },
        ],
        returns: Some(("bool", "true on success")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::initiatePasswordReset"#,
        doc: "Send an email to the customer with a password reset link.",
        params: &[
            Param { name: "email", ty: "string", required: true, doc: "" },
            Param { name: "template", ty: "string", required: true, doc: "" },
            Param { name: "websiteId", ty: "int", required: false, doc: "" },
        ],
        returns: Some(("bool", "true on success")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::resendConfirmation"#,
        doc: "Resend confirmation email.",
        params: &[
            Param { name: "email", ty: "string", required: true, doc: "" },
            Param { name: "websiteId", ty: "int", required: true, doc: "" },
            Param { name: "redirectUrl", ty: "string", required: false, doc: "" },
        ],
        returns: Some(("bool", "true on success")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::resetPassword"#,
        doc: "Reset customer password.",
        params: &[
            Param { name: "email", ty: "string", required: true, doc: "If empty value given then the customer will be matched by the RP token." },
            Param { name: "resetToken", ty: "string", required: true, doc: "" },
            Param { name: "newPassword", ty: "string", required: true, doc: "" },
        ],
        returns: Some(("bool", "true on success")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::validateResetPasswordLinkToken"#,
        doc: "Check if password reset token is valid.",
        params: &[
            Param { name: "customerId", ty: "int", required: true, doc: "If null is given then a customer will be matched by the RP token." },
            Param { name: "resetPasswordLinkToken", ty: "string", required: true, doc: "" },
        ],
        returns: Some(("bool", "True if the token is valid")),
        throws: &["InputMismatchException", "ExpiredException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::createAccount"#,
        doc: "Create customer account. Perform necessary business operations like sending email.",
        params: &[
            Param { name: "customer", ty: r#"Magento\Customer\Api\Data\CustomerInterface"#, required: true, doc: "" },
            Param { name: "password", ty: "string", required: false, doc: "" },
            Param { name: "redirectUrl", ty: "string", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\CustomerInterface"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::getConfirmationStatus"#,
        doc: "Gets the account confirmation status.",
        params: &[
            Param { name: "customerId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("string", "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::getDefaultBillingAddress"#,
        doc: "Retrieve default billing address for the given customerId.",
        params: &[
            Param { name: "customerId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\AddressInterface"#, "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::getDefaultShippingAddress"#,
        doc: "Retrieve default shipping address for the given customerId.",
        params: &[
            Param { name: "customerId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\AddressInterface"#, "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::isEmailAvailable"#,
        doc: "Check if given email is associated with a customer account in given website.",
        params: &[
            Param { name: "customerEmail", ty: "string", required: true, doc: "" },
            Param { name: "websiteId", ty: "int", required: false, doc: "If not set, will use the current websiteId" },
        ],
        returns: Some(("bool", "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\CustomerMetadataInterface::getAttributes"#,
        doc: "Retrieve all attributes filtered by form code",
        params: &[
            Param { name: "formCode", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\AttributeMetadataInterface[]"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\CustomerMetadataInterface::getAttributeMetadata"#,
        doc: "Retrieve attribute metadata.",
        params: &[
            Param { name: "attributeCode", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\AttributeMetadataInterface"#, "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\CustomerMetadataInterface::getAllAttributesMetadata"#,
        doc: "Get all attribute metadata.",
        params: &[],
        returns: Some((r#"Magento\Customer\Api\Data\AttributeMetadataInterface[]"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\CustomerMetadataInterface::getCustomAttributesMetadata"#,
        doc: "Get custom attributes metadata for the given data interface.",
        params: &[
            Param { name: "dataInterfaceName", ty: "string", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\AttributeMetadataInterface[]"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AddressMetadataInterface::getAttributes"#,
        doc: "Retrieve all attributes filtered by form code",
        params: &[
            Param { name: "formCode", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\AttributeMetadataInterface[]"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AddressMetadataInterface::getAttributeMetadata"#,
        doc: "Retrieve attribute metadata.",
        params: &[
            Param { name: "attributeCode", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\AttributeMetadataInterface"#, "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AddressMetadataInterface::getAllAttributesMetadata"#,
        doc: "Get all attribute metadata.",
        params: &[],
        returns: Some((r#"Magento\Customer\Api\Data\AttributeMetadataInterface[]"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AddressMetadataInterface::getCustomAttributesMetadata"#,
        doc: "Get custom attributes metadata for the given data interface.",
        params: &[
            Param { name: "dataInterfaceName", ty: "string", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\AttributeMetadataInterface[]"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::validate"#,
        doc: "Validate customer data.",
        params: &[
            Param { name: "customer", ty: r#"Magento\Customer\Api\Data\CustomerInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\ValidationResultsInterface"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AccountManagementInterface::isReadonly"#,
        doc: "Check if customer can be deleted.",
        params: &[
            Param { name: "customerId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AddressRepositoryInterface::deleteById"#,
        doc: "Delete customer address by ID.",
        params: &[
            Param { name: "addressId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "true on success")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\AddressRepositoryInterface::getById"#,
        doc: "Retrieve customer address.",
        params: &[
            Param { name: "addressId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\AddressInterface"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\CustomerRepositoryInterface::deleteById"#,
        doc: "Delete customer by Customer ID.",
        params: &[
            Param { name: "customerId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "true on success")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\CustomerRepositoryInterface::save"#,
        doc: "Create or update a customer.",
        params: &[
            Param { name: "customer", ty: r#"Magento\Customer\Api\Data\CustomerInterface"#, required: true, doc: "" },
            Param { name: "passwordHash", ty: "string", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\CustomerInterface"#, "")),
        throws: &["InputException", "InputMismatchException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\CustomerRepositoryInterface::getById"#,
        doc: "Get customer by Customer ID.",
        params: &[
            Param { name: "customerId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\CustomerInterface"#, "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\CustomerRepositoryInterface::getList"#,
        doc: "Retrieve customers which match a specified criteria.  This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#CustomerRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\CustomerSearchResultsInterface"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\CustomerGroupConfigInterface::setDefaultCustomerGroup"#,
        doc: "Set system default customer group.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &["UnexpectedValueException", "Exception", "NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\GroupManagementInterface::getDefaultGroup"#,
        doc: "Get default customer group.",
        params: &[
            Param { name: "storeId", ty: "int", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\GroupInterface"#, "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\GroupManagementInterface::isReadonly"#,
        doc: "Check if customer group can be deleted.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\GroupRepositoryInterface::deleteById"#,
        doc: "Delete customer group by ID.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "true on success")),
        throws: &["NoSuchEntityException", "StateException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\GroupRepositoryInterface::getById"#,
        doc: "Get customer group by group ID.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\GroupInterface"#, "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\GroupRepositoryInterface::getList"#,
        doc: "Retrieve customer groups.  The list of groups can be filtered to exclude the NOT_LOGGED_IN group using the first parameter and/or it can be filtered by tax class.  This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#GroupRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\GroupSearchResultsInterface"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Customer\Api\GroupRepositoryInterface::save"#,
        doc: "Save customer group.",
        params: &[
            Param { name: "group", ty: r#"Magento\Customer\Api\Data\GroupInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Customer\Api\Data\GroupInterface"#, "")),
        throws: &["InputException", "InvalidTransitionException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Downloadable\Api\LinkRepositoryInterface::delete"#,
        doc: "Delete downloadable link",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Downloadable\Api\LinkRepositoryInterface::getList"#,
        doc: "List of links with associated samples",
        params: &[
            Param { name: "sku", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Downloadable\Api\Data\LinkInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Downloadable\Api\LinkRepositoryInterface::save"#,
        doc: "Update downloadable link of the given product (link type and its resources cannot be changed)",
        params: &[
            Param { name: "sku", ty: "string", required: true, doc: "" },
            Param { name: "link", ty: r#"Magento\Downloadable\Api\Data\LinkInterface"#, required: true, doc: "" },
            Param { name: "isGlobalScopeContent", ty: "bool", required: false, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Downloadable\Api\SampleRepositoryInterface::delete"#,
        doc: "Delete downloadable sample",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Downloadable\Api\SampleRepositoryInterface::getList"#,
        doc: "List of samples for downloadable product",
        params: &[
            Param { name: "sku", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Downloadable\Api\Data\SampleInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Downloadable\Api\SampleRepositoryInterface::save"#,
        doc: "Update downloadable sample of the given product",
        params: &[
            Param { name: "sku", ty: "string", required: true, doc: "" },
            Param { name: "sample", ty: r#"Magento\Downloadable\Api\Data\SampleInterface"#, required: true, doc: "" },
            Param { name: "isGlobalScopeContent", ty: "bool", required: false, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Integration\Api\AdminTokenServiceInterface::createAdminAccessToken"#,
        doc: "Create access token for admin given the admin credentials.",
        params: &[
            Param { name: "username", ty: "string", required: true, doc: "" },
            Param { name: "password", ty: "string", required: true, doc: "" },
        ],
        returns: Some(("string", "Token created")),
        throws: &["InputException", "AuthenticationException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Integration\Api\CustomerTokenServiceInterface::createCustomerAccessToken"#,
        doc: "Create access token for admin given the customer credentials.",
        params: &[
            Param { name: "username", ty: "string", required: true, doc: "" },
            Param { name: "password", ty: "string", required: true, doc: "" },
        ],
        returns: Some(("string", "Token created")),
        throws: &["AuthenticationException", "EmailNotConfirmedException"],
    },
    ServiceMethod {
        service: r#"Magento\Integration\Api\CustomerTokenServiceInterface::revokeCustomerAccessToken"#,
        doc: "Revoke token by customer id.",
        params: &[
            Param { name: "customerId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\GetSourcesAssignedToStockOrderedByPriorityInterface::execute"#,
        doc: "Get Sources assigned to Stock ordered by priority  If Stock with given id doesn't exist then return an empty array",
        params: &[
            Param { name: "stockId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryApi\Api\Data\SourceInterface[]"#, "")),
        throws: &["InputException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\GetStockSourceLinksInterface::execute"#,
        doc: "Find StockSourceLink list by given SearchCriteria",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryApi\Api\Data\StockSourceLinkSearchResultsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\SourceItemRepositoryInterface::getList"#,
        doc: "Find SourceItems by SearchCriteria  We need to have this method for direct work with SourceItems because this object contains additional data like as qty, status (for example can be searchable by additional field)",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryApi\Api\Data\SourceItemSearchResultsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\SourceItemsDeleteInterface::execute"#,
        doc: "Delete Multiple Source item data",
        params: &[
            Param { name: "sourceItems", ty: r#"Magento\InventoryApi\Api\Data\SourceItemInterface[]"#, required: true, doc: "" },
        ],
        returns: None,
        throws: &["InputException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\SourceItemsSaveInterface::execute"#,
        doc: "Save Multiple Source item data",
        params: &[
            Param { name: "sourceItems", ty: r#"Magento\InventoryApi\Api\Data\SourceItemInterface[]"#, required: true, doc: "" },
        ],
        returns: None,
        throws: &["InputException", "ValidationException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\SourceRepositoryInterface::get"#,
        doc: "Get Source data by given code. If you want to create plugin on get method, also you need to create separate  Plugin on getList method, because entity loading way is different for these methods",
        params: &[
            Param { name: "sourceCode", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryApi\Api\Data\SourceInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\SourceRepositoryInterface::getList"#,
        doc: "Find Sources by SearchCriteria  SearchCriteria is not required because load all stocks is useful case",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: false, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryApi\Api\Data\SourceSearchResultsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\SourceRepositoryInterface::save"#,
        doc: "Save Source data",
        params: &[
            Param { name: "source", ty: r#"Magento\InventoryApi\Api\Data\SourceInterface"#, required: true, doc: "" },
        ],
        returns: None,
        throws: &["ValidationException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\StockRepositoryInterface::deleteById"#,
        doc: "Delete the Stock data by stockId. If stock is not found do nothing",
        params: &[
            Param { name: "stockId", ty: "int", required: true, doc: "" },
        ],
        returns: None,
        throws: &["NoSuchEntityException", "CouldNotDeleteException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\StockRepositoryInterface::get"#,
        doc: "Get Stock data by given stockId. If you want to create plugin on get method, also you need to create separate  Plugin on getList method, because entity loading way is different for these methods",
        params: &[
            Param { name: "stockId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryApi\Api\Data\StockInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\StockRepositoryInterface::getList"#,
        doc: "Find Stocks by given SearchCriteria  SearchCriteria is not required because load all stocks is useful case",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: false, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryApi\Api\Data\StockSearchResultsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\StockRepositoryInterface::save"#,
        doc: "Save Stock data",
        params: &[
            Param { name: "stock", ty: r#"Magento\InventoryApi\Api\Data\StockInterface"#, required: true, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &["ValidationException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\StockSourceLinksDeleteInterface::execute"#,
        doc: "Remove StockSourceLink list list",
        params: &[
            Param { name: "links", ty: r#"Magento\InventoryApi\Api\Data\StockSourceLinkInterface[]"#, required: true, doc: "" },
        ],
        returns: None,
        throws: &["CouldNotDeleteException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryApi\Api\StockSourceLinksSaveInterface::execute"#,
        doc: "Save StockSourceLink list data",
        params: &[
            Param { name: "links", ty: r#"Magento\InventoryApi\Api\Data\StockSourceLinkInterface[]"#, required: true, doc: "" },
        ],
        returns: None,
        throws: &["ValidationException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryCatalogApi\Api\BulkInventoryTransferInterface::execute"#,
        doc: "Run bulk inventory transfer",
        params: &[
            Param { name: "skus", ty: "string[]", required: true, doc: "" },
            Param { name: "originSource", ty: "string", required: true, doc: "" },
            Param { name: "destinationSource", ty: "string", required: true, doc: "" },
            Param { name: "unassignFromOrigin", ty: "bool", required: true, doc: "" },
        ],
        returns: Some(("bool", "")),
        throws: &["ValidationException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryCatalogApi\Api\BulkPartialInventoryTransferInterface::execute"#,
        doc: "Run bulk partial inventory transfer for specified items.",
        params: &[
            Param { name: "originSourceCode", ty: "string", required: true, doc: "" },
            Param { name: "destinationSourceCode", ty: "string", required: true, doc: "" },
            Param { name: "items", ty: r#"Magento\InventoryCatalogApi\Api\Data\PartialInventoryTransferItemInterface[]"#, required: true, doc: "" },
        ],
        returns: None,
        throws: &["ValidationException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryCatalogApi\Api\BulkSourceAssignInterface::execute"#,
        doc: "Run mass product to source assignment",
        params: &[
            Param { name: "skus", ty: "string[]", required: true, doc: "" },
            Param { name: "sourceCodes", ty: "string[]", required: true, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &["ValidationException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryCatalogApi\Api\BulkSourceUnassignInterface::execute"#,
        doc: "Run mass product to source un-assignment",
        params: &[
            Param { name: "skus", ty: "string[]", required: true, doc: "" },
            Param { name: "sourceCodes", ty: "string[]", required: true, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &["ValidationException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryDistanceBasedSourceSelectionApi\Api\GetDistanceInterface::execute"#,
        doc: "Get distance between two points",
        params: &[
            Param { name: "source", ty: r#"Magento\InventoryDistanceBasedSourceSelectionApi\Api\Data\LatLngInterface"#, required: true, doc: "" },
            Param { name: "destination", ty: r#"Magento\InventoryDistanceBasedSourceSelectionApi\Api\Data\LatLngInterface"#, required: true, doc: "" },
        ],
        returns: Some(("float", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventoryDistanceBasedSourceSelectionApi\Api\GetDistanceProviderCodeInterface::execute"#,
        doc: "Get Default distance provider code",
        params: &[
        ],
        returns: Some(("string", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventoryDistanceBasedSourceSelectionApi\Api\GetLatLngFromAddressInterface::execute"#,
        doc: "Get latitude and longitude object from address",
        params: &[
            Param { name: "address", ty: r#"Magento\InventorySourceSelectionApi\Api\Data\AddressInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryDistanceBasedSourceSelectionApi\Api\Data\LatLngInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventoryDistanceBasedSourceSelectionApi\Api\GetLatsLngsFromAddressInterface::execute"#,
        doc: "Get all available latitude and longitude objects from address.",
        params: &[
            Param { name: "address", ty: r#"Magento\InventorySourceSelectionApi\Api\Data\AddressInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryDistanceBasedSourceSelectionApi\Api\Data\LatLngInterface[]"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryExportStockApi\Api\ExportStockIndexDataInterface::execute"#,
        doc: "Provides stock index export from inventory_stock_% table",
        params: &[
            Param { name: "salesChannelType", ty: "string", required: true, doc: "" },
            Param { name: "salesChannelCode", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryExportStockApi\Api\Data\ProductStockIndexDataInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventoryExportStockApi\Api\ExportStockSalableQtyInterface::execute"#,
        doc: "Export product stock data filtered by search criteria.",
        params: &[
            Param { name: "salesChannelType", ty: "string", required: true, doc: "" },
            Param { name: "salesChannelCode", ty: "string", required: true, doc: "" },
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryExportStockApi\Api\Data\ExportStockSalableQtySearchResultInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventoryInStorePickupApi\Api\GetPickupLocationsInterface::execute"#,
        doc: "Get Pickup Locations according to the results of filtration by Search Request.",
        params: &[
            Param { name: "searchRequest", ty: r#"Magento\InventoryInStorePickupApi\Api\Data\SearchRequestInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryInStorePickupApi\Api\Data\SearchResultInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventoryInStorePickupSalesApi\Api\NotifyOrdersAreReadyForPickupInterface::execute"#,
        doc: "Notify customer that the orders is ready for pickup.",
        params: &[
            Param { name: "orderIds", ty: "int[]", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryInStorePickupSalesApi\Api\Data\ResultInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventoryLowQuantityNotificationApi\Api\DeleteSourceItemsConfigurationInterface::execute"#,
        doc: "Delete multiple source items configuration for low quantity",
        params: &[
            Param { name: "sourceItems", ty: r#"Magento\InventoryApi\Api\Data\SourceItemInterface[]"#, required: true, doc: "" },
        ],
        returns: None,
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventoryLowQuantityNotificationApi\Api\GetSourceItemConfigurationInterface::execute"#,
        doc: "Get the source item configuration",
        params: &[
            Param { name: "sourceCode", ty: "string", required: true, doc: "" },
            Param { name: "sku", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryLowQuantityNotificationApi\Api\Data\SourceItemConfigurationInterface"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\InventoryLowQuantityNotificationApi\Api\SourceItemConfigurationsSaveInterface::execute"#,
        doc: "",
        params: &[
            Param { name: "sourceItemConfigurations", ty: r#"Magento\InventoryLowQuantityNotificationApi\Api\Data\SourceItemConfigurationInterface[]"#, required: true, doc: "" },
        ],
        returns: None,
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventorySalesApi\Api\AreProductsSalableForRequestedQtyInterface::execute"#,
        doc: "Get whether products are salable in requested Qty for given set of SKUs in specified stock.",
        params: &[
            Param { name: "skuRequests", ty: r#"Magento\InventorySalesApi\Api\Data\IsProductSalableForRequestedQtyRequestInterface[]"#, required: true, doc: "" },
            Param { name: "stockId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventorySalesApi\Api\Data\IsProductSalableForRequestedQtyResultInterface[]"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\InventorySalesApi\Api\AreProductsSalableInterface::execute"#,
        doc: "Get products salable status for given SKUs and given Stock.",
        params: &[
            Param { name: "skus", ty: "string[]", required: true, doc: "" },
            Param { name: "stockId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventorySalesApi\Api\Data\IsProductSalableResultInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventorySalesApi\Api\GetProductSalableQtyInterface::execute"#,
        doc: "Get Product Quantity for given SKU and Stock",
        params: &[
            Param { name: "sku", ty: "string", required: true, doc: "" },
            Param { name: "stockId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("float", "")),
        throws: &["InputException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\InventorySalesApi\Api\IsProductSalableForRequestedQtyInterface::execute"#,
        doc: "Get is product salable for given SKU in a given Stock for a certain Qty",
        params: &[
            Param { name: "sku", ty: "string", required: true, doc: "" },
            Param { name: "stockId", ty: "int", required: true, doc: "" },
            Param { name: "requestedQty", ty: "float", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventorySalesApi\Api\Data\ProductSalableResultInterface"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\InventorySalesApi\Api\IsProductSalableInterface::execute"#,
        doc: "Get is product in salable for given SKU in a given Stock",
        params: &[
            Param { name: "sku", ty: "string", required: true, doc: "" },
            Param { name: "stockId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventorySalesApi\Api\StockResolverInterface::execute"#,
        doc: "Resolve Stock by Sales Channel type and code",
        params: &[
            Param { name: "type", ty: "string", required: true, doc: "" },
            Param { name: "code", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventoryApi\Api\Data\StockInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\InventorySourceSelectionApi\Api\GetSourceSelectionAlgorithmListInterface::execute"#,
        doc: "",
        params: &[
        ],
        returns: Some((r#"Magento\InventorySourceSelectionApi\Api\Data\SourceSelectionAlgorithmInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\InventorySourceSelectionApi\Api\SourceSelectionServiceInterface::execute"#,
        doc: "",
        params: &[
            Param { name: "inventoryRequest", ty: r#"Magento\InventorySourceSelectionApi\Api\Data\InventoryRequestInterface"#, required: true, doc: "" },
            Param { name: "algorithmCode", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\InventorySourceSelectionApi\Api\Data\SourceSelectionResultInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\BillingAddressManagementInterface::assign"#,
        doc: "Assigns a specified billing address to a specified cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
            Param { name: "address", ty: r#"Magento\Quote\Api\Data\AddressInterface"#, required: true, doc: "Billing address data." },
            Param { name: "useForShipping", ty: "bool", required: false, doc: "" },
        ],
        returns: Some(("int", "Address ID.")),
        throws: &["NoSuchEntityException", "InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\BillingAddressManagementInterface::get"#,
        doc: "Returns the billing address for a specified quote.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\AddressInterface"#, "Quote billing address object.")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartItemRepositoryInterface::deleteById"#,
        doc: "Removes the specified item from the specified cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
            Param { name: "itemId", ty: "int", required: true, doc: "The item ID of the item to be removed." },
        ],
        returns: Some(("bool", "")),
        throws: &["NoSuchEntityException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartItemRepositoryInterface::getList"#,
        doc: "Lists items that are assigned to a specified cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\CartItemInterface[]"#, "Array of items.")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartItemRepositoryInterface::save"#,
        doc: "Add/update the specified cart item.",
        params: &[
            Param { name: "cartItem", ty: r#"Magento\Quote\Api\Data\CartItemInterface"#, required: true, doc: "The item." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\CartItemInterface"#, "Item.")),
        throws: &["NoSuchEntityException", "CouldNotSaveException", "InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartManagementInterface::createEmptyCart"#,
        doc: "Creates an empty cart and quote for a guest.",
        params: &[
        ],
        returns: Some(("int", "Cart ID.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartManagementInterface::createEmptyCartForCustomer"#,
        doc: "Creates an empty cart and quote for a specified customer if customer does not have a cart yet.",
        params: &[
            Param { name: "customerId", ty: "int", required: true, doc: "The customer ID." },
        ],
        returns: Some(("int", "new cart ID if customer did not have a cart or ID of the existing cart otherwise.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartManagementInterface::getCartForCustomer"#,
        doc: "Returns information for the cart for a specified customer.",
        params: &[
            Param { name: "customerId", ty: "int", required: true, doc: "The customer ID." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\CartInterface"#, "Cart object.")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartManagementInterface::placeOrder"#,
        doc: "Places an order for a specified cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
            Param { name: "paymentMethod", ty: r#"Magento\Quote\Api\Data\PaymentInterface"#, required: false, doc: "" },
        ],
        returns: Some(("int", "Order ID.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartRepositoryInterface::get"#,
        doc: "Enables an administrative user to return information for a specified cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\CartInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartRepositoryInterface::save"#,
        doc: "Save quote",
        params: &[
            Param { name: "quote", ty: r#"Magento\Quote\Api\Data\CartInterface"#, required: true, doc: "" },
        ],
        returns: None,
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartRepositoryInterface::getList"#,
        doc: "Enables administrative users to list carts that match specified search criteria.  This call returns an array of objects, but detailed information about each object’s attributes might not be included.  See https://developer.adobe.com/commerce/webapi/rest/attributes#CartRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\CartSearchResultsInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CartTotalRepositoryInterface::get"#,
        doc: "Returns quote totals data for a specified cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\TotalsInterface"#, "Quote totals data.")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CouponManagementInterface::get"#,
        doc: "Returns information for a coupon in a specified cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
        ],
        returns: Some(("string", "The coupon code data.")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CouponManagementInterface::remove"#,
        doc: "Deletes a coupon from a specified cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
        ],
        returns: Some(("bool", "")),
        throws: &["NoSuchEntityException", "CouldNotDeleteException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\CouponManagementInterface::set"#,
        doc: "Adds a coupon by code to a specified cart.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
            Param { name: "couponCode", ty: "string", required: true, doc: "The coupon code data." },
        ],
        returns: Some(("bool", "")),
        throws: &["NoSuchEntityException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestBillingAddressManagementInterface::assign"#,
        doc: "Assign a specified billing address to a specified cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
            Param { name: "address", ty: r#"Magento\Quote\Api\Data\AddressInterface"#, required: true, doc: "Billing address data." },
            Param { name: "useForShipping", ty: "bool", required: false, doc: "" },
        ],
        returns: Some(("int", "Address ID.")),
        throws: &["NoSuchEntityException", "InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestBillingAddressManagementInterface::get"#,
        doc: "Return the billing address for a specified quote.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\AddressInterface"#, "Quote billing address object.")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestCartItemRepositoryInterface::deleteById"#,
        doc: "Remove the specified item from the specified cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
            Param { name: "itemId", ty: "int", required: true, doc: "The item ID of the item to be removed." },
        ],
        returns: Some(("bool", "")),
        throws: &["NoSuchEntityException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestCartItemRepositoryInterface::getList"#,
        doc: "List items that are assigned to a specified cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\CartItemInterface[]"#, "Array of items.")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestCartItemRepositoryInterface::save"#,
        doc: "Add/update the specified cart item.",
        params: &[
            Param { name: "cartItem", ty: r#"Magento\Quote\Api\Data\CartItemInterface"#, required: true, doc: "The item." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\CartItemInterface"#, "Item.")),
        throws: &["NoSuchEntityException", "CouldNotSaveException", "InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestCartManagementInterface::createEmptyCart"#,
        doc: "Enable an customer or guest user to create an empty cart and quote for an anonymous customer.",
        params: &[
        ],
        returns: Some(("string", "Cart ID.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestCartManagementInterface::placeOrder"#,
        doc: "Place an order for a specified cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
            Param { name: "paymentMethod", ty: r#"Magento\Quote\Api\Data\PaymentInterface"#, required: false, doc: "" },
        ],
        returns: Some(("int", "Order ID.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestCartRepositoryInterface::get"#,
        doc: "Enable a guest user to return information for a specified cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\CartInterface"#, "")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestCartTotalRepositoryInterface::get"#,
        doc: "Return quote totals data for a specified cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\TotalsInterface"#, "Quote totals data.")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestCouponManagementInterface::get"#,
        doc: "Return information for a coupon in a specified cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
        ],
        returns: Some(("string", "The coupon code data.")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestCouponManagementInterface::remove"#,
        doc: "Delete a coupon from a specified cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
        ],
        returns: Some(("bool", "")),
        throws: &["NoSuchEntityException", "CouldNotDeleteException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestCouponManagementInterface::set"#,
        doc: "Add a coupon by code to a specified cart.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
            Param { name: "couponCode", ty: "string", required: true, doc: "The coupon code data." },
        ],
        returns: Some(("bool", "")),
        throws: &["NoSuchEntityException", "CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestPaymentMethodManagementInterface::getList"#,
        doc: "List available payment methods for a specified shopping cart.  This call returns an array of objects, but detailed information about each object’s attributes might not be included.  See https://developer.adobe.com/commerce/webapi/rest/attributes#GuestPaymentMethodManagementInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "cartId", ty: "string", required: true, doc: "The cart ID." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\PaymentMethodInterface[]"#, "Array of payment methods.")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\GuestShipmentEstimationInterface::estimateByExtendedAddress"#,
        doc: "Estimate shipping by address and return list of available shipping methods",
        params: &[
            Param { name: "cartId", ty: "mixed", required: true, doc: "" },
            Param { name: "address", ty: r#"Magento\Quote\Api\Data\AddressInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\ShippingMethodInterface[]"#, "An array of shipping methods")),
        throws: &["InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\PaymentMethodManagementInterface::getList"#,
        doc: "Lists available payment methods for a specified shopping cart.  This call returns an array of objects, but detailed information about each object’s attributes might not be included.  See https://developer.adobe.com/commerce/webapi/rest/attributes#PaymentMethodManagementInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "cartId", ty: "int", required: true, doc: "The cart ID." },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\PaymentMethodInterface[]"#, "Array of payment methods.")),
        throws: &["NoSuchEntityException"],
    },
    ServiceMethod {
        service: r#"Magento\Quote\Api\ShipmentEstimationInterface::estimateByExtendedAddress"#,
        doc: "Estimate shipping by address and return list of available shipping methods",
        params: &[
            Param { name: "cartId", ty: "mixed", required: true, doc: "" },
            Param { name: "address", ty: r#"Magento\Quote\Api\Data\AddressInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Quote\Api\Data\ShippingMethodInterface[]"#, "An array of shipping methods")),
        throws: &["InputException"],
    },
    ServiceMethod {
        service: r#"Magento\SalesRule\Api\CouponManagementInterface::deleteByCodes"#,
        doc: "Delete coupon by coupon codes.",
        params: &[
            Param { name: "codes", ty: "string[]", required: true, doc: "" },
            Param { name: "ignoreInvalidCoupons", ty: "bool", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\SalesRule\Api\Data\CouponMassDeleteResultInterface"#, "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\SalesRule\Api\CouponManagementInterface::deleteByIds"#,
        doc: "Delete coupon by coupon ids.",
        params: &[
            Param { name: "ids", ty: "int[]", required: true, doc: "" },
            Param { name: "ignoreInvalidCoupons", ty: "bool", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\SalesRule\Api\Data\CouponMassDeleteResultInterface"#, "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\SalesRule\Api\CouponManagementInterface::generate"#,
        doc: "Generate coupon for a rule",
        params: &[
            Param { name: "couponSpec", ty: r#"Magento\SalesRule\Api\Data\CouponGenerationSpecInterface"#, required: true, doc: "" },
        ],
        returns: Some(("string[]", "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\SalesRule\Api\CouponRepositoryInterface::deleteById"#,
        doc: "Delete coupon by coupon id.",
        params: &[
            Param { name: "couponId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "true on success")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\SalesRule\Api\CouponRepositoryInterface::getById"#,
        doc: "Get coupon by coupon id.",
        params: &[
            Param { name: "couponId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\SalesRule\Api\Data\CouponInterface"#, "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\SalesRule\Api\CouponRepositoryInterface::getList"#,
        doc: "Retrieve a coupon using the specified search criteria.  This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#CouponRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\SalesRule\Api\Data\CouponSearchResultInterface"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\SalesRule\Api\CouponRepositoryInterface::save"#,
        doc: "Save a coupon.",
        params: &[
            Param { name: "coupon", ty: r#"Magento\SalesRule\Api\Data\CouponInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\SalesRule\Api\Data\CouponInterface"#, "")),
        throws: &["InputException", "NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\SalesRule\Api\RuleRepositoryInterface::deleteById"#,
        doc: "Delete rule by ID.",
        params: &[
            Param { name: "ruleId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "true on success")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\SalesRule\Api\RuleRepositoryInterface::getById"#,
        doc: "Get rule by ID.",
        params: &[
            Param { name: "ruleId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\SalesRule\Api\Data\RuleInterface"#, "")),
        throws: &["NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\SalesRule\Api\RuleRepositoryInterface::getList"#,
        doc: "Retrieve sales rules that match te specified criteria.  This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#RuleRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\SalesRule\Api\Data\RuleSearchResultInterface"#, "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\SalesRule\Api\RuleRepositoryInterface::save"#,
        doc: "Save sales rule.",
        params: &[
            Param { name: "rule", ty: r#"Magento\SalesRule\Api\Data\RuleInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\SalesRule\Api\Data\RuleInterface"#, "")),
        throws: &["InputException", "NoSuchEntityException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\CreditmemoCommentRepositoryInterface::save"#,
        doc: "Performs persist operations for a specified entity.",
        params: &[
            Param { name: "entity", ty: r#"Magento\Sales\Api\Data\CreditmemoCommentInterface"#, required: true, doc: "The credit memo comment." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\CreditmemoCommentInterface"#, "Credit memo comment interface.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\CreditmemoManagementInterface::cancel"#,
        doc: "Cancels a specified credit memo.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The credit memo ID." },
        ],
        returns: Some(("bool", "")),
        throws: &["LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\CreditmemoManagementInterface::getCommentsList"#,
        doc: "Lists comments for a specified credit memo.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The credit memo ID." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\CreditmemoCommentSearchResultInterface"#, "Credit memo comment search results interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\CreditmemoManagementInterface::notify"#,
        doc: "Emails a user a specified credit memo.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The credit memo ID." },
        ],
        returns: Some(("bool", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\CreditmemoManagementInterface::refund"#,
        doc: "Prepare creditmemo to refund and save it.",
        params: &[
            Param { name: "creditmemo", ty: r#"Magento\Sales\Api\Data\CreditmemoInterface"#, required: true, doc: "" },
            Param { name: "offlineRequested", ty: "bool", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\CreditmemoInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\CreditmemoRepositoryInterface::get"#,
        doc: "Loads a specified credit memo.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The credit memo ID." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\CreditmemoInterface"#, "Credit memo interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\CreditmemoRepositoryInterface::getList"#,
        doc: "Lists credit memos that match specified search criteria.  This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#CreditmemoRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "The search criteria." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\CreditmemoSearchResultInterface"#, "Credit memo search result interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\CreditmemoRepositoryInterface::save"#,
        doc: "Performs persist operations for a specified credit memo.",
        params: &[
            Param { name: "entity", ty: r#"Magento\Sales\Api\Data\CreditmemoInterface"#, required: true, doc: "The credit memo." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\CreditmemoInterface"#, "Credit memo interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\InvoiceCommentRepositoryInterface::save"#,
        doc: "Performs persist operations for a specified invoice comment.",
        params: &[
            Param { name: "entity", ty: r#"Magento\Sales\Api\Data\InvoiceCommentInterface"#, required: true, doc: "The invoice comment." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\InvoiceCommentInterface"#, "Invoice comment interface.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\InvoiceManagementInterface::getCommentsList"#,
        doc: "Lists comments for a specified invoice.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The invoice ID." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\InvoiceCommentSearchResultInterface"#, "Invoice comment search result interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\InvoiceManagementInterface::notify"#,
        doc: "Emails a user a specified invoice.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The invoice ID." },
        ],
        returns: Some(("bool", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\InvoiceManagementInterface::setCapture"#,
        doc: "Sets invoice capture.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("string", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\InvoiceManagementInterface::setVoid"#,
        doc: "Voids a specified invoice.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The invoice ID." },
        ],
        returns: Some(("bool", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\InvoiceOrderInterface::execute"#,
        doc: "",
        params: &[
            Param { name: "orderId", ty: "int", required: true, doc: "" },
            Param { name: "capture", ty: "bool", required: false, doc: "" },
            Param { name: "items", ty: r#"Magento\Sales\Api\Data\InvoiceItemCreationInterface[]"#, required: false, doc: "" },
            Param { name: "notify", ty: "bool", required: false, doc: "" },
            Param { name: "appendComment", ty: "bool", required: false, doc: "" },
            Param { name: "comment", ty: r#"Magento\Sales\Api\Data\InvoiceCommentCreationInterface"#, required: false, doc: "" },
            Param { name: "arguments", ty: r#"Magento\Sales\Api\Data\InvoiceCreationArgumentsInterface"#, required: false, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\InvoiceRepositoryInterface::get"#,
        doc: "Loads a specified invoice.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The invoice ID." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\InvoiceInterface"#, "Invoice interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\InvoiceRepositoryInterface::getList"#,
        doc: "Lists invoices that match specified search criteria.  This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#InvoiceRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "The search criteria." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\InvoiceSearchResultInterface"#, "Invoice search result interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\InvoiceRepositoryInterface::save"#,
        doc: "Performs persist operations for a specified invoice.",
        params: &[
            Param { name: "entity", ty: r#"Magento\Sales\Api\Data\InvoiceInterface"#, required: true, doc: "The invoice." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\InvoiceInterface"#, "Invoice interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderAddressRepositoryInterface::save"#,
        doc: "Performs persist operations for a specified order address.",
        params: &[
            Param { name: "entity", ty: r#"Magento\Sales\Api\Data\OrderAddressInterface"#, required: true, doc: "The order address." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\OrderAddressInterface"#, "Order address interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderItemRepositoryInterface::get"#,
        doc: "Loads a specified order item.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The order item ID." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\OrderItemInterface"#, "Order item interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderItemRepositoryInterface::getList"#,
        doc: "Lists order items that match specified search criteria.  This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#OrderItemRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "The search criteria." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\OrderItemSearchResultInterface"#, "Order item search result interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderManagementInterface::addComment"#,
        doc: "Adds a comment to a specified order.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The order ID." },
            Param { name: "statusHistory", ty: r#"Magento\Sales\Api\Data\OrderStatusHistoryInterface"#, required: true, doc: "Status history comment." },
        ],
        returns: Some(("bool", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderManagementInterface::cancel"#,
        doc: "Cancels a specified order.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The order ID." },
        ],
        returns: Some(("bool", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderManagementInterface::getCommentsList"#,
        doc: "Lists comments for a specified order.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The order ID." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\OrderStatusHistorySearchResultInterface"#, "Order status history search results interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderManagementInterface::getStatus"#,
        doc: "Gets the status for a specified order.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The order ID." },
        ],
        returns: Some(("string", "Order status.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderManagementInterface::hold"#,
        doc: "Holds a specified order.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The order ID." },
        ],
        returns: Some(("bool", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderManagementInterface::notify"#,
        doc: "Emails a user a specified order.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The order ID." },
        ],
        returns: Some(("bool", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderManagementInterface::unHold"#,
        doc: "Releases a specified order from hold status.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The order ID." },
        ],
        returns: Some(("bool", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderRepositoryInterface::get"#,
        doc: "Loads a specified order.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The order ID." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\OrderInterface"#, "Order interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderRepositoryInterface::getList"#,
        doc: "Lists orders that match specified search criteria.  This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#OrderRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "The search criteria." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\OrderSearchResultInterface"#, "Order search result interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\OrderRepositoryInterface::save"#,
        doc: "Performs persist operations for a specified order.",
        params: &[
            Param { name: "entity", ty: r#"Magento\Sales\Api\Data\OrderInterface"#, required: true, doc: "The order ID." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\OrderInterface"#, "Order interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\RefundInvoiceInterface::execute"#,
        doc: "Create refund for invoice",
        params: &[
            Param { name: "invoiceId", ty: "int", required: true, doc: "" },
            Param { name: "items", ty: r#"Magento\Sales\Api\Data\CreditmemoItemCreationInterface[]"#, required: false, doc: "" },
            Param { name: "isOnline", ty: "bool", required: false, doc: "" },
            Param { name: "notify", ty: "bool", required: false, doc: "" },
            Param { name: "appendComment", ty: "bool", required: false, doc: "" },
            Param { name: "comment", ty: r#"Magento\Sales\Api\Data\CreditmemoCommentCreationInterface"#, required: false, doc: "" },
            Param { name: "arguments", ty: r#"Magento\Sales\Api\Data\CreditmemoCreationArgumentsInterface"#, required: false, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\RefundOrderInterface::execute"#,
        doc: "Create offline refund for order",
        params: &[
            Param { name: "orderId", ty: "int", required: true, doc: "" },
            Param { name: "items", ty: r#"Magento\Sales\Api\Data\CreditmemoItemCreationInterface[]"#, required: false, doc: "" },
            Param { name: "notify", ty: "bool", required: false, doc: "" },
            Param { name: "appendComment", ty: "bool", required: false, doc: "" },
            Param { name: "comment", ty: r#"Magento\Sales\Api\Data\CreditmemoCommentCreationInterface"#, required: false, doc: "" },
            Param { name: "arguments", ty: r#"Magento\Sales\Api\Data\CreditmemoCreationArgumentsInterface"#, required: false, doc: "" },
        ],
        returns: Some(("int", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\ShipOrderInterface::execute"#,
        doc: "Creates new Shipment for given Order.",
        params: &[
            Param { name: "orderId", ty: "int", required: true, doc: "" },
            Param { name: "items", ty: r#"Magento\Sales\Api\Data\ShipmentItemCreationInterface[]"#, required: false, doc: "" },
            Param { name: "notify", ty: "bool", required: false, doc: "" },
            Param { name: "appendComment", ty: "bool", required: false, doc: "" },
            Param { name: "comment", ty: r#"Magento\Sales\Api\Data\ShipmentCommentCreationInterface"#, required: false, doc: "" },
            Param { name: "tracks", ty: r#"Magento\Sales\Api\Data\ShipmentTrackCreationInterface[]"#, required: false, doc: "" },
            Param { name: "packages", ty: r#"Magento\Sales\Api\Data\ShipmentPackageCreationInterface[]"#, required: false, doc: "" },
            Param { name: "arguments", ty: r#"Magento\Sales\Api\Data\ShipmentCreationArgumentsInterface"#, required: false, doc: "" },
        ],
        returns: Some(("int", "Id of created Shipment.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\ShipmentCommentRepositoryInterface::save"#,
        doc: "Performs persist operations for a specified shipment comment.",
        params: &[
            Param { name: "entity", ty: r#"Magento\Sales\Api\Data\ShipmentCommentInterface"#, required: true, doc: "The shipment comment." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\ShipmentCommentInterface"#, "Shipment comment interface.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\ShipmentManagementInterface::getCommentsList"#,
        doc: "Lists comments for a specified shipment.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The shipment ID." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\ShipmentCommentSearchResultInterface"#, "Shipment comment search result interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\ShipmentManagementInterface::getLabel"#,
        doc: "Gets a specified shipment label.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The shipment label ID." },
        ],
        returns: Some(("string", "Shipment label.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\ShipmentManagementInterface::notify"#,
        doc: "Emails user a specified shipment.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The shipment ID." },
        ],
        returns: Some(("bool", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\ShipmentRepositoryInterface::get"#,
        doc: "Loads a specified shipment.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The shipment ID." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\ShipmentInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\ShipmentRepositoryInterface::getList"#,
        doc: "Lists shipments that match specified search criteria.  This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#ShipmentRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "The search criteria." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\ShipmentSearchResultInterface"#, "Shipment search results interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\ShipmentRepositoryInterface::save"#,
        doc: "Performs persist operations for a specified shipment.",
        params: &[
            Param { name: "entity", ty: r#"Magento\Sales\Api\Data\ShipmentInterface"#, required: true, doc: "The shipment." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\ShipmentInterface"#, "Shipment interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\ShipmentTrackRepositoryInterface::deleteById"#,
        doc: "Deletes a specified shipment track by ID.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The shipment track ID." },
        ],
        returns: Some(("bool", "")),
        throws: &["CouldNotDeleteException"],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\ShipmentTrackRepositoryInterface::save"#,
        doc: "Performs persist operations for a specified shipment track.",
        params: &[
            Param { name: "entity", ty: r#"Magento\Sales\Api\Data\ShipmentTrackInterface"#, required: true, doc: "The shipment track." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\ShipmentTrackInterface"#, "Shipment track interface.")),
        throws: &["CouldNotSaveException"],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\TransactionRepositoryInterface::get"#,
        doc: "Loads a specified transaction.",
        params: &[
            Param { name: "id", ty: "int", required: true, doc: "The transaction ID." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\TransactionInterface"#, "Transaction interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Sales\Api\TransactionRepositoryInterface::getList"#,
        doc: "Lists transactions that match specified search criteria.  This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#TransactionRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "The search criteria." },
        ],
        returns: Some((r#"Magento\Sales\Api\Data\TransactionSearchResultInterface"#, "Transaction search result interface.")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Store\Api\GroupRepositoryInterface::getList"#,
        doc: "Retrieve list of all groups",
        params: &[
        ],
        returns: Some((r#"Magento\Store\Api\Data\GroupInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Store\Api\StoreConfigManagerInterface::getStoreConfigs"#,
        doc: "",
        params: &[
            Param { name: "storeCodes", ty: "string[]", required: false, doc: "" },
        ],
        returns: Some((r#"Magento\Store\Api\Data\StoreConfigInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Store\Api\StoreRepositoryInterface::getList"#,
        doc: "Retrieve list of all stores",
        params: &[
        ],
        returns: Some((r#"Magento\Store\Api\Data\StoreInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Store\Api\WebsiteRepositoryInterface::getList"#,
        doc: "Retrieve list of all websites",
        params: &[
        ],
        returns: Some((r#"Magento\Store\Api\Data\WebsiteInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Tax\Api\TaxClassRepositoryInterface::deleteById"#,
        doc: "Delete a tax class with the given tax class id.",
        params: &[
            Param { name: "taxClassId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "True if the tax class was deleted, false otherwise")),
        throws: &["InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Tax\Api\TaxClassRepositoryInterface::get"#,
        doc: "Get a tax class with the given tax class id.",
        params: &[
            Param { name: "taxClassId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Tax\Api\Data\TaxClassInterface"#, "")),
        throws: &["InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Tax\Api\TaxClassRepositoryInterface::getList"#,
        doc: "Retrieve tax classes which match a specific criteria. This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#TaxClassRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Tax\Api\Data\TaxClassSearchResultsInterface"#, "")),
        throws: &["InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Tax\Api\TaxClassRepositoryInterface::save"#,
        doc: "Create a Tax Class",
        params: &[
            Param { name: "taxClass", ty: r#"Magento\Tax\Api\Data\TaxClassInterface"#, required: true, doc: "" },
        ],
        returns: Some(("string", "id for the newly created Tax class")),
        throws: &["InputException", "LocalizedException"],
    },
    ServiceMethod {
        service: r#"Magento\Tax\Api\TaxRateRepositoryInterface::deleteById"#,
        doc: "Delete tax rate",
        params: &[
            Param { name: "rateId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "")),
        throws: &["InputException", "Exception"],
    },
    ServiceMethod {
        service: r#"Magento\Tax\Api\TaxRateRepositoryInterface::get"#,
        doc: "Get tax rate",
        params: &[
            Param { name: "rateId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Tax\Api\Data\TaxRateInterface"#, "")),
        throws: &["InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Tax\Api\TaxRateRepositoryInterface::getList"#,
        doc: "Search TaxRates This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#TaxRateRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Tax\Api\Data\TaxRateSearchResultsInterface"#, "containing Data\\TaxRateInterface objects")),
        throws: &["InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Tax\Api\TaxRateRepositoryInterface::save"#,
        doc: "Create or update tax rate",
        params: &[
            Param { name: "taxRate", ty: r#"Magento\Tax\Api\Data\TaxRateInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Tax\Api\Data\TaxRateInterface"#, "")),
        throws: &["InputException", "Exception"],
    },
    ServiceMethod {
        service: r#"Magento\Tax\Api\TaxRuleRepositoryInterface::deleteById"#,
        doc: "Delete TaxRule",
        params: &[
            Param { name: "ruleId", ty: "int", required: true, doc: "" },
        ],
        returns: Some(("bool", "")),
        throws: &["InputException", "Exception"],
    },
    ServiceMethod {
        service: r#"Magento\Tax\Api\TaxRuleRepositoryInterface::get"#,
        doc: "Get TaxRule",
        params: &[
            Param { name: "ruleId", ty: "int", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Tax\Api\Data\TaxRuleInterface"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Tax\Api\TaxRuleRepositoryInterface::getList"#,
        doc: "Search TaxRules This call returns an array of objects, but detailed information about each object’s attributes might not be included. See https://developer.adobe.com/commerce/webapi/rest/attributes#TaxRuleRepositoryInterface to determine which call to use to get detailed information about all attributes for an object.",
        params: &[
            Param { name: "searchCriteria", ty: r#"Magento\Framework\Api\SearchCriteriaInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Tax\Api\Data\TaxRuleSearchResultsInterface"#, "containing TaxRuleInterface objects")),
        throws: &["InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Tax\Api\TaxRuleRepositoryInterface::save"#,
        doc: "Save TaxRule",
        params: &[
            Param { name: "rule", ty: r#"Magento\Tax\Api\Data\TaxRuleInterface"#, required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Tax\Api\Data\TaxRuleInterface"#, "")),
        throws: &["InputException", "Exception"],
    },
    ServiceMethod {
        service: r#"Magento\Backend\Service\V1\ModuleServiceInterface::getModules"#,
        doc: "Returns an array of enabled modules",
        params: &[],
        returns: Some(("string[]", "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Directory\Api\CountryInformationAcquirerInterface::getCountriesInfo"#,
        doc: "Get all countries and regions information for the store.",
        params: &[],
        returns: Some((r#"Magento\Directory\Api\Data\CountryInformationInterface[]"#, "")),
        throws: &[],
    },
    ServiceMethod {
        service: r#"Magento\Directory\Api\CountryInformationAcquirerInterface::getCountryInfo"#,
        doc: "Get country and region information for the store.",
        params: &[
            Param { name: "countryId", ty: "string", required: true, doc: "" },
        ],
        returns: Some((r#"Magento\Directory\Api\Data\CountryInformationInterface"#, "")),
        throws: &["InputException"],
    },
    ServiceMethod {
        service: r#"Magento\Directory\Api\CurrencyInformationAcquirerInterface::getCurrencyInfo"#,
        doc: "Get currency information for the store.",
        params: &[],
        returns: Some((r#"Magento\Directory\Api\Data\CurrencyInformationInterface"#, "")),
        throws: &[],
    },
];
