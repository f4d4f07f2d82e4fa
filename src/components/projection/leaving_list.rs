//! The bad days of the past window and the day each leaves it, with what its leaving alone
//! changes.

use yew::prelude::*;

use super::logic::LeavingRow;
use super::texts::OutlookText;
use crate::format;
use crate::i18n::{fill, Lang};

/// Props of [`LeavingList`].
#[derive(Properties, PartialEq, Clone)]
pub struct LeavingListProps {
    /// The bad days, oldest first.
    pub rows: Vec<LeavingRow>,
    /// Page language.
    pub lang: Lang,
}

/// The list (`data-testid="leaving"` per day, `data-date`, `data-leaves-on`).
#[component]
pub fn LeavingList(props: &LeavingListProps) -> Html {
    let lang = props.lang;
    if props.rows.is_empty() {
        return html! { <p class="note" data-testid="leaving-none">{ OutlookText::LeavingNone.get(lang) }</p> };
    }
    html! {
        <ul class="leaving-list">
            { for props.rows.iter().map(|l| html! {
                <li class={classes!("leaving", (!l.in_horizon).then_some("leaving-beyond"))} data-testid="leaving"
                    data-date={l.date.to_string()} data-leaves-on={l.leaves_on.to_string()}>
                    <span>{ fill(OutlookText::LeavingRow.get(lang), &[
                        ("date", &l.date.to_string()),
                        ("score", &format::score(l.day_score)),
                        ("leaves", &l.leaves_on.to_string()),
                    ]) }</span>
                    if let Some(e) = l.effect {
                        <span class={classes!("delta", format::delta_class(e, 0.0005))}>
                            { fill(OutlookText::LeavingEffect.get(lang), &[("x", &format::delta(e, 3))]) }
                        </span>
                    }
                    if !l.in_horizon { <span class="muted">{ OutlookText::LeavingBeyond.get(lang) }</span> }
                </li>
            }) }
        </ul>
    }
}
