-- Configuration values a client can write through the API (Magento_Config's
-- core_config_data): today `customer/create_account/default_group`, which
-- `PUT /V1/customerGroups/default/{id}` saves at the default scope
-- (Model/CustomerGroupConfig::setDefaultCustomerGroup). A path with no row takes its
-- config.xml default (for the default group, 1).
CREATE TABLE core_config_data (
    config_id INTEGER PRIMARY KEY AUTOINCREMENT,
    scope     TEXT NOT NULL DEFAULT 'default',   -- default, websites or stores
    scope_id  INTEGER NOT NULL DEFAULT 0,
    path      TEXT NOT NULL,
    value     TEXT,
    UNIQUE (scope, scope_id, path)
);

-- The websites a customer group is kept out of (Magento_Customer's
-- customer_group_excluded_website; `GroupInterface.extension_attributes.exclude_website_ids`).
CREATE TABLE customer_group_excluded_website (
    customer_group_id INTEGER NOT NULL REFERENCES customer_group(customer_group_id) ON DELETE CASCADE,
    website_id        INTEGER NOT NULL REFERENCES store_website(website_id) ON DELETE CASCADE,
    PRIMARY KEY (customer_group_id, website_id)
);
