-- The authorized amounts of an order payment (Magento_Sales db_schema.xml, sales_order_payment:
-- amount_authorized, base_amount_authorized), written when checkout authorizes an online
-- payment at placement (Payment::processAction, AuthorizeOperation).
ALTER TABLE sales_order_payment ADD COLUMN amount_authorized INTEGER;
ALTER TABLE sales_order_payment ADD COLUMN base_amount_authorized INTEGER;
