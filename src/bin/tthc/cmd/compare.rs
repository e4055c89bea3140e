//! `tthc compare BASELINE DRAFT`: every metric side by side, the elements
//! removed, added and changed, and the reduction targets.

use crate::cmd::metrics::{Format, analyse};
use crate::output::{SettingsArgs, print_error, write_text};
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::Comparison;
use tthc::analysis::Target;
use tthc::metrics::Scenario;

/// Arguments of `tthc compare`.
#[derive(clap::Args)]
pub struct Args {
    /// The procedure as it is (or as it was in the base year).
    baseline: PathBuf,
    /// The simplified draft.
    draft: PathBuf,
    /// Targets to check: nq68-2020, nq66-2025, nq66-2026, or a custom cut
    /// (25, cost=25, time=30, cost=25,time=30). Exit status 1 if one is missed.
    #[arg(long)]
    target: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Fee scenario for both: auto, in-person, online.
    #[arg(long)]
    scenario: Option<Scenario>,
    #[command(flatten)]
    settings: SettingsArgs,
}

pub fn run(args: Args) -> ExitCode {
    // Read here, not by clap, so that a wrong target is told in the
    // language of the settings.
    let mut targets: Vec<Target> = Vec::with_capacity(args.target.len());
    for text in &args.target {
        match tthc::analysis::parse_target(text) {
            Ok(t) => targets.push(t),
            Err((vi, en)) => {
                print_error(args.settings.lang_hint(), &vi, &en);
                return ExitCode::from(2);
            }
        }
    }
    // Both are valued on the draft's settings (Comparison re-values the
    // baseline when its basis differs).
    let baseline = analyse(&args.baseline, &args.settings, args.scenario);
    let draft = analyse(&args.draft, &args.settings, args.scenario);
    let (Ok((_, b)), Ok((settings, d))) = (baseline, draft) else {
        return ExitCode::from(2);
    };
    let lang = settings.lang;
    let c = Comparison::new(&b, &d, &targets);
    let text = match args.format {
        Format::Text => {
            tthc::report::metrics::comparison_text(b.procedure(), d.procedure(), &c, lang)
        }
        Format::Json => {
            tthc::report::metrics::comparison_json(
                &c,
                &args.baseline.display().to_string(),
                &args.draft.display().to_string(),
            ) + "\n"
        }
    };
    let written = write_text(None, &text, lang);
    if written != ExitCode::SUCCESS {
        return written;
    }
    if c.targets_met() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
