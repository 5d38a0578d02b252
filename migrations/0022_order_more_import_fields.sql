-- The rest of OrderInterface's stored fields an import or a save may carry (Magento_Sales
-- db_schema.xml, sales_order): the shopper's order comment, the request's forwarding chain, an
-- external customer id, partial-shipping flags, the payment authorization's amount and expiry,
-- the quote address, the base quantity. Posted, they were dropped silently, and a list filtered
-- on one of them answered 500 (no such column).
ALTER TABLE sales_order ADD COLUMN base_total_qty_ordered INTEGER;
ALTER TABLE sales_order ADD COLUMN can_ship_partially INTEGER;
ALTER TABLE sales_order ADD COLUMN can_ship_partially_item INTEGER;
ALTER TABLE sales_order ADD COLUMN customer_note TEXT;
ALTER TABLE sales_order ADD COLUMN ext_customer_id TEXT;
ALTER TABLE sales_order ADD COLUMN forced_shipment_with_invoice INTEGER;
ALTER TABLE sales_order ADD COLUMN payment_auth_expiration INTEGER;
ALTER TABLE sales_order ADD COLUMN payment_authorization_amount INTEGER;
ALTER TABLE sales_order ADD COLUMN quote_address_id INTEGER;
ALTER TABLE sales_order ADD COLUMN x_forwarded_for TEXT;
