//! Labels every chart places inside its plot the same way: reference-line labels (at the
//! line's end, on whichever side is free) and the empty state's note. Each goes through the
//! chart's [`Placer`], after the labels that matter more.

use crate::frame::Frame;
use crate::layout::{sort_small, Placer};
use crate::text::{fit_text, HAlign, Label, VAlign};
use crate::theme::{LineKind, Theme};
use crate::HLine;

/// A placer over the whole drawing holding the frame's own labels. Boxes may touch: a box is
/// a whole line high (30 % leading), and the rows above the plot are stacked edge to edge.
pub(crate) fn placer(f: &Frame, frame_labels: Vec<Label>) -> Placer {
    let mut p = Placer::new(f.bounds(), 0.0);
    for l in frame_labels {
        p.fix(l);
    }
    p
}

/// Priority of a reference line's label when labels compete (gates first).
fn priority(kind: LineKind) -> u8 {
    match kind {
        LineKind::Gate => 0,
        LineKind::Target => 1,
        LineKind::Risk => 2,
        LineKind::Star => 3,
    }
}

/// Places the labels of the lines inside the y domain, gates first: just above the line at
/// the plot's right end, else just below it, else the same at the left end; cut to the plot's
/// width. A label that finds no free place is left out (the text alternative names the line).
pub(crate) fn hline_labels<'a>(
    p: &mut Placer,
    f: &Frame,
    lines: impl IntoIterator<Item = &'a HLine>,
    theme: &Theme,
) {
    let mut lines: Vec<&HLine> = lines
        .into_iter()
        .filter(|l| l.y.is_finite() && f.y.contains(l.y) && !l.label.is_empty())
        .collect();
    sort_small(&mut lines, |a, b| priority(a.kind) < priority(b.kind));
    let area = f.label_area();
    let size = theme.small_font_px;
    let halo = theme.rule_px;
    for l in lines {
        let s = theme.line_stroke(l.kind);
        let colour = if l.kind == LineKind::Star {
            theme.muted
        } else {
            s.colour
        };
        let Some(text) = fit_text(&l.label, area.width() - 4.0 * halo, size) else {
            continue;
        };
        let y = f.y.map(l.y);
        let (right, left) = (area.right - 2.0 * halo, area.left + 2.0 * halo);
        let (above, below) = (y - s.width, y + s.width);
        let candidates = [
            ((right, above), (HAlign::Right, VAlign::Bottom)),
            ((right, below), (HAlign::Right, VAlign::Top)),
            ((left, above), (HAlign::Left, VAlign::Bottom)),
            ((left, below), (HAlign::Left, VAlign::Top)),
        ]
        .map(|(at, align)| Label::new(text.clone(), at, align, size, colour).with_halo(halo));
        p.place_within(candidates, &area);
    }
}

/// The empty state: the caller's "no data" words in the middle of the plot, cut to its width.
pub(crate) fn no_data(p: &mut Placer, f: &Frame, label: &str, theme: &Theme) {
    if let Some(text) = fit_text(label, f.plot.width(), theme.font_px) {
        let at = (f.plot.center_x(), f.plot.center_y());
        let l = Label::new(
            text,
            at,
            (HAlign::Center, VAlign::Middle),
            theme.font_px,
            theme.muted,
        );
        p.place([l]);
    }
}
