//! `tthc lunar 2026-02-17`: the Vietnamese lunar date of a solar date.

use super::holidays::{emit, fail};
use std::fmt::Write as _;
use std::process::ExitCode;
use tthc::Lang;
use tthc::calendar::{Date, LunarDate};

/// Arguments of `tthc lunar`.
#[derive(clap::Args)]
pub struct Args {
    /// A solar date, YYYY-MM-DD (1900–2100).
    date: String,
    /// Language of the output (default: $TTHC_LANG, then `lang:` in
    /// tthc.yaml, then vi).
    #[arg(long)]
    lang: Option<Lang>,
}

pub fn run(args: Args) -> ExitCode {
    let lang = crate::output::resolve_lang(args.lang);
    let result = args
        .date
        .parse::<Date>()
        .and_then(|d| LunarDate::from_solar(d).map(|l| (d, l)));
    let (date, lunar) = match result {
        Ok(x) => x,
        Err(e) => return fail(lang, &e.message(lang)),
    };
    let leap = if lunar.leap {
        lang.pick("có", "yes")
    } else {
        lang.pick("không", "no")
    };
    let year_name = match lang {
        Lang::Vi => lunar.year_name(),
        Lang::En => format!(
            "{} (year of the {})",
            lunar.year_name(),
            lunar.year_animal_en()
        ),
    };
    let mut s = String::new();
    let _ = writeln!(s, "{date} ({}) = {lunar}", date.weekday().name(lang));
    let _ = writeln!(
        s,
        "{}: {}, {}: {}, {}: {}, {}: {leap}",
        lang.pick("ngày", "day"),
        lunar.day,
        lang.pick("tháng", "month"),
        lunar.month,
        lang.pick("năm", "year"),
        year_name,
        lang.pick("tháng nhuận", "leap month"),
    );
    emit(&s, lang)
}
