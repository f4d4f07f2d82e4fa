//! The only module that talks to browser APIs directly (URL, storage, document, parent
//! frame). Every call tolerates failure: a sandboxed iframe without storage, a detached
//! window, a parent on another origin; the page keeps working without the feature.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current query string (with `?`, or empty).
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Replaces the query string without a new history entry (the rest of the URL is kept).
pub fn replace_query(query: &str) {
    let Some(w) = window() else { return };
    let loc = w.location();
    let path = loc.pathname().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let url = format!("{path}?{query}{hash}");
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// localStorage, when the browser allows it.
fn storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

/// Whether localStorage can be used.
pub fn storage_available() -> bool {
    storage().is_some()
}

/// Reads a key (`None`: absent or storage unavailable).
pub fn storage_get(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Writes a key in one `setItem` (all or nothing); `false` when it failed (quota, blocked).
pub fn storage_set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes a key (nothing happens when storage is unavailable).
pub fn storage_remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Runs `f` when the page is hidden or unloaded (`pagehide`, and `visibilitychange` to
/// hidden: mobile browsers may kill a hidden tab without `pagehide`), until dropped. Either
/// listener is left out when its target is missing (a detached window).
pub fn on_page_hide(f: impl Fn() + 'static) -> PageHide {
    let f = Rc::new(f);
    let g = f.clone();
    let win = window();
    let on_hide = win
        .as_ref()
        .map(|w| EventListener::new(w, "pagehide", move |_| f()));
    let on_hidden = win.and_then(|w| w.document()).map(|doc| {
        let d = doc.clone();
        EventListener::new(&doc, "visibilitychange", move |_| {
            if d.visibility_state() == web_sys::VisibilityState::Hidden {
                g();
            }
        })
    });
    PageHide {
        _on_hide: on_hide,
        _on_hidden: on_hidden,
    }
}

/// The listeners installed by [`on_page_hide`]; removed when dropped (gloo's
/// [`EventListener`]).
pub struct PageHide {
    _on_hide: Option<EventListener>,
    _on_hidden: Option<EventListener>,
}

/// Runs `f` once, in a task after the browser's next frame (so what was rendered before is
/// on screen first), or after `late_ms` when frames do not come (a hidden tab, a throttled
/// frame), whichever is first. The page's one "after paint" mechanism: the views' snapshots
/// (`crate::lazy`), the first paint before the second module, a file's parse after
/// "parsing…" (`components::import`). Dropping the handle cancels what has not run; drop it
/// or replace it outside `f` (a timer is never dropped inside its own callback).
pub fn after_paint(late_ms: u32, f: impl FnOnce() + 'static) -> AfterPaint {
    let once: Rc<Cell<Option<Once>>> = Rc::new(Cell::new(Some(Box::new(f))));
    let fire = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    let handles = Rc::new(RefCell::new(PaintHandles::default()));
    let late = gloo::timers::callback::Timeout::new(late_ms, fire.clone());
    let weak = Rc::downgrade(&handles);
    let frame = gloo::render::request_animation_frame(move |_| {
        let task = gloo::timers::callback::Timeout::new(0, fire);
        // Cancelled with the handle (dropped here) when the handle is gone.
        if let Some(h) = weak.upgrade() {
            h.borrow_mut().task = Some(task);
        }
    });
    {
        let mut h = handles.borrow_mut();
        h.frame = Some(frame);
        h.late = Some(late);
    }
    AfterPaint { _handles: handles }
}

/// The frame and timers of an [`after_paint`].
#[derive(Default)]
struct PaintHandles {
    frame: Option<gloo::render::AnimationFrame>,
    task: Option<gloo::timers::callback::Timeout>,
    late: Option<gloo::timers::callback::Timeout>,
}

/// What [`after_paint`] will run; cancelled when dropped.
pub struct AfterPaint {
    _handles: Rc<RefCell<PaintHandles>>,
}

/// Runs `f` once, at the first sign that the page is being used: a pointer press, a key, a
/// touch, a wheel turn or a scroll anywhere, or an element matching `selector` coming within
/// `margin_px` of the viewport (an `IntersectionObserver`; one already in view counts at
/// once). What the first screen does not show loads on this (see `crate::lazy`): a page opened
/// and only read, as a phone shows it above the fold, never pays for it. Until dropped.
pub fn on_first_use(selector: &str, margin_px: u32, f: impl FnOnce() + 'static) -> FirstUse {
    let once: Rc<Cell<Option<Once>>> = Rc::new(Cell::new(Some(Box::new(f))));
    let fire = {
        let once = once.clone();
        move || {
            if let Some(f) = once.take() {
                f();
            }
        }
    };
    let mut listeners = Vec::new();
    if let Some(w) = window() {
        let options = gloo::events::EventListenerOptions::run_in_capture_phase();
        for event in ["pointerdown", "keydown", "touchstart", "wheel", "scroll"] {
            let fire = fire.clone();
            listeners.push(EventListener::new_with_options(
                &w,
                event,
                options,
                move |_| fire(),
            ));
        }
    }
    let observer = watch_near_viewport(selector, margin_px, fire);
    FirstUse {
        _listeners: listeners,
        observer,
    }
}

/// An `IntersectionObserver` on every element matching `selector`, calling `fire` when one is
/// within `margin_px` of the viewport.
fn watch_near_viewport(
    selector: &str,
    margin_px: u32,
    fire: impl Fn() + 'static,
) -> Option<NearViewport> {
    let doc = window()?.document()?;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries.iter().any(|e| {
            e.dyn_into::<web_sys::IntersectionObserverEntry>()
                .is_ok_and(|e| e.is_intersecting())
        });
        if near {
            fire();
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(&format!("{margin_px}px"));
    let observer =
        web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
            .ok()?;
    let found = doc.query_selector_all(selector).ok()?;
    for i in 0..found.length() {
        if let Some(el) = found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            observer.observe(&el);
        }
    }
    Some((observer, callback))
}

/// What [`on_first_use`] runs, once.
type Once = Box<dyn FnOnce()>;

/// An `IntersectionObserver` and the callback it calls.
type NearViewport = (
    web_sys::IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array)>,
);

/// The watch started by [`on_first_use`]; removed when dropped.
pub struct FirstUse {
    _listeners: Vec<EventListener>,
    observer: Option<NearViewport>,
}

impl Drop for FirstUse {
    fn drop(&mut self) {
        if let Some((o, _)) = &self.observer {
            o.disconnect();
        }
    }
}

/// Runs `f` whenever `el` changes size (a `ResizeObserver`), until dropped; `None` when the
/// browser has no `ResizeObserver`. The one place the page watches sizes: the embedded
/// page's height ([`watch_height`]) and a chart's width (`hooks::use_width`).
pub fn on_resize(el: &web_sys::Element, f: impl FnMut() + 'static) -> Option<Resize> {
    let callback = Closure::<dyn FnMut()>::new(f);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(Resize {
        observer,
        _callback: callback,
    })
}

/// A size watch started by [`on_resize`]; disconnected when dropped.
pub struct Resize {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for Resize {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// An attribute of the page's root element (`<html>`), e.g. `lang` or `data-servicescore`.
pub fn root_attr(name: &str) -> Option<String> {
    window()?
        .document()?
        .document_element()?
        .get_attribute(name)
}

/// Sets `<html lang>` and the document title.
pub fn set_document_lang(lang: &str, title: &str) {
    if let Some(d) = window().and_then(|w| w.document()) {
        if let Some(e) = d.document_element() {
            let _ = e.set_attribute("lang", lang);
        }
        d.set_title(title);
    }
}

/// The content's height in CSS pixels (not `scrollHeight`, which never falls below the
/// frame's own height and so could never report a shrink).
pub fn content_height() -> f64 {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map_or(0.0, |e| e.get_bounding_client_rect().height().ceil())
}

/// Posts the content height to the parent frame now and after every change, until dropped;
/// `None` without a document.
pub fn watch_height() -> Option<Resize> {
    let root = window()?.document()?.document_element()?;
    let last = Cell::new(0.0f64);
    on_resize(&root, move || {
        let h = content_height();
        if (h - last.get()).abs() >= 1.0 {
            last.set(h);
            post_height(h);
        }
    })
}

/// The message type the page posts to its parent: `{type: "servicescore:height", height}`.
pub const HEIGHT_MESSAGE: &str = "servicescore:height";

/// Tells the parent frame the page's height (no user data: only a number).
pub fn post_height(height: f64) {
    let Some(w) = window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if js_sys::Object::is(&parent, &w) {
        return;
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
    // "*": the height is not secret and the embedding origin is not known in advance.
    let _ = parent.post_message(&msg, "*");
}

/// Fetches a text file of the page itself (the examples), relative to the page.
///
/// # Errors
///
/// A short reason (`HTTP 404`, `could not be fetched`).
pub async fn fetch_text(path: &str) -> Result<String, FetchError> {
    let w = window().ok_or(FetchError::Unreachable)?;
    let resp = wasm_bindgen_futures::JsFuture::from(w.fetch_with_str(path))
        .await
        .map_err(|_| FetchError::Unreachable)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchError::Unreadable)?;
    if !resp.ok() {
        return Err(FetchError::Status(resp.status()));
    }
    let text = resp.text().map_err(|_| FetchError::Unreadable)?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or(FetchError::Unreadable)
}

/// Why [`fetch_text`] got no text; the page words it with [`crate::i18n::fetch_error_text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchError {
    /// No answer (offline, blocked).
    Unreachable,
    /// The server answered with this HTTP status (404: not there).
    Status(u16),
    /// An answer that is not text.
    Unreadable,
}

/// Whether `path`, resolved against the page's address, stays on the page's origin.
pub fn same_origin(path: &str) -> bool {
    let Some(w) = window() else { return false };
    let Ok(here) = w.location().href() else {
        return false;
    };
    match (
        web_sys::Url::new(&here),
        web_sys::Url::new_with_base(path, &here),
    ) {
        (Ok(a), Ok(b)) => a.origin() == b.origin(),
        _ => false,
    }
}

/// Mounts the app: renders it into a fresh element, hidden, before the page's pre-rendered
/// copy (`#prerender`, written at build time), which stays on screen until the app calls
/// [`reveal`] (its first mount spread over several tasks, see `AppProps::staged`).
pub fn mount(render: impl FnOnce(web_sys::Element)) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    let Ok(root) = doc.create_element("div") else {
        return;
    };
    root.set_id("app");
    let _ = root.set_attribute("hidden", "");
    match doc.get_element_by_id("prerender") {
        Some(p) => {
            let _ = p.before_with_node_1(&root);
        }
        None => {
            let _ = body.append_child(&root);
        }
    }
    render(root);
}

/// Shows the app [`mount`]ed and removes the pre-rendered copy, in one
/// task (no frame without either).
pub fn reveal() {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(app) = doc.get_element_by_id("app") {
        let _ = app.remove_attribute("hidden");
    }
    if let Some(p) = doc.get_element_by_id("prerender") {
        p.remove();
    }
}

/// Scrolls the view tabs to the top of the screen on a narrow screen (below 900 px, where
/// the header stacks above the view), so that a tab switch shows the view it chose.
pub fn scroll_to_tabs_on_phones() {
    let Some(w) = window() else { return };
    let narrow = w
        .inner_width()
        .ok()
        .and_then(|v| v.as_f64())
        .is_some_and(|x| x < 900.0);
    if !narrow {
        return;
    }
    let tabs = w
        .document()
        .and_then(|d| d.query_selector("[role=tablist]").ok().flatten());
    if let Some(t) = tabs {
        if t.get_bounding_client_rect().top() > 0.0 {
            t.scroll_into_view_with_bool(true);
        }
    }
}

/// Today in the browser's time zone: the one place the page reads the clock.
pub fn local_today() -> jiff::civil::Date {
    let now = js_sys::Date::new_0();
    let part = |v: u32| i8::try_from(v).unwrap_or(1);
    jiff::civil::Date::new(
        i16::try_from(now.get_full_year()).unwrap_or(1970),
        part(now.get_month() + 1),
        part(now.get_date()),
    )
    .unwrap_or(jiff::civil::Date::constant(1970, 1, 1))
}
