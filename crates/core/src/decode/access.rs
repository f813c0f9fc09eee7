//! The deserializer over a `&Value` and its accesses to objects, arrays and enum variants. It
//! behaves as serde_json's own `&Value` deserializer (the same visits, the same errors), and
//! the accesses add the key, index or variant to an error passing through them.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Error as _, Unexpected, Visitor};
use serde_json::{Map, Value};

use super::{DecodeError, Segment};

mod variant;

use variant::Variant;

/// The numeric methods of a deserializer, each through [`Tracked::number`].
macro_rules! numbers {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
            self.number(visitor)
        })*
    };
}

/// A value being decoded.
#[derive(Clone, Copy)]
pub(super) struct Tracked<'de>(pub(super) &'de Value);

impl<'de> de::Deserializer<'de> for Tracked<'de> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(value) => visitor.visit_bool(*value),
            Value::Number(number) => number
                .clone()
                .deserialize_any(visitor)
                .map_err(DecodeError::from),
            Value::String(text) => visitor.visit_borrowed_str(text),
            Value::Array(elements) => visit_array(elements, visitor),
            Value::Object(entries) => visit_object(entries, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::String(name) => visitor.visit_enum(Variant {
                name,
                content: None,
            }),
            Value::Object(entries) => {
                let mut iter = entries.iter();
                match (iter.next(), iter.next()) {
                    (Some((name, content)), None) => visitor.visit_enum(Variant {
                        name,
                        content: Some(content),
                    }),
                    _ => Err(DecodeError::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    )),
                }
            }
            other => Err(DecodeError::invalid_type(
                unexpected(other),
                &"string or map",
            )),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }

    // A struct is an object: unlike serde_json, an array is not read as its fields in order,
    // which no Perses document means and which would compile each struct's `visit_seq` too.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_map(visitor)
    }

    // These visit only the kind of value the visitor asks for, as serde_json does, so a
    // visitor's other methods are not compiled in; anything else gets the same refusal the
    // visitor itself would give.
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Object(entries) => visit_object(entries, visitor),
            other => Err(DecodeError::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Array(elements) => visit_array(elements, visitor),
            other => Err(DecodeError::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::String(text) => visitor.visit_borrowed_str(text),
            other => Err(DecodeError::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Bool(value) => visitor.visit_bool(*value),
            other => Err(DecodeError::invalid_type(unexpected(other), &visitor)),
        }
    }

    numbers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    serde::forward_to_deserialize_any! {
        char bytes byte_buf unit unit_struct tuple_struct identifier
    }
}

impl<'de> Tracked<'de> {
    /// A number through serde_json's `Number`, which visits the representation it holds.
    fn number<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.0 {
            Value::Number(number) => de::Deserializer::deserialize_any(number.clone(), visitor)
                .map_err(DecodeError::from),
            other => Err(DecodeError::invalid_type(unexpected(other), &visitor)),
        }
    }
}

fn visit_array<'de, V: Visitor<'de>>(
    elements: &'de [Value],
    visitor: V,
) -> Result<V::Value, DecodeError> {
    let len = elements.len();
    let mut access = Elements {
        iter: elements.iter().enumerate(),
    };
    let value = visitor.visit_seq(&mut access)?;
    if access.iter.len() == 0 {
        Ok(value)
    } else {
        Err(DecodeError::invalid_length(len, &"fewer elements in array"))
    }
}

fn visit_object<'de, V: Visitor<'de>>(
    entries: &'de Map<String, Value>,
    visitor: V,
) -> Result<V::Value, DecodeError> {
    let len = entries.len();
    let mut access = Entries {
        iter: entries.iter(),
        value: None,
    };
    let value = visitor.visit_map(&mut access)?;
    if access.iter.len() == 0 {
        Ok(value)
    } else {
        Err(DecodeError::invalid_length(len, &"fewer elements in map"))
    }
}

struct Elements<'de> {
    iter: std::iter::Enumerate<std::slice::Iter<'de, Value>>,
}

impl<'de> de::SeqAccess<'de> for Elements<'de> {
    type Error = DecodeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DecodeError> {
        let Some((index, element)) = self.iter.next() else {
            return Ok(None);
        };
        seed.deserialize(Tracked(element))
            .map(Some)
            .map_err(|error| error.within(Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct Entries<'de> {
    iter: serde_json::map::Iter<'de>,
    /// The entry whose key was just read.
    value: Option<(&'de String, &'de Value)>,
}

impl<'de> de::MapAccess<'de> for Entries<'de> {
    type Error = DecodeError;

    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DecodeError> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, DecodeError> {
        let Some((key, value)) = self.value.take() else {
            return Err(DecodeError::custom("value is missing"));
        };
        seed.deserialize(Tracked(value))
            .map_err(|error| error.within(Segment::Key(key.clone())))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// How serde names a value that a visitor did not expect.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(value) => Unexpected::Bool(*value),
        Value::Number(number) => match (number.as_u64(), number.as_i64()) {
            (Some(unsigned), _) => Unexpected::Unsigned(unsigned),
            (None, Some(signed)) => Unexpected::Signed(signed),
            (None, None) => Unexpected::Float(number.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(text) => Unexpected::Str(text),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}
