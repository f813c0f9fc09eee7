//! The history backfill: generate OpenMetrics, import it with promtool, top it up.
//!
//! Prometheus refuses scraped samples older than its newest block ("out of bounds"), so the
//! history must end before the first scrape; to leave no gap it must also end as late as
//! possible. The main import covers the requested span up to the step grid's last point before
//! "now"; it takes a while, so a second, small import then fills the time it took at the scrape
//! interval's resolution, ending moments before Prometheus starts.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tokio::process::Command;

use crate::{DemoError, Tool, write_openmetrics_history};

/// What the backfill did.
#[derive(Clone, Copy, Debug)]
pub(super) struct Backfill {
    /// The last backfilled timestamp: live scrapes continue after it.
    pub(super) end_ms: i64,
    /// Time spent generating the history files.
    pub(super) generate: Duration,
    /// Time spent in promtool.
    pub(super) import: Duration,
}

/// Backfills `span_secs` of history ending now into `data_dir`, sampled every `step_secs`, then
/// tops it up every `top_up_step_secs` until the moment it is done.
pub(super) async fn run(
    promtool: &Path,
    work_dir: &Path,
    data_dir: &Path,
    span_secs: u64,
    step_secs: u32,
    top_up_step_secs: u32,
) -> Result<Backfill, DemoError> {
    let step_ms = i64::from(step_secs.max(1)) * 1_000;
    let span_ms = i64::try_from(span_secs)
        .unwrap_or(i64::MAX / 4)
        .saturating_mul(1_000);
    let mut timings = Backfill {
        end_ms: 0,
        generate: Duration::ZERO,
        import: Duration::ZERO,
    };

    // Aligned to the step, so history samples sit on round timestamps (…:00, …:30).
    let end_ms = now_ms().div_euclid(step_ms) * step_ms;
    // promtool picks the largest standard block range (2 h × 3ⁿ) at most this long; three times
    // the span guarantees one that covers it, so the history takes one or two blocks.
    let max_block_hours = span_secs.saturating_mul(3).div_ceil(3_600).max(2);
    import(
        promtool,
        work_dir,
        data_dir,
        (end_ms.saturating_sub(span_ms), end_ms, step_ms),
        max_block_hours,
        &mut timings,
    )
    .await?;
    timings.end_ms = end_ms;

    let top_up_step_ms = i64::from(top_up_step_secs.clamp(1, step_secs.max(1))) * 1_000;
    let top_up_end_ms = end_ms + (now_ms() - end_ms).div_euclid(top_up_step_ms) * top_up_step_ms;
    if top_up_end_ms > end_ms {
        let steps = (end_ms + top_up_step_ms, top_up_end_ms, top_up_step_ms);
        import(promtool, work_dir, data_dir, steps, 2, &mut timings).await?;
        timings.end_ms = top_up_end_ms;
    }
    Ok(timings)
}

/// Writes `(start_ms, end_ms, step_ms)` of history to a file, imports it and removes the file.
async fn import(
    promtool: &Path,
    work_dir: &Path,
    data_dir: &Path,
    (start_ms, end_ms, step_ms): (i64, i64, i64),
    max_block_hours: u64,
    timings: &mut Backfill,
) -> Result<(), DemoError> {
    let history_path = work_dir.join(format!("history-{start_ms}.om"));
    let generate_started = Instant::now();
    let path = history_path.clone();
    // Generation is CPU-bound for seconds: keep it off the async workers.
    tokio::task::spawn_blocking(move || write_history_file(&path, start_ms, end_ms, step_ms))
        .await
        .map_err(|join_error| {
            DemoError::io("write the history to", &history_path)(std::io::Error::other(join_error))
        })??;
    timings.generate += generate_started.elapsed();

    let import_started = Instant::now();
    let output = Command::new(promtool)
        .args(["tsdb", "create-blocks-from", "openmetrics", "--quiet"])
        // One block may span the whole history: promtool parses the file once per block.
        .arg(format!("--max-block-duration={max_block_hours}h"))
        .arg(&history_path)
        .arg(data_dir)
        .stdin(Stdio::null())
        .kill_on_drop(true)
        .output()
        .await
        .map_err(|source| DemoError::Spawn {
            tool: Tool::Promtool,
            program: promtool.to_path_buf(),
            source,
        })?;
    timings.import += import_started.elapsed();
    std::fs::remove_file(&history_path).map_err(DemoError::io("remove", &history_path))?;

    if !output.status.success() {
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        return Err(DemoError::Backfill {
            status: output.status.to_string(),
            output: last_lines(&text, 20),
        });
    }
    Ok(())
}

fn write_history_file(
    path: &PathBuf,
    start_ms: i64,
    end_ms: i64,
    step_ms: i64,
) -> Result<(), DemoError> {
    let file = File::create(path).map_err(DemoError::io("create", path))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    write_openmetrics_history(&mut out, start_ms, end_ms, step_ms)
        .and_then(|()| out.flush())
        .map_err(DemoError::io("write the history to", path))
}

/// The current unix time in milliseconds.
pub(super) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}

/// The last `count` lines of `text`.
pub(super) fn last_lines(text: &str, count: usize) -> String {
    let total = text.lines().count();
    text.lines()
        .skip(total.saturating_sub(count))
        .collect::<Vec<_>>()
        .join("\n")
}
