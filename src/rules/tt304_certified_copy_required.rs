//! TT304 certified-copy-required: a certified copy is demanded where a plain
//! copy shown with the original suffices.

use crate::element::{ElementPath, Key};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::model::DocumentForm;

/// The rule.
pub struct CertifiedCopyRequired;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT304",
    name: "certified-copy-required",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Dossier,
    summary: StaticText {
        vi: "yêu cầu bản sao có chứng thực trong khi bản sao kèm bản chính để đối chiếu là đủ",
        en: "a certified copy is required where a plain copy shown with the original suffices",
    },
    why: StaticText {
        vi: "Người nộp được nộp bản sao và xuất trình bản chính để cán bộ đối chiếu; buộc chứng thực tốn thêm một lượt đi, thời gian và lệ phí chứng thực cho mỗi bản.",
        en: "An applicant may submit a plain copy and show the original for the officer to compare; requiring certification costs an extra trip, time and a certification fee per copy.",
    },
    example: StaticText {
        vi: "`giay-khai-sinh: { form: certified_copy }` trong hồ sơ nộp trực tiếp.",
        en: "`giay-khai-sinh: { form: certified_copy }` in a dossier filed in person.",
    },
    legal_basis: Some(StaticText {
        vi: "Nghị định 23/2015/NĐ-CP, sửa đổi, bổ sung bởi Nghị định 07/2025/NĐ-CP và 280/2025/NĐ-CP, Điều 6 (nộp bản sao kèm bản chính để đối chiếu thì không được yêu cầu bản sao có chứng thực)",
        en: "Decree 23/2015/NĐ-CP as amended by Decrees 07/2025/NĐ-CP and 280/2025/NĐ-CP, Art. 6 (where a copy is submitted with the original for comparison, a certified copy may not be demanded)",
    }),
};

impl Rule for CertifiedCopyRequired {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        for (d, doc) in ctx.procedure.documents.iter().enumerate() {
            if doc.form != DocumentForm::CertifiedCopy
                || !ctx.documents.submitted.get(d).copied().unwrap_or(false)
            {
                continue;
            }
            let id = &doc.id;
            let form = ElementPath::document(id).field(Key::Form);
            let map = &ctx.procedure.source_map;
            let fix = map.text().zip(map.get(&form)).and_then(|(text, loc)| {
                let edit = crate::fix::replace_scalar(text, loc, "copy")?;
                // The requirement changes: the drafter decides.
                Some(
                    crate::fix::Fix::one(
                        "đổi thành bản sao (`form: copy`)",
                        "change to a plain copy (`form: copy`)",
                        edit,
                    )
                    .changing_meaning(),
                )
            });
            out.push(
                ctx.finding(
                    &INFO,
                    form,
                    format!("`{id}` phải là bản sao có chứng thực"),
                    format!("`{id}` must be a certified copy"),
                )
                .suggest(
                    "cho phép nộp bản sao kèm bản chính để đối chiếu (`form: copy`), hoặc bản điện tử khi nộp trực tuyến",
                    "accept a plain copy shown with the original (`form: copy`), or an electronic copy when filed online",
                )
                .with_saving(certification_saving(ctx, doc.copies, doc.pages))
                .with_fix(fix),
            );
        }
    }
}

/// The certification fee no longer paid, on the cost basis in force.
fn certification_saving(
    ctx: &RuleContext<'_>,
    copies: u32,
    pages: Option<u32>,
) -> crate::finding::Saving {
    let fee = crate::metrics::certification_fee(ctx.basis, copies.max(1), pages);
    crate::finding::Saving {
        basis: &[
            "certification_fee",
            "certification_fee_later_page",
            "certification_fee_cap",
        ],
        ..super::helpers::money_saving(ctx.procedure, fee)
    }
}
