-- The rest of Quote\Api\Data\AddressInterface's stored fields (quote_address in Magento's
-- db_schema.xml): middle name, prefix, suffix, fax, VAT id. Posted on a cart's address they were
-- dropped, so an order placed from the cart lost them too (the fieldset
-- sales_convert_quote_address copies them onto the order address).
ALTER TABLE quote_address ADD COLUMN middlename TEXT;
ALTER TABLE quote_address ADD COLUMN prefix TEXT;
ALTER TABLE quote_address ADD COLUMN suffix TEXT;
ALTER TABLE quote_address ADD COLUMN fax TEXT;
ALTER TABLE quote_address ADD COLUMN vat_id TEXT;
