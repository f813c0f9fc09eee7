//! The Prometheus configuration: one scrape job for the demo exporter.

use crate::DemoError;

/// The configuration file's text for scraping `scrape_target` every `scrape_interval_secs`.
pub(super) fn render(scrape_target: &str, scrape_interval_secs: u32) -> Result<String, DemoError> {
    validate_target(scrape_target)?;
    if scrape_interval_secs == 0 {
        return Err(DemoError::InvalidOption {
            option: "scrape_interval_secs",
            reason: "must be at least 1".to_owned(),
        });
    }
    // The scrape timeout may not exceed the interval (Prometheus refuses the file otherwise),
    // and the default timeout (10 s) is longer than the default interval here (5 s).
    Ok(format!(
        "# Written by obs-demo for a development Prometheus; removed with it.\n\
         global:\n  \
           scrape_interval: {scrape_interval_secs}s\n  \
           scrape_timeout: {scrape_interval_secs}s\n\
         scrape_configs:\n  \
           - job_name: obs-demo\n    \
             # The demo series carry their own job, instance and namespace labels, like the\n    \
             # exporters they imitate; keeping them makes each scraped series continue its\n    \
             # backfilled history instead of starting a new one.\n    \
             honor_labels: true\n    \
             metrics_path: /metrics\n    \
             static_configs:\n      \
               - targets: [\"{scrape_target}\"]\n"
    ))
}

/// `host:port` with a numeric port, and nothing that could break out of the YAML string.
fn validate_target(target: &str) -> Result<(), DemoError> {
    let invalid = |reason: &str| DemoError::InvalidOption {
        option: "scrape_target",
        reason: format!("`{target}` {reason}; expected host:port, e.g. 127.0.0.1:8091"),
    };
    if target.chars().any(|character| {
        character.is_whitespace() || character.is_control() || "\"\\'#".contains(character)
    }) {
        return Err(invalid("contains spaces, quotes or control characters"));
    }
    let (host, port) = target
        .rsplit_once(':')
        .ok_or_else(|| invalid("has no port"))?;
    if host.is_empty() {
        return Err(invalid("has no host"));
    }
    port.parse::<u16>()
        .map_err(|_| invalid("has no valid port"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_scrape_job_that_honors_labels() {
        let text = render("127.0.0.1:8091", 5).unwrap();
        assert!(text.contains("scrape_interval: 5s\n"));
        assert!(text.contains("scrape_timeout: 5s\n"));
        assert!(text.contains("    honor_labels: true\n"));
        assert!(text.contains("      - targets: [\"127.0.0.1:8091\"]\n"));
    }

    #[test]
    fn rejects_bad_options() {
        for (target, interval_secs) in [
            ("", 5),
            ("127.0.0.1", 5),
            (":80", 5),
            ("a:b", 5),
            ("x\":1", 5),
            ("h:1 #", 5),
            ("h:1", 0),
        ] {
            assert!(
                render(target, interval_secs).is_err(),
                "{target:?} {interval_secs}"
            );
        }
        assert!(render("localhost:9100", 1).is_ok());
    }
}
