//! A score the SPEC §3 test hooks read (`overall-score`, a dimension's value): the hook keeps
//! the displayed score exactly as the core writes it (`4.40`) in every language, while the
//! page shows it as the language writes numbers (Spanish `4,40`). Where the two are the same,
//! one element is both; in Spanish the hook is a hidden twin of the visible number (hidden
//! from screen readers too, which read the visible one).

use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;

/// Props of [`HookNumber`].
#[derive(Properties, PartialEq, Clone)]
pub struct HookNumberProps {
    /// The hook's `data-testid`.
    pub testid: AttrValue,
    /// The number as the core writes it (`4.40`, or `—`).
    pub value: AttrValue,
    /// Classes of the visible number.
    #[prop_or_default]
    pub class: Classes,
    /// Page language.
    pub lang: Lang,
}

/// The number.
#[component]
pub fn HookNumber(props: &HookNumberProps) -> Html {
    let local = format::localize(props.value.to_string(), props.lang);
    if local == *props.value {
        return html! {
            <span class={props.class.clone()} data-testid={props.testid.clone()}>{ props.value.clone() }</span>
        };
    }
    html! {
        <span class={props.class.clone()}>
            <span class="visually-hidden" aria-hidden="true" data-testid={props.testid.clone()}>{ props.value.clone() }</span>
            { local }
        </span>
    }
}
