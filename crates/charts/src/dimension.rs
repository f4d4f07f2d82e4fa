//! The dimension chart: one bar per dimension on the 3–5 scale, with the pinned baseline
//! scenario's bar (hollow) beside the current one (solid) when there is a baseline.
//!
//! Dimension names go under their bars, wrapped onto two lines when one is too narrow; when a
//! name does not fit its band even so (English and Spanish names on a phone), the names take
//! two staggered tiers, each free to span two bands. Only what still does not fit is cut with
//! `…`; the text alternative always has the full names.

use plotters::prelude::DrawingBackend;

use crate::annotate;
use crate::format::ChartFormat;
use crate::frame::{self, Frame, FrameSpec, XTicks};
use crate::layout::Rect;
use crate::paint::{self, px, Area, DrawResult, Glyph};
use crate::text::{is_whole, line_height, text_width, wrap_balanced, HAlign, Label, VAlign};
use crate::theme::Theme;
use crate::{Backdrop, Chart, HLine, Layout, Summary, NONE};

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

/// Most lines a dimension name takes under its bar.
const NAME_LINES: usize = 2;

/// Dimension names broken into lines for bands `band` pixels wide: each name within its band,
/// or (when one does not fit whole) in two staggered tiers, each name within two bands. Returns
/// the lines of each name and the number of tiers.
fn name_lines(names: &[&str], band: f64, theme: &Theme) -> (Vec<Vec<String>>, usize) {
    let font = theme.font_px;
    let wrap = |w: f64| -> Vec<Vec<String>> {
        names
            .iter()
            .map(|n| wrap_balanced(n, w - theme.pad / 2.0, font, NAME_LINES))
            .collect()
    };
    let single = wrap(band);
    if names.len() < 2 || names.iter().zip(&single).all(|(n, l)| is_whole(n, l)) {
        return (single, 1);
    }
    (wrap(band * 2.0), 2)
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

    fn frame(
        &self,
        width: f64,
        height: f64,
        lines: usize,
        theme: &Theme,
        fmt: &dyn ChartFormat,
    ) -> (Frame, Vec<Label>) {
        let items = self.legend_items(theme);
        let legend: Vec<&str> = items.iter().map(|i| i.0).collect();
        frame::compute(
            width,
            height,
            &FrameSpec {
                x_domain: (0.0, self.bars.len().max(1) as f64),
                reverse_x: false,
                y_domain: self.y_domain(),
                x_ticks: XTicks::Bands { lines },
                legend: &legend,
                x_title: None,
                mark_rows: 0,
            },
            theme,
            fmt,
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
    /// The frame (with room under the axis for the names as they wrap), the names, the values
    /// over the bars (the current one first; a baseline value that would touch it moves up a
    /// line), `—` where a bar has no data, then the lines' labels where they find room.
    fn layout(&self, width: f64, height: f64, theme: &Theme, fmt: &dyn ChartFormat) -> Layout {
        let names: Vec<&str> = self.bars.iter().map(|b| b.label.as_str()).collect();
        let n = self.bars.len().max(1) as f64;
        let (first, _) = self.frame(width, height, 1, theme, fmt);
        let (lines, tiers) = name_lines(&names, first.plot.width() / n, theme);
        let rows = tiers * lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let (f, fixed) = self.frame(width, height, rows, theme, fmt);
        if f.is_degenerate(theme) {
            return Layout::empty(f);
        }
        // Wrapped again if the band width changed (never narrower than the first guess: fewer
        // rows of y ticks only make their labels narrower).
        let (lines, tiers) = if f.plot.width() == first.plot.width() {
            (lines, tiers)
        } else {
            name_lines(&names, f.plot.width() / n, theme)
        };
        let per_tier = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let mut p = annotate::placer(&f, fixed);
        let font = theme.font_px;
        let line = line_height(font);
        let slots = self.slots(&f);
        for (i, (name, s)) in lines.iter().zip(&slots).enumerate() {
            let tier = i % tiers;
            for (k, text) in name.iter().enumerate() {
                let half = text_width(text, font) / 2.0;
                let x = s.band.center_x().clamp(half, (width - half).max(half));
                let y = f.x_labels_top + ((tier * per_tier + k) as f64) * line;
                let at = (x, y);
                let l = Label::new(
                    text.clone(),
                    at,
                    (HAlign::Center, VAlign::Top),
                    font,
                    theme.foreground,
                );
                p.fix(l);
            }
        }
        let backdrop_labels = p.len();
        if !self.has_data() {
            annotate::no_data(&mut p, &f, &self.no_data_label, theme);
        } else {
            let two = self.has_baseline();
            let small = theme.small_font_px;
            let area = f.label_area();
            for (b, s) in self.bars.iter().zip(&slots) {
                for (r, v) in [(&s.current, b.current), (&s.baseline, b.baseline)] {
                    if let (Some(r), Some(v)) = (r, v.filter(|v| v.is_finite())) {
                        let text = fmt.score(v);
                        let y = r.top - theme.rule_px * 2.0;
                        let candidates = [y, y - line_height(small)].map(|y| {
                            Label::new(
                                text.clone(),
                                (r.center_x(), y),
                                (HAlign::Center, VAlign::Bottom),
                                small,
                                theme.foreground,
                            )
                        });
                        p.place_within(candidates, &area);
                    }
                }
                if s.current.is_none() {
                    // Where the current bar would stand.
                    let x = s.band.center_x() + if two { s.band.width() * 0.18 } else { 0.0 };
                    let at = (x, s.band.bottom - theme.rule_px * 2.0);
                    let l = Label::new(
                        NONE,
                        at,
                        (HAlign::Center, VAlign::Bottom),
                        font,
                        theme.muted,
                    );
                    p.place_within([l], &area);
                }
            }
        }
        annotate::hline_labels(&mut p, &f, &self.hlines, theme);
        Layout::placed(f, p, backdrop_labels)
    }

    /// The grid, the legend, the frame's labels and the dimension names (the lines go over
    /// the bars, with the data).
    fn backdrop(&self, layout: &Layout, theme: &Theme) -> Backdrop {
        Backdrop::new(layout, Vec::new(), self.legend_items(theme), true, theme)
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
            let slots = self.slots(f);
            for s in &slots {
                if let Some(r) = &s.baseline {
                    paint::bar(area, rect_px(r), theme.secondary, true, theme)?;
                }
            }
            for s in &slots {
                if let Some(r) = &s.current {
                    paint::bar(area, rect_px(r), theme.primary, false, theme)?;
                }
            }
        }
        // Lines over the bars, so a bar just under a gate still shows the gate.
        paint::hlines(area, f, &self.hlines, theme)?;
        paint::labels(area, layout.data(), theme)
    }

    /// A table: heading row `["", current]` (plus the baseline column when there is one), one
    /// row per dimension with its scores (`—` for no data), under its full name.
    fn summary(&self, fmt: &dyn ChartFormat) -> Summary {
        let two = self.has_baseline();
        let cell = |v: Option<f64>| {
            v.filter(|v| v.is_finite())
                .map_or(NONE.to_owned(), |v| fmt.score(v))
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
mod tests;
