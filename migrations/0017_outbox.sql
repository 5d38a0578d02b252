-- The mail outbox (magemu's own, no Magento table): every e-mail Magento would have sent, written
-- in the transaction of the use case that sends it, so a refused request records none and reset
-- and snapshots restore it with the world (db/image.rs copies every table).
CREATE TABLE magemu_outbox (
    mail_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at     TEXT NOT NULL,
    template_id    TEXT NOT NULL,
    to_email       TEXT NOT NULL,
    to_name        TEXT,
    store_id       INTEGER,
    entity_type    TEXT NOT NULL,
    entity_id      INTEGER NOT NULL,
    increment_id   TEXT,
    order_id       INTEGER,
    comment        TEXT
);
