//! The page's effects as small hooks: the only places that write localStorage and the URL,
//! keep selects in step and watch sizes. Components call them; the reducer never does.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::browser;

/// Something written later (storage, the URL): the latest value not yet written, the timer,
/// and the writer.
struct Pending<T> {
    value: Option<T>,
    timer: Option<Timeout>,
}

impl<T> Default for Pending<T> {
    fn default() -> Self {
        Pending {
            value: None,
            timer: None,
        }
    }
}

fn flush<T>(pending: &RefCell<Pending<T>>, write: &dyn Fn(T)) {
    let value = {
        let mut p = pending.borrow_mut();
        p.timer = None;
        p.value.take()
    };
    if let Some(v) = value {
        write(v);
    }
}

/// Writes `value` with `write` once it has rested for `delay_ms`, the first time in the next
/// task (a flush always writes the newest value pending, never an older one), and when the
/// page is hidden, closed or the component unmounted (a reload right after a change keeps
/// it). `None` writes nothing.
#[hook]
pub fn use_debounced<T>(value: Option<T>, delay_ms: u32, write: Rc<dyn Fn(T)>)
where
    T: PartialEq + Clone + 'static,
{
    let pending: Rc<RefCell<Pending<T>>> = use_mut_ref(Pending::default);
    {
        let pending = pending.clone();
        let write = write.clone();
        use_effect_with((), move |_| {
            let p = pending.clone();
            let w = write.clone();
            let on_hide = browser::on_page_hide(move || flush(&p, &*w));
            move || {
                drop(on_hide);
                flush(&pending, &*write);
            }
        });
    }
    let mounted = use_mut_ref(|| false);
    use_effect_with(value, move |value| {
        let Some(v) = value.clone() else { return };
        pending.borrow_mut().value = Some(v);
        // The first value is written in the next task rather than during the first render
        // (which is long enough on a slow phone); later ones once they have rested.
        let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
        let p = pending.clone();
        let timer = Timeout::new(if first { 0 } else { delay_ms }, move || flush(&p, &*write));
        pending.borrow_mut().timer = Some(timer);
    });
}

/// The stage of a first mount spread over `stages` tasks: 0 at first, one more in each task
/// after (a 0 ms timer), and `done` called once the last stage has rendered. Not `staged`:
/// the last stage at once, and `done` is not called.
#[hook]
pub fn use_staged_mount(staged: bool, stages: u8, done: fn()) -> u8 {
    let last = stages.saturating_sub(1);
    let stage = use_state(|| if staged { 0 } else { last });
    {
        let set = stage.clone();
        use_effect_with(*stage, move |s| {
            let next = *s + 1;
            let timer = (next <= last).then(|| Timeout::new(0, move || set.set(next)));
            if next > last && staged {
                done();
            }
            move || drop(timer)
        });
    }
    *stage
}

/// Keeps localStorage `key` holding `value` as `encode` writes it (debounced, see
/// [`use_debounced`]; encoded only when written, not on every input); `onfail` is told
/// when the browser refuses the write (storage full or blocked).
#[hook]
pub fn use_debounced_storage<T>(
    key: &'static str,
    value: Option<T>,
    delay_ms: u32,
    encode: fn(&T) -> Option<String>,
    onfail: Callback<()>,
) where
    T: PartialEq + Clone + 'static,
{
    let write: Rc<dyn Fn(T)> = use_memo((), move |_| {
        Rc::new(move |v: T| {
            if let Some(text) = encode(&v) {
                if !browser::storage_set(key, &text) {
                    onfail.emit(());
                }
            }
        }) as Rc<dyn Fn(T)>
    })
    .as_ref()
    .clone();
    use_debounced(value, delay_ms, write);
}

/// Keeps the address bar's query equal to `query` (`replaceState`, debounced: browsers
/// throttle it when called on every input event).
#[hook]
pub fn use_url_sync(query: String, delay_ms: u32) {
    let write: Rc<dyn Fn(String)> = use_memo((), |_| {
        Rc::new(|q: String| browser::replace_query(&q)) as Rc<dyn Fn(String)>
    })
    .as_ref()
    .clone();
    use_debounced(Some(query), delay_ms, write);
}

/// Keeps a `<select>` showing `value` however the state changes (a reset, a restored
/// scenario, a focused metric row): `<option selected>` stops steering a select once its
/// value has been set by the user or by script. Put the returned ref on the select.
#[hook]
pub fn use_select_value(value: String) -> NodeRef {
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(value, move |value| {
            if let Some(s) = select.cast::<HtmlSelectElement>() {
                if s.value() != *value {
                    s.set_value(value);
                }
            }
        });
    }
    select
}

/// The width in CSS pixels of the element `node` is attached to, followed as it changes (by
/// [`browser::on_resize`]; 0 before the first layout). Changes under one pixel are ignored.
#[hook]
pub fn use_width(node: NodeRef) -> f64 {
    let width = use_state(|| 0.0f64);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let watch = node.cast::<web_sys::Element>().and_then(|el| {
                let target = el.clone();
                browser::on_resize(&el, move || {
                    let w = f64::from(target.client_width());
                    if (w - *width).abs() >= 1.0 {
                        width.set(w);
                    }
                })
            });
            move || drop(watch)
        });
    }
    *width
}
