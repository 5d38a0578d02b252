-- Magento_GiftMessage (etc/db_schema.xml): the messages, and the `gift_message_id` each
-- entity points at (no foreign key, as in Magento; 0 once a message was removed through
-- REST, as GiftMessageManager::add leaves it). `sales_order_item.gift_message_available` is
-- what the quote item's conversion found allowed (Plugin\QuoteItem::afterConvert: the item
-- config `sales/gift_options/allow_items` when its product says nothing, NULL when unset).
CREATE TABLE gift_message (
    gift_message_id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id     INTEGER NOT NULL DEFAULT 0,
    sender          TEXT,
    recipient       TEXT,
    message         TEXT
);
ALTER TABLE quote ADD COLUMN gift_message_id INTEGER;
ALTER TABLE quote_item ADD COLUMN gift_message_id INTEGER;
ALTER TABLE sales_order ADD COLUMN gift_message_id INTEGER;
ALTER TABLE sales_order_item ADD COLUMN gift_message_id INTEGER;
ALTER TABLE sales_order_item ADD COLUMN gift_message_available INTEGER;
