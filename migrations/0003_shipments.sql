-- Shipments (Magento_Sales: sales_shipment, sales_shipment_item, sales_shipment_track,
-- sales_shipment_comment) and the source a shipment left from (magento/inventory
-- InventoryShipping/etc/db_schema.xml: inventory_shipment_source). Amounts and quantities are
-- INTEGER ten-thousandths, as everywhere.
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
CREATE INDEX sales_shipment_order_id ON sales_shipment(order_id);

CREATE TABLE sales_shipment_item (
    entity_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id        INTEGER NOT NULL REFERENCES sales_shipment(entity_id) ON DELETE CASCADE,
    order_item_id    INTEGER NOT NULL REFERENCES sales_order_item(item_id),
    product_id       INTEGER,
    sku              TEXT NOT NULL,
    name             TEXT,
    description      TEXT,
    additional_data  TEXT,
    price            INTEGER,
    weight           INTEGER,
    row_total        INTEGER,
    qty              INTEGER NOT NULL
);
CREATE INDEX sales_shipment_item_parent_id ON sales_shipment_item(parent_id);

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
CREATE INDEX sales_shipment_track_parent_id ON sales_shipment_track(parent_id);

CREATE TABLE sales_shipment_comment (
    entity_id            INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id            INTEGER NOT NULL REFERENCES sales_shipment(entity_id) ON DELETE CASCADE,
    comment              TEXT,
    is_customer_notified INTEGER,
    is_visible_on_front  INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT NOT NULL
);
CREATE INDEX sales_shipment_comment_parent_id ON sales_shipment_comment(parent_id);

CREATE TABLE inventory_shipment_source (
    shipment_id  INTEGER PRIMARY KEY REFERENCES sales_shipment(entity_id) ON DELETE CASCADE,
    source_code  TEXT NOT NULL
);

-- A database seeded before this migration counted the tutorial's earlier shipments (one item
-- each) only in the shipment sequence; with one store, Magento's shipment and shipment item ids
-- follow it. (A new database is empty here; its seed sets the counters itself.)
INSERT INTO sqlite_sequence (name, seq)
SELECT 'sales_shipment', next_value - 1 FROM sales_sequence
WHERE entity_type = 'shipment' AND store_id = 1 AND next_value > 1;
INSERT INTO sqlite_sequence (name, seq)
SELECT 'sales_shipment_item', next_value - 1 FROM sales_sequence
WHERE entity_type = 'shipment' AND store_id = 1 AND next_value > 1;
