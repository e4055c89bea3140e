//! `tthc compare BASELINE DRAFT`: every metric side by side, the elements
//! removed, added and changed, and the reduction targets.

use crate::cmd::metrics::{Format, cost_basis, load};
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::Lang;
use tthc::compare::{Target, compare_measured};
use tthc::metrics::{Scenario, measure_with, render};

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
    target: Vec<Target>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// YAML file overriding the default cost basis.
    #[arg(long)]
    cost_basis: Option<PathBuf>,
    /// Fee scenario for both: auto, in-person, online.
    #[arg(long, default_value = "auto")]
    scenario: Scenario,
    /// Language of the text output.
    #[arg(long, default_value = "en")]
    lang: Lang,
}

pub fn run(args: Args) -> ExitCode {
    let Some(basis) = cost_basis(args.cost_basis.as_deref(), args.lang) else {
        return ExitCode::from(2);
    };
    let baseline = load(&args.baseline, args.lang);
    let draft = load(&args.draft, args.lang);
    let (Some((bp, bg)), Some((dp, dg))) = (baseline, draft) else {
        return ExitCode::from(2);
    };
    let bm = measure_with(&bp, &bg, &basis, args.scenario);
    let dm = measure_with(&dp, &dg, &basis, args.scenario);
    let c = compare_measured(&bp, bm, &dp, dm, &args.target);
    match args.format {
        Format::Text => print!("{}", render::comparison_text(&bp, &dp, &c, args.lang)),
        Format::Json => {
            let mut doc = serde_json::json!({
                "files": {
                    "baseline": args.baseline.display().to_string(),
                    "draft": args.draft.display().to_string(),
                },
            });
            if let (Some(obj), Ok(serde_json::Value::Object(fields))) =
                (doc.as_object_mut(), serde_json::to_value(&c))
            {
                obj.extend(fields);
            }
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
    if c.targets_met() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
