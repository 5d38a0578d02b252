-- MSI's PreventAppendReservationOnNotManageItemsInStockPlugin (InventorySales): no reservation
-- is appended for a SKU whose stock is not managed (its legacy stock item says manage_stock 0
-- without the config flag). Every path that appends one (placement, cancel, invoice, shipment,
-- credit memo, seed files) goes through this table, so the rule sits on it: the row is dropped.
CREATE TRIGGER inventory_reservation_skips_unmanaged
BEFORE INSERT ON inventory_reservation
WHEN EXISTS (
    SELECT 1 FROM catalog_product_entity p
    JOIN cataloginventory_stock_item s ON s.product_id = p.entity_id
    WHERE p.sku = NEW.sku AND s.use_config_manage_stock = 0 AND s.manage_stock = 0
)
BEGIN
    SELECT RAISE(IGNORE);
END;
