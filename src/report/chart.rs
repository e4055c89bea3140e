//! A before/after bar chart as inline SVG (compliance cost and processing
//! time of the baseline and the draft).

use crate::i18n::Lang;
use crate::report::labels::Label;
use crate::report::text::html_escape as esc;
use std::fmt::Write;

/// One pair of bars.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarPair {
    /// What is measured.
    pub title: String,
    /// The change, shown after the title (`−77,44%`).
    pub change: String,
    /// Baseline value (scale only).
    pub before: u128,
    /// Draft value (scale only).
    pub after: u128,
    /// Baseline value as shown.
    pub before_text: String,
    /// Draft value as shown.
    pub after_text: String,
}

const WIDTH: i64 = 760;
const LABEL_W: i64 = 110;
const BAR_W: i64 = 440;
const ROW: i64 = 30;

/// The chart of `pairs`, each scaled to its own larger value.
///
/// ```
/// use tthc::{Lang, report::chart::{BarPair, render}};
/// let svg = render(&[BarPair { title: "Cost".into(), change: "−50%".into(), before: 10, after: 5,
///     before_text: "10".into(), after_text: "5".into() }], Lang::En);
/// assert_eq!(svg.matches("<rect class=\"bar").count(), 2);
/// ```
pub fn render(pairs: &[BarPair], lang: Lang) -> String {
    let group_h = 24 + 2 * ROW + 14;
    let height = 10 + i64::try_from(pairs.len()).unwrap_or(0) * group_h;
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="tthc-chart" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="DejaVu Sans, Noto Sans, Segoe UI, Arial, sans-serif" font-size="13" role="img" aria-label="{}">"#,
        esc(Label::ChartTitle.get(lang))
    );
    let mut y = 10;
    for p in pairs {
        let _ = write!(
            o,
            r##"<text x="0" y="{}" font-weight="bold" fill="#1b2635">{} <tspan font-weight="normal" fill="#2e7d32">{}</tspan></text>"##,
            y + 16,
            esc(&p.title),
            esc(&p.change)
        );
        let max = p.before.max(p.after);
        let bars = [
            (Label::Before, p.before, &p.before_text, "#9aa7b8", "before"),
            (Label::After, p.after, &p.after_text, "#1565c0", "after"),
        ];
        for (k, (label, v, text, colour, class)) in bars.into_iter().enumerate() {
            let top = y + 24 + i64::try_from(k).unwrap_or(0) * ROW;
            // Display scale only: a lossy float is fine here.
            let w = if max == 0 {
                0
            } else {
                ((v as f64 / max as f64) * BAR_W as f64).round() as i64
            };
            let _ = write!(
                o,
                r##"<text x="0" y="{}" fill="#425066">{}</text><rect class="bar {class}" x="{LABEL_W}" y="{top}" width="{}" height="{}" rx="3" fill="{colour}"/><text x="{}" y="{}" fill="#1b2635">{}</text>"##,
                top + 17,
                esc(label.get(lang)),
                w.max(2),
                ROW - 8,
                LABEL_W + w.max(2) + 8,
                top + 17,
                esc(text)
            );
        }
        y += group_h;
    }
    o.push_str("</svg>");
    o
}
