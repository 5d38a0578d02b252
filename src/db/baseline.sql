CREATE TABLE _sqlx_migrations (
    version BIGINT PRIMARY KEY,
    description TEXT NOT NULL,
    installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    success BOOLEAN NOT NULL,
    checksum BLOB NOT NULL,
    execution_time BIGINT NOT NULL
);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (1, 'init', '2026-01-01 00:00:00', 1, X'41DF135706B61A560E434A78080045F06EB3D5FF32DA46200D16517910055D66D6B2CFED9ECA02747C3AF15635AB6F3E', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (2, 'customers', '2026-01-01 00:00:00', 1, X'3493F04D1CAE02612EC98BBE988F431284518BB7069C9F7178686BBB30F57F4284FD07F0F03E884E22D656B53340C08C', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (3, 'shipments', '2026-01-01 00:00:00', 1, X'188F33CC64BDEA51654176BB13CF7BF486636FA33884F7181FEA47D9F9AAED3F76829C8861A2AF1C90C6796A37FDB379', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (4, 'order canceled totals', '2026-01-01 00:00:00', 1, X'48C157756BDB77CBD8DCD2317CD93E282AB21D71513A65DA747B37A75AAC08B2EB3C164F85CFB2A61092A821775649E5', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (5, 'creditmemos', '2026-01-01 00:00:00', 1, X'DC2B20C42A957BD557FF54D8A964991EDF44F71DD61C3AFD2EA6278FF9A6EF6A6599B0CA43B39948EF92DAAD3464D57A', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (6, 'order import fields', '2026-01-01 00:00:00', 1, X'0E6C748CD1D66E43C52AFB63D27999AD0E5F4116D3EF915E343EE03C2D4F5DECB7F8C4276E331995E214986A07E5E6E9', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (7, 'payment transactions', '2026-01-01 00:00:00', 1, X'66453FB8BE4629EAC3D9140318E9857638CA6EEC19C25DA009AD8377010417E0011125AF9C50AB1DEFCCECF51EF4356A', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (8, 'sales list indexes', '2026-01-01 00:00:00', 1, X'C8A495EED07756FBDBD061CB0DEA16B048A866034CDD5C558C81217CF18FA0B528E2ADE56E1A78E5D04135B858D6FE6C', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (9, 'shipment item nullable', '2026-01-01 00:00:00', 1, X'CF2B7A6A58CB89B42D00E5A89D22A651C21D20F702C6D40F9A76BDB84C9F1B610374A69B34B2238C3349554085864B6A', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (10, 'msi master data', '2026-01-01 00:00:00', 1, X'6CDB4BCB3206D9CE6E93CFF5563F2C8F96C42450BE2B54A3293A4114DA57B719C0098838AA2AF0C5FA0FB2934E45478C', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (11, 'catalog customers', '2026-01-01 00:00:00', 1, X'0ADE53E9C0A7CE2CCC48C783E5DFF730D0827C80CD00B59FD918D845EFF36E4D0F9D63ADC52872F37671BBF028FD0F28', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (12, 'order taxes', '2026-01-01 00:00:00', 1, X'14749B86753CF955D869F8A69D007C056652228FA1DEAEB6834D7A8FEE26024AE7F1E9CBE10524FF1D15E4A5DAE7B251', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (13, 'creditmemo item as magento', '2026-01-01 00:00:00', 1, X'2B536E1AE28BE4D2F1C355E98C81905F2F655F0C5E371F0208037D91850C53E59E72E8B20F11D93B6CAFBB68E8B4879C', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (15, 'quotes', '2026-01-01 00:00:00', 1, X'E220C8BE24EDF1399FECF882F82F984EBD8A8B4A579CA74E821E424D54D953D284F16748C77B3ED5CF186D96054DA2FF', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (16, 'sales rules', '2026-01-01 00:00:00', 1, X'2155339D4D4FE2C6EAA0918194300C672DDDF5CBCF15F1A2D6CD6E25B6E36D3E94649E44ECACF3064F3D420A5DC4BC10', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (17, 'outbox', '2026-01-01 00:00:00', 1, X'432BC18488B800B28BAF9FA454E30ED63623CEADFC92C805DA61AF464051E0A30D6D66F318F09862DE039B1C844CC4FB', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (18, 'payment authorized', '2026-01-01 00:00:00', 1, X'A673BAA2F1C18F3750AACAEC9F4764E8B6A31023363725B5B878DA34DD22D192E628D5DBB6CD594CAA962D26C7BF54BE', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (19, 'in store pickup', '2026-01-01 00:00:00', 1, X'46B75F961D4464E98DDA35F2D86CC82F392406A73C0F19E92ECFF2FCD051C23DAD4A072019E84ECF3E01F769C5DFCC2E', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (20, 'order item dtc invoiced nullable', '2026-01-01 00:00:00', 1, X'3282E02E3627E6FB915C9B3FC572A5136A24E146D56F08E17AC39561C8F2DF48725EB485958AAC1170E728EE35E0900B', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (21, 'source item sku index', '2026-01-01 00:00:00', 1, X'B5D3E9567A614BEE6C353F9165C4F7D256978DF87DBEBE44B07E0F84BD08748FD53182EC913A669E32F2B6D5394BBE2F', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (22, 'order more import fields', '2026-01-01 00:00:00', 1, X'9623C67CCDF38D177FB0E63A02EFDC732084991395E776DDEFBBD63C0F8C13F2994780306A3EB0A863C25713A0284584', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (23, 'quote address name parts', '2026-01-01 00:00:00', 1, X'E343DF6ABB2CF01CC4833EEF8E5CD10B66A1956B7839F4542547A960FD119BB3F630CBF70846B69267BAC3EB46C4DC0C', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (24, 'customer newsletter', '2026-01-01 00:00:00', 1, X'68EC9937E66128B6469424EFBDA9F91273D6E4D7C1B44DDEE71B98D4750737C2D40B4DE4E8BCE1CD9625DD5F48DC03B5', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (25, 'reservations skip unmanaged', '2026-01-01 00:00:00', 1, X'062FBFD785D520E7C6C8731843378367BF384671D8E33D8872B02F6D93566774A8612DD672EAA400B3D9F584371E6EC4', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (26, 'async bulk', '2026-01-01 00:00:00', 1, X'E601F7BCA3610E7F1C666F1C62AD8DDA4D7C32BCEA6CBF2FF654044BFA65DC9A97E75D809EFA2349A1E8429839F51873', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (27, 'customer group config', '2026-01-01 00:00:00', 1, X'A2D9B97E9C836776AFA095FCDA08FECF0E5116B02EE5E258BC78D099E60D12582CEA13F8AB019B827A297DB187D361C6', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (28, 'customer lockout', '2026-01-01 00:00:00', 1, X'6EE52AB1AABCBD4E04B5505C975F8743482FA00C48558A6C65604A4071BEC3C9E32E593ACDA2A730F6ACBA03673CA165', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (29, 'customer password reset', '2026-01-01 00:00:00', 1, X'FE2BAAAE9125F0DF4B641AB5FD6806CFF7958118FE047302FCB66E6D03809947EA741386C59381A1ED09E7A8EFD8F0DC', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (30, 'gift messages', '2026-01-01 00:00:00', 1, X'0998982C97F5EC312BCF3AF992187CA9C9FB15DC37E42FA476D5B740D77119732B1F2D32894E070E8D85BE95ECF2F189', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (31, 'checkout agreements', '2026-01-01 00:00:00', 1, X'30D2AA1327B5A68C531A655AC0B42AD466613C08DE4537E100D45747D8A3661C0B780E0928107294755745CE7DF611B5', 0);
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
CREATE TABLE store_config (
    store_id                      INTEGER PRIMARY KEY REFERENCES store(store_id),
    locale                        TEXT NOT NULL,
    base_currency_code            TEXT NOT NULL,
    default_display_currency_code TEXT NOT NULL,
    timezone                      TEXT NOT NULL,
    weight_unit                   TEXT NOT NULL
);
CREATE TABLE oauth_token (
    token      TEXT PRIMARY KEY,
    user_type  INTEGER NOT NULL,          -- 2 = admin (UserContextInterface::USER_TYPE_ADMIN)
    username   TEXT NOT NULL,
    created_at INTEGER NOT NULL,          -- unix seconds
    expires_at INTEGER NOT NULL
, customer_id INTEGER);
CREATE TABLE oauth_token_request_log (
    user_name       TEXT NOT NULL,
    user_type       INTEGER NOT NULL,
    failures_count  INTEGER NOT NULL,
    lock_expires_at INTEGER NOT NULL,     -- unix seconds
    PRIMARY KEY (user_name, user_type)
);
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
    updated_at                                    TEXT NOT NULL, subtotal_canceled INTEGER, base_subtotal_canceled INTEGER, tax_canceled INTEGER, base_tax_canceled INTEGER, shipping_canceled INTEGER, base_shipping_canceled INTEGER, discount_canceled INTEGER, base_discount_canceled INTEGER, subtotal_refunded INTEGER, base_subtotal_refunded INTEGER, tax_refunded INTEGER, base_tax_refunded INTEGER, shipping_refunded INTEGER, base_shipping_refunded INTEGER, shipping_tax_refunded INTEGER, base_shipping_tax_refunded INTEGER, discount_refunded INTEGER, base_discount_refunded INTEGER, discount_tax_compensation_refunded INTEGER, base_discount_tax_compensation_refunded INTEGER, total_offline_refunded INTEGER, base_total_offline_refunded INTEGER, total_online_refunded INTEGER, base_total_online_refunded INTEGER, adjustment_positive INTEGER, base_adjustment_positive INTEGER, adjustment_negative INTEGER, base_adjustment_negative INTEGER, coupon_code TEXT, customer_dob TEXT, customer_gender INTEGER, customer_prefix TEXT, customer_suffix TEXT, customer_taxvat TEXT, edit_increment INTEGER, original_increment_id TEXT, relation_child_id TEXT, relation_child_real_id TEXT, relation_parent_id TEXT, relation_parent_real_id TEXT, base_total_qty_ordered INTEGER, can_ship_partially INTEGER, can_ship_partially_item INTEGER, customer_note TEXT, ext_customer_id TEXT, forced_shipment_with_invoice INTEGER, payment_auth_expiration INTEGER, payment_authorization_amount INTEGER, quote_address_id INTEGER, x_forwarded_for TEXT, gift_message_id INTEGER,
    UNIQUE (increment_id, store_id)
);
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
, amount_refunded INTEGER, base_amount_refunded INTEGER, base_amount_refunded_online INTEGER, shipping_refunded INTEGER, base_shipping_refunded INTEGER, cc_type TEXT, cc_owner TEXT, cc_exp_month TEXT, cc_exp_year TEXT, cc_trans_id TEXT, cc_approval TEXT, cc_avs_status TEXT, cc_cid_status TEXT, cc_status TEXT, cc_status_description TEXT, base_amount_paid_online INTEGER, amount_authorized INTEGER, base_amount_authorized INTEGER);
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
CREATE TABLE sales_invoice_comment (
    entity_id            INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id            INTEGER NOT NULL REFERENCES sales_invoice(entity_id) ON DELETE CASCADE,
    comment              TEXT,
    is_customer_notified INTEGER,
    is_visible_on_front  INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT NOT NULL
);
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
CREATE TABLE inventory_reservation (
    reservation_id INTEGER PRIMARY KEY AUTOINCREMENT,
    stock_id       INTEGER NOT NULL,
    sku            TEXT NOT NULL,
    quantity       INTEGER NOT NULL DEFAULT 0,
    metadata       TEXT
);
CREATE TABLE customer_entity (
    entity_id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    website_id                INTEGER REFERENCES store_website(website_id),
    email                     TEXT NOT NULL,
    group_id                  INTEGER NOT NULL DEFAULT 1,
    store_id                  INTEGER REFERENCES store(store_id),
    created_in                TEXT,
    firstname                 TEXT NOT NULL,
    lastname                  TEXT NOT NULL,
    default_billing           INTEGER,
    default_shipping          INTEGER,
    -- Magento keeps a salted hash; the seed's customer has none yet (see seed/tutorial.json).
    password_hash             TEXT,
    disable_auto_group_change INTEGER NOT NULL DEFAULT 0,
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL, middlename TEXT, prefix TEXT, suffix TEXT, dob TEXT, taxvat TEXT, gender INTEGER, is_subscribed INTEGER NOT NULL DEFAULT 0, failures_num INTEGER NOT NULL DEFAULT 0, first_failure TEXT, lock_expires TEXT, rp_token TEXT, rp_token_created_at TEXT,
    UNIQUE (email, website_id)
);
CREATE TABLE customer_address_entity (
    entity_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id   INTEGER NOT NULL REFERENCES customer_entity(entity_id) ON DELETE CASCADE,
    firstname   TEXT NOT NULL,
    lastname    TEXT NOT NULL,
    street      TEXT NOT NULL,
    city        TEXT NOT NULL,
    region      TEXT,
    region_id   INTEGER,
    region_code TEXT,
    postcode    TEXT,
    country_id  TEXT NOT NULL,
    telephone   TEXT
, company TEXT, middlename TEXT, prefix TEXT, suffix TEXT, fax TEXT, vat_id TEXT);
CREATE TABLE sales_shipment (
    entity_id             INTEGER PRIMARY KEY AUTOINCREMENT,
    increment_id          TEXT NOT NULL,
    order_id              INTEGER NOT NULL REFERENCES sales_order(entity_id),
    store_id              INTEGER,
    customer_id           INTEGER,
    billing_address_id    INTEGER,
    shipping_address_id   INTEGER,
    email_sent            INTEGER,
    send_email            INTEGER,
    shipment_status       INTEGER,
    total_qty             INTEGER,
    total_weight          INTEGER,
    shipping_label        TEXT,
    customer_note         TEXT,
    customer_note_notify  INTEGER,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    UNIQUE (increment_id, store_id)
);
CREATE TABLE sales_shipment_track (
    entity_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id     INTEGER NOT NULL REFERENCES sales_shipment(entity_id) ON DELETE CASCADE,
    order_id      INTEGER NOT NULL,
    track_number  TEXT,
    title         TEXT,
    carrier_code  TEXT,
    description   TEXT,
    qty           INTEGER,
    weight        INTEGER,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE TABLE sales_shipment_comment (
    entity_id            INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id            INTEGER NOT NULL REFERENCES sales_shipment(entity_id) ON DELETE CASCADE,
    comment              TEXT,
    is_customer_notified INTEGER,
    is_visible_on_front  INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT NOT NULL
);
CREATE TABLE inventory_shipment_source (
    shipment_id  INTEGER PRIMARY KEY REFERENCES sales_shipment(entity_id) ON DELETE CASCADE,
    source_code  TEXT NOT NULL
);
CREATE TABLE sales_creditmemo (
    entity_id                                     INTEGER PRIMARY KEY AUTOINCREMENT,
    increment_id                                  TEXT NOT NULL,
    order_id                                      INTEGER NOT NULL REFERENCES sales_order(entity_id),
    invoice_id                                    INTEGER REFERENCES sales_invoice(entity_id),
    store_id                                      INTEGER,
    state                                         INTEGER,
    creditmemo_status                             INTEGER,
    email_sent                                    INTEGER,
    send_email                                    INTEGER,
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
    transaction_id                                TEXT,
    discount_description                          TEXT,
    customer_note                                 TEXT,
    customer_note_notify                          INTEGER,
    adjustment                                    INTEGER,
    base_adjustment                               INTEGER,
    adjustment_positive                           INTEGER,
    base_adjustment_positive                      INTEGER,
    adjustment_negative                           INTEGER,
    base_adjustment_negative                      INTEGER,
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
    base_cost                                     INTEGER,
    created_at                                    TEXT NOT NULL,
    updated_at                                    TEXT NOT NULL,
    UNIQUE (increment_id, store_id)
);
CREATE TABLE sales_creditmemo_comment (
    entity_id             INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id             INTEGER NOT NULL REFERENCES sales_creditmemo(entity_id) ON DELETE CASCADE,
    comment               TEXT,
    is_customer_notified  INTEGER,
    is_visible_on_front   INTEGER NOT NULL DEFAULT 0,
    created_at            TEXT NOT NULL
);
CREATE TABLE sales_payment_transaction (
    transaction_id          INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id               INTEGER REFERENCES sales_payment_transaction(transaction_id) ON DELETE CASCADE,
    order_id                INTEGER NOT NULL REFERENCES sales_order(entity_id) ON DELETE CASCADE,
    payment_id              INTEGER NOT NULL REFERENCES sales_order_payment(entity_id) ON DELETE CASCADE,
    txn_id                  TEXT,
    parent_txn_id           TEXT,
    txn_type                TEXT,
    is_closed               INTEGER NOT NULL DEFAULT 1,
    additional_information  TEXT,
    created_at              TEXT NOT NULL,
    UNIQUE (order_id, payment_id, txn_id)
);
CREATE TABLE "sales_shipment_item" (
    entity_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id        INTEGER NOT NULL REFERENCES sales_shipment(entity_id) ON DELETE CASCADE,
    order_item_id    INTEGER NOT NULL REFERENCES sales_order_item(item_id),
    product_id       INTEGER,
    sku              TEXT,
    name             TEXT,
    description      TEXT,
    additional_data  TEXT,
    price            INTEGER,
    weight           INTEGER,
    row_total        INTEGER,
    qty              INTEGER
);
CREATE TABLE inventory_low_stock_notification_configuration (
    source_code      TEXT NOT NULL,          -- no foreign key there either
    sku              TEXT NOT NULL,
    notify_stock_qty INTEGER,              -- ten-thousandths; NULL = use the config value
    PRIMARY KEY (source_code, sku)
);
CREATE TABLE inventory_source_carrier_link (
    link_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    source_code  TEXT NOT NULL REFERENCES inventory_source(source_code) ON DELETE CASCADE,
    carrier_code TEXT NOT NULL,
    position     INTEGER
);
CREATE TABLE cataloginventory_stock_item (
    item_id                     INTEGER PRIMARY KEY,
    product_id                  INTEGER NOT NULL UNIQUE,
    stock_id                    INTEGER NOT NULL DEFAULT 1,
    use_config_min_qty          INTEGER NOT NULL DEFAULT 1,
    min_qty                     INTEGER NOT NULL DEFAULT 0,
    use_config_min_sale_qty     INTEGER NOT NULL DEFAULT 1,
    min_sale_qty                INTEGER NOT NULL DEFAULT 10000,
    use_config_max_sale_qty     INTEGER NOT NULL DEFAULT 1,
    max_sale_qty                INTEGER NOT NULL DEFAULT 100000000,
    use_config_backorders       INTEGER NOT NULL DEFAULT 1,
    backorders                  INTEGER NOT NULL DEFAULT 0,
    use_config_notify_stock_qty INTEGER NOT NULL DEFAULT 1,
    notify_stock_qty            INTEGER NOT NULL DEFAULT 10000,
    use_config_qty_increments   INTEGER NOT NULL DEFAULT 1,
    qty_increments              INTEGER NOT NULL DEFAULT 0,
    use_config_enable_qty_inc   INTEGER NOT NULL DEFAULT 1,
    enable_qty_increments       INTEGER NOT NULL DEFAULT 0,
    use_config_manage_stock     INTEGER NOT NULL DEFAULT 1,
    manage_stock                INTEGER NOT NULL DEFAULT 1,
    low_stock_date              TEXT,
    is_decimal_divided          INTEGER NOT NULL DEFAULT 0,
    stock_status_changed_auto   INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE "catalog_product_entity" (
    entity_id         INTEGER PRIMARY KEY AUTOINCREMENT,
    attribute_set_id  INTEGER NOT NULL DEFAULT 4,
    type_id           TEXT NOT NULL,
    -- MySQL's default collation compares SKUs without case (ProductResource::getIdBySku).
    sku               TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name              TEXT NOT NULL,
    price             INTEGER NOT NULL,
    status            INTEGER NOT NULL DEFAULT 1,
    visibility        INTEGER NOT NULL DEFAULT 4,
    weight            INTEGER,
    is_qty_decimal    INTEGER NOT NULL DEFAULT 0,
    -- [{"attribute_code": ..., "value": ...}] besides the columns above, in save order.
    custom_attributes TEXT NOT NULL DEFAULT '[]',
    -- Downloadable: the links section title (`links_title`) and `links_purchased_separately`.
    links_title       TEXT,
    created_at        TEXT NOT NULL DEFAULT '2020-07-22 00:00:00',
    updated_at        TEXT NOT NULL DEFAULT '2020-07-22 00:00:00'
);
CREATE TABLE catalog_product_website (
    product_id INTEGER NOT NULL REFERENCES catalog_product_entity(entity_id) ON DELETE CASCADE,
    website_id INTEGER NOT NULL REFERENCES store_website(website_id),
    PRIMARY KEY (product_id, website_id)
);
CREATE TABLE catalog_category_entity (
    entity_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    attribute_set_id INTEGER NOT NULL DEFAULT 3,
    parent_id        INTEGER NOT NULL DEFAULT 0,
    path             TEXT NOT NULL,
    position         INTEGER NOT NULL DEFAULT 0,
    level            INTEGER NOT NULL DEFAULT 0,
    name             TEXT NOT NULL,
    is_active        INTEGER NOT NULL DEFAULT 1,
    include_in_menu  INTEGER NOT NULL DEFAULT 1,
    url_key          TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
INSERT INTO "catalog_category_entity" ("entity_id", "attribute_set_id", "parent_id", "path", "position", "level", "name", "is_active", "include_in_menu", "url_key", "created_at", "updated_at") VALUES (1, 3, 0, '1', 0, 0, 'Root Catalog', 1, 1, NULL, '2020-07-22 00:00:00', '2020-07-22 00:00:00');
INSERT INTO "catalog_category_entity" ("entity_id", "attribute_set_id", "parent_id", "path", "position", "level", "name", "is_active", "include_in_menu", "url_key", "created_at", "updated_at") VALUES (2, 3, 1, '1/2', 1, 1, 'Default Category', 1, 1, 'default-category', '2020-07-22 00:00:00', '2020-07-22 00:00:00');
CREATE TABLE catalog_category_product (
    entity_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    category_id INTEGER NOT NULL REFERENCES catalog_category_entity(entity_id) ON DELETE CASCADE,
    product_id  INTEGER NOT NULL REFERENCES catalog_product_entity(entity_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (category_id, product_id)
);
CREATE TABLE downloadable_link (
    link_id             INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id          INTEGER NOT NULL REFERENCES catalog_product_entity(entity_id) ON DELETE CASCADE,
    title               TEXT,
    sort_order          INTEGER NOT NULL DEFAULT 0,
    is_shareable        INTEGER NOT NULL DEFAULT 0,
    price               INTEGER NOT NULL DEFAULT 0,
    number_of_downloads INTEGER,
    link_type           TEXT,
    link_file           TEXT,
    link_url            TEXT,
    sample_type         TEXT,
    sample_file         TEXT,
    sample_url          TEXT
);
CREATE TABLE customer_group (
    customer_group_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_group_code TEXT NOT NULL,
    tax_class_id        INTEGER NOT NULL DEFAULT 3
);
INSERT INTO "customer_group" ("customer_group_id", "customer_group_code", "tax_class_id") VALUES (0, 'NOT LOGGED IN', 3);
INSERT INTO "customer_group" ("customer_group_id", "customer_group_code", "tax_class_id") VALUES (1, 'General', 3);
INSERT INTO "customer_group" ("customer_group_id", "customer_group_code", "tax_class_id") VALUES (2, 'Wholesale', 3);
INSERT INTO "customer_group" ("customer_group_id", "customer_group_code", "tax_class_id") VALUES (3, 'Retailer', 3);
CREATE TABLE tax_class (
    class_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    class_name TEXT NOT NULL,
    class_type TEXT NOT NULL
);
INSERT INTO "tax_class" ("class_id", "class_name", "class_type") VALUES (2, 'Taxable Goods', 'PRODUCT');
INSERT INTO "tax_class" ("class_id", "class_name", "class_type") VALUES (3, 'Retail Customer', 'CUSTOMER');
CREATE TABLE sales_order_tax (
    tax_id            INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id          INTEGER NOT NULL REFERENCES sales_order(entity_id) ON DELETE CASCADE,
    code              TEXT,
    title             TEXT,
    percent           INTEGER,
    amount            INTEGER,
    priority          INTEGER NOT NULL,
    position          INTEGER NOT NULL,
    base_amount       INTEGER,
    process           INTEGER NOT NULL,
    base_real_amount  INTEGER
);
CREATE TABLE sales_order_tax_item (
    tax_item_id         INTEGER PRIMARY KEY AUTOINCREMENT,
    tax_id              INTEGER NOT NULL REFERENCES sales_order_tax(tax_id) ON DELETE CASCADE,
    item_id             INTEGER REFERENCES sales_order_item(item_id) ON DELETE CASCADE,
    tax_percent         INTEGER NOT NULL,
    amount              INTEGER NOT NULL,
    base_amount         INTEGER NOT NULL,
    real_amount         INTEGER NOT NULL,
    real_base_amount    INTEGER NOT NULL,
    associated_item_id  INTEGER REFERENCES sales_order_item(item_id) ON DELETE CASCADE,
    taxable_item_type   TEXT NOT NULL,
    UNIQUE (tax_id, item_id)
);
CREATE TABLE "sales_creditmemo_item" (
    entity_id                              INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id                              INTEGER NOT NULL REFERENCES sales_creditmemo(entity_id) ON DELETE CASCADE,
    order_item_id                          INTEGER,
    product_id                             INTEGER,
    sku                                    TEXT,
    name                                   TEXT,
    description                            TEXT,
    additional_data                        TEXT,
    qty                                    INTEGER,
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
    base_discount_tax_compensation_amount  INTEGER,
    weee_tax_applied                       TEXT,
    weee_tax_applied_amount                INTEGER,
    weee_tax_applied_row_amount            INTEGER,
    weee_tax_disposition                   INTEGER,
    weee_tax_row_disposition               INTEGER,
    base_weee_tax_applied_amount           INTEGER,
    base_weee_tax_applied_row_amnt         INTEGER,
    base_weee_tax_disposition              INTEGER,
    base_weee_tax_row_disposition          INTEGER
);
CREATE TABLE quote (
    entity_id            INTEGER PRIMARY KEY AUTOINCREMENT,
    store_id             INTEGER NOT NULL,
    is_active            INTEGER NOT NULL DEFAULT 1,
    customer_id          INTEGER,
    customer_email       TEXT,
    customer_firstname   TEXT,
    customer_lastname    TEXT,
    customer_group_id    INTEGER NOT NULL DEFAULT 0,
    customer_is_guest    INTEGER NOT NULL DEFAULT 0,
    masked_id            TEXT UNIQUE,
    reserved_order_id    TEXT,
    payment_method       TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
, coupon_code TEXT, gift_message_id INTEGER);
CREATE TABLE quote_item (
    item_id              INTEGER PRIMARY KEY AUTOINCREMENT,
    quote_id             INTEGER NOT NULL REFERENCES quote(entity_id) ON DELETE CASCADE,
    product_id           INTEGER NOT NULL,
    sku                  TEXT NOT NULL,
    name                 TEXT,
    product_type         TEXT NOT NULL,
    is_virtual           INTEGER NOT NULL DEFAULT 0,
    qty                  INTEGER NOT NULL,
    price                INTEGER NOT NULL,
    downloadable_links   TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
, gift_message_id INTEGER);
CREATE TABLE quote_address (
    address_id           INTEGER PRIMARY KEY AUTOINCREMENT,
    quote_id             INTEGER NOT NULL REFERENCES quote(entity_id) ON DELETE CASCADE,
    address_type         TEXT NOT NULL,
    customer_id          INTEGER,
    customer_address_id  INTEGER,
    email                TEXT,
    firstname            TEXT,
    lastname             TEXT,
    company              TEXT,
    street               TEXT,
    city                 TEXT,
    region               TEXT,
    region_id            INTEGER,
    region_code          TEXT,
    postcode             TEXT,
    country_id           TEXT,
    telephone            TEXT,
    same_as_billing      INTEGER NOT NULL DEFAULT 0,
    shipping_method      TEXT, middlename TEXT, prefix TEXT, suffix TEXT, fax TEXT, vat_id TEXT,
    UNIQUE (quote_id, address_type)
);
CREATE TABLE salesrule (
    rule_id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name                   TEXT,
    description            TEXT,
    from_date              TEXT,
    to_date                TEXT,
    uses_per_customer      INTEGER NOT NULL DEFAULT 0,
    is_active              INTEGER NOT NULL DEFAULT 0,
    conditions_serialized  TEXT,
    actions_serialized     TEXT,
    stop_rules_processing  INTEGER NOT NULL DEFAULT 1,
    is_advanced            INTEGER NOT NULL DEFAULT 1,
    product_ids            TEXT,
    sort_order             INTEGER NOT NULL DEFAULT 0,
    simple_action          TEXT,
    discount_amount        INTEGER NOT NULL DEFAULT 0,
    discount_qty           INTEGER,
    discount_step          INTEGER NOT NULL DEFAULT 0,
    apply_to_shipping      INTEGER NOT NULL DEFAULT 0,
    times_used             INTEGER NOT NULL DEFAULT 0,
    is_rss                 INTEGER NOT NULL DEFAULT 0,
    coupon_type            INTEGER NOT NULL DEFAULT 1,
    use_auto_generation    INTEGER NOT NULL DEFAULT 0,
    uses_per_coupon        INTEGER NOT NULL DEFAULT 0,
    simple_free_shipping   INTEGER
);
CREATE TABLE salesrule_website (
    rule_id     INTEGER NOT NULL REFERENCES salesrule(rule_id) ON DELETE CASCADE,
    website_id  INTEGER NOT NULL REFERENCES store_website(website_id) ON DELETE CASCADE,
    PRIMARY KEY (rule_id, website_id)
);
CREATE TABLE salesrule_customer_group (
    rule_id            INTEGER NOT NULL REFERENCES salesrule(rule_id) ON DELETE CASCADE,
    customer_group_id  INTEGER NOT NULL REFERENCES customer_group(customer_group_id) ON DELETE CASCADE,
    PRIMARY KEY (rule_id, customer_group_id)
);
CREATE TABLE salesrule_label (
    label_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_id   INTEGER NOT NULL REFERENCES salesrule(rule_id) ON DELETE CASCADE,
    store_id  INTEGER NOT NULL REFERENCES store(store_id) ON DELETE CASCADE,
    label     TEXT,
    UNIQUE (rule_id, store_id)
);
CREATE TABLE salesrule_coupon (
    coupon_id           INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_id             INTEGER NOT NULL REFERENCES salesrule(rule_id) ON DELETE CASCADE,
    code                TEXT COLLATE NOCASE UNIQUE,
    usage_limit         INTEGER,
    usage_per_customer  INTEGER,
    times_used          INTEGER NOT NULL DEFAULT 0,
    expiration_date     TEXT,
    is_primary          INTEGER,
    created_at          TEXT,
    type                INTEGER DEFAULT 0,
    UNIQUE (rule_id, is_primary)
);
CREATE TABLE salesrule_coupon_usage (
    coupon_id    INTEGER NOT NULL REFERENCES salesrule_coupon(coupon_id) ON DELETE CASCADE,
    customer_id  INTEGER NOT NULL REFERENCES customer_entity(entity_id) ON DELETE CASCADE,
    times_used   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (coupon_id, customer_id)
);
CREATE TABLE salesrule_customer (
    rule_customer_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_id           INTEGER NOT NULL REFERENCES salesrule(rule_id) ON DELETE CASCADE,
    customer_id       INTEGER NOT NULL REFERENCES customer_entity(entity_id) ON DELETE CASCADE,
    times_used        INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE magemu_outbox (
    mail_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at     TEXT NOT NULL,
    template_id    TEXT NOT NULL,
    to_email       TEXT NOT NULL,
    to_name        TEXT,
    store_id       INTEGER,
    entity_type    TEXT NOT NULL,
    entity_id      INTEGER NOT NULL,
    increment_id   TEXT,
    order_id       INTEGER,
    comment        TEXT
, link TEXT);
CREATE TABLE inventory_pickup_location_quote_address (
    address_id           INTEGER PRIMARY KEY REFERENCES quote_address(address_id) ON DELETE CASCADE,
    pickup_location_code TEXT NOT NULL
);
CREATE TABLE inventory_pickup_location_order (
    order_id             INTEGER PRIMARY KEY REFERENCES sales_order(entity_id) ON DELETE CASCADE,
    pickup_location_code TEXT NOT NULL
);
CREATE TABLE inventory_order_notification (
    order_id          INTEGER PRIMARY KEY REFERENCES sales_order(entity_id) ON DELETE CASCADE,
    notification_sent INTEGER NOT NULL DEFAULT 0,
    send_notification INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE "sales_order_item" (
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
    discount_tax_compensation_invoiced       INTEGER,
    base_discount_tax_compensation_invoiced  INTEGER,
    amount_refunded                          INTEGER NOT NULL DEFAULT 0,
    base_amount_refunded                     INTEGER NOT NULL DEFAULT 0,
    free_shipping                            INTEGER,
    product_options                          TEXT,   -- JSON of OrderItemInterface::product_option
    created_at                               TEXT NOT NULL,
    updated_at                               TEXT NOT NULL,
    weee_tax_applied                         TEXT,
    tax_refunded                             INTEGER,
    base_tax_refunded                        INTEGER,
    discount_refunded                        INTEGER,
    base_discount_refunded                   INTEGER,
    discount_tax_compensation_refunded       INTEGER,
    base_discount_tax_compensation_refunded  INTEGER
, gift_message_id INTEGER, gift_message_available INTEGER);
CREATE TABLE magento_bulk (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid            TEXT NOT NULL UNIQUE,
    user_id         INTEGER,
    user_type       INTEGER,
    description     TEXT,
    operation_count INTEGER NOT NULL,
    start_time      TEXT NOT NULL
);
CREATE TABLE magento_operation (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    bulk_uuid              TEXT NOT NULL REFERENCES magento_bulk(uuid) ON DELETE CASCADE,
    -- The entry's position in the request (`request_items[].id`).
    operation_key          INTEGER NOT NULL,
    topic_name             TEXT NOT NULL,
    serialized_data        TEXT,
    result_serialized_data TEXT,
    status                 INTEGER NOT NULL,
    error_code             INTEGER,
    result_message         TEXT,
    started_at             TEXT,
    -- What magemu replays: the method, the synchronous path and the entry's body.
    http_method            TEXT NOT NULL,
    sync_path              TEXT NOT NULL,
    body                   TEXT NOT NULL,
    UNIQUE (bulk_uuid, operation_key)
);
CREATE TABLE core_config_data (
    config_id INTEGER PRIMARY KEY AUTOINCREMENT,
    scope     TEXT NOT NULL DEFAULT 'default',   -- default, websites or stores
    scope_id  INTEGER NOT NULL DEFAULT 0,
    path      TEXT NOT NULL,
    value     TEXT,
    UNIQUE (scope, scope_id, path)
);
CREATE TABLE customer_group_excluded_website (
    customer_group_id INTEGER NOT NULL REFERENCES customer_group(customer_group_id) ON DELETE CASCADE,
    website_id        INTEGER NOT NULL REFERENCES store_website(website_id) ON DELETE CASCADE,
    PRIMARY KEY (customer_group_id, website_id)
);
CREATE TABLE password_reset_request_event (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    request_type       INTEGER NOT NULL,
    account_reference  TEXT,
    created_at         TEXT NOT NULL,
    ip                 TEXT NOT NULL
);
CREATE TABLE gift_message (
    gift_message_id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id     INTEGER NOT NULL DEFAULT 0,
    sender          TEXT,
    recipient       TEXT,
    message         TEXT
);
CREATE TABLE checkout_agreement (
    agreement_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT,
    content        TEXT,
    content_height TEXT,
    checkbox_text  TEXT,
    is_active      INTEGER NOT NULL DEFAULT 0,
    is_html        INTEGER NOT NULL DEFAULT 0,
    mode           INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE checkout_agreement_store (
    agreement_id INTEGER NOT NULL REFERENCES checkout_agreement(agreement_id) ON DELETE CASCADE,
    store_id     INTEGER NOT NULL REFERENCES store(store_id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, store_id)
);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence (name, seq) VALUES ('catalog_category_entity', 2);
INSERT INTO sqlite_sequence (name, seq) VALUES ('catalog_product_entity', 0);
INSERT INTO sqlite_sequence (name, seq) VALUES ('customer_group', 3);
INSERT INTO sqlite_sequence (name, seq) VALUES ('sales_invoice_item', 0);
INSERT INTO sqlite_sequence (name, seq) VALUES ('sales_order_item', 0);
INSERT INTO sqlite_sequence (name, seq) VALUES ('sales_order_tax_item', 0);
INSERT INTO sqlite_sequence (name, seq) VALUES ('sales_shipment_item', 0);
INSERT INTO sqlite_sequence (name, seq) VALUES ('tax_class', 3);
CREATE INDEX sales_order_address_parent_id ON sales_order_address(parent_id);
CREATE INDEX sales_order_status_history_parent_id ON sales_order_status_history(parent_id);
CREATE INDEX sales_invoice_order_id ON sales_invoice(order_id);
CREATE INDEX sales_invoice_item_parent_id ON sales_invoice_item(parent_id);
CREATE INDEX sales_invoice_comment_parent_id ON sales_invoice_comment(parent_id);
CREATE INDEX inventory_source_item_sku ON inventory_source_item(sku);
CREATE INDEX inventory_reservation_stock_sku ON inventory_reservation(stock_id, sku, quantity);
CREATE INDEX sales_shipment_order_id ON sales_shipment(order_id);
CREATE INDEX sales_shipment_track_parent_id ON sales_shipment_track(parent_id);
CREATE INDEX sales_shipment_comment_parent_id ON sales_shipment_comment(parent_id);
CREATE INDEX sales_creditmemo_order_id ON sales_creditmemo(order_id);
CREATE INDEX sales_creditmemo_comment_parent_id ON sales_creditmemo_comment(parent_id);
CREATE INDEX sales_payment_transaction_parent_id ON sales_payment_transaction(parent_id);
CREATE INDEX sales_payment_transaction_payment_id ON sales_payment_transaction(payment_id);
CREATE INDEX sales_order_updated_at ON sales_order(updated_at);
CREATE INDEX sales_order_created_at ON sales_order(created_at);
CREATE INDEX sales_order_customer_id ON sales_order(customer_id);
CREATE INDEX sales_order_state ON sales_order(state);
CREATE INDEX sales_order_status ON sales_order(status);
CREATE INDEX sales_invoice_created_at ON sales_invoice(created_at);
CREATE INDEX sales_invoice_updated_at ON sales_invoice(updated_at);
CREATE INDEX sales_shipment_created_at ON sales_shipment(created_at);
CREATE INDEX sales_shipment_updated_at ON sales_shipment(updated_at);
CREATE INDEX sales_creditmemo_created_at ON sales_creditmemo(created_at);
CREATE INDEX sales_creditmemo_updated_at ON sales_creditmemo(updated_at);
CREATE INDEX sales_shipment_item_parent_id ON sales_shipment_item(parent_id);
CREATE INDEX catalog_category_entity_parent ON catalog_category_entity(parent_id);
CREATE INDEX catalog_category_product_product ON catalog_category_product(product_id);
CREATE INDEX downloadable_link_product ON downloadable_link(product_id);
CREATE INDEX sales_order_tax_order_priority ON sales_order_tax(order_id, priority, position);
CREATE INDEX sales_order_tax_item_item ON sales_order_tax_item(item_id);
CREATE INDEX sales_creditmemo_item_parent_id ON sales_creditmemo_item(parent_id);
CREATE INDEX sales_creditmemo_item_order_item_id ON sales_creditmemo_item(order_item_id);
CREATE INDEX quote_customer ON quote (customer_id, is_active);
CREATE INDEX quote_item_quote ON quote_item (quote_id);
CREATE INDEX salesrule_active_sort ON salesrule (is_active, sort_order, to_date, from_date);
CREATE INDEX salesrule_coupon_rule ON salesrule_coupon (rule_id);
CREATE INDEX salesrule_customer_rule ON salesrule_customer (rule_id, customer_id);
CREATE INDEX sales_order_item_order_id ON sales_order_item(order_id);
CREATE INDEX inventory_source_item_sku_lower ON inventory_source_item(LOWER(sku));
CREATE TRIGGER inventory_reservation_skips_unmanaged
BEFORE INSERT ON inventory_reservation
WHEN EXISTS (
    SELECT 1 FROM catalog_product_entity p
    JOIN cataloginventory_stock_item s ON s.product_id = p.entity_id
    WHERE p.sku = NEW.sku AND s.use_config_manage_stock = 0 AND s.manage_stock = 0
)
BEGIN
    SELECT RAISE(IGNORE);
END;
CREATE INDEX password_reset_request_event_created_at
    ON password_reset_request_event(created_at);
