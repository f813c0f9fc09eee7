//! Bytes, bits and their throughputs, shortened as Perses shortens them (numbro's `byte`
//! output: two decimals at most, trailing zeros dropped, a space before the unit).

use super::number::{Decimal, Digits, NumberStyle, format_decimal, format_number};

/// SI (powers of 1000: KB) or IEC (powers of 1024: KiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    Decimal,
    Binary,
}

impl Base {
    fn step(self) -> f64 {
        match self {
            Self::Decimal => 1000.0,
            Self::Binary => 1024.0,
        }
    }

    fn suffixes(self) -> [&'static str; 9] {
        match self {
            Self::Decimal => ["B", "KB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"],
            Self::Binary => ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"],
        }
    }
}

/// numbro keeps two decimals when none are asked for.
const DEFAULT_MANTISSA: u32 = 2;

/// A number of bytes: `1.23 KB`, or in full (`1,234 bytes`) below one unit or when not
/// shortened.
pub fn format_bytes(bytes: f64, base: Base, short: bool, decimal_places: Option<u32>) -> String {
    if !short || bytes.abs() < base.step() || !bytes.is_finite() {
        let number = format_number(bytes, full_style(short, decimal_places));
        // Intl's long unit name: singular only for one (or minus one) with no visible
        // decimals, as English plural rules say.
        let unit = if matches!(number.as_str(), "1" | "-1") {
            "byte"
        } else {
            "bytes"
        };
        return format!("{number} {unit}");
    }
    shortened(bytes, base, decimal_places)
}

/// A number of bits: as bytes, with `b` for `B` up to exabits and always the plural
/// (`1 bits`).
pub fn format_bits(bits: f64, base: Base, short: bool, decimal_places: Option<u32>) -> String {
    if !short || bits.abs() < base.step() || !bits.is_finite() {
        let number = format_number(bits, full_style(short, decimal_places));
        return format!("{number} bits");
    }
    let text = shortened(bits, base, decimal_places);
    // Perses renames numbro's byte units up to exa (KB → Kb … EiB → Eib); zetta and yotta
    // keep their B.
    if text.ends_with("ZB")
        || text.ends_with("YB")
        || text.ends_with("ZiB")
        || text.ends_with("YiB")
    {
        text
    } else {
        text.replace('B', "b")
    }
}

/// Per second: `/sec` while the value is below one unit, `/s` after (`10 bytes/sec`, `1.2 KB/s`).
pub fn per_second(text: String, value: f64, base: Base) -> String {
    let denominator = if value.abs() < base.step() {
        "sec"
    } else {
        "s"
    };
    format!("{text}/{denominator}")
}

fn full_style(short: bool, decimal_places: Option<u32>) -> NumberStyle {
    NumberStyle::new(match decimal_places {
        Some(places) => Digits::Fraction(places),
        None if short => Digits::Significant(super::MAX_SIGNIFICANT_DIGITS),
        None => Digits::FractionRange { min: 0, max: 3 },
    })
}

fn shortened(value: f64, base: Base, decimal_places: Option<u32>) -> String {
    let suffixes = base.suffixes();
    let mut power = 0;
    let mut scaled = value.abs();
    while scaled >= base.step() && power + 1 < suffixes.len() {
        scaled /= base.step();
        power += 1;
    }
    let signed = if value < 0.0 { -scaled } else { scaled };
    let (digits, places) = match decimal_places {
        Some(places) => (Digits::Fraction(places), places),
        None => (
            Digits::FractionRange {
                min: 0,
                max: DEFAULT_MANTISSA,
            },
            DEFAULT_MANTISSA,
        ),
    };
    let rounded = Decimal::from_f64(signed).round_fraction_as_numbro(places);
    // numbro does not group thousands; only YB can reach four digits.
    let number = format_decimal(rounded, NumberStyle::new(digits)).replace(',', "");
    format!("{number} {}", suffixes[power])
}
