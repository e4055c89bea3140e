//! TT301 duplicate-document: the same document is requested twice.

use crate::element::{ElementPath, Key};
use super::helpers::normalise;
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use std::collections::HashMap;

/// The rule.
pub struct DuplicateDocument;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT301",
    name: "duplicate-document",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Dossier,
    summary: StaticText {
        vi: "cùng một giấy tờ bị yêu cầu hai lần (cùng mã, hoặc cùng tên sau khi chuẩn hóa)",
        en: "the same document is requested twice (same id, or same normalised name)",
    },
    why: StaticText {
        vi: "Yêu cầu lại giấy tờ đã nộp làm tăng chi phí tuân thủ mà không thêm thông tin; hai mục cùng tên làm thành phần hồ sơ không rõ ràng.",
        en: "Asking again for a document already submitted adds compliance cost without adding information; two entries with the same name make the dossier unclear.",
    },
    example: StaticText {
        vi: "Bước `nop-ho-so` và bước `bo-sung` trên đường chính đều có `submits: [cccd]`; hoặc hai mục `to-khai` và `to-khai-2` cùng tên \"Tờ khai\".",
        en: "Main-path steps `nop-ho-so` and `bo-sung` both have `submits: [cccd]`; or entries `to-khai` and `to-khai-2` share the name \"Tờ khai\".",
    },
    legal_basis: None,
};

impl Rule for DuplicateDocument {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let p = ctx.procedure;
        // Alternatives of a `choice` (online or in person) may each ask for
        // the same paper; only steps on the main path all happen together.
        let together = |s: usize| ctx.facts.main_path.get(s).copied().unwrap_or(false);
        let mut first: HashMap<&str, &str> = HashMap::new();
        for (s, step) in p.steps.iter().enumerate() {
            if !together(s) {
                continue;
            }
            for (pos, id) in step.submits.iter().enumerate() {
                match first.get(id.as_str()) {
                    None => {
                        first.insert(id, &step.id);
                    }
                    Some(earlier) => out.push(
                        ctx.finding(
                            &INFO,
                            ElementPath::step(&step.id).field(Key::Submits).item(pos),
                            format!("giấy tờ `{id}` đã được nộp ở bước `{earlier}` và bị yêu cầu lại ở bước `{}`", step.id),
                            format!("document `{id}` was already submitted at step `{earlier}` and is requested again at step `{}`", step.id),
                        )
                        .suggest(
                            format!("bỏ `{id}` khỏi `submits` của bước `{}`; cơ quan dùng bản đã nhận", step.id),
                            format!("remove `{id}` from the `submits` of step `{}`; the agency uses the copy it already has", step.id),
                        ),
                    ),
                }
            }
        }
        // Documents of different cases (trường hợp) are alternatives, not
        // duplicates: the key holds the case.
        let mut by_name: HashMap<(String, Option<String>, Option<&str>), &str> = HashMap::new();
        for (d, doc) in p.documents.iter().enumerate() {
            if !ctx.documents.submitted.get(d).copied().unwrap_or(false) {
                continue;
            }
            let key = (
                normalise(&doc.name),
                doc.when.as_deref().map(normalise),
                doc.case.as_deref(),
            );
            if key.0.is_empty() {
                continue;
            }
            match by_name.get(&key) {
                None => {
                    by_name.insert(key, &doc.id);
                }
                Some(other) => out.push(
                    ctx.finding(
                        &INFO,
                        ElementPath::document(&doc.id).field(Key::Name),
                        format!(
                            "giấy tờ `{}` trùng tên với `{other}` (\"{}\")",
                            doc.id, doc.name
                        ),
                        format!(
                            "document `{}` has the same name as `{other}` (\"{}\")",
                            doc.id, doc.name
                        ),
                    )
                    .suggest(
                        "gộp hai mục thành một, hoặc đặt tên phân biệt rõ hai giấy tờ",
                        "merge the two entries, or name them so they are clearly different papers",
                    )
                    .with_related(ctx.related(
                        ElementPath::document(other).field(Key::Name),
                        format!("`{other}` được khai báo ở đây"),
                        format!("`{other}` is declared here"),
                    )),
                ),
            }
        }
    }
}
