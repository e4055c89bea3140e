//! TT404 no-online-channel: the procedure cannot be done online.

use crate::element::{ElementPath, Key};
use super::{Family, Rule, RuleContext, RuleInfo, StaticText};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::model::Channel;

/// The rule.
pub struct NoOnlineChannel;

/// Its description.
pub const INFO: RuleInfo = RuleInfo {
    code: "TT404",
    name: "no-online-channel",
    severity: Severity::Warn,
    recommended: true,
    family: Family::Interaction,
    summary: StaticText {
        vi: "thủ tục không có cách thực hiện trực tuyến",
        en: "the procedure has no online channel",
    },
    why: StaticText {
        vi: "Thực hiện trực tuyến bỏ được lượt đi lại và giấy tờ in; kết quả điện tử có giá trị pháp lý như bản giấy.",
        en: "Filing online removes trips and printed papers; electronic results have the same legal value as paper ones.",
    },
    example: StaticText {
        vi: "`channels: [in_person, post]`.",
        en: "`channels: [in_person, post]`.",
    },
    legal_basis: Some(StaticText {
        vi: "Nghị định 45/2020/NĐ-CP (thực hiện thủ tục hành chính trên môi trường điện tử)",
        en: "Decree 45/2020/NĐ-CP (administrative procedures performed electronically)",
    }),
};

impl Rule for NoOnlineChannel {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &RuleContext<'_>, out: &mut Vec<Finding>) {
        let Some(channels) = &ctx.procedure.channels else {
            return; // TT001 reports missing channels.
        };
        if channels.is_empty() || channels.contains(&Channel::Online) {
            return;
        }
        out.push(
            ctx.finding(
                &INFO,
                ElementPath::key(Key::Channels),
                "thủ tục không thực hiện được trực tuyến",
                "the procedure cannot be done online",
            )
            .suggest(
                "thêm `online` vào `channels` và nhận hồ sơ qua Cổng Dịch vụ công",
                "add `online` to `channels` and accept dossiers through the public-service portal",
            ),
        );
    }
}
