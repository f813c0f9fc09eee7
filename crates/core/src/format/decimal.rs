//! A finite double as the decimal digits JavaScript prints for it (the shortest that read
//! back as the same double, even on a tie), rounded and laid out as Intl lays numbers out.

/// A finite number as decimal digits: the value is `0.d1 d2 d3 … × 10^point`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decimal {
    pub negative: bool,
    /// Digits 0–9 without leading or trailing zeros; empty for zero.
    pub digits: Vec<u8>,
    pub point: i32,
}

impl Decimal {
    /// The shortest decimal digits that read back as `value` (what JavaScript prints).
    pub fn from_f64(value: f64) -> Self {
        let negative = value.is_sign_negative() && value != 0.0;
        if value == 0.0 || !value.is_finite() {
            return Self {
                negative,
                digits: Vec::new(),
                point: 0,
            };
        }
        // `{:e}` prints the shortest round-trip digits: "1.2345e3".
        let text = format!("{:e}", value.abs());
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let exponent: i32 = exponent.parse().unwrap_or(0);
        let mut digits: Vec<u8> = mantissa
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|byte| byte - b'0')
            .collect();
        even_on_a_tie(&mut digits, exponent + 1, value.abs());
        while digits.last() == Some(&0) {
            digits.pop();
        }
        Self {
            negative,
            digits,
            point: exponent + 1,
        }
    }

    pub fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Multiplies by `10^shift` exactly.
    pub fn shifted(mut self, shift: i32) -> Self {
        if !self.is_zero() {
            self.point += shift;
        }
        self
    }

    /// The power of ten of the leading digit (`floor(log10(|x|))`); `None` for zero.
    pub fn magnitude(&self) -> Option<i32> {
        (!self.is_zero()).then_some(self.point - 1)
    }

    /// Keeps the digits left of position `keep` (counted from the leading digit), rounding half
    /// away from zero.
    fn round_at(mut self, keep: i32) -> Self {
        let len = self.digits.len() as i32;
        if keep >= len {
            return self;
        }
        if keep < 0 {
            self.digits.clear();
            self.point = 0;
            return self;
        }
        let round_up = self.digits[keep as usize] >= 5;
        self.digits.truncate(keep as usize);
        if round_up {
            let mut carry = true;
            for digit in self.digits.iter_mut().rev() {
                if *digit == 9 {
                    *digit = 0;
                } else {
                    *digit += 1;
                    carry = false;
                    break;
                }
            }
            if carry {
                self.digits.insert(0, 1);
                self.point += 1;
            }
        }
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.point = 0;
        }
        self
    }

    pub fn round_significant(self, significant: u32) -> Self {
        self.round_at(significant as i32)
    }

    pub fn round_fraction(self, fraction: u32) -> Self {
        let keep = self.point + fraction as i32;
        self.round_at(keep)
    }

    /// numbro's rounding: JavaScript's `Math.round` on the value shifted by `fraction`
    /// places, which takes a half toward +∞, so a negative half goes toward zero
    /// (-1.125 → -1.12) and every other value as [`Self::round_fraction`] does.
    pub fn round_fraction_as_numbro(mut self, fraction: u32) -> Self {
        let keep = self.point + fraction as i32;
        let exact_negative_half = self.negative
            && keep >= 0
            && keep == self.digits.len() as i32 - 1
            && self.digits.last() == Some(&5);
        if !exact_negative_half {
            return self.round_fraction(fraction);
        }
        self.digits.truncate(keep as usize);
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.point = 0;
        }
        self
    }

    /// The digit at power of ten `power` (0 for the units).
    fn digit_at(&self, power: i32) -> u8 {
        let index = self.point - 1 - power;
        if index < 0 {
            return 0;
        }
        self.digits.get(index as usize).copied().unwrap_or(0)
    }

    /// Integer and fraction digits as text, the fraction padded to `min_fraction` digits;
    /// the integer part grouped by thousands when `grouping`.
    pub fn layout(&self, min_fraction: u32, grouping: bool) -> String {
        let integer_digits = self.point.max(1);
        let mut text = String::new();
        for power in (0..integer_digits).rev() {
            text.push(char::from(b'0' + self.digit_at(power)));
            if grouping && power > 0 && power % 3 == 0 {
                text.push(',');
            }
        }
        let fraction_digits = (self.digits.len() as i32 - self.point).max(min_fraction as i32);
        if fraction_digits > 0 {
            text.push('.');
            for power in 1..=fraction_digits {
                text.push(char::from(b'0' + self.digit_at(-power)));
            }
        }
        text
    }
}

/// Two decimals of the shortest length can read back as the same double when it lies exactly
/// halfway between them (1902587519025875.25 is both …875.2 and …875.3). JavaScript then
/// takes the one with the even last digit (ECMA-262 Number::toString); Rust's formatter may
/// take the other. `digits` are the shortest digits of the positive `value`, read as
/// `0.digits × 10^point`; when its exact expansion is such a half, the odd last digit moves
/// to its even neighbour.
fn even_on_a_tie(digits: &mut [u8], point: i32, value: f64) {
    let Some(&last) = digits.last() else { return };
    if last % 2 == 0 {
        return;
    }
    // Rust prints a double's exact expansion when given a precision; 60 digits hold the
    // 18th digit and enough of what follows to see a half.
    let exact: Vec<u8> = format!("{value:.60e}")
        .split('e')
        .next()
        .unwrap_or_default()
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|byte| byte - b'0')
        .collect();
    let k = digits.len();
    let half_after = |prefix: &[u8]| {
        exact.len() > k
            && exact[..k] == *prefix
            && exact[k] == 5
            && exact[k + 1..].iter().all(|digit| *digit == 0)
    };
    // The neighbour is taken only if it reads back as the same double: at a power of two the
    // gap below is half the gap above, and a half there is no tie (2^-24).
    let reads_back = |candidate: &[u8]| {
        let mantissa: String = candidate
            .iter()
            .map(|digit| char::from(b'0' + digit))
            .collect();
        crate::float_text::parse_f64(&format!("0.{mantissa}e{point}"))
            .is_some_and(|read| read == value)
    };
    let mut lower = digits.to_vec();
    lower[k - 1] = last - 1;
    let mut upper = digits.to_vec();
    upper[k - 1] = last.saturating_add(1);
    if half_after(&lower) && reads_back(&lower) {
        digits[k - 1] = last - 1;
    } else if last < 9 && half_after(digits) && reads_back(&upper) {
        digits[k - 1] = last + 1;
    }
}
