//! The HTML canvas adapter (feature `canvas`): sizes a canvas for the device pixel ratio and
//! draws a chart on it through [`Canvas`], the only plotters backend in the crate that talks to
//! a browser.
//!
//! A canvas whose backing store is its CSS size is blurry on high-DPI screens.
//! [`draw_on_canvas`] makes the backing store `css size × dpr` device pixels, pins the CSS size
//! through the CSSOM (`canvas.style.width = …`; allowed under CSP `style-src 'self'`, unlike a
//! `style` attribute), and hands the drawing code the scale to pass to [`Theme::scaled`].

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, IntoDrawingArea};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::{Chart, ChartFormat, Layout, Theme};

/// Largest backing-store side in device pixels; the scale is lowered to stay within it.
pub const MAX_SIDE: f64 = 8192.0;

/// A canvas could not be drawn on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "canvas: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

fn js_error(what: &str, e: &wasm_bindgen::JsValue) -> CanvasError {
    CanvasError(format!(
        "{what}: {}",
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    ))
}

/// The scale to draw at for a device pixel ratio: `dpr` within 0.5–4 (1 if not a positive
/// number), lowered so that neither side exceeds [`MAX_SIDE`] device pixels.
pub fn effective_scale(css_width: f64, css_height: f64, dpr: f64) -> f64 {
    let k = if dpr.is_finite() && dpr > 0.0 {
        dpr.clamp(0.5, 4.0)
    } else {
        1.0
    };
    k.min(MAX_SIDE / css_width.max(1.0))
        .min(MAX_SIDE / css_height.max(1.0))
}

/// Sizes `canvas` for drawing `css_width` × `css_height` CSS pixels at device pixel ratio
/// `dpr`: backing store `round(css × k)` device pixels (only reassigned when it changes, since
/// assigning clears the canvas), CSS size through the CSSOM. Returns the scale `k` to draw at,
/// or `None` when the size is empty (a hidden or collapsed container: nothing to draw).
///
/// # Errors
///
/// The browser refused the CSS property.
pub fn fit_canvas(
    canvas: &HtmlCanvasElement,
    css_width: f64,
    css_height: f64,
    dpr: f64,
) -> Result<Option<f64>, CanvasError> {
    if !(css_width.is_finite() && css_height.is_finite() && css_width >= 1.0 && css_height >= 1.0) {
        return Ok(None);
    }
    let k = effective_scale(css_width, css_height, dpr);
    let w = (css_width * k).round().max(1.0) as u32;
    let h = (css_height * k).round().max(1.0) as u32;
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    // Written only when different: an unchanged redraw then touches nothing but pixels.
    let style = canvas.style();
    for (name, value) in [("width", css_width), ("height", css_height)] {
        let value = format!("{value}px");
        if style.get_property_value(name).ok().as_deref() != Some(value.as_str()) {
            style
                .set_property(name, &value)
                .map_err(|e| js_error(name, &e))?;
        }
    }
    Ok(Some(k))
}

/// Sizes `canvas` with [`fit_canvas`] and runs `draw` on a drawing area covering its backing
/// store, passing the scale to draw at (use [`Theme::scaled`] with it). Returns `draw`'s
/// result, or `None` when the size is empty and nothing was drawn.
///
/// # Errors
///
/// The canvas has no 2D context, or the CSS size could not be set.
///
/// # Examples
///
/// ```no_run
/// # fn page(canvas: &web_sys::HtmlCanvasElement, chart: &servicescore_charts::RateChart) {
/// use servicescore_charts::{canvas::draw_on_canvas, Chart, Plain, Theme};
/// let theme = Theme::light();
/// let drawn = draw_on_canvas(canvas, 480.0, 240.0, 2.0, |area, k| {
///     chart.draw(area, &theme.scaled(k), &Plain).map_err(|e| e.to_string())
/// });
/// # }
/// ```
pub fn draw_on_canvas<R>(
    canvas: &HtmlCanvasElement,
    css_width: f64,
    css_height: f64,
    dpr: f64,
    draw: impl FnOnce(&DrawingArea<Canvas, Shift>, f64) -> R,
) -> Result<Option<R>, CanvasError> {
    let Some(k) = fit_canvas(canvas, css_width, css_height, dpr)? else {
        return Ok(None);
    };
    let ctx = probe::context(canvas).ok_or_else(|| CanvasError("no 2d context".to_owned()))?;
    let area = Canvas::new(ctx, (canvas.width(), canvas.height())).into_drawing_area();
    Ok(Some(draw(&area, k)))
}

/// A colour as the canvas parses it fastest: `#rrggbb` when opaque.
fn css_colour(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    if c.alpha >= 1.0 {
        format!("#{r:02x}{g:02x}{b:02x}")
    } else {
        format!("rgba({r},{g},{b},{})", c.alpha)
    }
}

/// A colour as a cache key (the alpha's bits: exact, and `NaN`-safe).
fn colour_key(c: BackendColor) -> (u8, u8, u8, u64) {
    (c.rgb.0, c.rgb.1, c.rgb.2, c.alpha.to_bits())
}

/// The plotters backend the charts draw on: a canvas's 2D context, with its state cached.
///
/// Every fill colour, stroke colour, line width, font, alignment and baseline is a call from
/// WebAssembly into the browser, and colours and fonts are strings the canvas parses again each
/// time. A chart sets them hundreds of times per drawing (each dash of a dashed rule is a
/// rectangle), almost always to the value already set; here each is set only when it changes.
/// Nothing else draws on the context during a drawing, so the cache stays true.
pub struct Canvas {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
    fill: Option<(u8, u8, u8, u64)>,
    stroke: Option<(u8, u8, u8, u64)>,
    line_width: Option<u32>,
    /// The font set: style, size in pixels (its bits) and family; `None` before the first text.
    font: Option<(&'static str, u64, String)>,
    align: &'static str,
    baseline: &'static str,
}

impl Canvas {
    /// A backend drawing on `ctx`, whose canvas is `size` device pixels.
    pub fn new(ctx: CanvasRenderingContext2d, size: (u32, u32)) -> Canvas {
        Canvas {
            ctx,
            size,
            fill: None,
            stroke: None,
            line_width: None,
            font: None,
            align: "",
            baseline: "",
        }
    }

    fn set_fill(&mut self, c: BackendColor) {
        let key = colour_key(c);
        if self.fill != Some(key) {
            self.ctx.set_fill_style_str(&css_colour(c));
            self.fill = Some(key);
        }
    }

    fn set_stroke(&mut self, c: BackendColor, width: u32) {
        let key = colour_key(c);
        if self.stroke != Some(key) {
            self.ctx.set_stroke_style_str(&css_colour(c));
            self.stroke = Some(key);
        }
        if self.line_width != Some(width) {
            self.ctx.set_line_width(f64::from(width));
            self.line_width = Some(width);
        }
    }

    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) -> bool {
        let mut points = points.into_iter();
        let Some((x, y)) = points.next() else {
            return false;
        };
        self.ctx.begin_path();
        self.ctx.move_to(f64::from(x), f64::from(y));
        for (x, y) in points {
            self.ctx.line_to(f64::from(x), f64::from(y));
        }
        true
    }
}

type Result2d = Result<(), DrawingErrorKind<CanvasError>>;

fn js_failed(what: &str) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(format!("{what} failed")))
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result2d {
        Ok(())
    }

    fn present(&mut self) -> Result2d {
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result2d {
        if c.alpha > 0.0 {
            self.set_fill(c);
            self.ctx.fill_rect(f64::from(p.0), f64::from(p.1), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> Result2d {
        self.draw_path([a, b], s)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result2d {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(a.0), f64::from(a.1));
        let (w, h) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
        if fill {
            self.set_fill(c);
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(c, s.stroke_width());
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result2d {
        let c = s.color();
        if c.alpha > 0.0 && self.trace(path) {
            self.set_stroke(c, s.stroke_width());
            self.ctx.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        s: &S,
    ) -> Result2d {
        let c = s.color();
        if c.alpha > 0.0 && self.trace(vertices) {
            self.ctx.close_path();
            self.set_fill(c);
            self.ctx.fill();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        centre: BackendCoord,
        radius: u32,
        s: &S,
        fill: bool,
    ) -> Result2d {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.ctx.begin_path();
        let (x, y) = (f64::from(centre.0), f64::from(centre.1));
        self.ctx
            .arc(x, y, f64::from(radius), 0.0, std::f64::consts::TAU)
            .map_err(|_| js_failed("arc"))?;
        if fill {
            self.set_fill(c);
            self.ctx.fill();
        } else {
            self.set_stroke(c, s.stroke_width());
            self.ctx.stroke();
        }
        Ok(())
    }

    /// Horizontal text only (the charts never rotate text).
    fn draw_text<TS: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TS,
        pos: BackendCoord,
    ) -> Result2d {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if baseline != self.baseline {
            self.ctx.set_text_baseline(baseline);
            self.baseline = baseline;
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if align != self.align {
            self.ctx.set_text_align(align);
            self.align = align;
        }
        // Compared part by part: no font string is built unless the font changes.
        let kind = match style.style() {
            FontStyle::Normal => "normal",
            FontStyle::Italic => "italic",
            FontStyle::Oblique => "oblique",
            FontStyle::Bold => "bold",
        };
        let (size, family) = (style.size(), style.family());
        let same = self
            .font
            .as_ref()
            .is_some_and(|(k, s, f)| *k == kind && *s == size.to_bits() && f == family.as_str());
        if !same {
            self.ctx
                .set_font(&format!("{kind} {size}px {}", family.as_str()));
            self.font = Some((kind, size.to_bits(), family.as_str().to_owned()));
        }
        self.set_fill(colour);
        self.ctx
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(|_| js_failed("fillText"))
    }
}

/// Draws `chart` on `canvas` at `css_width` × `css_height` CSS pixels and device pixel ratio
/// `dpr` with `theme` (unscaled; it is scaled here), writing numbers and dates with `fmt`. An
/// empty size draws nothing.
///
/// # Errors
///
/// As [`draw_on_canvas`], or a drawing error from the canvas.
pub fn render<C: Chart>(
    canvas: &HtmlCanvasElement,
    css_width: f64,
    css_height: f64,
    dpr: f64,
    chart: &C,
    theme: &Theme,
    fmt: &dyn ChartFormat,
) -> Result<(), CanvasError> {
    draw_on_canvas(canvas, css_width, css_height, dpr, |area, k| {
        chart
            .draw(area, &theme.scaled(k), fmt)
            .map_err(|e| CanvasError(e.to_string()))
    })?
    .unwrap_or(Ok(()))
}

/// Paints a layout made earlier (for this canvas's device size and `theme.scaled(k)`) on
/// `canvas`: the redraw of a chart whose data and size did not change since its layout.
///
/// # Errors
///
/// As [`render`].
pub fn paint_layout<C: Chart>(
    canvas: &HtmlCanvasElement,
    css_width: f64,
    css_height: f64,
    dpr: f64,
    chart: &C,
    layout: &Layout,
    theme: &Theme,
) -> Result<(), CanvasError> {
    draw_on_canvas(canvas, css_width, css_height, dpr, |area, k| {
        chart
            .paint(layout, area, &theme.scaled(k))
            .map_err(|e| CanvasError(e.to_string()))
    })?
    .unwrap_or(Ok(()))
}

/// Reading back what a canvas shows, for the browser tests of this crate and of the page.
pub mod probe {
    use wasm_bindgen::JsCast;
    use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

    /// The canvas's 2D context, or `None` when it has none.
    pub fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
        canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
    }

    /// RGBA of the device pixel at (x, y); transparent black outside the canvas.
    pub fn pixel(ctx: &CanvasRenderingContext2d, x: f64, y: f64) -> [u8; 4] {
        match ctx.get_image_data(x.round(), y.round(), 1.0, 1.0) {
            Ok(d) => {
                let d = d.data();
                [d[0], d[1], d[2], d[3]]
            }
            Err(_) => [0; 4],
        }
    }

    /// Whether any pixel within `r` device pixels of (x, y) satisfies `f`.
    pub fn near(
        ctx: &CanvasRenderingContext2d,
        x: f64,
        y: f64,
        r: i32,
        f: impl Fn([u8; 4]) -> bool,
    ) -> bool {
        (-r..=r).any(|dx| (-r..=r).any(|dy| f(pixel(ctx, x + f64::from(dx), y + f64::from(dy)))))
    }

    /// An opaque pixel of the Okabe–Ito blue (score line, current bars).
    pub fn blueish(p: [u8; 4]) -> bool {
        i32::from(p[2]) > i32::from(p[0]) + 80 && p[3] == 255
    }

    /// An opaque white pixel (the background).
    pub fn white(p: [u8; 4]) -> bool {
        p == [255, 255, 255, 255]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_is_sane() {
        assert_eq!(effective_scale(400.0, 200.0, 2.0), 2.0);
        assert_eq!(effective_scale(400.0, 200.0, f64::NAN), 1.0);
        assert_eq!(effective_scale(400.0, 200.0, 0.0), 1.0);
        assert_eq!(effective_scale(400.0, 200.0, 0.25), 0.5);
        assert_eq!(effective_scale(400.0, 200.0, 9.0), 4.0);
        assert_eq!(effective_scale(4096.0, 200.0, 3.0), 2.0);
    }
}
