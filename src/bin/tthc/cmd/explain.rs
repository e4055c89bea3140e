//! `tthc explain TT304` (or `tthc explain certified-copy-required`): print
//! a rule's full explanation.

use crate::output::{SettingsArgs, print_error, write_text};
use std::process::ExitCode;
use tthc::rules::{explanation, find};

/// Arguments of `tthc explain`.
#[derive(clap::Args)]
pub struct Args {
    /// Rule code (`TT304`) or name (`certified-copy-required`).
    rule: String,
    #[command(flatten)]
    settings: SettingsArgs,
}

pub fn run(args: Args) -> ExitCode {
    let lang = match args.settings.global() {
        Ok(s) => s.lang,
        Err(code) => return code,
    };
    match find(&args.rule) {
        Some(info) => write_text(None, &explanation(info, lang), lang),
        None => {
            print_error(
                lang,
                &format!("không có quy tắc `{}`: xem `tthc rules`", args.rule),
                &format!("unknown rule `{}`: see `tthc rules`", args.rule),
            );
            ExitCode::from(2)
        }
    }
}
