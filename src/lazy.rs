//! Loading the views module on demand (see [`crate::bridge`]): the shell asks for it the
//! first time a slot it fills is needed, sends it every new [`Snapshot`], and turns its
//! [`Command`]s into actions.
//!
//! The module's file names carry a content hash; the build writes the script's address into
//! `<meta name="servicescore-views">` (`scripts/csp-loader.mjs`). Without that tag (the browser
//! tests, which mount the views' components directly) nothing is loaded.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::bridge::{Command, Snapshot};

#[wasm_bindgen(inline_js = r#"
let views = null;
let loading = null;
export function views_url() {
  const m = document.querySelector('meta[name="servicescore-views"]');
  return m ? new URL(m.content, document.baseURI).href : null;
}
export function views_load(url, snapshot, onCommand) {
  loading ??= import(url).then(async (m) => {
    await m.default({ module_or_path: url.replace(/\.js$/, '_bg.wasm') });
    m.mount(snapshot, onCommand);
    views = m;
  });
  return loading;
}
export function views_update(snapshot) {
  if (views) views.update(snapshot);
}
"#)]
extern "C" {
    fn views_url() -> Option<String>;
    fn views_load(url: &str, snapshot: &str, on_command: &JsValue) -> js_sys::Promise;
    fn views_update(snapshot: &str);
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
                match views_url() {
                    None => status.set(Status::Absent),
                    Some(url) => {
                        status.set(Status::Loading);
                        let cb = Closure::<dyn FnMut(String)>::new(move |text: String| {
                            if let Some(c) = Command::decode(&text) {
                                oncommand.emit(c);
                            }
                        });
                        let promise = views_load(
                            &url,
                            &latest.borrow().encode(),
                            cb.as_ref().unchecked_ref(),
                        );
                        *closure.borrow_mut() = Some(cb);
                        wasm_bindgen_futures::spawn_local(async move {
                            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                            status.set(if ok { Status::Ready } else { Status::Failed });
                        });
                    }
                }
            }
        });
    }
    {
        let ready = *status == Status::Ready;
        use_effect_with((snapshot, ready), move |(s, ready)| {
            if *ready {
                views_update(&s.encode());
            }
        });
    }
    *status
}
