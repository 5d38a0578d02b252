-- Customers (Magento_Customer: customer_entity, customer_address_entity), as far as the sales
-- side refers to them. The REST customer API comes with the checkout work.
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
    updated_at                TEXT NOT NULL,
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
);
