//! Results back in input order. Workers finish their batches in whatever
//! order the scheduler lets them; the output must follow the input, so a
//! batch that finishes early waits here until every batch before it has
//! been written.

use std::collections::BTreeMap;

/// Results keyed by the sequence number of their input, handed out in
/// sequence from 0 with no gaps.
#[derive(Debug)]
pub struct Reorder<T> {
    pending: BTreeMap<u64, T>,
    next: u64,
}

impl<T> Default for Reorder<T> {
    fn default() -> Self {
        Reorder {
            pending: BTreeMap::new(),
            next: 0,
        }
    }
}

impl<T> Reorder<T> {
    /// Holds the result of input number `seq` until its turn.
    pub fn insert(&mut self, seq: u64, result: T) {
        self.pending.insert(seq, result);
    }

    /// The next result in input order, once it has arrived.
    pub fn pop(&mut self) -> Option<T> {
        let result = self.pending.remove(&self.next)?;
        self.next += 1;
        Some(result)
    }

    /// Results that arrived before one ahead of them.
    pub fn held(&self) -> usize {
        self.pending.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_out_in_input_order_whatever_order_they_arrive_in() {
        let mut reorder = Reorder::default();
        let mut out = Vec::new();
        for seq in [2u64, 0, 3, 1, 5, 4] {
            reorder.insert(seq, seq);
            while let Some(n) = reorder.pop() {
                out.push(n);
            }
        }
        assert_eq!(out, [0, 1, 2, 3, 4, 5]);
        assert_eq!(reorder.held(), 0);
    }

    #[test]
    fn a_gap_holds_back_everything_after_it() {
        let mut reorder = Reorder::default();
        reorder.insert(1, "b");
        reorder.insert(2, "c");
        assert_eq!(reorder.pop(), None);
        assert_eq!(reorder.held(), 2);
        reorder.insert(0, "a");
        assert_eq!(reorder.pop(), Some("a"));
        assert_eq!(reorder.pop(), Some("b"));
        assert_eq!(reorder.pop(), Some("c"));
        assert_eq!(reorder.pop(), None);
    }
}
