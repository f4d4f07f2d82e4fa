//! The views module's entry point (built by Trunk as a second WebAssembly module and loaded
//! by the shell on demand; see `servicescore_web::bridge`).

use std::cell::RefCell;
use std::rc::Rc;

use servicescore_web::bridge::{Command, Snapshot};
use servicescore_web::views::{ViewsApp, ViewsProps};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

type Mounted = (yew::AppHandle<ViewsApp>, Callback<Command>);

thread_local! {
    static APP: RefCell<Option<Mounted>> = const { RefCell::new(None) };
}

fn main() {}

fn props(snapshot: &str, oncommand: Callback<Command>) -> Option<ViewsProps> {
    let snapshot: Snapshot = serde_json::from_str(snapshot).ok()?;
    Some(ViewsProps {
        snapshot: Rc::new(snapshot),
        oncommand,
    })
}

/// Mounts the views (once): `snapshot` is the shell's JSON, `on_command(json)` its way back.
#[wasm_bindgen]
pub fn mount(snapshot: &str, on_command: js_sys::Function) {
    servicescore_web::panic::install();
    let oncommand = Callback::from(move |c: Command| {
        let _ = on_command.call1(&JsValue::NULL, &JsValue::from_str(&c.encode()));
    });
    let Some(p) = props(snapshot, oncommand.clone()) else {
        return;
    };
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        let r = d.create_element("div").ok()?;
        r.set_id("views-root");
        d.body()?.append_child(&r).ok()?;
        Some(r)
    });
    let Some(root) = root else { return };
    let handle = yew::Renderer::<ViewsApp>::with_root_and_props(root, p).render();
    APP.with(|a| *a.borrow_mut() = Some((handle, oncommand)));
}

/// A new snapshot from the shell.
#[wasm_bindgen]
pub fn update(snapshot: &str) {
    APP.with(|a| {
        if let Some((handle, cb)) = a.borrow_mut().as_mut() {
            if let Some(p) = props(snapshot, cb.clone()) {
                handle.update(p);
            }
        }
    });
}
