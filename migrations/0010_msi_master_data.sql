-- MSI master data written through the API (magento/inventory 2.4.8-p1):
-- the low-quantity notification settings per source item
-- (InventoryLowQuantityNotification/etc/db_schema.xml), the carrier links of a source
-- (InventoryShipping... Inventory/etc/db_schema.xml: inventory_source_carrier_link), and the legacy
-- stock item configuration connectors edit through PUT /V1/products/{sku}/stockItems/{itemId}
-- (CatalogInventory/etc/db_schema.xml: cataloginventory_stock_item; the quantity and stock flag
-- are not kept here: MSI mirrors them from the `default` source item, read at request time).
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
