//! Drawing primitives over any plotters backend: crisp rules, (dashed) polylines, markers,
//! bars, shading, the frame (grid, axes, ticks), reference lines, legend swatches, and every
//! label of a [`Layout`](crate::Layout) in one pass at the end.
//!
//! Horizontal and vertical rules are filled rectangles on whole pixels: a 1-pixel rule then
//! covers exactly one pixel row on the canvas (a stroked path on integer coordinates would be
//! smeared over two rows), and in SVG it is a `<rect>` whose `y` is the rule's row.
//!
//! Text goes last and grouped: all background patches, then the labels sorted by font size,
//! colour and alignment, so a canvas switches its font at most once per size (each switch
//! re-parses a font string), its fill colour once per run of same-coloured labels, and its
//! alignment as rarely.

use plotters::coord::Shift;
use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, ShapeStyle, TextStyle};

use crate::frame::{swatch_width, Frame};
use crate::geometry::{dash_polyline, dash_spans, hatch_lines};
use crate::layout::{sort_small, Rect};
use crate::text::{HAlign, Label, VAlign};
use crate::theme::{width_px, Dash, Stroke, Theme};
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

/// Calls `draw` for each dash of a rule from `from` to `to` (the whole span when solid).
fn dashes<E>(
    from: f64,
    to: f64,
    pattern: Option<(f64, f64)>,
    mut draw: impl FnMut(f64, f64) -> Result<(), E>,
) -> Result<(), E> {
    match pattern {
        None => draw(from.min(to), from.max(to)),
        Some((on, off)) => dash_spans(from, to, on, off).try_for_each(|(a, b)| draw(a, b)),
    }
}

/// A rule of stroke `s` along `from..to`, centred on `at` across: whole pixels, at least one
/// long, one filled rectangle per dash. `point` turns (along, across) pixels into (x, y).
fn rule<DB: DrawingBackend>(
    area: &Area<DB>,
    (from, to): (f64, f64),
    at: f64,
    s: Stroke,
    theme: &Theme,
    point: fn(i32, i32) -> (i32, i32),
) -> DrawResult<DB> {
    let t = width_px(s.width) as i32;
    let near = px(at) - t / 2;
    let style = fill(s.colour, 1.0);
    let draw = |a: f64, b: f64| {
        let (a, b) = (px(a), px(b).max(px(a) + 1));
        area.draw(&Rectangle::new([point(a, near), point(b, near + t)], style))
    };
    dashes(from, to, theme.dash_pattern(s.dash), draw)
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
    rule(area, (x0, x1), y, s, theme, |x, y| (x, y))
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
    rule(area, (y0, y1), x, s, theme, |y, x| (x, y))
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
        Some((on, off)) => dash_polyline(points, on, off)
            .iter()
            .try_for_each(|dash| area.draw(&PathElement::new(to_px(dash), style))),
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

/// Fills the area with the background; `false` when the layout is too small to draw in.
pub(crate) fn begin<DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Frame,
    theme: &Theme,
) -> Result<bool, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&theme.background)?;
    Ok(!f.is_degenerate(theme))
}

/// Grid, axes and tick marks (their labels are in the layout's labels).
pub(crate) fn frame<DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Frame,
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
    // Grid lines first, then every tick mark and axis in the axis colour (one colour run each).
    for t in &f.y_ticks {
        if (t.px - p.bottom).abs() >= 1.0 {
            hrule(area, p.left, p.right, t.px, thin, theme)?;
        }
    }
    for t in &f.y_ticks {
        hrule(area, p.left - theme.tick_len, p.left, t.px, axis, theme)?;
    }
    for t in &f.x_ticks {
        vrule(area, t.px, p.bottom, p.bottom + theme.tick_len, axis, theme)?;
    }
    hrule(area, p.left, p.right, p.bottom, axis, theme)?;
    vrule(area, p.left, p.top, p.bottom, axis, theme)
}

/// Reference lines across the plot.
pub(crate) fn hlines<'a, DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Frame,
    lines: impl IntoIterator<Item = &'a HLine>,
    theme: &Theme,
) -> DrawResult<DB> {
    let p = f.plot;
    for l in lines {
        if l.y.is_finite() && f.y.contains(l.y) {
            let s = theme.line_stroke(l.kind);
            hrule(area, p.left, p.right, f.y.map(l.y), s, theme)?;
        }
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

/// The legend's swatches (their words are in the layout's labels).
pub(crate) fn legend<DB: DrawingBackend>(
    area: &Area<DB>,
    f: &Frame,
    glyphs: &[Glyph],
    theme: &Theme,
) -> DrawResult<DB> {
    let w = swatch_width(theme);
    let half = (theme.font_px * 0.45).round();
    for (slot, &glyph) in f.legend.iter().zip(glyphs) {
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
                let r = Rect {
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
    if !hollow {
        return area.draw(&Rectangle::new(r, fill(colour, 1.0)));
    }
    area.draw(&Rectangle::new(r, fill(colour, 0.25)))?;
    let t = width_px(theme.rule_px * 2.0) as i32;
    let [(l, tp), (rt, b)] = r;
    // The outline as four filled strips, inside the bar, so it stays crisp.
    for strip in [
        [(l, tp), (rt, tp + t)],
        [(l, b - t), (rt, b)],
        [(l, tp + t), (l + t, b - t)],
        [(rt - t, tp + t), (rt, b - t)],
    ] {
        area.draw(&Rectangle::new(strip, fill(colour, 1.0)))?;
    }
    Ok(())
}

/// A shaded, hatched rectangle (penalty periods).
pub(crate) fn shade<DB: DrawingBackend>(
    area: &Area<DB>,
    r: Rect,
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
    for (a, b) in hatch_lines(r, theme.hatch_gap) {
        area.draw(&PathElement::new(
            vec![(px(a.0), px(a.1)), (px(b.0), px(b.1))],
            style,
        ))?;
    }
    Ok(())
}

/// Every label: the background patches first, then the text grouped by size and colour.
pub(crate) fn labels<DB: DrawingBackend>(
    area: &Area<DB>,
    labels: &[Label],
    theme: &Theme,
) -> DrawResult<DB> {
    for l in labels.iter().filter(|l| l.halo.is_some()) {
        let r = l.rect();
        area.draw(&Rectangle::new(
            [(px(r.left), px(r.top)), (px(r.right), px(r.bottom))],
            fill(theme.background, 0.8),
        ))?;
    }
    let mut order: Vec<&Label> = labels.iter().filter(|l| !l.text.is_empty()).collect();
    // Font first (the costliest switch), then colour, then alignment.
    let key = |l: &Label| {
        let c = l.colour;
        let (h, v) = (l.align.0 as u8, l.align.1 as u8);
        (l.size.to_bits(), c.0, c.1, c.2, h, v)
    };
    sort_small(&mut order, |a, b| key(a) < key(b));
    let family = FontFamily::from(theme.font_family.as_str());
    for l in order {
        let font = FontDesc::new(family, l.size, FontStyle::Normal);
        let h = match l.align.0 {
            HAlign::Left => HPos::Left,
            HAlign::Center => HPos::Center,
            HAlign::Right => HPos::Right,
        };
        let v = match l.align.1 {
            VAlign::Top => VPos::Top,
            VAlign::Middle => VPos::Center,
            VAlign::Bottom => VPos::Bottom,
        };
        let style = TextStyle::from(font).color(&l.colour).pos(Pos::new(h, v));
        area.draw(&Text::new(l.text.as_str(), (px(l.at.0), px(l.at.1)), style))?;
    }
    Ok(())
}
