-- Catalog and customers through the REST API (issue 10, "Catalog and customers").
-- Tables follow Magento 2.4's db_schema.xml names; EAV attributes a client can post are kept as
-- columns where magemu reads them, and the rest of a product's custom attributes as JSON.

-- The product table is rebuilt with AUTOINCREMENT: Magento (InnoDB auto_increment) never reuses
-- the id of a deleted product, and a plain INTEGER PRIMARY KEY would.
CREATE TABLE catalog_product_entity_new (
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
INSERT INTO catalog_product_entity_new (entity_id, type_id, sku, name, price, is_qty_decimal)
    SELECT entity_id, type_id, sku, name, price, is_qty_decimal FROM catalog_product_entity;
DROP TABLE catalog_product_entity;
ALTER TABLE catalog_product_entity_new RENAME TO catalog_product_entity;

-- Product <-> website (catalog_product_website).
CREATE TABLE catalog_product_website (
    product_id INTEGER NOT NULL REFERENCES catalog_product_entity(entity_id) ON DELETE CASCADE,
    website_id INTEGER NOT NULL REFERENCES store_website(website_id),
    PRIMARY KEY (product_id, website_id)
);

-- Products of a database made before this migration were on the main website.
INSERT INTO catalog_product_website (product_id, website_id)
    SELECT entity_id, 1 FROM catalog_product_entity
    WHERE EXISTS (SELECT 1 FROM store_website WHERE website_id = 1);

-- Categories (catalog_category_entity with its name/is_active/include_in_menu attributes).
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
CREATE INDEX catalog_category_entity_parent ON catalog_category_entity(parent_id);
-- Every install has the top-level category and the default store group's root
-- (Catalog/Setup/Patch/Data/InstallDefaultCategories.php).
INSERT INTO catalog_category_entity
    (entity_id, parent_id, path, position, level, name, url_key, created_at, updated_at) VALUES
    (1, 0, '1', 0, 0, 'Root Catalog', NULL, '2020-07-22 00:00:00', '2020-07-22 00:00:00'),
    (2, 1, '1/2', 1, 1, 'Default Category', 'default-category', '2020-07-22 00:00:00', '2020-07-22 00:00:00');

-- Product <-> category (catalog_category_product).
CREATE TABLE catalog_category_product (
    entity_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    category_id INTEGER NOT NULL REFERENCES catalog_category_entity(entity_id) ON DELETE CASCADE,
    product_id  INTEGER NOT NULL REFERENCES catalog_product_entity(entity_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (category_id, product_id)
);
CREATE INDEX catalog_category_product_product ON catalog_category_product(product_id);

-- Downloadable links (downloadable_link with its title and price rows folded in).
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
CREATE INDEX downloadable_link_product ON downloadable_link(product_id);

-- Customer groups (customer_group) and the tax class names a group reply carries.
CREATE TABLE customer_group (
    customer_group_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_group_code TEXT NOT NULL,
    tax_class_id        INTEGER NOT NULL DEFAULT 3
);
CREATE TABLE tax_class (
    class_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    class_name TEXT NOT NULL,
    class_type TEXT NOT NULL
);
-- Magento's install data (Customer/Setup/Patch/Data/DefaultCustomerGroupsAndAttributes.php,
-- Tax/Setup/Patch/Data/AddTaxAttributeAndTaxClasses.php): every install has these rows.
INSERT INTO tax_class (class_id, class_name, class_type) VALUES
    (2, 'Taxable Goods', 'PRODUCT'),
    (3, 'Retail Customer', 'CUSTOMER');
INSERT INTO customer_group (customer_group_id, customer_group_code, tax_class_id) VALUES
    (0, 'NOT LOGGED IN', 3),
    (1, 'General', 3),
    (2, 'Wholesale', 3),
    (3, 'Retailer', 3);

-- Customer attributes a client may post besides those of 0002.
ALTER TABLE customer_entity ADD COLUMN middlename TEXT;
ALTER TABLE customer_entity ADD COLUMN prefix TEXT;
ALTER TABLE customer_entity ADD COLUMN suffix TEXT;
ALTER TABLE customer_entity ADD COLUMN dob TEXT;
ALTER TABLE customer_entity ADD COLUMN taxvat TEXT;
ALTER TABLE customer_entity ADD COLUMN gender INTEGER;
ALTER TABLE customer_address_entity ADD COLUMN company TEXT;
ALTER TABLE customer_address_entity ADD COLUMN middlename TEXT;
ALTER TABLE customer_address_entity ADD COLUMN prefix TEXT;
ALTER TABLE customer_address_entity ADD COLUMN suffix TEXT;
ALTER TABLE customer_address_entity ADD COLUMN fax TEXT;
ALTER TABLE customer_address_entity ADD COLUMN vat_id TEXT;

-- Customer tokens (oauth_token.customer_id; user_type 3 = UserContextInterface::USER_TYPE_CUSTOMER).
ALTER TABLE oauth_token ADD COLUMN customer_id INTEGER;
