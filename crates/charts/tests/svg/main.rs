//! Draws every chart into an SVG string (plotters' `SVGBackend`, the same draw code the
//! canvas runs) and checks what was drawn: element counts, colours and pixel positions derived
//! independently from the plot rectangle.
//!
//! One test binary (`--test svg`, needs the `svg` feature), one module per chart:
//!
//! - `sensitivity`, `dimension`, `projection`, `rate`: each chart with its example data (the
//!   function of the chart's name, e.g. `sensitivity()`) and what it draws;
//! - `all_charts`: what holds for every chart (the no-data state, tiny sizes, no built-in
//!   words, the backdrop layer apart from the data);
//! - `../common`: drawing into an SVG string and reading it back (shared with `labels`).
//!
//! This file holds the colours and the helpers every module uses.

#[path = "../common/mod.rs"]
mod common;

use common::{of, parse, texts, El};
use plotters::prelude::*;
use servicescore_charts::frame::Frame;
use servicescore_charts::layout::Rect;
use servicescore_charts::*;

mod all_charts;
mod dimension;
mod projection;
mod rate;
mod sensitivity;

const BLUE: &str = "#0072B2";
const ORANGE: &str = "#E69F00";
const VERMILLION: &str = "#D55E00";
const GREEN: &str = "#009E73";
const FOREGROUND: &str = "#222222";

fn render<C: Chart>(chart: &C, w: u32, h: u32, theme: &Theme) -> String {
    common::render_with(chart, w, h, theme, &Plain).0
}

fn frame<C: Chart>(chart: &C, w: f64, h: f64, theme: &Theme) -> Frame {
    chart.layout(w, h, theme, &Plain).frame
}

fn gate(y: f64, label: &str) -> HLine {
    HLine {
        y,
        label: label.into(),
        kind: LineKind::Gate,
    }
}

/// The pixel column of `v` on the plot's x axis, from first principles.
fn col(plot: &Rect, lo: f64, hi: f64, v: f64) -> i32 {
    (plot.left + (v - lo) / (hi - lo) * plot.width()).round() as i32
}

/// The pixel row of score `v` on a 3–5 axis, from first principles.
fn row(plot: &Rect, v: f64) -> i32 {
    (plot.top + (5.0 - v) / 2.0 * plot.height()).round() as i32
}
