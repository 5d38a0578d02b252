-- OrderInterface and OrderPaymentInterface fields an import may carry and Magento keeps
-- (Magento_Sales db_schema.xml: sales_order, sales_order_payment): edited orders, customer
-- details, coupon, card details.
ALTER TABLE sales_order ADD COLUMN coupon_code TEXT;
ALTER TABLE sales_order ADD COLUMN customer_dob TEXT;
ALTER TABLE sales_order ADD COLUMN customer_gender INTEGER;
ALTER TABLE sales_order ADD COLUMN customer_prefix TEXT;
ALTER TABLE sales_order ADD COLUMN customer_suffix TEXT;
ALTER TABLE sales_order ADD COLUMN customer_taxvat TEXT;
ALTER TABLE sales_order ADD COLUMN edit_increment INTEGER;
ALTER TABLE sales_order ADD COLUMN original_increment_id TEXT;
ALTER TABLE sales_order ADD COLUMN relation_child_id TEXT;
ALTER TABLE sales_order ADD COLUMN relation_child_real_id TEXT;
ALTER TABLE sales_order ADD COLUMN relation_parent_id TEXT;
ALTER TABLE sales_order ADD COLUMN relation_parent_real_id TEXT;

ALTER TABLE sales_order_payment ADD COLUMN cc_type TEXT;
ALTER TABLE sales_order_payment ADD COLUMN cc_owner TEXT;
ALTER TABLE sales_order_payment ADD COLUMN cc_exp_month TEXT;
ALTER TABLE sales_order_payment ADD COLUMN cc_exp_year TEXT;
ALTER TABLE sales_order_payment ADD COLUMN cc_trans_id TEXT;
ALTER TABLE sales_order_payment ADD COLUMN cc_approval TEXT;
ALTER TABLE sales_order_payment ADD COLUMN cc_avs_status TEXT;
ALTER TABLE sales_order_payment ADD COLUMN cc_cid_status TEXT;
ALTER TABLE sales_order_payment ADD COLUMN cc_status TEXT;
ALTER TABLE sales_order_payment ADD COLUMN cc_status_description TEXT;
