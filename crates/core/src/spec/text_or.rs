//! Values Perses lets authors write either as text or as something richer: a datasource as
//! `$variable` or `{kind, name}`, a variable's default as one value or a list, a static
//! option as a value or `{value, label}`.
//!
//! Read by one visitor rather than serde's `#[serde(untagged)]` derive, which buffers the
//! value, tries each variant in turn and formats the error of every failed try: for the
//! `{kind, name}` of every query that was a fifth of the time NodeExporter's panels took to
//! read, and the buffering machinery cost the page 1.8 KB. A wrong value is worded by what it
//! should be instead of "did not match any variant".

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Unexpected, Visitor};

/// The richer form is an object (`text_or::<_, _, _, OR_OBJECT>`).
pub(crate) const OR_OBJECT: bool = false;
/// The richer form is a list.
pub(crate) const OR_LIST: bool = true;

/// Reads text as `text(...)`, and the richer form (`LIST`: a list, else an object) as `R`
/// turned by `rich`; anything else is an error that says `expecting`.
pub(crate) fn text_or<'de, D, T, R, const LIST: bool>(
    deserializer: D,
    expecting: &'static str,
    text: fn(String) -> T,
    rich: fn(R) -> T,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    R: Deserialize<'de>,
{
    deserializer.deserialize_any(TextOr::<T, R, LIST> {
        expecting,
        text,
        rich,
        rich_type: PhantomData,
    })
}

/// `LIST` says which of an object or a list is the richer form, so that each reader compiles
/// only the one it takes (the other is refused, as any other value is).
struct TextOr<T, R, const LIST: bool> {
    expecting: &'static str,
    text: fn(String) -> T,
    rich: fn(R) -> T,
    rich_type: PhantomData<R>,
}

impl<'de, T, R: Deserialize<'de>, const LIST: bool> Visitor<'de> for TextOr<T, R, LIST> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.expecting)
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<T, E> {
        Ok((self.text)(text.to_owned()))
    }

    fn visit_string<E: Error>(self, text: String) -> Result<T, E> {
        Ok((self.text)(text))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        if LIST {
            return Err(A::Error::invalid_type(Unexpected::Map, &self));
        }
        R::deserialize(MapAccessDeserializer::new(map)).map(self.rich)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, items: A) -> Result<T, A::Error> {
        if !LIST {
            return Err(A::Error::invalid_type(Unexpected::Seq, &self));
        }
        R::deserialize(SeqAccessDeserializer::new(items)).map(self.rich)
    }
}
