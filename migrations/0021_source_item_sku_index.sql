-- Source items by SKU whatever its case: MSI matches SKUs case-insensitively (MySQL's collation),
-- which the queries here spell LOWER(sku). Without this index the in-stock source items of an
-- invoice's virtual SKUs and of a shipment's SKUs were found by reading every source item of
-- every source of the stock: about 30 ms an invoice and 3-4 ms a shipment on a catalog of
-- 20,000 SKUs in nine sources, 12 us with it.
CREATE INDEX inventory_source_item_sku_lower ON inventory_source_item(LOWER(sku));
