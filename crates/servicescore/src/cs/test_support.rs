//! What the customer-service unit tests share: the default rules and a day of sessions.

use jiff::civil::Date;

use crate::cs::Session;
use crate::rulepack::CsRules;
use crate::RulePack;

/// The default pack's customer-service rules.
pub(crate) fn rules() -> CsRules {
    RulePack::default_pack().customer_service.clone()
}

/// `in_time` sessions answered after 60 s and `late` after 10 minutes, on day `d` from 10:00.
pub(crate) fn day(d: Date, in_time: usize, late: usize) -> Vec<Session> {
    (0..in_time + late)
        .map(|k| {
            let start = d.at(10, (k % 60) as i8, (k / 60) as i8, 0);
            let delay = if k < in_time { 60 } else { 600 };
            let reply = start
                .checked_add(jiff::SignedDuration::from_secs(delay))
                .unwrap();
            Session::new(format!("{d}-{k}"), start, Some(reply))
        })
        .collect()
}
