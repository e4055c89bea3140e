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
    /// Which figure: cost, time, all, or reduction (with --baseline)
    /// (chi-phi, thoi-gian, tat-ca, cat-giam).
    #[arg(default_value = "all")]
    figure: Figure,
    /// The current procedure FILE is a draft of: explains the reduction
    /// (figure `reduction`, the default with this flag).
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// When the complete dossier was received, YYYY-MM-DDTHH:MM: explains
    /// its due date (figure `due`, the default with this flag).
    #[arg(long)]
    from: Option<String>,
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
    let lang = settings.lang;
    let text = match (&args.baseline, args.figure) {
        (Some(base), Figure::Reduction | Figure::All) => {
            let b = match super::metrics::analyse(base, &args.settings, args.scenario) {
                Ok((_, b)) => b,
                Err(code) => return code,
            };
            let c = tthc::analysis::Comparison::new(&b, &a, &[]);
            tthc::report::why::render_reduction(&b, &a, &c, lang)
        }
        (_, Figure::Due | Figure::All) if args.from.is_some() || args.figure == Figure::Due => {
            let Some(from) = args.from.as_deref() else {
                crate::output::print_error(
                    lang,
                    "hạn tính từ lúc nào? thêm `--from 2026-02-13T16:00` (lúc nhận đủ hồ sơ)",
                    "due from when? add `--from 2026-02-13T16:00` (when the complete dossier was received)",
                );
                return ExitCode::from(2);
            };
            let received = match from.parse() {
                Ok(t) => t,
                Err(e) => {
                    let m = tthc::calendar::CalendarError::message(&e, lang);
                    crate::output::print_error(lang, &m, &m);
                    return ExitCode::from(2);
                }
            };
            tthc::report::why::render_due(&a, &settings.calendar, received, lang)
        }
        (None, Figure::Reduction) => {
            crate::output::print_error(
                lang,
                "cắt giảm so với bản nào? thêm `--baseline TỆP` (thủ tục hiện hành)",
                "a reduction against what? add `--baseline FILE` (the current procedure)",
            );
            return ExitCode::from(2);
        }
        _ => tthc::report::why::render(&a, args.figure, lang),
    };
    write_text(None, &text, lang)
}
