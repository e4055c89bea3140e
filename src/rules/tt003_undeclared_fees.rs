//! TT003 undeclared-fees: the file says nothing about fees and charges.

use crate::element::{ElementPath, Key};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;

/// The rule.
pub struct UndeclaredFees;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT003",
    name: "undeclared-fees",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Completeness,
    summary: StaticText {
        vi: "không khai báo phí, lệ phí (ghi `fees: []` nếu không có)",
        en: "fees and charges are not declared (write `fees: []` for none)",
    },
    why: StaticText {
        vi: "Phí, lệ phí là một phần của thủ tục khi có; nếu không khai báo thì không phân biệt được \"miễn phí\" với \"chưa rõ\", và chi phí tuân thủ bị tính thiếu.",
        en: "Fees are part of a procedure where they exist; when undeclared, \"free\" cannot be told from \"unknown\" and the compliance cost is understated.",
    },
    example: StaticText {
        vi: "Tệp không có khóa `fees`.",
        en: "A file without a `fees` key.",
    },
    legal_basis: Some(StaticText {
        vi: "Nghị định 63/2010/NĐ-CP, Điều 8 khoản 2 điểm h, sửa đổi bởi Nghị định 92/2017/NĐ-CP (phí, lệ phí nếu thủ tục có)",
        en: "Decree 63/2010/NĐ-CP, Art. 8(2)(h) as amended by Decree 92/2017/NĐ-CP (fees and charges, where the procedure has them)",
    }),
};

impl Rule for UndeclaredFees {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        if ctx.procedure.fees.is_none() {
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::key(Key::Fees),
                    "không khai báo phí, lệ phí",
                    "fees and charges are not declared",
                )
                .suggest(
                    "khai báo `fees:` với từng khoản phí, hoặc `fees: []` nếu không thu phí",
                    "declare `fees:` with each fee, or `fees: []` when there is none",
                )
                .with_fix(declare_no_fees(ctx)),
            );
        }
    }
}

/// Writes `fees: []` just before `documents:` (or `steps:`), for a
/// procedure that has no fee; the suggestion says to list them otherwise.
/// It changes what the file says (that nothing is charged), so it is
/// applied only on request (`--unsafe-fixes`): the file's silence may as
/// well be a fee left out.
fn declare_no_fees(ctx: &RuleContext<'_>) -> Option<crate::fix::Fix> {
    let map = &ctx.procedure.source_map;
    let text = map.text()?;
    let key = map.key("documents").or_else(|| map.key("steps"))?;
    Some(crate::fix::Fix::one(
        "khai báo không thu phí, lệ phí (`fees: []`)",
        "declare that there is no fee (`fees: []`)",
        crate::fix::insert_before_key(text, key, "fees: []")?,
    )
    .changing_meaning())
}
