//! Enums written as `{"kind": "<variant>", "spec": {…}}`, serde's adjacently tagged form, read
//! with the same messages as serde's derive but without its second path.
//!
//! Written here rather than with `#[serde(tag = "kind", content = "spec")]` because the derive
//! also handles a `spec` that comes before its `kind`: it buffers the spec in serde's private
//! `Content` and decodes every variant again from that buffer, a second copy of each variant's
//! decoding in the page (the four such enums of the spec cost about 90 KB of WebAssembly before
//! optimisation). An object's keys reach the decoder sorted (serde_json's map is ordered), so
//! `kind` always comes first there; for other sources a `spec` read first is kept as a
//! `serde_json::Value` and decoded through the same code once the kind is known.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, MapAccess, VariantAccess, Visitor,
};
use serde_json::Value;

use super::access::Tracked;

/// An enum in the `kind`/`spec` form.
pub trait Tagged: Sized {
    /// The enum's name, for messages ("adjacently tagged enum Mapping").
    const NAME: &'static str;
    /// The variants' names, as `kind` writes them.
    const KINDS: &'static [&'static str];

    /// Decodes the spec of the variant named `KINDS[index]`.
    fn spec<'de, D: Deserializer<'de>>(index: usize, spec: D) -> Result<Self, D::Error>;
}

/// Decodes a [`Tagged`] enum: the body of its `Deserialize` implementation.
pub fn deserialize<'de, T: Tagged, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_struct(T::NAME, &["kind", "spec"], TaggedVisitor(PhantomData))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "adjacently tagged enum {}", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut kind: Option<usize> = None;
        let mut decoded: Option<T> = None;
        let mut spec_first: Option<Value> = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Kind if kind.is_some() => return Err(de::Error::duplicate_field("kind")),
                Key::Kind => kind = Some(map.next_value_seed(KindSeed(T::KINDS))?),
                Key::Spec if decoded.is_some() || spec_first.is_some() => {
                    return Err(de::Error::duplicate_field("spec"));
                }
                Key::Spec => match kind {
                    Some(index) => {
                        decoded = Some(map.next_value_seed(SpecSeed(index, PhantomData))?)
                    }
                    None => spec_first = Some(map.next_value()?),
                },
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let index = kind.ok_or_else(|| de::Error::missing_field("kind"))?;
        match (decoded, spec_first) {
            (Some(decoded), _) => Ok(decoded),
            // The path inside the spec goes into the message, as this error is not ours.
            (None, Some(spec)) => T::spec(index, Tracked(&spec)).map_err(|error| {
                de::Error::custom(format_args!("{error} at spec{}", error.path_text()))
            }),
            (None, None) => Err(de::Error::missing_field("spec")),
        }
    }
}

/// A key of the object: `kind`, `spec`, or another, which is skipped as serde's derive does.
enum Key {
    Kind,
    Spec,
    Other,
}

impl<'de> de::Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("\"kind\", \"spec\", or other ignored fields")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            "kind" => Key::Kind,
            "spec" => Key::Spec,
            _ => Key::Other,
        })
    }
}

/// The `kind`: the index of the variant it names. Read as serde's derive reads it, as a unit
/// variant of the enum, so a kind that is not a name fails with the same message.
struct KindSeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KindSeed {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_enum("", self.0, self)
    }
}

impl<'de> Visitor<'de> for KindSeed {
    type Value = usize;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("variant identifier")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
        let (index, variant) = data.variant_seed(KindName(self.0))?;
        variant.unit_variant()?;
        Ok(index)
    }
}

/// A variant's name.
struct KindName(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KindName {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KindName {
    type Value = usize;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("variant identifier")
    }

    fn visit_str<E: de::Error>(self, kind: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|name| *name == kind)
            .ok_or_else(|| E::unknown_variant(kind, self.0))
    }
}

/// The `spec` of the variant at an index.
struct SpecSeed<T>(usize, PhantomData<T>);

impl<'de, T: Tagged> DeserializeSeed<'de> for SpecSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::spec(self.0, deserializer)
    }
}
