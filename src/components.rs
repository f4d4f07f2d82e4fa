//! The page's components, one per file.

pub mod about;
pub mod advice;
pub mod chart_canvas;
pub mod cs;
pub mod dashboard;
pub mod explain;
pub mod file_import;
pub mod header;
pub mod hook_number;
pub mod import;
pub mod kept;
pub mod metric_row;
pub mod metrics_panel;
pub mod notices;
pub mod number_box;
pub mod pack_tools;
pub mod plan_weights;
pub mod projection;
pub mod scenario_bar;
pub mod score_charts;
pub mod score_panel;
pub mod score_range;
pub mod slider;
pub mod slot;
pub mod stars;
pub mod start;
pub mod summary_bar;
pub mod tag;

pub use crate::hooks::use_select_value;
