//! The figures of each channel a procedure declares (trực tiếp, trực
//! tuyến, bưu chính): its deadline and its compliance cost, and which of
//! them is the headline. The costs differ by the fees of each channel only:
//! effort and trips are what the file declares for its steps, which have no
//! channel of their own.

use crate::metrics::cost::{ComplianceCost, Scenario};
use crate::model::{Channel, Duration, Money, Procedure};
use serde::Serialize;

/// One channel's figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ChannelFigures {
    /// The channel.
    pub channel: Channel,
    /// Whether its figures are the headline ones (the declared main
    /// channel, else the largest share, else in person).
    pub headline: bool,
    /// Its share of dossiers in millionths, where declared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_ppm: Option<u32>,
    /// Its deadline as published: the channel's own, else the procedure's
    /// when no channel has its own (never another channel's); in JSON the
    /// text as published (`"7 working days"`).
    #[serde(serialize_with = "crate::metrics::time::declared_text")]
    pub deadline: Option<Duration>,
    /// Compliance cost of one case filed this way (in JSON null when it
    /// overflowed, see TT008).
    #[serde(serialize_with = "crate::metrics::cost::money_figure")]
    pub per_case: Money,
    /// The same per year, when `volume` is declared.
    #[serde(serialize_with = "crate::metrics::cost::opt_money_figure")]
    pub annual: Option<Money>,
    /// The fees it pays (part of `per_case`).
    #[serde(serialize_with = "crate::metrics::cost::money_figure")]
    pub fees: Money,
}

/// The channels to report: those declared, else in person only.
fn declared(p: &Procedure) -> Vec<Channel> {
    match &p.channels {
        Some(list) if !list.is_empty() => {
            let mut out: Vec<Channel> = Vec::with_capacity(list.len());
            for c in list {
                if !out.contains(c) {
                    out.push(*c);
                }
            }
            out
        }
        _ => vec![p.headline_channel()],
    }
}

/// Each declared channel's figures: `headline` is the cost already
/// measured on the headline channel; `cost_on` measures another channel
/// (one linear pass each, at most three).
pub(crate) fn by_channel(
    p: &Procedure,
    headline: &ComplianceCost,
    mut cost_on: impl FnMut(Scenario) -> ComplianceCost,
) -> Vec<ChannelFigures> {
    let head = headline.scenario.channel();
    declared(p)
        .into_iter()
        .map(|channel| {
            let scenario = Scenario::on(channel);
            let own;
            let cost = if channel == head {
                headline
            } else {
                own = cost_on(scenario);
                &own
            };
            let fees = cost
                .breakdown
                .iter()
                .fold(Money::ZERO, |sum, r| sum.saturating_add(r.fees));
            ChannelFigures {
                channel,
                headline: channel == head,
                share_ppm: p
                    .channel_shares
                    .iter()
                    .find(|(c, _)| *c == channel)
                    .map(|(_, s)| *s),
                deadline: p.deadlines.of_channel(channel).or_else(|| {
                    p.deadlines
                        .by_channel
                        .is_empty()
                        .then_some(p.deadline)
                        .flatten()
                }),
                per_case: cost.per_case,
                annual: cost.annual,
                fees,
            }
        })
        .collect()
}
