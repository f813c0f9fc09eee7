#[cfg(target_arch = "wasm32")]
fn main() {
    odh_observability::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("odh-observability is a browser app: build it with `trunk build` (see README.md)");
}
