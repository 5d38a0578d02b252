//! Lists of `(key, value)` pairs kept in first-seen order, each key once, as PHP's keyed arrays
//! keep them (a product's custom attributes, a rule's labels by store, quantities by SKU).

use std::collections::HashMap;
use std::hash::Hash;

/// Folds `given` into `pairs`: a key already there keeps its place and `merge` folds the new
/// value into its value; a new key goes last. Keys are found through a map (a search of the
/// list a key took the product of the two lengths: seconds on the single writer for 25,000
/// attributes or 30,000 order lines). A key `pairs` holds twice is found at its first place.
pub fn merge_by_key<K, V>(
    pairs: &mut Vec<(K, V)>,
    given: impl IntoIterator<Item = (K, V)>,
    mut merge: impl FnMut(&mut V, V),
) where
    K: Eq + Hash + Clone,
{
    let mut at: HashMap<K, usize> = HashMap::with_capacity(pairs.len());
    for (i, (key, _)) in pairs.iter().enumerate() {
        at.entry(key.clone()).or_insert(i);
    }
    for (key, value) in given {
        match at.get(&key) {
            Some(&i) => merge(&mut pairs[i].1, value),
            None => {
                at.insert(key.clone(), pairs.len());
                pairs.push((key, value));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::merge_by_key;

    #[test]
    fn first_place_and_folded_values() {
        let mut pairs = vec![("a", 1), ("b", 2)];
        merge_by_key(&mut pairs, [("c", 3), ("a", 10), ("c", 30)], |v, n| *v += n);
        assert_eq!(pairs, [("a", 11), ("b", 2), ("c", 33)]);
        let mut pairs = vec![("a", 1)];
        merge_by_key(&mut pairs, [("a", 5), ("z", 0)], |v, n| *v = n);
        assert_eq!(pairs, [("a", 5), ("z", 0)]);
    }
}
