//! `tthc why FILE [cost|time|all]`: where each figure comes from.

use crate::output::{SettingsArgs, write_text};
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::metrics::Scenario;
use tthc::report::why::Figure;

/// Arguments of `tthc why`.
#[derive(clap::Args)]
pub struct Args {
    /// The procedure file.
    file: PathBuf,
    /// Which figure: cost, time or all (chi-phi, thoi-gian, tat-ca).
    #[arg(default_value = "all")]
    figure: Figure,
    /// Fee scenario: auto, in-person, online, post.
    #[arg(long)]
    scenario: Option<Scenario>,
    #[command(flatten)]
    settings: SettingsArgs,
}

pub fn run(args: Args) -> ExitCode {
    let (settings, a) = match super::metrics::analyse(&args.file, &args.settings, args.scenario) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let text = tthc::report::why::render(&a, args.figure, settings.lang);
    write_text(None, &text, settings.lang)
}
