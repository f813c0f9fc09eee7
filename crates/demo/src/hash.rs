//! Small deterministic hashing for per-series variation.
//!
//! Every demo value is a pure function of (series, time): the differences between series and the
//! jitter over time come from hashing, never from a random number generator with state, so the
//! backfilled history and a live scrape agree at any timestamp. The hash is our own (FNV-1a to
//! fold names into a seed, SplitMix64's finaliser to mix a seed with a number) because std's
//! `DefaultHasher` is allowed to change between Rust releases, which would make a persistent
//! Prometheus data directory disagree with freshly generated values.

/// The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes).
const KUBERNETES_ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

/// Folds text into a 64-bit seed (FNV-1a).
pub(crate) fn seed_of(text: &str) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    text.bytes().fold(OFFSET_BASIS, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// Mixes a seed with a number (SplitMix64): nearby inputs give unrelated outputs.
pub(crate) fn mix(seed: u64, value: i64) -> u64 {
    // Reinterpreting the bits of a negative number is fine: we only need distinct inputs.
    let mut z = seed ^ (value as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A number in [0, 1) derived from a seed and a number.
pub(crate) fn unit(seed: u64, value: i64) -> f64 {
    // The top 53 bits fill an f64 mantissa exactly.
    (mix(seed, value) >> 11) as f64 / (1u64 << 53) as f64
}

/// A number in [-1, 1) derived from a seed and a number.
pub(crate) fn signed_unit(seed: u64, value: i64) -> f64 {
    unit(seed, value) * 2.0 - 1.0
}

/// A Kubernetes-style generated suffix (`7c9d5b8f4`, `x2kqp`) of `length` characters.
pub(crate) fn kubernetes_suffix(seed: u64, length: usize) -> String {
    (0..length)
        .map(|position| {
            let index = mix(seed, position as i64) % KUBERNETES_ALPHABET.len() as u64;
            KUBERNETES_ALPHABET
                .get(index as usize)
                .map_or('x', |byte| char::from(*byte))
        })
        .collect()
}

/// A version-4-shaped UUID (`1b4e28ba-2fa1-41d2-883f-0016d3cca427`) derived from a seed.
pub(crate) fn uuid(seed: u64) -> String {
    let high = mix(seed, 1);
    let low = mix(seed, 2);
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0x0fff,
        ((low >> 48) & 0x3fff) | 0x8000,
        low & 0xffff_ffff_ffff
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_stable_across_builds() {
        // Pinned values: a change here would silently change every demo series.
        assert_eq!(seed_of(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(seed_of("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn units_stay_in_range() {
        for value in -1000..1000 {
            let u = unit(42, value);
            assert!((0.0..1.0).contains(&u), "{u}");
            let s = signed_unit(42, value);
            assert!((-1.0..1.0).contains(&s), "{s}");
        }
    }

    #[test]
    fn generated_names_look_like_kubernetes_ones() {
        let suffix = kubernetes_suffix(7, 5);
        assert_eq!(suffix.len(), 5);
        assert!(
            suffix
                .bytes()
                .all(|byte| KUBERNETES_ALPHABET.contains(&byte))
        );
        let id = uuid(7);
        assert_eq!(id.len(), 36);
        assert_eq!(
            id.split('-').map(str::len).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert_ne!(uuid(7), uuid(8));
    }
}
