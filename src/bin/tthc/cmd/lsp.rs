//! `tthc lsp`: the language server, over stdin and stdout, for editors.

use crate::output::{SettingsArgs, print_error};
use std::process::ExitCode;

/// Arguments of `tthc lsp`.
#[derive(clap::Args)]
pub struct Args {
    /// Accepted for clients that pass it (VS Code's generic clients do);
    /// stdio is the only transport.
    #[arg(long, hide = true)]
    stdio: bool,
    #[command(flatten)]
    settings: SettingsArgs,
}

pub fn run(args: Args) -> ExitCode {
    let _ = args.stdio;
    match tthc::lsp::serve_stdio(args.settings.overrides()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let detail = e.to_string();
            print_error(
                args.settings.lang_hint(),
                &format!("máy chủ ngôn ngữ dừng: {detail}"),
                &format!("the language server stopped: {detail}"),
            );
            ExitCode::FAILURE
        }
    }
}
