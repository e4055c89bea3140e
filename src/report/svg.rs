//! The step graph as a standalone SVG picture (no scripts, no external
//! fonts or styles): swimlanes per actor, the critical path in red,
//! alternatives dashed and labelled, rework loops as dashed back-edges,
//! finding badges, and a legend.
//!
//! Every step is a `<g class="step" data-step="ID">`; edges are
//! `<path class="edge …">` with `critical`, `choice` or `rework` added.

use crate::checked::CheckedProcedure;
use crate::diagnostic::Severity;
use crate::graph::{EdgeKind, StepGraph};
use crate::i18n::Lang;
use crate::model::Procedure;
use crate::report::labels::Label;
use crate::report::layout::{
    self, DETAIL_FONT, DETAIL_LINE, FONT, LINE, Layout, MARGIN, NodeBox, PAD, text_width,
};
use crate::report::marks::Marks;
use crate::report::text::html_escape as esc;
use std::fmt::Write;

const EDGE: &str = "#5f6b7a";
const CRITICAL: &str = "#c62828";
const ALTERNATIVE: &str = "#8a8f98";
const REWORK: &str = "#7b1fa2";
const APPLICANT_FILL: &str = "#fff3dc";
const APPLICANT_STROKE: &str = "#d08300";
const AGENCY_FILL: &str = "#ffffff";
const AGENCY_STROKE: &str = "#4a6fa5";
const FONTS: &str = "DejaVu Sans, Noto Sans, Segoe UI, Arial, sans-serif";
const LEGEND_H: i64 = 34;

/// Renders the step graph of `p` with `marks` highlighted.
///
/// ```
/// use tthc::{CheckedProcedure, Lang, report::{marks::Marks, svg}};
/// let p = CheckedProcedure::from_yaml_str(
///     "format: tthc/1\nname: X\nsteps:\n  a: { name: Nộp hồ sơ, actor: applicant, next: [b] }\n  b: { name: Cấp phép, actor: Sở X, duration: 5 ngày làm việc }\n",
///     "x.yaml",
/// ).unwrap();
/// let marks = Marks::new(&p, &["a".into(), "b".into()], &[]);
/// let picture = svg::render(&p, &marks, Lang::Vi);
/// assert_eq!(picture.matches(r#"class="step""#).count(), 2);
/// assert!(picture.contains(r#"class="edge critical""#));
/// ```
pub fn render(p: &CheckedProcedure, marks: &Marks, lang: Lang) -> String {
    render_with_id(p, marks, lang, "tthc-graph")
}

/// [`render`] with a prefix for the ids inside the picture, so that two
/// pictures can share one HTML page.
pub fn render_with_id(checked: &CheckedProcedure, marks: &Marks, lang: Lang, id: &str) -> String {
    draw(checked, marks, lang, id, false)
}

/// [`render_with_id`] for embedding in a page: no fixed pixel size, only
/// the `viewBox` and `width="100%"`, so the picture scales to its container
/// (the window, or the printed page's width) and keeps its proportions. In an
/// English picture the names from the file are marked `lang="vi"`.
pub fn render_scalable(checked: &CheckedProcedure, marks: &Marks, lang: Lang, id: &str) -> String {
    draw(checked, marks, lang, id, true)
}

fn draw(checked: &CheckedProcedure, marks: &Marks, lang: Lang, id: &str, fluid: bool) -> String {
    let (p, g) = (checked.procedure(), checked.graph());
    let l = layout::layout(checked, lang);
    let legend = legend_items(lang);
    let legend_w: i64 = legend.iter().map(|(_, w)| *w).sum::<i64>() + 2 * MARGIN;
    let width = l.width.max(legend_w.min(1100)).max(480);
    let legend_rows = legend_rows(&legend, width);
    let height = l.height + LEGEND_H * legend_rows + MARGIN;
    let id = esc(id);
    let mut o = String::with_capacity(1024 + p.steps.len() * 700);
    let _ = write!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="tthc-graph" id="{id}" {} viewBox="0 0 {width} {height}" font-family="{FONTS}" font-size="{FONT}" role="img" aria-labelledby="{id}-title"><title id="{id}-title">{}: {}</title>"#,
        if fluid {
            r#"width="100%""#.to_string()
        } else {
            format!(r#"width="{width}" height="{height}""#)
        },
        esc(Label::GraphTitle.get(lang)),
        esc(&p.name)
    );
    defs(&mut o, &id);
    lanes(&mut o, &l, width, lang);
    edges(&mut o, p, g, marks, &l, lang, &id);
    nodes(&mut o, p, marks, &l, lang);
    draw_legend(&mut o, &legend, width, l.height, &id);
    o.push_str("</svg>");
    o
}

fn defs(o: &mut String, id: &str) {
    o.push_str("<defs>");
    for (name, colour) in [
        ("arrow", EDGE),
        ("arrow-critical", CRITICAL),
        ("arrow-choice", ALTERNATIVE),
        ("arrow-rework", REWORK),
    ] {
        let _ = write!(
            o,
            r#"<marker id="{id}-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>"#
        );
    }
    o.push_str("</defs>");
}

fn lanes(o: &mut String, l: &Layout, width: i64, lang: Lang) {
    for (i, lane) in l.lanes.iter().enumerate() {
        let (fill, label_fill) = match (&lane.agency, i % 2) {
            (None, _) => ("#fffaf0", "#fde9c4"),
            (Some(_), 0) => ("#f4f7fb", "#dfe7f2"),
            (Some(_), _) => ("#fbfcfe", "#e9eef6"),
        };
        let _ = write!(
            o,
            r##"<g class="lane" data-lane="{i}"><rect x="{MARGIN}" y="{}" width="{}" height="{}" fill="{fill}" stroke="#c9d3e0"/><rect x="{MARGIN}" y="{}" width="{}" height="{}" fill="{label_fill}" stroke="#c9d3e0"/>"##,
            lane.y,
            width - 2 * MARGIN,
            lane.h,
            lane.y,
            layout::LANE_LABEL_W,
            lane.h
        );
        let count = i64::try_from(lane.lines.len()).unwrap_or(0);
        let top = lane.y + (lane.h - count * LINE) / 2 + LINE - 4;
        let _ = write!(
            o,
            r##"<text x="{}" y="{top}" font-weight="bold" font-size="12" fill="#25364d"{}>"##,
            MARGIN + 10,
            // An agency's name comes from the file: Vietnamese.
            if lane.agency.is_some() && lang == Lang::En {
                r#" lang="vi""#
            } else {
                ""
            }
        );
        for (k, line) in lane.lines.iter().enumerate() {
            let dy = if k == 0 { 0 } else { LINE };
            let _ = write!(
                o,
                r#"<tspan x="{}" dy="{dy}">{}</tspan>"#,
                MARGIN + 10,
                esc(line)
            );
        }
        o.push_str("</text></g>");
    }
}

fn mid_right(n: &NodeBox) -> (i64, i64) {
    (n.x + n.w, n.y + n.h / 2)
}

fn mid_left(n: &NodeBox) -> (i64, i64) {
    (n.x, n.y + n.h / 2)
}

fn edges(
    o: &mut String,
    p: &Procedure,
    g: &StepGraph,
    marks: &Marks,
    l: &Layout,
    lang: Lang,
    id: &str,
) {
    let mut labels = String::new();
    for (from, to, kind) in g.edges() {
        let (Some(a), Some(b)) = (l.nodes.get(from), l.nodes.get(to)) else {
            continue;
        };
        let (x1, y1) = mid_right(a);
        let (x2, y2) = mid_left(b);
        let dx = ((x2 - x1) / 2).max(24);
        let critical = marks.critical_edges.contains(&(from, to));
        let alternative = matches!(kind, EdgeKind::Choice { rank } if rank > 0);
        let (class, colour, width, dash, marker) = if critical {
            ("edge critical", CRITICAL, 3, "", "arrow-critical")
        } else if alternative {
            (
                "edge choice",
                ALTERNATIVE,
                2,
                r#" stroke-dasharray="7 5""#,
                "arrow-choice",
            )
        } else {
            ("edge", EDGE, 2, "", "arrow")
        };
        let _ = write!(
            o,
            r#"<path class="{class}" data-from="{}" data-to="{}" d="M{x1},{y1} C{},{y1} {},{y2} {},{y2}" fill="none" stroke="{colour}" stroke-width="{width}"{dash} marker-end="url(#{id}-{marker})"/>"#,
            esc(step_id(p, from)),
            esc(step_id(p, to)),
            x1 + dx,
            x2 - dx,
            x2 - 1
        );
        if let EdgeKind::Choice { rank } = kind
            && rank > 0
        {
            let (mx, my) = ((x1 + x2) / 2, (y1 + y2) / 2 - 6);
            let _ = write!(
                labels,
                r##"<text class="edge-label" x="{mx}" y="{my}" text-anchor="middle" font-size="11" font-style="italic" fill="{EDGE}" stroke="#ffffff" stroke-width="4" paint-order="stroke">{}</text>"##,
                esc(Label::Or.get(lang))
            );
        }
    }
    for rw in g.reworks() {
        let (Some(a), Some(b)) = (l.nodes.get(rw.from), l.nodes.get(rw.to)) else {
            continue;
        };
        let (x1, y1) = (a.x + a.w / 2, a.y + a.h);
        let (x2, y2) = (b.x + b.w / 2, b.y + b.h);
        let arc = y1.max(y2) + layout::REWORK_ROOM - 18;
        let spread = if rw.from == rw.to { a.w / 3 } else { 0 };
        let _ = write!(
            o,
            r#"<path class="edge rework" data-from="{}" data-to="{}" d="M{x1},{y1} C{},{arc} {},{arc} {x2},{}" fill="none" stroke="{REWORK}" stroke-width="2" stroke-dasharray="4 4" marker-end="url(#{id}-arrow-rework)"/>"#,
            esc(step_id(p, rw.from)),
            esc(step_id(p, rw.to)),
            x1 + spread,
            x2 - spread,
            y2 + 1
        );
        let pct = crate::report::text::milli(u128::from(rw.probability_ppm) / 10, lang);
        let _ = write!(
            labels,
            r##"<text class="edge-label" x="{}" y="{}" text-anchor="middle" font-size="11" fill="{REWORK}" stroke="#ffffff" stroke-width="4" paint-order="stroke">{} {pct}%</text>"##,
            (x1 + x2) / 2,
            (y1 + y2 + 6 * arc) / 8 + 15,
            esc(Label::Rework.get(lang))
        );
    }
    o.push_str(&labels);
}

fn step_id(p: &Procedure, i: usize) -> &str {
    p.steps.get(i).map_or("", |s| s.id.as_str())
}

fn nodes(o: &mut String, p: &Procedure, marks: &Marks, l: &Layout, lang: Lang) {
    for (i, (step, n)) in p.steps.iter().zip(&l.nodes).enumerate() {
        let applicant = step.actor.is_applicant();
        let critical = marks.is_critical(i);
        let (fill, stroke, rx) = if applicant {
            (APPLICANT_FILL, APPLICANT_STROKE, 16)
        } else {
            (AGENCY_FILL, AGENCY_STROKE, 4)
        };
        let (stroke, sw) = if critical { (CRITICAL, 3) } else { (stroke, 1) };
        let actor = step
            .actor_name()
            .unwrap_or_else(|| Label::Applicant.get(lang).to_string());
        let _ = write!(
            o,
            r#"<g class="step" data-step="{}" data-actor="{}"{}><title>{} — {}</title><rect x="{}" y="{}" width="{}" height="{}" rx="{rx}" fill="{fill}" stroke="{stroke}" stroke-width="{sw}"/>"#,
            esc(&step.id),
            if applicant { "applicant" } else { "agency" },
            if critical {
                r#" data-critical="true""#
            } else {
                ""
            },
            esc(&step.name),
            esc(&actor),
            n.x,
            n.y,
            n.w,
            n.h
        );
        let cx = n.x + n.w / 2;
        let _ = write!(
            o,
            r##"<text x="{cx}" y="{}" text-anchor="middle" fill="#1b2635"{}>"##,
            n.y + PAD + LINE - 4,
            // The step's name comes from the file: Vietnamese.
            if lang == Lang::En {
                r#" lang="vi""#
            } else {
                ""
            }
        );
        for (k, line) in n.lines.iter().enumerate() {
            let dy = if k == 0 { 0 } else { LINE };
            let _ = write!(o, r#"<tspan x="{cx}" dy="{dy}">{}</tspan>"#, esc(line));
        }
        o.push_str("</text>");
        if let Some(d) = &n.detail {
            let count = i64::try_from(n.lines.len()).unwrap_or(0);
            let _ = write!(
                o,
                r##"<text class="detail" x="{cx}" y="{}" text-anchor="middle" font-size="{DETAIL_FONT}" fill="#5b6675">{}</text>"##,
                n.y + PAD + count * LINE + DETAIL_LINE - 3,
                esc(d)
            );
        }
        let f = marks.findings_of(i);
        if f.count > 0 {
            let colour = severity_colour(f.worst);
            let _ = write!(
                o,
                r##"<g class="badge" data-findings="{}"><circle cx="{}" cy="{}" r="11" fill="{colour}" stroke="#ffffff" stroke-width="2"/><text x="{}" y="{}" text-anchor="middle" font-size="11" font-weight="bold" fill="#ffffff">{}</text></g>"##,
                f.count,
                n.x + n.w - 2,
                n.y + 2,
                n.x + n.w - 2,
                n.y + 6,
                f.count
            );
        }
        o.push_str("</g>");
    }
}

/// Badge colour of a severity.
pub fn severity_colour(s: Option<Severity>) -> &'static str {
    match s {
        Some(Severity::Error) => "#d32f2f",
        Some(Severity::Warn) => "#b45000",
        _ => "#1565c0",
    }
}

#[derive(Clone, Copy)]
enum Sample {
    Applicant,
    Agency,
    Critical,
    Choice,
    Rework,
    Badge,
}

fn legend_items(lang: Lang) -> Vec<((Sample, &'static str), i64)> {
    [
        (Sample::Applicant, Label::LegendApplicantStep),
        (Sample::Agency, Label::LegendAgencyStep),
        (Sample::Critical, Label::LegendCritical),
        (Sample::Choice, Label::LegendChoice),
        (Sample::Rework, Label::LegendRework),
        (Sample::Badge, Label::LegendFindings),
    ]
    .into_iter()
    .map(|(s, l)| {
        let text = l.get(lang);
        let w = 44 + text_width(text.chars().count()) * 12 / FONT + 28;
        ((s, text), w)
    })
    .collect()
}

fn legend_rows(items: &[((Sample, &'static str), i64)], width: i64) -> i64 {
    let mut rows = 1;
    let mut x = MARGIN;
    for (_, w) in items {
        if x + w > width - MARGIN && x > MARGIN {
            rows += 1;
            x = MARGIN;
        }
        x += w;
    }
    rows
}

fn draw_legend(
    o: &mut String,
    items: &[((Sample, &'static str), i64)],
    width: i64,
    top: i64,
    id: &str,
) {
    o.push_str(r#"<g class="legend" font-size="12">"#);
    let mut x = MARGIN;
    let mut y = top + 6;
    for ((sample, text), w) in items {
        if x + w > width - MARGIN && x > MARGIN {
            x = MARGIN;
            y += LEGEND_H;
        }
        let cy = y + 12;
        match sample {
            Sample::Applicant | Sample::Agency => {
                let (fill, stroke, rx) = if matches!(sample, Sample::Applicant) {
                    (APPLICANT_FILL, APPLICANT_STROKE, 9)
                } else {
                    (AGENCY_FILL, AGENCY_STROKE, 3)
                };
                let _ = write!(
                    o,
                    r#"<rect x="{x}" y="{}" width="36" height="18" rx="{rx}" fill="{fill}" stroke="{stroke}"/>"#,
                    cy - 9
                );
            }
            Sample::Critical | Sample::Choice | Sample::Rework => {
                let (colour, dash, marker, sw) = match sample {
                    Sample::Critical => (CRITICAL, "", "arrow-critical", 3),
                    Sample::Choice => {
                        (ALTERNATIVE, r#" stroke-dasharray="7 5""#, "arrow-choice", 2)
                    }
                    _ => (REWORK, r#" stroke-dasharray="4 4""#, "arrow-rework", 2),
                };
                let _ = write!(
                    o,
                    r#"<path d="M{x},{cy} L{},{cy}" stroke="{colour}" stroke-width="{sw}"{dash} marker-end="url(#{id}-{marker})"/>"#,
                    x + 34
                );
            }
            Sample::Badge => {
                let _ = write!(
                    o,
                    r##"<circle cx="{}" cy="{cy}" r="10" fill="{}"/><text x="{}" y="{}" text-anchor="middle" font-size="11" font-weight="bold" fill="#ffffff">2</text>"##,
                    x + 18,
                    severity_colour(Some(Severity::Warn)),
                    x + 18,
                    cy + 4
                );
            }
        }
        let _ = write!(
            o,
            r##"<text x="{}" y="{}" fill="#25364d">{}</text>"##,
            x + 44,
            cy + 4,
            esc(text)
        );
        x += w;
    }
    o.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::finding::Finding;
    use crate::i18n::Text;

    fn load(yaml: &str) -> (CheckedProcedure, crate::metrics::ProcessingTime) {
        let p = CheckedProcedure::from_yaml_str(yaml, "t.yaml").unwrap();
        let t = crate::metrics::measure(&p, &crate::CostBasis::default()).processing_time;
        (p, t)
    }

    const CHOICE: &str = "format: tthc/1\nname: \"<script>alert(1)</script> & co\"\nsteps:\n  nop: { name: Nộp hồ sơ, actor: applicant, effort: { hours: 0.5, trips: 1 }, next: [xet] }\n  xet: { name: \"Xem xét <b>hồ sơ</b>\", actor: \"Sở \\\"A\\\" & B\", duration: 5 ngày làm việc, choice: [cap, tu-choi], rework: { to: nop, probability: 0.1 } }\n  cap: { name: Cấp phép, actor: \"Sở \\\"A\\\" & B\", duration: 1 ngày làm việc }\n  tu-choi: { name: Từ chối, actor: \"Sở \\\"A\\\" & B\" }\n";

    #[test]
    fn one_step_node_per_step_and_critical_edges_marked() {
        let (p, t) = load(CHOICE);
        assert_eq!(t.critical_path, vec!["nop", "xet", "cap"]);
        let marks = Marks::new(&p, &t.critical_path, &[]);
        let s = render(&p, &marks, Lang::Vi);
        assert_eq!(s.matches(r#"<g class="step""#).count(), 4);
        for id in ["nop", "xet", "cap", "tu-choi"] {
            assert!(s.contains(&format!(r#"data-step="{id}""#)), "{id}");
        }
        assert_eq!(s.matches(r#"class="edge critical""#).count(), 2);
        assert!(s.contains(r#"class="edge critical" data-from="nop" data-to="xet""#));
        assert!(s.contains(r#"class="edge critical" data-from="xet" data-to="cap""#));
        assert!(s.contains(r#"class="edge choice" data-from="xet" data-to="tu-choi""#));
        assert!(s.contains(r#"class="edge rework" data-from="xet" data-to="nop""#));
        assert!(s.contains(">hoặc<"));
        assert!(s.contains("bổ sung 10%"));
        assert_eq!(s.matches(r#"data-critical="true""#).count(), 3);
        assert!(s.contains("5 ngày làm việc"));
        assert!(s.contains("0,5 giờ · 1 lượt đi lại"));
    }

    #[test]
    fn text_is_escaped() {
        let (p, _t) = load(CHOICE);
        let s = render(&p, &Marks::default(), Lang::En);
        assert!(!s.contains("<script>"));
        assert!(!s.contains("<b>"));
        assert!(s.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        assert!(s.contains("Sở &quot;A&quot; &amp; B"));
        assert!(s.contains("Xem xét &lt;b&gt;hồ"));
        // Every attribute quote is balanced: an even number of quotes per tag.
        for tag in s.split('<').skip(1) {
            let head = tag.split('>').next().unwrap_or("");
            assert_eq!(head.matches('"').count() % 2, 0, "{head}");
        }
    }

    #[test]
    fn badges_count_findings_of_steps_and_their_documents() {
        let (p, _t) = load(
            "format: tthc/1\nname: X\ndocuments:\n  d: { name: D, form: certified_copy }\nsteps:\n  a: { name: A, actor: applicant, submits: [d], next: [b] }\n  b: { name: B, actor: S }\n",
        );
        let finding = |element: &str, severity| Finding {
            code: "TT000".into(),
            name: "x".into(),
            severity,
            message: Text::new("m", "m"),
            origin: "t.yaml".into(),
            element: Some(crate::element::ElementPath::from_text(element)),
            location: None,
            related: Vec::new(),
            legal_basis: None,
            suggestion: None,
            saving: None,
            fix: None,
        };
        let findings = [
            finding("documents.d.form", Severity::Warn),
            finding("steps.a.effort", Severity::Error),
            finding("fees", Severity::Error),
        ];
        let marks = Marks::new(&p, &[], &findings);
        let s = render(&p, &marks, Lang::En);
        assert_eq!(s.matches(r#"class="badge""#).count(), 1);
        assert!(s.contains(r#"data-findings="2""#));
        assert!(s.contains(severity_colour(Some(Severity::Error))));
    }

    #[test]
    fn renders_a_2000_step_procedure() {
        // A chain with side branches and reworks, 2,000 steps, 20 agencies.
        let mut yaml = String::from("format: tthc/1\nname: Lớn\nsteps:\n");
        for i in 0..2000 {
            let actor = if i % 7 == 0 {
                "applicant".to_string()
            } else {
                format!("Cơ quan {}", i % 20)
            };
            let mut next = Vec::new();
            if i + 1 < 2000 {
                next.push(format!("s{}", i + 1));
            }
            if i + 5 < 2000 && i % 3 == 0 {
                next.push(format!("s{}", i + 5));
            }
            let rework = if i % 50 == 49 {
                format!(", rework: {{ to: s{}, probability: 0.1 }}", i - 10)
            } else {
                String::new()
            };
            yaml.push_str(&format!(
                "  s{i}: {{ name: Bước số {i} xem xét hồ sơ, actor: {actor}, duration: 1 ngày làm việc, next: [{}]{rework} }}\n",
                next.join(", ")
            ));
        }
        let (p, t) = load(&yaml);
        let marks = Marks::new(&p, &t.critical_path, &[]);
        let s = render(&p, &marks, Lang::Vi);
        assert_eq!(s.matches(r#"<g class="step""#).count(), 2000);
        assert!(s.ends_with("</svg>"));
    }
}
