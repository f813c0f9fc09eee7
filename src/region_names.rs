//! Unique names for the dashboard's regions. Rows and panels are `<section>`s named by their
//! titles, which screen readers list as landmarks; two with one name cannot be told apart
//! (axe's `landmark-unique`), and real dashboards repeat titles ("Uptime" in two rows). A
//! title shared by several mounted regions is numbered after the first: "Uptime (2)".

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

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

    /// A region under the current owner, which leaves its title when the owner is cleaned
    /// up. `None` without [`RegionNames::provide`] above: the title is then the name.
    pub fn enter() -> Option<Region> {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        let names = use_context::<Self>()?;
        let region = Region {
            names,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            registered: Arc::new(Mutex::new(None)),
        };
        let leaving = region.clone();
        on_cleanup(move || {
            if let Ok(mut registered) = leaving.registered.lock()
                && let Some(title) = registered.take()
            {
                leaving.leave(&title);
            }
        });
        Some(region)
    }

    /// The name of a region titled `title`: the title, numbered when another mounted region
    /// has the same one. Without [`RegionNames::provide`] above, the title itself.
    pub fn name_of(title: Signal<String>) -> Signal<String> {
        let Some(region) = Self::enter() else {
            return title;
        };
        // The registry follows the title, which can hold a variable's value: the other
        // regions read it, so this is the outside world of this region.
        let registering = region.clone();
        Effect::new(move |_| registering.register(&title.get()));
        let name = Memo::new(move |_| region.name(&title.get()));
        name.into()
    }
}

/// One mounted region's place among the regions of its title ([`RegionNames::enter`]).
#[derive(Debug, Clone)]
pub struct Region {
    names: RegionNames,
    id: u64,
    /// The title last registered, kept outside the reactive system so the cleanup can read it
    /// after the region's signals are gone.
    registered: Arc<Mutex<Option<String>>>,
}

impl Region {
    /// Registers the region under `title`, leaving the title it had; nothing when it is the
    /// same. The other regions of both titles read the registry: this is the outside world.
    pub fn register(&self, title: &str) {
        let Ok(mut registered) = self.registered.lock() else {
            return;
        };
        if registered.as_deref() == Some(title) {
            return;
        }
        if let Some(previous) = registered.replace(title.to_owned()) {
            self.leave(&previous);
        }
        drop(registered);
        if let Some(holders) = self.names.holders(title) {
            holders.update(|ids| {
                if !ids.contains(&self.id) {
                    ids.push(self.id);
                }
            });
        }
    }

    /// The region's name under `title` (registered): the title, numbered after the first
    /// region of that title. Reads, and so tracks, the regions of the title.
    pub fn name(&self, title: &str) -> String {
        let rank = self
            .names
            .holders(title)
            .and_then(|holders| holders.with(|ids| ids.iter().position(|held| *held == self.id)));
        match rank {
            Some(rank) if rank > 0 => format!("{} ({})", title.trim_end(), rank + 1),
            _ => title.to_owned(),
        }
    }

    fn leave(&self, title: &str) {
        if let Some(holders) = self.names.holders(title) {
            holders.try_update(|ids| ids.retain(|held| *held != self.id));
        }
    }
}
