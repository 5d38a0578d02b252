-- sales_shipment_item as Magento declares it (Magento_Sales db_schema.xml): `sku` and `qty` are
-- nullable. `POST /V1/shipment` (ShipmentRepositoryInterface::save) stores the posted items as
-- they are, and an item posted with only `order_item_id` (no `sku`, no `qty`) is saved with
-- NULLs there and read back without them. SQLite cannot drop a NOT NULL in place: the table is
-- rebuilt, its AUTOINCREMENT counter carried over (nothing references this table).
CREATE TABLE sales_shipment_item_new (
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
INSERT INTO sales_shipment_item_new
    (entity_id, parent_id, order_item_id, product_id, sku, name, description, additional_data,
     price, weight, row_total, qty)
SELECT entity_id, parent_id, order_item_id, product_id, sku, name, description, additional_data,
       price, weight, row_total, qty
FROM sales_shipment_item;
DELETE FROM sqlite_sequence WHERE name = 'sales_shipment_item_new';
UPDATE sqlite_sequence SET name = 'sales_shipment_item_new' WHERE name = 'sales_shipment_item';
DROP TABLE sales_shipment_item;
ALTER TABLE sales_shipment_item_new RENAME TO sales_shipment_item;
CREATE INDEX sales_shipment_item_parent_id ON sales_shipment_item(parent_id);
