//! Identifiers derived from content, stable across scans and restarts.
//!
//! FNV-1a is used because it is tiny and its output never changes, unlike `DefaultHasher`,
//! whose algorithm may change between Rust releases.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// A second offset basis, so two hashes of the same key give 128 bits for a UUID.
const FNV_OFFSET_ALT: u64 = 0x6c62_272e_07bb_0142;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A UUID-shaped id for a key such as `persesdashboards/<namespace>/<name>`.
pub(crate) fn stable_uid(key: &str) -> String {
    let high = fnv1a64(FNV_OFFSET, key.as_bytes());
    let low = fnv1a64(FNV_OFFSET_ALT, key.as_bytes());
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0xffff,
        low >> 48,
        low & 0xffff_ffff_ffff
    )
}

/// A decimal resourceVersion that changes when the content changes.
pub(crate) fn content_version(content: &str) -> String {
    fnv1a64(FNV_OFFSET, content.as_bytes()).to_string()
}

fn fnv1a64(offset: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(offset, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(FNV_PRIME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_are_stable_and_distinct() {
        let a = stable_uid("ns/a");
        assert_eq!(a, stable_uid("ns/a"));
        assert_ne!(a, stable_uid("ns/b"));
        assert_eq!(a.len(), 36);
        assert_ne!(content_version("x"), content_version("y"));
    }
}
