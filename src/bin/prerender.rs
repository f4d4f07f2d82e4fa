//! Build step: renders the first view (the score view at the defaults, in Chinese) with Yew's
//! server renderer and writes it into the built `index.html` as `<div id="prerender" inert>`,
//! so that the first paint is the page's HTML and CSS, before any WebAssembly arrives.
//!
//! The app replaces the copy once its staged first mount is done (`browser::reveal`, in the
//! task of the last stage: no frame shows neither). Nothing in
//! the copy can mislead: its numbers and inputs are hidden by the stylesheet (the stored or
//! linked scenario may differ), it is `inert` (not focusable, not clickable), and
//! `www/probe.js` hides it altogether when the visit will show another language or view.
//!
//! Usage: `cargo run --features prerender --bin prerender -- dist/index.html` (Trunk runs it
//! as a post-build hook on its staging directory).

use std::process::ExitCode;
use std::rc::Rc;

use servicescore_web::app::{default_start, App, AppProps};

fn main() -> ExitCode {
    let path = std::env::args().nth(1).or_else(|| {
        std::env::var("TRUNK_STAGING_DIR")
            .ok()
            .map(|d| format!("{d}/index.html"))
    });
    let Some(path) = path else {
        eprintln!("prerender: give the built index.html (or run as a Trunk hook)");
        return ExitCode::from(2);
    };
    let html = match std::fs::read_to_string(&path) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("prerender: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let props = AppProps {
        start: Rc::new(default_start()),
        staged: false,
    };
    let body = futures::executor::block_on(
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    );
    let copy = format!("<div id=\"prerender\" class=\"prerender\" inert>{body}</div>");
    let Some(at) = html.find("<body>").map(|i| i + "<body>".len()) else {
        eprintln!("prerender: {path} has no <body>");
        return ExitCode::from(2);
    };
    if html.contains("id=\"prerender\"") {
        eprintln!("prerender: {path} is already pre-rendered");
        return ExitCode::from(2);
    }
    let out = format!("{}\n{copy}{}", &html[..at], &html[at..]);
    if let Err(e) = std::fs::write(&path, out) {
        eprintln!("prerender: cannot write {path}: {e}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
