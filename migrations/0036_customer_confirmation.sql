-- `customer_entity.confirmation` (Customer/etc/db_schema.xml: varchar(64), nullable): the key a
-- customer awaiting confirmation activates her account with. Magento sets a random one only
-- where `customer/create_account/confirm` is on (off by default, as in magemu), and keeps one a
-- client posts (ResourceModel\Customer::_beforeSave nulls only an empty one).
ALTER TABLE customer_entity ADD COLUMN confirmation TEXT;
