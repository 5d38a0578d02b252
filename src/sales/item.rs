//! `Sales/Model/Order/Item.php`: what an order item has left to invoice, ship, cancel and
//! refund, and its status, as pure functions of the stored quantities.

use crate::amount::Amount;
use crate::db::model::OrderItem;

impl OrderItem {
    /// `Order\Item::getQtyToInvoice` for a non-dummy item: ordered − invoiced − canceled, ≥ 0.
    pub fn qty_to_invoice(&self) -> Amount {
        (self.qty_ordered - self.qty_invoiced - self.qty_canceled).max(Amount::ZERO)
    }

    /// `Order\Item::getSimpleQtyToShip`: ordered − max(shipped, refunded) − canceled, ≥ 0.
    pub fn qty_to_ship(&self) -> Amount {
        (self.qty_ordered - self.qty_shipped.max(self.qty_refunded) - self.qty_canceled)
            .max(Amount::ZERO)
    }

    /// `getParentItemId()` as PHP tests it: stored as posted (an import takes the number as an
    /// item id), 0 is no parent.
    pub fn parent(&self) -> Option<i64> {
        self.parent_item_id.filter(|id| *id != 0)
    }

    pub fn is_virtual(&self) -> bool {
        self.is_virtual.unwrap_or(0) != 0
    }

    pub fn is_qty_decimal(&self) -> bool {
        self.is_qty_decimal.unwrap_or(0) != 0
    }

    pub fn locked_do_invoice(&self) -> bool {
        self.locked_do_invoice.unwrap_or(0) != 0
    }

    /// `Order\Item::getQtyToCancel`: what is neither invoiced nor shipped, ≥ 0.
    pub fn qty_to_cancel(&self) -> Amount {
        self.qty_to_invoice()
            .min(self.qty_to_ship())
            .max(Amount::ZERO)
    }

    /// `Order\Item::getQtyToRefund`.
    pub fn qty_to_refund(&self) -> Amount {
        (self.qty_invoiced - self.qty_refunded).max(Amount::ZERO)
    }

    pub fn locked_do_ship(&self) -> bool {
        self.locked_do_ship.unwrap_or(0) != 0
    }

    /// `Order\Item::getStatusId() === STATUS_CANCELED`, the guard of `Order\Item::cancel()`: the
    /// status checks that come before "canceled" in getStatusId (shipped, invoiced, backordered,
    /// refunded) are kept in their order, so an item whose canceled quantity is all it ordered is
    /// left alone by a second cancel.
    pub fn is_status_canceled(&self) -> bool {
        let z = Amount::ZERO;
        let (ordered, canceled, refunded) =
            (self.qty_ordered, self.qty_canceled, self.qty_refunded);
        let (invoiced, shipped) = (self.qty_invoiced, self.qty_shipped);
        let backordered = self.qty_backordered.unwrap_or(z);
        let actually_ordered = ordered - canceled - refunded;
        let shipped_status = shipped != z && invoiced != z && actually_ordered == shipped;
        let invoiced_status = invoiced != z && shipped == z && actually_ordered == invoiced;
        let backordered_status = backordered != z && actually_ordered == backordered;
        let refunded_status = refunded != z && ordered == refunded;
        let earlier_status = [
            shipped_status,
            invoiced_status,
            backordered_status,
            refunded_status,
        ];
        !earlier_status.contains(&true) && canceled != z && ordered == canceled
    }
}
