-- The MSI tables compare their codes, names and SKUs without case, as MySQL does: Magento's
-- Inventory, InventorySales and InventoryLowQuantityNotification db_schema.xml declare no
-- collation, so the columns take the table default, utf8(mb4)_general_ci. MSI counts on it:
-- `GET /V1/inventory/sources/EU-1` reads source `eu-1`; `StockIdResolver` finds website `BASE`'s
-- stock; `SaveMultiple` inserts a source item for `sku-1` where `SKU-1` is stored and its
-- `ON DUPLICATE KEY UPDATE` updates that row (quantity and status; the stored SKU stays);
-- `AbstractDb::updateObject` updates source `eu-1` for a posted `EU-1` (the key is not written);
-- `_checkUnique` refuses a source or stock name another one holds in another case; the reservation
-- sum `GetReservationsQuantity` (`sku = ?`) adds every case of a SKU. SQLite's NOCASE folds ASCII
-- letters only (README, known differences).
--
-- A column's collation cannot change in place: each table is rebuilt, its AUTOINCREMENT counter
-- carried over. Migrations run with foreign keys on, and dropping a table that is referenced
-- deletes (ON DELETE CASCADE) the rows referencing it: the new children reference the new
-- parents, the old children go first, then the old parents, and renaming a new parent to its
-- old name rewrites its children's REFERENCES (SQLite >= 3.26).

CREATE TABLE inventory_source_new (
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
);
INSERT INTO inventory_source_new
    (source_code, name, enabled, description, contact_name, email, latitude, longitude,
     country_id, region_id, region, city, street, postcode, phone, fax,
     is_pickup_location_active, frontend_name, frontend_description)
SELECT source_code, name, enabled, description, contact_name, email, latitude, longitude,
       country_id, region_id, region, city, street, postcode, phone, fax,
       is_pickup_location_active, frontend_name, frontend_description
FROM inventory_source ORDER BY rowid;

CREATE TABLE inventory_stock_new (
    stock_id INTEGER PRIMARY KEY AUTOINCREMENT,
    name     TEXT COLLATE NOCASE NOT NULL UNIQUE
);
INSERT INTO inventory_stock_new (stock_id, name) SELECT stock_id, name FROM inventory_stock;

CREATE TABLE inventory_stock_sales_channel_new (
    type     TEXT COLLATE NOCASE NOT NULL,
    code     TEXT COLLATE NOCASE NOT NULL,
    stock_id INTEGER NOT NULL REFERENCES inventory_stock_new(stock_id) ON DELETE CASCADE,
    PRIMARY KEY (type, code)
);
INSERT INTO inventory_stock_sales_channel_new (type, code, stock_id)
SELECT type, code, stock_id FROM inventory_stock_sales_channel ORDER BY rowid;

CREATE TABLE inventory_source_stock_link_new (
    link_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    stock_id    INTEGER NOT NULL REFERENCES inventory_stock_new(stock_id) ON DELETE CASCADE,
    source_code TEXT COLLATE NOCASE NOT NULL
        REFERENCES inventory_source_new(source_code) ON DELETE CASCADE,
    priority    INTEGER NOT NULL,
    UNIQUE (stock_id, source_code)
);
INSERT INTO inventory_source_stock_link_new (link_id, stock_id, source_code, priority)
SELECT link_id, stock_id, source_code, priority FROM inventory_source_stock_link;

CREATE TABLE inventory_source_item_new (
    source_item_id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_code    TEXT COLLATE NOCASE NOT NULL
        REFERENCES inventory_source_new(source_code) ON DELETE CASCADE,
    sku            TEXT COLLATE NOCASE NOT NULL,
    quantity       INTEGER NOT NULL DEFAULT 0,
    status         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source_code, sku)
);
INSERT INTO inventory_source_item_new (source_item_id, source_code, sku, quantity, status)
SELECT source_item_id, source_code, sku, quantity, status FROM inventory_source_item;

CREATE TABLE inventory_source_carrier_link_new (
    link_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    source_code  TEXT COLLATE NOCASE NOT NULL
        REFERENCES inventory_source_new(source_code) ON DELETE CASCADE,
    carrier_code TEXT NOT NULL,
    position     INTEGER
);
INSERT INTO inventory_source_carrier_link_new (link_id, source_code, carrier_code, position)
SELECT link_id, source_code, carrier_code, position FROM inventory_source_carrier_link;

CREATE TABLE inventory_low_stock_notification_configuration_new (
    source_code      TEXT COLLATE NOCASE NOT NULL,   -- no foreign key there either
    sku              TEXT COLLATE NOCASE NOT NULL,
    notify_stock_qty INTEGER,              -- ten-thousandths; NULL = use the config value
    PRIMARY KEY (source_code, sku)
);
INSERT INTO inventory_low_stock_notification_configuration_new (source_code, sku, notify_stock_qty)
SELECT source_code, sku, notify_stock_qty FROM inventory_low_stock_notification_configuration
ORDER BY rowid;

CREATE TABLE inventory_reservation_new (
    reservation_id INTEGER PRIMARY KEY AUTOINCREMENT,
    stock_id       INTEGER NOT NULL,
    sku            TEXT COLLATE NOCASE NOT NULL,
    quantity       INTEGER NOT NULL DEFAULT 0,
    metadata       TEXT
);
INSERT INTO inventory_reservation_new (reservation_id, stock_id, sku, quantity, metadata)
SELECT reservation_id, stock_id, sku, quantity, metadata FROM inventory_reservation;

-- The AUTOINCREMENT counters follow their tables.
DELETE FROM sqlite_sequence WHERE name IN (
    'inventory_stock_new', 'inventory_source_stock_link_new', 'inventory_source_item_new',
    'inventory_source_carrier_link_new', 'inventory_reservation_new');
UPDATE sqlite_sequence SET name = name || '_new' WHERE name IN (
    'inventory_stock', 'inventory_source_stock_link', 'inventory_source_item',
    'inventory_source_carrier_link', 'inventory_reservation');

-- Children first: nothing references them, so dropping them deletes nothing else.
DROP TABLE inventory_stock_sales_channel;
DROP TABLE inventory_source_stock_link;
DROP TABLE inventory_source_item;
DROP TABLE inventory_source_carrier_link;
DROP TABLE inventory_low_stock_notification_configuration;
DROP TABLE inventory_reservation;
-- Then the parents, which no table references any more.
DROP TABLE inventory_source;
DROP TABLE inventory_stock;

ALTER TABLE inventory_source_new RENAME TO inventory_source;
ALTER TABLE inventory_stock_new RENAME TO inventory_stock;
ALTER TABLE inventory_stock_sales_channel_new RENAME TO inventory_stock_sales_channel;
ALTER TABLE inventory_source_stock_link_new RENAME TO inventory_source_stock_link;
ALTER TABLE inventory_source_item_new RENAME TO inventory_source_item;
ALTER TABLE inventory_source_carrier_link_new RENAME TO inventory_source_carrier_link;
ALTER TABLE inventory_low_stock_notification_configuration_new
    RENAME TO inventory_low_stock_notification_configuration;
ALTER TABLE inventory_reservation_new RENAME TO inventory_reservation;

CREATE INDEX inventory_source_item_sku ON inventory_source_item(sku);
CREATE INDEX inventory_source_item_sku_lower ON inventory_source_item(LOWER(sku));
CREATE INDEX inventory_reservation_stock_sku ON inventory_reservation(stock_id, sku, quantity);

-- 0025's rule, dropped with the table it sits on.
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
