//! The page: the one reducer, the effects that persist it, and the views.
//!
//! Data flows one way: user input → [`Action`] → the reducer → the core computes a breakdown
//! ([`Derived`]) → components render it. Children get `on<event>` callbacks built here
//! (yew's todomvc), never the dispatcher. Effects (the hooks in [`crate::hooks`]) write the
//! URL, localStorage and the document language; nothing else touches the browser.

use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::{Command, PackWire, Snapshot};
use crate::browser;
use crate::components::explain::Explain;
use crate::components::header::Header;
use crate::components::metrics_panel::MetricsPanel;
use crate::components::notices::Notices;
use crate::components::scenario_bar::ScenarioBar;
use crate::components::score_panel::ScorePanel;
use crate::components::slot::Slot;
use crate::components::summary_bar::SummaryBar;
use crate::derived::{self, Derived};
use crate::hooks::{use_debounced_storage, use_url_sync};
use crate::i18n::{Lang, Text};
use crate::lazy::use_views;
use crate::packs::{PackOrigin, PackRef};
use crate::state::init::Start;
use crate::state::{Action, Notice, State, Store, View};
use crate::storage::{self, Stored, StoredPack};
use crate::url::{self, QueryState};

/// How long the URL waits for the slider to rest before it is rewritten (Chrome throttles
/// `history.replaceState` called on every input event).
const URL_DEBOUNCE_MS: u32 = 150;

/// How long storage waits for the sliders to rest before the state is written.
const STORAGE_DEBOUNCE_MS: u32 = 250;

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Where the page starts (worked out from the browser by `main`, or the defaults).
    pub start: Rc<Start>,
    /// Mount in stages ([`STAGES`]), each in a task of its own, into a hidden root that
    /// [`browser::reveal`] shows once the last stage is rendered (`main` only: the
    /// pre-rendered copy stays on screen meanwhile). Otherwise everything at once.
    #[prop_or_default]
    pub staged: bool,
}

/// The first mount's stages: 0 the header and the score bar, 1 the metrics, 2 the rest. On
/// a phone the first render of the whole page is one long task (about 190 ms with the CPU
/// slowed 4×); in three it blocks a tap for less time (see BENCHMARKS.md).
pub const STAGES: u8 = 3;

/// The page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let start = props.start.clone();
    let stage = crate::hooks::use_staged_mount(props.staged, STAGES, browser::reveal);
    let at = |n: u8| stage >= n;
    let store = use_reducer({
        let s = start.state.clone();
        move || Store(s)
    });
    let st = &store.0;
    let scenario = st.scenario();
    let pack = st.pack.clone();
    // The shell shows the breakdown only: the advice and the plans are the views module's.
    let derived = use_memo((pack.clone(), scenario.clone()), |(p, s)| {
        Derived::compute(p, s, false, &crate::plans::Weights::default())
    });
    // Honest ranges: prepared once per pack and industry, worked out once per value change.
    let pack_ranges = use_memo((pack.clone(), st.industry.clone()), |(p, i)| {
        crate::ranges::PackRanges::new(p, i)
    });
    let ranges = use_memo(((*pack_ranges).clone(), scenario.clone()), |(r, s)| r.of(s));
    let calibrated = matches!(
        crate::ranges::Basis::of(&pack, &st.industry),
        crate::ranges::Basis::Calibrated(_)
    );
    // Apart from the scenario's: a slider move does not recompute the pinned baseline.
    let baseline_eval = use_memo((pack.clone(), st.baseline.clone()), |(p, b)| {
        derived::baseline_eval(p, b.as_ref())
    });

    let dispatch = store.dispatcher();
    let on_storage_fail = {
        let d = dispatch.clone();
        Callback::from(move |()| d.dispatch(Action::Notify(Notice::StorageFull)))
    };
    // Persist: one setItem of the whole document (all or nothing), once the sliders rest.
    // An embed never writes: it shows an article's example, and the same origin shares
    // storage with the user's own page.
    let stored = (!st.embed).then(|| Stored::from_state(st, start.kept.as_ref()));
    use_debounced_storage(
        storage::KEY,
        stored,
        STORAGE_DEBOUNCE_MS,
        |s: &Stored| Some(s.encode()),
        on_storage_fail.clone(),
    );
    let own_pack =
        (!st.embed && st.pack.origin.is_user() && !st.preset_scenario).then(|| st.pack.clone());
    use_debounced_storage(
        storage::PACK_KEY,
        own_pack,
        0,
        |p: &PackRef| StoredPack::from_pack(p).map(|s| s.encode()),
        on_storage_fail,
    );
    // Keep the URL in step, so that the address bar is a link to what is shown.
    let pack_path = match &st.pack.origin {
        PackOrigin::Url(p) => Some(p.as_str()),
        _ => None,
    };
    let query = url::to_query(&QueryState {
        pack: &st.pack,
        pack_path,
        industry: &st.industry,
        metrics: &scenario.metrics,
        lang: st.lang,
        view: st.view,
        embed: st.embed,
    });
    use_url_sync(query, URL_DEBOUNCE_MS);
    // Document language and title.
    use_effect_with(st.lang, |lang| {
        browser::set_document_lang(lang.html_lang(), Text::AppTitle.get(*lang));
    });
    // On a phone the header fills the first screen: a tab switch brings the tabs to the top,
    // so the view chosen is what shows (not the header above it).
    {
        let first = use_mut_ref(|| true);
        use_effect_with(st.view, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                browser::scroll_to_tabs_on_phones();
            }
        });
    }
    // Embedded: tell the parent frame the content height whenever it changes.
    use_effect_with(st.embed, |embed| {
        let watcher = embed.then(browser::watch_height);
        move || drop(watcher)
    });
    // `?pack=packs/my.json`: fetched once; a bad pack never replaces the pack in use.
    {
        let d = dispatch.clone();
        use_effect_with(start.fetch_pack.clone(), move |path| {
            if let Some(path) = path.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    for a in crate::pack_load::fetch(&path).await {
                        d.dispatch(a);
                    }
                });
            }
        });
    }

    // The views module: asked for at the first use of the page (its slots are below the
    // fold on a phone, and the first view does not wait for it), fed every snapshot.
    let snapshot = use_memo(
        (
            st.pack.clone(),
            scenario.clone(),
            st.baseline.clone(),
            st.saved.clone(),
            st.focus.clone(),
            st.lang,
            st.view,
            st.embed,
        ),
        |(p, sc, b, sv, f, l, v, e)| Snapshot {
            lang: *l,
            view: v.code().to_string(),
            embed: *e,
            pack: pack_wire(p),
            scenario: sc.clone(),
            baseline: b.clone(),
            saved: sv.clone(),
            focus: f.clone(),
        },
    );
    // Loaded at the first use of the page, or at once for a view that lives in it.
    let wanted = crate::lazy::use_wanted(st.view != View::Score, at(STAGES - 1));
    let on_command = {
        let d = dispatch.clone();
        Callback::from(move |c: Command| {
            for a in command_actions(c) {
                d.dispatch(a);
            }
        })
    };
    let views = use_views(snapshot, wanted, on_command);
    // One callback each for every metric row (stable: a row re-renders only when its own
    // value or result changes, not on every slider move elsewhere).
    let on_value = use_callback(dispatch.clone(), |(id, v): (String, f64), d| {
        d.dispatch(Action::SetValue(id, v))
    });
    let on_present = use_callback(dispatch.clone(), |(id, on): (String, bool), d| {
        d.dispatch(Action::SetPresent(id, on))
    });
    let on_dimension = use_callback(dispatch.clone(), |(id, on): (String, bool), d| {
        d.dispatch(Action::SetDimensionPresent(id, on))
    });
    let on_focus = use_callback(dispatch.clone(), |id: String, d| {
        d.dispatch(Action::Focus(id))
    });
    let lang = st.lang;
    // The header's, the notices' and the scenario bar's callbacks are stable too, so a slider
    // move does not re-render them.
    let on_industry = use_callback(dispatch.clone(), |v: String, d| {
        d.dispatch(Action::SetIndustry(v))
    });
    let on_lang = use_callback(dispatch.clone(), |l: Lang, d| {
        d.dispatch(Action::SetLang(l))
    });
    let on_view = use_callback(dispatch.clone(), |v: View, d| {
        d.dispatch(Action::SetView(v))
    });
    let on_pack = use_callback(dispatch.clone(), |id: String, d| {
        if let Some(p) = PackRef::builtin(&id) {
            d.dispatch(Action::SetPack(p));
        }
    });
    let on_notice = use_callback(dispatch.clone(), |a: Action, d| d.dispatch(a));
    // A button's press as one action (the scenario bar's).
    let on_pin = use_callback(dispatch.clone(), |(), d| d.dispatch(Action::PinBaseline));
    let on_unpin = use_callback(dispatch.clone(), |(), d| d.dispatch(Action::ClearBaseline));
    let on_save = use_callback(dispatch.clone(), |(), d| d.dispatch(Action::Save));
    let on_restore = use_callback(dispatch.clone(), |(), d| d.dispatch(Action::RestoreSaved));
    let on_reset = use_callback(dispatch.clone(), |(), d| d.dispatch(Action::ResetMedians));
    // The embed's "open the full page" link (not built for the full page itself).
    let full_link = if st.embed {
        format!(
            "?{}",
            url::to_query(&QueryState {
                pack: &st.pack,
                pack_path,
                industry: &st.industry,
                metrics: &scenario.metrics,
                lang,
                view: st.view,
                embed: false,
            })
        )
    } else {
        String::new()
    };
    let score_like = matches!(st.view, View::Score | View::Projection);
    let body = match &*derived {
        Ok(d) => html! {
            <>
            <SummaryBar eval={d.eval.clone()} baseline={(*baseline_eval).clone()} lang={lang}
                range={ranges.and_then(|r| r.score)} decimals={st.pack.score.decimals.value} {calibrated} />
            <div class="layout" hidden={!score_like}>
                // The sliders are shared by the score and projection views: the tab panels
                // are what each view shows beside them.
                if at(1) {
                <MetricsPanel pack={st.pack.clone()} values={st.values.clone()} absent={st.absent.clone()}
                    industry={AttrValue::from(st.industry.clone())} eval={d.eval.clone()}
                    baseline={st.baseline.as_ref().map(|b| b.metrics.clone())} lang={lang}
                    onvalue={on_value} onpresent={on_present} ondimension={on_dimension} onfocus={on_focus} />
                }
                if at(2) {
                <div id="panel-score" class="results" role="tabpanel" aria-labelledby="tab-score"
                    hidden={st.view != View::Score}>
                    <ScorePanel pack={st.pack.clone()} eval={d.eval.clone()} baseline={(*baseline_eval).clone()}
                        ranges={*ranges} lang={lang} />
                    if st.embed {
                        // Compact for an article: the sliders and the score stay, the charts,
                        // the working and the plans fold under one line (open, the height
                        // posted to the article grows).
                        <details class="embed-more" data-testid="embed-more">
                            <summary>{ Text::EmbedMore.get(lang) }</summary>
                            <Slot name="charts" status={views} lang={lang} />
                            <Explain pack={st.pack.clone()} eval={d.eval.clone()} lang={lang} />
                            <Slot name="advice" status={views} lang={lang} />
                        </details>
                    } else {
                        <Slot name="charts" status={views} lang={lang} />
                        <Explain pack={st.pack.clone()} eval={d.eval.clone()} lang={lang} />
                        <ScenarioBar has_baseline={st.baseline.is_some()} has_saved={st.saved.is_some()}
                            lang={lang} onpin={on_pin} onunpin={on_unpin}
                            onsave={on_save} onrestore={on_restore} onreset={on_reset} />
                        <Slot name="advice" status={views} lang={lang} />
                    }
                </div>
                // Kept mounted while hidden so an imported file survives switching tabs.
                <div id="panel-projection" class="projection-panel" role="tabpanel"
                    aria-labelledby="tab-projection" hidden={st.view != View::Projection}>
                    <Slot name="projection" status={views} lang={lang} />
                </div>
                }
            </div>
            </>
        },
        Err(_) => html! { <p class="error" role="alert">{ Text::ErrorPanelTitle.get(lang) }</p> },
    };
    html! {
        <div class={classes!("app", st.embed.then_some("embed"))} lang={lang.html_lang()}>
            <a class="skip-link" href="#metrics-heading">{ Text::SkipToMetrics.get(lang) }</a>
            <Header lang={lang} pack={st.pack.clone()} industry={AttrValue::from(st.industry.clone())} view={st.view}
                embed={st.embed} full_link={AttrValue::from(full_link)}
                onlang={on_lang} onindustry={on_industry} onview={on_view} onpack={on_pack} />
            <main id="main" tabindex="-1">
                <Notices notices={st.notices.clone()} lang={lang} onaction={on_notice} />
                { body }
                if at(2) {
                // Kept mounted while another tab is shown, so an imported session log
                // survives switching tabs.
                <section id="panel-cs" role="tabpanel" aria-labelledby="tab-cs"
                    hidden={st.view != View::CustomerService}>
                    <Slot name="cs" status={views} lang={lang} />
                </section>
                <section id="panel-start" role="tabpanel" aria-labelledby="tab-start"
                    hidden={st.view != View::Start}>
                    <Slot name="start" status={views} lang={lang} />
                </section>
                }
            </main>
            if !st.embed && at(2) {
                <footer class="page-footer">
                    <Slot name="about" status={views} lang={lang} />
                </footer>
            }
        </div>
    }
}

/// The pack as the views module receives it.
fn pack_wire(p: &PackRef) -> PackWire {
    match StoredPack::from_pack(p) {
        None if matches!(p.origin, PackOrigin::Builtin) => PackWire::Builtin { id: p.id.clone() },
        stored => PackWire::User {
            version: 0,
            json: p.to_json(),
            origin: stored.map_or("url".to_string(), |s| s.origin),
            label: match &p.origin {
                PackOrigin::Imported(n) | PackOrigin::Url(n) => Some(n.clone()),
                PackOrigin::Calibrated(d) => d.clone(),
                PackOrigin::Builtin | PackOrigin::Edited => None,
            },
        },
    }
}

/// What a command of the views module does in the shell.
pub fn command_actions(c: Command) -> Vec<Action> {
    match c {
        Command::SetValue { metric, value } => vec![Action::SetValue(metric, value)],
        Command::SetValues { values } => vec![Action::SetValues(values)],
        Command::Load { scenario } => vec![Action::Load(scenario)],
        Command::Focus { metric } => vec![Action::Focus(metric)],
        Command::SetView { view } => View::from_code(&view)
            .map(Action::SetView)
            .into_iter()
            .collect(),
        Command::SetIndustry { industry } => vec![Action::SetIndustry(industry)],
        Command::UsePack {
            json,
            origin,
            label,
        } => {
            let origin = match origin.as_str() {
                "calibrated" => PackOrigin::Calibrated(label.clone()),
                "edited" => PackOrigin::Edited,
                _ => PackOrigin::Imported(label.clone().unwrap_or_default()),
            };
            crate::pack_load::read(&json, label.as_deref().unwrap_or(""), origin)
        }
        Command::UseBuiltin { id } => PackRef::builtin(&id)
            .map(Action::SetPack)
            .into_iter()
            .collect(),
    }
}

/// The state of a page with nothing stored and no URL: what the build step pre-renders.
pub fn default_start() -> Start {
    Start {
        state: State::defaults(PackRef::default_pack()),
        backup: Vec::new(),
        kept: None,
        fetch_pack: None,
    }
}

/// Reads the browser once (the URL, what this browser stored) and works out where the page
/// starts; unreadable stored documents are copied to their backup keys before the page can
/// write over them. Called by `main` (and the browser tests) before mounting [`App`].
pub fn boot() -> Start {
    let start = crate::state::init::start(&crate::state::init::Browser {
        query: browser::query(),
        stored: browser::storage_get(storage::KEY),
        stored_pack: browser::storage_get(storage::PACK_KEY),
        storage_ok: browser::storage_available(),
    });
    for (key, raw) in &start.backup {
        browser::storage_set(key, raw);
    }
    start
}
