//! The first-reach list: for each star level and threshold, the first projected day that
//! reaches it, or that it is not reached within the horizon.

use yew::prelude::*;

use super::logic::ReachRow;
use super::texts::OutlookText;
use crate::i18n::{fill, Lang};

/// Props of [`ReachList`].
#[derive(Properties, PartialEq, Clone)]
pub struct ReachListProps {
    /// The rows, star levels then thresholds.
    pub rows: Vec<ReachRow>,
    /// Days projected.
    pub horizon: usize,
    /// Page language.
    pub lang: Lang,
}

/// The list (`data-testid="first-reach"` per target, `data-target`, `data-date`).
#[component]
pub fn ReachList(props: &ReachListProps) -> Html {
    let lang = props.lang;
    html! {
        <ul class="reach-list">
            { for props.rows.iter().map(|r| {
                let date = r.first.map(|d| d.to_string()).unwrap_or_default();
                let when = match (r.first, r.day) {
                    (Some(d), Some(n)) => html! {
                        <>
                            <time datetime={d.to_string()} data-testid="first-reach-date">{ d.to_string() }</time>
                            <span class="reach-day">{ if n <= 0 {
                                OutlookText::ReachToday.get(lang).to_string()
                            } else {
                                fill(OutlookText::ReachDay.get(lang), &[("n", &n.to_string())])
                            } }</span>
                            if r.lost { <span class="reach-lost">{ OutlookText::ReachLost.get(lang) }</span> }
                        </>
                    },
                    _ => html! {
                        <span class="reach-not">{ fill(OutlookText::ReachNot.get(lang), &[("n", &props.horizon.to_string())]) }</span>
                    },
                };
                html! {
                    <li class={classes!("reach", if r.first.is_some() { "reach-yes" } else { "reach-no" })}
                        data-testid="first-reach" data-target={r.key.clone()} data-date={date}>
                        <span class="reach-icon" aria-hidden="true">{ if r.first.is_some() { "✓" } else { "—" } }</span>
                        <span class="reach-name">{ r.label.clone() }</span>
                        <span class="reach-when">{ when }</span>
                    </li>
                }
            }) }
        </ul>
    }
}
