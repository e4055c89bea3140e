//! TT004 obsolete-level: the procedure is placed at district level.

use crate::element::{ElementPath, Key};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::model::Level;

/// The rule.
pub struct ObsoleteLevel;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT004",
    name: "obsolete-level",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Completeness,
    summary: StaticText {
        vi: "thủ tục được giao cho cấp huyện, cấp đã bỏ từ ngày 1/7/2025",
        en: "the procedure is assigned to district level, abolished from 1 July 2025",
    },
    why: StaticText {
        vi: "Từ ngày 1/7/2025 chính quyền địa phương có hai cấp (tỉnh và xã); thủ tục cấp huyện phải được giao lại cho cấp tỉnh hoặc cấp xã.",
        en: "From 1 July 2025 local government has two tiers (province and commune); district-level procedures must be reassigned to the province or the commune.",
    },
    example: StaticText {
        vi: "`level: district` trong thủ tục do Ủy ban nhân dân huyện giải quyết.",
        en: "`level: district` on a procedure handled by a district People's Committee.",
    },
    legal_basis: Some(StaticText {
        vi: "Mô hình chính quyền địa phương hai cấp từ 1/7/2025; Nghị định 118/2025/NĐ-CP (một cửa tại Trung tâm phục vụ hành chính công cấp tỉnh và cấp xã từ 1/7/2025)",
        en: "Two-tier local government from 1 July 2025; Decree 118/2025/NĐ-CP (one-stop work at provincial and commune public-administration service centres from 1 July 2025)",
    }),
};

impl Rule for ObsoleteLevel {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        if ctx.procedure.level == Some(Level::District) {
            out.push(
                ctx.finding(
                    &INFO,
                    ElementPath::key(Key::Level),
                    "thủ tục được giao cho cấp huyện, cấp đã bỏ từ 1/7/2025",
                    "the procedure is at district level, abolished from 1 July 2025",
                )
                .suggest(
                    "giao thủ tục cho cấp xã (`level: commune`) hoặc cấp tỉnh (`level: province`)",
                    "assign it to the commune (`level: commune`) or the province (`level: province`)",
                ),
            );
        }
    }
}
