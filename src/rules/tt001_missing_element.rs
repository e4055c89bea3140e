//! TT001 missing-element: a basic part required by Decree 63/2010 Art. 8(2) is missing.

use crate::element::{ElementPath, Key};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;

/// The rule.
pub struct MissingElement;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT001",
    name: "missing-element",
    severity: Severity::Error,
    recommended: true,
    family: Family::Completeness,
    summary: StaticText {
        vi: "thiếu một bộ phận cơ bản của thủ tục: tên, trình tự, cách thức, hồ sơ, thời hạn, đối tượng, cơ quan thực hiện hoặc kết quả",
        en: "a basic part of the procedure is missing: name, steps, channels, documents, deadline, applicants, authority or result",
    },
    why: StaticText {
        vi: "Thủ tục chỉ đầy đủ khi có đủ các bộ phận cơ bản; thiếu một bộ phận thì người dân không biết phải làm gì, nộp gì, ở đâu và chờ bao lâu.",
        en: "A procedure is complete only with all its basic parts; without one, applicants cannot know what to do, what to submit, where, or how long to wait.",
    },
    example: StaticText {
        vi: "Một dự thảo không ghi `deadline` (thời hạn giải quyết) hoặc không ghi `authority` (cơ quan thực hiện).",
        en: "A draft with no `deadline` (processing deadline) or no `authority` (competent agency).",
    },
    legal_basis: Some(StaticText {
        vi: "Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2, sửa đổi bởi Nghị định 92/2017/NĐ-CP (các bộ phận tạo thành của thủ tục hành chính)",
        en: "Decree 63/2010/NĐ-CP, Art. 8(2) as amended by Decree 92/2017/NĐ-CP (the parts of an administrative procedure)",
    }),
};

impl Rule for MissingElement {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let p = ctx.procedure;
        let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        // (key, Vietnamese part, English part, letter of Art. 8(2), missing?)
        let parts = [
            (Key::Name, "tên thủ tục", "name", "a", p.name.trim().is_empty()),
            (
                Key::Steps,
                "trình tự thực hiện",
                "steps",
                "b",
                p.steps.is_empty(),
            ),
            (
                Key::Channels,
                "cách thức thực hiện",
                "channels",
                "c",
                p.channels.as_ref().is_none_or(Vec::is_empty),
            ),
            (
                Key::Documents,
                "thành phần hồ sơ",
                "documents",
                "d",
                p.documents.is_empty(),
            ),
            (
                Key::Deadline,
                "thời hạn giải quyết",
                "deadline",
                "đ",
                p.deadline.is_none(),
            ),
            (
                Key::Applicants,
                "đối tượng thực hiện",
                "applicants",
                "e",
                p.applicants.as_ref().is_none_or(Vec::is_empty),
            ),
            (
                Key::Authority,
                "cơ quan thực hiện",
                "authority",
                "g",
                blank(&p.authority),
            ),
            (
                Key::Result,
                "kết quả thực hiện",
                "result",
                "h",
                blank(&p.result),
            ),
        ];
        for (key, vi, en, letter, missing) in parts {
            if missing {
                out.push(
                    ctx.finding(
                        &INFO,
                        ElementPath::key(key),
                        format!("thiếu {vi} (Điều 8 khoản 2 điểm {letter})"),
                        format!("the procedure has no {en} (Art. 8(2)({letter}))"),
                    )
                    .suggest(
                        format!("thêm `{key}:` vào tệp"),
                        format!("add `{key}:` to the file"),
                    ),
                );
            }
        }
    }
}
