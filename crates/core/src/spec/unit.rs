//! The units Perses knows (perses/shared `cue/common/format.cue`): 60 names in 9 groups.

use serde::{Deserialize, Serialize};

/// A unit of a `format`. The serialized names are Perses' exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    // Time.
    #[serde(rename = "nanoseconds")]
    Nanoseconds,
    #[serde(rename = "microseconds")]
    Microseconds,
    #[serde(rename = "milliseconds")]
    Milliseconds,
    #[serde(rename = "seconds")]
    Seconds,
    #[serde(rename = "minutes")]
    Minutes,
    #[serde(rename = "hours")]
    Hours,
    #[serde(rename = "days")]
    Days,
    #[serde(rename = "weeks")]
    Weeks,
    #[serde(rename = "months")]
    Months,
    #[serde(rename = "years")]
    Years,
    // Percent. Perses' TypeScript also accepts "%" for percent.
    #[serde(rename = "percent", alias = "%")]
    Percent,
    #[serde(rename = "percent-decimal")]
    PercentDecimal,
    // Decimal.
    #[serde(rename = "decimal")]
    Decimal,
    // Bits and bytes.
    #[serde(rename = "bits")]
    Bits,
    #[serde(rename = "decbits")]
    DecBits,
    #[serde(rename = "bytes")]
    Bytes,
    #[serde(rename = "decbytes")]
    DecBytes,
    // Throughput.
    #[serde(rename = "bits/sec")]
    BitsPerSec,
    #[serde(rename = "decbits/sec")]
    DecBitsPerSec,
    #[serde(rename = "bytes/sec")]
    BytesPerSec,
    #[serde(rename = "decbytes/sec")]
    DecBytesPerSec,
    #[serde(rename = "counts/sec")]
    CountsPerSec,
    #[serde(rename = "events/sec")]
    EventsPerSec,
    #[serde(rename = "messages/sec")]
    MessagesPerSec,
    #[serde(rename = "ops/sec")]
    OpsPerSec,
    #[serde(rename = "packets/sec")]
    PacketsPerSec,
    #[serde(rename = "reads/sec")]
    ReadsPerSec,
    #[serde(rename = "records/sec")]
    RecordsPerSec,
    #[serde(rename = "requests/sec")]
    RequestsPerSec,
    #[serde(rename = "rows/sec")]
    RowsPerSec,
    #[serde(rename = "writes/sec")]
    WritesPerSec,
    // Currency.
    #[serde(rename = "aud")]
    Aud,
    #[serde(rename = "cad")]
    Cad,
    #[serde(rename = "chf")]
    Chf,
    #[serde(rename = "cny")]
    Cny,
    #[serde(rename = "eur")]
    Eur,
    #[serde(rename = "gbp")]
    Gbp,
    #[serde(rename = "hkd")]
    Hkd,
    #[serde(rename = "inr")]
    Inr,
    #[serde(rename = "jpy")]
    Jpy,
    #[serde(rename = "krw")]
    Krw,
    #[serde(rename = "nok")]
    Nok,
    #[serde(rename = "nzd")]
    Nzd,
    #[serde(rename = "sek")]
    Sek,
    #[serde(rename = "sgd")]
    Sgd,
    #[serde(rename = "usd")]
    Usd,
    // Temperature.
    #[serde(rename = "celsius")]
    Celsius,
    #[serde(rename = "fahrenheit")]
    Fahrenheit,
    // Dates and times of day.
    #[serde(rename = "datetime-iso")]
    DatetimeIso,
    #[serde(rename = "datetime-us")]
    DatetimeUs,
    #[serde(rename = "datetime-local")]
    DatetimeLocal,
    #[serde(rename = "date-iso")]
    DateIso,
    #[serde(rename = "date-us")]
    DateUs,
    #[serde(rename = "date-local")]
    DateLocal,
    #[serde(rename = "time-local")]
    TimeLocal,
    #[serde(rename = "time-iso")]
    TimeIso,
    #[serde(rename = "time-us")]
    TimeUs,
    #[serde(rename = "relative-time")]
    RelativeTime,
    #[serde(rename = "unix-timestamp")]
    UnixTimestamp,
    #[serde(rename = "unix-timestamp-ms")]
    UnixTimestampMs,
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
            ("\"%\"", Unit::Percent, UnitGroup::Percent),
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
    }
}
