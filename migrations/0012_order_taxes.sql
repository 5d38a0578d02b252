-- The order's taxes (Magento_Sales db_schema: sales_order_tax, sales_order_tax_item), written by
-- Magento_Tax's order relation from extension_attributes.taxes / additional_itemized_taxes /
-- items[].extension_attributes.itemized_taxes (2.4.8) and read back by its repository plugins.
-- Amounts and percents in ten-thousandths, as every amount column here.
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
CREATE INDEX sales_order_tax_order_priority ON sales_order_tax(order_id, priority, position);

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
CREATE INDEX sales_order_tax_item_item ON sales_order_tax_item(item_id);
