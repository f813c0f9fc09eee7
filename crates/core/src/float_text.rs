//! Reading numbers written as text (Prometheus values, `le` bounds, colours, table cells)
//! exactly as `str::parse::<f64>` reads them, without its tables.
//!
//! The standard library's reader carries a 10 KB table of powers of five, 12 KB of the page's
//! download. Here the text is checked against the same grammar, the numbers most text holds
//! (at most 15 or 16 digits, exponents within ±22) are computed exactly in a single
//! multiplication or division of two exactly represented numbers (Clinger's fast path, the
//! standard reader's own first step), and the rest go to an engine: the page gives
//! JavaScript's `parseFloat` ([`use_float_engine`]), which rounds as correctly, and the
//! native tools keep the standard reader (the `float-parse` feature).

/// The engine for numbers past the fast path, where the caller gave one.
static ENGINE: std::sync::OnceLock<fn(&str) -> f64> = std::sync::OnceLock::new();

/// Has [`parse_f64`] read the numbers past its fast path with `engine`, which is given text
/// of the decimal grammar only (a sign, digits with a point, an exponent) and must round it
/// correctly, as `str::parse::<f64>` does. The first engine given stays.
pub fn use_float_engine(engine: fn(&str) -> f64) {
    let _ = ENGINE.set(engine);
}

/// `text.parse::<f64>().ok()`: a sign, then digits with at most one point and an optional
/// exponent, or `inf`, `infinity` or `nan` in any case. No spaces.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude =
        if unsigned.eq_ignore_ascii_case("inf") || unsigned.eq_ignore_ascii_case("infinity") {
            f64::INFINITY
        } else if unsigned.eq_ignore_ascii_case("nan") {
            f64::NAN
        } else {
            match Decimal::read(unsigned)?.exactly() {
                Some(value) => value,
                None => slow(unsigned)?,
            }
        };
    Some(if negative { -magnitude } else { magnitude })
}

/// Decimal text taken apart: `mantissa × 10^exponent`, the mantissa's digits read as long as
/// they fit.
struct Decimal {
    /// The digits without leading or trailing zeros, while they fit in 64 bits.
    mantissa: u64,
    /// The power of ten the mantissa is scaled by.
    exponent: i64,
    /// Whether there were more digits than the mantissa holds.
    overflowed: bool,
}

impl Decimal {
    /// Reads `digits[.digits][(e|E)[+|-]digits]` with a digit before or after the point;
    /// `None` for anything else.
    fn read(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let mut at = 0;
        let mut decimal = Self {
            mantissa: 0,
            exponent: 0,
            overflowed: false,
        };
        // Zeros not yet added to the mantissa: trailing ones become exponent instead.
        let mut zeros: i64 = 0;
        let mut digits = 0;
        let mut point = false;
        while let Some(&byte) = bytes.get(at) {
            match byte {
                b'0'..=b'9' => {
                    digits += 1;
                    if point {
                        decimal.exponent -= 1;
                    }
                    if byte == b'0' {
                        zeros += 1;
                    } else {
                        decimal.push_zeros(zeros);
                        zeros = 0;
                        decimal.push(u64::from(byte - b'0'));
                    }
                }
                b'.' if !point => point = true,
                _ => break,
            }
            at += 1;
        }
        if digits == 0 {
            return None;
        }
        decimal.exponent = decimal.exponent.saturating_add(zeros);
        if let Some(&(b'e' | b'E')) = bytes.get(at) {
            at += 1;
            let negative = match bytes.get(at) {
                Some(b'-') => {
                    at += 1;
                    true
                }
                Some(b'+') => {
                    at += 1;
                    false
                }
                _ => false,
            };
            let start = at;
            let mut power: i64 = 0;
            while let Some(&byte @ b'0'..=b'9') = bytes.get(at) {
                power = power
                    .saturating_mul(10)
                    .saturating_add(i64::from(byte - b'0'));
                at += 1;
            }
            if at == start {
                return None;
            }
            let power = if negative { -power } else { power };
            decimal.exponent = decimal.exponent.saturating_add(power);
        }
        (at == bytes.len()).then_some(decimal)
    }

    fn push(&mut self, digit: u64) {
        match self
            .mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(digit))
        {
            Some(mantissa) => self.mantissa = mantissa,
            None => self.overflowed = true,
        }
    }

    fn push_zeros(&mut self, zeros: i64) {
        for _ in 0..zeros {
            self.push(0);
        }
    }

    /// The value when both the mantissa and the power of ten are exact doubles, so that one
    /// correctly rounded operation gives the correctly rounded result.
    fn exactly(&self) -> Option<f64> {
        /// 2^53: every integer up to it is a double.
        const EXACT_INTEGERS: u64 = 1 << 53;
        if self.overflowed || self.mantissa > EXACT_INTEGERS {
            return None;
        }
        if self.mantissa == 0 {
            return Some(0.0);
        }
        let mantissa = self.mantissa as f64;
        // `math::pow10` is exact from 10^0 to 10^22, every power of ten that is a double.
        let pow10 = |exponent: i64| crate::math::pow10(i32::try_from(exponent).unwrap_or(0));
        match self.exponent {
            0..=22 => Some(mantissa * pow10(self.exponent)),
            -22..=-1 => Some(mantissa / pow10(-self.exponent)),
            // A larger power still works while the mantissa takes the excess and stays exact.
            23..=37 => {
                let excess = 10_u64.checked_pow(u32::try_from(self.exponent - 22).ok()?)?;
                let scaled = self.mantissa.checked_mul(excess)?;
                (scaled <= EXACT_INTEGERS).then_some(scaled as f64 * pow10(22))
            }
            _ => None,
        }
    }
}

/// A number past the fast path: the engine, or the standard reader.
fn slow(text: &str) -> Option<f64> {
    match ENGINE.get() {
        Some(engine) => Some(engine(text)),
        None => without_engine(text),
    }
}

#[cfg(feature = "float-parse")]
fn without_engine(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// Without the standard reader or an engine (a page that did not start), such numbers are not
/// read.
#[cfg(not(feature = "float-parse"))]
fn without_engine(_: &str) -> Option<f64> {
    None
}

#[cfg(test)]
mod tests;
