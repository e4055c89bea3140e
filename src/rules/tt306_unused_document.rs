//! TT306 unused-document: a declared document nobody submits, uses or produces.

use crate::element::ElementPath;
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;

/// The rule.
pub struct UnusedDocument;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT306",
    name: "unused-document",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Dossier,
    summary: StaticText {
        vi: "một giấy tờ được khai báo nhưng không bước nào nộp, dùng hay tạo ra",
        en: "a declared document that no step submits, uses or produces",
    },
    why: StaticText {
        vi: "Giấy tờ không gắn với bước nào thường là thành phần hồ sơ bị bỏ sót trong trình tự, hoặc là giấy tờ thừa nên bỏ.",
        en: "A document no step refers to is usually a dossier component left out of the sequence, or a leftover that should be removed.",
    },
    example: StaticText {
        vi: "`documents: { anh-the: ... }` nhưng không bước nào có `submits: [anh-the]`.",
        en: "`documents: { anh-the: ... }` but no step has `submits: [anh-the]`.",
    },
    legal_basis: None,
};

impl Rule for UnusedDocument {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let facts = &ctx.documents;
        let result = ctx.procedure.result.as_deref();
        for (d, doc) in ctx.procedure.documents.iter().enumerate() {
            let referred = facts.submitted.get(d).copied().unwrap_or(true)
                || facts.used.get(d).copied().unwrap_or(true)
                || facts.produced_by.get(d).is_none_or(Option::is_some)
                || result == Some(doc.id.as_str());
            if referred {
                continue;
            }
            let id = &doc.id;
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::document(id),
                    format!("không bước nào nộp, dùng hay tạo ra giấy tờ `{id}`"),
                    format!("no step submits, uses or produces document `{id}`"),
                )
                .suggest(
                    format!("thêm `{id}` vào `submits` của bước nộp hồ sơ, hoặc bỏ nó"),
                    format!("add `{id}` to the `submits` of the submission step, or remove it"),
                ),
            );
        }
    }
}
