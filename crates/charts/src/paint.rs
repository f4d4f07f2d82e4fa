//! Drawing primitives over any plotters backend: crisp rules, (dashed) polylines, markers,
//! text, the frame (grid, axes, tick labels), reference lines, the legend and the empty state.
//!
//! Horizontal and vertical rules are filled rectangles on whole pixels: a 1-pixel rule then
//! covers exactly one pixel row on the canvas (a stroked path on integer coordinates would be
//! smeared over two rows), and in SVG it is a `<rect>` whose `y` is the rule's row.

use plotters::coord::Shift;
use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, ShapeStyle, TextStyle};

use crate::frame::{swatch_width, Frame};
use crate::layout::{dash_polyline, dash_spans, keep_non_overlapping, sort_small, text_width};
use crate::theme::{width_px, Dash, LineKind, Stroke, Theme};
use crate::HLine;

/// Result of a drawing operation on backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

pub(crate) type Area<DB> = DrawingArea<DB, Shift>;

pub(crate) fn px(v: f64) -> i32 {
    v.round() as i32
}

pub(crate) fn fill(c: RGBColor, alpha: f64) -> ShapeStyle {
    ShapeStyle {
        color: c.mix(alpha.clamp(0.0, 1.0)),
        filled: true,
        stroke_width: 1,
    }
}

pub(crate) fn stroke(c: RGBColor, width: f64) -> ShapeStyle {
    ShapeStyle {
        color: c.to_rgba(),
        filled: false,
        stroke_width: width_px(width),
    }
}

/// A horizontal rule from x0 to x1 at row y.
pub(crate) fn hrule<DB: DrawingBackend>(
    area: &Area<DB>,
    x0: f64,
    x1: f64,
    y: f64,
    s: Stroke,
    theme: &Theme,
) -> DrawResult<DB> {
    let t = width_px(s.width) as i32;
    let top = px(y) - t / 2;
    let spans = match theme.dash_pattern(s.dash) {
        None => vec![(x0.min(x1), x0.max(x1))],
        Some((on, off)) => dash_spans(x0, x1, on, off),
    };
    for (a, b) in spans {
        let (a, b) = (px(a), px(b).max(px(a) + 1));
        area.draw(&Rectangle::new(
            [(a, top), (b, top + t)],
            fill(s.colour, 1.0),
        ))?;
    }
    Ok(())
}

/// A vertical rule from y0 to y1 at column x.
pub(crate) fn vrule<DB: DrawingBackend>(
    area: &Area<DB>,
    x: f64,
    y0: f64,
    y1: f64,
    s: Stroke,
    theme: &Theme,
) -> DrawResult<DB> {
    let t = width_px(s.width) as i32;
    let left = px(x) - t / 2;
    let spans = match theme.dash_pattern(s.dash) {
        None => vec![(y0.min(y1), y0.max(y1))],
        Some((on, off)) => dash_spans(y0, y1, on, off),
    };
    for (a, b) in spans {
        let (a, b) = (px(a), px(b).max(px(a) + 1));
        area.draw(&Rectangle::new(
            [(left, a), (left + t, b)],
            fill(s.colour, 1.0),
        ))?;
    }
    Ok(())
}

/// A data line through pixel points; one `PathElement` (SVG `<polyline>`) for a solid line,
/// one per dash otherwise.
pub(crate) fn polyline<DB: DrawingBackend>(
    area: &Area<DB>,
    points: &[(f64, f64)],
    s: Stroke,
    theme: &Theme,
) -> DrawResult<DB> {
    let style = stroke(s.colour, s.width);
    let to_px =
        |p: &[(f64, f64)]| -> Vec<(i32, i32)> { p.iter().map(|&(x, y)| (px(x), px(y))).collect() };
    match theme.dash_pattern(s.dash) {
        None => area.draw(&PathElement::new(to_px(points), style)),
        Some((on, off)) => {
            for dash in dash_polyline(points, on, off) {
                area.draw(&PathElement::new(to_px(&dash), style))?;
            }
            Ok(())
        }
    }
}

/// Marker shapes: the non-colour cue for points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    Dot,
    Ring,
    Diamond,
    TriangleUp,
    Cross,
}

pub(crate) fn marker<DB: DrawingBackend>(
    area: &Area<DB>,
    (x, y): (f64, f64),
    m: Marker,
    colour: RGBColor,
    theme: &Theme,
) -> DrawResult<DB> {
    let r = theme.marker_px;
    let (cx, cy) = (px(x), px(y));
    let ri = px(r).max(1);
    match m {
        Marker::Dot => area.draw(&Circle::new((cx, cy), ri, fill(colour, 1.0))),
        Marker::Ring => {
            area.draw(&Circle::new((cx, cy), ri, fill(theme.background, 1.0)))?;
            area.draw(&Circle::new(
                (cx, cy),
                ri,
                stroke(colour, theme.rule_px * 2.0),
            ))
        }
        Marker::Diamond => {
            let d = px(r * 1.3);
            area.draw(&Polygon::new(
                vec![(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy)],
                fill(colour, 1.0),
            ))
        }
        Marker::TriangleUp => {
            let d = px(r * 1.4);
            area.draw(&Polygon::new(
                vec![
                    (cx, cy - d),
                    (cx + d, cy + d * 2 / 3),
                    (cx - d, cy + d * 2 / 3),
                ],
                fill(colour, 1.0),
            ))
        }
        Marker::Cross => {
            let style = stroke(colour, theme.line_px);
            area.draw(&PathElement::new(
                vec![(cx - ri, cy - ri), (cx + ri, cy + ri)],
                style,
            ))?;
            area.draw(&PathElement::new(
                vec![(cx - ri, cy + ri), (cx + ri, cy - ri)],
                style,
            ))
        }
    }
}

/// One line of text anchored at (x, y).
#[allow(clippy::too_many_arguments)]
pub(crate) fn text<DB: DrawingBackend>(
    area: &Area<DB>,
    s: &str,
    (x, y): (f64, f64),
    size: f64,
    colour: RGBColor,
    h: HPos,
    v: VPos,
    theme: &Theme,
) -> DrawResult<DB> {
    if s.is_empty() {
        return Ok(());
    }
    let font = FontDesc::new(
        FontFamily::from(theme.font_family.as_str()),
        size,
        FontStyle::Normal,
    );
    let style = TextStyle::from(font).color(&colour).pos(Pos::new(h, v));
    area.draw(&Text::new(s, (px(x), px(y)), style))
}

/// A label inside the plot (small font, `colour`) on a translucent background patch, so
/// lines running under it do not cross the text. `(x, y)` and the anchor are the label's.
pub(crate) fn halo_text<DB: DrawingBackend>(
    area: &Area<DB>,
    s: &str,
    at: (f64, f64),
    colour: RGBColor,
    (h, v): (HPos, VPos),
    theme: &Theme,
) -> DrawResult<DB> {
    let size = theme.small_font_px;
    halo(area, s, at, size, h, v, theme)?;
    text(area, s, at, size, colour, h, v, theme)
}

/// The background patch of [`halo_text`].
fn halo<DB: DrawingBackend>(
    area: &Area<DB>,
    s: &str,
    (x, y): (f64, f64),
    size: f64,
    h: HPos,
    v: VPos,
    theme: &Theme,
) -> DrawResult<DB> {
    let w = text_width(s, size);
    let lh = theme.line_height(size);
    let left = match h {
        HPos::Left => x,
        HPos::Center => x - w / 2.0,
        HPos::Right => x - w,
    };
    let top = match v {
        VPos::Top => y,
        VPos::Center => y - lh / 2.0,
        VPos::Bottom => y - lh,
    };
    let pad = theme.rule_px;
    area.draw(&Rectangle::new(
        [
            (px(left - pad), px(top)),
            (px(left + w + pad), px(top + lh)),
        ],
        fill(theme.background, 0.8),
    ))
}

/// Fills the area with the background and lays out the chart's frame for its pixel size with
/// `layout`; `None` when the area is too small to draw anything in.
pub(crate) fn begin<DB: DrawingBackend>(
    area: &Area<DB>,
    theme: &Theme,
    layout: impl FnOnce(f64, f64) -> Frame,
) -> Result<Option<Frame>, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&theme.background)?;
    let (w, h) = area.dim_in_pixel();
    let f = layout(f64::from(w), f64::from(h));
    Ok((!f.is_degenerate(theme)).then_some(f))
}

/// Background, grid, axes, ticks and tick labels, and the x-axis title.
pub(crate) fn frame<DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Frame,
    x_title: Option<&str>,
    theme: &Theme,
) -> DrawResult<DB> {
    let p = f.plot;
    let thin = Stroke {
        colour: theme.grid,
        dash: Dash::Solid,
        width: theme.rule_px,
    };
    let axis = Stroke {
        colour: theme.muted,
        ..thin
    };
    for t in &f.y_ticks {
        if (t.px - p.bottom).abs() >= 1.0 {
            hrule(area, p.left, p.right, t.px, thin, theme)?;
        }
        hrule(area, p.left - theme.tick_len, p.left, t.px, axis, theme)?;
        if let Some(l) = &t.label {
            let at = (p.left - theme.tick_len - theme.pad / 2.0, t.px);
            text(
                area,
                l,
                at,
                theme.font_px,
                theme.muted,
                HPos::Right,
                VPos::Center,
                theme,
            )?;
        }
    }
    for t in &f.x_ticks {
        vrule(area, t.px, p.bottom, p.bottom + theme.tick_len, axis, theme)?;
        if let Some(l) = &t.label {
            // Keep the label inside the drawing.
            let half = text_width(l, theme.font_px) / 2.0;
            let x = t.px.clamp(half, (f.size.0 - half).max(half));
            let at = (x, p.bottom + theme.tick_len + theme.rule_px);
            text(
                area,
                l,
                at,
                theme.font_px,
                theme.muted,
                HPos::Center,
                VPos::Top,
                theme,
            )?;
        }
    }
    hrule(area, p.left, p.right, p.bottom, axis, theme)?;
    vrule(area, p.left, p.top, p.bottom, axis, theme)?;
    if let Some(title) = x_title {
        let at = (p.center_x(), f.size.1 - theme.pad);
        text(
            area,
            title,
            at,
            theme.font_px,
            theme.foreground,
            HPos::Center,
            VPos::Bottom,
            theme,
        )?;
    }
    Ok(())
}

/// Priority of a reference line's label when labels collide (gates first).
fn label_priority(kind: LineKind) -> u8 {
    match kind {
        LineKind::Gate => 0,
        LineKind::Target => 1,
        LineKind::Risk => 2,
        LineKind::Star => 3,
    }
}

/// Which reference lines are inside the y domain, and which of them get a label.
pub(crate) fn visible_hlines<'a>(
    f: &Frame,
    lines: &'a [HLine],
    theme: &Theme,
) -> Vec<(&'a HLine, bool)> {
    let inside: Vec<&HLine> = lines
        .iter()
        .filter(|l| l.y.is_finite() && f.y.contains(l.y))
        .collect();
    let mut order: Vec<usize> = (0..inside.len()).collect();
    sort_small(&mut order, |&a, &b| {
        label_priority(inside[a].kind) < label_priority(inside[b].kind)
    });
    let h = theme.line_height(theme.small_font_px);
    let spans: Vec<(f64, f64)> = order
        .iter()
        .map(|&i| {
            let y = f.y.map(inside[i].y);
            (y - h, y)
        })
        .collect();
    let keep = keep_non_overlapping(&spans, 0.0);
    let mut labelled = vec![false; inside.len()];
    for (k, &i) in order.iter().enumerate() {
        labelled[i] = keep[k] && !inside[i].label.is_empty();
    }
    inside.into_iter().zip(labelled).collect()
}

/// Reference lines across the plot (draw before the data, so the data stays on top).
pub(crate) fn hlines<DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Frame,
    lines: &[HLine],
    theme: &Theme,
) -> DrawResult<DB> {
    let p = f.plot;
    for (l, _) in visible_hlines(f, lines, theme) {
        hrule(
            area,
            p.left,
            p.right,
            f.y.map(l.y),
            theme.line_stroke(l.kind),
            theme,
        )?;
    }
    Ok(())
}

/// Reference-line labels, right-aligned just above their line on a halo (draw after the
/// data, so no curve crosses the text).
pub(crate) fn hline_labels<DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Frame,
    lines: &[HLine],
    theme: &Theme,
) -> DrawResult<DB> {
    for (l, labelled) in visible_hlines(f, lines, theme) {
        if !labelled {
            continue;
        }
        let s = theme.line_stroke(l.kind);
        let at = (f.plot.right - theme.rule_px * 2.0, f.y.map(l.y) - s.width);
        let colour = if l.kind == LineKind::Star {
            theme.muted
        } else {
            s.colour
        };
        halo_text(
            area,
            &l.label,
            at,
            colour,
            (HPos::Right, VPos::Bottom),
            theme,
        )?;
    }
    Ok(())
}

/// What a legend entry shows next to its label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Glyph {
    /// A line sample, with an optional marker in the middle.
    Line(Stroke, Option<(Marker, RGBColor)>),
    /// A bar swatch: solid, or hollow (outlined, lightly filled).
    Bar { colour: RGBColor, hollow: bool },
    /// A hatched, lightly filled swatch (penalty periods).
    Hatch(RGBColor),
    /// A short vertical rule (the current value).
    Rule(RGBColor),
    /// A marker alone.
    Marker(Marker, RGBColor),
}

pub(crate) fn legend<DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Frame,
    items: &[(&str, Glyph)],
    theme: &Theme,
) -> DrawResult<DB> {
    let w = swatch_width(theme);
    let half = (theme.font_px * 0.45).round();
    for (slot, &(label, glyph)) in f.legend.iter().zip(items) {
        let (x0, cy) = (slot.left, slot.center_y);
        match glyph {
            Glyph::Line(s, m) => {
                polyline(area, &[(x0, cy), (x0 + w, cy)], s, theme)?;
                if let Some((m, c)) = m {
                    marker(area, (x0 + w / 2.0, cy), m, c, theme)?;
                }
            }
            Glyph::Bar { colour, hollow } => {
                let r = [(px(x0), px(cy - half)), (px(x0 + w), px(cy + half))];
                bar(area, r, colour, hollow, theme)?;
            }
            Glyph::Hatch(c) => {
                let r = crate::layout::Rect {
                    left: x0,
                    top: cy - half,
                    right: x0 + w,
                    bottom: cy + half,
                };
                shade(area, r, c, theme)?;
            }
            Glyph::Rule(c) => {
                let s = Stroke {
                    colour: c,
                    dash: Dash::Solid,
                    width: theme.rule_px * 2.0,
                };
                vrule(area, x0 + w / 2.0, cy - half, cy + half, s, theme)?;
            }
            Glyph::Marker(m, c) => marker(area, (x0 + w / 2.0, cy), m, c, theme)?,
        }
        let at = (x0 + w + theme.pad / 2.0, cy);
        text(
            area,
            label,
            at,
            theme.font_px,
            theme.foreground,
            HPos::Left,
            VPos::Center,
            theme,
        )?;
    }
    Ok(())
}

/// A bar: solid fill, or hollow (light fill and an outline) for baselines.
pub(crate) fn bar<DB: DrawingBackend>(
    area: &Area<DB>,
    r: [(i32, i32); 2],
    colour: RGBColor,
    hollow: bool,
    theme: &Theme,
) -> DrawResult<DB> {
    if hollow {
        area.draw(&Rectangle::new(r, fill(colour, 0.25)))?;
        let t = width_px(theme.rule_px * 2.0) as i32;
        let [(l, tp), (rt, b)] = r;
        // The outline as four filled strips, inside the bar, so it stays crisp.
        for strip in [
            [(l, tp), (rt, tp + t)],
            [(l, b - t), (rt, b)],
            [(l, tp), (l + t, b)],
            [(rt - t, tp), (rt, b)],
        ] {
            area.draw(&Rectangle::new(strip, fill(colour, 1.0)))?;
        }
        Ok(())
    } else {
        area.draw(&Rectangle::new(r, fill(colour, 1.0)))
    }
}

/// A shaded, hatched rectangle (penalty periods).
pub(crate) fn shade<DB: DrawingBackend>(
    area: &Area<DB>,
    r: crate::layout::Rect,
    colour: RGBColor,
    theme: &Theme,
) -> DrawResult<DB> {
    area.draw(&Rectangle::new(
        [(px(r.left), px(r.top)), (px(r.right), px(r.bottom))],
        fill(colour, theme.shade_alpha),
    ))?;
    let style = ShapeStyle {
        color: colour.mix(0.55),
        filled: false,
        stroke_width: width_px(theme.rule_px),
    };
    for (a, b) in crate::layout::hatch_lines(r, theme.hatch_gap) {
        area.draw(&PathElement::new(
            vec![(px(a.0), px(a.1)), (px(b.0), px(b.1))],
            style,
        ))?;
    }
    Ok(())
}

/// The empty state: the caller's "no data" words centred in the plot.
pub(crate) fn no_data<DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Frame,
    label: &str,
    theme: &Theme,
) -> DrawResult<DB> {
    let at = (f.plot.center_x(), f.plot.center_y());
    text(
        area,
        label,
        at,
        theme.font_px,
        theme.muted,
        HPos::Center,
        VPos::Center,
        theme,
    )
}
