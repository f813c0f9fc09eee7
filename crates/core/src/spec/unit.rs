//! The units Perses knows (perses/shared `cue/common/format.cue`): 60 names in 9 groups.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A unit of a `format`, written with Perses' names exactly ([`NAMES`], where a new unit goes
/// too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    // Time.
    Nanoseconds,
    Microseconds,
    Milliseconds,
    Seconds,
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
    Years,
    // Percent (0–100) and percent-decimal (0–1, also written "%").
    Percent,
    PercentDecimal,
    // Decimal.
    Decimal,
    // Bits and bytes.
    Bits,
    DecBits,
    Bytes,
    DecBytes,
    // Throughput.
    BitsPerSec,
    DecBitsPerSec,
    BytesPerSec,
    DecBytesPerSec,
    CountsPerSec,
    EventsPerSec,
    MessagesPerSec,
    OpsPerSec,
    PacketsPerSec,
    ReadsPerSec,
    RecordsPerSec,
    RequestsPerSec,
    RowsPerSec,
    WritesPerSec,
    // Currency.
    Aud,
    Cad,
    Chf,
    Cny,
    Eur,
    Gbp,
    Hkd,
    Inr,
    Jpy,
    Krw,
    Nok,
    Nzd,
    Sek,
    Sgd,
    Usd,
    // Temperature.
    Celsius,
    Fahrenheit,
    // Dates and times of day.
    DatetimeIso,
    DatetimeUs,
    DatetimeLocal,
    DateIso,
    DateUs,
    DateLocal,
    TimeLocal,
    TimeIso,
    TimeUs,
    RelativeTime,
    UnixTimestamp,
    UnixTimestampMs,
}

/// The name of every unit as Perses writes it, in the order of [`Unit`]'s variants; a unit's
/// first name is the one written, and the others are read too. (Perses' TypeScript also
/// accepts "%", as a fraction like percent-decimal.) A table rather than serde attributes on the variants: the
/// derived decoder compiled to a comparison per name, ten times the size of this lookup.
const NAMES: [(&str, Unit); 61] = [
    ("nanoseconds", Unit::Nanoseconds),
    ("microseconds", Unit::Microseconds),
    ("milliseconds", Unit::Milliseconds),
    ("seconds", Unit::Seconds),
    ("minutes", Unit::Minutes),
    ("hours", Unit::Hours),
    ("days", Unit::Days),
    ("weeks", Unit::Weeks),
    ("months", Unit::Months),
    ("years", Unit::Years),
    ("percent", Unit::Percent),
    ("percent-decimal", Unit::PercentDecimal),
    // Perses' shorthand for percent-decimal (0–1), not for percent: 0.5 shows as 50%.
    ("%", Unit::PercentDecimal),
    ("decimal", Unit::Decimal),
    ("bits", Unit::Bits),
    ("decbits", Unit::DecBits),
    ("bytes", Unit::Bytes),
    ("decbytes", Unit::DecBytes),
    ("bits/sec", Unit::BitsPerSec),
    ("decbits/sec", Unit::DecBitsPerSec),
    ("bytes/sec", Unit::BytesPerSec),
    ("decbytes/sec", Unit::DecBytesPerSec),
    ("counts/sec", Unit::CountsPerSec),
    ("events/sec", Unit::EventsPerSec),
    ("messages/sec", Unit::MessagesPerSec),
    ("ops/sec", Unit::OpsPerSec),
    ("packets/sec", Unit::PacketsPerSec),
    ("reads/sec", Unit::ReadsPerSec),
    ("records/sec", Unit::RecordsPerSec),
    ("requests/sec", Unit::RequestsPerSec),
    ("rows/sec", Unit::RowsPerSec),
    ("writes/sec", Unit::WritesPerSec),
    ("aud", Unit::Aud),
    ("cad", Unit::Cad),
    ("chf", Unit::Chf),
    ("cny", Unit::Cny),
    ("eur", Unit::Eur),
    ("gbp", Unit::Gbp),
    ("hkd", Unit::Hkd),
    ("inr", Unit::Inr),
    ("jpy", Unit::Jpy),
    ("krw", Unit::Krw),
    ("nok", Unit::Nok),
    ("nzd", Unit::Nzd),
    ("sek", Unit::Sek),
    ("sgd", Unit::Sgd),
    ("usd", Unit::Usd),
    ("celsius", Unit::Celsius),
    ("fahrenheit", Unit::Fahrenheit),
    ("datetime-iso", Unit::DatetimeIso),
    ("datetime-us", Unit::DatetimeUs),
    ("datetime-local", Unit::DatetimeLocal),
    ("date-iso", Unit::DateIso),
    ("date-us", Unit::DateUs),
    ("date-local", Unit::DateLocal),
    ("time-local", Unit::TimeLocal),
    ("time-iso", Unit::TimeIso),
    ("time-us", Unit::TimeUs),
    ("relative-time", Unit::RelativeTime),
    ("unix-timestamp", Unit::UnixTimestamp),
    ("unix-timestamp-ms", Unit::UnixTimestampMs),
];

impl Unit {
    /// The unit Perses writes as `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        NAMES
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, unit)| *unit)
    }

    /// The name Perses writes for this unit.
    pub fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(_, unit)| *unit == self)
            .map_or("", |(name, _)| name)
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // As the derive writes a unit variant, so every format writes it as before.
        serializer.serialize_unit_variant("Unit", *self as u32, self.name())
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Self::from_name(&name).ok_or_else(|| {
            // serde's words for an unknown variant, which `diagnostic` turns into a sentence
            // and the list of accepted names.
            let accepted: Vec<String> = NAMES.iter().map(|(name, _)| format!("`{name}`")).collect();
            D::Error::custom(format_args!(
                "unknown variant `{name}`, expected one of {}",
                accepted.join(", ")
            ))
        })
    }
}

/// The group a unit belongs to; it decides which format options apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitGroup {
    Time,
    Percent,
    Decimal,
    Bits,
    Bytes,
    Throughput,
    Currency,
    Temperature,
    Date,
}

impl Unit {
    pub fn group(self) -> UnitGroup {
        use Unit::*;
        match self {
            Nanoseconds | Microseconds | Milliseconds | Seconds | Minutes | Hours | Days
            | Weeks | Months | Years => UnitGroup::Time,
            Percent | PercentDecimal => UnitGroup::Percent,
            Decimal => UnitGroup::Decimal,
            Bits | DecBits => UnitGroup::Bits,
            Bytes | DecBytes => UnitGroup::Bytes,
            BitsPerSec | DecBitsPerSec | BytesPerSec | DecBytesPerSec | CountsPerSec
            | EventsPerSec | MessagesPerSec | OpsPerSec | PacketsPerSec | ReadsPerSec
            | RecordsPerSec | RequestsPerSec | RowsPerSec | WritesPerSec => UnitGroup::Throughput,
            Aud | Cad | Chf | Cny | Eur | Gbp | Hkd | Inr | Jpy | Krw | Nok | Nzd | Sek | Sgd
            | Usd => UnitGroup::Currency,
            Celsius | Fahrenheit => UnitGroup::Temperature,
            DatetimeIso | DatetimeUs | DatetimeLocal | DateIso | DateUs | DateLocal | TimeLocal
            | TimeIso | TimeUs | RelativeTime | UnixTimestamp | UnixTimestampMs => UnitGroup::Date,
        }
    }
}

impl UnitGroup {
    /// Whether `shortValues` (compact notation such as 1.2K) applies to this group.
    pub fn allows_short_values(self) -> bool {
        matches!(
            self,
            Self::Decimal | Self::Bits | Self::Bytes | Self::Throughput
        )
    }

    /// Whether `decimalPlaces` applies to this group.
    pub fn allows_decimal_places(self) -> bool {
        self != Self::Date
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_errors() {
        for (name, unit, group) in [
            ("\"seconds\"", Unit::Seconds, UnitGroup::Time),
            (
                "\"percent-decimal\"",
                Unit::PercentDecimal,
                UnitGroup::Percent,
            ),
            ("\"%\"", Unit::PercentDecimal, UnitGroup::Percent),
            ("\"bytes/sec\"", Unit::BytesPerSec, UnitGroup::Throughput),
            ("\"decbytes\"", Unit::DecBytes, UnitGroup::Bytes),
            (
                "\"unix-timestamp-ms\"",
                Unit::UnixTimestampMs,
                UnitGroup::Date,
            ),
            ("\"usd\"", Unit::Usd, UnitGroup::Currency),
        ] {
            let parsed: Unit = serde_json::from_str(name).unwrap();
            assert_eq!((parsed, parsed.group()), (unit, group));
        }
        assert_eq!(
            serde_json::to_string(&Unit::BytesPerSec).unwrap(),
            "\"bytes/sec\""
        );
        let error = serde_json::from_str::<Unit>("\"percentunit\"")
            .unwrap_err()
            .to_string();
        assert!(error.contains("unknown variant `percentunit`"), "{error}");
        // The accepted names in the order serde's derive listed them, aliases after the name.
        assert!(
            error.starts_with(
                "unknown variant `percentunit`, expected one of `nanoseconds`, `microseconds`, "
            ),
            "{error}"
        );
        assert!(error.contains("`years`, `percent`, `percent-decimal`, `%`,"));
        assert!(
            error.contains("`unix-timestamp`, `unix-timestamp-ms`"),
            "{error}"
        );
    }

    #[test]
    fn every_unit_has_a_name_that_reads_back() {
        let units: std::collections::BTreeSet<usize> =
            NAMES.iter().map(|(_, unit)| *unit as usize).collect();
        assert_eq!(units.len(), Unit::UnixTimestampMs as usize + 1);
        assert_eq!(units.len(), 60);
        for (_, unit) in NAMES {
            assert_eq!(Unit::from_name(unit.name()), Some(unit));
        }
        assert_eq!(Unit::Percent.name(), "percent");
    }
}
