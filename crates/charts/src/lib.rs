//! Charts of the Service Score Simulator (服务分模拟器): the score across a metric's range,
//! the five dimensions, the day-by-day projection and the customer-service reply rate.
//!
//! Each chart is plain data owned by this crate ([`SensitivityChart`], [`DimensionChart`],
//! [`ProjectionChart`], [`RateChart`]); the page fills it from the scoring core, with every
//! user-visible word already translated. A chart can then
//!
//! - draw itself on any plotters [`DrawingBackend`] ([`Chart::draw`]): an SVG string in native
//!   tests (feature `svg`), an HTML canvas on the page (feature `canvas`, `canvas::render`);
//! - describe itself as a small table for screen readers ([`Chart::summary`]);
//! - report its layout ([`SensitivityChart::frame`] and friends) so a page can map a pointer
//!   position to a value.
//!
//! ```
//! use servicescore_charts::{Chart, HLine, LineKind, SensitivityChart};
//!
//! let chart = SensitivityChart {
//!     title: "3-minute reply rate".into(),
//!     x_label: "3-minute reply rate (%)".into(),
//!     overall_label: "Score".into(),
//!     dimension_label: "Consultation".into(),
//!     current_label: "Now".into(),
//!     no_data_label: "No data".into(),
//!     overall: vec![(0.0, Some(3.0)), (50.0, Some(3.8)), (100.0, Some(5.0))],
//!     current: Some(50.0),
//!     x_range: (0.0, 100.0),
//!     hlines: vec![HLine { y: 4.5, label: "Activities 4.5".into(), kind: LineKind::Gate }],
//!     ..SensitivityChart::default()
//! };
//! let table = chart.summary();
//! assert_eq!(table.rows[0], ["3-minute reply rate (%)", "50"]);
//! assert_eq!(table.rows[1], ["Score", "3.80"]);
//! // 4.5 is reached at 3.8 + 0.7 → 50 + 50 × 0.7 / 1.2 ≈ 79.2 %.
//! assert_eq!(table.rows[2], ["Activities 4.5", "≥ 79.2"]);
//!
//! # #[cfg(feature = "svg")] {
//! use plotters::prelude::*;
//! let mut svg = String::new();
//! {
//!     let area = SVGBackend::with_string(&mut svg, (400, 240)).into_drawing_area();
//!     chart.draw(&area, &servicescore_charts::Theme::light()).unwrap();
//! }
//! assert!(svg.contains("<polyline"));
//! # }
//! ```
//!
//! # Scope
//!
//! Drawing and layout only: no scoring (the page computes the series with the
//! `servicescore` core, which this crate does not depend on), no DOM beyond the canvas
//! adapter, no event handling. Numbers are formatted here (decimal point, `MM-DD` dates);
//! words never are.
//!
//! # Size and text
//!
//! plotters is used with **no** features: the charts are drawn with its basic elements
//! (paths, rectangles, circles, polygons, text), not with `ChartBuilder` meshes or series
//! types, so neither `line_series` nor any other feature is needed. `ttf` (font loading,
//! font-kit) is off: on wasm it is never used anyway (plotters-canvas draws text with the
//! canvas's own font), and natively SVG text needs no font.
//!
//! Text is never measured through plotters. Its wasm estimate creates a DOM `<span>` with a
//! `style` *attribute* for every label (a forced layout per label per redraw, and a CSP
//! violation under `style-src 'self'`); natively it is a crude `0.7 em × bytes`. Layout here
//! uses [`layout::text_width`], a per-character estimate that knows CJK is full-width, so
//! native tests and the browser place labels identically and nothing touches the DOM.
//!
//! # High-DPI
//!
//! Draw functions work in backend pixels. On a canvas whose backing store is `k` × its CSS
//! size, draw with [`Theme::scaled`]`(k)`: all sizes scale, coordinates stay whole device
//! pixels, and 1-pixel rules stay one device pixel sharp. `canvas::draw_on_canvas` (feature
//! `canvas`) does this.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod date;
pub mod dimension;
pub mod frame;
pub mod layout;
mod paint;
pub mod projection;
pub mod rate;
pub mod scale;
pub mod sensitivity;
pub mod series;
pub mod theme;

#[cfg(feature = "canvas")]
pub mod canvas;

pub use date::{CivilDate, DayAxis};
pub use dimension::{DimBar, DimensionChart};
pub use frame::Frame;
pub use paint::DrawResult;
pub use projection::{crossing_marks, ProjectionChart};
pub use rate::RateChart;
pub use scale::LinearScale;
pub use sensitivity::SensitivityChart;
pub use theme::{Dash, LineKind, Theme};

pub use plotters::coord::Shift;
pub use plotters::prelude::{DrawingArea, DrawingBackend};

/// A horizontal reference line drawn across a chart: a gate, a star band, a risk level or a
/// target.
#[derive(Debug, Clone, PartialEq)]
pub struct HLine {
    /// Value on the y axis (a score, or a rate in %).
    pub y: f64,
    /// Label drawn at the line's right end (translated by the caller; may be empty).
    pub label: String,
    /// What it stands for: decides the colour and dash.
    pub kind: LineKind,
}

/// A labelled day on a day axis ("4.5 reached").
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Day offset (0 = today).
    pub day: i32,
    /// Label (translated by the caller).
    pub label: String,
}

/// A chart's text alternative: a small table the page renders visually hidden next to the
/// canvas. Every word in it came from the caller; the crate adds only numbers and dates.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// Table caption (the chart's title).
    pub caption: String,
    /// Column headings; empty for a two-column key/value table.
    pub head: Vec<String>,
    /// Rows; the first cell of each is the row's heading.
    pub rows: Vec<Vec<String>>,
}

/// What every chart can do.
pub trait Chart {
    /// Draws the chart filling `area`. Sizes come from `theme` (already scaled for the
    /// device pixel ratio).
    ///
    /// # Errors
    ///
    /// Whatever the backend reports; data problems (gaps, non-finite values, empty series)
    /// are drawn, not returned as errors.
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> DrawResult<DB>;

    /// The text alternative.
    fn summary(&self) -> Summary;

    /// The chart's title (for the canvas's `aria-label` and the table caption).
    fn title(&self) -> &str;
}

/// Formats a score for text: two decimals, as the page displays scores.
pub(crate) fn fmt_score(v: f64) -> String {
    scale::format_fixed(v, 2)
}

/// The mark for "already met" in text alternatives.
pub(crate) const MET: &str = "✓";
/// The mark for "none" in text alternatives and for bars without data.
pub(crate) const NONE: &str = "—";
