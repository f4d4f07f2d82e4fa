//! The sensitivity chart: the overall score and the metric's dimension across the metric's
//! whole range, the current value marked, the levels (star bands, gates) across, and the next
//! step up marked where the core's goal seek says this metric reaches it.

use plotters::prelude::DrawingBackend;

use crate::annotate;
use crate::format::ChartFormat;
use crate::frame::{self, Frame, FrameSpec, XTicks};
use crate::paint::{self, Area, DrawResult, Glyph, Marker};
use crate::scale::{decimals_needed, extent};
use crate::series::{interpolate, runs};
use crate::text::{HAlign, Label, VAlign};
use crate::theme::{Dash, Stroke, Theme};
use crate::{Backdrop, Chart, HLine, Layout, Summary, MET, NONE};

/// Where the metric in focus reaches a level, as the scoring core's goal seek answered (the
/// other metrics held).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reach {
    /// The current value already reaches it.
    Met,
    /// This value reaches it (the least improvement that does).
    At(f64),
    /// No value of this metric alone reaches it.
    Unreachable,
}

/// A level across the chart and where the metric reaches it.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// The line (its `y` is the level).
    pub line: HLine,
    /// Where the metric reaches it.
    pub reach: Reach,
}

/// Input of the sensitivity chart for the metric in focus.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityChart {
    /// Chart title (table caption, canvas label; not drawn).
    pub title: String,
    /// X-axis title: the metric's name and unit, e.g. `3分钟回复率 (%)`.
    pub x_label: String,
    /// Legend label of the overall score.
    pub overall_label: String,
    /// Legend label of the dimension curve (the dimension's name).
    pub dimension_label: String,
    /// Legend label of the current-value rule.
    pub current_label: String,
    /// Shown in the plot (and the text alternative) when there is no curve to draw.
    pub no_data_label: String,
    /// Overall score along the metric (sorted by x; `None` = no score there).
    pub overall: Vec<(f64, Option<f64>)>,
    /// The metric's dimension score along the metric (may be empty).
    pub dimension: Vec<(f64, Option<f64>)>,
    /// The metric's current value, if it has one.
    pub current: Option<f64>,
    /// The metric's range (x domain); an unusable range falls back to the data's extent.
    pub x_range: (f64, f64),
    /// Draw the x axis high-to-low (for lower-is-better metrics, so "better" is rightwards;
    /// a level is then reached at `≤ x` rather than `≥ x`).
    pub reverse_x: bool,
    /// Score axis (y domain), normally the 3–5 scale.
    pub y_range: (f64, f64),
    /// Most decimals a metric value is written with (the metric's input grid); fewer when
    /// they add nothing (`60`, not `60.0`).
    pub value_decimals: usize,
    /// The levels: star bands, gates, risks.
    pub levels: Vec<Level>,
    /// The next step up (an index into `levels`), marked ▲ where it is reached.
    pub next: Option<usize>,
}

impl Default for SensitivityChart {
    fn default() -> Self {
        SensitivityChart {
            title: String::new(),
            x_label: String::new(),
            overall_label: String::new(),
            dimension_label: String::new(),
            current_label: String::new(),
            no_data_label: String::new(),
            overall: Vec::new(),
            dimension: Vec::new(),
            current: None,
            x_range: (0.0, 100.0),
            reverse_x: false,
            y_range: (3.0, 5.0),
            value_decimals: 2,
            levels: Vec::new(),
            next: None,
        }
    }
}

impl SensitivityChart {
    fn x_domain(&self) -> (f64, f64) {
        let fallback = extent(self.overall.iter().chain(&self.dimension).map(|p| p.0))
            .filter(|(a, b)| a < b)
            .unwrap_or((0.0, 1.0));
        frame::valid_domain(self.x_range, fallback)
    }

    fn y_domain(&self) -> (f64, f64) {
        frame::valid_domain(self.y_range, (3.0, 5.0))
    }

    fn has_data(&self) -> bool {
        has_points(&self.overall) || has_points(&self.dimension)
    }

    /// The current value, when it lies on the axis.
    fn current_in_range(&self) -> Option<f64> {
        let (lo, hi) = self.x_domain();
        self.current.filter(|c| (lo..=hi).contains(c))
    }

    fn legend(&self, theme: &Theme) -> Vec<(&str, Glyph)> {
        let mut items = vec![(
            self.overall_label.as_str(),
            Glyph::Line(theme.series_stroke(), Some((Marker::Dot, theme.primary))),
        )];
        if has_points(&self.dimension) {
            items.push((
                self.dimension_label.as_str(),
                Glyph::Line(
                    dimension_stroke(theme),
                    Some((Marker::Diamond, theme.secondary)),
                ),
            ));
        }
        if self.current.is_some() && self.has_data() {
            items.push((self.current_label.as_str(), Glyph::Rule(theme.foreground)));
        }
        items.retain(|(l, _)| !l.is_empty());
        items
    }

    /// Overall score at the current value (read off the curve).
    pub fn current_score(&self) -> Option<f64> {
        self.current.and_then(|c| interpolate(&self.overall, c))
    }

    /// The next step up, drawn: its level and the metric value reaching it, when both lie on
    /// the axes.
    pub fn step_up(&self) -> Option<(f64, f64)> {
        let level = self.levels.get(self.next?)?;
        let Reach::At(x) = level.reach else {
            return None;
        };
        let ((xlo, xhi), (ylo, yhi)) = (self.x_domain(), self.y_domain());
        ((xlo..=xhi).contains(&x) && (ylo..=yhi).contains(&level.line.y))
            .then_some((x, level.line.y))
    }

    fn value_text(&self, v: f64, fmt: &dyn ChartFormat) -> String {
        fmt.number(v, decimals_needed(v, self.value_decimals))
    }

    fn reach_text(&self, r: Reach, fmt: &dyn ChartFormat) -> String {
        match r {
            Reach::Met => MET.to_owned(),
            Reach::At(x) => {
                let rel = if self.reverse_x { "≤" } else { "≥" };
                format!("{rel} {}", self.value_text(x, fmt))
            }
            Reach::Unreachable => NONE.to_owned(),
        }
    }
}

/// Whether a series has a point to draw (what [`runs`] would find, without building the runs).
fn has_points(s: &[(f64, Option<f64>)]) -> bool {
    s.iter()
        .any(|&(x, y)| x.is_finite() && y.is_some_and(f64::is_finite))
}

fn dimension_stroke(theme: &Theme) -> Stroke {
    Stroke {
        colour: theme.secondary,
        dash: Dash::Dashed,
        width: theme.line_px,
    }
}

/// Draws a series' runs: a polyline per run of two or more points, a dot for a lone point.
pub(crate) fn draw_runs<DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Frame,
    runs: &[Vec<(f64, f64)>],
    s: Stroke,
    lone: Marker,
    theme: &Theme,
) -> DrawResult<DB> {
    for run in runs {
        let pts: Vec<(f64, f64)> = run
            .iter()
            .map(|&(x, y)| (f.x.map(x), f.y.map(f.y.clamp(y))))
            .collect();
        if let [p] = pts[..] {
            paint::marker(area, p, lone, s.colour, theme)?;
        } else {
            paint::polyline(area, &pts, s, theme)?;
        }
    }
    Ok(())
}

impl Chart for SensitivityChart {
    /// The frame, then in order of importance: the current value in a row above the plot
    /// (centred on its rule, so no line label can cover it), the next step's value beside its
    /// guide, and the level labels where they find room.
    fn layout(&self, width: f64, height: f64, theme: &Theme, fmt: &dyn ChartFormat) -> Layout {
        let legend: Vec<&str> = self.legend(theme).iter().map(|i| i.0).collect();
        let current = self.current_in_range().filter(|_| self.has_data());
        let (f, fixed) = frame::compute(
            width,
            height,
            &FrameSpec {
                x_domain: self.x_domain(),
                reverse_x: self.reverse_x,
                y_domain: self.y_domain(),
                x_ticks: XTicks::Numeric,
                legend: &legend,
                x_title: (!self.x_label.is_empty()).then_some(self.x_label.as_str()),
                mark_rows: usize::from(current.is_some()),
            },
            theme,
            fmt,
        );
        if f.is_degenerate(theme) {
            return Layout::empty(f);
        }
        let backdrop_labels = fixed.len();
        let mut p = annotate::placer(&f, fixed);
        let size = theme.small_font_px;
        if !self.has_data() {
            annotate::no_data(&mut p, &f, &self.no_data_label, theme);
        }
        if let Some(c) = current {
            let x = f.x.map(c);
            let text = self.value_text(c, fmt);
            let y = f.mark_row_bottom;
            let candidates = [HAlign::Center, HAlign::Left, HAlign::Right].map(|h| {
                Label::new(
                    text.clone(),
                    (x, y),
                    (h, VAlign::Bottom),
                    size,
                    theme.foreground,
                )
            });
            p.place_within(candidates, &f.mark_row(0));
        }
        if let Some((x, level)) = self.step_up().filter(|_| self.has_data()) {
            let (px, py) = (f.x.map(x), f.y.map(level));
            let text = self.value_text(x, fmt);
            let (gap, bottom) = (theme.pad / 2.0, f.plot.bottom - theme.rule_px * 3.0);
            let tip = py - theme.marker_px * 2.0;
            let candidates = [
                ((px + gap, bottom), (HAlign::Left, VAlign::Bottom)),
                ((px - gap, bottom), (HAlign::Right, VAlign::Bottom)),
                ((px + gap, tip), (HAlign::Left, VAlign::Bottom)),
                ((px - gap, tip), (HAlign::Right, VAlign::Bottom)),
            ]
            .map(|(at, align)| {
                Label::new(text.clone(), at, align, size, theme.accent).with_halo(theme.rule_px)
            });
            p.place_within(candidates, &f.label_area());
        }
        annotate::hline_labels(&mut p, &f, self.levels.iter().map(|l| &l.line), theme);
        Layout::placed(f, p, backdrop_labels)
    }

    /// The grid, the level lines, the legend and the frame's labels.
    fn backdrop(&self, layout: &Layout, theme: &Theme) -> Backdrop {
        let lines = self.levels.iter().map(|l| l.line.clone()).collect();
        Backdrop::new(layout, lines, self.legend(theme), true, theme)
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
        if self.has_data() {
            let in_x = |x: f64| f.x.contains(x);
            let clip = |s: &[(f64, Option<f64>)]| -> Vec<(f64, Option<f64>)> {
                s.iter().map(|&(x, y)| (x, y.filter(|_| in_x(x)))).collect()
            };
            let dim = runs(&clip(&self.dimension));
            draw_runs(
                area,
                f,
                &dim,
                dimension_stroke(theme),
                Marker::Diamond,
                theme,
            )?;
            let all = runs(&clip(&self.overall));
            draw_runs(area, f, &all, theme.series_stroke(), Marker::Dot, theme)?;
            if let Some((x, level)) = self.step_up() {
                let (px, py) = (f.x.map(x), f.y.map(level));
                let guide = Stroke {
                    colour: theme.accent,
                    dash: Dash::Dotted,
                    width: theme.rule_px,
                };
                paint::vrule(area, px, py, f.plot.bottom, guide, theme)?;
                paint::marker(area, (px, py), Marker::TriangleUp, theme.accent, theme)?;
            }
            if let Some(c) = self.current_in_range() {
                let x = f.x.map(c);
                let rule = Stroke {
                    colour: theme.foreground,
                    dash: Dash::Solid,
                    width: theme.rule_px,
                };
                paint::vrule(area, x, f.plot.top, f.plot.bottom, rule, theme)?;
                if let Some(d) = interpolate(&self.dimension, c) {
                    let p = (x, f.y.map(f.y.clamp(d)));
                    paint::marker(area, p, Marker::Diamond, theme.secondary, theme)?;
                }
                if let Some(s) = self.current_score() {
                    let p = (x, f.y.map(f.y.clamp(s)));
                    paint::marker(area, p, Marker::Dot, theme.primary, theme)?;
                }
            }
        }
        paint::labels(area, layout.data(), theme)
    }

    /// Key/value rows: the current value, the overall and dimension scores there, then for
    /// each level whether it is met (`✓`), where it is reached (`≥ x`, `≤ x` on a reversed
    /// axis) or that this metric alone cannot reach it (`—`). No curve: one row with the
    /// "no data" words.
    fn summary(&self, fmt: &dyn ChartFormat) -> Summary {
        let mut rows: Vec<Vec<String>> = Vec::new();
        if !self.has_data() {
            rows.push(vec![self.no_data_label.clone()]);
        } else {
            if let Some(c) = self.current {
                rows.push(vec![self.x_label.clone(), self.value_text(c, fmt)]);
            }
            if let Some(s) = self.current_score() {
                rows.push(vec![self.overall_label.clone(), fmt.score(s)]);
            }
            if let Some(d) = self.current.and_then(|c| interpolate(&self.dimension, c)) {
                rows.push(vec![self.dimension_label.clone(), fmt.score(d)]);
            }
            let (lo, hi) = self.y_domain();
            for l in self.levels.iter().filter(|l| (lo..=hi).contains(&l.line.y)) {
                rows.push(vec![l.line.label.clone(), self.reach_text(l.reach, fmt)]);
            }
        }
        Summary::key_value(&self.title, rows)
    }

    fn title(&self) -> &str {
        &self.title
    }
}

#[cfg(test)]
mod tests;
