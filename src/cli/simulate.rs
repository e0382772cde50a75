pub fn run(_: SimulateArgs) -> i32 {
    0
}
#[derive(Debug, clap::Args)]
pub struct SimulateArgs {}
