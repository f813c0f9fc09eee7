//! A series' labels in two allocations instead of a tree of strings.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// A series' labels (name → value), sorted by name, each name once.
///
/// A dashboard holds thousands of series of a handful of labels each. As a
/// `BTreeMap<String, String>` that was a tree node and two strings per label, each its own
/// allocation: about 0.4 MB of NodeExporter's page, with the allocator's share. Here all the
/// names and values are one text and where they end one list.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Labels {
    /// The names and values one after the other: name, value, name, value, …
    text: Box<str>,
    /// Where each name and each value ends in `text`: two per label.
    ends: Box<[u32]>,
}

impl Labels {
    /// How many labels there are.
    pub fn len(&self) -> usize {
        self.ends.len() / 2
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The value of the label `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        let index = super::partition_point(self.len(), |index| self.part(2 * index) < name);
        (index < self.len() && self.part(2 * index) == name).then(|| self.part(2 * index + 1))
    }

    /// The labels in name order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> + '_ {
        (0..self.len()).map(|index| (self.part(2 * index), self.part(2 * index + 1)))
    }

    /// The label names in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.iter().map(|(name, _)| name)
    }

    /// These labels without `name`.
    pub fn without(&self, name: &str) -> Self {
        self.iter().filter(|(other, _)| *other != name).collect()
    }

    /// The name or value at `index` (names even, values odd); empty past the end, which the
    /// constructor never lets happen.
    fn part(&self, index: usize) -> &str {
        let end = self.ends.get(index).map_or(0, |end| *end as usize);
        let start = match index.checked_sub(1) {
            Some(previous) => self.ends.get(previous).map_or(0, |end| *end as usize),
            None => 0,
        };
        self.text.get(start..end).unwrap_or_default()
    }

    /// The labels from pairs in any order. Not generic, so compiled once for every caller.
    fn from_pairs(mut pairs: Vec<(&str, &str)>) -> Self {
        // Stable, so that of equal names the last given stays last, and is the one kept.
        crate::sort::sort_by(&mut pairs, |a, b| a.0.cmp(b.0));
        let mut kept: Vec<(&str, &str)> = Vec::with_capacity(pairs.len());
        for pair in pairs {
            match kept.last_mut() {
                Some(last) if last.0 == pair.0 => *last = pair,
                _ => kept.push(pair),
            }
        }
        let length: usize = kept
            .iter()
            .map(|(name, value)| name.len() + value.len())
            .sum();
        let mut text = String::with_capacity(length);
        let mut ends = Vec::with_capacity(kept.len() * 2);
        for (name, value) in kept {
            for part in [name, value] {
                text.push_str(part);
                // A reply is at most a few megabytes (`MAX_REPLY_BYTES`), far below 4 GB.
                ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
            }
        }
        Self {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }
}

/// From pairs in any order: sorted by name, and of a name given twice the last value kept,
/// as a map would.
impl<N: AsRef<str>, V: AsRef<str>> FromIterator<(N, V)> for Labels {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(pairs: I) -> Self {
        let pairs: Vec<(N, V)> = pairs.into_iter().collect();
        Self::from_pairs(
            pairs
                .iter()
                .map(|(name, value)| (name.as_ref(), value.as_ref()))
                .collect(),
        )
    }
}

impl fmt::Debug for Labels {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// From a JSON object of strings (a series' `metric`).
impl<'de> Deserialize<'de> for Labels {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LabelsVisitor;
        impl<'de> Visitor<'de> for LabelsVisitor {
            type Value = Labels;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("an object of label names and values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Labels, A::Error> {
                let mut pairs: Vec<(String, String)> = Vec::new();
                while let Some(pair) = map.next_entry::<String, String>()? {
                    pairs.push(pair);
                }
                Ok(pairs.into_iter().collect())
            }
        }
        deserializer.deserialize_map(LabelsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_sorted_found_and_the_last_of_a_name_kept() {
        type Pairs<'a> = &'a [(&'a str, &'a str)];
        // (pairs given, in order, then what `iter` gives)
        let cases: [(Pairs, Pairs); 5] = [
            (&[], &[]),
            (&[("pod", "a")], &[("pod", "a")]),
            (
                &[("pod", "a"), ("__name__", "up"), ("job", "")],
                &[("__name__", "up"), ("job", ""), ("pod", "a")],
            ),
            (
                &[("a", "1"), ("b", "2"), ("a", "3")],
                &[("a", "3"), ("b", "2")],
            ),
            (&[("ü", "é"), ("", "x")], &[("", "x"), ("ü", "é")]),
        ];
        for (given, expected) in cases {
            let labels: Labels = given.iter().copied().collect();
            assert_eq!(labels.iter().collect::<Vec<_>>(), expected, "{given:?}");
            assert_eq!(labels.len(), expected.len());
            assert_eq!(labels.is_empty(), expected.is_empty());
            for (name, value) in expected {
                assert_eq!(labels.get(name), Some(*value), "{name} of {given:?}");
            }
            assert_eq!(labels.get("missing"), None);
        }
    }

    #[test]
    fn without_leaves_one_label_out() {
        let labels: Labels = [("le", "1"), ("pod", "a"), ("job", "x")]
            .into_iter()
            .collect();
        let rest = labels.without("le");
        assert_eq!(rest.keys().collect::<Vec<_>>(), ["job", "pod"]);
        assert_eq!(rest, [("pod", "a"), ("job", "x")].into_iter().collect());
        assert_eq!(labels.without("none"), labels);
    }

    #[test]
    fn decodes_a_json_object_and_refuses_other_values() {
        let labels: Labels = serde_json::from_str(r#"{"pod":"a","__name__":"up"}"#).unwrap();
        assert_eq!(format!("{labels:?}"), r#"{"__name__": "up", "pod": "a"}"#);
        for bad in [r#"{"pod": 1}"#, "[]", r#""pod""#] {
            assert!(serde_json::from_str::<Labels>(bad).is_err(), "{bad}");
        }
    }
}
