-- MSI's PreventAppendReservationOnNotManageItemsInStockPlugin moves from a trigger into the one
-- INSERT every reservation goes through (db::inventory::APPEND_RESERVATION_SQL, an INSERT ...
-- SELECT that selects no row for a SKU whose stock is not managed). The same rule, cheaper: a
-- trigger runs as a sub-program of its own and makes SQLite journal every page the INSERT
-- changes in a statement journal, about 1.3 us of an invoice's reservation (README
-- Performance, session 49). A snapshot's reservations are now restored as they were saved.
DROP TRIGGER inventory_reservation_skips_unmanaged;
