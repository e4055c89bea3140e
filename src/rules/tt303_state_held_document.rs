//! TT303 state-held-document: the applicant must submit what a state
//! database already holds.

use crate::element::{ElementPath, Key};
use super::helpers::effort_saving;
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use std::collections::HashMap;

/// The rule.
pub struct StateHeldDocument;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT303",
    name: "state-held-document",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Dossier,
    summary: StaticText {
        vi: "người nộp phải nộp giấy tờ mà một cơ sở dữ liệu nhà nước đã lưu (`held_in`)",
        en: "the applicant must submit a paper that a state database already holds (`held_in`)",
    },
    why: StaticText {
        vi: "Khi dữ liệu đã có trong cơ sở dữ liệu quốc gia hoặc chuyên ngành, cơ quan tra cứu thay cho việc bắt người dân nộp giấy; mỗi giấy tờ bỏ đi tiết kiệm thời gian và chi phí của người nộp.",
        en: "When a national or sectoral database already holds the data, the agency looks it up instead of asking for paper; each paper dropped saves applicant time and money.",
    },
    example: StaticText {
        vi: "`so-ho-khau: { held_in: Cơ sở dữ liệu quốc gia về dân cư }` vẫn nằm trong `submits` của bước nộp hồ sơ.",
        en: "`so-ho-khau: { held_in: National population database }` is still in the `submits` of the submission step.",
    },
    legal_basis: Some(StaticText {
        vi: "Nghị định 104/2022/NĐ-CP (dùng Cơ sở dữ liệu quốc gia về dân cư thay sổ hộ khẩu, sổ tạm trú); Nghị quyết 66.7/2025/NQ-CP (thay thành phần hồ sơ bằng dữ liệu; hiệu lực 1/1/2026–28/2/2027)",
        en: "Decree 104/2022/NĐ-CP (the national population database replaces the household and temporary-residence books); Resolution 66.7/2025/NQ-CP (dossier components replaced by data; in force 1 January 2026 – 28 February 2027)",
    }),
};

impl Rule for StateHeldDocument {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let p = ctx.procedure;
        // Where each document is submitted (step, position in its
        // `submits`), built once: the related locations and the fix.
        let mut submitted_at: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
        for step in &p.steps {
            for (i, sub) in step.submits.iter().enumerate() {
                submitted_at
                    .entry(sub.as_str())
                    .or_default()
                    .push((step.id.as_str(), i));
            }
        }
        for (d, doc) in p.documents.iter().enumerate() {
            let Some(held) = &doc.held_in else {
                continue;
            };
            if !ctx.documents.submitted.get(d).copied().unwrap_or(false) {
                continue;
            }
            let saving =
                effort_saving(ctx, doc.effort.milli_hours, doc.effort.trips, doc.effort.cost);
            let id = &doc.id;
            let db = &held.database;
            // An inferred database is a presumption (Resolution 66.7/2025
            // Art. 2(2): the agency may still ask for the paper when the data
            // are incomplete): the message says so and names the list.
            let (basis_vi, basis_en) = match (&held.basis, held.inferred) {
                (Some(b), true) => (
                    format!(" — suy luận từ tên giấy tờ theo {b}; cần kiểm tra cơ sở dữ liệu đã có đủ dữ liệu chưa"),
                    format!(" — inferred from the paper's name under {b}; check that the database holds complete data"),
                ),
                (None, true) => (
                    " — suy luận, cần kiểm tra".to_string(),
                    " — inferred, to be checked".to_string(),
                ),
                (Some(b), false) => (format!(" (căn cứ: {b})"), format!(" (basis: {b})")),
                (None, false) => (String::new(), String::new()),
            };
            let places = submitted_at.get(id.as_str()).map_or(&[][..], Vec::as_slice);
            let mut finding = ctx.finding(
                &INFO,
                ElementPath::document(id).field(Key::HeldIn),
                    format!("người nộp phải nộp `{id}` dù {db} đã lưu dữ liệu này{basis_vi}"),
                    format!("the applicant must submit `{id}` although {db} already holds it{basis_en}"),
                )
            .suggest(
                format!("bỏ `{id}` khỏi hồ sơ; cơ quan tra cứu {db}"),
                format!("drop `{id}` from the dossier; the agency looks it up in {db}"),
            )
            .with_saving(saving)
            .with_fix(drop_from_submits(ctx, id, places));
            for &(step, i) in places {
                finding = finding.with_related(ctx.related(
                    submits_item(step, i),
                    format!("`{step}` yêu cầu nộp `{id}` ở đây"),
                    format!("`{step}` asks for `{id}` here"),
                ));
            }
            out.push(finding);
        }
    }
}

/// `steps.<step>.submits[i]`.
fn submits_item(step: &str, i: usize) -> ElementPath {
    ElementPath::step(step).field(Key::Submits).item(i)
}

/// Removes `id` from every `submits` list that names it (`places`: the
/// step and position of each).
fn drop_from_submits(
    ctx: &RuleContext<'_>,
    id: &str,
    places: &[(&str, usize)],
) -> Option<crate::fix::Fix> {
    let map = &ctx.procedure.source_map;
    let text = map.text()?;
    let mut edits = Vec::new();
    for &(step, i) in places {
        edits.push(crate::fix::remove_list_item(text, map.get(submits_item(step, i))?)?);
    }
    // The paper leaves the dossier: the drafter decides (changes meaning).
    (!edits.is_empty()).then(|| {
        crate::fix::Fix::new(
            crate::i18n::Text::new(
                format!("bỏ `{id}` khỏi `submits`"),
                format!("drop `{id}` from `submits`"),
            ),
            edits,
        )
        .changing_meaning()
    })
}
