//! The second module's app (`servicescore-views`): everything the first view does not need,
//! rendered through portals into the slots the shell lays out (see [`crate::bridge`]).
//!
//! It holds no copy of the shell's state: each [`Snapshot`] the shell sends becomes new props,
//! and what the user does here goes back to the shell as a [`Command`]. Views that keep state
//! of their own (an imported file, a checklist) keep it here, across view switches.

use std::rc::Rc;

use servicescore::RulePack;
use yew::prelude::*;

use crate::bridge::{slot_id, Command, PackWire, Snapshot};
use crate::components::about::About;
use crate::components::advice::Advice;
use crate::components::cs::CsView;
use crate::components::dashboard::DashboardForm;
use crate::components::pack_tools::PackTools;
use crate::components::projection::ProjectionView;
use crate::components::score_charts::ScoreCharts;
use crate::components::start::StartView;
use crate::derived::{self, Derived};
use crate::packs::PackRef;
use crate::plans::{Weights, WEIGHTS_KEY};

/// Props of [`ViewsApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct ViewsProps {
    /// The shell's latest snapshot.
    pub snapshot: Rc<Snapshot>,
    /// Sends a command to the shell.
    pub oncommand: Callback<Command>,
}

/// The pack a snapshot names (a built-in one, or the user's pack parsed once per version).
fn resolve(w: &PackWire) -> PackRef {
    match w {
        PackWire::Builtin { id } => PackRef::builtin(id).unwrap_or_else(PackRef::default_pack),
        PackWire::User { json, .. } => RulePack::from_json(json)
            .map(|p| PackRef::user(p, crate::packs::PackOrigin::Edited))
            .unwrap_or_else(|_| PackRef::default_pack()),
    }
}

/// The slots in the order they are first built: the active view's first, then the others,
/// one slot per task (see [`ViewsApp`]).
const SLOTS: [&str; 6] = ["charts", "advice", "projection", "cs", "start", "about"];

/// The view a slot belongs to.
fn view_of(slot: &str) -> &str {
    match slot {
        "charts" | "advice" => "score",
        "about" => "",
        other => other,
    }
}

/// The order in which the slots are first built when `view` is on screen: its own slots
/// first, in [`SLOTS`] order, then the others.
fn build_order(view: &str) -> Vec<&'static str> {
    let mut order: Vec<&'static str> = SLOTS
        .iter()
        .copied()
        .filter(|s| view_of(s) == view)
        .collect();
    order.extend(SLOTS.iter().copied().filter(|s| view_of(s) != view));
    order
}

/// The element a slot renders into, when the shell has laid it out.
fn host(name: &str) -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id(&slot_id(name))
}

/// The views.
#[component]
pub fn ViewsApp(props: &ViewsProps) -> Html {
    let snap = &props.snapshot;
    let pack = use_memo(snap.pack.clone(), resolve);
    let lang = snap.lang;
    let scenario = snap.scenario.clone();
    let view = snap.view.as_str();
    // The effort weights: read from this browser once mounted, written back when they change.
    let weights = use_state(Weights::default);
    let loaded = use_mut_ref(|| false);
    {
        let weights = weights.clone();
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            if let Some(raw) = crate::browser::storage_get(WEIGHTS_KEY) {
                weights.set(Weights::decode(&raw));
            }
            *loaded.borrow_mut() = true;
        });
    }
    use_effect_with((*weights).clone(), move |w| {
        if *loaded.borrow() {
            let _ = crate::browser::storage_set(WEIGHTS_KEY, &w.encode());
        }
    });
    let on_weight = use_callback(weights.clone(), |(metric, w): (String, f64), weights| {
        weights.set(weights.with(&metric, w));
    });
    // The plans are memoised on their inputs: a slider move recomputes them once, a language
    // switch or a view switch back does not.
    let derived = use_memo(
        (
            (*pack).clone(),
            scenario.clone(),
            view == "score",
            (*weights).clone(),
        ),
        |(p, s, advice, w)| Derived::compute(p, s, *advice, w).ok(),
    );
    let with_data: Vec<String> = pack
        .metrics
        .iter()
        .filter(|m| scenario.metrics.get(&m.id).copied().flatten().is_some())
        .map(|m| m.id.clone())
        .collect();
    let baseline = use_memo(((*pack).clone(), snap.baseline.clone()), |(p, b)| {
        derived::baseline_eval(p, b.as_ref())
    });
    let on_focus = {
        let cb = props.oncommand.clone();
        Callback::from(move |metric: String| cb.emit(Command::Focus { metric }))
    };
    // The slots are first built one per task, the view on screen first: building all six
    // in the task that mounts the module blocked a phone's main thread for some 400 ms
    // (Lighthouse, 4× CPU); once built, a slot stays and updates like any component.
    let built = use_state(|| build_order(view).into_iter().take(1).collect::<Vec<_>>());
    {
        let built = built.clone();
        let next = build_order(view).into_iter().find(|s| !built.contains(s));
        use_effect_with((built.len(), next), move |(_, next)| {
            let timeout = next.map(|slot| {
                gloo::timers::callback::Timeout::new(0, move || {
                    let mut v = (*built).clone();
                    v.push(slot);
                    built.set(v);
                })
            });
            move || drop(timeout)
        });
    }
    let portal = |name: &'static str, content: Html| match host(name) {
        Some(h) if built.contains(&name) => create_portal(content, h),
        _ => Html::default(),
    };
    let Some(d) = (*derived).clone() else {
        return Html::default();
    };
    html! {
        <>
            { portal("charts", html! {
                <ScoreCharts pack={(*pack).clone()} scenario={scenario.clone()} focus={AttrValue::from(snap.focus.clone())}
                    eval={d.eval.clone()} baseline={(*baseline).clone()} lang={lang} onfocus={on_focus} />
            }) }
            { portal("advice", html! {
                <Advice pack={(*pack).clone()} helps={d.helps.clone()} goals={d.goals.clone()} plans={d.plans.clone()}
                    weights={(*weights).clone()} with_data={with_data} onweight={on_weight.clone()}
                    has_score={d.eval.score.is_some()} lang={lang} oncommand={props.oncommand.clone()} />
            }) }
            { portal("projection", html! {
                <ProjectionView pack={(*pack).clone()} weights={(*weights).clone()} scenario={scenario.clone()} baseline={snap.baseline.clone()} saved={snap.saved.clone()}
                    active={view == "projection"} lang={lang} oncommand={props.oncommand.clone()} />
            }) }
            { portal("cs", html! { <CsView pack={(*pack).clone()} lang={lang} /> }) }
            { portal("start", html! {
                <StartView pack={(*pack).clone()} industry={AttrValue::from(scenario.industry.clone())}
                    lang={lang} oncommand={props.oncommand.clone()} />
            }) }
            { portal("about", html! {
                <>
                    <About industry={AttrValue::from(scenario.industry.clone())} lang={lang} />
                    <PackTools pack={(*pack).clone()} industry={AttrValue::from(scenario.industry.clone())}
                        user_pack={matches!(snap.pack, PackWire::User { .. })} lang={lang}
                        oncommand={props.oncommand.clone()} />
                    <DashboardForm pack={(*pack).clone()} scenario={scenario.clone()} lang={lang}
                        oncommand={props.oncommand.clone()} />
                </>
            }) }
        </>
    }
}

type Mounted = (yew::AppHandle<ViewsApp>, Callback<Command>);

thread_local! {
    /// The views mounted in-process by [`install_in_process`].
    static MOUNTED: std::cell::RefCell<Option<Mounted>> = const { std::cell::RefCell::new(None) };
}

/// Provides `window.__servicescoreViews` over this very module: the views mounted in-process
/// beside the shell, exactly as the second module would mount them (same bridge, same JSON).
/// For the browser tests, which run one WebAssembly module holding both apps.
pub fn install_in_process() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    fn props(snapshot: &str, oncommand: Callback<Command>) -> Option<ViewsProps> {
        let snapshot: Snapshot = serde_json::from_str(snapshot).ok()?;
        Some(ViewsProps {
            snapshot: Rc::new(snapshot),
            oncommand,
        })
    }
    let Some(w) = web_sys::window() else { return };
    let load = Closure::<dyn FnMut(String, js_sys::Function) -> js_sys::Promise>::new(
        |snapshot: String, on_command: js_sys::Function| {
            let oncommand = Callback::from(move |c: Command| {
                let _ = on_command.call1(&JsValue::NULL, &JsValue::from_str(&c.encode()));
            });
            let root = web_sys::window().and_then(|w| w.document()).and_then(|d| {
                let r = d.create_element("div").ok()?;
                r.set_id("views-root");
                d.body()?.append_child(&r).ok()?;
                Some(r)
            });
            if let (Some(root), Some(p)) = (root, props(&snapshot, oncommand.clone())) {
                let handle = yew::Renderer::<ViewsApp>::with_root_and_props(root, p).render();
                MOUNTED.with(|m| {
                    if let Some((old, _)) = m.borrow_mut().replace((handle, oncommand)) {
                        old.destroy();
                    }
                });
            }
            js_sys::Promise::resolve(&JsValue::UNDEFINED)
        },
    );
    let update = Closure::<dyn FnMut(String)>::new(|snapshot: String| {
        MOUNTED.with(|m| {
            if let Some((handle, cb)) = m.borrow_mut().as_mut() {
                if let Some(p) = props(&snapshot, cb.clone()) {
                    handle.update(p);
                }
            }
        });
    });
    let obj = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&obj, &"load".into(), load.as_ref().unchecked_ref());
    let _ = js_sys::Reflect::set(&obj, &"update".into(), update.as_ref().unchecked_ref());
    let _ = js_sys::Reflect::set(&w, &"__servicescoreViews".into(), &obj);
    load.forget();
    update.forget();
}

/// Unmounts the in-process views (see [`install_in_process`]) and removes their root.
pub fn uninstall_in_process() {
    if let Some((handle, _)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        handle.destroy();
    }
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("views-root"))
    {
        root.remove();
    }
}
