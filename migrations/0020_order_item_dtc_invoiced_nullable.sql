-- Order items' discount_tax_compensation_invoiced and its base: NULL until an invoice sets
-- them, as Magento's sales_order_item has them (module-sales etc/db_schema.xml: nullable, no
-- default; the only two "_invoiced" columns without a default 0). SQLite cannot drop a NOT NULL
-- in place, so the table is rebuilt (https://sqlite.org/lang_altertable.html, "making other
-- kinds of table schema changes"). sqlx runs every SQLite migration in a transaction, where
-- foreign_keys cannot be switched off, and dropping a parent table would cascade to (or count
-- as violations of) the rows that point at it. So the rows of the three tables that reference
-- order items (invoice items, shipment items, order tax items) are kept aside and removed
-- first, the items table is swapped, and they are put back, ids and all. Rows of items nothing
-- was invoiced of take NULL, as in Magento.
CREATE TEMP TABLE kept_invoice_item AS SELECT * FROM sales_invoice_item;
CREATE TEMP TABLE kept_shipment_item AS SELECT * FROM sales_shipment_item;
CREATE TEMP TABLE kept_order_tax_item AS SELECT * FROM sales_order_tax_item;
CREATE TEMP TABLE kept_sequence AS SELECT name, seq FROM sqlite_sequence
    WHERE name IN ('sales_order_item', 'sales_invoice_item', 'sales_shipment_item',
                   'sales_order_tax_item');
DELETE FROM sales_invoice_item;
DELETE FROM sales_shipment_item;
DELETE FROM sales_order_tax_item;

CREATE TABLE sales_order_item_rebuilt (
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
);

INSERT INTO sales_order_item_rebuilt SELECT * FROM sales_order_item;

UPDATE sales_order_item_rebuilt
SET discount_tax_compensation_invoiced = NULL, base_discount_tax_compensation_invoiced = NULL
WHERE qty_invoiced = 0 AND discount_tax_compensation_invoiced = 0
  AND base_discount_tax_compensation_invoiced = 0;

DROP TABLE sales_order_item;
ALTER TABLE sales_order_item_rebuilt RENAME TO sales_order_item;
CREATE INDEX sales_order_item_order_id ON sales_order_item(order_id);

INSERT INTO sales_invoice_item SELECT * FROM kept_invoice_item;
INSERT INTO sales_shipment_item SELECT * FROM kept_shipment_item;
INSERT INTO sales_order_tax_item SELECT * FROM kept_order_tax_item;

-- Every counter stays where it was (seeds set some above the largest id).
DELETE FROM sqlite_sequence WHERE name IN (SELECT name FROM kept_sequence);
INSERT INTO sqlite_sequence (name, seq) SELECT name, seq FROM kept_sequence;

DROP TABLE kept_invoice_item;
DROP TABLE kept_shipment_item;
DROP TABLE kept_order_tax_item;
DROP TABLE kept_sequence;
