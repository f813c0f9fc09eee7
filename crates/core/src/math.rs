//! The transcendental functions the charts need (logarithms for log scales and tick
//! magnitudes, powers, angles for pies and gauges): the standard library's natively, the
//! browser's `Math` in the page.
//!
//! In WebAssembly the standard library brings its own copies (a port of musl's libm, with the
//! tables of its argument reduction), about 4 KB of the page's download for functions the
//! browser already has; the page gives those ([`use_math_engine`]) and this crate keeps the
//! standard library's for the native tools (the `std-math` feature).

/// The functions, as plain function pointers.
#[derive(Clone, Copy)]
pub struct MathEngine {
    pub ln: fn(f64) -> f64,
    pub log10: fn(f64) -> f64,
    pub pow: fn(f64, f64) -> f64,
    pub sin: fn(f64) -> f64,
    pub cos: fn(f64) -> f64,
    pub atan2: fn(f64, f64) -> f64,
}

static ENGINE: std::sync::OnceLock<MathEngine> = std::sync::OnceLock::new();

/// Has this module compute with `engine`. The first engine given stays.
pub fn use_math_engine(engine: MathEngine) {
    let _ = ENGINE.set(engine);
}

#[cfg(feature = "std-math")]
const WITHOUT_ENGINE: MathEngine = MathEngine {
    ln: f64::ln,
    log10: f64::log10,
    pow: f64::powf,
    sin: f64::sin,
    cos: f64::cos,
    atan2: f64::atan2,
};

/// Without the standard library's functions or an engine (a page that did not start), every
/// result is NaN, which the charts treat as a value they cannot place.
#[cfg(not(feature = "std-math"))]
const WITHOUT_ENGINE: MathEngine = MathEngine {
    ln: |_| f64::NAN,
    log10: |_| f64::NAN,
    pow: |_, _| f64::NAN,
    sin: |_| f64::NAN,
    cos: |_| f64::NAN,
    atan2: |_, _| f64::NAN,
};

fn engine() -> MathEngine {
    ENGINE.get().copied().unwrap_or(WITHOUT_ENGINE)
}

/// The natural logarithm (`f64::ln`).
pub fn ln(x: f64) -> f64 {
    (engine().ln)(x)
}

/// The logarithm to `base` (`f64::log`, which divides the natural logarithms too).
pub fn log(x: f64, base: f64) -> f64 {
    ln(x) / ln(base)
}

/// The decimal logarithm (`f64::log10`).
pub fn log10(x: f64) -> f64 {
    (engine().log10)(x)
}

/// `base` to the power `exponent` (`f64::powf`).
pub fn pow(base: f64, exponent: f64) -> f64 {
    (engine().pow)(base, exponent)
}

/// 10 to the power `exponent`: exact from 10⁻²² to 10²² (one correctly rounded operation on
/// exactly represented numbers), [`pow`] beyond.
pub fn pow10(exponent: i32) -> f64 {
    match exponent {
        0..=22 => 10_f64.powi(exponent),
        -22..=-1 => 1.0 / 10_f64.powi(-exponent),
        _ => pow(10.0, f64::from(exponent)),
    }
}

/// The sine of `radians` (`f64::sin`).
pub fn sin(radians: f64) -> f64 {
    (engine().sin)(radians)
}

/// The cosine of `radians` (`f64::cos`).
pub fn cos(radians: f64) -> f64 {
    (engine().cos)(radians)
}

/// The angle of the point (`x`, `y`) in radians (`y.atan2(x)`).
pub fn atan2(y: f64, x: f64) -> f64 {
    (engine().atan2)(y, x)
}

#[cfg(test)]
mod tests {
    #[test]
    fn powers_of_ten_are_exact() {
        for exponent in -22..=22 {
            let text = format!("1e{exponent}");
            assert_eq!(
                super::pow10(exponent),
                text.parse::<f64>().unwrap(),
                "{text}"
            );
        }
        assert_eq!(super::pow10(-300), 1e-300);
        assert_eq!(super::pow10(400), f64::INFINITY);
    }
}
