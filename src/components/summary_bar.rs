//! A compact score line that stays on screen on phones while the user drags a metric further
//! down the page. Hidden from screen readers: the results panel is the announced region.
//! The score has its honest range beside it, and "calibrated" when the pack is calibrated to
//! the merchant's dashboard (the results panel says to which).

use std::rc::Rc;

use servicescore::calibrate::Band;
use servicescore::Evaluation;
use yew::prelude::*;

use crate::components::stars::Stars;
use crate::format;
use crate::i18n::{fill, Lang, Text};
use crate::ranges;

/// Props of [`SummaryBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct SummaryBarProps {
    /// The current breakdown.
    pub eval: Rc<Evaluation>,
    /// The baseline's, when pinned.
    pub baseline: Option<Rc<Evaluation>>,
    /// The overall score's honest range.
    #[prop_or_default]
    pub range: Option<Band>,
    /// The pack's display decimals.
    #[prop_or(2)]
    pub decimals: u32,
    /// Whether the range is pinned to the merchant's dashboard.
    #[prop_or_default]
    pub calibrated: bool,
    /// Page language.
    pub lang: Lang,
}

/// The sticky summary (shown below 900 px by the stylesheet).
#[component]
pub fn SummaryBar(props: &SummaryBarProps) -> Html {
    let e = &props.eval;
    let delta =
        format::score_change(e.score, props.baseline.as_ref().and_then(|b| b.score)).map(|d| {
            fill(
                Text::VsBaseline.get(props.lang),
                &[("x", &format::delta(d, 2))],
            )
        });
    html! {
        <div class="summary-bar" aria-hidden="true">
            // "At these values": the steady score of the sliders (as if they held for the whole
            // window), not the score published on a day (the outlook's).
            <span class="summary-label" title={Text::SummaryLabelTitle.get(props.lang)}>{ Text::SummaryLabel.get(props.lang) }</span>
            <span class="summary-score">{ format::localize(e.display_score.clone().unwrap_or_else(|| "—".into()), props.lang) }</span>
            if let Some(b) = props.range {
                <span class="summary-range">{ ranges::text(b, props.decimals, props.lang) }</span>
            }
            if props.calibrated {
                <span class="summary-calibrated">{ ranges::calibrated_short(props.lang) }</span>
            }
            <Stars stars={e.stars} lang={props.lang} hook={false} />
            if let Some(d) = delta { <span class="delta">{ d }</span> }
        </div>
    }
}
