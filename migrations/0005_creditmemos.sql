-- Credit memos (Magento_Sales db_schema.xml: sales_creditmemo, sales_creditmemo_item,
-- sales_creditmemo_comment) and the refunded figures a refund writes on the order, its items and
-- its payment (Order/Creditmemo/RefundOperation, Order/Creditmemo/Item::register,
-- Order/Payment::refund). Amounts and quantities are INTEGER ten-thousandths, as everywhere.
CREATE TABLE sales_creditmemo (
    entity_id                                     INTEGER PRIMARY KEY AUTOINCREMENT,
    increment_id                                  TEXT NOT NULL,
    order_id                                      INTEGER NOT NULL REFERENCES sales_order(entity_id),
    invoice_id                                    INTEGER REFERENCES sales_invoice(entity_id),
    store_id                                      INTEGER,
    state                                         INTEGER,
    creditmemo_status                             INTEGER,
    email_sent                                    INTEGER,
    send_email                                    INTEGER,
    billing_address_id                            INTEGER,
    shipping_address_id                           INTEGER,
    base_currency_code                            TEXT,
    global_currency_code                          TEXT,
    order_currency_code                           TEXT,
    store_currency_code                           TEXT,
    base_to_global_rate                           INTEGER,
    base_to_order_rate                            INTEGER,
    store_to_base_rate                            INTEGER,
    store_to_order_rate                           INTEGER,
    transaction_id                                TEXT,
    discount_description                          TEXT,
    customer_note                                 TEXT,
    customer_note_notify                          INTEGER,
    adjustment                                    INTEGER,
    base_adjustment                               INTEGER,
    adjustment_positive                           INTEGER,
    base_adjustment_positive                      INTEGER,
    adjustment_negative                           INTEGER,
    base_adjustment_negative                      INTEGER,
    subtotal                                      INTEGER,
    base_subtotal                                 INTEGER,
    subtotal_incl_tax                             INTEGER,
    base_subtotal_incl_tax                        INTEGER,
    discount_amount                               INTEGER,
    base_discount_amount                          INTEGER,
    shipping_amount                               INTEGER,
    base_shipping_amount                          INTEGER,
    shipping_incl_tax                             INTEGER,
    base_shipping_incl_tax                        INTEGER,
    shipping_tax_amount                           INTEGER,
    base_shipping_tax_amount                      INTEGER,
    shipping_discount_tax_compensation_amount     INTEGER,
    base_shipping_discount_tax_compensation_amnt  INTEGER,
    tax_amount                                    INTEGER,
    base_tax_amount                               INTEGER,
    discount_tax_compensation_amount              INTEGER,
    base_discount_tax_compensation_amount         INTEGER,
    grand_total                                   INTEGER,
    base_grand_total                              INTEGER,
    base_cost                                     INTEGER,
    created_at                                    TEXT NOT NULL,
    updated_at                                    TEXT NOT NULL,
    UNIQUE (increment_id, store_id)
);
CREATE INDEX sales_creditmemo_order_id ON sales_creditmemo(order_id);

CREATE TABLE sales_creditmemo_item (
    entity_id                              INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id                              INTEGER NOT NULL REFERENCES sales_creditmemo(entity_id) ON DELETE CASCADE,
    order_item_id                          INTEGER NOT NULL REFERENCES sales_order_item(item_id),
    product_id                             INTEGER,
    sku                                    TEXT NOT NULL,
    name                                   TEXT,
    description                            TEXT,
    additional_data                        TEXT,
    qty                                    INTEGER NOT NULL,
    base_cost                              INTEGER,
    price                                  INTEGER,
    base_price                             INTEGER,
    price_incl_tax                         INTEGER,
    base_price_incl_tax                    INTEGER,
    row_total                              INTEGER,
    base_row_total                         INTEGER,
    row_total_incl_tax                     INTEGER,
    base_row_total_incl_tax                INTEGER,
    discount_amount                        INTEGER,
    base_discount_amount                   INTEGER,
    tax_amount                             INTEGER,
    base_tax_amount                        INTEGER,
    discount_tax_compensation_amount       INTEGER,
    base_discount_tax_compensation_amount  INTEGER,
    weee_tax_applied                       TEXT,
    weee_tax_applied_row_amount            INTEGER,
    weee_tax_row_disposition               INTEGER,
    base_weee_tax_row_disposition          INTEGER
);
CREATE INDEX sales_creditmemo_item_parent_id ON sales_creditmemo_item(parent_id);
CREATE INDEX sales_creditmemo_item_order_item_id ON sales_creditmemo_item(order_item_id);

CREATE TABLE sales_creditmemo_comment (
    entity_id             INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id             INTEGER NOT NULL REFERENCES sales_creditmemo(entity_id) ON DELETE CASCADE,
    comment               TEXT,
    is_customer_notified  INTEGER,
    is_visible_on_front   INTEGER NOT NULL DEFAULT 0,
    created_at            TEXT NOT NULL
);
CREATE INDEX sales_creditmemo_comment_parent_id ON sales_creditmemo_comment(parent_id);

ALTER TABLE sales_order ADD COLUMN subtotal_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN base_subtotal_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN tax_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN base_tax_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN shipping_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN base_shipping_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN shipping_tax_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN base_shipping_tax_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN discount_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN base_discount_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN discount_tax_compensation_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN base_discount_tax_compensation_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN total_offline_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN base_total_offline_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN total_online_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN base_total_online_refunded INTEGER;
ALTER TABLE sales_order ADD COLUMN adjustment_positive INTEGER;
ALTER TABLE sales_order ADD COLUMN base_adjustment_positive INTEGER;
ALTER TABLE sales_order ADD COLUMN adjustment_negative INTEGER;
ALTER TABLE sales_order ADD COLUMN base_adjustment_negative INTEGER;

-- module-weee's credit memo collector writes "[]" here on every refunded item.
ALTER TABLE sales_order_item ADD COLUMN weee_tax_applied TEXT;
ALTER TABLE sales_order_item ADD COLUMN tax_refunded INTEGER;
ALTER TABLE sales_order_item ADD COLUMN base_tax_refunded INTEGER;
ALTER TABLE sales_order_item ADD COLUMN discount_refunded INTEGER;
ALTER TABLE sales_order_item ADD COLUMN base_discount_refunded INTEGER;
ALTER TABLE sales_order_item ADD COLUMN discount_tax_compensation_refunded INTEGER;
ALTER TABLE sales_order_item ADD COLUMN base_discount_tax_compensation_refunded INTEGER;

ALTER TABLE sales_order_payment ADD COLUMN amount_refunded INTEGER;
ALTER TABLE sales_order_payment ADD COLUMN base_amount_refunded INTEGER;
ALTER TABLE sales_order_payment ADD COLUMN base_amount_refunded_online INTEGER;
ALTER TABLE sales_order_payment ADD COLUMN shipping_refunded INTEGER;
ALTER TABLE sales_order_payment ADD COLUMN base_shipping_refunded INTEGER;
