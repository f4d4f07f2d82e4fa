//! Helpers shared by the page's unit tests.

use servicescore::{RulePack, Scenario};

/// The general industry's medians (the core's lookup, [`RulePack::medians`]), as a scenario.
pub fn medians(pack: &RulePack) -> Scenario {
    let mut s = Scenario::default();
    for (id, v) in pack.medians("general") {
        s.metrics.insert(id, Some(v));
    }
    s
}
