//! Scenario actions: pin/clear the baseline, save/restore "my scenario", reset to medians.

use yew::prelude::*;

use crate::i18n::{Lang, Text};

/// Props of [`ScenarioBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct ScenarioBarProps {
    /// Whether a baseline is pinned.
    pub has_baseline: bool,
    /// Whether "my scenario" exists.
    pub has_saved: bool,
    /// Page language.
    pub lang: Lang,
    /// "Pin as baseline" pressed.
    pub onpin: Callback<()>,
    /// "Clear baseline" pressed.
    pub onunpin: Callback<()>,
    /// "Save my scenario" pressed.
    pub onsave: Callback<()>,
    /// "Restore my scenario" pressed.
    pub onrestore: Callback<()>,
    /// "Reset to medians" pressed.
    pub onreset: Callback<()>,
}

/// The action buttons.
#[component]
pub fn ScenarioBar(props: &ScenarioBarProps) -> Html {
    let lang = props.lang;
    let button = |key: Text, on: &Callback<()>, testid: &'static str, enabled: bool| {
        html! {
            <button type="button" data-testid={testid} disabled={!enabled}
                onclick={on.reform(|_: MouseEvent| ())}>{ key.get(lang) }</button>
        }
    };
    html! {
        <div class="scenario-bar" role="group">
            if props.has_baseline {
                { button(Text::ClearBaseline, &props.onunpin, "clear-baseline", true) }
            } else {
                { button(Text::PinBaseline, &props.onpin, "pin-baseline", true) }
            }
            { button(Text::SaveMine, &props.onsave, "save-scenario", true) }
            { button(Text::RestoreMine, &props.onrestore, "restore-scenario", props.has_saved) }
            { button(Text::ResetMedians, &props.onreset, "reset-medians", true) }
        </div>
    }
}
