-- The order's canceled figures Order::registerCancellation writes (Magento_Sales db_schema.xml,
-- sales_order). INTEGER ten-thousandths, as every amount.
ALTER TABLE sales_order ADD COLUMN subtotal_canceled INTEGER;
ALTER TABLE sales_order ADD COLUMN base_subtotal_canceled INTEGER;
ALTER TABLE sales_order ADD COLUMN tax_canceled INTEGER;
ALTER TABLE sales_order ADD COLUMN base_tax_canceled INTEGER;
ALTER TABLE sales_order ADD COLUMN shipping_canceled INTEGER;
ALTER TABLE sales_order ADD COLUMN base_shipping_canceled INTEGER;
ALTER TABLE sales_order ADD COLUMN discount_canceled INTEGER;
ALTER TABLE sales_order ADD COLUMN base_discount_canceled INTEGER;
