//! TT405 repeated-supplement: more than one request to supplement the
//! dossier, or a likely one.

use crate::element::{ElementPath, Key};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::model::format_milli;

/// Probability (in millionths) from which a supplement request is "likely".
pub(crate) const LIKELY_PPM: u32 = 500_000;

/// The rule.
pub struct RepeatedSupplement;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT405",
    name: "repeated-supplement",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Interaction,
    summary: StaticText {
        vi: "hồ sơ có thể bị yêu cầu bổ sung nhiều lần (nhiều vòng `rework`), hoặc rất có thể bị yêu cầu bổ sung",
        en: "the dossier may be sent back for supplements several times (several `rework` loops), or probably will be",
    },
    why: StaticText {
        vi: "Mỗi lần bổ sung thêm lượt đi lại và kéo dài thời gian; cơ quan nên hướng dẫn đầy đủ trong một phiếu yêu cầu bổ sung. Xác suất bổ sung cao cho thấy hướng dẫn hoặc biểu mẫu chưa rõ.",
        en: "Each supplement request adds trips and delay; the agency should list everything in one request. A high supplement probability suggests unclear guidance or forms.",
    },
    example: StaticText {
        vi: "Cả `kiem-tra` và `tham-dinh` đều có `rework`; hoặc `rework: { probability: 0.6 }`.",
        en: "Both `kiem-tra` and `tham-dinh` have a `rework`; or `rework: { probability: 0.6 }`.",
    },
    legal_basis: Some(StaticText {
        vi: "Nghị định 118/2025/NĐ-CP, Điều 16 (hướng dẫn một lần đầy đủ khi hồ sơ chưa đủ) và Thông tư 03/2025/TT-VPCP (Mẫu số 02 Phụ lục I: phiếu yêu cầu bổ sung, hoàn thiện hồ sơ)",
        en: "Decree 118/2025/NĐ-CP, Art. 16 (one complete request when a dossier is incomplete) and Circular 03/2025/TT-VPCP (Annex I form 02: request to supplement the dossier)",
    }),
};

impl Rule for RepeatedSupplement {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let mut first: Option<&str> = None;
        for step in &ctx.procedure.steps {
            let Some(rw) = &step.rework else {
                continue;
            };
            let id = &step.id;
            let element = ElementPath::step(id).field(Key::Rework);
            match first {
                None => first = Some(id),
                Some(earlier) => out.push(
                    ctx.finding(
                        &INFO,
                        element.clone(),
                        format!("bước `{id}` yêu cầu bổ sung hồ sơ lần nữa, sau bước `{earlier}`"),
                        format!("step `{id}` sends the dossier back for a supplement again, after step `{earlier}`"),
                    )
                    .suggest(
                        format!("gộp việc kiểm tra hồ sơ của `{id}` vào `{earlier}` để chỉ yêu cầu bổ sung một lần"),
                        format!("check the dossier completely at `{earlier}` so that a supplement is requested once"),
                    ),
                ),
            }
            if rw.probability_ppm >= LIKELY_PPM {
                let percent = format_milli(u64::from(rw.probability_ppm) / 10, '.');
                out.push(
                    ctx.finding(
                        &INFO,
                        element.clone().field(Key::Probability),
                        format!("hồ sơ bị yêu cầu bổ sung ở bước `{id}` với xác suất {percent}%"),
                        format!("the dossier is sent back for supplements at step `{id}` with probability {percent}%"),
                    )
                    .suggest(
                        "làm rõ hướng dẫn, biểu mẫu và thành phần hồ sơ để phần lớn hồ sơ đầy đủ ngay lần đầu",
                        "clarify the guidance, forms and dossier so that most dossiers are complete the first time",
                    ),
                );
            }
        }
    }
}
