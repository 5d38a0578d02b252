-- Cart price rules and coupons (Magento_SalesRule etc/db_schema.xml; simple_free_shipping is
-- Magento_OfflineShipping's column on salesrule). Conditions and actions are kept as Magento
-- serializes them (`Rule\Condition\Combine::asArray` as JSON). Money and quantities are
-- ten-thousandths, as everywhere in magemu.
CREATE TABLE salesrule (
    rule_id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name                   TEXT,
    description            TEXT,
    from_date              TEXT,
    to_date                TEXT,
    uses_per_customer      INTEGER NOT NULL DEFAULT 0,
    is_active              INTEGER NOT NULL DEFAULT 0,
    conditions_serialized  TEXT,
    actions_serialized     TEXT,
    stop_rules_processing  INTEGER NOT NULL DEFAULT 1,
    is_advanced            INTEGER NOT NULL DEFAULT 1,
    product_ids            TEXT,
    sort_order             INTEGER NOT NULL DEFAULT 0,
    simple_action          TEXT,
    discount_amount        INTEGER NOT NULL DEFAULT 0,
    discount_qty           INTEGER,
    discount_step          INTEGER NOT NULL DEFAULT 0,
    apply_to_shipping      INTEGER NOT NULL DEFAULT 0,
    times_used             INTEGER NOT NULL DEFAULT 0,
    is_rss                 INTEGER NOT NULL DEFAULT 0,
    coupon_type            INTEGER NOT NULL DEFAULT 1,
    use_auto_generation    INTEGER NOT NULL DEFAULT 0,
    uses_per_coupon        INTEGER NOT NULL DEFAULT 0,
    simple_free_shipping   INTEGER
);
CREATE INDEX salesrule_active_sort ON salesrule (is_active, sort_order, to_date, from_date);

CREATE TABLE salesrule_website (
    rule_id     INTEGER NOT NULL REFERENCES salesrule(rule_id) ON DELETE CASCADE,
    website_id  INTEGER NOT NULL REFERENCES store_website(website_id) ON DELETE CASCADE,
    PRIMARY KEY (rule_id, website_id)
);

CREATE TABLE salesrule_customer_group (
    rule_id            INTEGER NOT NULL REFERENCES salesrule(rule_id) ON DELETE CASCADE,
    customer_group_id  INTEGER NOT NULL REFERENCES customer_group(customer_group_id) ON DELETE CASCADE,
    PRIMARY KEY (rule_id, customer_group_id)
);

CREATE TABLE salesrule_label (
    label_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_id   INTEGER NOT NULL REFERENCES salesrule(rule_id) ON DELETE CASCADE,
    store_id  INTEGER NOT NULL REFERENCES store(store_id) ON DELETE CASCADE,
    label     TEXT,
    UNIQUE (rule_id, store_id)
);

CREATE TABLE salesrule_coupon (
    coupon_id           INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_id             INTEGER NOT NULL REFERENCES salesrule(rule_id) ON DELETE CASCADE,
    code                TEXT COLLATE NOCASE UNIQUE,
    usage_limit         INTEGER,
    usage_per_customer  INTEGER,
    times_used          INTEGER NOT NULL DEFAULT 0,
    expiration_date     TEXT,
    is_primary          INTEGER,
    created_at          TEXT,
    type                INTEGER DEFAULT 0,
    UNIQUE (rule_id, is_primary)
);
CREATE INDEX salesrule_coupon_rule ON salesrule_coupon (rule_id);

-- Times a customer used a coupon (salesrule_coupon_usage) and a rule (salesrule_customer).
CREATE TABLE salesrule_coupon_usage (
    coupon_id    INTEGER NOT NULL REFERENCES salesrule_coupon(coupon_id) ON DELETE CASCADE,
    customer_id  INTEGER NOT NULL REFERENCES customer_entity(entity_id) ON DELETE CASCADE,
    times_used   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (coupon_id, customer_id)
);

CREATE TABLE salesrule_customer (
    rule_customer_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_id           INTEGER NOT NULL REFERENCES salesrule(rule_id) ON DELETE CASCADE,
    customer_id       INTEGER NOT NULL REFERENCES customer_entity(entity_id) ON DELETE CASCADE,
    times_used        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX salesrule_customer_rule ON salesrule_customer (rule_id, customer_id);

-- The cart's applied coupon (quote.coupon_code).
ALTER TABLE quote ADD COLUMN coupon_code TEXT;
