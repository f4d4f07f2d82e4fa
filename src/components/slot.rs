//! A place in the shell's layout that the views module fills (see [`crate::bridge`]): the
//! shell renders only the empty host element (the other module's portal owns its children)
//! and, beside it, a short status while the module loads or when it could not.

use yew::prelude::*;

use crate::bridge::slot_id;
use crate::i18n::{Lang, Text};
use crate::lazy::Status;

/// Props of [`Slot`].
#[derive(Properties, PartialEq, Clone)]
pub struct SlotProps {
    /// The slot's name (`charts`, `advice`, …).
    pub name: AttrValue,
    /// Where the views module is.
    pub status: Status,
    /// Page language.
    pub lang: Lang,
}

/// A slot.
#[component]
pub fn Slot(props: &SlotProps) -> Html {
    let note = match props.status {
        Status::Idle | Status::Loading => Some(Text::Loading.get(props.lang)),
        Status::Failed => Some(Text::LoadFailed.get(props.lang)),
        Status::Ready | Status::Absent => None,
    };
    html! {
        <div class={classes!("slot", format!("slot-{}", props.name))} key={props.name.to_string()}>
            if let Some(n) = note {
                <p class="slot-status muted" role={(props.status == Status::Failed).then_some("alert")}>{ n }</p>
            }
            <div id={slot_id(&props.name)} class="slot-host"></div>
        </div>
    }
}
