-- Who wrote each document comment (2.4.8's etc/db_schema.xml: `user_id` and `user_type` on
-- sales_invoice_comment, sales_shipment_comment and sales_creditmemo_comment, NOT NULL DEFAULT
-- 0). The comment resource models stamp the caller (`UserContextInterface`) on every save, and
-- a comment is edited only by the user who wrote it (`SalesEntityCommentValidator`). Comments
-- written before this migration, like Magento's from before 2.4.7, belong to nobody (0, 0).
ALTER TABLE sales_invoice_comment ADD COLUMN user_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales_invoice_comment ADD COLUMN user_type INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales_shipment_comment ADD COLUMN user_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales_shipment_comment ADD COLUMN user_type INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales_creditmemo_comment ADD COLUMN user_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales_creditmemo_comment ADD COLUMN user_type INTEGER NOT NULL DEFAULT 0;
