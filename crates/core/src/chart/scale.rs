//! Scales: from data to pixels and back. Names say which space a number is in.

use crate::spec::panels::time_series::LogBase;

/// A continuous scale of values onto a pixel interval (which may run downwards, as a y axis
/// does on a canvas). Made by [`ValueScale::new`]; its fields are read, not changed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueScale {
    pub min_value: f64,
    pub max_value: f64,
    pub start_px: f64,
    pub end_px: f64,
    pub log_base: Option<LogBase>,
    /// `min_value` and `max_value` in the scale's own space (their logarithms on a log
    /// scale), computed once here: placing a value then costs one logarithm, not three.
    ends: (f64, f64),
}

impl ValueScale {
    pub fn new(
        min_value: f64,
        max_value: f64,
        start_px: f64,
        end_px: f64,
        log_base: Option<LogBase>,
    ) -> Self {
        Self {
            min_value,
            max_value,
            start_px,
            end_px,
            log_base,
            ends: (
                transformed(log_base, min_value),
                transformed(log_base, max_value),
            ),
        }
    }

    pub fn linear(min_value: f64, max_value: f64, start_px: f64, end_px: f64) -> Self {
        Self::new(min_value, max_value, start_px, end_px, None)
    }

    pub fn px_from_value(&self, value: f64) -> f64 {
        let (min, max) = self.ends;
        let value = transformed(self.log_base, value);
        let span = max - min;
        if span == 0.0 || !span.is_finite() {
            return (self.start_px + self.end_px) / 2.0;
        }
        self.start_px + (value - min) / span * (self.end_px - self.start_px)
    }

    pub fn value_from_px(&self, px: f64) -> f64 {
        let (min, max) = self.ends;
        let span_px = self.end_px - self.start_px;
        let fraction = if span_px == 0.0 {
            0.0
        } else {
            (px - self.start_px) / span_px
        };
        let value = min + fraction * (max - min);
        match self.log_base {
            Some(base) => crate::math::pow(f64::from(base), value),
            None => value,
        }
    }
}

/// A value in a scale's own space: itself, or its logarithm on a log scale.
fn transformed(log_base: Option<LogBase>, value: f64) -> f64 {
    match log_base {
        None => value,
        Some(base) => {
            // The base's logarithm as a constant (what `ln` gives for 2 and 10, correctly
            // rounded), so a value costs one logarithm, not two.
            let ln_base = match base {
                LogBase::Two => std::f64::consts::LN_2,
                LogBase::Ten => std::f64::consts::LN_10,
            };
            crate::math::ln(value.max(f64::MIN_POSITIVE)) / ln_base
        }
    }
}

/// A time scale: unix milliseconds onto pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    pub start_ms: i64,
    pub end_ms: i64,
    pub start_px: f64,
    pub end_px: f64,
}

impl TimeScale {
    pub fn px_from_time(&self, time_ms: i64) -> f64 {
        let span = (self.end_ms - self.start_ms) as f64;
        if span <= 0.0 {
            return self.start_px;
        }
        self.start_px + (time_ms - self.start_ms) as f64 / span * (self.end_px - self.start_px)
    }

    pub fn time_from_px(&self, px: f64) -> i64 {
        let span_px = self.end_px - self.start_px;
        if span_px == 0.0 {
            return self.start_ms;
        }
        self.start_ms
            + ((px - self.start_px) / span_px * (self.end_ms - self.start_ms) as f64).round() as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_and_log_scales_round_trip() {
        let y = ValueScale::linear(0.0, 100.0, 200.0, 0.0);
        assert_eq!(y.px_from_value(0.0), 200.0);
        assert_eq!(y.px_from_value(25.0), 150.0);
        assert_eq!(y.value_from_px(100.0), 50.0);
        let log = ValueScale::new(1.0, 1000.0, 300.0, 0.0, Some(LogBase::Ten));
        assert!((log.px_from_value(10.0) - 200.0).abs() < 1e-9);
        assert!((log.value_from_px(100.0) - 100.0).abs() < 1e-9);
        let flat = ValueScale::linear(5.0, 5.0, 100.0, 0.0);
        assert_eq!(flat.px_from_value(5.0), 50.0);
        let x = TimeScale {
            start_ms: 1_000,
            end_ms: 2_000,
            start_px: 50.0,
            end_px: 150.0,
        };
        assert_eq!(
            (x.px_from_time(1_500), x.time_from_px(75.0)),
            (100.0, 1_250)
        );
    }

    #[test]
    fn the_log_bases_are_their_logarithms() {
        assert_eq!(std::f64::consts::LN_2, 2_f64.ln());
        assert_eq!(std::f64::consts::LN_10, 10_f64.ln());
    }
}
