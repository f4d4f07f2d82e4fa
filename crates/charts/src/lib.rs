//! Charts of the Service Score Simulator (服务分模拟器): the score across a metric's range,
//! the five dimensions, the day-by-day projection and the customer-service reply rate.
//!
//! Each chart is plain data owned by this crate ([`SensitivityChart`], [`DimensionChart`],
//! [`ProjectionChart`], [`RateChart`]); the page fills it from the scoring core, with every
//! user-visible word already translated and every level already worked out (where a level is
//! reached comes from the core's goal seek and projection, never from this crate). A chart can
//! then
//!
//! - lay itself out for a pixel size ([`Chart::layout`]): the plot frame (scales a page can use
//!   to map a pointer to a value) and every label, placed so that no two overlap and none
//!   leaves the drawing;
//! - paint a layout on any plotters [`DrawingBackend`] ([`Chart::paint`], or [`Chart::draw`]
//!   for both steps): an SVG string in native tests (feature `svg`), an HTML canvas on the
//!   page (feature `canvas`, `canvas::render`);
//! - paint it in two layers: the [`Backdrop`] (grid, axes, reference lines, legend, ticks),
//!   which stays the same while a slider moves the data, and the data over it
//!   ([`Chart::paint_data`]); on the page `canvas::Layers` keeps the backdrop painted;
//! - describe itself as a small table for screen readers ([`Chart::summary`]).
//!
//! Numbers and dates are written by a [`ChartFormat`] the caller passes (yew-chart's injected
//! formatter): the page's rounding and locale, not this crate's. [`Plain`] is a plain one.
//!
//! ```
//! use servicescore_charts::{Chart, HLine, Level, LineKind, Plain, Reach, SensitivityChart};
//!
//! let chart = SensitivityChart {
//!     title: "3-minute reply rate".into(),
//!     x_label: "3-minute reply rate (%)".into(),
//!     overall_label: "Score".into(),
//!     current_label: "Now".into(),
//!     no_data_label: "No data".into(),
//!     overall: vec![(0.0, Some(3.0)), (50.0, Some(3.8)), (100.0, Some(5.0))],
//!     current: Some(50.0),
//!     x_range: (0.0, 100.0),
//!     value_decimals: 1,
//!     // The core's goal seek says where this metric reaches 4.5 (the page computes it).
//!     levels: vec![Level {
//!         line: HLine { y: 4.5, label: "Activities 4.5".into(), kind: LineKind::Gate },
//!         reach: Reach::At(79.2),
//!     }],
//!     next: Some(0),
//!     ..SensitivityChart::default()
//! };
//! let table = chart.summary(&Plain);
//! assert_eq!(table.rows[0], ["3-minute reply rate (%)", "50"]);
//! assert_eq!(table.rows[1], ["Score", "3.80"]);
//! assert_eq!(table.rows[2], ["Activities 4.5", "≥ 79.2"]);
//!
//! let layout = chart.layout(400.0, 240.0, &servicescore_charts::Theme::light(), &Plain);
//! assert!(layout.labels.iter().any(|l| l.text == "79.2"));
//! # #[cfg(feature = "svg")] {
//! use plotters::prelude::*;
//! let mut svg = String::new();
//! {
//!     let area = SVGBackend::with_string(&mut svg, (400, 240)).into_drawing_area();
//!     chart.paint(&layout, &area, &servicescore_charts::Theme::light()).unwrap();
//! }
//! assert!(svg.contains("<polyline"));
//! # }
//! ```
//!
//! # Scope
//!
//! Drawing and layout only: no scoring (the page computes series and levels with the
//! `servicescore` core, which this crate does not depend on), no DOM beyond the canvas
//! adapter, no event handling, no wording and no number or date style of its own.
//!
//! # Size and text
//!
//! plotters is used with **no** features: the charts are drawn with its basic elements
//! (paths, rectangles, circles, polygons, text), not with `ChartBuilder` meshes or series
//! types, so neither `line_series` nor any other feature is needed. `ttf` (font loading,
//! font-kit) is off: on wasm it is never used anyway (the canvas draws text with its own
//! font), and natively SVG text needs no font. Dates are `jiff` civil dates, the calendar
//! the core already brings into the page.
//!
//! Text is never measured through plotters. Its wasm estimate creates a DOM `<span>` with a
//! `style` *attribute* for every label (a forced layout per label per redraw, and a CSP
//! violation under `style-src 'self'`); natively it is a crude `0.7 em × bytes`. Layout here
//! uses [`text::text_width`], a per-character estimate that knows CJK is full-width, so
//! native tests and the browser place labels identically and nothing touches the DOM.
//!
//! # High-DPI
//!
//! Layouts and drawing work in backend pixels. On a canvas whose backing store is `k` × its
//! CSS size, use [`Theme::scaled`]`(k)`: all sizes scale, coordinates stay whole device
//! pixels, and 1-pixel rules stay one device pixel sharp. `canvas::draw_on_canvas` (feature
//! `canvas`) does this.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod annotate;
pub mod backdrop;
pub mod date;
pub mod dimension;
pub mod format;
pub mod frame;
pub mod geometry;
pub mod layout;
mod paint;
pub mod projection;
pub mod rate;
pub mod scale;
pub mod sensitivity;
pub mod series;
pub mod text;
pub mod theme;

#[cfg(feature = "canvas")]
pub mod canvas;

use layout::Placer;

pub use backdrop::Backdrop;
pub use dimension::{DimBar, DimensionChart};
pub use format::{ChartFormat, Plain};
pub use frame::Frame;
pub use paint::DrawResult;
pub use projection::ProjectionChart;
pub use rate::{RateChart, RateDay};
pub use scale::LinearScale;
pub use sensitivity::{Level, Reach, SensitivityChart};
pub use text::Label;
pub use theme::{Dash, LineKind, Theme};

pub use plotters::coord::Shift;
pub use plotters::prelude::{DrawingArea, DrawingBackend};

/// A horizontal reference line drawn across a chart: a gate, a star band, a risk level or a
/// target.
#[derive(Debug, Clone, PartialEq)]
pub struct HLine {
    /// Value on the y axis (a score, or a rate in %).
    pub y: f64,
    /// Label drawn at the line's end (translated by the caller; may be empty).
    pub label: String,
    /// What it stands for: decides the colour and dash.
    pub kind: LineKind,
}

/// A labelled day on a day axis ("4.5 reached"), as the caller worked it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Day offset from the chart's origin.
    pub day: i32,
    /// Label (translated by the caller).
    pub label: String,
}

/// A chart's text alternative: a small table the page renders visually hidden next to the
/// canvas. Every word in it came from the caller, every number and date from the formatter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// Table caption (the chart's title).
    pub caption: String,
    /// Column headings; empty for a two-column key/value table.
    pub head: Vec<String>,
    /// Rows; the first cell of each is the row's heading.
    pub rows: Vec<Vec<String>>,
}

impl Summary {
    /// A key/value table (no column headings) captioned `caption`.
    pub(crate) fn key_value(caption: &str, rows: Vec<Vec<String>>) -> Summary {
        Summary {
            caption: caption.to_owned(),
            head: Vec::new(),
            rows,
        }
    }
}

/// A chart laid out for one pixel size: its frame and every label it draws, placed.
///
/// Computed once per change of data, size, theme or formatter; painting it does no layout and
/// no formatting.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The plot frame and scales.
    pub frame: Frame,
    /// Every label (ticks, legend, titles, names, values, reference lines, marks): no two
    /// overlap and each lies inside the drawing. The first [`Layout::backdrop_labels`] belong
    /// to the backdrop (they do not move with the data), the rest are painted with the data.
    pub labels: Vec<Label>,
    /// How many of `labels` the backdrop paints.
    pub backdrop_labels: usize,
}

impl Layout {
    /// A layout of `frame` with no label (a drawing too small to hold one).
    pub(crate) fn empty(frame: Frame) -> Layout {
        Layout {
            frame,
            labels: Vec::new(),
            backdrop_labels: 0,
        }
    }

    /// A layout of `frame` with every label `placer` placed, the first `backdrop_labels` of
    /// them the backdrop's.
    pub(crate) fn placed(frame: Frame, placer: Placer, backdrop_labels: usize) -> Layout {
        Layout {
            frame,
            labels: placer.into_labels(),
            backdrop_labels,
        }
    }

    /// The frame to paint data in: `None` when it is too small to draw in (a degenerate frame
    /// paints no data).
    pub(crate) fn data_frame(&self, theme: &Theme) -> Option<&Frame> {
        (!self.frame.is_degenerate(theme)).then_some(&self.frame)
    }

    /// The labels the backdrop paints.
    pub fn backdrop(&self) -> &[Label] {
        &self.labels[..self.backdrop_labels.min(self.labels.len())]
    }

    /// The labels painted with the data.
    pub fn data(&self) -> &[Label] {
        &self.labels[self.backdrop_labels.min(self.labels.len())..]
    }
}

/// What every chart can do.
pub trait Chart {
    /// Lays the chart out for `width` × `height` backend pixels with `theme` (already scaled
    /// for the device pixel ratio), writing its numbers and dates with `fmt`.
    fn layout(&self, width: f64, height: f64, theme: &Theme, fmt: &dyn ChartFormat) -> Layout;

    /// The part of `layout` that does not move with the data: equal backdrops paint the same
    /// pixels, so a page may keep one painted and paint only [`Chart::paint_data`] over it.
    fn backdrop(&self, layout: &Layout, theme: &Theme) -> Backdrop;

    /// Paints everything but the backdrop (the data, the labels that move with it) over a
    /// painted backdrop.
    ///
    /// # Errors
    ///
    /// Whatever the backend reports; data problems (gaps, non-finite values, empty series)
    /// are drawn, not returned as errors.
    fn paint_data<DB: DrawingBackend>(
        &self,
        layout: &Layout,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> DrawResult<DB>;

    /// Paints `layout` (made by [`Chart::layout`] for this chart and the area's size) on
    /// `area`: the backdrop, then the data.
    ///
    /// # Errors
    ///
    /// As [`Chart::paint_data`].
    fn paint<DB: DrawingBackend>(
        &self,
        layout: &Layout,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> DrawResult<DB> {
        self.backdrop(layout, theme).paint(area)?;
        self.paint_data(layout, area, theme)
    }

    /// Lays out and paints in one go, filling `area`.
    ///
    /// # Errors
    ///
    /// As [`Chart::paint_data`].
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
        fmt: &dyn ChartFormat,
    ) -> DrawResult<DB> {
        let (w, h) = area.dim_in_pixel();
        let layout = self.layout(f64::from(w), f64::from(h), theme, fmt);
        self.paint(&layout, area, theme)
    }

    /// The text alternative.
    fn summary(&self, fmt: &dyn ChartFormat) -> Summary;

    /// The chart's title (for the canvas's `aria-label` and the table caption).
    fn title(&self) -> &str;
}

/// The mark for "already met" in text alternatives.
pub(crate) const MET: &str = "✓";
/// The mark for "none" in text alternatives and for bars without data.
pub(crate) const NONE: &str = "—";
