//! The customer-service chart: the rolling 3-minute reply rate assessed each day against the
//! target line, days the assessment failed marked with a cross, penalty periods shaded and
//! hatched. Which days fail, and how their rates read, is the assessment's and the page's.

use jiff::civil::Date;
use plotters::prelude::DrawingBackend;

use crate::annotate;
use crate::date::add_days;
use crate::format::ChartFormat;
use crate::frame::{self, Frame, FrameSpec, XTicks};
use crate::layout::Rect;
use crate::paint::{self, Area, DrawResult, Glyph, Marker};
use crate::scale::decimals_needed;
use crate::sensitivity::draw_runs;
use crate::series::day_runs;
use crate::text::Label;
use crate::theme::{LineKind, Theme};
use crate::{Backdrop, Chart, HLine, Layout, Summary, NONE};

/// One assessed day.
#[derive(Debug, Clone, PartialEq)]
pub struct RateDay {
    /// Day offset from the chart's origin.
    pub day: i32,
    /// Rate in %; `None` = not assessed (penalty, no data).
    pub rate: Option<f64>,
    /// The assessment judged it below target (marked with a cross).
    pub below_target: bool,
    /// The rate as the page writes it (for the text alternative): rounded without crossing
    /// the target, so a failing 79.96 % never reads `80.0`.
    pub text: String,
}

/// Input of the reply-rate chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RateChart {
    /// Chart title (table caption, canvas label; not drawn).
    pub title: String,
    /// Legend label of the rate line.
    pub rate_label: String,
    /// Label of the target line (e.g. `目标 80%`), also the summary row heading.
    pub target_label: String,
    /// Legend label and summary row heading of penalty periods.
    pub penalty_label: String,
    /// Legend label of below-target markers and summary row heading of their count.
    pub below_target_label: String,
    /// Shown in the plot when no day has a rate.
    pub no_data_label: String,
    /// The assessed days, sorted.
    pub days: Vec<RateDay>,
    /// The date of day offset 0.
    pub origin: Date,
    /// Target rate in % (the line).
    pub target: f64,
    /// Penalty periods as inclusive (first day, last day).
    pub shaded: Vec<(i32, i32)>,
    /// Rate axis, normally 0–100.
    pub y_range: (f64, f64),
}

impl Default for RateChart {
    fn default() -> Self {
        RateChart {
            title: String::new(),
            rate_label: String::new(),
            target_label: String::new(),
            penalty_label: String::new(),
            below_target_label: String::new(),
            no_data_label: String::new(),
            days: Vec::new(),
            origin: Date::default(),
            target: 80.0,
            shaded: Vec::new(),
            y_range: (0.0, 100.0),
        }
    }
}

impl RateChart {
    /// Days from the series and the penalty periods, each widened by half a day so that a
    /// day's shading and marker are whole.
    fn x_domain(&self) -> (f64, f64) {
        let days = self
            .days
            .iter()
            .map(|d| d.day)
            .chain(self.shaded.iter().flat_map(|&(a, b)| [a, b]));
        let (lo, hi) = days.fold((i32::MAX, i32::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
        if lo > hi {
            (-0.5, 6.5)
        } else {
            (f64::from(lo) - 0.5, f64::from(hi) + 0.5)
        }
    }

    fn series(&self) -> Vec<(i32, Option<f64>)> {
        self.days.iter().map(|d| (d.day, d.rate)).collect()
    }

    fn has_data(&self) -> bool {
        self.days.iter().any(|d| d.rate.is_some_and(f64::is_finite))
    }

    /// Whether markers fit: at least three marker radii per day.
    fn markers_fit(&self, f: &Frame, theme: &Theme) -> bool {
        let (lo, hi) = self.x_domain();
        f.plot.width() / (hi - lo) >= theme.marker_px * 3.0
    }

    fn legend_items(&self, f: Option<&Frame>, theme: &Theme) -> Vec<(&str, Glyph)> {
        let mut items = vec![
            (
                self.rate_label.as_str(),
                Glyph::Line(theme.series_stroke(), Some((Marker::Dot, theme.primary))),
            ),
            (
                self.target_label.as_str(),
                Glyph::Line(theme.line_stroke(LineKind::Target), None),
            ),
        ];
        let any_below = self.days.iter().any(|d| d.below_target && d.rate.is_some());
        if any_below && f.is_none_or(|f| self.markers_fit(f, theme)) {
            items.push((
                self.below_target_label.as_str(),
                Glyph::Marker(Marker::Cross, theme.alert),
            ));
        }
        if !self.shaded.is_empty() {
            items.push((self.penalty_label.as_str(), Glyph::Hatch(theme.alert)));
        }
        items.retain(|(l, _)| !l.is_empty());
        items
    }

    /// The frame and its labels. The legend is the one painting shows: without the "below
    /// target" entry when the crosses do not fit, laid out again then (the entries and their
    /// slots must pair up).
    fn frame(
        &self,
        width: f64,
        height: f64,
        theme: &Theme,
        fmt: &dyn ChartFormat,
    ) -> (Frame, Vec<Label>) {
        let all = self.legend_items(None, theme);
        let (f, labels) = self.frame_for(&all, width, height, theme, fmt);
        let shown = self.legend_items(Some(&f), theme);
        if shown.len() == all.len() {
            (f, labels)
        } else {
            self.frame_for(&shown, width, height, theme, fmt)
        }
    }

    fn frame_for(
        &self,
        items: &[(&str, Glyph)],
        width: f64,
        height: f64,
        theme: &Theme,
        fmt: &dyn ChartFormat,
    ) -> (Frame, Vec<Label>) {
        let legend: Vec<&str> = items.iter().map(|i| i.0).collect();
        frame::compute(
            width,
            height,
            &FrameSpec {
                x_domain: self.x_domain(),
                reverse_x: false,
                y_domain: frame::valid_domain(self.y_range, (0.0, 100.0)),
                x_ticks: XTicks::Days(self.origin),
                legend: &legend,
                x_title: None,
                mark_rows: 0,
            },
            theme,
            fmt,
        )
    }

    fn target_line(&self) -> HLine {
        HLine {
            y: self.target,
            label: self.target_label.clone(),
            kind: LineKind::Target,
        }
    }

    /// The shaded rectangle of each penalty period in `f` (clamped to the plot).
    pub fn shaded_rects(&self, f: &Frame) -> Vec<Rect> {
        self.shaded
            .iter()
            .map(|&(a, b)| {
                let (a, b) = (a.min(b), a.max(b));
                let x0 = f.x.map(f.x.clamp(f64::from(a) - 0.5));
                let x1 = f.x.map(f.x.clamp(f64::from(b) + 0.5));
                Rect {
                    left: x0.min(x1),
                    right: x0.max(x1),
                    top: f.plot.top,
                    bottom: f.plot.bottom,
                }
            })
            .collect()
    }
}

impl Chart for RateChart {
    fn layout(&self, width: f64, height: f64, theme: &Theme, fmt: &dyn ChartFormat) -> Layout {
        let (f, fixed) = self.frame(width, height, theme, fmt);
        if f.is_degenerate(theme) {
            return Layout::empty(f);
        }
        let backdrop_labels = fixed.len();
        let mut p = annotate::placer(&f, fixed);
        if !self.has_data() {
            annotate::no_data(&mut p, &f, &self.no_data_label, theme);
        }
        annotate::hline_labels(&mut p, &f, [&self.target_line()], theme);
        Layout::placed(f, p, backdrop_labels)
    }

    /// The legend and the frame's labels; the grid goes with the data, over the penalty
    /// shading.
    fn backdrop(&self, layout: &Layout, theme: &Theme) -> Backdrop {
        let legend = self.legend_items(Some(&layout.frame), theme);
        Backdrop::new(layout, Vec::new(), legend, false, theme)
    }

    fn paint_data<DB: DrawingBackend>(
        &self,
        layout: &Layout,
        area: &Area<DB>,
        theme: &Theme,
    ) -> DrawResult<DB> {
        let Some(f) = layout.data_frame(theme) else {
            return Ok(());
        };
        for r in self.shaded_rects(f) {
            paint::shade(area, r, theme.alert, theme)?;
        }
        paint::frame(area, f, theme)?;
        paint::hlines(area, f, [&self.target_line()], theme)?;
        if self.has_data() {
            let runs = day_runs(&self.series());
            draw_runs(area, f, &runs, theme.series_stroke(), Marker::Dot, theme)?;
            if self.markers_fit(f, theme) {
                // Dots first, then crosses: one colour run each.
                for below in [false, true] {
                    for d in self.days.iter().filter(|d| d.below_target == below) {
                        let Some(v) = d.rate.filter(|v| v.is_finite()) else {
                            continue;
                        };
                        let p = (f.x.map(f64::from(d.day)), f.y.map(f.y.clamp(v)));
                        let (m, c) = if below {
                            (Marker::Cross, theme.alert)
                        } else {
                            (Marker::Dot, theme.primary)
                        };
                        paint::marker(area, p, m, c, theme)?;
                    }
                }
            }
        }
        paint::labels(area, layout.data(), theme)
    }

    /// Key/value rows: the target, the latest day's rate (as the page wrote it), the number of
    /// days below target, and the penalty periods (`first – last`, `—` when none). No rate at
    /// all: the "no data" words instead of the latest rate.
    fn summary(&self, fmt: &dyn ChartFormat) -> Summary {
        let day = |d: i32| fmt.day_long(add_days(self.origin, d));
        let target = fmt.percent(self.target, decimals_needed(self.target, 1));
        let mut rows = vec![vec![self.target_label.clone(), target]];
        match self
            .days
            .iter()
            .rev()
            .find(|d| d.rate.is_some_and(f64::is_finite))
        {
            Some(d) => rows.push(vec![day(d.day), d.text.clone()]),
            None => rows.push(vec![self.no_data_label.clone()]),
        }
        let below = self
            .days
            .iter()
            .filter(|d| d.below_target && d.rate.is_some())
            .count();
        rows.push(vec![
            self.below_target_label.clone(),
            fmt.number(below as f64, 0),
        ]);
        let periods = if self.shaded.is_empty() {
            NONE.to_owned()
        } else {
            self.shaded
                .iter()
                .map(|&(a, b)| format!("{} – {}", day(a.min(b)), day(a.max(b))))
                .collect::<Vec<_>>()
                .join("; ")
        };
        rows.push(vec![self.penalty_label.clone(), periods]);
        Summary::key_value(&self.title, rows)
    }

    fn title(&self) -> &str {
        &self.title
    }
}

#[cfg(test)]
mod tests;
