//! What a refund does to the stock: magento/inventory's two refund plugins
//! (`InventorySales/Plugin/Sales/OrderManagement/DeductSourceItemQuantityOnRefundPlugin.php`,
//! `InventorySales/Model/ReturnProcessor/ProcessRefundItems.php`), summarized in inventory.md
//! 3.4. Per refunded line, `p` = invoiced and not refunded before this memo − what already left
//! the sources (shipped, or invoiced for virtual items):
//! - without return: `toDeduct` = qty − (qty − p) when that is positive, else qty: units
//!   invoiced but never shipped are written off their sources (priority selection) and their
//!   reservation closed; units that already left stay gone;
//! - with return: `toSource` = qty − p when p > 0, else qty, goes back to the sources it shipped
//!   from, in priority order; `toStock` = what is left of qty, back to the salable quantity
//!   through a reservation. Returned virtual units go to the stock's first source holding the
//!   SKU (magemu's choice: Magento records no source for them).

use std::collections::HashMap;

use crate::amount::Amount;
use crate::db::inventory::Deduction;
use crate::db::model::OrderItem;

/// What the refund does to the stock, per SKU (magento/inventory's two refund plugins, see
/// inventory.md 3.4): `writeoffs` leave their sources (refunded without return, invoiced but
/// never shipped), `returns` go back to the sources they shipped from, `reservations` are the
/// `creditmemo_created` ones.
#[derive(Debug, Default, PartialEq)]
pub struct StockEffects {
    pub write_offs: Vec<(String, Amount)>,
    pub returns: Vec<Deduction>,
    pub back_to_stock: Vec<(String, Amount)>,
}

/// One refunded line as the plugins see it: the order item, the credit memo item's qty, the
/// plugins' `processedQty` (`qty_invoiced − qty_refunded + qty` of the order item as they find
/// it: after `Item::register` on a refund, so the quantity invoiced and not refunded before this
/// memo; untouched on a bare repository save, so that plus qty) and whether it returns to stock.
pub type RefundedLine<'a> = (&'a OrderItem, Amount, Amount, bool);

/// `processed − deducted` and the split of each refunded line, before the source lookups.
/// `shipped` is what the order's shipments took per source (priority order); `fallback` is the
/// first source of the stock holding each SKU, where returned virtual units go.
pub fn stock_effects(
    lines: &[RefundedLine<'_>],
    shipped: &[Deduction],
    fallback: &HashMap<String, String>,
) -> StockEffects {
    let mut out = StockEffects::default();
    let mut shipped: Vec<Deduction> = shipped.to_vec();
    for &(item, qty, processed, back_to_stock) in lines {
        if qty <= Amount::ZERO {
            continue;
        }
        // What the plugins call processed, minus what already left the sources.
        let deducted = if item.is_virtual() {
            item.qty_invoiced
        } else {
            item.qty_shipped
        };
        let p = processed - deducted;
        if !back_to_stock {
            if item.is_virtual() {
                continue;
            }
            let back = if p > Amount::ZERO { qty - p } else { qty };
            let to_deduct = if back > Amount::ZERO { qty - back } else { qty };
            if to_deduct > Amount::ZERO {
                out.write_offs.push((item.sku.clone(), to_deduct));
            }
            continue;
        }
        let mut to_source = if p > Amount::ZERO { qty - p } else { qty };
        let to_stock = if to_source > Amount::ZERO {
            qty - to_source
        } else {
            qty
        };
        if to_stock > Amount::ZERO {
            out.back_to_stock.push((item.sku.clone(), to_stock));
        }
        for s in shipped
            .iter_mut()
            .filter(|s| s.sku.eq_ignore_ascii_case(&item.sku))
        {
            if to_source <= Amount::ZERO {
                break;
            }
            let take = s.qty.min(to_source);
            if take > Amount::ZERO {
                out.returns.push(Deduction {
                    source_code: s.source_code.clone(),
                    sku: s.sku.clone(),
                    qty: take,
                });
                s.qty -= take;
                to_source -= take;
            }
        }
        if to_source > Amount::ZERO && item.is_virtual() {
            if let Some(code) = fallback.get(&item.sku.to_lowercase()) {
                out.returns.push(Deduction {
                    source_code: code.clone(),
                    sku: item.sku.clone(),
                    qty: to_source,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(
        id: i64,
        sku: &str,
        invoiced: i64,
        shipped: i64,
        refunded: i64,
        virt: bool,
    ) -> OrderItem {
        OrderItem {
            item_id: id,
            sku: sku.into(),
            qty_ordered: invoiced.max(shipped).into(),
            qty_invoiced: invoiced.into(),
            qty_shipped: shipped.into(),
            qty_refunded: refunded.into(),
            is_virtual: Some(virt as i64),
            ..Default::default()
        }
    }

    #[test]
    fn stock_effects_follow_the_inventory_plugins() {
        let d = |c: &str, s: &str, q: i64| Deduction {
            source_code: c.into(),
            sku: s.into(),
            qty: q.into(),
        };
        // 10 invoiced, none shipped, 1 refunded without return: written off (-10 -> -9).
        let a = item(1, "A", 10, 0, 0, false);
        let e = stock_effects(&[(&a, 1.into(), 10.into(), false)], &[], &HashMap::new());
        assert_eq!(e.write_offs, vec![("A".to_owned(), 1.into())]);
        // Shipped 10, refunded 1 without return: nothing moves.
        let b = item(2, "B", 10, 10, 0, false);
        let e = stock_effects(
            &[(&b, 1.into(), 10.into(), false)],
            &[d("ne", "B", 10)],
            &HashMap::new(),
        );
        assert_eq!(e, StockEffects::default());
        // Shipped 4 of 10 invoiced, refunded 8 without return: the 6 unshipped are written off.
        let c = item(3, "C", 10, 4, 0, false);
        let e = stock_effects(
            &[(&c, 8.into(), 10.into(), false)],
            &[d("ne", "C", 4)],
            &HashMap::new(),
        );
        assert_eq!(e.write_offs, vec![("C".to_owned(), 6.into())]);
        // Nothing shipped, 2 refunded with return: back to the salable quantity only.
        let f = item(4, "F", 2, 0, 0, false);
        let e = stock_effects(&[(&f, 2.into(), 2.into(), true)], &[], &HashMap::new());
        assert_eq!(e.back_to_stock, vec![("F".to_owned(), 2.into())]);
        assert!(e.returns.is_empty());
        // Shipped 2 from two sources, 2 refunded with return: back where they left from.
        let g = item(5, "G", 2, 2, 0, false);
        let e = stock_effects(
            &[(&g, 2.into(), 2.into(), true)],
            &[d("ne", "G", 1), d("west", "G", 1)],
            &HashMap::new(),
        );
        assert_eq!(e.returns, vec![d("ne", "G", 1), d("west", "G", 1)]);
        assert!(e.back_to_stock.is_empty());
        // A bare repository save of 2 shipped units: processed 2 + 2 (nothing registered), so
        // the plugin writes them off the source a second time (Magento's own double count).
        let h = item(6, "H", 2, 2, 0, false);
        let e = stock_effects(
            &[(&h, 2.into(), 4.into(), false)],
            &[d("ne", "H", 2)],
            &HashMap::new(),
        );
        assert_eq!(e.write_offs, vec![("H".to_owned(), 2.into())]);
    }
}
