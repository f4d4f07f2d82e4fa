//! Reading back what a canvas shows, for the browser tests of this crate and of the page.

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
