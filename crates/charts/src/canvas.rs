//! The HTML canvas adapter (feature `canvas`): sizes a canvas for the device pixel ratio and
//! draws a chart on it. The only code in the crate that names plotters-canvas's
//! `CanvasBackend`.
//!
//! plotters-canvas draws in backing-store pixels and ignores `devicePixelRatio`, so a canvas
//! sized in CSS pixels is blurry on high-DPI screens. [`draw_on_canvas`] makes the backing
//! store `css size × dpr` device pixels, pins the CSS size through the CSSOM
//! (`canvas.style.width = …`; allowed under CSP `style-src 'self'`, unlike a `style`
//! attribute), and hands the drawing code the scale to pass to [`Theme::scaled`].

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, IntoDrawingArea};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::FontTransform;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::{Chart, Theme};

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
/// use servicescore_charts::{canvas::draw_on_canvas, Chart, Theme};
/// let theme = Theme::light();
/// let drawn = draw_on_canvas(canvas, 480.0, 240.0, 2.0, |area, k| {
///     chart.draw(area, &theme.scaled(k)).map_err(|e| e.to_string())
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
    let no_context = || CanvasError("no 2d context".to_owned());
    let inner = CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(no_context)?;
    let ctx = probe::context(canvas).ok_or_else(no_context)?;
    let area = Canvas {
        inner,
        ctx,
        font: String::new(),
        align: "",
        baseline: "",
    }
    .into_drawing_area();
    Ok(Some(draw(&area, k)))
}

/// The backend the charts draw on: plotters-canvas for every shape, and text drawn here.
///
/// plotters-canvas sets the font, alignment and baseline (each a call from WebAssembly into
/// the browser, the font string parsed again) for every label; a slider drag redraws two
/// charts per frame, and those calls were the largest single cost of a redraw. Here they are
/// set only when they change. Shapes never touch them, so remembering them is safe.
pub struct Canvas {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    font: String,
    align: &'static str,
    baseline: &'static str,
}

type CanvasErr = <CanvasBackend as DrawingBackend>::ErrorType;

impl DrawingBackend for Canvas {
    type ErrorType = CanvasErr;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.present()
    }
    fn draw_pixel(
        &mut self,
        p: BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.draw_pixel(p, c)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.draw_line(a, b, s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.draw_rect(a, b, s, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.draw_path(path, s)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.fill_polygon(vert, s)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        self.inner.draw_circle(c, r, s, fill)
    }
    fn draw_text<TS: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TS,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasErr>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        if !matches!(style.transform(), FontTransform::None) {
            // The charts never rotate text; keep plotters-canvas's handling for completeness.
            self.align = "";
            self.baseline = "";
            self.font.clear();
            return self.inner.draw_text(text, style, pos);
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
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if font != self.font {
            self.ctx.set_font(&font);
            self.font = font;
        }
        let (r, g, b) = colour.rgb;
        // Shapes change the fill style, so it is always set.
        self.ctx
            .set_fill_style_str(&format!("rgba({r},{g},{b},{})", colour.alpha));
        self.ctx
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(|_| {
                DrawingErrorKind::FontError(Box::new(CanvasError(format!(
                    "fillText failed: {text}"
                ))))
            })
    }
}

/// Draws `chart` on `canvas` at `css_width` × `css_height` CSS pixels and device pixel ratio
/// `dpr` with `theme` (unscaled; it is scaled here). An empty size draws nothing.
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
) -> Result<(), CanvasError> {
    draw_on_canvas(canvas, css_width, css_height, dpr, |area, k| {
        chart
            .draw(area, &theme.scaled(k))
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
