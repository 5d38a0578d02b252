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
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (32, 'tax rates rules', '2026-01-01 00:00:00', 1, X'03426AB88047BEE68EC5BEB884123CA9C4B0E9BD6A2A6DB2DC22906397C79FE6EFF0C21F126D8DBC517DA03B8883CB41', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (33, 'directory', '2026-01-01 00:00:00', 1, X'D98C2BE9C529CEA1565AEA06E92728B22CE8D36EFD48F3B934E55475F3534B8E7CF26D5F124F935339FCB050E3BA1305', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (34, 'inventory case insensitive', '2026-01-01 00:00:00', 1, X'0529280CC672D3E1C4D54A39C9F80B930B867ABE5CBB842B72A2EA58F4A6E68F71E348B03A06DAC6CE3B2B03B4FF1EE8', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (35, 'quote address save in address book', '2026-01-01 00:00:00', 1, X'0F330F4B54BC8AC8CD33DCC566F615C82CE9BA7856186EFEC2AC89596ED98606588A9765388260D633591A1730609B4F', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (36, 'customer confirmation', '2026-01-01 00:00:00', 1, X'45AA5730E3767F3242AF32E76EC4648B293DB49621413E2A92EC55A12E64F6598C143C1FFD76EE3DC404B4EC97595292', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (37, 'sales order status nocase', '2026-01-01 00:00:00', 1, X'EF510BB9471E7EA5C9D63A2D5CCCFB2E71E5F74EC785A277FDFF277CBF29B397679E7E7D623321500311A829AEDD7D37', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (38, 'downloadable sample', '2026-01-01 00:00:00', 1, X'5E7266528C466A4375B25A8644FD6C1F3358AEDA152ECD37B87B72F229A377AA07EC68CF3209A4D5CE650449BCF921AA', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (39, 'sales comment author', '2026-01-01 00:00:00', 1, X'EF8B7693BC1BC6FE09212C5D82098C6BD9F986067A57DF81D8C4BD479A311F18FDDDF4EB275D85BE44A009423E6DA41B', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (40, 'reservations skip unmanaged in insert', '2026-01-01 00:00:00', 1, X'4CBFF3A124977570FA7E8B796B357179E151C3794CAC9399A29CF8763A51094635F6147345334E9AB8362D53DF55C6FD', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (41, 'source use default carrier config', '2026-01-01 00:00:00', 1, X'A6DB1B8192973B299CCEA50B7479625CDBFA8E074750E6581635FC5F486E3454F1CF1F7C19C3CCA94F76C26CE393ED40', 0);
INSERT INTO "_sqlx_migrations" ("version", "description", "installed_on", "success", "checksum", "execution_time") VALUES (42, 'order item canceled tax', '2026-01-01 00:00:00', 1, X'CBFDE3A181EA312BB45C2D504ADCD975041C16DC4C0D1FC97BFA14BAB98E6AD7051B09627736B3D3524AC69CD37C2639', 0);
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
, user_id INTEGER NOT NULL DEFAULT 0, user_type INTEGER NOT NULL DEFAULT 0);
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
    updated_at                TEXT NOT NULL, middlename TEXT, prefix TEXT, suffix TEXT, dob TEXT, taxvat TEXT, gender INTEGER, is_subscribed INTEGER NOT NULL DEFAULT 0, failures_num INTEGER NOT NULL DEFAULT 0, first_failure TEXT, lock_expires TEXT, rp_token TEXT, rp_token_created_at TEXT, confirmation TEXT,
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
, user_id INTEGER NOT NULL DEFAULT 0, user_type INTEGER NOT NULL DEFAULT 0);
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
, user_id INTEGER NOT NULL DEFAULT 0, user_type INTEGER NOT NULL DEFAULT 0);
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
    shipping_method      TEXT, middlename TEXT, prefix TEXT, suffix TEXT, fax TEXT, vat_id TEXT, save_in_address_book INTEGER DEFAULT 0,
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
, gift_message_id INTEGER, gift_message_available INTEGER, tax_canceled INTEGER, discount_tax_compensation_canceled INTEGER);
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
CREATE TABLE tax_calculation_rate (
    tax_calculation_rate_id INTEGER PRIMARY KEY AUTOINCREMENT,
    tax_country_id          TEXT NOT NULL,
    tax_region_id           INTEGER NOT NULL,
    tax_postcode            TEXT,
    code                    TEXT NOT NULL,
    rate                    INTEGER NOT NULL,
    zip_is_range            INTEGER,
    zip_from                INTEGER,
    zip_to                  INTEGER
);
INSERT INTO "tax_calculation_rate" ("tax_calculation_rate_id", "tax_country_id", "tax_region_id", "tax_postcode", "code", "rate", "zip_is_range", "zip_from", "zip_to") VALUES (1, 'US', 12, '*', 'US-CA-*-Rate 1', 82500, NULL, NULL, NULL);
INSERT INTO "tax_calculation_rate" ("tax_calculation_rate_id", "tax_country_id", "tax_region_id", "tax_postcode", "code", "rate", "zip_is_range", "zip_from", "zip_to") VALUES (2, 'US', 43, '*', 'US-NY-*-Rate 1', 83750, NULL, NULL, NULL);
CREATE TABLE tax_calculation_rate_title (
    tax_calculation_rate_title_id INTEGER PRIMARY KEY AUTOINCREMENT,
    tax_calculation_rate_id       INTEGER NOT NULL
        REFERENCES tax_calculation_rate(tax_calculation_rate_id) ON DELETE CASCADE,
    store_id                      INTEGER NOT NULL REFERENCES store(store_id) ON DELETE CASCADE,
    value                         TEXT NOT NULL
);
CREATE TABLE tax_calculation_rule (
    tax_calculation_rule_id INTEGER PRIMARY KEY AUTOINCREMENT,
    code                    TEXT NOT NULL,
    priority                INTEGER NOT NULL,
    position                INTEGER NOT NULL,
    calculate_subtotal      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE tax_calculation (
    tax_calculation_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    tax_calculation_rate_id INTEGER NOT NULL
        REFERENCES tax_calculation_rate(tax_calculation_rate_id) ON DELETE CASCADE,
    tax_calculation_rule_id INTEGER NOT NULL
        REFERENCES tax_calculation_rule(tax_calculation_rule_id) ON DELETE CASCADE,
    customer_tax_class_id   INTEGER NOT NULL REFERENCES tax_class(class_id) ON DELETE CASCADE,
    product_tax_class_id    INTEGER NOT NULL REFERENCES tax_class(class_id) ON DELETE CASCADE
);
CREATE TABLE directory_country (
    country_id TEXT PRIMARY KEY,
    iso2_code  TEXT,
    iso3_code  TEXT,
    name       TEXT
);
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AD', 'AD', 'AND', 'Andorra');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AE', 'AE', 'ARE', 'United Arab Emirates');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AF', 'AF', 'AFG', 'Afghanistan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AG', 'AG', 'ATG', 'Antigua & Barbuda');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AI', 'AI', 'AIA', 'Anguilla');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AL', 'AL', 'ALB', 'Albania');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AM', 'AM', 'ARM', 'Armenia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AN', 'AN', 'ANT', NULL);
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AO', 'AO', 'AGO', 'Angola');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AQ', 'AQ', 'ATA', 'Antarctica');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AR', 'AR', 'ARG', 'Argentina');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AS', 'AS', 'ASM', 'American Samoa');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AT', 'AT', 'AUT', 'Austria');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AU', 'AU', 'AUS', 'Australia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AW', 'AW', 'ABW', 'Aruba');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AX', 'AX', 'ALA', 'Åland Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('AZ', 'AZ', 'AZE', 'Azerbaijan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BA', 'BA', 'BIH', 'Bosnia & Herzegovina');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BB', 'BB', 'BRB', 'Barbados');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BD', 'BD', 'BGD', 'Bangladesh');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BE', 'BE', 'BEL', 'Belgium');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BF', 'BF', 'BFA', 'Burkina Faso');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BG', 'BG', 'BGR', 'Bulgaria');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BH', 'BH', 'BHR', 'Bahrain');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BI', 'BI', 'BDI', 'Burundi');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BJ', 'BJ', 'BEN', 'Benin');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BL', 'BL', 'BLM', 'St. Barthélemy');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BM', 'BM', 'BMU', 'Bermuda');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BN', 'BN', 'BRN', 'Brunei');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BO', 'BO', 'BOL', 'Bolivia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BQ', 'BQ', 'BES', 'Caribbean Netherlands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BR', 'BR', 'BRA', 'Brazil');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BS', 'BS', 'BHS', 'Bahamas');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BT', 'BT', 'BTN', 'Bhutan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BV', 'BV', 'BVT', 'Bouvet Island');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BW', 'BW', 'BWA', 'Botswana');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BY', 'BY', 'BLR', 'Belarus');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('BZ', 'BZ', 'BLZ', 'Belize');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CA', 'CA', 'CAN', 'Canada');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CC', 'CC', 'CCK', 'Cocos (Keeling) Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CD', 'CD', 'COD', 'Congo - Kinshasa');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CF', 'CF', 'CAF', 'Central African Republic');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CG', 'CG', 'COG', 'Congo - Brazzaville');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CH', 'CH', 'CHE', 'Switzerland');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CI', 'CI', 'CIV', 'Côte d’Ivoire');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CK', 'CK', 'COK', 'Cook Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CL', 'CL', 'CHL', 'Chile');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CM', 'CM', 'CMR', 'Cameroon');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CN', 'CN', 'CHN', 'China');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CO', 'CO', 'COL', 'Colombia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CR', 'CR', 'CRI', 'Costa Rica');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CU', 'CU', 'CUB', 'Cuba');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CV', 'CV', 'CPV', 'Cape Verde');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CW', 'CW', 'CUW', 'Curaçao');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CX', 'CX', 'CXR', 'Christmas Island');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CY', 'CY', 'CYP', 'Cyprus');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('CZ', 'CZ', 'CZE', 'Czechia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('DE', 'DE', 'DEU', 'Germany');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('DJ', 'DJ', 'DJI', 'Djibouti');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('DK', 'DK', 'DNK', 'Denmark');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('DM', 'DM', 'DMA', 'Dominica');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('DO', 'DO', 'DOM', 'Dominican Republic');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('DZ', 'DZ', 'DZA', 'Algeria');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('EC', 'EC', 'ECU', 'Ecuador');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('EE', 'EE', 'EST', 'Estonia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('EG', 'EG', 'EGY', 'Egypt');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('EH', 'EH', 'ESH', 'Western Sahara');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('ER', 'ER', 'ERI', 'Eritrea');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('ES', 'ES', 'ESP', 'Spain');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('ET', 'ET', 'ETH', 'Ethiopia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('FI', 'FI', 'FIN', 'Finland');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('FJ', 'FJ', 'FJI', 'Fiji');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('FK', 'FK', 'FLK', 'Falkland Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('FM', 'FM', 'FSM', 'Micronesia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('FO', 'FO', 'FRO', 'Faroe Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('FR', 'FR', 'FRA', 'France');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GA', 'GA', 'GAB', 'Gabon');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GB', 'GB', 'GBR', 'United Kingdom');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GD', 'GD', 'GRD', 'Grenada');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GE', 'GE', 'GEO', 'Georgia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GF', 'GF', 'GUF', 'French Guiana');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GG', 'GG', 'GGY', 'Guernsey');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GH', 'GH', 'GHA', 'Ghana');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GI', 'GI', 'GIB', 'Gibraltar');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GL', 'GL', 'GRL', 'Greenland');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GM', 'GM', 'GMB', 'Gambia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GN', 'GN', 'GIN', 'Guinea');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GP', 'GP', 'GLP', 'Guadeloupe');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GQ', 'GQ', 'GNQ', 'Equatorial Guinea');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GR', 'GR', 'GRC', 'Greece');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GS', 'GS', 'SGS', 'South Georgia & South Sandwich Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GT', 'GT', 'GTM', 'Guatemala');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GU', 'GU', 'GUM', 'Guam');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GW', 'GW', 'GNB', 'Guinea-Bissau');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('GY', 'GY', 'GUY', 'Guyana');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('HK', 'HK', 'HKG', 'Hong Kong SAR China');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('HM', 'HM', 'HMD', 'Heard & McDonald Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('HN', 'HN', 'HND', 'Honduras');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('HR', 'HR', 'HRV', 'Croatia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('HT', 'HT', 'HTI', 'Haiti');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('HU', 'HU', 'HUN', 'Hungary');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('ID', 'ID', 'IDN', 'Indonesia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('IE', 'IE', 'IRL', 'Ireland');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('IL', 'IL', 'ISR', 'Israel');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('IM', 'IM', 'IMN', 'Isle of Man');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('IN', 'IN', 'IND', 'India');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('IO', 'IO', 'IOT', 'British Indian Ocean Territory');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('IQ', 'IQ', 'IRQ', 'Iraq');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('IR', 'IR', 'IRN', 'Iran');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('IS', 'IS', 'ISL', 'Iceland');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('IT', 'IT', 'ITA', 'Italy');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('JE', 'JE', 'JEY', 'Jersey');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('JM', 'JM', 'JAM', 'Jamaica');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('JO', 'JO', 'JOR', 'Jordan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('JP', 'JP', 'JPN', 'Japan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('KE', 'KE', 'KEN', 'Kenya');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('KG', 'KG', 'KGZ', 'Kyrgyzstan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('KH', 'KH', 'KHM', 'Cambodia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('KI', 'KI', 'KIR', 'Kiribati');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('KM', 'KM', 'COM', 'Comoros');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('KN', 'KN', 'KNA', 'St. Kitts & Nevis');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('KP', 'KP', 'PRK', 'North Korea');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('KR', 'KR', 'KOR', 'South Korea');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('KW', 'KW', 'KWT', 'Kuwait');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('KY', 'KY', 'CYM', 'Cayman Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('KZ', 'KZ', 'KAZ', 'Kazakhstan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('LA', 'LA', 'LAO', 'Laos');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('LB', 'LB', 'LBN', 'Lebanon');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('LC', 'LC', 'LCA', 'St. Lucia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('LI', 'LI', 'LIE', 'Liechtenstein');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('LK', 'LK', 'LKA', 'Sri Lanka');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('LR', 'LR', 'LBR', 'Liberia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('LS', 'LS', 'LSO', 'Lesotho');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('LT', 'LT', 'LTU', 'Lithuania');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('LU', 'LU', 'LUX', 'Luxembourg');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('LV', 'LV', 'LVA', 'Latvia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('LY', 'LY', 'LBY', 'Libya');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MA', 'MA', 'MAR', 'Morocco');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MC', 'MC', 'MCO', 'Monaco');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MD', 'MD', 'MDA', 'Moldova');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('ME', 'ME', 'MNE', 'Montenegro');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MF', 'MF', 'MAF', 'St. Martin');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MG', 'MG', 'MDG', 'Madagascar');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MH', 'MH', 'MHL', 'Marshall Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MK', 'MK', 'MKD', 'North Macedonia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('ML', 'ML', 'MLI', 'Mali');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MM', 'MM', 'MMR', 'Myanmar (Burma)');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MN', 'MN', 'MNG', 'Mongolia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MO', 'MO', 'MAC', 'Macao SAR China');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MP', 'MP', 'MNP', 'Northern Mariana Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MQ', 'MQ', 'MTQ', 'Martinique');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MR', 'MR', 'MRT', 'Mauritania');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MS', 'MS', 'MSR', 'Montserrat');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MT', 'MT', 'MLT', 'Malta');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MU', 'MU', 'MUS', 'Mauritius');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MV', 'MV', 'MDV', 'Maldives');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MW', 'MW', 'MWI', 'Malawi');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MX', 'MX', 'MEX', 'Mexico');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MY', 'MY', 'MYS', 'Malaysia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('MZ', 'MZ', 'MOZ', 'Mozambique');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('NA', 'NA', 'NAM', 'Namibia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('NC', 'NC', 'NCL', 'New Caledonia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('NE', 'NE', 'NER', 'Niger');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('NF', 'NF', 'NFK', 'Norfolk Island');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('NG', 'NG', 'NGA', 'Nigeria');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('NI', 'NI', 'NIC', 'Nicaragua');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('NL', 'NL', 'NLD', 'Netherlands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('NO', 'NO', 'NOR', 'Norway');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('NP', 'NP', 'NPL', 'Nepal');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('NR', 'NR', 'NRU', 'Nauru');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('NU', 'NU', 'NIU', 'Niue');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('NZ', 'NZ', 'NZL', 'New Zealand');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('OM', 'OM', 'OMN', 'Oman');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PA', 'PA', 'PAN', 'Panama');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PE', 'PE', 'PER', 'Peru');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PF', 'PF', 'PYF', 'French Polynesia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PG', 'PG', 'PNG', 'Papua New Guinea');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PH', 'PH', 'PHL', 'Philippines');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PK', 'PK', 'PAK', 'Pakistan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PL', 'PL', 'POL', 'Poland');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PM', 'PM', 'SPM', 'St. Pierre & Miquelon');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PN', 'PN', 'PCN', 'Pitcairn Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PS', 'PS', 'PSE', 'Palestinian Territories');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PT', 'PT', 'PRT', 'Portugal');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PW', 'PW', 'PLW', 'Palau');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('PY', 'PY', 'PRY', 'Paraguay');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('QA', 'QA', 'QAT', 'Qatar');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('RE', 'RE', 'REU', 'Réunion');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('RO', 'RO', 'ROU', 'Romania');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('RS', 'RS', 'SRB', 'Serbia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('RU', 'RU', 'RUS', 'Russia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('RW', 'RW', 'RWA', 'Rwanda');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SA', 'SA', 'SAU', 'Saudi Arabia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SB', 'SB', 'SLB', 'Solomon Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SC', 'SC', 'SYC', 'Seychelles');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SD', 'SD', 'SDN', 'Sudan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SE', 'SE', 'SWE', 'Sweden');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SG', 'SG', 'SGP', 'Singapore');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SH', 'SH', 'SHN', 'St. Helena');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SI', 'SI', 'SVN', 'Slovenia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SJ', 'SJ', 'SJM', 'Svalbard & Jan Mayen');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SK', 'SK', 'SVK', 'Slovakia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SL', 'SL', 'SLE', 'Sierra Leone');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SM', 'SM', 'SMR', 'San Marino');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SN', 'SN', 'SEN', 'Senegal');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SO', 'SO', 'SOM', 'Somalia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SR', 'SR', 'SUR', 'Suriname');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('ST', 'ST', 'STP', 'São Tomé & Príncipe');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SV', 'SV', 'SLV', 'El Salvador');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SX', 'SX', 'SXM', 'Sint Maarten');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SY', 'SY', 'SYR', 'Syria');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('SZ', 'SZ', 'SWZ', 'Eswatini');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TC', 'TC', 'TCA', 'Turks & Caicos Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TD', 'TD', 'TCD', 'Chad');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TF', 'TF', 'ATF', 'French Southern Territories');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TG', 'TG', 'TGO', 'Togo');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TH', 'TH', 'THA', 'Thailand');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TJ', 'TJ', 'TJK', 'Tajikistan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TK', 'TK', 'TKL', 'Tokelau');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TL', 'TL', 'TLS', 'Timor-Leste');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TM', 'TM', 'TKM', 'Turkmenistan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TN', 'TN', 'TUN', 'Tunisia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TO', 'TO', 'TON', 'Tonga');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TR', 'TR', 'TUR', 'Türkiye');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TT', 'TT', 'TTO', 'Trinidad & Tobago');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TV', 'TV', 'TUV', 'Tuvalu');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TW', 'TW', 'TWN', 'Taiwan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('TZ', 'TZ', 'TZA', 'Tanzania');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('UA', 'UA', 'UKR', 'Ukraine');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('UG', 'UG', 'UGA', 'Uganda');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('UM', 'UM', 'UMI', 'U.S. Outlying Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('US', 'US', 'USA', 'United States');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('UY', 'UY', 'URY', 'Uruguay');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('UZ', 'UZ', 'UZB', 'Uzbekistan');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('VA', 'VA', 'VAT', 'Vatican City');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('VC', 'VC', 'VCT', 'St. Vincent & Grenadines');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('VE', 'VE', 'VEN', 'Venezuela');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('VG', 'VG', 'VGB', 'British Virgin Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('VI', 'VI', 'VIR', 'U.S. Virgin Islands');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('VN', 'VN', 'VNM', 'Vietnam');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('VU', 'VU', 'VUT', 'Vanuatu');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('WF', 'WF', 'WLF', 'Wallis & Futuna');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('WS', 'WS', 'WSM', 'Samoa');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('XK', 'XK', 'XKX', 'Kosovo');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('YE', 'YE', 'YEM', 'Yemen');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('YT', 'YT', 'MYT', 'Mayotte');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('ZA', 'ZA', 'ZAF', 'South Africa');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('ZM', 'ZM', 'ZMB', 'Zambia');
INSERT INTO "directory_country" ("country_id", "iso2_code", "iso3_code", "name") VALUES ('ZW', 'ZW', 'ZWE', 'Zimbabwe');
CREATE TABLE directory_country_region (
    region_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    country_id    TEXT NOT NULL REFERENCES directory_country(country_id),
    code          TEXT,
    default_name  TEXT,
    name_position INTEGER NOT NULL
);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1, 'US', 'AL', 'Alabama', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (2, 'US', 'AK', 'Alaska', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (3, 'US', 'AS', 'American Samoa', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (4, 'US', 'AZ', 'Arizona', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (5, 'US', 'AR', 'Arkansas', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (6, 'US', 'AE', 'Armed Forces Africa', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (7, 'US', 'AA', 'Armed Forces Americas', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (8, 'US', 'AE', 'Armed Forces Canada', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (9, 'US', 'AE', 'Armed Forces Europe', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (10, 'US', 'AE', 'Armed Forces Middle East', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (11, 'US', 'AP', 'Armed Forces Pacific', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (12, 'US', 'CA', 'California', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (13, 'US', 'CO', 'Colorado', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (14, 'US', 'CT', 'Connecticut', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (15, 'US', 'DE', 'Delaware', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (16, 'US', 'DC', 'District of Columbia', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (17, 'US', 'FM', 'Federated States Of Micronesia', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (18, 'US', 'FL', 'Florida', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (19, 'US', 'GA', 'Georgia', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (20, 'US', 'GU', 'Guam', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (21, 'US', 'HI', 'Hawaii', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (22, 'US', 'ID', 'Idaho', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (23, 'US', 'IL', 'Illinois', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (24, 'US', 'IN', 'Indiana', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (25, 'US', 'IA', 'Iowa', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (26, 'US', 'KS', 'Kansas', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (27, 'US', 'KY', 'Kentucky', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (28, 'US', 'LA', 'Louisiana', 28);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (29, 'US', 'ME', 'Maine', 29);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (30, 'US', 'MH', 'Marshall Islands', 30);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (31, 'US', 'MD', 'Maryland', 31);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (32, 'US', 'MA', 'Massachusetts', 32);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (33, 'US', 'MI', 'Michigan', 33);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (34, 'US', 'MN', 'Minnesota', 34);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (35, 'US', 'MS', 'Mississippi', 35);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (36, 'US', 'MO', 'Missouri', 36);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (37, 'US', 'MT', 'Montana', 37);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (38, 'US', 'NE', 'Nebraska', 38);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (39, 'US', 'NV', 'Nevada', 39);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (40, 'US', 'NH', 'New Hampshire', 40);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (41, 'US', 'NJ', 'New Jersey', 41);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (42, 'US', 'NM', 'New Mexico', 42);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (43, 'US', 'NY', 'New York', 43);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (44, 'US', 'NC', 'North Carolina', 44);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (45, 'US', 'ND', 'North Dakota', 45);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (46, 'US', 'MP', 'Northern Mariana Islands', 46);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (47, 'US', 'OH', 'Ohio', 47);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (48, 'US', 'OK', 'Oklahoma', 48);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (49, 'US', 'OR', 'Oregon', 49);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (50, 'US', 'PW', 'Palau', 50);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (51, 'US', 'PA', 'Pennsylvania', 51);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (52, 'US', 'PR', 'Puerto Rico', 52);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (53, 'US', 'RI', 'Rhode Island', 53);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (54, 'US', 'SC', 'South Carolina', 54);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (55, 'US', 'SD', 'South Dakota', 55);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (56, 'US', 'TN', 'Tennessee', 56);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (57, 'US', 'TX', 'Texas', 57);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (58, 'US', 'UT', 'Utah', 58);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (59, 'US', 'VT', 'Vermont', 59);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (60, 'US', 'VI', 'Virgin Islands', 60);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (61, 'US', 'VA', 'Virginia', 61);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (62, 'US', 'WA', 'Washington', 62);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (63, 'US', 'WV', 'West Virginia', 63);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (64, 'US', 'WI', 'Wisconsin', 64);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (65, 'US', 'WY', 'Wyoming', 65);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (66, 'CA', 'AB', 'Alberta', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (67, 'CA', 'BC', 'British Columbia', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (68, 'CA', 'MB', 'Manitoba', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (69, 'CA', 'NL', 'Newfoundland and Labrador', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (70, 'CA', 'NB', 'New Brunswick', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (71, 'CA', 'NS', 'Nova Scotia', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (72, 'CA', 'NT', 'Northwest Territories', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (73, 'CA', 'NU', 'Nunavut', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (74, 'CA', 'ON', 'Ontario', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (75, 'CA', 'PE', 'Prince Edward Island', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (76, 'CA', 'QC', 'Quebec', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (77, 'CA', 'SK', 'Saskatchewan', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (78, 'CA', 'YT', 'Yukon Territory', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (79, 'DE', 'NDS', 'Niedersachsen', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (80, 'DE', 'BAW', 'Baden-Württemberg', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (81, 'DE', 'BAY', 'Bayern', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (82, 'DE', 'BER', 'Berlin', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (83, 'DE', 'BRG', 'Brandenburg', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (84, 'DE', 'BRE', 'Bremen', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (85, 'DE', 'HAM', 'Hamburg', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (86, 'DE', 'HES', 'Hessen', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (87, 'DE', 'MEC', 'Mecklenburg-Vorpommern', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (88, 'DE', 'NRW', 'Nordrhein-Westfalen', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (89, 'DE', 'RHE', 'Rheinland-Pfalz', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (90, 'DE', 'SAR', 'Saarland', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (91, 'DE', 'SAS', 'Sachsen', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (92, 'DE', 'SAC', 'Sachsen-Anhalt', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (93, 'DE', 'SCN', 'Schleswig-Holstein', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (94, 'DE', 'THE', 'Thüringen', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (95, 'AT', 'WI', 'Wien', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (96, 'AT', 'NO', 'Niederösterreich', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (97, 'AT', 'OO', 'Oberösterreich', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (98, 'AT', 'SB', 'Salzburg', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (99, 'AT', 'KN', 'Kärnten', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (100, 'AT', 'ST', 'Steiermark', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (101, 'AT', 'TI', 'Tirol', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (102, 'AT', 'BL', 'Burgenland', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (103, 'AT', 'VB', 'Vorarlberg', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (104, 'CH', 'AG', 'Aargau', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (105, 'CH', 'AI', 'Appenzell Innerrhoden', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (106, 'CH', 'AR', 'Appenzell Ausserrhoden', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (107, 'CH', 'BE', 'Bern', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (108, 'CH', 'BL', 'Basel-Landschaft', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (109, 'CH', 'BS', 'Basel-Stadt', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (110, 'CH', 'FR', 'Friburg', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (111, 'CH', 'GE', 'Geneva', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (112, 'CH', 'GL', 'Glarus', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (113, 'CH', 'GR', 'Graubünden', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (114, 'CH', 'JU', 'Jura', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (115, 'CH', 'LU', 'Lucerne', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (116, 'CH', 'NE', 'Neuchâtel', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (117, 'CH', 'NW', 'Nidwalden', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (118, 'CH', 'OW', 'Obwalden', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (119, 'CH', 'SG', 'St. Gallen', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (120, 'CH', 'SH', 'Schaffhausen', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (121, 'CH', 'SO', 'Solothurn', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (122, 'CH', 'SZ', 'Schwyz', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (123, 'CH', 'TG', 'Thurgau', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (124, 'CH', 'TI', 'Ticino', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (125, 'CH', 'UR', 'Uri', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (126, 'CH', 'VD', 'Vaud', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (127, 'CH', 'VS', 'Wallis', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (128, 'CH', 'ZG', 'Zug', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (129, 'CH', 'ZH', 'Zürich', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (130, 'ES', 'A Coruсa', 'A Coruña', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (131, 'ES', 'Alava', 'Alava', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (132, 'ES', 'Albacete', 'Albacete', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (133, 'ES', 'Alicante', 'Alicante', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (134, 'ES', 'Almeria', 'Almeria', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (135, 'ES', 'Asturias', 'Asturias', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (136, 'ES', 'Avila', 'Avila', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (137, 'ES', 'Badajoz', 'Badajoz', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (138, 'ES', 'Baleares', 'Baleares', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (139, 'ES', 'Barcelona', 'Barcelona', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (140, 'ES', 'Burgos', 'Burgos', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (141, 'ES', 'Caceres', 'Caceres', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (142, 'ES', 'Cadiz', 'Cadiz', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (143, 'ES', 'Cantabria', 'Cantabria', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (144, 'ES', 'Castellon', 'Castellon', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (145, 'ES', 'Ceuta', 'Ceuta', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (146, 'ES', 'Ciudad Real', 'Ciudad Real', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (147, 'ES', 'Cordoba', 'Cordoba', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (148, 'ES', 'Cuenca', 'Cuenca', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (149, 'ES', 'Girona', 'Girona', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (150, 'ES', 'Granada', 'Granada', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (151, 'ES', 'Guadalajara', 'Guadalajara', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (152, 'ES', 'Guipuzcoa', 'Guipuzcoa', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (153, 'ES', 'Huelva', 'Huelva', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (154, 'ES', 'Huesca', 'Huesca', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (155, 'ES', 'Jaen', 'Jaen', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (156, 'ES', 'La Rioja', 'La Rioja', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (157, 'ES', 'Las Palmas', 'Las Palmas', 28);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (158, 'ES', 'Leon', 'Leon', 29);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (159, 'ES', 'Lleida', 'Lleida', 30);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (160, 'ES', 'Lugo', 'Lugo', 31);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (161, 'ES', 'Madrid', 'Madrid', 32);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (162, 'ES', 'Malaga', 'Malaga', 33);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (163, 'ES', 'Melilla', 'Melilla', 34);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (164, 'ES', 'Murcia', 'Murcia', 35);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (165, 'ES', 'Navarra', 'Navarra', 36);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (166, 'ES', 'Ourense', 'Ourense', 37);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (167, 'ES', 'Palencia', 'Palencia', 38);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (168, 'ES', 'Pontevedra', 'Pontevedra', 39);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (169, 'ES', 'Salamanca', 'Salamanca', 40);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (170, 'ES', 'Santa Cruz de Tenerife', 'Santa Cruz de Tenerife', 41);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (171, 'ES', 'Segovia', 'Segovia', 42);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (172, 'ES', 'Sevilla', 'Sevilla', 43);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (173, 'ES', 'Soria', 'Soria', 44);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (174, 'ES', 'Tarragona', 'Tarragona', 45);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (175, 'ES', 'Teruel', 'Teruel', 46);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (176, 'ES', 'Toledo', 'Toledo', 47);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (177, 'ES', 'Valencia', 'Valencia', 48);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (178, 'ES', 'Valladolid', 'Valladolid', 49);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (179, 'ES', 'Vizcaya', 'Vizcaya', 50);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (180, 'ES', 'Zamora', 'Zamora', 51);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (181, 'ES', 'Zaragoza', 'Zaragoza', 52);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (182, 'FR', '1', 'Ain', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (183, 'FR', '2', 'Aisne', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (184, 'FR', '3', 'Allier', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (185, 'FR', '4', 'Alpes-de-Haute-Provence', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (186, 'FR', '5', 'Hautes-Alpes', 43);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (187, 'FR', '6', 'Alpes-Maritimes', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (188, 'FR', '7', 'Ardèche', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (189, 'FR', '8', 'Ardennes', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (190, 'FR', '9', 'Ariège', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (191, 'FR', '10', 'Aube', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (192, 'FR', '11', 'Aude', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (193, 'FR', '12', 'Aveyron', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (194, 'FR', '13', 'Bouches-du-Rhône', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (195, 'FR', '14', 'Calvados', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (196, 'FR', '15', 'Cantal', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (197, 'FR', '16', 'Charente', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (198, 'FR', '17', 'Charente-Maritime', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (199, 'FR', '18', 'Cher', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (200, 'FR', '19', 'Corrèze', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (201, 'FR', '2A', 'Corse-du-Sud', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (202, 'FR', '2B', 'Haute-Corse', 36);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (203, 'FR', '21', 'Côte-d''Or', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (204, 'FR', '22', 'Côtes-d''Armor', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (205, 'FR', '23', 'Creuse', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (206, 'FR', '24', 'Dordogne', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (207, 'FR', '25', 'Doubs', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (208, 'FR', '26', 'Drôme', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (209, 'FR', '27', 'Eure', 29);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (210, 'FR', '28', 'Eure-et-Loir', 30);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (211, 'FR', '29', 'Finistère', 31);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (212, 'FR', '30', 'Gard', 32);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (213, 'FR', '31', 'Haute-Garonne', 37);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (214, 'FR', '32', 'Gers', 33);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (215, 'FR', '33', 'Gironde', 34);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (216, 'FR', '34', 'Hérault', 46);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (217, 'FR', '35', 'Ille-et-Vilaine', 47);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (218, 'FR', '36', 'Indre', 48);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (219, 'FR', '37', 'Indre-et-Loire', 49);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (220, 'FR', '38', 'Isère', 50);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (221, 'FR', '39', 'Jura', 51);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (222, 'FR', '40', 'Landes', 52);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (223, 'FR', '41', 'Loir-et-Cher', 53);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (224, 'FR', '42', 'Loire', 54);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (225, 'FR', '43', 'Haute-Loire', 38);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (226, 'FR', '44', 'Loire-Atlantique', 55);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (227, 'FR', '45', 'Loiret', 56);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (228, 'FR', '46', 'Lot', 57);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (229, 'FR', '47', 'Lot-et-Garonne', 58);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (230, 'FR', '48', 'Lozère', 59);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (231, 'FR', '49', 'Maine-et-Loire', 60);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (232, 'FR', '50', 'Manche', 61);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (233, 'FR', '51', 'Marne', 62);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (234, 'FR', '52', 'Haute-Marne', 39);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (235, 'FR', '53', 'Mayenne', 63);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (236, 'FR', '54', 'Meurthe-et-Moselle', 64);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (237, 'FR', '55', 'Meuse', 65);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (238, 'FR', '56', 'Morbihan', 66);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (239, 'FR', '57', 'Moselle', 67);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (240, 'FR', '58', 'Nièvre', 68);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (241, 'FR', '59', 'Nord', 69);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (242, 'FR', '60', 'Oise', 70);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (243, 'FR', '61', 'Orne', 71);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (244, 'FR', '62', 'Pas-de-Calais', 73);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (245, 'FR', '63', 'Puy-de-Dôme', 74);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (246, 'FR', '64', 'Pyrénées-Atlantiques', 75);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (247, 'FR', '65', 'Hautes-Pyrénées', 44);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (248, 'FR', '66', 'Pyrénées-Orientales', 76);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (249, 'FR', '67', 'Bas-Rhin', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (250, 'FR', '68', 'Haut-Rhin', 35);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (251, 'FR', '69', 'Rhône', 77);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (252, 'FR', '70', 'Haute-Saône', 40);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (253, 'FR', '71', 'Saône-et-Loire', 78);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (254, 'FR', '72', 'Sarthe', 79);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (255, 'FR', '73', 'Savoie', 80);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (256, 'FR', '74', 'Haute-Savoie', 41);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (257, 'FR', '75', 'Paris', 72);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (258, 'FR', '76', 'Seine-Maritime', 82);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (259, 'FR', '77', 'Seine-et-Marne', 81);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (260, 'FR', '78', 'Yvelines', 96);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (261, 'FR', '79', 'Deux-Sèvres', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (262, 'FR', '80', 'Somme', 84);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (263, 'FR', '81', 'Tarn', 85);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (264, 'FR', '82', 'Tarn-et-Garonne', 86);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (265, 'FR', '83', 'Var', 90);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (266, 'FR', '84', 'Vaucluse', 91);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (267, 'FR', '85', 'Vendée', 92);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (268, 'FR', '86', 'Vienne', 93);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (269, 'FR', '87', 'Haute-Vienne', 42);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (270, 'FR', '88', 'Vosges', 94);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (271, 'FR', '89', 'Yonne', 95);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (272, 'FR', '90', 'Territoire-de-Belfort', 87);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (273, 'FR', '91', 'Essonne', 28);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (274, 'FR', '92', 'Hauts-de-Seine', 45);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (275, 'FR', '93', 'Seine-Saint-Denis', 83);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (276, 'FR', '94', 'Val-de-Marne', 89);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (277, 'FR', '95', 'Val-d''Oise', 88);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (278, 'RO', 'AB', 'Alba', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (279, 'RO', 'AR', 'Arad', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (280, 'RO', 'AG', 'Argeş', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (281, 'RO', 'BC', 'Bacău', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (282, 'RO', 'BH', 'Bihor', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (283, 'RO', 'BN', 'Bistriţa-Năsăud', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (284, 'RO', 'BT', 'Botoşani', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (285, 'RO', 'BV', 'Braşov', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (286, 'RO', 'BR', 'Brăila', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (287, 'RO', 'B', 'Bucureşti', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (288, 'RO', 'BZ', 'Buzău', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (289, 'RO', 'CS', 'Caraş-Severin', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (290, 'RO', 'CL', 'Călăraşi', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (291, 'RO', 'CJ', 'Cluj', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (292, 'RO', 'CT', 'Constanţa', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (293, 'RO', 'CV', 'Covasna', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (294, 'RO', 'DB', 'Dâmboviţa', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (295, 'RO', 'DJ', 'Dolj', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (296, 'RO', 'GL', 'Galaţi', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (297, 'RO', 'GR', 'Giurgiu', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (298, 'RO', 'GJ', 'Gorj', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (299, 'RO', 'HR', 'Harghita', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (300, 'RO', 'HD', 'Hunedoara', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (301, 'RO', 'IL', 'Ialomiţa', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (302, 'RO', 'IS', 'Iaşi', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (303, 'RO', 'IF', 'Ilfov', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (304, 'RO', 'MM', 'Maramureş', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (305, 'RO', 'MH', 'Mehedinţi', 28);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (306, 'RO', 'MS', 'Mureş', 29);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (307, 'RO', 'NT', 'Neamţ', 30);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (308, 'RO', 'OT', 'Olt', 31);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (309, 'RO', 'PH', 'Prahova', 32);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (310, 'RO', 'SM', 'Satu-Mare', 34);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (311, 'RO', 'SJ', 'Sălaj', 33);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (312, 'RO', 'SB', 'Sibiu', 35);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (313, 'RO', 'SV', 'Suceava', 36);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (314, 'RO', 'TR', 'Teleorman', 37);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (315, 'RO', 'TM', 'Timiş', 38);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (316, 'RO', 'TL', 'Tulcea', 39);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (317, 'RO', 'VS', 'Vaslui', 41);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (318, 'RO', 'VL', 'Vâlcea', 40);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (319, 'RO', 'VN', 'Vrancea', 42);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (320, 'FI', 'Lappi', 'Lappi', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (321, 'FI', 'Pohjois-Pohjanmaa', 'Pohjois-Pohjanmaa', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (322, 'FI', 'Kainuu', 'Kainuu', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (323, 'FI', 'Pohjois-Karjala', 'Pohjois-Karjala', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (324, 'FI', 'Pohjois-Savo', 'Pohjois-Savo', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (325, 'FI', 'Etelä-Savo', 'Etelä-Savo', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (326, 'FI', 'Etelä-Pohjanmaa', 'Etelä-Pohjanmaa', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (327, 'FI', 'Pohjanmaa', 'Pohjanmaa', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (328, 'FI', 'Pirkanmaa', 'Pirkanmaa', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (329, 'FI', 'Satakunta', 'Satakunta', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (330, 'FI', 'Keski-Pohjanmaa', 'Keski-Pohjanmaa', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (331, 'FI', 'Keski-Suomi', 'Keski-Suomi', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (332, 'FI', 'Varsinais-Suomi', 'Varsinais-Suomi', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (333, 'FI', 'Etelä-Karjala', 'Etelä-Karjala', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (334, 'FI', 'Päijät-Häme', 'Päijät-Häme', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (335, 'FI', 'Kanta-Häme', 'Kanta-Häme', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (336, 'FI', 'Uusimaa', 'Uusimaa', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (337, 'FI', 'Itä-Uusimaa', 'Itä-Uusimaa', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (338, 'FI', 'Kymenlaakso', 'Kymenlaakso', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (339, 'FI', 'Ahvenanmaa', 'Ahvenanmaa', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (340, 'EE', 'EE-37', 'Harjumaa', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (341, 'EE', 'EE-39', 'Hiiumaa', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (342, 'EE', 'EE-44', 'Ida-Virumaa', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (343, 'EE', 'EE-49', 'Jõgevamaa', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (344, 'EE', 'EE-51', 'Järvamaa', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (345, 'EE', 'EE-57', 'Läänemaa', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (346, 'EE', 'EE-59', 'Lääne-Virumaa', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (347, 'EE', 'EE-65', 'Põlvamaa', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (348, 'EE', 'EE-67', 'Pärnumaa', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (349, 'EE', 'EE-70', 'Raplamaa', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (350, 'EE', 'EE-74', 'Saaremaa', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (351, 'EE', 'EE-78', 'Tartumaa', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (352, 'EE', 'EE-82', 'Valgamaa', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (353, 'EE', 'EE-84', 'Viljandimaa', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (354, 'EE', 'EE-86', 'Võrumaa', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (355, 'LV', 'LV-DGV', 'Daugavpils', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (356, 'LV', 'LV-JEL', 'Jelgava', 44);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (357, 'LV', 'Jēkabpils', 'Jēkabpils', 42);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (358, 'LV', 'LV-JUR', 'Jūrmala', 46);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (359, 'LV', 'LV-LPX', 'Liepāja', 57);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (360, 'LV', 'LV-LE', 'Liepājas novads', 58);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (361, 'LV', 'LV-REZ', 'Rēzekne', 81);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (362, 'LV', 'LV-RIX', 'Rīga', 84);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (363, 'LV', 'LV-RI', 'Rīgas novads', 85);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (364, 'LV', 'Valmiera', 'Valmiera', 109);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (365, 'LV', 'LV-VEN', 'Ventspils', 115);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (366, 'LV', 'Aglonas novads', 'Aglonas novads', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (367, 'LV', 'LV-AI', 'Aizkraukles novads', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (368, 'LV', 'Aizputes novads', 'Aizputes novads', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (369, 'LV', 'Aknīstes novads', 'Aknīstes novads', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (370, 'LV', 'Alojas novads', 'Alojas novads', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (371, 'LV', 'Alsungas novads', 'Alsungas novads', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (372, 'LV', 'LV-AL', 'Alūksnes novads', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (373, 'LV', 'Amatas novads', 'Amatas novads', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (374, 'LV', 'Apes novads', 'Apes novads', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (375, 'LV', 'Auces novads', 'Auces novads', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (376, 'LV', 'Babītes novads', 'Babītes novads', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (377, 'LV', 'Baldones novads', 'Baldones novads', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (378, 'LV', 'Baltinavas novads', 'Baltinavas novads', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (379, 'LV', 'LV-BL', 'Balvu novads', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (380, 'LV', 'LV-BU', 'Bauskas novads', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (381, 'LV', 'Beverīnas novads', 'Beverīnas novads', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (382, 'LV', 'Brocēnu novads', 'Brocēnu novads', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (383, 'LV', 'Burtnieku novads', 'Burtnieku novads', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (384, 'LV', 'Carnikavas novads', 'Carnikavas novads', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (385, 'LV', 'Cesvaines novads', 'Cesvaines novads', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (386, 'LV', 'Ciblas novads', 'Ciblas novads', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (387, 'LV', 'LV-CE', 'Cēsu novads', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (388, 'LV', 'Dagdas novads', 'Dagdas novads', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (389, 'LV', 'LV-DA', 'Daugavpils novads', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (390, 'LV', 'LV-DO', 'Dobeles novads', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (391, 'LV', 'Dundagas novads', 'Dundagas novads', 28);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (392, 'LV', 'Durbes novads', 'Durbes novads', 29);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (393, 'LV', 'Engures novads', 'Engures novads', 30);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (394, 'LV', 'Garkalnes novads', 'Garkalnes novads', 32);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (395, 'LV', 'Grobiņas novads', 'Grobiņas novads', 33);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (396, 'LV', 'LV-GU', 'Gulbenes novads', 34);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (397, 'LV', 'Iecavas novads', 'Iecavas novads', 35);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (398, 'LV', 'Ikšķiles novads', 'Ikšķiles novads', 36);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (399, 'LV', 'Ilūkstes novads', 'Ilūkstes novads', 37);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (400, 'LV', 'Inčukalna novads', 'Inčukalna novads', 38);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (401, 'LV', 'Jaunjelgavas novads', 'Jaunjelgavas novads', 39);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (402, 'LV', 'Jaunpiebalgas novads', 'Jaunpiebalgas novads', 40);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (403, 'LV', 'Jaunpils novads', 'Jaunpils novads', 41);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (404, 'LV', 'LV-JL', 'Jelgavas novads', 45);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (405, 'LV', 'LV-JK', 'Jēkabpils novads', 43);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (406, 'LV', 'Kandavas novads', 'Kandavas novads', 47);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (407, 'LV', 'Kokneses novads', 'Kokneses novads', 51);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (408, 'LV', 'Krimuldas novads', 'Krimuldas novads', 53);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (409, 'LV', 'Krustpils novads', 'Krustpils novads', 54);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (410, 'LV', 'LV-KR', 'Krāslavas novads', 52);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (411, 'LV', 'LV-KU', 'Kuldīgas novads', 55);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (412, 'LV', 'Kārsavas novads', 'Kārsavas novads', 48);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (413, 'LV', 'Lielvārdes novads', 'Lielvārdes novads', 56);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (414, 'LV', 'LV-LM', 'Limbažu novads', 60);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (415, 'LV', 'Lubānas novads', 'Lubānas novads', 62);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (416, 'LV', 'LV-LU', 'Ludzas novads', 63);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (417, 'LV', 'Līgatnes novads', 'Līgatnes novads', 59);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (418, 'LV', 'Līvānu novads', 'Līvānu novads', 61);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (419, 'LV', 'LV-MA', 'Madonas novads', 64);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (420, 'LV', 'Mazsalacas novads', 'Mazsalacas novads', 67);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (421, 'LV', 'Mālpils novads', 'Mālpils novads', 65);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (422, 'LV', 'Mārupes novads', 'Mārupes novads', 66);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (423, 'LV', 'Naukšēnu novads', 'Naukšēnu novads', 68);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (424, 'LV', 'Neretas novads', 'Neretas novads', 69);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (425, 'LV', 'Nīcas novads', 'Nīcas novads', 70);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (426, 'LV', 'LV-OG', 'Ogres novads', 71);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (427, 'LV', 'Olaines novads', 'Olaines novads', 72);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (428, 'LV', 'Ozolnieku novads', 'Ozolnieku novads', 73);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (429, 'LV', 'LV-PR', 'Preiļu novads', 77);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (430, 'LV', 'Priekules novads', 'Priekules novads', 78);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (431, 'LV', 'Priekuļu novads', 'Priekuļu novads', 79);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (432, 'LV', 'Pārgaujas novads', 'Pārgaujas novads', 74);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (433, 'LV', 'Pāvilostas novads', 'Pāvilostas novads', 75);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (434, 'LV', 'Pļaviņu novads', 'Pļaviņu novads', 76);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (435, 'LV', 'Raunas novads', 'Raunas novads', 80);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (436, 'LV', 'Riebiņu novads', 'Riebiņu novads', 83);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (437, 'LV', 'Rojas novads', 'Rojas novads', 86);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (438, 'LV', 'Ropažu novads', 'Ropažu novads', 87);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (439, 'LV', 'Rucavas novads', 'Rucavas novads', 88);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (440, 'LV', 'Rugāju novads', 'Rugāju novads', 89);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (441, 'LV', 'Rundāles novads', 'Rundāles novads', 91);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (442, 'LV', 'LV-RE', 'Rēzeknes novads', 82);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (443, 'LV', 'Rūjienas novads', 'Rūjienas novads', 90);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (444, 'LV', 'Salacgrīvas novads', 'Salacgrīvas novads', 92);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (445, 'LV', 'Salas novads', 'Salas novads', 93);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (446, 'LV', 'Salaspils novads', 'Salaspils novads', 94);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (447, 'LV', 'LV-SA', 'Saldus novads', 95);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (448, 'LV', 'Saulkrastu novads', 'Saulkrastu novads', 96);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (449, 'LV', 'Siguldas novads', 'Siguldas novads', 98);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (450, 'LV', 'Skrundas novads', 'Skrundas novads', 100);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (451, 'LV', 'Skrīveru novads', 'Skrīveru novads', 99);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (452, 'LV', 'Smiltenes novads', 'Smiltenes novads', 101);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (453, 'LV', 'Stopiņu novads', 'Stopiņu novads', 102);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (454, 'LV', 'Strenču novads', 'Strenču novads', 103);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (455, 'LV', 'Sējas novads', 'Sējas novads', 97);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (456, 'LV', 'LV-TA', 'Talsu novads', 104);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (457, 'LV', 'LV-TU', 'Tukuma novads', 106);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (458, 'LV', 'Tērvetes novads', 'Tērvetes novads', 105);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (459, 'LV', 'Vaiņodes novads', 'Vaiņodes novads', 107);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (460, 'LV', 'LV-VK', 'Valkas novads', 108);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (461, 'LV', 'LV-VM', 'Valmieras novads', 110);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (462, 'LV', 'Varakļānu novads', 'Varakļānu novads', 111);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (463, 'LV', 'Vecpiebalgas novads', 'Vecpiebalgas novads', 113);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (464, 'LV', 'Vecumnieku novads', 'Vecumnieku novads', 114);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (465, 'LV', 'LV-VE', 'Ventspils novads', 116);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (466, 'LV', 'Viesītes novads', 'Viesītes novads', 117);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (467, 'LV', 'Viļakas novads', 'Viļakas novads', 118);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (468, 'LV', 'Viļānu novads', 'Viļānu novads', 119);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (469, 'LV', 'Vārkavas novads', 'Vārkavas novads', 112);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (470, 'LV', 'Zilupes novads', 'Zilupes novads', 120);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (471, 'LV', 'Ādažu novads', 'Ādažu novads', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (472, 'LV', 'Ērgļu novads', 'Ērgļu novads', 31);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (473, 'LV', 'Ķeguma novads', 'Ķeguma novads', 49);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (474, 'LV', 'Ķekavas novads', 'Ķekavas novads', 50);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (475, 'LT', 'LT-AL', 'Alytaus Apskritis', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (476, 'LT', 'LT-KU', 'Kauno Apskritis', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (477, 'LT', 'LT-KL', 'Klaipėdos Apskritis', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (478, 'LT', 'LT-MR', 'Marijampolės Apskritis', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (479, 'LT', 'LT-PN', 'Panevėžio Apskritis', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (480, 'LT', 'LT-SA', 'Šiaulių Apskritis', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (481, 'LT', 'LT-TA', 'Tauragės Apskritis', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (482, 'LT', 'LT-TE', 'Telšių Apskritis', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (483, 'LT', 'LT-UT', 'Utenos Apskritis', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (484, 'LT', 'LT-VL', 'Vilniaus Apskritis', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (485, 'BR', 'AC', 'Acre', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (486, 'BR', 'AL', 'Alagoas', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (487, 'BR', 'AP', 'Amapá', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (488, 'BR', 'AM', 'Amazonas', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (489, 'BR', 'BA', 'Bahia', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (490, 'BR', 'CE', 'Ceará', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (491, 'BR', 'ES', 'Espírito Santo', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (492, 'BR', 'GO', 'Goiás', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (493, 'BR', 'MA', 'Maranhão', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (494, 'BR', 'MT', 'Mato Grosso', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (495, 'BR', 'MS', 'Mato Grosso do Sul', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (496, 'BR', 'MG', 'Minas Gerais', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (497, 'BR', 'PA', 'Pará', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (498, 'BR', 'PB', 'Paraíba', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (499, 'BR', 'PR', 'Paraná', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (500, 'BR', 'PE', 'Pernambuco', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (501, 'BR', 'PI', 'Piauí', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (502, 'BR', 'RJ', 'Rio de Janeiro', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (503, 'BR', 'RN', 'Rio Grande do Norte', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (504, 'BR', 'RS', 'Rio Grande do Sul', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (505, 'BR', 'RO', 'Rondônia', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (506, 'BR', 'RR', 'Roraima', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (507, 'BR', 'SC', 'Santa Catarina', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (508, 'BR', 'SP', 'São Paulo', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (509, 'BR', 'SE', 'Sergipe', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (510, 'BR', 'TO', 'Tocantins', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (511, 'BR', 'DF', 'Distrito Federal', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (512, 'AL', 'AL-01', 'Berat', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (513, 'AL', 'AL-09', 'Dibër', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (514, 'AL', 'AL-02', 'Durrës', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (515, 'AL', 'AL-03', 'Elbasan', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (516, 'AL', 'AL-04', 'Fier', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (517, 'AL', 'AL-05', 'Gjirokastër', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (518, 'AL', 'AL-06', 'Korçë', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (519, 'AL', 'AL-07', 'Kukës', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (520, 'AL', 'AL-08', 'Lezhë', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (521, 'AL', 'AL-10', 'Shkodër', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (522, 'AL', 'AL-11', 'Tiranë', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (523, 'AL', 'AL-12', 'Vlorë', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (524, 'AR', 'AR-C', 'Ciudad Autónoma de Buenos Aires', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (525, 'AR', 'AR-B', 'Buenos Aires', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (526, 'AR', 'AR-K', 'Catamarca', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (527, 'AR', 'AR-H', 'Chaco', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (528, 'AR', 'AR-U', 'Chubut', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (529, 'AR', 'AR-X', 'Córdoba', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (530, 'AR', 'AR-W', 'Corrientes', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (531, 'AR', 'AR-E', 'Entre Ríos', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (532, 'AR', 'AR-P', 'Formosa', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (533, 'AR', 'AR-Y', 'Jujuy', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (534, 'AR', 'AR-L', 'La Pampa', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (535, 'AR', 'AR-F', 'La Rioja', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (536, 'AR', 'AR-M', 'Mendoza', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (537, 'AR', 'AR-N', 'Misiones', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (538, 'AR', 'AR-Q', 'Neuquén', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (539, 'AR', 'AR-R', 'Río Negro', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (540, 'AR', 'AR-A', 'Salta', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (541, 'AR', 'AR-J', 'San Juan', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (542, 'AR', 'AR-D', 'San Luis', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (543, 'AR', 'AR-Z', 'Santa Cruz', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (544, 'AR', 'AR-S', 'Santa Fe', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (545, 'AR', 'AR-G', 'Santiago del Estero', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (546, 'AR', 'AR-V', 'Tierra del Fuego', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (547, 'AR', 'AR-T', 'Tucumán', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (548, 'HR', 'HR-01', 'Zagrebačka županija', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (549, 'HR', 'HR-02', 'Krapinsko-zagorska županija', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (550, 'HR', 'HR-03', 'Sisačko-moslavačka županija', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (551, 'HR', 'HR-04', 'Karlovačka županija', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (552, 'HR', 'HR-05', 'Varaždinska županija', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (553, 'HR', 'HR-06', 'Koprivničko-križevačka županija', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (554, 'HR', 'HR-07', 'Bjelovarsko-bilogorska županija', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (555, 'HR', 'HR-08', 'Primorsko-goranska županija', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (556, 'HR', 'HR-09', 'Ličko-senjska županija', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (557, 'HR', 'HR-10', 'Virovitičko-podravska županija', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (558, 'HR', 'HR-11', 'Požeško-slavonska županija', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (559, 'HR', 'HR-12', 'Brodsko-posavska županija', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (560, 'HR', 'HR-13', 'Zadarska županija', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (561, 'HR', 'HR-14', 'Osječko-baranjska županija', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (562, 'HR', 'HR-15', 'Šibensko-kninska županija', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (563, 'HR', 'HR-16', 'Vukovarsko-srijemska županija', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (564, 'HR', 'HR-17', 'Splitsko-dalmatinska županija', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (565, 'HR', 'HR-18', 'Istarska županija', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (566, 'HR', 'HR-19', 'Dubrovačko-neretvanska županija', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (567, 'HR', 'HR-20', 'Međimurska županija', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (568, 'HR', 'HR-21', 'Grad Zagreb', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (569, 'IN', 'AN', 'Andaman and Nicobar Islands', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (570, 'IN', 'AP', 'Andhra Pradesh', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (571, 'IN', 'AR', 'Arunachal Pradesh', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (572, 'IN', 'AS', 'Assam', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (573, 'IN', 'BR', 'Bihar', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (574, 'IN', 'CH', 'Chandigarh', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (575, 'IN', 'CT', 'Chhattisgarh', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (576, 'IN', 'DN', 'Dadra and Nagar Haveli', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (577, 'IN', 'DD', 'Daman and Diu', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (578, 'IN', 'DL', 'Delhi', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (579, 'IN', 'GA', 'Goa', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (580, 'IN', 'GJ', 'Gujarat', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (581, 'IN', 'HR', 'Haryana', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (582, 'IN', 'HP', 'Himachal Pradesh', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (583, 'IN', 'JK', 'Jammu and Kashmir', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (584, 'IN', 'JH', 'Jharkhand', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (585, 'IN', 'KA', 'Karnataka', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (586, 'IN', 'KL', 'Kerala', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (587, 'IN', 'LD', 'Lakshadweep', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (588, 'IN', 'MP', 'Madhya Pradesh', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (589, 'IN', 'MH', 'Maharashtra', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (590, 'IN', 'MN', 'Manipur', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (591, 'IN', 'ML', 'Meghalaya', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (592, 'IN', 'MZ', 'Mizoram', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (593, 'IN', 'NL', 'Nagaland', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (594, 'IN', 'OR', 'Odisha', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (595, 'IN', 'PY', 'Puducherry', 28);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (596, 'IN', 'PB', 'Punjab', 29);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (597, 'IN', 'RJ', 'Rajasthan', 30);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (598, 'IN', 'SK', 'Sikkim', 31);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (599, 'IN', 'TN', 'Tamil Nadu', 32);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (600, 'IN', 'TG', 'Telangana', 33);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (601, 'IN', 'TR', 'Tripura', 34);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (602, 'IN', 'UP', 'Uttar Pradesh', 35);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (603, 'IN', 'UT', 'Uttarakhand', 36);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (604, 'IN', 'WB', 'West Bengal', 37);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (605, 'AU', 'ACT', 'Australian Capital Territory', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (606, 'AU', 'NSW', 'New South Wales', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (607, 'AU', 'VIC', 'Victoria', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (608, 'AU', 'QLD', 'Queensland', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (609, 'AU', 'SA', 'South Australia', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (610, 'AU', 'TAS', 'Tasmania', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (611, 'AU', 'WA', 'Western Australia', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (612, 'AU', 'NT', 'Northern Territory', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (613, 'BY', 'BY-BR', 'Bresckaja voblasć', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (614, 'BY', 'BY-HO', 'Homieĺskaja voblasć', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (615, 'BY', 'BY-HM', 'Horad Minsk', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (616, 'BY', 'BY-HR', 'Hrodzienskaja voblasć', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (617, 'BY', 'BY-MA', 'Mahilioŭskaja voblasć', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (618, 'BY', 'BY-MI', 'Minskaja voblasć', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (619, 'BY', 'BY-VI', 'Viciebskaja voblasć', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (620, 'BE', 'VAN', 'Antwerpen', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (621, 'BE', 'WBR', 'Brabant wallon', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (622, 'BE', 'BRU', 'Brussels-Capital Region', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (623, 'BE', 'WHT', 'Hainaut', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (624, 'BE', 'VLI', 'Limburg', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (625, 'BE', 'WLG', 'Liège', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (626, 'BE', 'WLX', 'Luxembourg', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (627, 'BE', 'WNA', 'Namur', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (628, 'BE', 'VOV', 'Oost-Vlaanderen', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (629, 'BE', 'VBR', 'Vlaams-Brabant', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (630, 'BE', 'VWV', 'West-Vlaanderen', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (631, 'BO', 'BO-C', 'Cochabamba', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (632, 'BO', 'BO-H', 'Chuquisaca', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (633, 'BO', 'BO-B', 'El Beni', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (634, 'BO', 'BO-L', 'La Paz', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (635, 'BO', 'BO-O', 'Oruro', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (636, 'BO', 'BO-N', 'Pando', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (637, 'BO', 'BO-P', 'Potosí', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (638, 'BO', 'BO-S', 'Santa Cruz', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (639, 'BO', 'BO-T', 'Tarija', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (640, 'BG', 'BG-01', 'Blagoevgrad', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (641, 'BG', 'BG-02', 'Burgas', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (642, 'BG', 'BG-03', 'Varna', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (643, 'BG', 'BG-04', 'Veliko Tarnovo', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (644, 'BG', 'BG-05', 'Vidin', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (645, 'BG', 'BG-06', 'Vratsa', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (646, 'BG', 'BG-07', 'Gabrovo', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (647, 'BG', 'BG-08', 'Dobrich', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (648, 'BG', 'BG-09', 'Kardzhali', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (649, 'BG', 'BG-10', 'Kyustendil', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (650, 'BG', 'BG-11', 'Lovech', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (651, 'BG', 'BG-12', 'Montana', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (652, 'BG', 'BG-13', 'Pazardzhik', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (653, 'BG', 'BG-14', 'Pernik', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (654, 'BG', 'BG-15', 'Pleven', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (655, 'BG', 'BG-16', 'Plovdiv', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (656, 'BG', 'BG-17', 'Razgrad', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (657, 'BG', 'BG-18', 'Ruse', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (658, 'BG', 'BG-19', 'Silistra', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (659, 'BG', 'BG-20', 'Sliven', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (660, 'BG', 'BG-21', 'Smolyan', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (661, 'BG', 'BG-22', 'Sofia City', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (662, 'BG', 'BG-23', 'Sofia Province', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (663, 'BG', 'BG-24', 'Stara Zagora', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (664, 'BG', 'BG-25', 'Targovishte', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (665, 'BG', 'BG-26', 'Haskovo', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (666, 'BG', 'BG-27', 'Shumen', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (667, 'BG', 'BG-28', 'Yambol', 28);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (668, 'CL', 'CL-AI', 'Aisén del General Carlos Ibañez del Campo', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (669, 'CL', 'CL-AN', 'Antofagasta', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (670, 'CL', 'CL-AP', 'Arica y Parinacota', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (671, 'CL', 'CL-AR', 'La Araucanía', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (672, 'CL', 'CL-AT', 'Atacama', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (673, 'CL', 'CL-BI', 'Biobío', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (674, 'CL', 'CL-CO', 'Coquimbo', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (675, 'CL', 'CL-LI', 'Libertador General Bernardo O''Higgins', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (676, 'CL', 'CL-LL', 'Los Lagos', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (677, 'CL', 'CL-LR', 'Los Ríos', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (678, 'CL', 'CL-MA', 'Magallanes', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (679, 'CL', 'CL-ML', 'Maule', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (680, 'CL', 'CL-NB', 'Ñuble', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (681, 'CL', 'CL-RM', 'Región Metropolitana de Santiago', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (682, 'CL', 'CL-TA', 'Tarapacá', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (683, 'CL', 'CL-VS', 'Valparaíso', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (684, 'CN', 'CN-AH', 'Anhui Sheng', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (685, 'CN', 'CN-BJ', 'Beijing Shi', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (686, 'CN', 'CN-CQ', 'Chongqing Shi', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (687, 'CN', 'CN-FJ', 'Fujian Sheng', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (688, 'CN', 'CN-GS', 'Gansu Sheng', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (689, 'CN', 'CN-GD', 'Guangdong Sheng', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (690, 'CN', 'CN-GX', 'Guangxi Zhuangzu Zizhiqu', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (691, 'CN', 'CN-GZ', 'Guizhou Sheng', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (692, 'CN', 'CN-HI', 'Hainan Sheng', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (693, 'CN', 'CN-HE', 'Hebei Sheng', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (694, 'CN', 'CN-HL', 'Heilongjiang Sheng', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (695, 'CN', 'CN-HA', 'Henan Sheng', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (696, 'CN', 'CN-HK', 'Hong Kong SAR', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (697, 'CN', 'CN-HB', 'Hubei Sheng', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (698, 'CN', 'CN-HN', 'Hunan Sheng', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (699, 'CN', 'CN-JS', 'Jiangsu Sheng', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (700, 'CN', 'CN-JX', 'Jiangxi Sheng', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (701, 'CN', 'CN-JL', 'Jilin Sheng', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (702, 'CN', 'CN-LN', 'Liaoning Sheng', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (703, 'CN', 'CN-MO', 'Macao SAR', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (704, 'CN', 'CN-NM', 'Nei Mongol Zizhiqu', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (705, 'CN', 'CN-NX', 'Ningxia Huizi Zizhiqu', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (706, 'CN', 'CN-QH', 'Qinghai Sheng', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (707, 'CN', 'CN-SN', 'Shaanxi Sheng', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (708, 'CN', 'CN-SD', 'Shandong Sheng', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (709, 'CN', 'CN-SH', 'Shanghai Shi', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (710, 'CN', 'CN-SX', 'Shanxi Sheng', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (711, 'CN', 'CN-SC', 'Sichuan Sheng', 28);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (712, 'CN', 'CN-TW', 'Taiwan Sheng', 29);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (713, 'CN', 'CN-TJ', 'Tianjin Shi', 30);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (714, 'CN', 'CN-XJ', 'Xinjiang Uygur Zizhiqu', 31);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (715, 'CN', 'CN-XZ', 'Xizang Zizhiqu', 32);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (716, 'CN', 'CN-YN', 'Yunnan Sheng', 33);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (717, 'CN', 'CN-ZJ', 'Zhejiang Sheng', 34);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (718, 'CO', 'CO-AMA', 'Amazonas', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (719, 'CO', 'CO-ANT', 'Antioquia', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (720, 'CO', 'CO-ARA', 'Arauca', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (721, 'CO', 'CO-ATL', 'Atlántico', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (722, 'CO', 'CO-BOL', 'Bolívar', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (723, 'CO', 'CO-BOY', 'Boyacá', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (724, 'CO', 'CO-CAL', 'Caldas', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (725, 'CO', 'CO-CAQ', 'Caquetá', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (726, 'CO', 'CO-CAS', 'Casanare', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (727, 'CO', 'CO-CAU', 'Cauca', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (728, 'CO', 'CO-CES', 'Cesar', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (729, 'CO', 'CO-CHO', 'Chocó', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (730, 'CO', 'CO-COR', 'Córdoba', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (731, 'CO', 'CO-CUN', 'Cundinamarca', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (732, 'CO', 'CO-GUA', 'Guainía', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (733, 'CO', 'CO-GUV', 'Guaviare', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (734, 'CO', 'CO-HUL', 'Huila', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (735, 'CO', 'CO-LAG', 'La Guajira', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (736, 'CO', 'CO-MAG', 'Magdalena', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (737, 'CO', 'CO-MET', 'Meta', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (738, 'CO', 'CO-NAR', 'Nariño', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (739, 'CO', 'CO-NSA', 'Norte de Santander', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (740, 'CO', 'CO-PUT', 'Putumayo', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (741, 'CO', 'CO-QUI', 'Quindío', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (742, 'CO', 'CO-RIS', 'Risaralda', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (743, 'CO', 'CO-SAP', 'San Andrés y Providencia', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (744, 'CO', 'CO-SAN', 'Santander', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (745, 'CO', 'CO-SUC', 'Sucre', 28);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (746, 'CO', 'CO-TOL', 'Tolima', 29);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (747, 'CO', 'CO-VAC', 'Valle del Cauca', 30);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (748, 'CO', 'CO-VAU', 'Vaupés', 31);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (749, 'CO', 'CO-VID', 'Vichada', 32);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (750, 'CR', 'CR-SJ', 'San José', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (751, 'CR', 'CR-AL', 'Alajuela', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (752, 'CR', 'CR-CA', 'Cartago', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (753, 'CR', 'CR-HE', 'Heredia', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (754, 'CR', 'CR-GU', 'Guanacaste', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (755, 'CR', 'CR-PU', 'Puntarenas', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (756, 'CR', 'CR-LI', 'Limón', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (757, 'CZ', 'CZ-10', 'Praha, Hlavní město', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (758, 'CZ', 'CZ-20', 'Středočeský kraj', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (759, 'CZ', 'CZ-31', 'Jihočeský kraj', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (760, 'CZ', 'CZ-32', 'Plzeňský kraj', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (761, 'CZ', 'CZ-41', 'Karlovarský kraj', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (762, 'CZ', 'CZ-42', 'Ústecký kraj', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (763, 'CZ', 'CZ-51', 'Liberecký kraj', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (764, 'CZ', 'CZ-52', 'Královéhradecký kraj', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (765, 'CZ', 'CZ-53', 'Pardubický kraj', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (766, 'CZ', 'CZ-63', 'Kraj Vysočina', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (767, 'CZ', 'CZ-64', 'Jihomoravský kraj', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (768, 'CZ', 'CZ-71', 'Olomoucký kraj', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (769, 'CZ', 'CZ-72', 'Zlínský kraj', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (770, 'CZ', 'CZ-80', 'Moravskoslezský kraj', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (771, 'DK', 'DK-84', 'Hovedstaden', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (772, 'DK', 'DK-82', 'Midtjylland', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (773, 'DK', 'DK-81', 'Nordjylland', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (774, 'DK', 'DK-85', 'Sjælland', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (775, 'DK', 'DK-83', 'Syddanmark', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (776, 'EC', 'EC-A', 'Azuay', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (777, 'EC', 'EC-B', 'Bolívar', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (778, 'EC', 'EC-F', 'Cañar', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (779, 'EC', 'EC-C', 'Carchi', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (780, 'EC', 'EC-H', 'Chimborazo', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (781, 'EC', 'EC-X', 'Cotopaxi', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (782, 'EC', 'EC-O', 'El Oro', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (783, 'EC', 'EC-E', 'Esmeraldas', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (784, 'EC', 'EC-W', 'Galápagos', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (785, 'EC', 'EC-G', 'Guayas', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (786, 'EC', 'EC-I', 'Imbabura', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (787, 'EC', 'EC-L', 'Loja', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (788, 'EC', 'EC-R', 'Los Ríos', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (789, 'EC', 'EC-M', 'Manabí', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (790, 'EC', 'EC-S', 'Morona Santiago', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (791, 'EC', 'EC-N', 'Napo', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (792, 'EC', 'EC-D', 'Orellana', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (793, 'EC', 'EC-Y', 'Pastaza', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (794, 'EC', 'EC-P', 'Pichincha', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (795, 'EC', 'EC-SE', 'Santa Elena', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (796, 'EC', 'EC-SD', 'Santo Domingo de los Tsáchilas', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (797, 'EC', 'EC-U', 'Sucumbíos', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (798, 'EC', 'EC-T', 'Tungurahua', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (799, 'EC', 'EC-Z', 'Zamora Chinchipe', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (800, 'GR', 'GR-A', 'Anatolikí Makedonía kai Thráki', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (801, 'GR', 'GR-I', 'Attikí', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (802, 'GR', 'GR-G', 'Dytikí Elláda', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (803, 'GR', 'GR-C', 'Dytikí Makedonía', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (804, 'GR', 'GR-F', 'Ionía Nísia', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (805, 'GR', 'GR-D', 'Ípeiros', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (806, 'GR', 'GR-B', 'Kentrikí Makedonía', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (807, 'GR', 'GR-M', 'Kríti', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (808, 'GR', 'GR-L', 'Nótio Aigaío', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (809, 'GR', 'GR-J', 'Pelopónnisos', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (810, 'GR', 'GR-H', 'Stereá Elláda', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (811, 'GR', 'GR-E', 'Thessalía', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (812, 'GR', 'GR-K', 'Vóreio Aigaío', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (813, 'GR', 'GR-69', 'Ágion Óros', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (814, 'GY', 'GY-BA', 'Barima-Waini', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (815, 'GY', 'GY-CU', 'Cuyuni-Mazaruni', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (816, 'GY', 'GY-DE', 'Demerara-Mahaica', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (817, 'GY', 'GY-EB', 'East Berbice-Corentyne', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (818, 'GY', 'GY-ES', 'Essequibo Islands-West Demerara', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (819, 'GY', 'GY-MA', 'Mahaica-Berbice', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (820, 'GY', 'GY-PM', 'Pomeroon-Supenaam', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (821, 'GY', 'GY-PT', 'Potaro-Siparuni', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (822, 'GY', 'GY-UD', 'Upper Demerara-Berbice', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (823, 'GY', 'GY-UT', 'Upper Takutu-Upper Essequibo', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (824, 'IS', 'IS-01', 'Höfuðborgarsvæði', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (825, 'IS', 'IS-02', 'Suðurnes', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (826, 'IS', 'IS-03', 'Vesturland', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (827, 'IS', 'IS-04', 'Vestfirðir', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (828, 'IS', 'IS-05', 'Norðurland vestra', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (829, 'IS', 'IS-06', 'Norðurland eystra', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (830, 'IS', 'IS-07', 'Austurland', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (831, 'IS', 'IS-08', 'Suðurland', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (832, 'IT', 'AG', 'Agrigento', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (833, 'IT', 'AL', 'Alessandria', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (834, 'IT', 'AN', 'Ancona', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (835, 'IT', 'AO', 'Aosta', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (836, 'IT', 'AQ', 'L''Aquila', 44);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (837, 'IT', 'AR', 'Arezzo', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (838, 'IT', 'AP', 'Ascoli-Piceno', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (839, 'IT', 'AT', 'Asti', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (840, 'IT', 'AV', 'Avellino', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (841, 'IT', 'BA', 'Bari', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (842, 'IT', 'BT', 'Barletta-Andria-Trani', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (843, 'IT', 'BL', 'Belluno', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (844, 'IT', 'BN', 'Benevento', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (845, 'IT', 'BG', 'Bergamo', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (846, 'IT', 'BI', 'Biella', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (847, 'IT', 'BO', 'Bologna', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (848, 'IT', 'BZ', 'Bolzano', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (849, 'IT', 'BS', 'Brescia', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (850, 'IT', 'BR', 'Brindisi', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (851, 'IT', 'CA', 'Cagliari', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (852, 'IT', 'CL', 'Caltanissetta', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (853, 'IT', 'CB', 'Campobasso', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (854, 'IT', 'CI', 'Carbonia Iglesias', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (855, 'IT', 'CE', 'Caserta', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (856, 'IT', 'CT', 'Catania', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (857, 'IT', 'CZ', 'Catanzaro', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (858, 'IT', 'CH', 'Chieti', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (859, 'IT', 'CO', 'Como', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (860, 'IT', 'CS', 'Cosenza', 28);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (861, 'IT', 'CR', 'Cremona', 29);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (862, 'IT', 'KR', 'Crotone', 30);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (863, 'IT', 'CN', 'Cuneo', 31);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (864, 'IT', 'EN', 'Enna', 32);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (865, 'IT', 'FM', 'Fermo', 33);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (866, 'IT', 'FE', 'Ferrara', 34);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (867, 'IT', 'FI', 'Firenze', 35);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (868, 'IT', 'FG', 'Foggia', 36);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (869, 'IT', 'FC', 'Forli-Cesena', 37);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (870, 'IT', 'FR', 'Frosinone', 38);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (871, 'IT', 'GE', 'Genova', 39);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (872, 'IT', 'GO', 'Gorizia', 40);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (873, 'IT', 'GR', 'Grosseto', 41);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (874, 'IT', 'IM', 'Imperia', 42);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (875, 'IT', 'IS', 'Isernia', 43);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (876, 'IT', 'SP', 'La-Spezia', 45);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (877, 'IT', 'LT', 'Latina', 46);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (878, 'IT', 'LE', 'Lecce', 47);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (879, 'IT', 'LC', 'Lecco', 48);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (880, 'IT', 'LI', 'Livorno', 49);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (881, 'IT', 'LO', 'Lodi', 50);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (882, 'IT', 'LU', 'Lucca', 51);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (883, 'IT', 'MC', 'Macerata', 52);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (884, 'IT', 'MN', 'Mantova', 53);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (885, 'IT', 'MS', 'Massa-Carrara', 54);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (886, 'IT', 'MT', 'Matera', 55);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (887, 'IT', 'VS', 'Medio Campidano', 56);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (888, 'IT', 'ME', 'Messina', 57);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (889, 'IT', 'MI', 'Milano', 58);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (890, 'IT', 'MO', 'Modena', 59);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (891, 'IT', 'MB', 'Monza-Brianza', 60);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (892, 'IT', 'NA', 'Napoli', 61);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (893, 'IT', 'NO', 'Novara', 62);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (894, 'IT', 'NU', 'Nuoro', 63);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (895, 'IT', 'OG', 'Ogliastra', 64);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (896, 'IT', 'OT', 'Olbia Tempio', 65);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (897, 'IT', 'OR', 'Oristano', 66);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (898, 'IT', 'PD', 'Padova', 67);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (899, 'IT', 'PA', 'Palermo', 68);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (900, 'IT', 'PR', 'Parma', 69);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (901, 'IT', 'PV', 'Pavia', 70);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (902, 'IT', 'PG', 'Perugia', 71);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (903, 'IT', 'PU', 'Pesaro-Urbino', 72);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (904, 'IT', 'PE', 'Pescara', 73);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (905, 'IT', 'PC', 'Piacenza', 74);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (906, 'IT', 'PI', 'Pisa', 75);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (907, 'IT', 'PT', 'Pistoia', 76);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (908, 'IT', 'PN', 'Pordenone', 77);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (909, 'IT', 'PZ', 'Potenza', 78);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (910, 'IT', 'PO', 'Prato', 79);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (911, 'IT', 'RG', 'Ragusa', 80);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (912, 'IT', 'RA', 'Ravenna', 81);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (913, 'IT', 'RC', 'Reggio-Calabria', 82);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (914, 'IT', 'RE', 'Reggio-Emilia', 83);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (915, 'IT', 'RI', 'Rieti', 84);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (916, 'IT', 'RN', 'Rimini', 85);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (917, 'IT', 'RM', 'Roma', 86);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (918, 'IT', 'RO', 'Rovigo', 87);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (919, 'IT', 'SA', 'Salerno', 88);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (920, 'IT', 'SS', 'Sassari', 89);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (921, 'IT', 'SV', 'Savona', 90);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (922, 'IT', 'SI', 'Siena', 91);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (923, 'IT', 'SR', 'Siracusa', 92);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (924, 'IT', 'SO', 'Sondrio', 93);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (925, 'IT', 'TA', 'Taranto', 94);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (926, 'IT', 'TE', 'Teramo', 95);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (927, 'IT', 'TR', 'Terni', 96);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (928, 'IT', 'TO', 'Torino', 97);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (929, 'IT', 'TP', 'Trapani', 98);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (930, 'IT', 'TN', 'Trento', 99);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (931, 'IT', 'TV', 'Treviso', 100);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (932, 'IT', 'TS', 'Trieste', 101);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (933, 'IT', 'UD', 'Udine', 102);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (934, 'IT', 'VA', 'Varese', 103);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (935, 'IT', 'VE', 'Venezia', 104);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (936, 'IT', 'VB', 'Verbania', 105);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (937, 'IT', 'VC', 'Vercelli', 106);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (938, 'IT', 'VR', 'Verona', 107);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (939, 'IT', 'VV', 'Vibo-Valentia', 108);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (940, 'IT', 'VI', 'Vicenza', 109);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (941, 'IT', 'VT', 'Viterbo', 110);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (942, 'MX', 'AGU', 'Aguascalientes', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (943, 'MX', 'BCN', 'Baja California', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (944, 'MX', 'BCS', 'Baja California Sur', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (945, 'MX', 'CAM', 'Campeche', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (946, 'MX', 'CHP', 'Chiapas', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (947, 'MX', 'CHH', 'Chihuahua', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (948, 'MX', 'CMX', 'Ciudad de México', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (949, 'MX', 'COA', 'Coahuila', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (950, 'MX', 'COL', 'Colima', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (951, 'MX', 'DUR', 'Durango', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (952, 'MX', 'MEX', 'Estado de México', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (953, 'MX', 'GUA', 'Guanajuato', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (954, 'MX', 'GRO', 'Guerrero', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (955, 'MX', 'HID', 'Hidalgo', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (956, 'MX', 'JAL', 'Jalisco', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (957, 'MX', 'MIC', 'Michoacán', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (958, 'MX', 'MOR', 'Morelos', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (959, 'MX', 'NAY', 'Nayarit', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (960, 'MX', 'NLE', 'Nuevo León', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (961, 'MX', 'OAX', 'Oaxaca', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (962, 'MX', 'PUE', 'Puebla', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (963, 'MX', 'QUE', 'Querétaro', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (964, 'MX', 'ROO', 'Quintana Roo', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (965, 'MX', 'SLP', 'San Luis Potosí', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (966, 'MX', 'SIN', 'Sinaloa', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (967, 'MX', 'SON', 'Sonora', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (968, 'MX', 'TAB', 'Tabasco', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (969, 'MX', 'TAM', 'Tamaulipas', 28);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (970, 'MX', 'TLA', 'Tlaxcala', 29);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (971, 'MX', 'VER', 'Veracruz', 30);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (972, 'MX', 'YUC', 'Yucatán', 31);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (973, 'MX', 'ZAC', 'Zacatecas', 32);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (974, 'PY', 'PY-ASU', 'Asunción', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (975, 'PY', 'PY-16', 'Alto Paraguay', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (976, 'PY', 'PY-10', 'Alto Paraná', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (977, 'PY', 'PY-13', 'Amambay', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (978, 'PY', 'PY-19', 'Boquerón', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (979, 'PY', 'PY-5', 'Caaguazú', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (980, 'PY', 'PY-6', 'Caazapá', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (981, 'PY', 'PY-14', 'Canindeyú', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (982, 'PY', 'PY-11', 'Central', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (983, 'PY', 'PY-1', 'Concepción', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (984, 'PY', 'PY-3', 'Cordillera', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (985, 'PY', 'PY-4', 'Guairá', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (986, 'PY', 'PY-7', 'Itapúa', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (987, 'PY', 'PY-8', 'Misiones', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (988, 'PY', 'PY-12', 'Ñeembucú', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (989, 'PY', 'PY-9', 'Paraguarí', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (990, 'PY', 'PY-15', 'Presidente Hayes', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (991, 'PY', 'PY-2', 'San Pedro', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (992, 'PE', 'PE-LMA', 'Municipalidad Metropolitana de Lima', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (993, 'PE', 'PE-AMA', 'Amazonas', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (994, 'PE', 'PE-ANC', 'Ancash', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (995, 'PE', 'PE-APU', 'Apurímac', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (996, 'PE', 'PE-ARE', 'Arequipa', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (997, 'PE', 'PE-AYA', 'Ayacucho', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (998, 'PE', 'PE-CAJ', 'Cajamarca', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (999, 'PE', 'PE-CUS', 'Cusco', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1000, 'PE', 'PE-CAL', 'El Callao', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1001, 'PE', 'PE-HUV', 'Huancavelica', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1002, 'PE', 'PE-HUC', 'Huánuco', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1003, 'PE', 'PE-ICA', 'Ica', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1004, 'PE', 'PE-JUN', 'Junín', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1005, 'PE', 'PE-LAL', 'La Libertad', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1006, 'PE', 'PE-LAM', 'Lambayeque', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1007, 'PE', 'PE-LIM', 'Lima', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1008, 'PE', 'PE-LOR', 'Loreto', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1009, 'PE', 'PE-MDD', 'Madre de Dios', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1010, 'PE', 'PE-MOQ', 'Moquegua', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1011, 'PE', 'PE-PAS', 'Pasco', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1012, 'PE', 'PE-PIU', 'Piura', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1013, 'PE', 'PE-PUN', 'Puno', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1014, 'PE', 'PE-SAM', 'San Martín', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1015, 'PE', 'PE-TAC', 'Tacna', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1016, 'PE', 'PE-TUM', 'Tumbes', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1017, 'PE', 'PE-UCA', 'Ucayali', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1018, 'PL', 'PL-02', 'dolnośląskie', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1019, 'PL', 'PL-04', 'kujawsko-pomorskie', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1020, 'PL', 'PL-06', 'lubelskie', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1021, 'PL', 'PL-08', 'lubuskie', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1022, 'PL', 'PL-10', 'łódzkie', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1023, 'PL', 'PL-12', 'małopolskie', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1024, 'PL', 'PL-14', 'mazowieckie', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1025, 'PL', 'PL-16', 'opolskie', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1026, 'PL', 'PL-18', 'podkarpackie', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1027, 'PL', 'PL-20', 'podlaskie', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1028, 'PL', 'PL-22', 'pomorskie', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1029, 'PL', 'PL-24', 'śląskie', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1030, 'PL', 'PL-26', 'świętokrzyskie', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1031, 'PL', 'PL-28', 'warmińsko-mazurskie', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1032, 'PL', 'PL-30', 'wielkopolskie', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1033, 'PL', 'PL-32', 'zachodniopomorskie', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1034, 'PT', 'PT-01', 'Aveiro', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1035, 'PT', 'PT-02', 'Beja', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1036, 'PT', 'PT-03', 'Braga', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1037, 'PT', 'PT-04', 'Bragança', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1038, 'PT', 'PT-05', 'Castelo Branco', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1039, 'PT', 'PT-06', 'Coimbra', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1040, 'PT', 'PT-07', 'Évora', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1041, 'PT', 'PT-08', 'Faro', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1042, 'PT', 'PT-09', 'Guarda', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1043, 'PT', 'PT-10', 'Leiria', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1044, 'PT', 'PT-11', 'Lisboa', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1045, 'PT', 'PT-12', 'Portalegre', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1046, 'PT', 'PT-13', 'Porto', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1047, 'PT', 'PT-14', 'Santarém', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1048, 'PT', 'PT-15', 'Setúbal', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1049, 'PT', 'PT-16', 'Viana do Castelo', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1050, 'PT', 'PT-17', 'Vila Real', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1051, 'PT', 'PT-18', 'Viseu', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1052, 'PT', 'PT-20', 'Região Autónoma dos Açores', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1053, 'PT', 'PT-30', 'Região Autónoma da Madeira', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1054, 'SR', 'SR-BR', 'Brokopondo', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1055, 'SR', 'SR-CM', 'Commewijne', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1056, 'SR', 'SR-CR', 'Coronie', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1057, 'SR', 'SR-MA', 'Marowijne', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1058, 'SR', 'SR-NI', 'Nickerie', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1059, 'SR', 'SR-PR', 'Para', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1060, 'SR', 'SR-PM', 'Paramaribo', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1061, 'SR', 'SR-SA', 'Saramacca', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1062, 'SR', 'SR-SI', 'Sipaliwini', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1063, 'SR', 'SR-WA', 'Wanica', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1064, 'SE', 'SE-K', 'Blekinge län', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1065, 'SE', 'SE-W', 'Dalarnas län', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1066, 'SE', 'SE-I', 'Gotlands län', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1067, 'SE', 'SE-X', 'Gävleborgs län', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1068, 'SE', 'SE-N', 'Hallands län', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1069, 'SE', 'SE-Z', 'Jämtlands län', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1070, 'SE', 'SE-F', 'Jönköpings län', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1071, 'SE', 'SE-H', 'Kalmar län', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1072, 'SE', 'SE-G', 'Kronobergs län', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1073, 'SE', 'SE-BD', 'Norrbottens län', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1074, 'SE', 'SE-M', 'Skåne län', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1075, 'SE', 'SE-AB', 'Stockholms län', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1076, 'SE', 'SE-D', 'Södermanlands län', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1077, 'SE', 'SE-C', 'Uppsala län', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1078, 'SE', 'SE-S', 'Värmlands län', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1079, 'SE', 'SE-AC', 'Västerbottens län', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1080, 'SE', 'SE-Y', 'Västernorrlands län', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1081, 'SE', 'SE-U', 'Västmanlands län', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1082, 'SE', 'SE-O', 'Västra Götalands län', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1083, 'SE', 'SE-T', 'Örebro län', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1084, 'SE', 'SE-E', 'Östergötlands län', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1085, 'UA', 'UA-71', 'Cherkaska oblast', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1086, 'UA', 'UA-74', 'Chernihivska oblast', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1087, 'UA', 'UA-77', 'Chernivetska oblast', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1088, 'UA', 'UA-12', 'Dnipropetrovska oblast', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1089, 'UA', 'UA-14', 'Donetska oblast', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1090, 'UA', 'UA-26', 'Ivano-Frankivska oblast', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1091, 'UA', 'UA-63', 'Kharkivska oblast', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1092, 'UA', 'UA-65', 'Khersonska oblast', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1093, 'UA', 'UA-68', 'Khmelnytska oblast', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1094, 'UA', 'UA-35', 'Kirovohradska oblast', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1095, 'UA', 'UA-32', 'Kyivska oblast', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1096, 'UA', 'UA-09', 'Luhanska oblast', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1097, 'UA', 'UA-46', 'Lvivska oblast', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1098, 'UA', 'UA-48', 'Mykolaivska oblast', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1099, 'UA', 'UA-51', 'Odeska oblast', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1100, 'UA', 'UA-53', 'Poltavska oblast', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1101, 'UA', 'UA-56', 'Rivnenska oblast', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1102, 'UA', 'UA-59', 'Sumska oblast', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1103, 'UA', 'UA-61', 'Ternopilska oblast', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1104, 'UA', 'UA-05', 'Vinnytska oblast', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1105, 'UA', 'UA-07', 'Volynska oblast', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1106, 'UA', 'UA-21', 'Zakarpatska oblast', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1107, 'UA', 'UA-23', 'Zaporizka oblast', 26);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1108, 'UA', 'UA-18', 'Zhytomyrska oblast', 27);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1109, 'UA', 'UA-43', 'Avtonomna Respublika Krym', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1110, 'UA', 'UA-30', 'Kyiv', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1111, 'UA', 'UA-40', 'Sevastopol', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1112, 'UY', 'UY-AR', 'Artigas', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1113, 'UY', 'UY-CA', 'Canelones', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1114, 'UY', 'UY-CL', 'Cerro Largo', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1115, 'UY', 'UY-CO', 'Colonia', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1116, 'UY', 'UY-DU', 'Durazno', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1117, 'UY', 'UY-FS', 'Flores', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1118, 'UY', 'UY-FD', 'Florida', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1119, 'UY', 'UY-LA', 'Lavalleja', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1120, 'UY', 'UY-MA', 'Maldonado', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1121, 'UY', 'UY-MO', 'Montevideo', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1122, 'UY', 'UY-PA', 'Paysandu', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1123, 'UY', 'UY-RN', 'Río Negro', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1124, 'UY', 'UY-RV', 'Rivera', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1125, 'UY', 'UY-RO', 'Rocha', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1126, 'UY', 'UY-SA', 'Salto', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1127, 'UY', 'UY-SJ', 'San José', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1128, 'UY', 'UY-SO', 'Soriano', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1129, 'UY', 'UY-TA', 'Tacuarembó', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1130, 'UY', 'UY-TT', 'Treinta y Tres', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1131, 'VE', 'VE-W', 'Dependencias Federales', 10);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1132, 'VE', 'VE-A', 'Distrito Capital', 11);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1133, 'VE', 'VE-Z', 'Amazonas', 1);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1134, 'VE', 'VE-B', 'Anzoátegui', 2);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1135, 'VE', 'VE-C', 'Apure', 3);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1136, 'VE', 'VE-D', 'Aragua', 4);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1137, 'VE', 'VE-E', 'Barinas', 5);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1138, 'VE', 'VE-F', 'Bolívar', 6);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1139, 'VE', 'VE-G', 'Carabobo', 7);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1140, 'VE', 'VE-H', 'Cojedes', 8);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1141, 'VE', 'VE-Y', 'Delta Amacuro', 9);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1142, 'VE', 'VE-I', 'Falcón', 12);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1143, 'VE', 'VE-J', 'Guárico', 13);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1144, 'VE', 'VE-K', 'Lara', 14);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1145, 'VE', 'VE-L', 'Mérida', 15);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1146, 'VE', 'VE-M', 'Miranda', 16);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1147, 'VE', 'VE-N', 'Monagas', 17);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1148, 'VE', 'VE-O', 'Nueva Esparta', 18);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1149, 'VE', 'VE-P', 'Portuguesa', 19);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1150, 'VE', 'VE-R', 'Sucre', 20);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1151, 'VE', 'VE-S', 'Táchira', 21);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1152, 'VE', 'VE-T', 'Trujillo', 22);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1153, 'VE', 'VE-X', 'Vargas', 23);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1154, 'VE', 'VE-U', 'Yaracuy', 24);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1155, 'VE', 'VE-V', 'Zulia', 25);
INSERT INTO "directory_country_region" ("region_id", "country_id", "code", "default_name", "name_position") VALUES (1156, 'IN', 'LA', 'Ladakh', 19);
CREATE TABLE "inventory_source" (
    source_code  TEXT COLLATE NOCASE PRIMARY KEY,
    name         TEXT COLLATE NOCASE NOT NULL UNIQUE,
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
, use_default_carrier_config INTEGER NOT NULL DEFAULT 1);
CREATE TABLE "inventory_stock" (
    stock_id INTEGER PRIMARY KEY AUTOINCREMENT,
    name     TEXT COLLATE NOCASE NOT NULL UNIQUE
);
CREATE TABLE "inventory_stock_sales_channel" (
    type     TEXT COLLATE NOCASE NOT NULL,
    code     TEXT COLLATE NOCASE NOT NULL,
    stock_id INTEGER NOT NULL REFERENCES "inventory_stock"(stock_id) ON DELETE CASCADE,
    PRIMARY KEY (type, code)
);
CREATE TABLE "inventory_source_stock_link" (
    link_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    stock_id    INTEGER NOT NULL REFERENCES "inventory_stock"(stock_id) ON DELETE CASCADE,
    source_code TEXT COLLATE NOCASE NOT NULL
        REFERENCES "inventory_source"(source_code) ON DELETE CASCADE,
    priority    INTEGER NOT NULL,
    UNIQUE (stock_id, source_code)
);
CREATE TABLE "inventory_source_item" (
    source_item_id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_code    TEXT COLLATE NOCASE NOT NULL
        REFERENCES "inventory_source"(source_code) ON DELETE CASCADE,
    sku            TEXT COLLATE NOCASE NOT NULL,
    quantity       INTEGER NOT NULL DEFAULT 0,
    status         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source_code, sku)
);
CREATE TABLE "inventory_source_carrier_link" (
    link_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    source_code  TEXT COLLATE NOCASE NOT NULL
        REFERENCES "inventory_source"(source_code) ON DELETE CASCADE,
    carrier_code TEXT NOT NULL,
    position     INTEGER
);
CREATE TABLE "inventory_low_stock_notification_configuration" (
    source_code      TEXT COLLATE NOCASE NOT NULL,   -- no foreign key there either
    sku              TEXT COLLATE NOCASE NOT NULL,
    notify_stock_qty INTEGER,              -- ten-thousandths; NULL = use the config value
    PRIMARY KEY (source_code, sku)
);
CREATE TABLE "inventory_reservation" (
    reservation_id INTEGER PRIMARY KEY AUTOINCREMENT,
    stock_id       INTEGER NOT NULL,
    sku            TEXT COLLATE NOCASE NOT NULL,
    quantity       INTEGER NOT NULL DEFAULT 0,
    metadata       TEXT
);
CREATE TABLE downloadable_sample (
    sample_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id  INTEGER NOT NULL REFERENCES catalog_product_entity(entity_id) ON DELETE CASCADE,
    title       TEXT,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    sample_type TEXT,
    sample_file TEXT,
    sample_url  TEXT
);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence (name, seq) VALUES ('catalog_category_entity', 2);
INSERT INTO sqlite_sequence (name, seq) VALUES ('catalog_product_entity', 0);
INSERT INTO sqlite_sequence (name, seq) VALUES ('customer_group', 3);
INSERT INTO sqlite_sequence (name, seq) VALUES ('directory_country_region', 1156);
INSERT INTO sqlite_sequence (name, seq) VALUES ('sales_invoice_item', 0);
INSERT INTO sqlite_sequence (name, seq) VALUES ('sales_order_item', 0);
INSERT INTO sqlite_sequence (name, seq) VALUES ('sales_order_tax_item', 0);
INSERT INTO sqlite_sequence (name, seq) VALUES ('sales_shipment_item', 0);
INSERT INTO sqlite_sequence (name, seq) VALUES ('tax_calculation_rate', 2);
INSERT INTO sqlite_sequence (name, seq) VALUES ('tax_class', 3);
CREATE INDEX sales_order_address_parent_id ON sales_order_address(parent_id);
CREATE INDEX sales_order_status_history_parent_id ON sales_order_status_history(parent_id);
CREATE INDEX sales_invoice_order_id ON sales_invoice(order_id);
CREATE INDEX sales_invoice_item_parent_id ON sales_invoice_item(parent_id);
CREATE INDEX sales_invoice_comment_parent_id ON sales_invoice_comment(parent_id);
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
CREATE INDEX password_reset_request_event_created_at
    ON password_reset_request_event(created_at);
CREATE INDEX tax_calculation_rate_by_code ON tax_calculation_rate(code);
CREATE INDEX tax_calculation_rate_title_by_rate ON tax_calculation_rate_title(tax_calculation_rate_id);
CREATE INDEX tax_calculation_rule_by_code ON tax_calculation_rule(code);
CREATE INDEX tax_calculation_by_rule ON tax_calculation(tax_calculation_rule_id);
CREATE INDEX tax_calculation_by_rate ON tax_calculation(tax_calculation_rate_id);
CREATE INDEX tax_calculation_by_customer_class ON tax_calculation(customer_tax_class_id);
CREATE INDEX tax_calculation_by_product_class ON tax_calculation(product_tax_class_id);
CREATE INDEX directory_country_region_country
    ON directory_country_region(country_id, name_position);
CREATE INDEX inventory_source_item_sku ON inventory_source_item(sku);
CREATE INDEX inventory_source_item_sku_lower ON inventory_source_item(LOWER(sku));
CREATE INDEX inventory_reservation_stock_sku ON inventory_reservation(stock_id, sku, quantity);
CREATE INDEX sales_order_state ON sales_order(state COLLATE NOCASE);
CREATE INDEX sales_order_status ON sales_order(status COLLATE NOCASE);
CREATE INDEX downloadable_sample_product ON downloadable_sample(product_id);
