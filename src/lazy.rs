//! Loading the views module on demand (see [`crate::bridge`]): the shell asks for it the
//! first time a slot it fills is needed, sends it every new [`Snapshot`], and turns its
//! [`Command`]s into actions.
//!
//! The page's boot script defines `window.__servicescoreViews = { load(snapshot, onCommand),
//! update(snapshot) }` (written at build time by `scripts/csp-loader.mjs`, which knows the
//! module's hashed file names; the single-file build defines it over the inlined module).
//! Without it (the browser tests, which mount the views' components directly) nothing is
//! loaded and the slots stay empty.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::bridge::{Command, Snapshot};

/// `window.__servicescoreViews`, when the build provides it.
fn loader() -> Option<js_sys::Object> {
    let w = web_sys::window()?;
    js_sys::Reflect::get(&w, &JsValue::from_str("__servicescoreViews"))
        .ok()?
        .dyn_into()
        .ok()
}

/// Calls `loader.<name>(args…)`.
fn call(name: &str, args: &[JsValue]) -> Option<JsValue> {
    let l = loader()?;
    let f: js_sys::Function = js_sys::Reflect::get(&l, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()?;
    let args: js_sys::Array = args.iter().collect();
    f.apply(&l, &args).ok()
}

/// The JS function the views module calls with a command's JSON.
type CommandClosure = Closure<dyn FnMut(String)>;

/// Where the views module is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Not asked for yet.
    Idle,
    /// Being fetched.
    Loading,
    /// Running.
    Ready,
    /// Could not be loaded (offline, blocked): the slots say so.
    Failed,
    /// This build has no views module (browser tests).
    Absent,
}

/// A snapshot waiting for the next frame, and the [`after_paint`](crate::browser::after_paint)
/// that will send it.
#[derive(Default)]
struct Pending {
    snapshot: Option<Rc<Snapshot>>,
    /// Whether a send is scheduled (the handle below stays until the next one replaces it:
    /// it is never dropped inside its own callback).
    scheduled: bool,
    send: Option<crate::browser::AfterPaint>,
}

/// Sends the snapshot waiting in `pending`, if any (the next snapshot schedules a new send).
fn send_pending(pending: &RefCell<Pending>) {
    let mut p = pending.borrow_mut();
    p.scheduled = false;
    if let Some(s) = p.snapshot.take() {
        drop(p);
        call("update", &[JsValue::from_str(&s.encode())]);
    }
}

/// How far below the viewport a slot may be and still count as seen (the module is fetched
/// while the user scrolls towards it).
const NEAR_PX: u32 = 400;

/// Whether the views module is wanted: after the first frame (the score is on screen first;
/// 200 ms at the latest when frames do not come, as in a hidden tab), at once when
/// `view_in_module` (the view on screen lives in the module), else at the page's first use —
/// a press, a key, a touch, a scroll, or a slot coming near the viewport
/// ([`browser::on_first_use`](crate::browser::on_first_use)). A phone that only reads the
/// first screen never downloads the module; a desktop whose first screen shows a slot loads
/// it at once.
/// `mounted`: the page's first mount is complete (its slots are in the document and shown);
/// the watch starts after the first frame from then.
#[hook]
pub fn use_wanted(view_in_module: bool, mounted: bool) -> bool {
    let painted = use_state_eq(|| false);
    let used = use_state_eq(|| false);
    {
        let painted = painted.clone();
        use_effect_with(mounted, move |mounted| {
            let after =
                mounted.then(|| crate::browser::after_paint(200, move || painted.set(true)));
            move || drop(after)
        });
    }
    {
        let used = used.clone();
        use_effect_with((*painted, *used), move |(painted, seen)| {
            let watch = (*painted && !*seen).then(|| {
                let used = used.clone();
                crate::browser::on_first_use(".slot", NEAR_PX, move || used.set(true))
            });
            move || drop(watch)
        });
    }
    *used || (*painted && view_in_module)
}

/// Loads the views module once `wanted`, keeps it fed with `snapshot`, and hands its
/// commands to `oncommand`.
#[hook]
pub fn use_views(snapshot: Rc<Snapshot>, wanted: bool, oncommand: Callback<Command>) -> Status {
    let status = use_state(|| Status::Idle);
    let latest = use_mut_ref(|| snapshot.clone());
    *latest.borrow_mut() = snapshot.clone();
    // The JS callback lives as long as the app.
    let closure: Rc<RefCell<Option<CommandClosure>>> = use_mut_ref(|| None);
    {
        let status = status.clone();
        let latest = latest.clone();
        use_effect_with(wanted, move |wanted| {
            if *wanted && *status == Status::Idle {
                if loader().is_none() {
                    status.set(Status::Absent);
                    return;
                }
                status.set(Status::Loading);
                let cb = Closure::<dyn FnMut(String)>::new(move |text: String| {
                    if let Some(c) = Command::decode(&text) {
                        oncommand.emit(c);
                    }
                });
                let snapshot = JsValue::from_str(&latest.borrow().encode());
                let promise = call("load", &[snapshot, cb.as_ref().clone()])
                    .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
                *closure.borrow_mut() = Some(cb);
                wasm_bindgen_futures::spawn_local(async move {
                    let ok = match promise {
                        Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                        None => false,
                    };
                    status.set(if ok { Status::Ready } else { Status::Failed });
                });
            }
        });
    }
    {
        // The views get the latest snapshot after the shell's frame, once per frame: a slider
        // drag paints the shell's score first, and the plans and charts follow with the last
        // value only (sending each snapshot at once ran the views' whole update, plans
        // included, before the shell's frame could be painted).
        let ready = *status == Status::Ready;
        let pending: Rc<RefCell<Pending>> = use_mut_ref(Pending::default);
        use_effect_with((snapshot, ready), move |(s, ready)| {
            if *ready {
                let mut p = pending.borrow_mut();
                p.snapshot = Some(s.clone());
                if !p.scheduled {
                    // Sent after 100 ms at the latest when frames do not come.
                    p.scheduled = true;
                    let q = pending.clone();
                    p.send = Some(crate::browser::after_paint(100, move || send_pending(&q)));
                }
            }
        });
    }
    *status
}
