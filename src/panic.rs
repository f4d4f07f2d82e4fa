//! A readable error panel instead of a dead page.
//!
//! The release build aborts on panic (`panic = "abort"`), so after the hook returns the
//! WebAssembly instance is gone: the panel is built with plain DOM calls here, and its
//! "reset" is a plain link (`?reset=1`), which works without any code of ours running. On the
//! next load, `reset=1` moves the stored state to the backup key and starts from defaults.

use std::fmt::Write;

use crate::i18n::{Lang, Text};

/// Installs the hook (once, before the app starts).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let mut msg = String::new();
        let _ = write!(msg, "{info}");
        web_sys::console::error_1(&msg.as_str().into());
        show_panel(&msg);
    }));
}

fn lang() -> Lang {
    crate::browser::root_attr("lang").map_or(Lang::Zh, |l| match l.get(..2) {
        Some("en") => Lang::En,
        Some("es") => Lang::Es,
        _ => Lang::Zh,
    })
}

/// Shows the panel (public for the browser tests; the hook is its only other caller).
pub fn show_panel(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    let lang = lang();
    let el = |tag: &str, class: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        e.set_class_name(class);
        // Text only, never HTML: the detail may quote anything.
        e.set_text_content(Some(text));
        Some(e)
    };
    let (Some(panel), Some(title), Some(text), Some(pre), Some(reload), Some(reset)) = (
        el("div", "panic-panel", ""),
        el("h2", "", Text::ErrorPanelTitle.get(lang)),
        el("p", "", Text::ErrorPanelText.get(lang)),
        el("pre", "panic-detail", detail),
        el("a", "button", Text::ErrorReload.get(lang)),
        el("a", "button", Text::ErrorReset.get(lang)),
    ) else {
        return;
    };
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "panic-panel");
    let _ = reload.set_attribute("href", "");
    let _ = reset.set_attribute("href", "?reset=1");
    let _ = reset.set_attribute("data-testid", "panic-reset");
    for child in [&title, &text, &reload, &reset, &pre] {
        let _ = panel.append_child(child);
    }
    let _ = body.prepend_with_node_1(&panel);
}
