-- A downloadable product's samples (Magento's downloadable_sample, with the title of
-- downloadable_sample_title's store 0 folded in, as downloadable_link holds its title).
CREATE TABLE downloadable_sample (
    sample_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id  INTEGER NOT NULL REFERENCES catalog_product_entity(entity_id) ON DELETE CASCADE,
    title       TEXT,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    sample_type TEXT,
    sample_file TEXT,
    sample_url  TEXT
);
CREATE INDEX downloadable_sample_product ON downloadable_sample(product_id);
