//! A score's honest range beside it (SPEC §6): `(4.45–4.58)`, with a screen-reader text in the
//! page's language ("range 4.45 to 4.58") and the ends as the core shows them in `data-lo` /
//! `data-hi` (the hooks' form, a point decimal in every language). Its own element with its
//! own `data-testid`, so the score's SPEC §3 hook keeps its text exactly.

use servicescore::calibrate::Band;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::ranges::{self, Basis};

/// Props of [`ScoreRange`].
#[derive(Properties, PartialEq, Clone)]
pub struct ScoreRangeProps {
    /// The raw band.
    pub band: Band,
    /// The pack's display decimals.
    pub decimals: u32,
    /// What the band rests on (its tooltip).
    pub basis: Basis,
    /// `score-range`, `dimension-range`.
    pub testid: AttrValue,
    /// Page language.
    pub lang: Lang,
}

/// The range.
#[component]
pub fn ScoreRange(props: &ScoreRangeProps) -> Html {
    let [lo, hi] = ranges::ends(props.band, props.decimals);
    let zero = lo == hi;
    html! {
        <span class={classes!("score-range", zero.then_some("range-zero"))} data-testid={props.testid.clone()}
            data-lo={lo} data-hi={hi} title={props.basis.title(props.lang)}>
            <span aria-hidden="true">{ ranges::text(props.band, props.decimals, props.lang) }</span>
            <span class="visually-hidden">{ ranges::spoken(props.band, props.decimals, props.lang) }</span>
        </span>
    }
}
