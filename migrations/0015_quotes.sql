-- Carts (Magento_Quote db_schema.xml: quote, quote_item, quote_address), with the columns the
-- REST checkout reads and writes. Totals are not stored: they are collected from the lines on
-- every read, as Magento's collectTotals does on every save (checkout.md 5).
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
);
CREATE INDEX quote_customer ON quote (customer_id, is_active);

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
);
CREATE INDEX quote_item_quote ON quote_item (quote_id);

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
    shipping_method      TEXT,
    UNIQUE (quote_id, address_type)
);
