//! Text without measuring: a width estimate, fitting and wrapping to a width, and [`Label`], a
//! positioned line of text with the box it covers.
//!
//! Text is never measured through the backend. plotters' own estimate on wasm creates a DOM
//! `<span>` per label and gives it a `style` attribute, which forced layout on every redraw and
//! is blocked (with a console error) under the page's CSP `style-src 'self'`. A deterministic
//! estimate also makes native SVG tests and the browser lay out the same way.

use plotters::style::RGBColor;

use crate::layout::Rect;

/// Width of one character in ems, for a generic sans-serif font: full-width (CJK, kana,
/// hangul, full-width forms) 1 em, narrow punctuation 0.3 em, others 0.62 em. Errs wide so
/// that labels judged to fit do fit.
fn char_em(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'i' | 'l' | 'j' | '·' => 0.3,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.9,
        _ if is_wide(u32::from(c)) => 1.0,
        _ => 0.62,
    }
}

fn is_wide(u: u32) -> bool {
    // Everything below U+1100 (Latin, Greek, Cyrillic, punctuation) is narrow: one comparison
    // for the common case.
    u >= 0x1100
        && matches!(u,
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x2_0000..=0x3_FFFD)
}

/// Estimated width in pixels of `text` at `font_px`.
///
/// # Examples
///
/// ```
/// use servicescore_charts::text::text_width;
/// assert_eq!(text_width("服务分", 12.0), 36.0);
/// assert!(text_width("4.5", 12.0) < text_width("4.50", 12.0));
/// ```
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

/// Height of one line of text at `font_px` (the box a label occupies).
pub fn line_height(font_px: f64) -> f64 {
    (font_px * 1.3).ceil()
}

/// `text` if it fits in `max_px`, else its longest prefix plus `…` that fits, else `None`.
///
/// # Examples
///
/// ```
/// use servicescore_charts::text::fit_text;
/// assert_eq!(fit_text("售后体验", 48.0, 12.0).as_deref(), Some("售后体验"));
/// assert_eq!(fit_text("售后体验", 40.0, 12.0).as_deref(), Some("售后…"));
/// assert_eq!(fit_text("售后体验", 10.0, 12.0), None);
/// ```
pub fn fit_text(text: &str, max_px: f64, font_px: f64) -> Option<String> {
    if text_width(text, font_px) <= max_px {
        return Some(text.to_owned());
    }
    let mut used = char_em('…') * font_px;
    let mut out = String::new();
    for c in text.chars() {
        let w = char_em(c) * font_px;
        if used + w > max_px {
            break;
        }
        used += w;
        out.push(c);
    }
    let out = out.trim_end().to_owned();
    (!out.is_empty()).then(|| out + "…")
}

/// Breaks `text` into at most `max_lines` lines no wider than `max_px`: at spaces (dropped),
/// after hyphens, and between full-width (CJK) characters. Words that still do not fit, and
/// whatever is left for the last line, are cut with `…` ([`fit_text`]). Empty when not even
/// one character fits.
///
/// # Examples
///
/// ```
/// use servicescore_charts::text::wrap_text;
/// assert_eq!(wrap_text("After-sales experience", 80.0, 12.0, 2), ["After-sales", "experience"]);
/// assert_eq!(wrap_text("售后体验", 30.0, 12.0, 2), ["售后", "体验"]);
/// assert_eq!(wrap_text("Product experience", 60.0, 12.0, 2), ["Product", "experie…"]);
/// ```
pub fn wrap_text(text: &str, max_px: f64, font_px: f64, max_lines: usize) -> Vec<String> {
    let pieces = break_points(text.trim());
    // Each piece's width, and its width without the spaces that end it (a line's last piece
    // counts without them).
    let widths: Vec<(f64, f64)> = pieces
        .iter()
        .map(|p| (text_width(p, font_px), text_width(p.trim_end(), font_px)))
        .collect();
    let mut lines: Vec<String> = Vec::new();
    let mut i = 0;
    while i < pieces.len() && lines.len() < max_lines {
        // As many pieces as fit on this line (at least one); the last line takes the rest.
        let mut j = i + 1;
        let mut used = widths[i].0;
        while j < pieces.len() && used + widths[j].1 <= max_px {
            used += widths[j].0;
            j += 1;
        }
        if lines.len() + 1 == max_lines {
            j = pieces.len();
        }
        match fit_text(pieces[i..j].concat().trim_end(), max_px, font_px) {
            Some(l) => lines.push(l),
            None => return lines,
        }
        i = j;
    }
    lines
}

/// [`wrap_text`] with lines of even length: text that fits whole on two lines is broken where
/// the longer line is shortest (`商品/体验`, not `商品体/验`).
///
/// # Examples
///
/// ```
/// use servicescore_charts::text::wrap_balanced;
/// assert_eq!(wrap_balanced("商品体验", 40.0, 12.0, 2), ["商品", "体验"]);
/// assert_eq!(wrap_balanced("商品体验", 60.0, 12.0, 2), ["商品体验"]);
/// assert_eq!(wrap_balanced("Quejas y disputas", 70.0, 12.0, 2), ["Quejas y", "disputas"]);
/// ```
pub fn wrap_balanced(text: &str, max_px: f64, font_px: f64, max_lines: usize) -> Vec<String> {
    let lines = wrap_text(text, max_px, font_px, max_lines);
    if lines.len() != 2 || !is_whole(text, &lines) {
        return lines;
    }
    let pieces = break_points(text.trim());
    // Widths of the pieces, with and without the spaces that end them.
    let widths: Vec<(f64, f64)> = pieces
        .iter()
        .map(|p| (text_width(p, font_px), text_width(p.trim_end(), font_px)))
        .collect();
    let span = |r: std::ops::Range<usize>| -> f64 {
        let last = widths[r.end - 1].1;
        widths[r.start..r.end - 1].iter().map(|w| w.0).sum::<f64>() + last
    };
    let n = pieces.len();
    let best = (1..n)
        .map(|k| (k, span(0..k).max(span(k..n))))
        .filter(|&(_, w)| w <= max_px)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    match best {
        Some((k, _)) => vec![
            pieces[..k].concat().trim_end().to_owned(),
            pieces[k..].concat().trim_end().to_owned(),
        ],
        None => lines,
    }
}

/// Whether `lines` hold all of `text` (nothing cut with `…`).
pub fn is_whole(text: &str, lines: &[String]) -> bool {
    let text = text.chars().filter(|c| !c.is_whitespace());
    let lines = lines
        .iter()
        .flat_map(|l| l.chars())
        .filter(|c| !c.is_whitespace());
    text.eq(lines)
}

/// `text` cut into pieces that may end a line: a word with the space after it, a word part up
/// to and including a hyphen, or one full-width character.
fn break_points(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let wide = is_wide(u32::from(c));
        let after_break = prev.is_some_and(|p| p == ' ' || p == '-' || is_wide(u32::from(p)));
        // A space stays with the word before it; a break comes before the next word.
        if i > start && (after_break && c != ' ' || wide) {
            out.push(&text[start..i]);
            start = i;
        }
        prev = Some(c);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Horizontal anchor of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HAlign {
    /// `x` is the left edge.
    Left,
    /// `x` is the centre.
    Center,
    /// `x` is the right edge.
    Right,
}

/// Vertical anchor of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    /// `y` is the top of the line box.
    Top,
    /// `y` is the middle.
    Middle,
    /// `y` is the bottom.
    Bottom,
}

/// One line of text placed on a chart: what a layout decided, what painting draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The text (already formatted and translated, already cut to fit).
    pub text: String,
    /// Anchor point.
    pub at: (f64, f64),
    /// How the text hangs off the anchor.
    pub align: (HAlign, VAlign),
    /// Font size in pixels.
    pub size: f64,
    /// Colour.
    pub colour: RGBColor,
    /// Padding of a background patch drawn under the text (labels inside the plot, so lines
    /// under them do not cross the text); `None` for plain text.
    pub halo: Option<f64>,
}

impl Label {
    /// A plain label.
    pub fn new(
        text: impl Into<String>,
        at: (f64, f64),
        align: (HAlign, VAlign),
        size: f64,
        colour: RGBColor,
    ) -> Label {
        Label {
            text: text.into(),
            at,
            align,
            size,
            colour,
            halo: None,
        }
    }

    /// This label on a background patch `pad` pixels wider on each side.
    pub fn with_halo(self, pad: f64) -> Label {
        Label {
            halo: Some(pad),
            ..self
        }
    }

    /// The box of the text itself (estimated width, one line height).
    pub fn text_rect(&self) -> Rect {
        let w = text_width(&self.text, self.size);
        let h = line_height(self.size);
        let (x, y) = self.at;
        let left = match self.align.0 {
            HAlign::Left => x,
            HAlign::Center => x - w / 2.0,
            HAlign::Right => x - w,
        };
        let top = match self.align.1 {
            VAlign::Top => y,
            VAlign::Middle => y - h / 2.0,
            VAlign::Bottom => y - h,
        };
        Rect {
            left,
            top,
            right: left + w,
            bottom: top + h,
        }
    }

    /// The box the label covers: its text, and its background patch if it has one.
    pub fn rect(&self) -> Rect {
        let r = self.text_rect();
        let pad = self.halo.unwrap_or(0.0);
        Rect {
            left: r.left - pad,
            right: r.right + pad,
            ..r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_cover_cjk_latin_and_accents() {
        assert_eq!(text_width("", 12.0), 0.0);
        assert_eq!(text_width("物流体验", 10.0), 40.0);
        assert!((text_width("4.50", 10.0) - (0.62 * 3.0 + 0.3) * 10.0).abs() < 1e-9);
        assert!((text_width("Logística", 10.0) - 10.0 * (0.62 * 8.0 + 0.3)).abs() < 1e-9);
        assert_eq!(text_width("ＡＢ", 10.0), 20.0);
        assert_eq!(line_height(12.0), 16.0);
    }

    #[test]
    fn fitting_truncates_by_character() {
        assert_eq!(
            fit_text("After-sales", 200.0, 12.0).as_deref(),
            Some("After-sales")
        );
        let t = fit_text("After-sales", 40.0, 12.0).unwrap_or_default();
        assert!(t.ends_with('…') && text_width(&t, 12.0) <= 40.0, "{t}");
        assert_eq!(fit_text("体验 星级", 30.0, 12.0).as_deref(), Some("体…"));
        assert_eq!(fit_text("x", 0.0, 12.0), None);
    }

    #[test]
    fn wrapping_breaks_at_spaces_hyphens_and_between_cjk() {
        assert_eq!(
            break_points("Quejas y disputas"),
            ["Quejas ", "y ", "disputas"]
        );
        assert_eq!(break_points("After-sales"), ["After-", "sales"]);
        assert_eq!(break_points("3.5★ · 终止"), ["3.5★ ", "· ", "终", "止"]);
        assert_eq!(wrap_text("", 50.0, 12.0, 2), Vec::<String>::new());
        assert_eq!(wrap_text("Disputes", 200.0, 12.0, 2), ["Disputes"]);
        assert_eq!(
            wrap_text("Experiencia de consulta", 80.0, 12.0, 2),
            ["Experiencia", "de consulta"]
        );
        // Three words, two lines: the rest is cut on the last line.
        let l = wrap_text("Complaints and disputes", 70.0, 12.0, 2);
        assert_eq!(l.len(), 2);
        assert!(l[1].ends_with('…'), "{l:?}");
        for line in &l {
            assert!(text_width(line, 12.0) <= 70.0, "{line}");
        }
        assert!(wrap_text("x", 1.0, 12.0, 2).is_empty());
    }

    #[test]
    fn label_boxes_follow_the_anchor() {
        let c = RGBColor(0, 0, 0);
        let l = Label::new(
            "服务",
            (100.0, 50.0),
            (HAlign::Right, VAlign::Bottom),
            10.0,
            c,
        );
        assert_eq!(
            l.text_rect(),
            Rect {
                left: 80.0,
                top: 37.0,
                right: 100.0,
                bottom: 50.0
            }
        );
        let m = Label::new(
            "服务",
            (100.0, 50.0),
            (HAlign::Center, VAlign::Middle),
            10.0,
            c,
        )
        .with_halo(2.0);
        assert_eq!(m.rect().left, 88.0);
        assert_eq!(m.rect().top, 43.5);
        assert_eq!(m.text_rect().width(), 20.0);
    }
}
