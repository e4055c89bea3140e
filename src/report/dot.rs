//! The step graph in Graphviz DOT: one cluster per actor, the critical path
//! in red, alternatives dashed and labelled, rework loops as dashed edges
//! that do not constrain the ranking.

use crate::checked::CheckedProcedure;
use crate::graph::EdgeKind;
use crate::i18n::Lang;
use crate::report::labels::{self, Label};
use crate::report::layout::WRAP;
use crate::report::marks::{Marks, actor_groups};
use crate::report::text::{duration, milli, wrap};
use std::fmt::Write;

/// Quotes text as a DOT string: `"…"` with `\` and `"` escaped and line
/// breaks as `\n`.
///
/// ```
/// assert_eq!(tthc::report::dot::quote("a \"b\"\\c\nd"), r#""a \"b\"\\c\nd""#);
/// ```
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Renders the step graph of `p` as a DOT `digraph`.
pub fn render(checked: &CheckedProcedure, marks: &Marks, lang: Lang) -> String {
    let (p, g) = (checked.procedure(), checked.graph());
    let mut o = String::new();
    let _ = writeln!(o, "digraph {} {{", quote(&p.name));
    o.push_str("  rankdir=LR;\n  newrank=true;\n");
    o.push_str("  graph [fontname=\"DejaVu Sans\", fontsize=12, labelloc=t];\n");
    let _ = writeln!(o, "  label={};", quote(&p.name));
    o.push_str("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#4a6fa5\", fontname=\"DejaVu Sans\", fontsize=11];\n");
    o.push_str("  edge [color=\"#5f6b7a\", fontname=\"DejaVu Sans\", fontsize=10];\n");
    let lanes = actor_groups(p, lang);
    for (k, (name, members)) in lanes.iter().enumerate() {
        let _ = writeln!(o, "  subgraph cluster_{k} {{");
        let _ = writeln!(
            o,
            "    label={};\n    style=filled;\n    color=\"#e9eef6\";",
            quote(name)
        );
        for &i in members {
            let Some(s) = p.steps.get(i) else { continue };
            let mut text = wrap(&s.name, WRAP).join("\n");
            if let Some(d) = s.duration.filter(|_| !s.actor.is_applicant()) {
                text.push('\n');
                text.push_str(&duration(d, lang));
            }
            let f = marks.findings_of(i);
            if f.count > 0 {
                let _ = write!(text, "\n[{}]", labels::findings_count(f.count, lang));
            }
            let mut attrs = vec![format!("label={}", quote(&text))];
            if s.actor.is_applicant() {
                attrs.push("fillcolor=\"#fff3dc\", color=\"#d08300\"".to_string());
            }
            if marks.is_critical(i) {
                attrs.push("color=\"#c62828\", penwidth=2.5".to_string());
            }
            let _ = writeln!(o, "    {} [{}];", quote(&s.id), attrs.join(", "));
        }
        o.push_str("  }\n");
    }
    let id = |i: usize| quote(p.steps.get(i).map_or("", |s| s.id.as_str()));
    for (from, to, kind) in g.edges() {
        let attrs = if marks.critical_edges.contains(&(from, to)) {
            " [color=\"#c62828\", penwidth=3]".to_string()
        } else if matches!(kind, EdgeKind::Choice { rank } if rank > 0) {
            format!(
                " [style=dashed, color=\"#8a8f98\", label={}]",
                quote(Label::Or.get(lang))
            )
        } else {
            String::new()
        };
        let _ = writeln!(o, "  {} -> {}{attrs};", id(from), id(to));
    }
    for rw in g.reworks() {
        let pct = milli(u128::from(rw.probability_ppm) / 10, lang);
        let _ = writeln!(
            o,
            "  {} -> {} [style=dashed, color=\"#7b1fa2\", fontcolor=\"#7b1fa2\", constraint=false, label={}];",
            id(rw.from),
            id(rw.to),
            quote(&format!("{} {pct}%", Label::Rework.get(lang)))
        );
    }
    o.push_str("}\n");
    o
}
