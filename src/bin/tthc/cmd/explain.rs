//! `tthc explain TT304` (or `tthc explain certified-copy-required`): print
//! a rule's full explanation.

use std::process::ExitCode;
use tthc::Lang;
use tthc::rules::{explanation, find};

/// Arguments of `tthc explain`.
#[derive(clap::Args)]
pub struct Args {
    /// Rule code (TT304) or name (certified-copy-required).
    rule: String,
    /// Language of the explanation.
    #[arg(long, default_value = "en")]
    lang: Lang,
}

pub fn run(args: Args) -> ExitCode {
    match find(&args.rule) {
        Some(info) => {
            print!("{}", explanation(info, args.lang));
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "{}",
                args.lang.pick(
                    &format!("không có quy tắc `{}`: xem `tthc rules`", args.rule),
                    &format!("unknown rule `{}`: see `tthc rules`", args.rule),
                )
            );
            ExitCode::from(2)
        }
    }
}
