-- Customer password reset (AccountManagement::initiatePasswordReset / resetPassword /
-- validateResetPasswordLinkToken, module-customer 2.4):
-- - customer_entity's reset token and when it was made (Magento's rp_token,
--   rp_token_created_at);
-- - Magento_Security's password_reset_request_event: each reset request that passed the
--   security checks (request_type 0 = customer, 1 = admin), by e-mail (account_reference) and
--   client address, which the next requests are counted against;
-- - the reset e-mail's link in the outbox (the token a client needs to finish the reset).
ALTER TABLE customer_entity ADD COLUMN rp_token TEXT;
ALTER TABLE customer_entity ADD COLUMN rp_token_created_at TEXT;

CREATE TABLE password_reset_request_event (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    request_type       INTEGER NOT NULL,
    account_reference  TEXT,
    created_at         TEXT NOT NULL,
    ip                 TEXT NOT NULL
);
CREATE INDEX password_reset_request_event_created_at
    ON password_reset_request_event(created_at);

ALTER TABLE magemu_outbox ADD COLUMN link TEXT;
