//! Scenario actions: pin/clear the baseline, save/restore "my scenario", reset to medians.

use yew::prelude::*;

use crate::i18n::{Lang, T};
use crate::state::{Action, Store};

/// Props of [`ScenarioBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct ScenarioBarProps {
    /// Whether a baseline is pinned.
    pub has_baseline: bool,
    /// Whether "my scenario" exists.
    pub has_saved: bool,
    /// Page language.
    pub lang: Lang,
    /// State dispatcher.
    pub dispatch: UseReducerDispatcher<Store>,
}

/// The action buttons.
#[component]
pub fn ScenarioBar(props: &ScenarioBarProps) -> Html {
    let lang = props.lang;
    let button = |key: T, action: Action, testid: &'static str, enabled: bool| {
        let d = props.dispatch.clone();
        html! {
            <button type="button" data-testid={testid} disabled={!enabled}
                onclick={move |_| d.dispatch(action.clone())}>{ key.get(lang) }</button>
        }
    };
    html! {
        <div class="scenario-bar" role="group">
            if props.has_baseline {
                { button(T::ClearBaseline, Action::ClearBaseline, "clear-baseline", true) }
            } else {
                { button(T::PinBaseline, Action::PinBaseline, "pin-baseline", true) }
            }
            { button(T::SaveMine, Action::Save, "save-scenario", true) }
            { button(T::RestoreMine, Action::RestoreSaved, "restore-scenario", props.has_saved) }
            { button(T::ResetMedians, Action::ResetMedians, "reset-medians", true) }
        </div>
    }
}
