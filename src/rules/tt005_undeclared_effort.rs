//! TT005 undeclared-effort: an activity of the Standard Cost Model has no
//! estimate of the applicant's effort in the file.

use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::element::ElementPath;
use crate::finding::Finding;

/// The rule.
pub struct UndeclaredEffort;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT005",
    name: "undeclared-effort",
    severity: Severity::Info,
    recommended: true,
    family: Family::Completeness,
    summary: StaticText {
        vi: "chưa ước tính công sức của người nộp cho một số hoạt động (tìm hiểu thủ tục, chuẩn bị hồ sơ, nộp hồ sơ)",
        en: "the applicant's effort is not estimated for some activities (learning about the procedure, preparing documents, submitting)",
    },
    why: StaticText {
        vi: "Chi phí tuân thủ chỉ gồm những gì tệp khai báo: không tự cộng thêm giờ nào. Hoạt động không được ước tính thì tính bằng 0, nên chi phí và mức cắt giảm có thể bị tính thiếu.",
        en: "The compliance cost counts only what the file declares: no hour is added by default. An activity without an estimate counts as zero, so the cost and its reduction may be understated.",
    },
    example: StaticText {
        vi: "Tệp không có `learning: { hours: 1 }` và không bước nào của người nộp có `effort`.",
        en: "A file without `learning: { hours: 1 }` whose applicant steps have no `effort`.",
    },
    legal_basis: Some(StaticText {
        vi: "Thông tư 02/2017/TT-VPCP, Điều 27 (chi phí thực hiện các công việc để được cấp kết quả)",
        en: "Circular 02/2017/TT-VPCP, Art. 27 (cost of the work needed to obtain the result)",
    }),
};

impl Rule for UndeclaredEffort {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let p = ctx.procedure;
        let mut missing: Vec<(&str, &str)> = Vec::new();
        if p.learning.is_none_or(|e| e.is_zero()) {
            missing.push(("tìm hiểu thủ tục (`learning:`)", "learning about the procedure (`learning:`)"));
        }
        let applicant_docs = p
            .documents
            .iter()
            .enumerate()
            .filter(|(i, d)| {
                ctx.documents.submitted.get(*i).copied().unwrap_or(false) && d.issued_by.is_applicant()
            })
            .map(|(_, d)| d)
            .collect::<Vec<_>>();
        if !applicant_docs.is_empty() && applicant_docs.iter().all(|d| d.effort.is_zero()) {
            missing.push(("chuẩn bị hồ sơ (`effort` của giấy tờ)", "preparing documents (document `effort`)"));
        }
        let applicant_steps = p.steps.iter().filter(|s| s.actor.is_applicant()).collect::<Vec<_>>();
        if !applicant_steps.is_empty() && applicant_steps.iter().all(|s| s.effort.is_zero()) {
            missing.push(("nộp hồ sơ (`effort` của bước người nộp)", "submitting (`effort` of applicant steps)"));
        }
        if missing.is_empty() {
            return;
        }
        let vi: Vec<&str> = missing.iter().map(|(v, _)| *v).collect();
        let en: Vec<&str> = missing.iter().map(|(_, e)| *e).collect();
        out.push(
            ctx.finding(
                &INFO,
                ElementPath::root(),
                format!("chưa ước tính công sức cho: {}; chi phí tuân thủ tính các hoạt động này bằng 0", vi.join("; ")),
                format!("no effort is estimated for: {}; the compliance cost counts these activities as zero", en.join("; ")),
            )
            .suggest(
                "khai báo công sức đã đo hoặc ước tính (ghi chú `# ƯỚC TÍNH` kèm căn cứ), ví dụ `learning: { hours: 0.5 }`",
                "declare the measured or estimated effort (mark an estimate `# ESTIMATE` with its basis), e.g. `learning: { hours: 0.5 }`",
            ),
        );
    }
}
