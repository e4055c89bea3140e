//! TT305 excess-copies: more than one copy of a paper is required.

use crate::element::{ElementPath, Key};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;

/// The rule.
pub struct ExcessCopies;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT305",
    name: "excess-copies",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Dossier,
    summary: StaticText {
        vi: "yêu cầu nộp nhiều hơn một bản (hoặc một bộ) của một giấy tờ",
        en: "more than one copy (or set) of a paper is required",
    },
    why: StaticText {
        vi: "Số bộ hồ sơ phải hợp lý; cơ quan có thể tự sao chụp hoặc chia sẻ bản điện tử giữa các bộ phận thay vì bắt người nộp in nhiều bản.",
        en: "The number of sets must be reasonable; agencies can copy or share an electronic version between units instead of making applicants print several.",
    },
    example: StaticText {
        vi: "`ban-ve: { copies: 3 }`.",
        en: "`ban-ve: { copies: 3 }`.",
    },
    legal_basis: Some(StaticText {
        vi: "Nghị định 63/2010/NĐ-CP, Phụ lục I (thành phần và số lượng bộ hồ sơ có rõ ràng, hợp lý không)",
        en: "Decree 63/2010/NĐ-CP, Annex I checklist (are the dossier components and number of sets clear and reasonable)",
    }),
};

impl Rule for ExcessCopies {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        for (d, doc) in ctx.procedure.documents.iter().enumerate() {
            // One copy per person who must bring it (both spouses) is
            // not excess.
            let people = ctx.documents.people.get(d).copied().unwrap_or(1).max(1);
            if doc.copies <= people || !ctx.documents.submitted.get(d).copied().unwrap_or(false) {
                continue;
            }
            let (id, n) = (&doc.id, doc.copies);
            let (for_vi, for_en) = if people > 1 {
                (
                    format!(" cho {people} người"),
                    format!(" for {people} people"),
                )
            } else {
                (String::new(), String::new())
            };
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::document(id).field(Key::Copies),
                    format!("phải nộp {n} bản `{id}`{for_vi}"),
                    format!("{n} copies of `{id}` are required{for_en}"),
                )
                .suggest(
                    "yêu cầu một bản; cơ quan tự sao hoặc dùng bản điện tử",
                    "require one copy; the agency copies it or uses the electronic version",
                ),
            );
        }
    }
}
