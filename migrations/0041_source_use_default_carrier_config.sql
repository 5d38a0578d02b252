-- inventory_source's use_default_carrier_config column (magento/inventory Inventory/etc/
-- db_schema.xml: smallint NOT NULL DEFAULT 1). Source::isUseDefaultCarrierConfig() answers true
-- whatever it holds, but the setter stores what a save posts, and a list filters on the column.
ALTER TABLE inventory_source ADD COLUMN use_default_carrier_config INTEGER NOT NULL DEFAULT 1;
