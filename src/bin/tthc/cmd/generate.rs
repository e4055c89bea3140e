//! `tthc generate DIR --count N --seed S` (hidden): writes a deterministic
//! synthetic catalog, for benchmarks and memory measurements of `audit`.

use std::path::PathBuf;
use std::process::ExitCode;
use tthc::catalog::synthetic::procedure_yaml;

/// Files per sub-directory, so that no directory grows huge.
const PER_DIR: u64 = 1_000;

/// Arguments of `tthc generate`.
#[derive(clap::Args)]
pub struct Args {
    /// Directory to write into (created if needed).
    dir: PathBuf,
    /// Number of procedures.
    #[arg(long, default_value_t = 1_000)]
    count: u64,
    /// Seed of the generator: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

pub fn run(args: Args) -> ExitCode {
    for i in 0..args.count {
        let dir = args.dir.join(format!("{:03}", i / PER_DIR));
        if i % PER_DIR == 0
            && let Err(e) = std::fs::create_dir_all(&dir)
        {
            eprintln!("error: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
        let path = dir.join(format!("p{i:06}.yaml"));
        if let Err(e) = std::fs::write(&path, procedure_yaml(args.seed, i)) {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
