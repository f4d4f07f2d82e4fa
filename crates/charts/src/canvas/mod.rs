//! The HTML canvas adapter (feature `canvas`): sizes a canvas for the device pixel ratio and
//! draws a chart on it through [`Canvas`], the only plotters backend in the crate that talks to
//! a browser.
//!
//! A canvas whose backing store is its CSS size is blurry on high-DPI screens.
//! [`draw_on_canvas`] makes the backing store `css size × dpr` device pixels, pins the CSS size
//! through the CSSOM (`canvas.style.width = …`; allowed under CSP `style-src 'self'`, unlike a
//! `style` attribute), and hands the drawing code the scale to pass to [`Theme::scaled`].

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::{Backdrop, Chart, ChartFormat, Theme};

mod backend;
pub mod probe;

pub use backend::Canvas;

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
    let ctx = probe::context(canvas).ok_or_else(no_context)?;
    let area = Canvas::new(ctx, (canvas.width(), canvas.height())).into_drawing_area();
    let out = draw(&area, k);
    // Strokes the lines the backend is still collecting.
    area.present().map_err(|e| CanvasError(e.to_string()))?;
    Ok(Some(out))
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

/// A chart's backdrop kept painted between drawings of one canvas, on a canvas of its own
/// that is never attached to the document.
///
/// While a slider moves, a chart's frame, reference lines, legend and tick labels stay the same
/// ([`Chart::backdrop`] compares equal); [`Layers::render`] then copies the kept backdrop
/// (one `drawImage`) and paints only the data over it, instead of painting hundreds of dashes,
/// grid lines and labels again.
#[derive(Debug, Default)]
pub struct Layers {
    /// The backdrop's own canvas.
    canvas: Option<HtmlCanvasElement>,
    /// What it shows, and at which backing-store size.
    painted: Option<(Backdrop, (u32, u32))>,
}

impl Layers {
    /// Draws `chart` on `canvas` as [`render`] does, reusing the backdrop painted last time
    /// when it has not changed.
    ///
    /// # Errors
    ///
    /// As [`render`], or the backdrop's canvas could not be made.
    #[allow(clippy::too_many_arguments)]
    pub fn render<C: Chart>(
        &mut self,
        canvas: &HtmlCanvasElement,
        css_width: f64,
        css_height: f64,
        dpr: f64,
        chart: &C,
        theme: &Theme,
        fmt: &dyn ChartFormat,
    ) -> Result<(), CanvasError> {
        let Some(k) = fit_canvas(canvas, css_width, css_height, dpr)? else {
            return Ok(());
        };
        let size = (canvas.width(), canvas.height());
        let theme = theme.scaled(k);
        let layout = chart.layout(f64::from(size.0), f64::from(size.1), &theme, fmt);
        let backdrop = chart.backdrop(&layout, &theme);
        let fresh = self
            .painted
            .as_ref()
            .is_some_and(|(b, s)| *s == size && *b == backdrop);
        let kept = match &self.canvas {
            Some(c) => c.clone(),
            None => {
                let doc = canvas
                    .owner_document()
                    .ok_or_else(|| CanvasError("no document".to_owned()))?;
                let c: HtmlCanvasElement = doc
                    .create_element("canvas")
                    .map_err(|e| js_error("backdrop canvas", &e))?
                    .dyn_into()
                    .map_err(|_| CanvasError("backdrop canvas: not a canvas".to_owned()))?;
                self.canvas = Some(c.clone());
                c
            }
        };
        if !fresh {
            // Sized (which clears it) only when the size changes.
            if (kept.width(), kept.height()) != size {
                kept.set_width(size.0);
                kept.set_height(size.1);
            }
            self.painted = None;
            paint_on(&kept, size, |area| backdrop.paint(area))?;
            self.painted = Some((backdrop, size));
        }
        let ctx = probe::context(canvas).ok_or_else(no_context)?;
        ctx.draw_image_with_html_canvas_element(&kept, 0.0, 0.0)
            .map_err(|e| js_error("drawImage", &e))?;
        paint_on(canvas, size, |area| chart.paint_data(&layout, area, &theme))
    }
}

fn no_context() -> CanvasError {
    CanvasError("no 2d context".to_owned())
}

/// Runs a plotters drawing on `canvas` (already sized to `size`) and finishes it.
fn paint_on(
    canvas: &HtmlCanvasElement,
    size: (u32, u32),
    paint: impl FnOnce(&DrawingArea<Canvas, Shift>) -> crate::DrawResult<Canvas>,
) -> Result<(), CanvasError> {
    let ctx = probe::context(canvas).ok_or_else(no_context)?;
    let area = Canvas::new(ctx, size).into_drawing_area();
    paint(&area).map_err(|e| CanvasError(e.to_string()))?;
    area.present().map_err(|e| CanvasError(e.to_string()))
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
