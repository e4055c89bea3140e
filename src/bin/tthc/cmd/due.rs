//! `tthc due --from 2026-02-13T16:00 --days 7 [--unit working|calendar]
//! [--reception saturday-morning]`: the due date-time of a dossier.

use super::holidays::{emit, fail, load_calendar};
use clap::ValueEnum;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use tthc::calendar::{DateTime, ReceptionSchedule};
use tthc::{Duration, DurationUnit, Lang, parse_milli_amount};

/// Unit of `--days`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Unit {
    /// Working days (ngày làm việc).
    Working,
    /// Calendar days (ngày).
    Calendar,
    /// Working hours (giờ làm việc).
    Hours,
}

/// Arguments of `tthc due`.
#[derive(clap::Args)]
pub struct Args {
    /// When the complete dossier was received: YYYY-MM-DDTHH:MM (local
    /// time). With --reception: when it was submitted.
    #[arg(long)]
    from: String,
    /// The authority's reception schedule: `office-hours`, or extra
    /// half-days such as `saturday-morning` or "sáng thứ 7". The dossier
    /// counts as received at the next reception session after --from.
    #[arg(long)]
    reception: Option<String>,
    /// The duration amount (0.5 allowed); use --same-day for "trong ngày".
    #[arg(long, required_unless_present = "same_day")]
    days: Option<String>,
    /// Unit of --days.
    #[arg(long, value_enum, default_value = "working")]
    unit: Unit,
    /// A same-day ("trong ngày") procedure.
    #[arg(long, conflicts_with = "days")]
    same_day: bool,
    /// Also list the holidays and swaps skipped.
    #[arg(long, short)]
    verbose: bool,
    /// Extra holiday data (YAML, format tthc-holidays/1) added to the built-in data.
    #[arg(long)]
    holidays: Option<PathBuf>,
    /// Language of the output.
    #[arg(long)]
    lang: Option<Lang>,
}

pub fn run(args: Args) -> ExitCode {
    let lang = crate::output::resolve_lang(args.lang);
    let cal = match load_calendar(args.holidays.as_deref(), lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let from: DateTime = match args.from.parse() {
        Ok(t) => t,
        Err(e) => return fail(lang, &tthc::calendar::CalendarError::message(&e, lang)),
    };
    let reception: Option<ReceptionSchedule> = match args.reception.as_deref().map(str::parse) {
        None => None,
        Some(Ok(r)) => Some(r),
        Some(Err(e)) => return fail(lang, &e.message(lang)),
    };
    let duration = if args.same_day {
        Duration::same_day()
    } else {
        let text = args.days.unwrap_or_default();
        let milli = match parse_milli_amount(&text) {
            Ok(m) => m,
            Err(e) => return fail(lang, &e.to_string()),
        };
        let unit = match args.unit {
            Unit::Working => DurationUnit::WorkingDays,
            Unit::Calendar => DurationUnit::CalendarDays,
            Unit::Hours => DurationUnit::WorkingHours,
        };
        Duration::from_milli(milli, unit)
    };
    let schedule = match &reception {
        Some(r) => cal.processing_time_with_reception(from, &[duration], r),
        None => cal.processing_time_on_calendar(from, &[duration]),
    };
    let schedule = match schedule {
        Ok(s) => s,
        Err(e) => return fail(lang, &e.message(lang)),
    };
    let received = schedule.received;
    let due = schedule.due;
    let mut s = String::new();
    let _ = writeln!(s, "{due} ({})", due.date().weekday().name(lang));
    if let Some(r) = &reception {
        let _ = writeln!(
            s,
            "{}: {from}; {}: {received} ({}; {})",
            lang.pick("nộp", "submitted"),
            lang.pick("tiếp nhận", "received"),
            received.date().weekday().name(lang),
            r.describe(lang),
        );
    }
    if args.verbose {
        let _ = writeln!(s, "{}: {received}", lang.pick("tiếp nhận", "received"));
        let _ = writeln!(
            s,
            "{}: {}; {}: {} {}",
            lang.pick("thời hạn", "duration"),
            tthc::report::text::duration(duration, lang),
            lang.pick("tổng", "total"),
            tthc::format_milli(
                schedule.working_milli_days,
                if lang == Lang::Vi { ',' } else { '.' }
            ),
            lang.pick("ngày làm việc", "working days"),
        );
        // Every day from the clock start, counted or skipped with its
        // reason and basis: the one derivation `tthc why --from` shows too.
        match tthc::report::due::render(&cal, &schedule, lang) {
            Ok(days) => s.push_str(&days),
            Err(e) => return fail(lang, &e.message(lang)),
        }
    }
    emit(&s, lang)
}
