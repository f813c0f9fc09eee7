//! Stable sorting that compiles the standard library's sort once.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every call site with
//! its own closure compiled to its own copy of driftsort (about 4 KB of WebAssembly each, some
//! thirty of them in the page). These helpers sort the positions `0..len` with the comparison
//! behind `dyn`, which is one instantiation for the whole program, and then move the items into
//! that order. The price is an indirect call per comparison and one vector of positions, which
//! is nothing next to the lists sorted here (series, options, rows, names).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `compare`, keeping equal items in their order (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let slice = &*items;
        sorted_positions(slice.len(), &mut |a, b| {
            match (slice.get(a), slice.get(b)) {
                (Some(a), Some(b)) => compare(a, b),
                // Positions are below `len` by construction; never reached.
                _ => Ordering::Equal,
            }
        })
    };
    arrange(items, order);
}

/// Sorts `items` by the key `key` gives each, keeping equal items in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The items as a set. `collect()` into a `BTreeSet` sorts all the items first, one more copy
/// of the sort for each element type; inserting them one at a time needs none.
pub fn btree_set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// The entries as a map, the last value of a key winning as with `collect()`, which would sort
/// them first (see [`btree_set`]).
pub fn btree_map<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(entries);
    map
}

/// The positions `0..len` in the order `compare` gives them: the one instantiation of the sort.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

/// Moves the items into `order` (the position each place takes its item from), following each
/// cycle of the permutation once; a place already done is marked `usize::MAX`.
fn arrange<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut place = start;
        while let Some(source) = order
            .get_mut(place)
            .map(|slot| std::mem::replace(slot, usize::MAX))
        {
            if source == usize::MAX || source == start {
                break;
            }
            items.swap(place, source);
            place = source;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_as_the_standard_library_does() {
        let words = [
            "pear", "fig", "apple", "kiwi", "date", "plum", "lime", "a", "",
        ];
        let mut ours: Vec<&str> = words.to_vec();
        let mut std: Vec<&str> = words.to_vec();
        sort_by_key(&mut ours, |word| word.len());
        std.sort_by_key(|word| word.len());
        assert_eq!(ours, std);

        let mut ours: Vec<&str> = words.to_vec();
        let mut std: Vec<&str> = words.to_vec();
        sort_by(&mut ours, |a, b| b.cmp(a));
        std.sort_by(|a, b| b.cmp(a));
        assert_eq!(ours, std);

        let mut numbers = vec![3, 1, 2, 3, 0, 9, 4, 4, 7, 5];
        sort(&mut numbers);
        assert_eq!(numbers, [0, 1, 2, 3, 3, 4, 4, 5, 7, 9]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_standard_library(items: Vec<(u8, u16)>) {
            let mut ours = items.clone();
            let mut std = items;
            sort_by_key(&mut ours, |item| item.0 % 8);
            std.sort_by_key(|item| item.0 % 8);
            proptest::prop_assert_eq!(ours, std);
        }
    }
}
