-- A customer's failed password checks (Magento_Customer's customer_entity columns, kept by
-- Model/Authentication::processAuthenticationFailure): how many in a row, when the first of
-- them was, and until when the account is locked. magemu counts them where Magento's REST API
-- does: `PUT /V1/customers/me/password` with a wrong current password.
ALTER TABLE customer_entity ADD COLUMN failures_num INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customer_entity ADD COLUMN first_failure TEXT;
ALTER TABLE customer_entity ADD COLUMN lock_expires TEXT;
