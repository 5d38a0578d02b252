-- Payment transactions (Magento_Sales db_schema.xml: sales_payment_transaction): what an online
-- gateway did for an order's payment (authorization, capture, refund, void), linked parent to
-- child. `additional_information` holds a JSON object of strings.
CREATE TABLE sales_payment_transaction (
    transaction_id          INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id               INTEGER REFERENCES sales_payment_transaction(transaction_id) ON DELETE CASCADE,
    order_id                INTEGER NOT NULL REFERENCES sales_order(entity_id) ON DELETE CASCADE,
    payment_id              INTEGER NOT NULL REFERENCES sales_order_payment(entity_id) ON DELETE CASCADE,
    txn_id                  TEXT,
    parent_txn_id           TEXT,
    txn_type                TEXT,
    is_closed               INTEGER NOT NULL DEFAULT 1,
    additional_information  TEXT,
    created_at              TEXT NOT NULL,
    UNIQUE (order_id, payment_id, txn_id)
);
CREATE INDEX sales_payment_transaction_parent_id ON sales_payment_transaction(parent_id);
CREATE INDEX sales_payment_transaction_payment_id ON sales_payment_transaction(payment_id);

-- What an online capture adds to the payment (Payment/Operations/ProcessInvoiceOperation).
ALTER TABLE sales_order_payment ADD COLUMN base_amount_paid_online INTEGER;
