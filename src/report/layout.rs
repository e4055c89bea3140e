//! A layered layout of the step graph, in pure Rust.
//!
//! Steps go left to right by their longest-path layer from the starts (one
//! pass in topological order), in horizontal swimlanes, one per actor (the
//! applicant first, then agencies in file order). Within a layer and lane,
//! steps are ordered by the barycentre of their neighbours, two sweeps down
//! and up, to reduce crossings. Each sweep sorts the layers, so the whole
//! layout is O((V + E) log V); nothing enumerates paths.
//!
//! Text is measured by character count (no font metrics are available
//! without a dependency); the constants leave room for DejaVu Sans or Arial
//! and Vietnamese diacritics.

use crate::checked::CheckedProcedure;
use crate::graph::StepGraph;
use crate::i18n::Lang;
use crate::model::{Actor, Step};
use crate::report::labels::Label;
use crate::report::text::{duration, hours, wrap};
use std::collections::HashMap;

/// Font size of step names, px.
pub const FONT: i64 = 13;
/// Line height of step names, px (room for stacked Vietnamese marks).
pub const LINE: i64 = 17;
/// Font size of the detail line under a step name, px.
pub const DETAIL_FONT: i64 = 11;
/// Line height of the detail line, px.
pub const DETAIL_LINE: i64 = 15;
/// Estimated average glyph width at [`FONT`], px.
pub const CHAR_W: f64 = 7.4;
/// Inner padding of a step box, px.
pub const PAD: i64 = 10;
/// Smallest step box width, px.
pub const NODE_W: i64 = 200;
/// Characters per line of a step name.
pub const WRAP: usize = 24;
/// Width of the lane-label column, px.
pub const LANE_LABEL_W: i64 = 150;
/// Characters per line of a lane label.
pub const LANE_WRAP: usize = 18;
/// Horizontal gap between layers, px.
pub const GAP_X: i64 = 64;
/// Vertical gap between steps in one cell, px.
pub const GAP_Y: i64 = 22;
/// Padding above and below the steps of a lane, px.
pub const LANE_PAD: i64 = 20;
/// Extra room below a lane whose steps send or receive a rework loop, px.
pub const REWORK_ROOM: i64 = 46;
/// Outer margin, px.
pub const MARGIN: i64 = 16;

/// Where one step is drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeBox {
    /// Left edge.
    pub x: i64,
    /// Top edge.
    pub y: i64,
    /// Width.
    pub w: i64,
    /// Height.
    pub h: i64,
    /// Longest-path layer from the starts (column).
    pub layer: usize,
    /// Swimlane index.
    pub lane: usize,
    /// The step name, wrapped.
    pub lines: Vec<String>,
    /// A short second line: duration of an agency step, effort of an applicant step.
    pub detail: Option<String>,
}

/// One swimlane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    /// The agency, or `None` for the applicant.
    pub agency: Option<String>,
    /// Top edge.
    pub y: i64,
    /// Height.
    pub h: i64,
    /// The lane label, wrapped.
    pub lines: Vec<String>,
}

/// The laid-out graph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Per step index.
    pub nodes: Vec<NodeBox>,
    /// Swimlanes, top to bottom.
    pub lanes: Vec<Lane>,
    /// Width of the drawing.
    pub width: i64,
    /// Height of the lanes (the legend goes below).
    pub height: i64,
}

/// Estimated width of `chars` characters at [`FONT`].
pub fn text_width(chars: usize) -> i64 {
    // Float only for the estimate; the result is a whole pixel count.
    (chars as f64 * CHAR_W).ceil() as i64
}

fn detail(step: &Step, lang: Lang) -> Option<String> {
    if step.actor.is_applicant() {
        let mut parts = Vec::new();
        if step.effort.milli_hours > 0 {
            parts.push(hours(step.effort.milli_hours.into(), lang));
        }
        match (step.effort.trips, lang) {
            (0, _) => {}
            (1, Lang::En) => parts.push("1 trip".to_string()),
            (t, _) => parts.push(format!("{t} {}", Label::Trip.get(lang))),
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    } else {
        step.duration.map(|d| duration(d, lang))
    }
}

/// Lays out the steps of `p`.
pub fn layout(checked: &CheckedProcedure, lang: Lang) -> Layout {
    let (p, g) = (checked.procedure(), checked.graph());
    let n = p.steps.len().min(g.len());
    // Layers: longest path from the starts, one topological pass.
    let mut layer = vec![0usize; n];
    for &v in g.topological_order() {
        let next = layer.get(v).map_or(0, |l| l + 1);
        for (t, _) in g.successors(v) {
            if let Some(slot) = layer.get_mut(t) {
                *slot = (*slot).max(next);
            }
        }
    }
    let layers = layer.iter().max().map_or(0, |m| m + 1);

    // Lanes: applicant first, then agencies in file order.
    let mut lane_of_agency: HashMap<&str, usize> = HashMap::new();
    let mut lanes: Vec<Lane> = Vec::new();
    let has_applicant = p.steps.iter().any(|s| s.actor.is_applicant());
    if has_applicant {
        lanes.push(Lane {
            agency: None,
            y: 0,
            h: 0,
            lines: wrap(Label::Applicant.get(lang), LANE_WRAP),
        });
    }
    let mut lane = vec![0usize; n];
    for (i, s) in p.steps.iter().enumerate().take(n) {
        lane[i] = match &s.actor {
            Actor::Applicant => 0,
            Actor::Agency(name) => *lane_of_agency.entry(name.as_str()).or_insert_with(|| {
                lanes.push(Lane {
                    agency: Some(name.clone()),
                    y: 0,
                    h: 0,
                    lines: wrap(name, LANE_WRAP),
                });
                lanes.len() - 1
            }),
        };
    }

    // Boxes: wrapped names, widths and heights.
    let mut nodes: Vec<NodeBox> = p
        .steps
        .iter()
        .take(n)
        .enumerate()
        .map(|(i, s)| {
            let lines = wrap(&s.name, WRAP);
            let detail = detail(s, lang);
            let longest = lines
                .iter()
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0)
                .max(detail.as_ref().map_or(0, |d| d.chars().count() * 9 / 10));
            let w = NODE_W.max(text_width(longest) + 2 * PAD);
            let count = i64::try_from(lines.len()).unwrap_or(i64::MAX / 2);
            let h =
                2 * PAD + count.saturating_mul(LINE) + detail.as_ref().map_or(0, |_| DETAIL_LINE);
            NodeBox {
                x: 0,
                y: 0,
                w,
                h,
                layer: layer[i],
                lane: lane[i],
                lines,
                detail,
            }
        })
        .collect();

    let by_layer = order_within_layers(g, &layer, &lane, layers);

    // Columns.
    let mut col_w = vec![0i64; layers];
    for nb in &nodes {
        col_w[nb.layer] = col_w[nb.layer].max(nb.w);
    }
    let mut col_x = vec![0i64; layers];
    let mut x = MARGIN + LANE_LABEL_W + GAP_X / 2;
    for l in 0..layers {
        col_x[l] = x;
        x = x.saturating_add(col_w[l]).saturating_add(GAP_X);
    }
    let width = x - GAP_X + GAP_X / 2 + MARGIN;

    // Lane heights: the tallest stack of one cell, or the label.
    let mut lane_h: Vec<i64> = lanes
        .iter()
        .map(|l| i64::try_from(l.lines.len()).unwrap_or(0) * LINE + 2 * LANE_PAD)
        .collect();
    let mut offset = vec![0i64; n];
    for cell_nodes in &by_layer {
        let mut current: Option<usize> = None;
        let mut y = 0i64;
        for &v in cell_nodes {
            if current != Some(lane[v]) {
                current = Some(lane[v]);
                y = 0;
            }
            offset[v] = y;
            y = y.saturating_add(nodes[v].h);
            if let Some(h) = lane_h.get_mut(lane[v]) {
                *h = (*h).max(y + 2 * LANE_PAD);
            }
            y = y.saturating_add(GAP_Y);
        }
    }
    let mut rework_lane = vec![false; lanes.len()];
    for rw in g.reworks() {
        for end in [rw.from, rw.to] {
            if let Some(flag) = lane.get(end).and_then(|&k| rework_lane.get_mut(k)) {
                *flag = true;
            }
        }
    }
    for (h, extra) in lane_h.iter_mut().zip(&rework_lane) {
        if *extra {
            *h += REWORK_ROOM;
        }
    }
    let mut y = MARGIN;
    for (l, h) in lanes.iter_mut().zip(&lane_h) {
        l.y = y;
        l.h = *h;
        y = y.saturating_add(*h);
    }
    let height = y + MARGIN;
    for (v, nb) in nodes.iter_mut().enumerate() {
        nb.x = col_x[nb.layer] + (col_w[nb.layer] - nb.w) / 2;
        nb.y = lanes.get(nb.lane).map_or(0, |l| l.y) + LANE_PAD + offset[v];
    }
    Layout {
        nodes,
        lanes,
        width,
        height,
    }
}

/// The steps of each layer sorted by lane, then by barycentre.
fn order_within_layers(
    g: &StepGraph,
    layer: &[usize],
    lane: &[usize],
    layers: usize,
) -> Vec<Vec<usize>> {
    let n = layer.len();
    let mut by_layer: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for v in 0..n {
        by_layer[layer[v]].push(v);
    }
    let mut slot = vec![0f64; n];
    let assign = |cells: &mut Vec<usize>, slot: &mut Vec<f64>, key: &[f64]| {
        cells.sort_by(|&a, &b| lane[a].cmp(&lane[b]).then(key[a].total_cmp(&key[b])));
        let mut current = None;
        let mut k = 0.0;
        for &v in cells.iter() {
            if current != Some(lane[v]) {
                current = Some(lane[v]);
                k = 0.0;
            }
            slot[v] = k;
            k += 1.0;
        }
    };
    let mut key: Vec<f64> = (0..n).map(|v| v as f64).collect();
    for cells in by_layer.iter_mut() {
        assign(cells, &mut slot, &key);
    }
    let preds: Vec<Vec<usize>> = (0..n)
        .map(|v| g.predecessors(v).into_iter().map(|(u, _)| u).collect())
        .collect();
    let succs: Vec<Vec<usize>> = (0..n)
        .map(|v| g.successors(v).into_iter().map(|(u, _)| u).collect())
        .collect();
    for _ in 0..2 {
        for (neighbours, forward) in [(&preds, true), (&succs, false)] {
            let order: Vec<usize> = if forward {
                (0..layers).collect()
            } else {
                (0..layers).rev().collect()
            };
            for l in order {
                for &v in &by_layer[l] {
                    let ns = &neighbours[v];
                    key[v] = if ns.is_empty() {
                        slot[v]
                    } else {
                        ns.iter().map(|&u| slot[u]).sum::<f64>() / ns.len() as f64
                    };
                }
                assign(&mut by_layer[l], &mut slot, &key);
            }
        }
    }
    by_layer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn procedure(yaml: &str) -> (CheckedProcedure, ()) {
        (CheckedProcedure::from_yaml_str(yaml, "t.yaml").unwrap(), ())
    }

    #[test]
    fn layers_are_longest_paths_and_lanes_are_actors() {
        let (p, _) = procedure(
            "format: tthc/1\nname: X\nsteps:\n  a: { name: A, actor: applicant, next: [b, c] }\n  b: { name: B, actor: Sở X, next: [d] }\n  c: { name: C, actor: Sở Y, next: [e] }\n  e: { name: E, actor: Sở Y, next: [d] }\n  d: { name: D, actor: Sở X }\n",
        );
        let l = layout(&p, Lang::Vi);
        let layers: Vec<usize> = l.nodes.iter().map(|n| n.layer).collect();
        assert_eq!(layers, vec![0, 1, 1, 2, 3]);
        let lanes: Vec<usize> = l.nodes.iter().map(|n| n.lane).collect();
        assert_eq!(lanes, vec![0, 1, 2, 2, 1]);
        assert_eq!(l.lanes[0].agency, None);
        assert_eq!(l.lanes[0].lines, vec!["Người nộp hồ sơ"]);
        // Boxes never overlap, and each sits inside its lane.
        for (i, a) in l.nodes.iter().enumerate() {
            let lane = &l.lanes[a.lane];
            assert!(a.y >= lane.y && a.y + a.h <= lane.y + lane.h);
            for b in &l.nodes[i + 1..] {
                let apart =
                    a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn barycentres_uncross_a_crossed_pair() {
        // a1 → b2 and a2 → b1 in file order would cross; ordering fixes it.
        let (p, _) = procedure(
            "format: tthc/1\nname: X\nsteps:\n  a1: { name: A1, actor: S, next: [b2] }\n  a2: { name: A2, actor: S, next: [b1] }\n  b1: { name: B1, actor: S }\n  b2: { name: B2, actor: S }\n",
        );
        let l = layout(&p, Lang::En);
        let y = |i: usize| l.nodes[i].y;
        assert_eq!(y(0) < y(1), y(3) < y(2), "edges cross");
    }

    #[test]
    fn long_names_wrap_and_widen_only_for_long_words() {
        let (p, _) = procedure(
            "format: tthc/1\nname: X\nsteps:\n  a: { name: Sở Thông tin và Truyền thông thẩm định hồ sơ và cấp giấy phép thiết lập trang thông tin điện tử tổng hợp, actor: S }\n  b: { name: Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, actor: S }\n",
        );
        let l = layout(&p, Lang::Vi);
        assert!(l.nodes[0].lines.len() >= 4);
        assert_eq!(l.nodes[0].w, NODE_W);
        assert_eq!(l.nodes[0].lines.join(" "), p.steps[0].name);
        assert!(l.nodes[1].w > NODE_W);
        assert_eq!(l.nodes[1].lines.len(), 1);
    }
}
