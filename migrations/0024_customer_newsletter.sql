-- A customer's newsletter subscription, as Magento_Newsletter's CustomerPlugin keeps it
-- (newsletter_subscriber) and shows it (`extension_attributes.is_subscribed`). magemu keeps
-- the flag on the customer row: it sends no newsletters, so the subscriber's status and
-- confirmation code have nothing to do.
ALTER TABLE customer_entity ADD COLUMN is_subscribed INTEGER NOT NULL DEFAULT 0;
