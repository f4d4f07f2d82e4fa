//! The sensitivity chart: the overall score and the metric's dimension across the metric's
//! whole range, the current value marked, reference lines across, and the next step up (where
//! the curve first reaches the next level above the current score) marked.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};

use crate::frame::{self, Frame, FrameSpec, XTicks};
use crate::paint::{self, Area, DrawResult, Glyph, Marker};
use crate::scale::{extent, format_value, nice_step};
use crate::series::{interpolate, next_level, reach, runs};
use crate::theme::{Dash, Stroke, Theme};
use crate::{fmt_score, Chart, HLine, Summary, MET, NONE};

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
    /// Shown in the plot when there is nothing to draw.
    pub no_data_label: String,
    /// Overall score along the metric (sorted by x; `None` = no score there).
    pub overall: Vec<(f64, Option<f64>)>,
    /// The metric's dimension score along the metric (may be empty).
    pub dimension: Vec<(f64, Option<f64>)>,
    /// The metric's current value, if it has one.
    pub current: Option<f64>,
    /// The metric's range (x domain); an unusable range falls back to the data's extent.
    pub x_range: (f64, f64),
    /// Draw the x axis high-to-low (for lower-is-better metrics, so "better" is rightwards).
    pub reverse_x: bool,
    /// Score axis (y domain), normally the 3–5 scale.
    pub y_range: (f64, f64),
    /// Reference lines: the activity gate, star bands...
    pub hlines: Vec<HLine>,
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
            hlines: Vec::new(),
        }
    }
}

/// The next step up from the current value: the lowest reference line above the current
/// score and the metric value nearest to the current one at which the score reaches it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepUp {
    /// Index into [`SensitivityChart::hlines`].
    pub line: usize,
    /// The level (the line's y).
    pub level: f64,
    /// Metric value where the level is reached; `None` if this metric alone cannot reach it.
    pub at: Option<f64>,
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

    /// Step for formatting metric values (one decimal finer than a 6-tick axis).
    fn value_step(&self) -> f64 {
        let (lo, hi) = self.x_domain();
        nice_step(lo, hi, 6).unwrap_or(1.0)
    }

    fn has_data(&self) -> bool {
        !runs(&self.overall).is_empty() || !runs(&self.dimension).is_empty()
    }

    fn legend_items(&self, theme: &Theme) -> Vec<(&str, Glyph)> {
        let mut items = vec![(
            self.overall_label.as_str(),
            Glyph::Line(theme.series_stroke(), Some((Marker::Dot, theme.primary))),
        )];
        if !runs(&self.dimension).is_empty() {
            items.push((
                self.dimension_label.as_str(),
                Glyph::Line(
                    dimension_stroke(theme),
                    Some((Marker::Diamond, theme.secondary)),
                ),
            ));
        }
        if self.current.is_some() {
            items.push((self.current_label.as_str(), Glyph::Rule(theme.foreground)));
        }
        items.retain(|(l, _)| !l.is_empty());
        items
    }

    /// The layout of this chart drawn `width` × `height` pixels with `theme`.
    pub fn frame(&self, width: f64, height: f64, theme: &Theme) -> Frame {
        let items = self.legend_items(theme);
        let labels: Vec<&str> = items.iter().map(|i| i.0).collect();
        frame::compute(
            width,
            height,
            &FrameSpec {
                x_domain: self.x_domain(),
                reverse_x: self.reverse_x,
                y_domain: self.y_domain(),
                x_ticks: XTicks::Numeric,
                legend: &labels,
                x_title: !self.x_label.is_empty(),
                mark_rows: 0,
            },
            theme,
        )
    }

    /// Overall score at the current value.
    pub fn current_score(&self) -> Option<f64> {
        self.current.and_then(|c| interpolate(&self.overall, c))
    }

    /// The next step up, if the current value has a score and a reference line lies above it.
    ///
    /// # Examples
    ///
    /// ```
    /// use servicescore_charts::{HLine, LineKind, SensitivityChart};
    /// let c = SensitivityChart {
    ///     overall: vec![(0.0, Some(3.0)), (100.0, Some(5.0))],
    ///     current: Some(40.0),
    ///     hlines: vec![
    ///         HLine { y: 4.5, label: String::new(), kind: LineKind::Gate },
    ///         HLine { y: 4.0, label: String::new(), kind: LineKind::Star },
    ///     ],
    ///     ..SensitivityChart::default()
    /// };
    /// let s = c.step_up().unwrap();
    /// assert_eq!((s.line, s.level), (1, 4.0));
    /// assert_eq!(s.at, Some(50.0));
    /// ```
    pub fn step_up(&self) -> Option<StepUp> {
        let current = self.current?;
        let score = self.current_score()?;
        let (lo, hi) = self.y_domain();
        let levels: Vec<f64> = self
            .hlines
            .iter()
            .map(|l| {
                if (lo..=hi).contains(&l.y) {
                    l.y
                } else {
                    f64::NAN
                }
            })
            .collect();
        let line = next_level(score, &levels)?;
        let level = levels[line];
        Some(StepUp {
            line,
            level,
            at: reach(&self.overall, current, level),
        })
    }

    /// Where a level is reached from the current value, as text: `✓` if already met,
    /// `≥ x` / `≤ x` for the nearest metric value reaching it, `—` if it cannot be reached by
    /// this metric alone or there is no current value.
    fn reach_text(&self, level: f64) -> String {
        let (Some(current), Some(score)) = (self.current, self.current_score()) else {
            return NONE.to_owned();
        };
        if score >= level - crate::series::EPS {
            return MET.to_owned();
        }
        match reach(&self.overall, current, level) {
            Some(x) => {
                let rel = if x >= current { "≥" } else { "≤" };
                format!("{rel} {}", format_value(x, self.value_step(), 2))
            }
            None => NONE.to_owned(),
        }
    }
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
    fn draw<DB: DrawingBackend>(&self, area: &Area<DB>, theme: &Theme) -> DrawResult<DB> {
        let Some(f) = paint::begin(area, theme, |w, h| self.frame(w, h, theme))? else {
            return Ok(());
        };
        let x_title = (!self.x_label.is_empty()).then_some(self.x_label.as_str());
        paint::frame(area, &f, x_title, theme)?;
        paint::hlines(area, &f, &self.hlines, theme)?;
        paint::legend(area, &f, &self.legend_items(theme), theme)?;
        if !self.has_data() {
            paint::hline_labels(area, &f, &self.hlines, theme)?;
            return paint::no_data(area, &f, &self.no_data_label, theme);
        }
        let in_x = |x: f64| f.x.contains(x);
        let clip = |s: &[(f64, Option<f64>)]| -> Vec<(f64, Option<f64>)> {
            s.iter().map(|&(x, y)| (x, y.filter(|_| in_x(x)))).collect()
        };
        draw_runs(
            area,
            &f,
            &runs(&clip(&self.dimension)),
            dimension_stroke(theme),
            Marker::Diamond,
            theme,
        )?;
        draw_runs(
            area,
            &f,
            &runs(&clip(&self.overall)),
            theme.series_stroke(),
            Marker::Dot,
            theme,
        )?;

        let step = self.value_step();
        if let Some(s) = self.step_up() {
            if let Some(x) = s.at.filter(|&x| in_x(x)) {
                let (px, py) = (f.x.map(x), f.y.map(s.level));
                let guide = Stroke {
                    colour: theme.accent,
                    dash: Dash::Dotted,
                    width: theme.rule_px,
                };
                paint::vrule(area, px, py, f.plot.bottom, guide, theme)?;
                paint::marker(area, (px, py), Marker::TriangleUp, theme.accent, theme)?;
                let at = (px + theme.pad / 2.0, f.plot.bottom - theme.rule_px * 3.0);
                let label = format_value(x, step, 2);
                paint::halo_text(
                    area,
                    &label,
                    at,
                    theme.accent,
                    (HPos::Left, VPos::Bottom),
                    theme,
                )?;
            }
        }

        if let Some(c) = self.current.filter(|&c| in_x(c)) {
            let x = f.x.map(c);
            let rule = Stroke {
                colour: theme.foreground,
                dash: Dash::Solid,
                width: theme.rule_px,
            };
            paint::vrule(area, x, f.plot.top, f.plot.bottom, rule, theme)?;
            // The value beside the rule, on the side with more room.
            let right_half = x > f.plot.center_x();
            let (hx, hpos) = if right_half {
                (x - theme.pad / 2.0, HPos::Right)
            } else {
                (x + theme.pad / 2.0, HPos::Left)
            };
            let label = format_value(c, step, 2);
            let at = (hx, f.plot.top + theme.rule_px * 2.0);
            paint::halo_text(area, &label, at, theme.foreground, (hpos, VPos::Top), theme)?;
            if let Some(d) = interpolate(&self.dimension, c) {
                let p = (x, f.y.map(f.y.clamp(d)));
                paint::marker(area, p, Marker::Diamond, theme.secondary, theme)?;
            }
            if let Some(s) = self.current_score() {
                let p = (x, f.y.map(f.y.clamp(s)));
                paint::marker(area, p, Marker::Dot, theme.primary, theme)?;
            }
        }
        paint::hline_labels(area, &f, &self.hlines, theme)
    }

    /// Key/value rows: the current value, the overall and dimension scores there, then for
    /// each reference line whether it is met (`✓`), where it is reached (`≥ x` or `≤ x`) or
    /// that this metric alone cannot reach it (`—`). No data: one row with the "no data" words.
    fn summary(&self) -> Summary {
        let mut rows: Vec<Vec<String>> = Vec::new();
        if !self.has_data() {
            rows.push(vec![self.no_data_label.clone()]);
        } else {
            if let Some(c) = self.current {
                rows.push(vec![
                    self.x_label.clone(),
                    format_value(c, self.value_step(), 2),
                ]);
            }
            if let Some(s) = self.current_score() {
                rows.push(vec![self.overall_label.clone(), fmt_score(s)]);
            }
            if let Some(d) = self.current.and_then(|c| interpolate(&self.dimension, c)) {
                rows.push(vec![self.dimension_label.clone(), fmt_score(d)]);
            }
            let (lo, hi) = self.y_domain();
            for l in self.hlines.iter().filter(|l| (lo..=hi).contains(&l.y)) {
                rows.push(vec![l.label.clone(), self.reach_text(l.y)]);
            }
        }
        Summary {
            caption: self.title.clone(),
            head: Vec::new(),
            rows,
        }
    }

    fn title(&self) -> &str {
        &self.title
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LineKind;

    fn chart() -> SensitivityChart {
        // The reply-rate curve of worked example 3 (only the reply rate), simplified: score
        // equals the metric's points, piecewise linear through the benchmark knots.
        SensitivityChart {
            title: "T".into(),
            x_label: "X".into(),
            overall_label: "S".into(),
            dimension_label: "D".into(),
            current_label: "C".into(),
            no_data_label: "N".into(),
            overall: vec![
                (0.0, Some(3.0)),
                (50.0, Some(3.32)),
                (70.0, Some(3.8)),
                (85.0, Some(4.4)),
                (93.0, Some(4.8)),
                (97.0, Some(5.0)),
                (100.0, Some(5.0)),
            ],
            current: Some(60.0),
            hlines: vec![
                HLine {
                    y: 4.5,
                    label: "G".into(),
                    kind: LineKind::Gate,
                },
                HLine {
                    y: 3.5,
                    label: "R".into(),
                    kind: LineKind::Risk,
                },
                HLine {
                    y: 6.0,
                    label: "out of range".into(),
                    kind: LineKind::Star,
                },
            ],
            ..SensitivityChart::default()
        }
    }

    #[test]
    fn step_up_from_example_3() {
        // 60 % → 3.56 (example 3); next level above is 3.5? No: 3.56 ≥ 3.5, so 4.5.
        let c = chart();
        assert!((c.current_score().unwrap_or(0.0) - 3.56).abs() < 1e-9);
        let s = c.step_up().unwrap();
        assert_eq!(s.line, 0);
        // 4.5 between (85, 4.4) and (93, 4.8): 85 + 8 × 0.1 / 0.4 = 87.
        assert!((s.at.unwrap_or(0.0) - 87.0).abs() < 1e-9);
    }

    #[test]
    fn summary_rows() {
        let s = chart().summary();
        assert_eq!(s.caption, "T");
        assert_eq!(
            s.rows,
            vec![
                vec!["X".to_owned(), "60".to_owned()],
                vec!["S".to_owned(), "3.56".to_owned()],
                vec!["G".to_owned(), "≥ 87".to_owned()],
                vec!["R".to_owned(), "✓".to_owned()],
            ]
        );
        let mut none = chart();
        none.current = None;
        assert_eq!(
            none.summary().rows,
            vec![
                vec!["G".to_owned(), "—".to_owned()],
                vec!["R".to_owned(), "—".to_owned()]
            ]
        );
        let empty = SensitivityChart {
            no_data_label: "N".into(),
            ..SensitivityChart::default()
        };
        assert_eq!(empty.summary().rows, vec![vec!["N".to_owned()]]);
    }

    #[test]
    fn unreachable_level_reads_none() {
        let mut c = chart();
        c.overall.truncate(4); // tops out at 4.4
        assert_eq!(c.step_up().map(|s| s.at), Some(None));
        assert_eq!(c.reach_text(4.5), "—");
    }

    #[test]
    fn bad_ranges_fall_back() {
        let mut c = chart();
        c.x_range = (f64::NAN, 1.0);
        c.y_range = (5.0, 3.0);
        assert_eq!(c.x_domain(), (0.0, 100.0));
        assert_eq!(c.y_domain(), (3.0, 5.0));
    }
}
