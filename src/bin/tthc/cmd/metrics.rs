//! `tthc metrics FILE`: structure, processing time and compliance cost.

use crate::output::{SettingsArgs, print_errors, write_text};
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tthc::metrics::Scenario;
use tthc::{Analysis, Settings};

/// Output format of `metrics` and `compare`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// Human-readable tables.
    Text,
    /// One JSON document (field names in docs/metrics.md).
    Json,
}

/// Arguments of `tthc metrics`.
#[derive(clap::Args)]
pub struct Args {
    /// The procedure file.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Fee scenario: auto (in person unless online is the only channel),
    /// in-person, online.
    #[arg(long)]
    scenario: Option<Scenario>,
    #[command(flatten)]
    settings: SettingsArgs,
}

/// The settings of `file` with the scenario applied, and its analysis;
/// errors printed.
pub fn analyse(
    file: &Path,
    args: &SettingsArgs,
    scenario: Option<Scenario>,
) -> Result<(Settings, Analysis), ExitCode> {
    let mut settings = (*args.for_file(file)?).clone();
    if let Some(s) = scenario {
        settings = settings.with_scenario(s);
    }
    match Analysis::from_file(file, &settings) {
        Ok(a) => Ok((settings, a)),
        Err(errors) => {
            print_errors(&errors, settings.lang);
            Err(ExitCode::from(2))
        }
    }
}

pub fn run(args: Args) -> ExitCode {
    let (settings, a) = match analyse(&args.file, &args.settings, args.scenario) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let text = match args.format {
        Format::Text => tthc::report::metrics::text(&a, settings.lang),
        Format::Json => tthc::report::metrics::json(&a, &args.file.display().to_string()) + "\n",
    };
    write_text(None, &text, settings.lang)
}
