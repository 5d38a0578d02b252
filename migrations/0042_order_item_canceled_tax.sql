-- `sales_order_item.tax_canceled` and `discount_tax_compensation_canceled` (Magento's
-- decimal(20,4), nullable): `Order\Item::cancel()` sets them, and the order import stores them
-- as posted. Amounts in ten-thousandths, as every amount column.
ALTER TABLE sales_order_item ADD COLUMN tax_canceled INTEGER;
ALTER TABLE sales_order_item ADD COLUMN discount_tax_compensation_canceled INTEGER;
