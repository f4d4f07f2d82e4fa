//! The customer-service chart: the rolling 3-minute reply rate assessed each day against the
//! target line, days below target marked with a cross, penalty periods shaded and hatched.

use plotters::prelude::DrawingBackend;

use crate::date::DayAxis;
use crate::frame::{self, Frame, FrameSpec, XTicks};
use crate::layout::Rect;
use crate::paint::{self, Area, DrawResult, Glyph, Marker};
use crate::scale::{format_fixed, format_value};
use crate::sensitivity::draw_runs;
use crate::series::{day_runs, EPS};
use crate::theme::{LineKind, Theme};
use crate::{Chart, HLine, Summary, NONE};

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
    /// Rate in % assessed per day offset, sorted; `None` = not assessed (penalty, no data).
    pub days: Vec<(i32, Option<f64>)>,
    /// How days are labelled.
    pub axis: DayAxis,
    /// Target rate in %.
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
            axis: DayAxis::default(),
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
            .map(|d| d.0)
            .chain(self.shaded.iter().flat_map(|&(a, b)| [a, b]));
        let (lo, hi) = days.fold((i32::MAX, i32::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
        if lo > hi {
            (-0.5, 6.5)
        } else {
            (f64::from(lo) - 0.5, f64::from(hi) + 0.5)
        }
    }

    fn has_data(&self) -> bool {
        !day_runs(&self.days).is_empty()
    }

    fn below(&self, v: f64) -> bool {
        v < self.target - EPS
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
        let any_below = self.days.iter().any(|d| d.1.is_some_and(|v| self.below(v)));
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

    /// The layout of this chart drawn `width` × `height` pixels with `theme`. The legend is
    /// the one [`Chart::draw`] shows: without the "below target" entry when the crosses do not
    /// fit, laid out again then (the entries and their slots must pair up).
    pub fn frame(&self, width: f64, height: f64, theme: &Theme) -> Frame {
        let all = self.legend_items(None, theme);
        let f = self.frame_for(&all, width, height, theme);
        let shown = self.legend_items(Some(&f), theme);
        if shown.len() == all.len() {
            f
        } else {
            self.frame_for(&shown, width, height, theme)
        }
    }

    fn frame_for(&self, items: &[(&str, Glyph)], width: f64, height: f64, theme: &Theme) -> Frame {
        let labels: Vec<&str> = items.iter().map(|i| i.0).collect();
        frame::compute(
            width,
            height,
            &FrameSpec {
                x_domain: self.x_domain(),
                reverse_x: false,
                y_domain: frame::valid_domain(self.y_range, (0.0, 100.0)),
                x_ticks: XTicks::Days(self.axis),
                legend: &labels,
                x_title: false,
                mark_rows: 0,
            },
            theme,
        )
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
    fn draw<DB: DrawingBackend>(&self, area: &Area<DB>, theme: &Theme) -> DrawResult<DB> {
        let Some(f) = paint::begin(area, theme, |w, h| self.frame(w, h, theme))? else {
            return Ok(());
        };
        for r in self.shaded_rects(&f) {
            paint::shade(area, r, theme.alert, theme)?;
        }
        paint::frame(area, &f, None, theme)?;
        let target = [HLine {
            y: self.target,
            label: self.target_label.clone(),
            kind: LineKind::Target,
        }];
        paint::hlines(area, &f, &target, theme)?;
        paint::legend(area, &f, &self.legend_items(Some(&f), theme), theme)?;
        if !self.has_data() {
            paint::hline_labels(area, &f, &target, theme)?;
            return paint::no_data(area, &f, &self.no_data_label, theme);
        }
        draw_runs(
            area,
            &f,
            &day_runs(&self.days),
            theme.series_stroke(),
            Marker::Dot,
            theme,
        )?;
        if self.markers_fit(&f, theme) {
            for &(d, v) in &self.days {
                let Some(v) = v.filter(|v| v.is_finite()) else {
                    continue;
                };
                let p = (f.x.map(f64::from(d)), f.y.map(f.y.clamp(v)));
                if self.below(v) {
                    paint::marker(area, p, Marker::Cross, theme.alert, theme)?;
                } else {
                    paint::marker(area, p, Marker::Dot, theme.primary, theme)?;
                }
            }
        }
        paint::hline_labels(area, &f, &target, theme)
    }

    /// Key/value rows: the target, the latest day's rate, the number of days below target, and
    /// the penalty periods (`first – last`, `—` when none). No rate at all: the "no data" words
    /// instead of the latest rate.
    fn summary(&self) -> Summary {
        let mut rows = vec![vec![
            self.target_label.clone(),
            format_value(self.target, 1.0, 1),
        ]];
        let latest = self
            .days
            .iter()
            .rev()
            .find_map(|&(d, v)| v.filter(|v| v.is_finite()).map(|v| (d, v)));
        match latest {
            Some((d, v)) => rows.push(vec![self.axis.long(d), format_fixed(v, 1)]),
            None => rows.push(vec![self.no_data_label.clone()]),
        }
        let below = self
            .days
            .iter()
            .filter(|d| d.1.is_some_and(|v| v.is_finite() && self.below(v)))
            .count();
        rows.push(vec![self.below_target_label.clone(), below.to_string()]);
        let periods = if self.shaded.is_empty() {
            NONE.to_owned()
        } else {
            self.shaded
                .iter()
                .map(|&(a, b)| {
                    format!(
                        "{} – {}",
                        self.axis.long(a.min(b)),
                        self.axis.long(a.max(b))
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        rows.push(vec![self.penalty_label.clone(), periods]);
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
    use crate::CivilDate;

    fn chart() -> RateChart {
        RateChart {
            title: "3分钟回复率".into(),
            rate_label: "回复率".into(),
            target_label: "目标 80%".into(),
            penalty_label: "处罚期".into(),
            below_target_label: "未达标".into(),
            no_data_label: "暂无".into(),
            days: vec![
                (0, Some(85.0)),
                (1, Some(72.5)),
                (2, None),
                (3, None),
                (4, None),
                (5, Some(90.0)),
                (6, Some(79.99)),
            ],
            axis: DayAxis {
                origin: CivilDate::new(2024, 5, 30),
            },
            shaded: vec![(2, 4)],
            ..RateChart::default()
        }
    }

    #[test]
    fn summary_rows() {
        let s = chart().summary();
        assert_eq!(
            s.rows,
            vec![
                vec!["目标 80%".to_owned(), "80".to_owned()],
                vec!["2024-06-05".to_owned(), "80.0".to_owned()],
                vec!["未达标".to_owned(), "2".to_owned()],
                vec!["处罚期".to_owned(), "2024-06-01 – 2024-06-03".to_owned()],
            ]
        );
    }

    #[test]
    fn the_legend_laid_out_is_the_legend_drawn() {
        let t = Theme::light();
        let mut c = chart();
        // A long range on a narrow chart: the crosses (and their legend entry) are left out.
        c.days = (0..200)
            .map(|d| (d, Some(if d % 2 == 0 { 70.0 } else { 90.0 })))
            .collect();
        for width in [180.0, 320.0, 480.0, 2400.0] {
            let f = c.frame(width, 240.0, &t);
            let drawn = c.legend_items(Some(&f), &t);
            assert_eq!(f.legend.len(), drawn.len(), "width {width}");
        }
        assert_eq!(
            c.legend_items(Some(&c.frame(320.0, 240.0, &t)), &t).len(),
            3,
            "rate, target and penalty"
        );
    }

    #[test]
    fn shading_covers_whole_days() {
        let t = Theme::light();
        let c = chart();
        let f = c.frame(480.0, 240.0, &t);
        assert_eq!(c.x_domain(), (-0.5, 6.5));
        let r = c.shaded_rects(&f);
        assert_eq!(r.len(), 1);
        let day = f.plot.width() / 7.0;
        assert!((r[0].left - (f.plot.left + 2.0 * day)).abs() < 1e-9);
        assert!((r[0].width() - 3.0 * day).abs() < 1e-9);
        assert!(c.markers_fit(&f, &t));
        assert!(!c.markers_fit(&c.frame(40.0, 240.0, &t), &t));
    }

    #[test]
    fn empty_domain() {
        assert_eq!(RateChart::default().x_domain(), (-0.5, 6.5));
        let only_penalty = RateChart {
            shaded: vec![(9, 3)],
            ..RateChart::default()
        };
        assert_eq!(only_penalty.x_domain(), (2.5, 9.5));
    }
}
