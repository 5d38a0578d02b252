-- Magento_Tax's rates and rules (Tax/etc/db_schema.xml): tax_calculation_rate and its per-store
-- titles, tax_calculation_rule, and tax_calculation, the (rate, rule, customer class, product
-- class) combinations a rule saves. Rates in ten-thousandths of a percent (DECIMAL(12,4)).
-- tax_region_id 0 is "every region" (`*`); Magento keeps no foreign key to the region table.
CREATE TABLE tax_calculation_rate (
    tax_calculation_rate_id INTEGER PRIMARY KEY AUTOINCREMENT,
    tax_country_id          TEXT NOT NULL,
    tax_region_id           INTEGER NOT NULL,
    tax_postcode            TEXT,
    code                    TEXT NOT NULL,
    rate                    INTEGER NOT NULL,
    zip_is_range            INTEGER,
    zip_from                INTEGER,
    zip_to                  INTEGER
);
CREATE INDEX tax_calculation_rate_by_code ON tax_calculation_rate(code);
CREATE TABLE tax_calculation_rate_title (
    tax_calculation_rate_title_id INTEGER PRIMARY KEY AUTOINCREMENT,
    tax_calculation_rate_id       INTEGER NOT NULL
        REFERENCES tax_calculation_rate(tax_calculation_rate_id) ON DELETE CASCADE,
    store_id                      INTEGER NOT NULL REFERENCES store(store_id) ON DELETE CASCADE,
    value                         TEXT NOT NULL
);
CREATE INDEX tax_calculation_rate_title_by_rate ON tax_calculation_rate_title(tax_calculation_rate_id);
CREATE TABLE tax_calculation_rule (
    tax_calculation_rule_id INTEGER PRIMARY KEY AUTOINCREMENT,
    code                    TEXT NOT NULL,
    priority                INTEGER NOT NULL,
    position                INTEGER NOT NULL,
    calculate_subtotal      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tax_calculation_rule_by_code ON tax_calculation_rule(code);
CREATE TABLE tax_calculation (
    tax_calculation_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    tax_calculation_rate_id INTEGER NOT NULL
        REFERENCES tax_calculation_rate(tax_calculation_rate_id) ON DELETE CASCADE,
    tax_calculation_rule_id INTEGER NOT NULL
        REFERENCES tax_calculation_rule(tax_calculation_rule_id) ON DELETE CASCADE,
    customer_tax_class_id   INTEGER NOT NULL REFERENCES tax_class(class_id) ON DELETE CASCADE,
    product_tax_class_id    INTEGER NOT NULL REFERENCES tax_class(class_id) ON DELETE CASCADE
);
CREATE INDEX tax_calculation_by_rule ON tax_calculation(tax_calculation_rule_id);
CREATE INDEX tax_calculation_by_rate ON tax_calculation(tax_calculation_rate_id);
CREATE INDEX tax_calculation_by_customer_class ON tax_calculation(customer_tax_class_id);
CREATE INDEX tax_calculation_by_product_class ON tax_calculation(product_tax_class_id);
-- A fresh install's two rates (Tax/Setup/Patch/Data/AddTaxAttributeAndTaxClasses.php; regions
-- 12 = California and 43 = New York of Directory's InitializeDirectoryData). No rules.
INSERT INTO tax_calculation_rate
    (tax_calculation_rate_id, tax_country_id, tax_region_id, tax_postcode, code, rate) VALUES
    (1, 'US', 12, '*', 'US-CA-*-Rate 1', 82500),
    (2, 'US', 43, '*', 'US-NY-*-Rate 1', 83750);
