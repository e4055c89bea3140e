//! TT002 missing-legal-basis: no legal basis is given.

use crate::element::{ElementPath, Key};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;

/// The rule.
pub struct MissingLegalBasis;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT002",
    name: "missing-legal-basis",
    severity: Severity::Error,
    recommended: true,
    family: Family::Completeness,
    summary: StaticText {
        vi: "thủ tục không nêu căn cứ pháp lý",
        en: "the procedure cites no legal basis",
    },
    why: StaticText {
        vi: "Thủ tục hành chính phải được quy định trong văn bản quy phạm pháp luật; không có căn cứ thì không đánh giá được tính hợp pháp.",
        en: "A procedure must be prescribed in a legal normative document; without its basis its legality cannot be assessed.",
    },
    example: StaticText {
        vi: "`legal_basis: []` hoặc không có khóa `legal_basis`.",
        en: "`legal_basis: []`, or no `legal_basis` key.",
    },
    legal_basis: Some(StaticText {
        vi: "Nghị định 63/2010/NĐ-CP, Điều 8 khoản 1 (thủ tục được quy định trong văn bản quy phạm pháp luật)",
        en: "Decree 63/2010/NĐ-CP, Art. 8(1) (a procedure is prescribed in a legal normative document)",
    }),
};

impl Rule for MissingLegalBasis {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let cited = ctx
            .procedure
            .legal_basis
            .as_ref()
            .is_some_and(|b| b.iter().any(|s| !s.trim().is_empty()));
        if !cited {
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::key(Key::LegalBasis),
                    "thủ tục không nêu căn cứ pháp lý",
                    "the procedure cites no legal basis",
                )
                .suggest(
                    "liệt kê các văn bản quy định thủ tục trong `legal_basis:`",
                    "list the legal documents that prescribe the procedure under `legal_basis:`",
                ),
            );
        }
    }
}
