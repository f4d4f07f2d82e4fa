//! A controlled range input (after yew's `examples/boids` slider): label, value, min/max/step
//! and a `Callback<f64>`; the value is clamped to the slider's ends for display only.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`Slider`].
#[derive(Properties, PartialEq, Clone)]
pub struct SliderProps {
    /// Element id.
    pub id: AttrValue,
    /// Accessible name.
    pub label: AttrValue,
    /// The value (shown clamped to `[min, max]`).
    pub value: f64,
    /// Left end.
    pub min: f64,
    /// Right end.
    pub max: f64,
    /// Step.
    pub step: f64,
    /// The value as words for screen readers (`62.5%`).
    pub valuetext: AttrValue,
    /// The user moved it.
    pub oninput: Callback<f64>,
    /// The metric id for the SPEC §3 hook `data-metric`.
    #[prop_or_default]
    pub hook: Option<AttrValue>,
    /// Disabled (no data).
    #[prop_or_default]
    pub disabled: bool,
}

/// Writes a slider attribute without float noise (`0.1`, not `0.1000000000000000055`).
fn attr(v: f64) -> String {
    servicescore::display::fmt_num(v)
}

/// A range input.
#[component]
pub fn Slider(props: &SliderProps) -> Html {
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            let v = e
                .target_unchecked_into::<HtmlInputElement>()
                .value_as_number();
            if v.is_finite() {
                cb.emit(v);
            }
        })
    };
    let shown = props.value.clamp(props.min, props.max);
    html! {
        <input type="range" id={props.id.clone()} data-metric={props.hook.clone()}
            min={attr(props.min)} max={attr(props.max)} step={attr(props.step)}
            value={attr(shown)} {oninput} disabled={props.disabled}
            aria-label={props.label.clone()} aria-valuetext={props.valuetext.clone()} />
    }
}
