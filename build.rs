// `sqlx::migrate!` embeds `migrations/` when the crate compiles, but cargo does not know
// the macro read that directory: without this line a new migration file is left out of
// an incremental build (the binary then runs without it, silently).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
