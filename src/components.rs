//! The page's components, one per file.

pub mod about;
pub mod advice;
pub mod chart_canvas;
pub mod cs;
pub mod explain;
pub mod file_import;
pub mod header;
pub mod metric_row;
pub mod metrics_panel;
pub mod notices;
pub mod number_box;
pub mod projection;
pub mod scenario_bar;
pub mod score_charts;
pub mod score_panel;
pub mod slider;
pub mod stars;
pub mod summary_bar;
pub mod tag;

use web_sys::HtmlSelectElement;
use yew::{hook, use_effect_with, use_node_ref, NodeRef};

/// Keeps a `<select>` showing `value` however the state changes (a reset, a restored
/// scenario, a focused metric row): `<option selected>` stops steering a select once its
/// value has been set by the user or by script. Put the returned ref on the select.
#[hook]
pub fn use_select_value(value: String) -> NodeRef {
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(value, move |value| {
            if let Some(s) = select.cast::<HtmlSelectElement>() {
                if s.value() != *value {
                    s.set_value(value);
                }
            }
        });
    }
    select
}
