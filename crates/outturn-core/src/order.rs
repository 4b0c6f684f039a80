//! One stable sort for the crate and the widget.
//!
//! Why not `slice::sort_by` at each call: the standard library compiles its
//! sort again for every element type and closure (about 2-3 KB of wasm each,
//! measured: six call sites cost 20 KB). Here the sort runs once, on indices,
//! through one `dyn` comparison, so it is compiled once. The lists sorted are
//! short (series, end labels, problems, dashboard cards); the indirect call
//! costs nothing a reader could notice.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their first order.
pub fn sort_stable_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let items = &*items;
        sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]))
    };
    reorder(items, order);
}

/// Sorts `items` by the key `key` gives each (computed once per item),
/// keeping items with equal keys in their first order.
pub fn sort_stable_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_indices(items.len(), &|a, b| keys[a].cmp(&keys[b]));
    reorder(items, order);
}

/// Compares two figures that may be missing: present ones first, in
/// increasing order (or decreasing with `descending`), missing ones last.
/// The order of every "largest first, none last" list.
pub fn missing_last(a: Option<f64>, b: Option<f64>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) if descending => y.total_cmp(&x),
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// `0..len` in the order `compare` gives (stable). The one instance of the
/// standard sort.
#[inline(never)]
fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    #[allow(clippy::disallowed_methods)] // The one sort the rule points to.
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts `items` in `order` (a permutation of their indices).
fn reorder<T>(items: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|index| slots[index].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_stable_by(&mut items, |x, y| x.0.cmp(&y.0));
        assert_eq!(
            items,
            vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );
        sort_stable_by(&mut items, |x, y| y.0.cmp(&x.0));
        assert_eq!(
            items,
            vec![(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]
        );
    }

    #[test]
    fn sorts_by_key_once_per_item() {
        let calls = std::cell::Cell::new(0);
        let mut items = vec!["ccc", "a", "bb", "dd", ""];
        sort_stable_by_key(&mut items, |s| {
            calls.set(calls.get() + 1);
            s.len()
        });
        assert_eq!(items, vec!["", "a", "bb", "dd", "ccc"]);
        assert_eq!(calls.get(), 5);
    }

    #[test]
    fn empty_and_single_lists() {
        let mut empty: Vec<u8> = Vec::new();
        sort_stable_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort_stable_by_key(&mut one, |x| *x);
        assert_eq!(one, vec![7]);
    }
}
