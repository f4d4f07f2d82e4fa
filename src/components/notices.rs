//! Notices: ignored URL parameters, unreadable storage, packs, presets, saved/restored
//! confirmations, the undo of a reset. Every notice is worded here in the page's language.

use yew::prelude::*;

use crate::format;
use crate::i18n::{fill, Lang, T};
use crate::state::notice::Unreadable;
use crate::state::{Action, Notice, Shown};
use crate::url::Reason;

/// Props of [`Notices`].
#[derive(Properties, PartialEq, Clone)]
pub struct NoticesProps {
    /// Notices to show.
    pub notices: Vec<Shown>,
    /// Page language.
    pub lang: Lang,
    /// What a notice's buttons do (dismiss, undo, keep the preset).
    pub onaction: Callback<Action>,
}

fn unreadable(u: &Unreadable, lang: Lang) -> String {
    match u {
        Unreadable::NotJson => T::UnreadableNotJson.get(lang).to_string(),
        Unreadable::NewerSchema { found, reads } => fill(
            T::UnreadableNewer.get(lang),
            &[("found", &found.to_string()), ("reads", &reads.to_string())],
        ),
        Unreadable::Shape { place } => fill(T::UnreadableShape.get(lang), &[("place", place)]),
        Unreadable::UnknownIndustry { place, id } => fill(
            T::UnreadableIndustry.get(lang),
            &[("place", place), ("id", id)],
        ),
        Unreadable::UnknownMetric { place } => {
            fill(T::UnreadableMetric.get(lang), &[("place", place)])
        }
        Unreadable::OutOfRange { place, value } => fill(
            T::UnreadableRange.get(lang),
            &[("place", place), ("value", &format::number(*value, lang))],
        ),
        Unreadable::BadPack { place } => fill(T::UnreadablePack.get(lang), &[("place", place)]),
    }
}

/// The reason a URL parameter was ignored.
pub fn reason(r: &Reason, lang: Lang) -> String {
    match r {
        Reason::NotANumber => T::ReasonNotNumber.get(lang).to_string(),
        Reason::OutOfRange { min, max } => fill(
            T::ReasonRange.get(lang),
            &[
                ("min", &format::number(*min, lang)),
                ("max", &format::number(*max, lang)),
            ],
        ),
        Reason::UnknownIndustry => T::ReasonIndustry.get(lang).to_string(),
        Reason::UnknownLang => T::ReasonLang.get(lang).to_string(),
        Reason::UnknownParam => T::ReasonParam.get(lang).to_string(),
        Reason::NotZeroOrOne => T::ReasonEmbed.get(lang).to_string(),
        Reason::Duplicate => T::ReasonDuplicate.get(lang).to_string(),
        Reason::UnknownView => T::ReasonView.get(lang).to_string(),
        Reason::UnknownPack => T::ReasonPack.get(lang).to_string(),
    }
}

/// The text of a notice.
pub fn text(n: &Notice, lang: Lang) -> String {
    match n {
        Notice::BadParam(p) => fill(
            T::BadParam.get(lang),
            &[
                ("name", &p.name),
                ("value", &p.value),
                ("reason", &reason(&p.reason, lang)),
            ],
        ),
        Notice::StorageDropped(u) => fill(
            T::StorageDropped.get(lang),
            &[("reason", &unreadable(u, lang))],
        ),
        Notice::PackDropped(u) => fill(
            T::PackDropped.get(lang),
            &[("reason", &unreadable(u, lang))],
        ),
        Notice::StorageUnavailable => T::StorageUnavailable.get(lang).to_string(),
        Notice::StorageFull => T::StorageFull.get(lang).to_string(),
        Notice::Saved => T::Saved.get(lang).to_string(),
        Notice::Restored => T::Restored.get(lang).to_string(),
        Notice::ResetDone => T::ResetDone.get(lang).to_string(),
        Notice::ResetToMedians => T::ResetToMediansDone.get(lang).to_string(),
        Notice::Preset => T::PresetOpened.get(lang).to_string(),
        Notice::PresetKept => T::PresetKept.get(lang).to_string(),
        Notice::PackUnreachable { path } => fill(T::PackUnreachable.get(lang), &[("path", path)]),
        Notice::PackRefused { source, place, .. } => fill(
            T::PackRefused.get(lang),
            &[("source", source), ("place", place)],
        ),
        Notice::PackInUse(id) => fill(T::PackInUse.get(lang), &[("id", id)]),
    }
}

/// The notice list (announced politely to screen readers).
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="notices" role="status" aria-live="polite" data-testid="notices">
            { for props.notices.iter().map(|n| {
                let id = n.id;
                let kind = match n.notice {
                    Notice::Saved | Notice::Restored | Notice::ResetDone | Notice::PresetKept
                    | Notice::PackInUse(_) | Notice::ResetToMedians | Notice::Preset => "notice notice-ok",
                    _ => "notice notice-warn",
                };
                let button = |label: T, action: Action, testid: &'static str| {
                    let cb = props.onaction.clone();
                    html! {
                        <button type="button" class="notice-action" data-testid={testid}
                            onclick={move |_| cb.emit(action.clone())}>{ label.get(lang) }</button>
                    }
                };
                let dismiss = props.onaction.clone();
                html! {
                    <div class={kind} data-testid="notice" key={id}>
                        <span>{ text(&n.notice, lang) }</span>
                        if n.notice == Notice::ResetToMedians {
                            { button(T::Undo, Action::UndoReset, "undo-reset") }
                        }
                        if n.notice == Notice::Preset {
                            { button(T::KeepPreset, Action::KeepPreset, "keep-preset") }
                        }
                        if let Notice::PackRefused { detail, .. } = &n.notice {
                            // The validation's own words are English: shown to English readers only.
                            if lang == Lang::En {
                                <code class="notice-detail">{ detail.clone() }</code>
                            }
                        }
                        <button type="button" class="notice-close"
                            aria-label={T::Dismiss.get(lang)}
                            onclick={move |_| dismiss.emit(Action::Dismiss(id))}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
