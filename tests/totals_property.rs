//! Property: for random orders and random sequences of partial invoices, the invoices add up
//! exactly to the order's figures and no figure goes negative. Runs the same pure functions the
//! service runs (prepare, collect, build, register), without a server.

use magemu::amount::Amount;
use magemu::db::model::FullOrder;
use magemu::db::model::{Order, OrderItem, OrderPayment};
use magemu::sales::invoice::{build_invoice, prepare, register, InvoiceItemRequest};
use magemu::sales::order::{complete, row_total};
use magemu::sales::totals::{collect, EarlierInvoices};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// (qty ordered, price in cents, discount percent) per line.
fn lines() -> impl Strategy<Value = Vec<(i64, i64, i64)>> {
    prop::collection::vec((1i64..12, 1i64..50_000, 0i64..60), 1..5)
}

fn make_order(lines: &[(i64, i64, i64)], shipping_cents: i64) -> FullOrder {
    let items = lines
        .iter()
        .enumerate()
        .map(|(i, &(qty, cents, pct))| {
            let price = Amount::new(Decimal::new(cents, 2));
            let row = row_total(price, qty.into()).expect("small row");
            let discount = Amount::new((row.decimal() * Decimal::new(pct, 2)).round_dp(2));
            OrderItem {
                item_id: i as i64 + 1,
                sku: format!("SKU-{i}"),
                name: Some(format!("Item {i}")),
                qty_ordered: qty.into(),
                price,
                base_price: price,
                row_total: row,
                base_row_total: row,
                discount_amount: Some(discount),
                base_discount_amount: Some(discount),
                ..Default::default()
            }
        })
        .collect();
    let mut full = FullOrder {
        items,
        ..Default::default()
    };
    full.order.store_id = 1;
    full.order.shipping_amount = Some(Amount::new(Decimal::new(shipping_cents, 2)));
    complete(&mut full, "2020-01-01 00:00:00");
    full
}

fn neg(a: Option<Amount>) -> bool {
    a.is_some_and(|a| a < Amount::ZERO)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn invoices_add_up_to_the_order(
        lines in lines(),
        shipping in 0i64..5_000,
        picks in prop::collection::vec((0usize..5, 1i64..6), 0..12),
    ) {
        let full = make_order(&lines, shipping);
        let mut order: Order = full.order.clone();
        let mut items = full.items.clone();
        let mut payment = OrderPayment { method: "checkmo".into(), ..Default::default() };
        let mut invoices = Vec::new();
        let mut earlier = EarlierInvoices::default();

        // Random partial invoices, then one invoice of whatever is left.
        let mut requests: Vec<Vec<InvoiceItemRequest>> = picks
            .iter()
            .map(|&(line, qty)| vec![InvoiceItemRequest {
                order_item_id: Some((line % items.len()) as i64 + 1),
                qty: Some(qty.into()),
            }])
            .collect();
        requests.push(Vec::new());
        for request in requests {
            let snapshot = items.clone();
            let Ok(prepared) = prepare(&snapshot, &request) else { continue };
            if prepared.lines.iter().all(|l| l.qty.is_zero()) {
                continue;
            }
            let totals = collect(&order, &prepared.lines, earlier);
            let (invoice, invoice_items) = build_invoice(&order, &prepared, &totals, false, "now");
            for v in [invoice.subtotal, invoice.grand_total, invoice.shipping_amount, invoice.tax_amount] {
                prop_assert!(!neg(v), "negative figure in {:?}", invoice);
            }
            prop_assert!(invoice.discount_amount.unwrap_or_default() <= Amount::ZERO);
            for ii in &invoice_items {
                prop_assert!(!neg(ii.row_total) && !neg(ii.discount_amount), "negative item {:?}", ii);
            }
            let had_earlier = !invoices.is_empty();
            register(&mut order, &mut items, &mut payment, &invoice, &invoice_items, had_earlier);
            earlier.discount_taken |= invoice.discount_amount.is_some();
            earlier.shipping_taken |= invoice.shipping_amount.is_some();
            invoices.push((invoice, invoice_items));
        }

        // Everything got invoiced, and the sums are exact.
        for item in &items {
            prop_assert_eq!(item.qty_invoiced, item.qty_ordered);
            prop_assert_eq!(item.row_invoiced, item.row_total);
            prop_assert_eq!(Some(item.discount_invoiced), item.discount_amount);
        }
        let sum = |f: fn(&magemu::db::model::Invoice) -> Option<Amount>| -> Amount {
            invoices.iter().map(|(i, _)| f(i).unwrap_or_default()).sum()
        };
        prop_assert_eq!(Some(sum(|i| i.subtotal)), order.subtotal);
        prop_assert_eq!(Some(sum(|i| i.discount_amount)), order.discount_amount);
        prop_assert_eq!(Some(sum(|i| i.shipping_amount)), order.shipping_amount);
        prop_assert_eq!(Some(sum(|i| i.grand_total)), order.grand_total);
        prop_assert_eq!(Some(sum(|i| i.base_grand_total)), order.base_grand_total);
        prop_assert_eq!(order.total_paid, order.grand_total);
        prop_assert_eq!(order.total_invoiced, order.grand_total);
        prop_assert_eq!(payment.amount_paid, order.grand_total);
        // Shipping sits on exactly one invoice.
        prop_assert_eq!(invoices.iter().filter(|(i, _)| i.shipping_amount.is_some()).count(), 1);
    }
}
