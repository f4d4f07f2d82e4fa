//! Notices: ignored URL parameters, unreadable storage, packs, presets, saved/restored
//! confirmations, the undo of a reset. Every notice is worded here in the page's language.

use yew::prelude::*;

use crate::format;
use crate::i18n::{fill, Lang, Text};
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
        Unreadable::NotJson => Text::UnreadableNotJson.get(lang).to_string(),
        Unreadable::NewerSchema { found, reads } => fill(
            Text::UnreadableNewer.get(lang),
            &[("found", &found.to_string()), ("reads", &reads.to_string())],
        ),
        Unreadable::Shape { place } => fill(Text::UnreadableShape.get(lang), &[("place", place)]),
        Unreadable::UnknownIndustry { place, id } => fill(
            Text::UnreadableIndustry.get(lang),
            &[("place", place), ("id", id)],
        ),
        Unreadable::UnknownMetric { place } => {
            fill(Text::UnreadableMetric.get(lang), &[("place", place)])
        }
        Unreadable::OutOfRange { place, value } => fill(
            Text::UnreadableRange.get(lang),
            &[("place", place), ("value", &format::number(*value, lang))],
        ),
        Unreadable::BadPack { place } => fill(Text::UnreadablePack.get(lang), &[("place", place)]),
    }
}

/// The reason a URL parameter was ignored.
pub fn reason(r: &Reason, lang: Lang) -> String {
    match r {
        Reason::NotANumber => Text::ReasonNotNumber.get(lang).to_string(),
        Reason::OutOfRange { min, max } => fill(
            Text::ReasonRange.get(lang),
            &[
                ("min", &format::number(*min, lang)),
                ("max", &format::number(*max, lang)),
            ],
        ),
        Reason::UnknownIndustry => Text::ReasonIndustry.get(lang).to_string(),
        Reason::UnknownLang => Text::ReasonLang.get(lang).to_string(),
        Reason::UnknownParam => Text::ReasonParam.get(lang).to_string(),
        Reason::NotZeroOrOne => Text::ReasonEmbed.get(lang).to_string(),
        Reason::Duplicate => Text::ReasonDuplicate.get(lang).to_string(),
        Reason::UnknownView => Text::ReasonView.get(lang).to_string(),
        Reason::UnknownPack => Text::ReasonPack.get(lang).to_string(),
    }
}

/// The text of a notice.
pub fn text(n: &Notice, lang: Lang) -> String {
    match n {
        Notice::BadParam(p) => fill(
            Text::BadParam.get(lang),
            &[
                ("name", &p.name),
                ("value", &p.value),
                ("reason", &reason(&p.reason, lang)),
            ],
        ),
        Notice::StorageDropped(u) => fill(
            Text::StorageDropped.get(lang),
            &[("reason", &unreadable(u, lang))],
        ),
        Notice::PackDropped(u) => fill(
            Text::PackDropped.get(lang),
            &[("reason", &unreadable(u, lang))],
        ),
        Notice::StorageUnavailable => Text::StorageUnavailable.get(lang).to_string(),
        Notice::StorageFull => Text::StorageFull.get(lang).to_string(),
        Notice::Saved => Text::Saved.get(lang).to_string(),
        Notice::Restored => Text::Restored.get(lang).to_string(),
        Notice::ResetDone => Text::ResetDone.get(lang).to_string(),
        Notice::ResetToMedians => Text::ResetToMediansDone.get(lang).to_string(),
        Notice::Preset => Text::PresetOpened.get(lang).to_string(),
        Notice::PresetKept => Text::PresetKept.get(lang).to_string(),
        Notice::PackUnreachable { path } => {
            fill(Text::PackUnreachable.get(lang), &[("path", path)])
        }
        Notice::PackRefused { source, place, .. } => fill(
            Text::PackRefused.get(lang),
            &[("source", source), ("place", place)],
        ),
        Notice::PackInUse(id) => fill(Text::PackInUse.get(lang), &[("id", id)]),
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
                let button = |label: Text, action: Action, testid: &'static str| {
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
                            { button(Text::Undo, Action::UndoReset, "undo-reset") }
                        }
                        if n.notice == Notice::Preset {
                            { button(Text::KeepPreset, Action::KeepPreset, "keep-preset") }
                        }
                        if let Notice::PackRefused { detail, .. } = &n.notice {
                            // The validation's own words are English: shown to English readers only.
                            if lang == Lang::En {
                                <code class="notice-detail">{ detail.clone() }</code>
                            }
                        }
                        <button type="button" class="notice-close"
                            aria-label={Text::Dismiss.get(lang)}
                            onclick={move |_| dismiss.emit(Action::Dismiss(id))}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
