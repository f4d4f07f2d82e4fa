//! [`Canvas`]: the plotters backend over a canvas's 2D context, its state cached.

use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};
use web_sys::CanvasRenderingContext2d;

use super::CanvasError;

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

/// Runs `set` with `value` and keeps `value` in `cache`, unless `cache` already holds it: a
/// piece of the context's state is set only when it changes.
fn update<T: PartialEq>(cache: &mut T, value: T, set: impl FnOnce(&T)) {
    if *cache != value {
        set(&value);
        *cache = value;
    }
}

/// The plotters backend the charts draw on: a canvas's 2D context, with its state cached.
///
/// Every fill colour, stroke colour, line width, font, alignment and baseline is a call from
/// WebAssembly into the browser, and colours and fonts are strings the canvas parses again each
/// time. A chart sets them hundreds of times per drawing (each dash of a dashed rule is a
/// rectangle), almost always to the value already set; here each is set only when it changes.
/// Nothing else draws on the context during a drawing, so the cache stays true.
///
/// Lines drawn one after the other in the same stroke (the dashes of a dashed curve, hatching)
/// go into one path, stroked once when something else is drawn, at [`DrawingBackend::present`]
/// or when the backend is dropped: opaque lines look the same, and the canvas rasterises one
/// stroke instead of dozens.
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
    /// A path being collected, not yet stroked: its colour and width.
    open: Option<((u8, u8, u8, u64), u32)>,
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
            open: None,
        }
    }

    /// Strokes the path being collected, if any.
    fn flush(&mut self) {
        if self.open.take().is_some() {
            self.ctx.stroke();
        }
    }

    fn set_fill(&mut self, c: BackendColor) {
        let ctx = &self.ctx;
        update(&mut self.fill, Some(colour_key(c)), |_| {
            ctx.set_fill_style_str(&css_colour(c));
        });
    }

    fn set_stroke(&mut self, c: BackendColor, width: u32) {
        let ctx = &self.ctx;
        update(&mut self.stroke, Some(colour_key(c)), |_| {
            ctx.set_stroke_style_str(&css_colour(c));
        });
        update(&mut self.line_width, Some(width), |_| {
            ctx.set_line_width(f64::from(width));
        });
    }

    /// Starts drawing something other than a line in colour `c`: strokes the path being
    /// collected, and gives `c` back unless it is fully transparent (nothing to draw).
    fn start(&mut self, c: BackendColor) -> Option<BackendColor> {
        self.flush();
        (c.alpha != 0.0).then_some(c)
    }

    /// Sets what a shape in colour `c` is painted with: the fill colour when `fill`, else the
    /// stroke colour and `s`'s width.
    fn set_paint<S: BackendStyle>(&mut self, c: BackendColor, s: &S, fill: bool) {
        if fill {
            self.set_fill(c);
        } else {
            self.set_stroke(c, s.stroke_width());
        }
    }

    /// Adds the points to the current path as one open subpath; `false` when there are none.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) -> bool {
        let mut points = points.into_iter();
        let Some((x, y)) = points.next() else {
            return false;
        };
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
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result2d {
        self.flush();
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
        let Some(c) = self.start(s.color()) else {
            return Ok(());
        };
        let (x, y) = (f64::from(a.0), f64::from(a.1));
        let (w, h) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
        self.set_paint(c, s, fill);
        if fill {
            self.ctx.fill_rect(x, y, w, h);
        } else {
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
        if c.alpha == 0.0 {
            return Ok(());
        }
        let style = (colour_key(c), s.stroke_width());
        if self.open != Some(style) {
            self.flush();
            self.ctx.begin_path();
            self.set_stroke(c, style.1);
            self.open = Some(style);
        }
        self.trace(path);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        s: &S,
    ) -> Result2d {
        self.flush();
        let c = s.color();
        self.ctx.begin_path();
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
        let Some(c) = self.start(s.color()) else {
            return Ok(());
        };
        self.ctx.begin_path();
        let (x, y) = (f64::from(centre.0), f64::from(centre.1));
        self.ctx
            .arc(x, y, f64::from(radius), 0.0, std::f64::consts::TAU)
            .map_err(|_| js_failed("arc"))?;
        self.set_paint(c, s, fill);
        if fill {
            self.ctx.fill();
        } else {
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
        let Some(colour) = self.start(style.color()) else {
            return Ok(());
        };
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let ctx = &self.ctx;
        update(&mut self.baseline, baseline, |b| ctx.set_text_baseline(b));
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        update(&mut self.align, align, |a| ctx.set_text_align(a));
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

impl Drop for Canvas {
    /// Strokes lines still being collected (a drawing that ended on a line).
    fn drop(&mut self) {
        self.flush();
    }
}
