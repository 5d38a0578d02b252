//! What the writer remembers from one invoice to the next inside a group commit: the ids the
//! next invoice's rows take, and each store's website stock and next invoice number. Every
//! invoice read them with three statements of its own (`db::sales::load_for_invoice`: the next
//! ids, the stock by the store, the store's invoice sequence), about 9 us of the writer's
//! 95-117 us an invoice (per-statement timing, README Performance, session 49); in a group of
//! a hundred invoices only the first reads them now, and each invoice saved tells the memo what
//! it took.
//!
//! When what it remembers is true: the memo lives on the writer's thread for one group commit
//! at most ([`open`] at its `BEGIN`, closed at its end, whichever way it ends), so nothing
//! written outside the group (start-up seeding, exclusive jobs, another process: the group's
//! `BEGIN IMMEDIATE` holds the write lock) can make it stale. Inside the group only use cases
//! the writer was told keep it ([`crate::db::writer::Writer::write_keeping_memo`]: invoice
//! creation, which updates it after each save) run with it; before and after any other use
//! case, and after any use case that fails, the writer [`forget`]s it. Elsewhere (another
//! thread, or the writer outside a group) it is closed: it answers nothing and keeps nothing.

use std::cell::RefCell;

/// The entity ids the next invoice, invoice item and invoice comment take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextInvoiceIds {
    pub invoice: i64,
    pub item: i64,
    pub comment: i64,
}

/// What one store's invoices read by the store: its website's stock and its next invoice
/// number (`sales_sequence`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreInvoicing {
    pub stock_id: i64,
    pub next_increment: i64,
}

#[derive(Debug, Default)]
struct Memo {
    open: bool,
    next_ids: Option<NextInvoiceIds>,
    /// By store id; a group meets a handful of stores at most.
    stores: Vec<(i64, StoreInvoicing)>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::default();
}

/// Opens an empty memo on this thread (the writer, at a group commit's `BEGIN`), closed again
/// when the returned guard drops.
#[must_use = "the memo closes when the guard drops"]
pub fn open() -> Opened {
    MEMO.with_borrow_mut(|memo| {
        *memo = Memo {
            open: true,
            ..Memo::default()
        }
    });
    Opened(())
}

/// The memo open on this thread (see [`open`]); dropping it closes and empties it.
#[derive(Debug)]
pub struct Opened(());

impl Drop for Opened {
    fn drop(&mut self) {
        close();
    }
}

fn close() {
    MEMO.with_borrow_mut(|memo| *memo = Memo::default());
}

/// Empties the memo, leaving it open.
pub fn forget() {
    MEMO.with_borrow_mut(|memo| {
        memo.next_ids = None;
        memo.stores.clear();
    });
}

/// The next invoice ids, when remembered.
pub fn next_invoice_ids() -> Option<NextInvoiceIds> {
    MEMO.with_borrow(|memo| memo.next_ids.filter(|_| memo.open))
}

/// What `store_id`'s invoices read by the store, when remembered.
pub fn store_invoicing(store_id: i64) -> Option<StoreInvoicing> {
    MEMO.with_borrow(|memo| {
        memo.stores
            .iter()
            .find(|(store, _)| *store == store_id)
            .map(|(_, invoicing)| *invoicing)
            .filter(|_| memo.open)
    })
}

/// An invoice of `store_id` was saved: what the next one takes. Kept only while the memo is
/// open.
pub fn invoice_saved(next_ids: NextInvoiceIds, store_id: i64, next: StoreInvoicing) {
    MEMO.with_borrow_mut(|memo| {
        if !memo.open {
            return;
        }
        memo.next_ids = Some(next_ids);
        match memo.stores.iter_mut().find(|(store, _)| *store == store_id) {
            Some((_, invoicing)) => *invoicing = next,
            None => memo.stores.push((store_id, next)),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: NextInvoiceIds = NextInvoiceIds {
        invoice: 4,
        item: 7,
        comment: 2,
    };
    const STORE: StoreInvoicing = StoreInvoicing {
        stock_id: 2,
        next_increment: 5,
    };

    #[test]
    fn a_closed_memo_keeps_nothing() {
        invoice_saved(IDS, 1, STORE);
        assert_eq!(next_invoice_ids(), None);
        assert_eq!(store_invoicing(1), None);
    }

    #[test]
    fn an_open_memo_answers_what_the_last_invoice_left_until_forgotten_or_closed() {
        let opened = open();
        assert_eq!(next_invoice_ids(), None);
        invoice_saved(IDS, 1, STORE);
        let later = NextInvoiceIds { invoice: 5, ..IDS };
        let other = StoreInvoicing {
            stock_id: 3,
            next_increment: 1,
        };
        invoice_saved(later, 2, other);
        assert_eq!(next_invoice_ids(), Some(later));
        assert_eq!(store_invoicing(1), Some(STORE));
        assert_eq!(store_invoicing(2), Some(other));
        assert_eq!(store_invoicing(3), None);
        forget();
        assert_eq!((next_invoice_ids(), store_invoicing(1)), (None, None));
        invoice_saved(IDS, 1, STORE);
        drop(opened);
        assert_eq!((next_invoice_ids(), store_invoicing(1)), (None, None));
        invoice_saved(IDS, 1, STORE);
        assert_eq!(next_invoice_ids(), None);
    }
}
