-- sales_creditmemo_item as Magento_Sales and Magento_Weee db_schema.xml declare it:
-- `order_item_id`, `sku` and `qty` are nullable and `order_item_id` has no foreign key, because
-- `CreditmemoRepositoryInterface::save` (POST /V1/creditmemo) stores each item exactly as the
-- client sent it; and module-weee's five columns magemu lacked (weee_tax_applied_amount,
-- weee_tax_disposition and their base figures, base_weee_tax_applied_row_amnt), which the
-- item interface can set. SQLite cannot relax a column, so the table is rebuilt; nothing
-- references it, and its AUTOINCREMENT counter is carried over.
CREATE TABLE sales_creditmemo_item_new (
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
INSERT INTO sales_creditmemo_item_new (
    entity_id, parent_id, order_item_id, product_id, sku, name, description, additional_data,
    qty, base_cost, price, base_price, price_incl_tax, base_price_incl_tax, row_total,
    base_row_total, row_total_incl_tax, base_row_total_incl_tax, discount_amount,
    base_discount_amount, tax_amount, base_tax_amount, discount_tax_compensation_amount,
    base_discount_tax_compensation_amount, weee_tax_applied, weee_tax_applied_row_amount,
    weee_tax_row_disposition, base_weee_tax_row_disposition)
SELECT
    entity_id, parent_id, order_item_id, product_id, sku, name, description, additional_data,
    qty, base_cost, price, base_price, price_incl_tax, base_price_incl_tax, row_total,
    base_row_total, row_total_incl_tax, base_row_total_incl_tax, discount_amount,
    base_discount_amount, tax_amount, base_tax_amount, discount_tax_compensation_amount,
    base_discount_tax_compensation_amount, weee_tax_applied, weee_tax_applied_row_amount,
    weee_tax_row_disposition, base_weee_tax_row_disposition
FROM sales_creditmemo_item;
DELETE FROM sqlite_sequence WHERE name = 'sales_creditmemo_item_new';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'sales_creditmemo_item_new', seq FROM sqlite_sequence
    WHERE name = 'sales_creditmemo_item';
DROP TABLE sales_creditmemo_item;
ALTER TABLE sales_creditmemo_item_new RENAME TO sales_creditmemo_item;
CREATE INDEX sales_creditmemo_item_parent_id ON sales_creditmemo_item(parent_id);
CREATE INDEX sales_creditmemo_item_order_item_id ON sales_creditmemo_item(order_item_id);
