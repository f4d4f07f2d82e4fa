//! Colours, sizes and line styles shared by every chart: the Okabe–Ito colour-blind-safe
//! palette, and the pixel sizes that [`Theme::scaled`] multiplies for high-DPI canvases.

use plotters::style::RGBColor;

/// The Okabe–Ito colours (Okabe & Ito, "Color Universal Design", 2008) used by the charts.
///
/// Every series also differs by line style or marker shape, so no meaning rests on colour alone.
pub mod okabe_ito {
    use plotters::style::RGBColor;

    /// Blue `#0072B2`: the overall score, current bars, the reply-rate series.
    pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    /// Orange `#E69F00`: the dimension curve, baseline bars.
    pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    /// Vermillion `#D55E00`: gates, days below target, penalty shading.
    pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
    /// Bluish green `#009E73`: "reached here" marks, the next step up.
    pub const BLUISH_GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
    /// Sky blue `#56B4E9`: secondary fills.
    pub const SKY_BLUE: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
    /// Reddish purple `#CC79A7`: risk lines.
    pub const REDDISH_PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
}

/// How a line is stroked; the non-colour cue that tells series and rules apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    /// Continuous.
    Solid,
    /// Long dashes ([`Theme::dash`] on, [`Theme::dash_gap`] off).
    Dashed,
    /// Short dots ([`Theme::dot`] on, [`Theme::dot_gap`] off).
    Dotted,
}

/// What a horizontal reference line stands for; decides its colour and dash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A gate to reach (activity sign-up 4.5, traffic boost 4.8): vermillion, dashed, thick.
    Gate,
    /// A star band boundary (3.5, 4.0, 4.5, 4.8): grey, dotted.
    Star,
    /// A risk level to stay above (termination risk 3.5): reddish purple, dashed.
    Risk,
    /// A target rate (the 80 % reply target): foreground, dashed.
    Target,
}

/// A line's look: colour, dash and width in pixels (before scaling).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub colour: RGBColor,
    /// Dash pattern.
    pub dash: Dash,
    /// Width in CSS pixels.
    pub width: f64,
}

/// Everything visual the draw functions need. Sizes are in CSS pixels; a canvas drawn at a
/// device pixel ratio `k` uses [`Theme::scaled`]`(k)` so that lines and text stay sharp.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// CSS font family list for all text, e.g. `"system-ui, sans-serif"`.
    pub font_family: String,
    /// Font size of tick labels, legends and notes.
    pub font_px: f64,
    /// Font size of in-plot labels (reference lines, marks, values).
    pub small_font_px: f64,
    /// Outer padding.
    pub pad: f64,
    /// Length of axis ticks.
    pub tick_len: f64,
    /// Width of data lines.
    pub line_px: f64,
    /// Width of axes and grid lines.
    pub rule_px: f64,
    /// Radius of point markers.
    pub marker_px: f64,
    /// Dash length of [`Dash::Dashed`].
    pub dash: f64,
    /// Gap length of [`Dash::Dashed`].
    pub dash_gap: f64,
    /// Dot length of [`Dash::Dotted`].
    pub dot: f64,
    /// Gap length of [`Dash::Dotted`].
    pub dot_gap: f64,
    /// Spacing of the hatching that marks shaded periods (a non-colour cue).
    pub hatch_gap: f64,
    /// Background.
    pub background: RGBColor,
    /// Text, axes, the current-value rule and target lines.
    pub foreground: RGBColor,
    /// Secondary text (tick labels).
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Main series (overall score, current bars, rates).
    pub primary: RGBColor,
    /// Second series (dimension curve, baseline bars).
    pub secondary: RGBColor,
    /// Marks and the next step up.
    pub accent: RGBColor,
    /// Gates, below-target markers, penalty shading.
    pub alert: RGBColor,
    /// Risk lines.
    pub risk: RGBColor,
    /// Star band lines.
    pub star: RGBColor,
    /// Opacity of penalty shading (0–1).
    pub shade_alpha: f64,
    /// Device pixels per CSS pixel this theme has been scaled by (1 unless [`Theme::scaled`]).
    pub scale: f64,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::light()
    }
}

impl Theme {
    /// The default light theme at scale 1.
    pub fn light() -> Theme {
        Theme {
            font_family: "sans-serif".to_owned(),
            font_px: 12.0,
            small_font_px: 11.0,
            pad: 8.0,
            tick_len: 4.0,
            line_px: 2.0,
            rule_px: 1.0,
            marker_px: 4.0,
            dash: 6.0,
            dash_gap: 4.0,
            dot: 2.0,
            dot_gap: 3.0,
            hatch_gap: 8.0,
            background: RGBColor(0xFF, 0xFF, 0xFF),
            foreground: RGBColor(0x22, 0x22, 0x22),
            muted: RGBColor(0x55, 0x55, 0x55),
            grid: RGBColor(0xE4, 0xE4, 0xE4),
            primary: okabe_ito::BLUE,
            secondary: okabe_ito::ORANGE,
            accent: okabe_ito::BLUISH_GREEN,
            alert: okabe_ito::VERMILLION,
            risk: okabe_ito::REDDISH_PURPLE,
            star: RGBColor(0x80, 0x80, 0x80),
            shade_alpha: 0.16,
            scale: 1.0,
        }
    }

    /// This theme with every pixel size multiplied by `k` (the device pixel ratio), for a
    /// canvas whose backing store is `k` times its CSS size. A `k` that is not a positive
    /// finite number counts as 1.
    ///
    /// # Examples
    ///
    /// ```
    /// use servicescore_charts::Theme;
    /// let t = Theme::light().scaled(2.0);
    /// assert_eq!(t.font_px, 24.0);
    /// assert_eq!(t.scale, 2.0);
    /// ```
    pub fn scaled(&self, k: f64) -> Theme {
        let k = if k.is_finite() && k > 0.0 { k } else { 1.0 };
        Theme {
            font_px: self.font_px * k,
            small_font_px: self.small_font_px * k,
            pad: self.pad * k,
            tick_len: self.tick_len * k,
            line_px: self.line_px * k,
            rule_px: self.rule_px * k,
            marker_px: self.marker_px * k,
            dash: self.dash * k,
            dash_gap: self.dash_gap * k,
            dot: self.dot * k,
            dot_gap: self.dot_gap * k,
            hatch_gap: self.hatch_gap * k,
            scale: self.scale * k,
            ..self.clone()
        }
    }

    /// The stroke of a chart's main series (the score, the reply rate): solid, primary.
    pub fn series_stroke(&self) -> Stroke {
        Stroke {
            colour: self.primary,
            dash: Dash::Solid,
            width: self.line_px,
        }
    }

    /// The stroke of a reference line of this kind.
    pub fn line_stroke(&self, kind: LineKind) -> Stroke {
        match kind {
            LineKind::Gate => Stroke {
                colour: self.alert,
                dash: Dash::Dashed,
                width: self.rule_px * 2.0,
            },
            LineKind::Star => Stroke {
                colour: self.star,
                dash: Dash::Dotted,
                width: self.rule_px,
            },
            LineKind::Risk => Stroke {
                colour: self.risk,
                dash: Dash::Dashed,
                width: self.rule_px * 2.0,
            },
            LineKind::Target => Stroke {
                colour: self.foreground,
                dash: Dash::Dashed,
                width: self.rule_px * 2.0,
            },
        }
    }

    /// The (on, off) lengths of a dash pattern; `None` for solid.
    pub fn dash_pattern(&self, dash: Dash) -> Option<(f64, f64)> {
        match dash {
            Dash::Solid => None,
            Dash::Dashed => Some((self.dash, self.dash_gap)),
            Dash::Dotted => Some((self.dot, self.dot_gap)),
        }
    }
}

/// A width in pixels as the integer plotters wants: rounded, at least 1.
pub(crate) fn width_px(w: f64) -> u32 {
    if w.is_finite() && w >= 1.5 {
        w.round() as u32
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling_multiplies_sizes_not_colours() {
        let t = Theme::light().scaled(1.5);
        assert_eq!(t.line_px, 3.0);
        assert_eq!(t.pad, 12.0);
        assert_eq!(t.primary, okabe_ito::BLUE);
        assert_eq!(t.scaled(2.0).scale, 3.0);
        assert_eq!(Theme::light().scaled(f64::NAN), Theme::light());
        assert_eq!(Theme::light().scaled(-2.0), Theme::light());
    }

    #[test]
    fn reference_lines_differ_by_dash_not_only_colour() {
        let t = Theme::light();
        assert_eq!(t.line_stroke(LineKind::Gate).dash, Dash::Dashed);
        assert_eq!(t.line_stroke(LineKind::Star).dash, Dash::Dotted);
        assert_eq!(t.dash_pattern(Dash::Solid), None);
        assert_eq!(t.dash_pattern(Dash::Dotted), Some((2.0, 3.0)));
    }

    #[test]
    fn widths_round_to_at_least_one_pixel() {
        assert_eq!(width_px(0.4), 1);
        assert_eq!(width_px(1.0), 1);
        assert_eq!(width_px(2.0), 2);
        assert_eq!(width_px(2.6), 3);
        assert_eq!(width_px(f64::INFINITY), 1);
    }
}
