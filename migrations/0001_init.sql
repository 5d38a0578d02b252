-- magemu schema. Table and column names follow Magento 2.4's db_schema.xml where a table exists
-- there. Money and quantities are Magento's DECIMAL(20,4) / DECIMAL(12,4): stored here as INTEGER
-- ten-thousandths (see src/amount.rs), exact and comparable in SQL.

-- Stores (app/code/Magento/Store/etc/db_schema.xml)
CREATE TABLE store_website (
    website_id       INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    default_group_id INTEGER NOT NULL
);
CREATE TABLE store_group (
    group_id         INTEGER PRIMARY KEY,
    website_id       INTEGER NOT NULL REFERENCES store_website(website_id),
    name             TEXT NOT NULL,
    root_category_id INTEGER NOT NULL,
    default_store_id INTEGER NOT NULL,
    code             TEXT NOT NULL UNIQUE
);
CREATE TABLE store (
    store_id   INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    website_id INTEGER NOT NULL REFERENCES store_website(website_id),
    group_id   INTEGER NOT NULL REFERENCES store_group(group_id),
    name       TEXT NOT NULL,
    is_active  INTEGER NOT NULL DEFAULT 1
);
-- Store configuration values a client reads through /V1/store/storeConfigs.
CREATE TABLE store_config (
    store_id                      INTEGER PRIMARY KEY REFERENCES store(store_id),
    locale                        TEXT NOT NULL,
    base_currency_code            TEXT NOT NULL,
    default_display_currency_code TEXT NOT NULL,
    timezone                      TEXT NOT NULL,
    weight_unit                   TEXT NOT NULL
);

-- Admin authentication (Magento_Integration: oauth_token, oauth_token_request_log)
CREATE TABLE oauth_token (
    token      TEXT PRIMARY KEY,
    user_type  INTEGER NOT NULL,          -- 2 = admin (UserContextInterface::USER_TYPE_ADMIN)
    username   TEXT NOT NULL,
    created_at INTEGER NOT NULL,          -- unix seconds
    expires_at INTEGER NOT NULL
);
CREATE TABLE oauth_token_request_log (
    user_name       TEXT NOT NULL,
    user_type       INTEGER NOT NULL,
    failures_count  INTEGER NOT NULL,
    lock_expires_at INTEGER NOT NULL,     -- unix seconds
    PRIMARY KEY (user_name, user_type)
);

-- Catalog: only what sales and inventory need.
CREATE TABLE catalog_product_entity (
    entity_id      INTEGER PRIMARY KEY,
    sku            TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    type_id        TEXT NOT NULL,
    price          INTEGER NOT NULL,
    is_qty_decimal INTEGER NOT NULL DEFAULT 0
);

-- Per-store increment-id sequences (Magento_SalesSequence: sequence_<type>_<store>).
CREATE TABLE sales_sequence (
    entity_type TEXT NOT NULL,            -- order, invoice, shipment, creditmemo
    store_id    INTEGER NOT NULL,
    next_value  INTEGER NOT NULL,
    PRIMARY KEY (entity_type, store_id)
);

CREATE TABLE sales_order (
    entity_id                                     INTEGER PRIMARY KEY AUTOINCREMENT,
    increment_id                                  TEXT NOT NULL,
    store_id                                      INTEGER NOT NULL,
    state                                         TEXT,
    status                                        TEXT,
    customer_id                                   INTEGER,
    customer_email                                TEXT,
    customer_firstname                            TEXT,
    customer_lastname                             TEXT,
    customer_middlename                           TEXT,
    customer_group_id                             INTEGER,
    customer_is_guest                             INTEGER,
    customer_note_notify                          INTEGER,
    quote_id                                      INTEGER,
    email_sent                                    INTEGER,
    send_email                                    INTEGER,
    is_virtual                                    INTEGER,
    base_currency_code                            TEXT,
    global_currency_code                          TEXT,
    order_currency_code                           TEXT,
    store_currency_code                           TEXT,
    store_name                                    TEXT,
    base_to_global_rate                           INTEGER,
    base_to_order_rate                            INTEGER,
    store_to_base_rate                            INTEGER,
    store_to_order_rate                           INTEGER,
    shipping_method                               TEXT,
    shipping_description                          TEXT,
    discount_description                          TEXT,
    applied_rule_ids                              TEXT,
    protect_code                                  TEXT,
    remote_ip                                     TEXT,
    hold_before_state                             TEXT,
    hold_before_status                            TEXT,
    ext_order_id                                  TEXT,
    billing_address_id                            INTEGER,
    shipping_address_id                           INTEGER,
    total_item_count                              INTEGER,
    total_qty_ordered                             INTEGER,
    weight                                        INTEGER,
    subtotal                                      INTEGER,
    base_subtotal                                 INTEGER,
    subtotal_incl_tax                             INTEGER,
    base_subtotal_incl_tax                        INTEGER,
    discount_amount                               INTEGER,
    base_discount_amount                          INTEGER,
    shipping_amount                               INTEGER,
    base_shipping_amount                          INTEGER,
    shipping_incl_tax                             INTEGER,
    base_shipping_incl_tax                        INTEGER,
    shipping_tax_amount                           INTEGER,
    base_shipping_tax_amount                      INTEGER,
    shipping_discount_amount                      INTEGER,
    base_shipping_discount_amount                 INTEGER,
    tax_amount                                    INTEGER,
    base_tax_amount                               INTEGER,
    discount_tax_compensation_amount              INTEGER,
    base_discount_tax_compensation_amount         INTEGER,
    shipping_discount_tax_compensation_amount     INTEGER,
    base_shipping_discount_tax_compensation_amnt  INTEGER,
    grand_total                                   INTEGER,
    base_grand_total                              INTEGER,
    total_invoiced                                INTEGER,
    base_total_invoiced                           INTEGER,
    base_total_invoiced_cost                      INTEGER,
    subtotal_invoiced                             INTEGER,
    base_subtotal_invoiced                        INTEGER,
    tax_invoiced                                  INTEGER,
    base_tax_invoiced                             INTEGER,
    discount_invoiced                             INTEGER,
    base_discount_invoiced                        INTEGER,
    shipping_invoiced                             INTEGER,
    base_shipping_invoiced                        INTEGER,
    shipping_tax_invoiced                         INTEGER,
    base_shipping_tax_invoiced                    INTEGER,
    discount_tax_compensation_invoiced            INTEGER,
    base_discount_tax_compensation_invoiced       INTEGER,
    total_paid                                    INTEGER,
    base_total_paid                               INTEGER,
    total_refunded                                INTEGER,
    base_total_refunded                           INTEGER,
    total_canceled                                INTEGER,
    base_total_canceled                           INTEGER,
    created_at                                    TEXT NOT NULL,
    updated_at                                    TEXT NOT NULL,
    UNIQUE (increment_id, store_id)
);

CREATE TABLE sales_order_item (
    item_id                                  INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id                                 INTEGER NOT NULL REFERENCES sales_order(entity_id) ON DELETE CASCADE,
    parent_item_id                           INTEGER,
    quote_item_id                            INTEGER,
    store_id                                 INTEGER,
    product_id                               INTEGER,
    product_type                             TEXT,
    sku                                      TEXT NOT NULL,
    name                                     TEXT,
    description                              TEXT,
    applied_rule_ids                         TEXT,
    is_virtual                               INTEGER,
    is_qty_decimal                           INTEGER,
    no_discount                              INTEGER,
    locked_do_invoice                        INTEGER,
    locked_do_ship                           INTEGER,
    weight                                   INTEGER,
    row_weight                               INTEGER,
    qty_ordered                              INTEGER NOT NULL,
    qty_invoiced                             INTEGER NOT NULL DEFAULT 0,
    qty_shipped                              INTEGER NOT NULL DEFAULT 0,
    qty_refunded                             INTEGER NOT NULL DEFAULT 0,
    qty_canceled                             INTEGER NOT NULL DEFAULT 0,
    qty_backordered                          INTEGER,
    base_cost                                INTEGER,
    price                                    INTEGER NOT NULL,
    base_price                               INTEGER NOT NULL,
    original_price                           INTEGER,
    base_original_price                      INTEGER,
    price_incl_tax                           INTEGER,
    base_price_incl_tax                      INTEGER,
    row_total                                INTEGER NOT NULL,
    base_row_total                           INTEGER NOT NULL,
    row_total_incl_tax                       INTEGER,
    base_row_total_incl_tax                  INTEGER,
    row_invoiced                             INTEGER NOT NULL DEFAULT 0,
    base_row_invoiced                        INTEGER NOT NULL DEFAULT 0,
    discount_percent                         INTEGER,
    discount_amount                          INTEGER,
    base_discount_amount                     INTEGER,
    discount_invoiced                        INTEGER NOT NULL DEFAULT 0,
    base_discount_invoiced                   INTEGER NOT NULL DEFAULT 0,
    tax_percent                              INTEGER,
    tax_amount                               INTEGER,
    base_tax_amount                          INTEGER,
    tax_invoiced                             INTEGER NOT NULL DEFAULT 0,
    base_tax_invoiced                        INTEGER NOT NULL DEFAULT 0,
    discount_tax_compensation_amount         INTEGER,
    base_discount_tax_compensation_amount    INTEGER,
    discount_tax_compensation_invoiced       INTEGER NOT NULL DEFAULT 0,
    base_discount_tax_compensation_invoiced  INTEGER NOT NULL DEFAULT 0,
    amount_refunded                          INTEGER NOT NULL DEFAULT 0,
    base_amount_refunded                     INTEGER NOT NULL DEFAULT 0,
    free_shipping                            INTEGER,
    product_options                          TEXT,   -- JSON of OrderItemInterface::product_option
    created_at                               TEXT NOT NULL,
    updated_at                               TEXT NOT NULL
);
CREATE INDEX sales_order_item_order_id ON sales_order_item(order_id);

CREATE TABLE sales_order_address (
    entity_id          INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id          INTEGER NOT NULL REFERENCES sales_order(entity_id) ON DELETE CASCADE,
    address_type       TEXT NOT NULL,              -- billing | shipping
    customer_address_id INTEGER,
    customer_id        INTEGER,
    quote_address_id   INTEGER,
    region_id          INTEGER,
    region             TEXT,
    region_code        TEXT,
    firstname          TEXT,
    middlename         TEXT,
    lastname           TEXT,
    prefix             TEXT,
    suffix             TEXT,
    company            TEXT,
    street             TEXT,                       -- lines joined by "\n", as Magento stores them
    city               TEXT,
    postcode           TEXT,
    country_id         TEXT,
    telephone          TEXT,
    fax                TEXT,
    email              TEXT,
    vat_id             TEXT
);
CREATE INDEX sales_order_address_parent_id ON sales_order_address(parent_id);

CREATE TABLE sales_order_payment (
    entity_id                INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id                INTEGER NOT NULL UNIQUE REFERENCES sales_order(entity_id) ON DELETE CASCADE,
    method                   TEXT NOT NULL,
    account_status           TEXT,
    additional_information   TEXT,                 -- JSON list of strings
    amount_ordered           INTEGER,
    base_amount_ordered      INTEGER,
    shipping_amount          INTEGER,
    base_shipping_amount     INTEGER,
    amount_paid              INTEGER,
    base_amount_paid         INTEGER,
    shipping_captured        INTEGER,
    base_shipping_captured   INTEGER,
    cc_last4                 TEXT,
    po_number                TEXT,
    last_trans_id            TEXT
);

CREATE TABLE sales_order_status_history (
    entity_id            INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id            INTEGER NOT NULL REFERENCES sales_order(entity_id) ON DELETE CASCADE,
    comment              TEXT,
    status               TEXT,
    entity_name          TEXT,
    is_customer_notified INTEGER,
    is_visible_on_front  INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT NOT NULL
);
CREATE INDEX sales_order_status_history_parent_id ON sales_order_status_history(parent_id);

CREATE TABLE sales_invoice (
    entity_id                                     INTEGER PRIMARY KEY AUTOINCREMENT,
    increment_id                                  TEXT NOT NULL,
    order_id                                      INTEGER NOT NULL REFERENCES sales_order(entity_id),
    store_id                                      INTEGER,
    state                                         INTEGER,
    can_void_flag                                 INTEGER,
    email_sent                                    INTEGER,
    send_email                                    INTEGER,
    is_used_for_refund                            INTEGER,
    billing_address_id                            INTEGER,
    shipping_address_id                           INTEGER,
    base_currency_code                            TEXT,
    global_currency_code                          TEXT,
    order_currency_code                           TEXT,
    store_currency_code                           TEXT,
    base_to_global_rate                           INTEGER,
    base_to_order_rate                            INTEGER,
    store_to_base_rate                            INTEGER,
    store_to_order_rate                           INTEGER,
    discount_description                          TEXT,
    transaction_id                                TEXT,
    total_qty                                     INTEGER NOT NULL,
    subtotal                                      INTEGER,
    base_subtotal                                 INTEGER,
    subtotal_incl_tax                             INTEGER,
    base_subtotal_incl_tax                        INTEGER,
    discount_amount                               INTEGER,
    base_discount_amount                          INTEGER,
    shipping_amount                               INTEGER,
    base_shipping_amount                          INTEGER,
    shipping_incl_tax                             INTEGER,
    base_shipping_incl_tax                        INTEGER,
    shipping_tax_amount                           INTEGER,
    base_shipping_tax_amount                      INTEGER,
    shipping_discount_tax_compensation_amount     INTEGER,
    base_shipping_discount_tax_compensation_amnt  INTEGER,
    tax_amount                                    INTEGER,
    base_tax_amount                               INTEGER,
    discount_tax_compensation_amount              INTEGER,
    base_discount_tax_compensation_amount         INTEGER,
    grand_total                                   INTEGER,
    base_grand_total                              INTEGER,
    base_total_refunded                           INTEGER,
    base_cost                                     INTEGER,
    created_at                                    TEXT NOT NULL,
    updated_at                                    TEXT NOT NULL,
    UNIQUE (increment_id, store_id)
);
CREATE INDEX sales_invoice_order_id ON sales_invoice(order_id);

CREATE TABLE sales_invoice_item (
    entity_id                              INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id                              INTEGER NOT NULL REFERENCES sales_invoice(entity_id) ON DELETE CASCADE,
    order_item_id                          INTEGER NOT NULL REFERENCES sales_order_item(item_id),
    product_id                             INTEGER,
    sku                                    TEXT NOT NULL,
    name                                   TEXT,
    description                            TEXT,
    additional_data                        TEXT,
    qty                                    INTEGER NOT NULL,
    base_cost                              INTEGER,
    price                                  INTEGER,
    base_price                             INTEGER,
    price_incl_tax                         INTEGER,
    base_price_incl_tax                    INTEGER,
    row_total                              INTEGER,
    base_row_total                         INTEGER,
    row_total_incl_tax                     INTEGER,
    base_row_total_incl_tax                INTEGER,
    discount_amount                        INTEGER,
    base_discount_amount                   INTEGER,
    tax_amount                             INTEGER,
    base_tax_amount                        INTEGER,
    discount_tax_compensation_amount       INTEGER,
    base_discount_tax_compensation_amount  INTEGER
);
CREATE INDEX sales_invoice_item_parent_id ON sales_invoice_item(parent_id);

CREATE TABLE sales_invoice_comment (
    entity_id            INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id            INTEGER NOT NULL REFERENCES sales_invoice(entity_id) ON DELETE CASCADE,
    comment              TEXT,
    is_customer_notified INTEGER,
    is_visible_on_front  INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT NOT NULL
);
CREATE INDEX sales_invoice_comment_parent_id ON sales_invoice_comment(parent_id);

-- Multi-Source Inventory (magento/inventory: Inventory/etc/db_schema.xml and friends)
CREATE TABLE inventory_source (
    source_code  TEXT PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    enabled      INTEGER NOT NULL DEFAULT 1,
    description  TEXT,
    contact_name TEXT,
    email        TEXT,
    latitude     TEXT,
    longitude    TEXT,
    country_id   TEXT NOT NULL,
    region_id    INTEGER,
    region       TEXT,
    city         TEXT,
    street       TEXT,
    postcode     TEXT NOT NULL,
    phone        TEXT,
    fax          TEXT,
    is_pickup_location_active INTEGER NOT NULL DEFAULT 0,
    frontend_name        TEXT,
    frontend_description TEXT
);
CREATE TABLE inventory_stock (
    stock_id INTEGER PRIMARY KEY AUTOINCREMENT,
    name     TEXT NOT NULL UNIQUE
);
CREATE TABLE inventory_stock_sales_channel (
    type     TEXT NOT NULL,
    code     TEXT NOT NULL,
    stock_id INTEGER NOT NULL REFERENCES inventory_stock(stock_id) ON DELETE CASCADE,
    PRIMARY KEY (type, code)
);
CREATE TABLE inventory_source_stock_link (
    link_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    stock_id    INTEGER NOT NULL REFERENCES inventory_stock(stock_id) ON DELETE CASCADE,
    source_code TEXT NOT NULL REFERENCES inventory_source(source_code) ON DELETE CASCADE,
    priority    INTEGER NOT NULL,
    UNIQUE (stock_id, source_code)
);
CREATE TABLE inventory_source_item (
    source_item_id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_code    TEXT NOT NULL REFERENCES inventory_source(source_code) ON DELETE CASCADE,
    sku            TEXT NOT NULL,
    quantity       INTEGER NOT NULL DEFAULT 0,
    status         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source_code, sku)
);
CREATE INDEX inventory_source_item_sku ON inventory_source_item(sku);
CREATE TABLE inventory_reservation (
    reservation_id INTEGER PRIMARY KEY AUTOINCREMENT,
    stock_id       INTEGER NOT NULL,
    sku            TEXT NOT NULL,
    quantity       INTEGER NOT NULL DEFAULT 0,
    metadata       TEXT
);
CREATE INDEX inventory_reservation_stock_sku ON inventory_reservation(stock_id, sku, quantity);
