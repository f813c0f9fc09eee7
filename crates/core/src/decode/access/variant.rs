//! An enum's variant as the decoder reads it: its name, and its content when written as an
//! object with the name as its one key; failures inside the content name the variant.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Error as _, Unexpected, Visitor};
use serde_json::Value;

use super::{Tracked, unexpected, visit_array, visit_object};
use crate::decode::{DecodeError, Segment};

/// An enum written as its variant's name, or as an object with the name as its one key.
pub(super) struct Variant<'de> {
    pub(super) name: &'de str,
    pub(super) content: Option<&'de Value>,
}

impl<'de> de::EnumAccess<'de> for Variant<'de> {
    type Error = DecodeError;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self), DecodeError> {
        let variant = seed.deserialize(BorrowedStrDeserializer::<DecodeError>::new(self.name))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'de> {
    type Error = DecodeError;

    fn unit_variant(self) -> Result<(), DecodeError> {
        match self.content {
            None | Some(Value::Null) => Ok(()),
            Some(_) => Err(self.refuse("unit variant")),
        }
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, DecodeError> {
        match self.content {
            Some(content) => seed
                .deserialize(Tracked(content))
                .map_err(|error| self.within(error)),
            None => Err(self.refuse("newtype variant")),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match self.content {
            Some(Value::Array(elements)) if elements.is_empty() => visitor.visit_unit(),
            Some(Value::Array(elements)) => {
                visit_array(elements, visitor).map_err(|error| self.within(error))
            }
            _ => Err(self.refuse("tuple variant")),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match self.content {
            Some(Value::Object(entries)) => {
                visit_object(entries, visitor).map_err(|error| self.within(error))
            }
            _ => Err(self.refuse("struct variant")),
        }
    }
}

impl Variant<'_> {
    /// A failure inside the variant's content, seen from the enum.
    fn within(&self, error: DecodeError) -> DecodeError {
        error.within(Segment::Variant(self.name.to_owned()))
    }

    /// The content is not what this kind of variant holds.
    fn refuse(&self, expected: &'static str) -> DecodeError {
        let found = self.content.map_or(Unexpected::UnitVariant, unexpected);
        self.within(DecodeError::invalid_type(found, &expected))
    }
}
