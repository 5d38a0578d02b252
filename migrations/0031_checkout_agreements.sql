-- Magento_CheckoutAgreements (etc/db_schema.xml): terms and conditions a shopper must accept
-- at checkout, and the store views each is shown in (store 0: all of them). A fresh Magento
-- has none; magemu's come from a seed file (Magento's REST API has no route that creates one).
-- mode 0 = AUTO (shown, accepted by placing the order), 1 = MANUAL (must be ticked).
CREATE TABLE checkout_agreement (
    agreement_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT,
    content        TEXT,
    content_height TEXT,
    checkbox_text  TEXT,
    is_active      INTEGER NOT NULL DEFAULT 0,
    is_html        INTEGER NOT NULL DEFAULT 0,
    mode           INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE checkout_agreement_store (
    agreement_id INTEGER NOT NULL REFERENCES checkout_agreement(agreement_id) ON DELETE CASCADE,
    store_id     INTEGER NOT NULL REFERENCES store(store_id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, store_id)
);
