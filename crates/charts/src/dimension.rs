//! The dimension chart: one bar per dimension on the 3–5 scale, with the pinned baseline
//! scenario's bar (hollow) beside the current one (solid) when there is a baseline.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};

use crate::frame::{self, Frame, FrameSpec, XTicks};
use crate::layout::{fit_text, text_width, Rect};
use crate::paint::{self, px, Area, DrawResult, Glyph};
use crate::theme::Theme;
use crate::{fmt_score, Chart, HLine, Summary, NONE};

/// One dimension's bar(s).
#[derive(Debug, Clone, PartialEq)]
pub struct DimBar {
    /// Dimension name (translated), e.g. `物流体验`.
    pub label: String,
    /// Score in the current scenario; `None` = no data (dimension dropped).
    pub current: Option<f64>,
    /// Score in the pinned baseline scenario, if one is pinned and has data.
    pub baseline: Option<f64>,
}

/// Input of the dimension chart.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionChart {
    /// Chart title (table caption, canvas label; not drawn).
    pub title: String,
    /// Legend label and column heading of the current scenario.
    pub current_label: String,
    /// Legend label and column heading of the baseline scenario.
    pub baseline_label: String,
    /// Shown in the plot when no bar has data.
    pub no_data_label: String,
    /// The bars, left to right.
    pub bars: Vec<DimBar>,
    /// Score axis, normally 3–5; bars rise from its low end.
    pub y_range: (f64, f64),
    /// Reference lines (e.g. the 4.0 every dimension needs for activities).
    pub hlines: Vec<HLine>,
}

impl Default for DimensionChart {
    fn default() -> Self {
        DimensionChart {
            title: String::new(),
            current_label: String::new(),
            baseline_label: String::new(),
            no_data_label: String::new(),
            bars: Vec::new(),
            y_range: (3.0, 5.0),
            hlines: Vec::new(),
        }
    }
}

/// Where one dimension's bars are drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BarSlot {
    /// The dimension's band (full plot height).
    pub band: Rect,
    /// The current bar, if it has a value.
    pub current: Option<Rect>,
    /// The baseline bar, if it has a value.
    pub baseline: Option<Rect>,
}

impl DimensionChart {
    fn y_domain(&self) -> (f64, f64) {
        frame::valid_domain(self.y_range, (3.0, 5.0))
    }

    /// Whether any bar has a baseline value (then the baseline is drawn and listed).
    pub fn has_baseline(&self) -> bool {
        self.bars
            .iter()
            .any(|b| b.baseline.is_some_and(f64::is_finite))
    }

    fn has_data(&self) -> bool {
        self.bars.iter().any(|b| {
            b.current.is_some_and(f64::is_finite) || b.baseline.is_some_and(f64::is_finite)
        })
    }

    fn legend_items(&self, theme: &Theme) -> Vec<(&str, Glyph)> {
        let mut items = vec![(
            self.current_label.as_str(),
            Glyph::Bar {
                colour: theme.primary,
                hollow: false,
            },
        )];
        if self.has_baseline() {
            items.insert(
                0,
                (
                    self.baseline_label.as_str(),
                    Glyph::Bar {
                        colour: theme.secondary,
                        hollow: true,
                    },
                ),
            );
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
                x_domain: (0.0, self.bars.len().max(1) as f64),
                reverse_x: false,
                y_domain: self.y_domain(),
                x_ticks: XTicks::Bands,
                legend: &labels,
                x_title: false,
                mark_rows: 0,
            },
            theme,
        )
    }

    /// Bar rectangles in `f`: with a baseline, baseline on the left and current on the right
    /// of each band (before → after); without, one centred bar. Values are clamped to the axis.
    pub fn slots(&self, f: &Frame) -> Vec<BarSlot> {
        let base = f.y.map(f.y.domain.0);
        let two = self.has_baseline();
        self.bars
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let (l, r) = (f.x.map(i as f64), f.x.map(i as f64 + 1.0));
                let bw = r - l;
                let c = (l + r) / 2.0;
                let rect = |x0: f64, x1: f64, v: Option<f64>| {
                    v.filter(|v| v.is_finite()).map(|v| Rect {
                        left: x0,
                        right: x1,
                        top: f.y.map(f.y.clamp(v)),
                        bottom: base,
                    })
                };
                let (current, baseline) = if two {
                    (
                        rect(c + bw * 0.02, c + bw * 0.34, b.current),
                        rect(c - bw * 0.34, c - bw * 0.02, b.baseline),
                    )
                } else {
                    (rect(c - bw * 0.28, c + bw * 0.28, b.current), None)
                };
                BarSlot {
                    band: Rect {
                        left: l,
                        right: r,
                        top: f.plot.top,
                        bottom: f.plot.bottom,
                    },
                    current,
                    baseline,
                }
            })
            .collect()
    }
}

fn rect_px(r: &Rect) -> [(i32, i32); 2] {
    [(px(r.left), px(r.top)), (px(r.right), px(r.bottom))]
}

impl Chart for DimensionChart {
    fn draw<DB: DrawingBackend>(&self, area: &Area<DB>, theme: &Theme) -> DrawResult<DB> {
        let Some(f) = paint::begin(area, theme, |w, h| self.frame(w, h, theme))? else {
            return Ok(());
        };
        paint::frame(area, &f, None, theme)?;
        paint::legend(area, &f, &self.legend_items(theme), theme)?;
        if !self.has_data() {
            paint::hlines(area, &f, &self.hlines, theme)?;
            paint::hline_labels(area, &f, &self.hlines, theme)?;
            return paint::no_data(area, &f, &self.no_data_label, theme);
        }
        let slots = self.slots(&f);
        let two = self.has_baseline();
        for (b, s) in self.bars.iter().zip(&slots) {
            if let Some(r) = &s.baseline {
                paint::bar(area, rect_px(r), theme.secondary, true, theme)?;
            }
            if let Some(r) = &s.current {
                paint::bar(area, rect_px(r), theme.primary, false, theme)?;
            }
            // Values above the bars when they fit; the text alternative always has them.
            let room = s.band.width() * if two { 0.48 } else { 0.9 };
            for (r, v) in [(&s.baseline, b.baseline), (&s.current, b.current)] {
                if let (Some(r), Some(v)) = (r, v) {
                    let label = fmt_score(v);
                    if text_width(&label, theme.small_font_px) <= room {
                        let at = (r.center_x(), r.top - theme.rule_px * 2.0);
                        paint::text(
                            area,
                            &label,
                            at,
                            theme.small_font_px,
                            theme.foreground,
                            HPos::Center,
                            VPos::Bottom,
                            theme,
                        )?;
                    }
                }
            }
            if s.current.is_none() {
                // Where the current bar would stand.
                let x = s.band.center_x() + if two { s.band.width() * 0.18 } else { 0.0 };
                let at = (x, s.band.bottom - theme.rule_px * 2.0);
                paint::text(
                    area,
                    NONE,
                    at,
                    theme.font_px,
                    theme.muted,
                    HPos::Center,
                    VPos::Bottom,
                    theme,
                )?;
            }
            if let Some(label) = fit_text(&b.label, s.band.width() - theme.pad / 2.0, theme.font_px)
            {
                let at = (
                    s.band.center_x(),
                    f.plot.bottom + theme.tick_len + theme.rule_px,
                );
                paint::text(
                    area,
                    &label,
                    at,
                    theme.font_px,
                    theme.foreground,
                    HPos::Center,
                    VPos::Top,
                    theme,
                )?;
            }
        }
        // Lines over the bars, so a bar just under a gate still shows the gate.
        paint::hlines(area, &f, &self.hlines, theme)?;
        paint::hline_labels(area, &f, &self.hlines, theme)
    }

    /// A table: heading row `["", current]` (plus the baseline column when there is one), one
    /// row per dimension with its scores (`—` for no data).
    fn summary(&self) -> Summary {
        let two = self.has_baseline();
        let cell = |v: Option<f64>| {
            v.filter(|v| v.is_finite())
                .map_or(NONE.to_owned(), fmt_score)
        };
        let mut head = vec![String::new(), self.current_label.clone()];
        if two {
            head.push(self.baseline_label.clone());
        }
        let rows = if self.has_data() {
            self.bars
                .iter()
                .map(|b| {
                    let mut r = vec![b.label.clone(), cell(b.current)];
                    if two {
                        r.push(cell(b.baseline));
                    }
                    r
                })
                .collect()
        } else {
            vec![vec![self.no_data_label.clone()]]
        };
        Summary {
            caption: self.title.clone(),
            head,
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

    fn chart(baseline: bool) -> DimensionChart {
        let names = ["商品体验", "物流体验", "售后体验", "咨询体验", "投诉纠纷"];
        let cur = [Some(4.89), Some(4.921429), Some(3.87), Some(3.608), None];
        let base = [Some(4.4), Some(4.4), Some(4.4), Some(4.4), Some(4.4)];
        DimensionChart {
            title: "维度".into(),
            current_label: "当前".into(),
            baseline_label: "基准".into(),
            no_data_label: "暂无".into(),
            bars: (0..5)
                .map(|i| DimBar {
                    label: names[i].into(),
                    current: cur[i],
                    baseline: if baseline { base[i] } else { None },
                })
                .collect(),
            ..DimensionChart::default()
        }
    }

    #[test]
    fn slots_split_bands() {
        let t = Theme::light();
        let c = chart(true);
        let f = c.frame(500.0, 260.0, &t);
        let s = c.slots(&f);
        assert_eq!(s.len(), 5);
        let bw = f.plot.width() / 5.0;
        assert!((s[0].band.width() - bw).abs() < 1e-9);
        let (b, k) = (
            s[0].baseline.unwrap_or(s[0].band),
            s[0].current.unwrap_or(s[0].band),
        );
        assert!(b.right < k.left, "baseline left of current");
        assert_eq!(k.bottom, f.plot.bottom);
        assert!((k.top - f.y.map(4.89)).abs() < 1e-9);
        assert!(s[4].current.is_none() && s[4].baseline.is_some());
        let single = chart(false);
        let s1 = single.slots(&single.frame(500.0, 260.0, &t));
        let r = s1[1].current.unwrap_or(s1[1].band);
        assert!((r.center_x() - s1[1].band.center_x()).abs() < 1e-9);
        assert!(s1.iter().all(|s| s.baseline.is_none()));
    }

    #[test]
    fn summary_table() {
        let s = chart(true).summary();
        assert_eq!(s.head, ["", "当前", "基准"]);
        assert_eq!(s.rows[1], ["物流体验", "4.92", "4.40"]);
        assert_eq!(s.rows[4], ["投诉纠纷", "—", "4.40"]);
        let s = chart(false).summary();
        assert_eq!(s.head, ["", "当前"]);
        assert_eq!(s.rows[0], ["商品体验", "4.89"]);
        let empty = DimensionChart {
            no_data_label: "暂无".into(),
            ..DimensionChart::default()
        };
        assert_eq!(empty.summary().rows, vec![vec!["暂无".to_owned()]]);
    }
}
