//! TT103 no-result: no step produces the result.

use crate::element::{ElementPath, Key};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;

/// The rule.
pub struct NoResult;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT103",
    name: "no-result",
    severity: Severity::Error,
    recommended: true,
    family: Family::Structure,
    summary: StaticText {
        vi: "không bước nào tạo ra kết quả của thủ tục",
        en: "no step produces the result of the procedure",
    },
    why: StaticText {
        vi: "Kết quả thực hiện là bộ phận cơ bản của thủ tục; nếu không bước nào tạo ra nó thì không xác định được thời gian giải quyết và người nộp không biết khi nào nhận kết quả.",
        en: "The result is a basic part of a procedure; if no step produces it, the processing time cannot be determined and the applicant cannot know when the result comes.",
    },
    example: StaticText {
        vi: "`result: giay-phep` nhưng không bước nào có `produces: [giay-phep]`.",
        en: "`result: giay-phep` but no step has `produces: [giay-phep]`.",
    },
    legal_basis: Some(StaticText {
        vi: "Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 điểm h, sửa đổi bởi Nghị định 92/2017/NĐ-CP (kết quả thực hiện thủ tục)",
        en: "Decree 63/2010/NĐ-CP, Art. 8(2)(h) as amended by Decree 92/2017/NĐ-CP (the result of the procedure)",
    }),
};

impl Rule for NoResult {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let p = ctx.procedure;
        if p.steps.is_empty() || !p.result_steps().is_empty() {
            return;
        }
        let result_doc = p
            .result
            .as_deref()
            .filter(|r| ctx.documents.index.contains_key(r));
        let finding = match result_doc {
            Some(doc) => ctx
                .finding(
                    &INFO,
                    ElementPath::key(Key::Result),
                    format!("kết quả là giấy tờ `{doc}` nhưng không bước nào tạo ra nó"),
                    format!("the result is document `{doc}` but no step produces it"),
                )
                .suggest(
                    format!("thêm `produces: [{doc}]` vào bước cấp kết quả"),
                    format!("add `produces: [{doc}]` to the step that issues the result"),
                ),
            None => ctx
                .finding(
                    &INFO,
                    ElementPath::key(if p.result.is_some() { Key::Result } else { Key::Steps }),
                    "không bước nào tạo ra giấy tờ do cơ quan cấp, nên không xác định được bước tạo kết quả",
                    "no step produces a document issued by an agency, so no step produces the result",
                )
                .suggest(
                    "khai báo kết quả trong `documents` (với `issued_by` là cơ quan), ghi mã của nó vào `result` và vào `produces` của bước cấp kết quả",
                    "declare the result in `documents` (with `issued_by` the agency), name its id in `result` and in the `produces` of the issuing step",
                ),
        };
        out.push(finding);
    }
}
