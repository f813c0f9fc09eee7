//! Unique names for the dashboard's regions. Rows and panels are `<section>`s named by their
//! titles, which screen readers list as landmarks; two with one name cannot be told apart
//! (axe's `landmark-unique`), and real dashboards repeat titles ("Uptime" in two rows). A
//! title shared by several mounted regions is numbered after the first: "Uptime (2)".

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use leptos::prelude::*;

/// For each title, the ids of the mounted regions that carry it, in mount order. One signal
/// per title, so a region mounting wakes only the regions of its own title; reference
/// counted, so it outlives the region that first named the title.
#[derive(Debug, Clone, Copy)]
pub struct RegionNames(StoredValue<HashMap<String, ArcRwSignal<Vec<u64>>>>);

impl RegionNames {
    /// Gives the regions created under the current owner one set of names.
    pub fn provide() {
        provide_context(Self(StoredValue::new(HashMap::new())));
    }

    /// The ids carrying `title`; `None` once the dashboard is gone (a region's cleanup can
    /// run after it).
    /// Titles are told apart as screen readers and axe-core tell names apart: ignoring case
    /// and runs of white space ("Client Workloads" and "CLIENT WORKLOADS" are one name).
    fn holders(self, title: &str) -> Option<ArcRwSignal<Vec<u64>>> {
        let key =
            obs_core::case::lowercase(&title.split_whitespace().collect::<Vec<_>>().join(" "));
        if let Some(holders) = self.0.try_with_value(|titles| titles.get(&key).cloned())? {
            return Some(holders);
        }
        let holders = ArcRwSignal::new(Vec::new());
        let stored = holders.clone();
        self.0.try_update_value(|titles| {
            titles.insert(key, stored);
        })?;
        Some(holders)
    }

    /// The name of a region titled `title`: the title, numbered when another mounted region
    /// has the same one. Without [`RegionNames::provide`] above, the title itself.
    pub fn name_of(title: Signal<String>) -> Signal<String> {
        let Some(names) = use_context::<Self>() else {
            return title;
        };
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        let leave = move |title: &str| {
            if let Some(holders) = names.holders(title) {
                holders.try_update(|ids| ids.retain(|held| *held != id));
            }
        };
        // The title last registered, kept outside the reactive system so the cleanup can
        // read it after the region's signals are gone.
        let current = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let registered = std::sync::Arc::clone(&current);
        // The registry follows the title, which can hold a variable's value: the other
        // regions read it, so this is the outside world of this region.
        Effect::new(move |previous: Option<String>| {
            let title = title.get();
            if let Some(previous) = previous.filter(|previous| *previous != title) {
                leave(&previous);
            }
            if let Some(holders) = names.holders(&title) {
                holders.update(|ids| {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                });
            }
            if let Ok(mut held) = registered.lock() {
                held.clone_from(&title);
            }
            title
        });
        on_cleanup(move || {
            if let Ok(title) = current.lock() {
                leave(&title);
            }
        });
        let name = Memo::new(move |_| {
            let title = title.get();
            let rank = names
                .holders(&title)
                .and_then(|holders| holders.with(|ids| ids.iter().position(|held| *held == id)));
            match rank {
                Some(rank) if rank > 0 => format!("{} ({})", title.trim_end(), rank + 1),
                _ => title,
            }
        });
        name.into()
    }
}
