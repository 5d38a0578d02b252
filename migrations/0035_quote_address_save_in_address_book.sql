-- `quote_address.save_in_address_book` (Quote/etc/db_schema.xml: smallint, nullable, default 0):
-- whether placing the order copies the address into the customer's address book
-- (QuoteManagement::_prepareCustomerQuote; PaymentInformationManagement::processShippingAddress).
ALTER TABLE quote_address ADD COLUMN save_in_address_book INTEGER DEFAULT 0;
