-- In-Store Pickup (magento/inventory 2.4, module-inventory-in-store-pickup-quote and
-- module-inventory-in-store-pickup-sales etc/db_schema.xml): the pickup location of a quote's
-- shipping address, of an order, and whether the "ready for pickup" e-mail went out.

CREATE TABLE inventory_pickup_location_quote_address (
    address_id           INTEGER PRIMARY KEY REFERENCES quote_address(address_id) ON DELETE CASCADE,
    pickup_location_code TEXT NOT NULL
);

CREATE TABLE inventory_pickup_location_order (
    order_id             INTEGER PRIMARY KEY REFERENCES sales_order(entity_id) ON DELETE CASCADE,
    pickup_location_code TEXT NOT NULL
);

CREATE TABLE inventory_order_notification (
    order_id          INTEGER PRIMARY KEY REFERENCES sales_order(entity_id) ON DELETE CASCADE,
    notification_sent INTEGER NOT NULL DEFAULT 0,
    send_notification INTEGER NOT NULL DEFAULT 0
);
