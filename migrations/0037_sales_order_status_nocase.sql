-- The order list's `state` and `status` filters compare without case, as Magento's MySQL
-- columns (utf8_general_ci) do: `db::search` adds COLLATE NOCASE to a comparison whose value
-- holds letters, and SQLite only walks an index built with that collation for it. A status
-- poll ("status eq processing") on a world of a million orders keeps its index this way
-- (with the BINARY indexes of 0008 it scanned the table).
DROP INDEX sales_order_state;
DROP INDEX sales_order_status;
CREATE INDEX sales_order_state ON sales_order(state COLLATE NOCASE);
CREATE INDEX sales_order_status ON sales_order(status COLLATE NOCASE);
