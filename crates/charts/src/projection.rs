//! The projection chart: the published score day by day (past imported days and the next N
//! days under the rule pack's decay), gaps where days are excluded or missing, reference lines,
//! and the first day each level is reached (or lost) marked and labelled.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};

use crate::date::DayAxis;
use crate::frame::{self, Frame, FrameSpec, XTicks};
use crate::layout::{place_labels, sort_small, text_width};
use crate::paint::{self, Area, DrawResult, Glyph, Marker};
use crate::sensitivity::draw_runs;
use crate::series::{day_runs, first_crossing};
use crate::theme::{Dash, Stroke, Theme};
use crate::{fmt_score, Chart, HLine, Mark, Summary};

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
    /// How days are labelled.
    pub axis: DayAxis,
    /// Labelled days, e.g. from [`crossing_marks`].
    pub marks: Vec<Mark>,
    /// Score axis, normally 3–5.
    pub y_range: (f64, f64),
    /// Reference lines: gates, star bands, risk.
    pub hlines: Vec<HLine>,
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
            axis: DayAxis::default(),
            marks: Vec::new(),
            y_range: (3.0, 5.0),
            hlines: Vec::new(),
        }
    }
}

/// One mark per reference line the series crosses: at the first day the score is on the other
/// side of the line than on its first day with a score, labelled with the line's label.
/// Sorted by day.
///
/// # Examples
///
/// ```
/// use servicescore_charts::{crossing_marks, HLine, LineKind};
/// let days = [(0, Some(4.3)), (1, Some(4.45)), (2, Some(4.5)), (3, Some(4.6))];
/// let lines = [
///     HLine { y: 4.5, label: "4.5".into(), kind: LineKind::Gate },
///     HLine { y: 4.8, label: "4.8".into(), kind: LineKind::Gate },
/// ];
/// let m = crossing_marks(&days, &lines);
/// assert_eq!(m.len(), 1);
/// assert_eq!((m[0].day, m[0].label.as_str()), (2, "4.5"));
/// ```
pub fn crossing_marks(days: &[(i32, Option<f64>)], lines: &[HLine]) -> Vec<Mark> {
    let mut marks: Vec<Mark> = lines
        .iter()
        .filter_map(|l| {
            first_crossing(days, l.y).map(|(day, _)| Mark {
                day,
                label: l.label.clone(),
            })
        })
        .collect();
    sort_small(&mut marks, |a, b| a.day < b.day);
    marks
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

    fn legend_items(&self, theme: &Theme) -> Vec<(&str, Glyph)> {
        let mut items = vec![(
            self.score_label.as_str(),
            Glyph::Line(theme.series_stroke(), None),
        )];
        items.retain(|(l, _)| !l.is_empty());
        items
    }

    /// The layout of this chart drawn `width` × `height` pixels with `theme`.
    pub fn frame(&self, width: f64, height: f64, theme: &Theme) -> Frame {
        let items = self.legend_items(theme);
        let labels: Vec<&str> = items.iter().map(|i| i.0).collect();
        let rows = if self.marks.is_empty() && !self.shows_today() {
            0
        } else {
            MARK_ROWS
        };
        frame::compute(
            width,
            height,
            &FrameSpec {
                x_domain: self.x_domain(),
                reverse_x: false,
                y_domain: frame::valid_domain(self.y_range, (3.0, 5.0)),
                x_ticks: XTicks::Days(self.axis),
                legend: &labels,
                x_title: false,
                mark_rows: rows,
            },
            theme,
        )
    }

    fn value_on(&self, day: i32) -> Option<f64> {
        self.days
            .iter()
            .find(|d| d.0 == day)
            .and_then(|d| d.1)
            .filter(|v| v.is_finite())
    }
}

impl Chart for ProjectionChart {
    fn draw<DB: DrawingBackend>(&self, area: &Area<DB>, theme: &Theme) -> DrawResult<DB> {
        let Some(f) = paint::begin(area, theme, |w, h| self.frame(w, h, theme))? else {
            return Ok(());
        };
        paint::frame(area, &f, None, theme)?;
        paint::hlines(area, &f, &self.hlines, theme)?;
        paint::legend(area, &f, &self.legend_items(theme), theme)?;

        // Annotations above the plot: "today" first, then marks; labels placed in rows.
        let mut notes: Vec<(f64, &str, bool)> = Vec::new();
        if self.shows_today() {
            notes.push((0.0, self.today_label.as_deref().unwrap_or(""), true));
        }
        for m in &self.marks {
            if f.x.contains(f64::from(m.day)) {
                notes.push((f64::from(m.day), m.label.as_str(), false));
            }
        }
        for &(day, _, today) in &notes {
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
            paint::vrule(area, f.x.map(day), f.plot.top, f.plot.bottom, s, theme)?;
        }

        if !self.has_data() {
            paint::no_data(area, &f, &self.no_data_label, theme)?;
        } else {
            draw_runs(
                area,
                &f,
                &day_runs(&self.days),
                theme.series_stroke(),
                Marker::Dot,
                theme,
            )?;
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

        paint::hline_labels(area, &f, &self.hlines, theme)?;
        let items: Vec<(f64, f64)> = notes
            .iter()
            .map(|&(d, l, _)| (f.x.map(d), text_width(l, theme.small_font_px)))
            .collect();
        let placed = place_labels(&items, (0.0, f.size.0), MARK_ROWS, theme.pad / 2.0);
        for (&(_, label, today), p) in notes.iter().zip(placed) {
            if let Some(p) = p {
                let y = f.mark_row_bottom - p.row as f64 * f.mark_row_height;
                let colour = if today { theme.muted } else { theme.accent };
                paint::text(
                    area,
                    label,
                    (p.left, y),
                    theme.small_font_px,
                    colour,
                    HPos::Left,
                    VPos::Bottom,
                    theme,
                )?;
            }
        }
        Ok(())
    }

    /// Key/value rows: the first day with a score and its score, each mark (label → day),
    /// the last day with a score and its score, and the number of days without a score.
    fn summary(&self) -> Summary {
        let valued: Vec<(i32, f64)> = self
            .days
            .iter()
            .filter_map(|&(d, v)| v.filter(|v| v.is_finite()).map(|v| (d, v)))
            .collect();
        let mut rows = Vec::new();
        match (valued.first(), valued.last()) {
            (Some(&(d0, v0)), Some(&(d1, v1))) => {
                rows.push(vec![self.axis.long(d0), fmt_score(v0)]);
                let mut marks: Vec<&Mark> = self.marks.iter().collect();
                sort_small(&mut marks, |a, b| a.day < b.day);
                for m in marks {
                    rows.push(vec![m.label.clone(), self.axis.long(m.day)]);
                }
                if d1 != d0 {
                    rows.push(vec![self.axis.long(d1), fmt_score(v1)]);
                }
                // Days in the span without a score: listed as `None` or missing from the list.
                let span = i64::from(d1) - i64::from(d0) + 1;
                let missing = usize::try_from(span)
                    .unwrap_or(0)
                    .saturating_sub(valued.len());
                if missing > 0 {
                    rows.push(vec![self.excluded_label.clone(), missing.to_string()]);
                }
            }
            _ => rows.push(vec![self.no_data_label.clone()]),
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
    use crate::{CivilDate, LineKind};

    fn chart() -> ProjectionChart {
        let mut days: Vec<(i32, Option<f64>)> = (-5..=10)
            .map(|d| (d, Some(4.3 + 0.05 * f64::from(d + 5))))
            .collect();
        days[2].1 = None; // day -3 excluded
        days.retain(|d| d.0 != -2); // day -2 absent
        let hlines = vec![
            HLine {
                y: 4.5,
                label: "活动 4.5".into(),
                kind: LineKind::Gate,
            },
            HLine {
                y: 4.8,
                label: "5★".into(),
                kind: LineKind::Star,
            },
        ];
        ProjectionChart {
            title: "预测".into(),
            score_label: "服务分".into(),
            excluded_label: "无分数天数".into(),
            today_label: Some("今天".into()),
            no_data_label: "暂无".into(),
            marks: crossing_marks(&days, &hlines),
            days,
            axis: DayAxis {
                origin: CivilDate::new(2022, 8, 1),
            },
            hlines,
            ..ProjectionChart::default()
        }
    }

    #[test]
    fn marks_at_first_crossings() {
        let c = chart();
        // 4.3 + 0.05 (d + 5) ≥ 4.5 first at d = -1; ≥ 4.8 first at d = 5.
        let m: Vec<(i32, &str)> = c.marks.iter().map(|m| (m.day, m.label.as_str())).collect();
        assert_eq!(m, vec![(-1, "活动 4.5"), (5, "5★")]);
    }

    #[test]
    fn summary_rows() {
        let s = chart().summary();
        assert_eq!(
            s.rows,
            vec![
                vec!["2022-07-27".to_owned(), "4.30".to_owned()],
                vec!["活动 4.5".to_owned(), "2022-07-31".to_owned()],
                vec!["5★".to_owned(), "2022-08-06".to_owned()],
                vec!["2022-08-11".to_owned(), "5.05".to_owned()],
                vec!["无分数天数".to_owned(), "2".to_owned()],
            ]
        );
    }

    #[test]
    fn domain_and_today() {
        let c = chart();
        assert_eq!(c.x_domain(), (-5.0, 10.0));
        assert!(c.shows_today());
        let future = ProjectionChart {
            days: vec![(0, Some(4.0)), (1, Some(4.1))],
            today_label: Some("今天".into()),
            ..ProjectionChart::default()
        };
        assert!(!future.shows_today());
        let one = ProjectionChart {
            days: vec![(3, Some(4.0))],
            ..ProjectionChart::default()
        };
        assert_eq!(one.x_domain(), (2.0, 4.0));
        assert_eq!(ProjectionChart::default().x_domain(), (0.0, 30.0));
    }
}
