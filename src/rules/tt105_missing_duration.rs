//! TT105 missing-duration: an agency step without a duration.

use crate::element::ElementPath;
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;

/// The rule.
pub struct MissingDuration;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT105",
    name: "missing-duration",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Structure,
    summary: StaticText {
        vi: "một bước của cơ quan không có thời gian thực hiện",
        en: "an agency step has no duration",
    },
    why: StaticText {
        vi: "Thời hạn giải quyết là tổng thời gian các bước của cơ quan trên đường găng; thiếu thời gian của một bước thì không kiểm chứng được thời hạn đã công bố và không biết nên rút ngắn ở đâu.",
        en: "The processing deadline is the agency time along the critical path; without a step's duration the published deadline cannot be checked and nobody knows where to shorten it.",
    },
    example: StaticText {
        vi: "`tham-dinh: { actor: Phòng Tư pháp, next: [ky] }` không có `duration`.",
        en: "`tham-dinh: { actor: Phòng Tư pháp, next: [ky] }` without `duration`.",
    },
    legal_basis: Some(StaticText {
        vi: "Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 điểm đ (thời hạn giải quyết)",
        en: "Decree 63/2010/NĐ-CP, Art. 8(2)(đ) (processing deadline)",
    }),
};

impl Rule for MissingDuration {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        for step in &ctx.procedure.steps {
            if step.actor.is_applicant() || step.duration.is_some() {
                continue;
            }
            let id = &step.id;
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::step(id),
                    format!("bước `{id}` của cơ quan không có thời gian thực hiện"),
                    format!("agency step `{id}` has no duration"),
                )
                .suggest(
                    "thêm `duration:`, ví dụ `duration: 2 ngày làm việc` hoặc `duration: trong ngày`",
                    "add `duration:`, e.g. `duration: 2 working days` or `duration: same day`",
                ),
            );
        }
    }
}
