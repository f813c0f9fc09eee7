//! What a page holds, measured after a garbage collection: the figures the host tests compare
//! before and after mounting and unmounting the plugin many times.

use serde_json::{Value, json};

use crate::Tab;

/// Live things in one page at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Figures {
    /// Event listeners attached anywhere in the page (DevTools' `JSEventListeners`).
    pub listeners: u64,
    /// DOM nodes alive, attached or not (DevTools' `Nodes`).
    pub nodes: u64,
    /// Observers still observing, intervals not cleared, fetches not settled, timeouts and
    /// animation frames pending (the probe's counts).
    pub observers: u64,
    pub intervals: u64,
    pub fetches: u64,
    pub timeouts: u64,
    pub frames: u64,
    /// The JavaScript heap in use after a full garbage collection, in bytes.
    pub js_heap_bytes: u64,
    /// The plugin's WebAssembly memory, in bytes (0 before it loads).
    pub wasm_memory_bytes: u64,
}

impl Figures {
    /// The heap the page's scripts and the plugin use together.
    pub fn memory_bytes(&self) -> u64 {
        self.js_heap_bytes + self.wasm_memory_bytes
    }

    /// One line for a report.
    pub fn row(&self, label: &str) -> String {
        format!(
            "{label:<28} {:>9} {:>7} {:>9} {:>9} {:>7} {:>8} {:>6} {:>9.1} {:>9.1}",
            self.listeners,
            self.nodes,
            self.observers,
            self.intervals,
            self.fetches,
            self.timeouts,
            self.frames,
            self.js_heap_bytes as f64 / 1_048_576.0,
            self.wasm_memory_bytes as f64 / 1_048_576.0,
        )
    }

    pub fn header() -> String {
        format!(
            "{:<28} {:>9} {:>7} {:>9} {:>9} {:>7} {:>8} {:>6} {:>9} {:>9}",
            "",
            "listeners",
            "nodes",
            "observers",
            "intervals",
            "fetches",
            "timeouts",
            "frames",
            "heap MiB",
            "wasm MiB"
        )
    }
}

impl Tab {
    /// Adds the probe (`probe.js`) to every document this tab opens from now on.
    pub async fn install_probe(&self) -> Result<(), String> {
        self.cdp("Performance.enable", json!({})).await?;
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": include_str!("probe.js") }),
        )
        .await
        .map(|_| ())
    }

    /// Collects garbage, then reads the figures.
    pub async fn figures(&self) -> Result<Figures, String> {
        let js_heap_bytes = self.heap_after_gc().await?;
        let metrics = self.metrics().await?;
        let metric = |name: &str| metrics.get(name).copied().unwrap_or(0.0) as u64;
        let page = self
            .eval(
                "const probe = window.obsProbe ? window.obsProbe.counts() : {};\
                 const plugin = window.observabilityWasm && window.observabilityWasm.diagnostics\
                   ? window.observabilityWasm.diagnostics() : {};\
                 return { probe, plugin };",
                Vec::new(),
            )
            .await?;
        let count = |value: &Value| value.as_u64().unwrap_or(0);
        Ok(Figures {
            listeners: metric("JSEventListeners"),
            nodes: metric("Nodes"),
            observers: count(&page["probe"]["observers"]),
            intervals: count(&page["probe"]["intervals"]),
            fetches: count(&page["probe"]["fetches"]),
            timeouts: count(&page["probe"]["timeouts"]),
            frames: count(&page["probe"]["frames"]),
            js_heap_bytes,
            wasm_memory_bytes: count(&page["plugin"]["wasmMemoryBytes"]),
        })
    }

    /// The JavaScript heap in use, in bytes, after full garbage collections.
    pub async fn heap_after_gc(&self) -> Result<u64, String> {
        // Twice: what the first collection frees can hold more that only the second frees.
        for _ in 0..2 {
            self.cdp("HeapProfiler.collectGarbage", json!({})).await?;
        }
        let heap = self.cdp("Runtime.getHeapUsage", json!({})).await?;
        Ok(heap["usedSize"].as_f64().unwrap_or(0.0) as u64)
    }

    /// DevTools' performance metrics of the page (`Nodes`, `JSEventListeners`, …) by name.
    pub async fn metrics(&self) -> Result<std::collections::BTreeMap<String, f64>, String> {
        self.cdp("Performance.enable", json!({})).await?;
        let metrics = self.cdp("Performance.getMetrics", json!({})).await?;
        Ok(metrics["metrics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|metric| {
                Some((
                    metric["name"].as_str()?.to_owned(),
                    metric["value"].as_f64()?,
                ))
            })
            .collect())
    }
}
