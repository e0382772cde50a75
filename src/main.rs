//! The `carebook` binary: parse arguments, run, exit with the status the
//! command chose.

/// The router's workers allocate and free small strings and lists for
/// every message, and free on one thread what another allocated; glibc's
/// allocator spent a tenth of `simulate`'s time on that, mimalloc a
/// fraction of it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(carebook::cli::main());
}
