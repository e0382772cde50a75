//! The `carebook` binary: parse arguments, run, exit with the status the
//! command chose.

fn main() {
    std::process::exit(carebook::cli::main());
}
