#!/usr/bin/env python3
"""The size of the page's WebAssembly per crate, from `twiggy top -f csv` on the module cargo
built (before wasm-bindgen and wasm-opt, while it still has function names).

Each function is counted under the first crate its demangled name mentions (a generic
function of `core` or `serde` instantiated for one of our types counts under that crate's
path as written first); data segments are "(data)". wasm-bindgen's describe functions and
custom sections, which wasm-bindgen removes, are left out.

    twiggy top -n 1000000 -f csv module.wasm | scripts/wasm-sizes.py [ROWS]
"""

import collections
import csv
import re
import sys

# A crate's name, then `::`; names mangled in Rust's v0 scheme (the build-std release build)
# carry the crate's disambiguator: `obs_core[e47b09f3a4decb7b]::dashboard`.
CRATE = re.compile(r"([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::")
REMOVED_BY_WASM_BINDGEN = ("__wbindgen_describe", "custom section", '"function names"', "export ")


def crate_of(name: str) -> str | None:
    if name.startswith(REMOVED_BY_WASM_BINDGEN) or name.startswith("Σ"):
        return None
    if name.startswith("data segment"):
        return "(data)"
    match = CRATE.search(name)
    return match.group(1) if match else "(unnamed)"


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    sizes: collections.Counter[str] = collections.Counter()
    for record in csv.DictReader(sys.stdin):
        crate = crate_of(record["Name"])
        if crate is not None:
            sizes[crate] += int(record["ShallowSize"])
    total = sum(sizes.values())
    if total == 0:
        print("wasm sizes: no functions found (was the module built without names?)")
        return
    print(f"WebAssembly code and data by crate, before wasm-bindgen and wasm-opt: {total // 1024} KB")
    for crate, size in sizes.most_common(rows):
        print(f"  {crate:<24} {size // 1024:>6} KB {100 * size / total:5.1f} %")


if __name__ == "__main__":
    main()
