//! The projection chart: the published score day by day (past imported days and the next N
//! days under the rule pack's decay), gaps where days are excluded or missing, reference lines,
//! and the first day each level is reached marked and labelled (days the core's projection
//! reports, passed in as [`Mark`]s).

use jiff::civil::Date;
use plotters::prelude::DrawingBackend;

use crate::annotate;
use crate::date::add_days;
use crate::format::ChartFormat;
use crate::frame::{self, FrameSpec, XTicks};
use crate::layout::{place_labels, sort_small};
use crate::paint::{self, Area, DrawResult, Glyph, Marker};
use crate::sensitivity::draw_runs;
use crate::series::day_runs;
use crate::text::{fit_text, text_width, HAlign, Label, VAlign};
use crate::theme::{Dash, Stroke, Theme};
use crate::{Backdrop, Chart, HLine, Layout, Mark, Summary};

/// Rows of mark labels above the plot.
const MARK_ROWS: usize = 2;

/// Input of the projection chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionChart {
    /// Chart title (table caption, canvas label; not drawn).
    pub title: String,
    /// Legend label of the score line.
    pub score_label: String,
    /// Row heading in the text alternative for the number of days without a score.
    pub excluded_label: String,
    /// Label of the "today" rule, drawn when the chart includes past days; `None` = no rule.
    pub today_label: Option<String>,
    /// Shown in the plot when no day has a score.
    pub no_data_label: String,
    /// Published score per day offset (0 = today), sorted; `None` = excluded or no score.
    /// A day missing between two listed days is a gap as well.
    pub days: Vec<(i32, Option<f64>)>,
    /// The date of day offset 0.
    pub origin: Date,
    /// Labelled days (the first day each level is reached, from the core's projection).
    pub marks: Vec<Mark>,
    /// Score axis, normally 3–5.
    pub y_range: (f64, f64),
    /// Reference lines: gates, star bands, risk.
    pub hlines: Vec<HLine>,
    /// A second line: the score published day by day under a plan (same offsets as `days`;
    /// empty = none), drawn dashed in the accent colour.
    pub plan: Vec<(i32, Option<f64>)>,
    /// Legend label of the plan line.
    pub plan_label: String,
}

impl Default for ProjectionChart {
    fn default() -> Self {
        ProjectionChart {
            title: String::new(),
            score_label: String::new(),
            excluded_label: String::new(),
            today_label: None,
            no_data_label: String::new(),
            days: Vec::new(),
            origin: Date::default(),
            marks: Vec::new(),
            y_range: (3.0, 5.0),
            hlines: Vec::new(),
            plan: Vec::new(),
            plan_label: String::new(),
        }
    }
}

impl ProjectionChart {
    fn x_domain(&self) -> (f64, f64) {
        let lo = self.days.iter().map(|d| d.0).min();
        let hi = self.days.iter().map(|d| d.0).max();
        match (lo, hi) {
            (Some(a), Some(b)) if a < b => (f64::from(a), f64::from(b)),
            (Some(a), Some(_)) => (f64::from(a) - 1.0, f64::from(a) + 1.0),
            _ => (0.0, 30.0),
        }
    }

    fn has_data(&self) -> bool {
        !day_runs(&self.days).is_empty()
    }

    fn shows_today(&self) -> bool {
        let (lo, hi) = self.x_domain();
        self.today_label.is_some() && lo < 0.0 && hi >= 0.0
    }

    fn plan_stroke(theme: &Theme) -> Stroke {
        Stroke {
            colour: theme.accent,
            dash: Dash::Dashed,
            width: theme.line_px,
        }
    }

    fn has_plan(&self) -> bool {
        !day_runs(&self.plan).is_empty()
    }

    fn legend_items(&self, theme: &Theme) -> Vec<(&str, Glyph)> {
        let mut items = vec![(
            self.score_label.as_str(),
            Glyph::Line(theme.series_stroke(), None),
        )];
        if self.has_plan() {
            items.push((
                self.plan_label.as_str(),
                Glyph::Line(Self::plan_stroke(theme), None),
            ));
        }
        items.retain(|(l, _)| !l.is_empty());
        items
    }

    fn value_on(&self, day: i32) -> Option<f64> {
        self.days
            .iter()
            .find(|d| d.0 == day)
            .and_then(|d| d.1)
            .filter(|v| v.is_finite())
    }
}

impl ProjectionChart {
    /// The "today" rule and the marks inside the axis, as (day, label, is today).
    fn notes(&self) -> Vec<(i32, &str, bool)> {
        let (lo, hi) = self.x_domain();
        let mut notes: Vec<(i32, &str, bool)> = Vec::new();
        if self.shows_today() {
            notes.push((0, self.today_label.as_deref().unwrap_or(""), true));
        }
        for m in &self.marks {
            if (lo..=hi).contains(&f64::from(m.day)) {
                notes.push((m.day, m.label.as_str(), false));
            }
        }
        notes
    }
}

impl Chart for ProjectionChart {
    /// The frame, then the marks' and "today"'s labels in two rows above the plot (each cut
    /// to the width; one that finds no room in either row is left out, the text alternative
    /// has it), then the lines' labels where they find room.
    fn layout(&self, width: f64, height: f64, theme: &Theme, fmt: &dyn ChartFormat) -> Layout {
        let items = self.legend_items(theme);
        let legend: Vec<&str> = items.iter().map(|i| i.0).collect();
        let notes = self.notes();
        let rows = if notes.is_empty() { 0 } else { MARK_ROWS };
        let (f, fixed) = frame::compute(
            width,
            height,
            &FrameSpec {
                x_domain: self.x_domain(),
                reverse_x: false,
                y_domain: frame::valid_domain(self.y_range, (3.0, 5.0)),
                x_ticks: XTicks::Days(self.origin),
                legend: &legend,
                x_title: None,
                mark_rows: rows,
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
        let texts: Vec<String> = notes
            .iter()
            .map(|&(_, l, _)| fit_text(l, width, size).unwrap_or_default())
            .collect();
        let items: Vec<(f64, f64)> = notes
            .iter()
            .zip(&texts)
            .map(|(&(d, _, _), t)| (f.x.map(f64::from(d)), text_width(t, size)))
            .collect();
        let placed = place_labels(&items, (0.0, width), MARK_ROWS, theme.pad / 2.0);
        for ((&(_, _, today), text), at) in notes.iter().zip(texts).zip(placed) {
            if let Some(at) = at.filter(|_| !text.is_empty()) {
                let y = f.mark_row_bottom - at.row as f64 * f.mark_row_height;
                let colour = if today { theme.muted } else { theme.accent };
                let l = Label::new(
                    text,
                    (at.left, y),
                    (HAlign::Left, VAlign::Bottom),
                    size,
                    colour,
                );
                p.place([l]);
            }
        }
        if !self.has_data() {
            annotate::no_data(&mut p, &f, &self.no_data_label, theme);
        }
        annotate::hline_labels(&mut p, &f, &self.hlines, theme);
        Layout::placed(f, p, backdrop_labels)
    }

    /// The grid, the reference lines, the legend and the frame's labels.
    fn backdrop(&self, layout: &Layout, theme: &Theme) -> Backdrop {
        let lines = self.hlines.clone();
        Backdrop::new(layout, lines, self.legend_items(theme), true, theme)
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
        for (day, _, today) in self.notes() {
            let s = if today {
                Stroke {
                    colour: theme.muted,
                    dash: Dash::Solid,
                    width: theme.rule_px,
                }
            } else {
                Stroke {
                    colour: theme.accent,
                    dash: Dash::Dotted,
                    width: theme.rule_px * 2.0,
                }
            };
            let x = f.x.map(f64::from(day));
            paint::vrule(area, x, f.plot.top, f.plot.bottom, s, theme)?;
        }
        if self.has_plan() {
            let runs = day_runs(&self.plan);
            draw_runs(
                area,
                f,
                &runs,
                Self::plan_stroke(theme),
                Marker::Diamond,
                theme,
            )?;
        }
        if self.has_data() {
            let runs = day_runs(&self.days);
            draw_runs(area, f, &runs, theme.series_stroke(), Marker::Dot, theme)?;
            for m in &self.marks {
                if let Some(v) = self
                    .value_on(m.day)
                    .filter(|_| f.x.contains(f64::from(m.day)))
                {
                    let p = (f.x.map(f64::from(m.day)), f.y.map(f.y.clamp(v)));
                    paint::marker(area, p, Marker::Ring, theme.accent, theme)?;
                }
            }
        }
        paint::labels(area, layout.data(), theme)
    }

    /// Key/value rows: the first day with a score and its score, each mark (label → day),
    /// the last day with a score and its score, and the number of days without a score.
    fn summary(&self, fmt: &dyn ChartFormat) -> Summary {
        let day = |d: i32| fmt.day_long(add_days(self.origin, d));
        let valued: Vec<(i32, f64)> = self
            .days
            .iter()
            .filter_map(|&(d, v)| v.filter(|v| v.is_finite()).map(|v| (d, v)))
            .collect();
        let mut rows = Vec::new();
        match (valued.first(), valued.last()) {
            (Some(&(d0, v0)), Some(&(d1, v1))) => {
                rows.push(vec![day(d0), fmt.score(v0)]);
                let mut marks: Vec<&Mark> = self.marks.iter().collect();
                sort_small(&mut marks, |a, b| a.day < b.day);
                for m in marks {
                    rows.push(vec![m.label.clone(), day(m.day)]);
                }
                if d1 != d0 {
                    rows.push(vec![day(d1), fmt.score(v1)]);
                }
                // Days in the span without a score: listed as `None` or missing from the list.
                let span = i64::from(d1) - i64::from(d0) + 1;
                let missing = usize::try_from(span)
                    .unwrap_or(0)
                    .saturating_sub(valued.len());
                if missing > 0 {
                    rows.push(vec![
                        self.excluded_label.clone(),
                        fmt.number(missing as f64, 0),
                    ]);
                }
                let planned = self
                    .plan
                    .iter()
                    .rev()
                    .find_map(|&(d, v)| v.filter(|v| v.is_finite()).map(|v| (d, v)));
                if let Some((d, v)) = planned {
                    rows.push(vec![
                        format!("{} · {}", self.plan_label, day(d)),
                        fmt.score(v),
                    ]);
                }
            }
            _ => rows.push(vec![self.no_data_label.clone()]),
        }
        Summary::key_value(&self.title, rows)
    }

    fn title(&self) -> &str {
        &self.title
    }
}

#[cfg(test)]
mod tests;
