//! The step graph as a Mermaid flowchart (renders on GitHub and GitLab):
//! one subgraph per actor, the critical path as thick red links,
//! alternatives and rework loops as dotted labelled links.

use crate::checked::CheckedProcedure;
use crate::graph::EdgeKind;
use crate::i18n::Lang;
use crate::report::labels::{self, Label};
use crate::report::layout::WRAP;
use crate::report::marks::{Marks, actor_groups};
use crate::report::text::{milli, wrap};
use std::fmt::Write;

/// Escapes text for a quoted Mermaid label (`"…"`): Mermaid's entity codes
/// for the characters that end or break a label.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn label(text: &str) -> String {
    wrap(text, WRAP)
        .iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("<br/>")
}

/// Renders the step graph of `p` as a Mermaid `flowchart LR`.
///
/// ```
/// use tthc::{CheckedProcedure, Lang, report::{marks::Marks, mermaid}};
/// let p = CheckedProcedure::from_yaml_str(
///     "format: tthc/1\nname: X\nsteps:\n  a: { name: \"Nộp \\\"hồ sơ\\\"\", actor: applicant, next: [b] }\n  b: { name: Cấp, actor: Sở X }\n",
///     "x.yaml",
/// ).unwrap();
/// let m = mermaid::render(&p, &Marks::default(), Lang::Vi);
/// assert!(m.starts_with("flowchart LR"));
/// assert!(m.contains("#quot;hồ sơ#quot;"));
/// ```
pub fn render(checked: &CheckedProcedure, marks: &Marks, lang: Lang) -> String {
    let (p, g) = (checked.procedure(), checked.graph());
    let mut o = String::from("flowchart LR\n");
    let lanes = actor_groups(p, lang);
    for (k, (name, members)) in lanes.iter().enumerate() {
        let _ = writeln!(o, "  subgraph lane{k}[\"{}\"]", escape(name));
        for &i in members {
            let Some(s) = p.steps.get(i) else { continue };
            let mut text = label(&s.name);
            let f = marks.findings_of(i);
            if f.count > 0 {
                let _ = write!(text, "<br/>⚠ {}", labels::findings_count(f.count, lang));
            }
            let (open, close) = if s.actor.is_applicant() {
                ("([\"", "\"])")
            } else {
                ("[\"", "\"]")
            };
            let _ = writeln!(o, "    s{i}{open}{text}{close}");
        }
        o.push_str("  end\n");
    }
    let mut critical_links = Vec::new();
    for (link, (from, to, kind)) in g.edges().enumerate() {
        let critical = marks.critical_edges.contains(&(from, to));
        let arrow = match kind {
            _ if critical => {
                critical_links.push(link);
                "==>".to_string()
            }
            EdgeKind::Choice { rank } if rank > 0 => {
                format!("-. \"{}\" .->", escape(Label::Or.get(lang)))
            }
            _ => "-->".to_string(),
        };
        let _ = writeln!(o, "  s{from} {arrow} s{to}");
    }
    for rw in g.reworks() {
        let pct = milli(u128::from(rw.probability_ppm) / 10, lang);
        let _ = writeln!(
            o,
            "  s{} -. \"{} {pct}%\" .-> s{}",
            rw.from,
            escape(Label::Rework.get(lang)),
            rw.to
        );
    }
    o.push_str("  classDef applicant fill:#fff3dc,stroke:#d08300\n");
    o.push_str("  classDef critical stroke:#c62828,stroke-width:3px\n");
    let applicants: Vec<String> = p
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.actor.is_applicant())
        .map(|(i, _)| format!("s{i}"))
        .collect();
    if !applicants.is_empty() {
        let _ = writeln!(o, "  class {} applicant", applicants.join(","));
    }
    let critical: Vec<String> = (0..p.steps.len())
        .filter(|&i| marks.is_critical(i))
        .map(|i| format!("s{i}"))
        .collect();
    if !critical.is_empty() {
        let _ = writeln!(o, "  class {} critical", critical.join(","));
    }
    if !critical_links.is_empty() {
        let ids: Vec<String> = critical_links.iter().map(usize::to_string).collect();
        let _ = writeln!(
            o,
            "  linkStyle {} stroke:#c62828,stroke-width:3px",
            ids.join(",")
        );
    }
    o
}
