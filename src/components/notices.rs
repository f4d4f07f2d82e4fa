//! Notices: ignored URL parameters, unreadable storage, saved/restored confirmations.

use yew::prelude::*;

use crate::i18n::{fill, Lang, T};
use crate::state::{Action, Notice, Shown, Store};
use crate::url::Reason;

/// Props of [`Notices`].
#[derive(Properties, PartialEq, Clone)]
pub struct NoticesProps {
    /// Notices to show.
    pub notices: Vec<Shown>,
    /// Page language.
    pub lang: Lang,
    /// State dispatcher.
    pub dispatch: UseReducerDispatcher<Store>,
}

/// The text of a notice.
pub fn text(n: &Notice, lang: Lang) -> String {
    match n {
        Notice::BadParam(p) => {
            let reason = match &p.reason {
                Reason::NotANumber => T::ReasonNotNumber.get(lang).to_string(),
                Reason::OutOfRange { min, max } => fill(
                    T::ReasonRange.get(lang),
                    &[
                        ("min", &crate::url::number_text(*min)),
                        ("max", &crate::url::number_text(*max)),
                    ],
                ),
                Reason::UnknownIndustry => T::ReasonIndustry.get(lang).to_string(),
                Reason::UnknownLang => T::ReasonLang.get(lang).to_string(),
                Reason::UnknownParam => T::ReasonParam.get(lang).to_string(),
                Reason::NotZeroOrOne => T::ReasonEmbed.get(lang).to_string(),
                Reason::Duplicate => T::ReasonDuplicate.get(lang).to_string(),
            };
            fill(
                T::BadParam.get(lang),
                &[("name", &p.name), ("value", &p.value), ("reason", &reason)],
            )
        }
        Notice::StorageDropped(reason) => fill(T::StorageDropped.get(lang), &[("reason", reason)]),
        Notice::StorageUnavailable => T::StorageUnavailable.get(lang).to_string(),
        Notice::Saved => T::Saved.get(lang).to_string(),
        Notice::Restored => T::Restored.get(lang).to_string(),
        Notice::ResetDone => T::ResetDone.get(lang).to_string(),
    }
}

/// The notice list (announced politely to screen readers).
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    html! {
        <div class="notices" role="status" aria-live="polite" data-testid="notices">
            { for props.notices.iter().map(|n| {
                let id = n.id;
                let d = props.dispatch.clone();
                let kind = match n.notice {
                    Notice::Saved | Notice::Restored | Notice::ResetDone => "notice notice-ok",
                    _ => "notice notice-warn",
                };
                html! {
                    <div class={kind} data-testid="notice" key={id}>
                        <span>{ text(&n.notice, props.lang) }</span>
                        <button type="button" class="notice-close"
                            aria-label={T::Dismiss.get(props.lang)}
                            onclick={move |_| d.dispatch(Action::Dismiss(id))}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
