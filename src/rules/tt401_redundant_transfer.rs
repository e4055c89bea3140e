//! TT401 redundant-transfer: a step that only passes the dossier on within
//! the same agency.

use crate::element::ElementPath;
use super::helpers::{agency_key, normalise};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::{Finding, Saving};

/// Words that name a hand-over in step names (normalised).
const TRANSFER_WORDS: &[&str] = &[
    "chuyển",
    "chuyen",
    "bàn giao",
    "ban giao",
    "transfer",
    "forward",
    "hand over",
    "pass the dossier",
];

/// The rule.
pub struct RedundantTransfer;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT401",
    name: "redundant-transfer",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Interaction,
    summary: StaticText {
        vi: "một bước chỉ chuyển hồ sơ trong nội bộ cùng một cơ quan",
        en: "a step that only passes the dossier on within the same agency",
    },
    why: StaticText {
        vi: "Bước chuyển hồ sơ giữa hai việc của cùng một đơn vị không xem xét, không tạo ra gì mà vẫn chiếm thời gian giải quyết; bỏ nó rút ngắn thời hạn.",
        en: "A hand-over between two tasks of the same unit examines and produces nothing yet uses processing time; removing it shortens the deadline.",
    },
    example: StaticText {
        vi: "`chuyen-ho-so: { name: Chuyển hồ sơ cho chuyên viên, actor: Phòng Tư pháp }` giữa hai bước của Phòng Tư pháp.",
        en: "`chuyen-ho-so: { name: Transfer the dossier to the officer, actor: Justice Office }` between two steps of the Justice Office.",
    },
    legal_basis: None,
};

impl Rule for RedundantTransfer {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let graph = ctx.graph;
        let steps = &ctx.procedure.steps;
        for (i, step) in steps.iter().enumerate() {
            // Joint work of several agencies is no transfer within one.
            let Some(agency) = agency_key(step).filter(|_| step.joint.is_empty()) else {
                continue;
            };
            if !step.uses.is_empty() || !step.produces.is_empty() || !step.submits.is_empty() {
                continue;
            }
            let name = normalise(&step.name);
            if !TRANSFER_WORDS.iter().any(|w| name.contains(w)) {
                continue;
            }
            let same = |j: usize| {
                steps
                    .get(j)
                    .filter(|s| s.joint.is_empty())
                    .and_then(agency_key)
                    .as_ref()
                    == Some(&agency)
            };
            let preds = graph.predecessors(i);
            let succs = graph.successors(i);
            if preds.is_empty()
                || succs.is_empty()
                || !preds.iter().all(|&(j, _)| same(j))
                || !succs.iter().all(|&(j, _)| same(j))
            {
                continue;
            }
            let saving = Saving {
                working_milli_days: step
                    .duration
                    .and_then(|d| d.working_milli_days())
                    .filter(|&d| d > 0),
                ..Saving::default()
            };
            let id = &step.id;
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::step(id),
                    format!(
                        "bước `{id}` chỉ chuyển hồ sơ trong nội bộ {}",
                        step.actor.agency().unwrap_or("")
                    ),
                    format!(
                        "step `{id}` only passes the dossier on within {}",
                        step.actor.agency().unwrap_or("")
                    ),
                )
                .suggest(
                    format!("bỏ bước `{id}`: nối thẳng bước trước với bước sau"),
                    format!(
                        "remove step `{id}`: link the step before it directly to the step after it"
                    ),
                )
                .with_saving(saving),
            );
        }
    }
}
