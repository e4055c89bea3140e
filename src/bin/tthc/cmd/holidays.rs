//! `tthc holidays 2026`: the days off and make-up days of a year.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tthc::Lang;
use tthc::calendar::Calendar;

/// Arguments of `tthc holidays`.
#[derive(clap::Args)]
pub struct Args {
    /// The solar year (1900–2100).
    year: i32,
    /// Extra holiday data (YAML, format tthc-holidays/1) added to the built-in data.
    #[arg(long)]
    holidays: Option<PathBuf>,
    /// Language of the output (default: $TTHC_LANG, then `lang:` in
    /// tthc.yaml, then vi).
    #[arg(long)]
    lang: Option<Lang>,
}

/// The built-in calendar, extended with the data file at `path` if given.
pub fn load_calendar(path: Option<&Path>) -> Result<Calendar, String> {
    match path {
        None => Ok(Calendar::vietnam()),
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            Calendar::with_data(&text).map_err(|e| format!("{}: {e}", p.display()))
        }
    }
}

pub fn run(args: Args) -> ExitCode {
    let lang = crate::output::resolve_lang(args.lang);
    let fail = |msg: String| {
        eprintln!("{}: {msg}", lang.pick("lỗi", "error"));
        ExitCode::from(2)
    };
    let cal = match load_calendar(args.holidays.as_deref()) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let entries = match cal.calendar_entries(args.year) {
        Ok(e) => e,
        Err(e) => return fail(e.to_string()),
    };
    println!(
        "{:<10}  {:<9}  {:<20}  {}",
        lang.pick("ngày", "date"),
        lang.pick("thứ", "weekday"),
        lang.pick("loại", "kind"),
        lang.pick("tên", "name"),
    );
    let mut assumed = false;
    for h in &entries {
        let mark = if h.assumed { " *" } else { "" };
        assumed |= h.assumed;
        println!(
            "{:<10}  {:<9}  {:<20}  {}{mark}",
            h.date.to_string(),
            h.date.weekday().name(lang),
            h.kind.label(lang),
            h.name.get(lang),
        );
    }
    let off = entries.iter().filter(|h| h.kind.is_day_off()).count();
    println!(
        "{off} {}",
        lang.pick(
            "ngày nghỉ (kể cả ngày lễ trùng cuối tuần)",
            "days off (including holidays on weekends)"
        )
    );
    if assumed {
        println!(
            "* {}",
            lang.pick(
                "ngày theo quy tắc mặc định, chưa có thông báo trong dữ liệu",
                "default rule: no announcement for this year in the data"
            )
        );
    }
    ExitCode::SUCCESS
}
