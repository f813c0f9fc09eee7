//! A development aid: `OBS_BENCH_CPU_PROFILE=<dir>` writes Chromium's CPU profile of each case
//! to that directory. Profiling slows the page, so figures measured with it set compare only
//! with each other.

use std::path::PathBuf;

use obs_e2e::Harness;
use serde_json::json;

/// A CPU profile being recorded, when `OBS_BENCH_CPU_PROFILE` names a directory.
pub struct CpuProfile {
    dir: PathBuf,
}

impl CpuProfile {
    /// Starts recording, sampling every `interval_us` microseconds; `None` when not asked for.
    pub async fn start(harness: &Harness, interval_us: u32) -> Result<Option<Self>, String> {
        let Some(dir) = std::env::var_os("OBS_BENCH_CPU_PROFILE").map(PathBuf::from) else {
            return Ok(None);
        };
        harness.cdp("Profiler.enable", json!({})).await?;
        harness
            .cdp(
                "Profiler.setSamplingInterval",
                json!({"interval": interval_us}),
            )
            .await?;
        harness.cdp("Profiler.start", json!({})).await?;
        Ok(Some(Self { dir }))
    }

    /// Stops recording and writes `<name>.cpuprofile`. Called whether or not the case
    /// succeeded, so the profiler never runs on into the next case.
    pub async fn finish(self, harness: &Harness, name: &str) -> Result<(), String> {
        let profile = harness.cdp("Profiler.stop", json!({})).await?;
        let path = self.dir.join(format!("{name}.cpuprofile"));
        std::fs::write(&path, profile["profile"].to_string())
            .map_err(|error| format!("{}: {error}", path.display()))
    }
}
