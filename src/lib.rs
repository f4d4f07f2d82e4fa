//! Service Score Simulator (服务分模拟器): the Yew page over the `servicescore` core.
//!
//! Data flows one way: user input → [`state::Action`] → the reducer → the core computes a
//! breakdown ([`derived::Derived`]) → components render it. Effects in [`App`] write the URL,
//! localStorage and the document language; nothing else touches the browser.

#![forbid(unsafe_code)]

pub mod api;
pub mod browser;
pub mod chart_data;
pub mod chart_format;
pub mod components;
pub mod derived;
pub mod format;
pub mod i18n;
pub mod panic;
pub mod state;
pub mod storage;
pub mod url;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use servicescore::RulePack;
use yew::prelude::*;

use components::about::About;
use components::advice::Advice;
use components::cs::CsView;
use components::explain::Explain;
use components::header::Header;
use components::metrics_panel::MetricsPanel;
use components::notices::Notices;
use components::projection::ProjectionView;
use components::scenario_bar::ScenarioBar;
use components::score_charts::ScoreCharts;
use components::score_panel::ScorePanel;
use components::summary_bar::SummaryBar;
use derived::Derived;
use i18n::T;
use state::{Notice, State, Store};

/// How long the URL waits for the slider to rest before it is rewritten (Chrome throttles
/// `history.replaceState` called on every input event).
const URL_DEBOUNCE_MS: u32 = 150;

/// How long storage waits for the sliders to rest before the state is written.
const STORAGE_DEBOUNCE_MS: u32 = 250;

/// The initial state: defaults, then the stored state (unless the URL sets the scenario),
/// then the URL. Problems become notices; nothing is silently dropped: an unreadable stored
/// document is returned as the second value, for the caller to keep under
/// [`storage::BACKUP_KEY`].
pub fn initial_state(
    pack: &RulePack,
    query: &str,
    stored: Option<String>,
    storage_ok: bool,
) -> (State, Option<String>) {
    let mut s = State::defaults(pack);
    let mut backup = None;
    let params = url::parse_query(pack, query);
    if !storage_ok && !params.embed {
        // Embedded on another site, storage is often blocked; the compact page has no
        // save/restore, so the warning would only be noise there.
        s.notify(Notice::StorageUnavailable);
    }
    if let (true, Some(raw)) = (params.reset, &stored) {
        backup = Some(raw.clone());
        s.notify(Notice::ResetDone);
    }
    if let Some(raw) = stored.filter(|_| !params.reset) {
        match storage::decode(pack, &raw) {
            Ok(st) => {
                if params.sets_scenario() {
                    // The link decides the scenario; the user's baseline, saved scenario and
                    // language still come back.
                    let mut keep = State::defaults(pack);
                    st.restore_into(pack, &mut keep);
                    s.baseline = keep.baseline;
                    s.saved = keep.saved;
                    s.lang = keep.lang;
                } else {
                    st.restore_into(pack, &mut s);
                }
            }
            Err(reason) => {
                backup = Some(raw);
                s.notify(Notice::StorageDropped(reason));
            }
        }
    }
    if let Some(ind) = &params.industry {
        if s.industry != *ind && params.metrics.is_empty() {
            // A link naming only the industry means "a typical shop of that industry".
            s.values = state::medians(pack, ind);
        }
        s.industry = ind.clone();
    }
    s.apply_url_metrics(&params.metrics);
    if let Some(l) = params.lang {
        s.lang = l;
    }
    s.embed = params.embed;
    for p in params.problems {
        s.notify(Notice::BadParam(p));
    }
    (s, backup)
}

/// Writes the pending state, if any, to localStorage (one `setItem`).
fn write_pending(pending: &RefCell<Option<storage::Stored>>) {
    if let Some(stored) = pending.borrow_mut().take() {
        browser::storage_set(storage::KEY, &stored.encode());
    }
}

/// The page.
#[component]
pub fn App() -> Html {
    let pack = RulePack::default_pack();
    let store = use_reducer(|| {
        let (state, backup) = initial_state(
            pack,
            &browser::query(),
            browser::storage_get(storage::KEY),
            browser::storage_available(),
        );
        if let Some(raw) = backup {
            // Keep what the user had before the page overwrites the key.
            browser::storage_set(storage::BACKUP_KEY, &raw);
        }
        Store(state)
    });
    let st = &store.0;
    let scenario = st.scenario();
    // The advice is computed only where it is shown (not behind the projection view).
    let with_advice = st.view != state::View::Projection;
    let derived = use_memo((scenario.clone(), with_advice), |(s, with_advice)| {
        Derived::compute(pack, s, *with_advice)
    });
    // Apart from the scenario's: a slider move does not recompute the pinned baseline.
    let baseline_eval = use_memo(st.baseline.clone(), |b| {
        derived::baseline_eval(pack, b.as_ref())
    });

    // Persist: one setItem of the whole document (all or nothing), once the sliders rest
    // (a synchronous write per input event cost ~1 ms); a pending write is flushed when the
    // page is hidden, closed or the app unmounted, so a reload right after a change keeps it.
    {
        // The latest state not yet written; encoded only when written.
        let pending: Rc<RefCell<Option<storage::Stored>>> = use_mut_ref(|| None);
        let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
        {
            let pending = pending.clone();
            use_effect_with((), move |_| {
                let flusher = browser::on_page_hide({
                    let pending = pending.clone();
                    move || write_pending(&pending)
                });
                // Unmounted (the page is being torn down): write what is pending now.
                move || {
                    drop(flusher);
                    write_pending(&pending);
                }
            });
        }
        let mounted = use_mut_ref(|| false);
        let stored = storage::Stored::from_state(st);
        use_effect_with(stored, move |stored| {
            *pending.borrow_mut() = Some(stored.clone());
            if !std::mem::replace(&mut *mounted.borrow_mut(), true) {
                // The state the page starts with is written at once: nothing is pending that
                // a later flush could write over a newer value.
                write_pending(&pending);
                return;
            }
            *timer.borrow_mut() = Some(Timeout::new(STORAGE_DEBOUNCE_MS, move || {
                write_pending(&pending)
            }));
        });
    }
    // Keep the URL in step (debounced: replaceState is throttled by browsers).
    {
        let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
        let q = url::to_query(pack, &st.industry, &scenario.metrics, st.lang, st.embed);
        use_effect_with(q, move |q| {
            let q = q.clone();
            *timer.borrow_mut() = Some(Timeout::new(URL_DEBOUNCE_MS, move || {
                browser::replace_query(&q)
            }));
        });
    }
    // Document language and title.
    use_effect_with(st.lang, |lang| {
        browser::set_document_lang(lang.html_lang(), T::AppTitle.get(*lang));
    });
    // Embedded: tell the parent frame the content height whenever it changes (a
    // ResizeObserver sees changes inside any component, and the height can shrink).
    use_effect_with(st.embed, |embed| {
        let watcher = embed.then(browser::watch_height);
        move || drop(watcher)
    });

    let lang = st.lang;
    let dispatch = store.dispatcher();
    // The embed's "open the full page" link (not built for the full page itself).
    let full_link = if st.embed {
        format!(
            "?{}",
            url::to_query(pack, &st.industry, &scenario.metrics, lang, false)
        )
    } else {
        String::new()
    };
    let body = match &*derived {
        Ok(d) => html! {
            <>
            <SummaryBar eval={d.eval.clone()} baseline={(*baseline_eval).clone()} lang={lang} />
            <div class="layout">
                <MetricsPanel values={st.values.clone()} absent={st.absent.clone()}
                    industry={AttrValue::from(st.industry.clone())} eval={d.eval.clone()}
                    baseline={st.baseline.clone()} lang={lang} dispatch={dispatch.clone()} />
                <aside class="results" aria-label={T::Results.get(lang)} hidden={st.view == state::View::Projection}>
                    <ScorePanel eval={d.eval.clone()} baseline={(*baseline_eval).clone()} lang={lang} />
                    // Charts of the metric in focus and of the dimensions (issue 4).
                    <ScoreCharts scenario={scenario.clone()} focus={AttrValue::from(st.focus.clone())}
                        eval={d.eval.clone()} baseline={(*baseline_eval).clone()} lang={lang} dispatch={dispatch.clone()} />
                    <Explain eval={d.eval.clone()} lang={lang} />
                    if !st.embed {
                        <ScenarioBar has_baseline={st.baseline.is_some()} has_saved={st.saved.is_some()}
                            lang={lang} dispatch={dispatch.clone()} />
                    }
                    <Advice helps={d.helps.clone()} goals={d.goals.clone()} has_score={d.eval.score.is_some()}
                        lang={lang} dispatch={dispatch.clone()} />
                </aside>
                // Projection view (issue 4, src/components/projection): beside the same sliders,
                // kept mounted while hidden so an imported file survives switching tabs.
                <div class="projection-panel" hidden={st.view != state::View::Projection}>
                    <ProjectionView scenario={scenario.clone()} baseline={st.baseline.clone()} saved={st.saved.clone()}
                        active={st.view == state::View::Projection} lang={lang} dispatch={dispatch.clone()} />
                </div>
            </div>
            </>
        },
        Err(e) => html! { <p class="error" role="alert">{ e.to_string() }</p> },
    };
    html! {
        <div class={classes!("app", st.embed.then_some("embed"))} lang={lang.html_lang()}>
            <Header lang={lang} industry={AttrValue::from(st.industry.clone())} view={st.view}
                embed={st.embed} full_link={AttrValue::from(full_link)} dispatch={dispatch.clone()} />
            <Notices notices={st.notices.clone()} lang={lang} dispatch={dispatch.clone()} />
            // The score and projection views share the sliders, so they share this panel (issue 4).
            <main id={if st.view == state::View::Projection { "panel-projection" } else { "panel-score" }} role="tabpanel"
                aria-labelledby={if st.view == state::View::Projection { "tab-projection" } else { "tab-score" }}
                hidden={!matches!(st.view, state::View::Score | state::View::Projection)}>{ body }</main>
            // Customer-service view (issue 5, src/components/cs): kept mounted while another tab
            // is shown, so an imported session log survives switching tabs.
            <section id="panel-cs" role="tabpanel" aria-labelledby="tab-cs" hidden={st.view != state::View::CustomerService}>
                <CsView lang={lang} />
            </section>
            if !st.embed {
                <About industry={AttrValue::from(st.industry.clone())} lang={lang} />
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_scenario_wins_over_storage_but_keeps_baseline() {
        let pack = RulePack::default_pack();
        let mut before = State::defaults(pack);
        before.apply(
            pack,
            state::Action::SetValue("ship_on_time_pct".into(), 90.0),
        );
        before.apply(pack, state::Action::PinBaseline);
        let raw = storage::Stored::from_state(&before).encode();
        let (s, _) = initial_state(pack, "?reply_3min_pct=62.5", Some(raw.clone()), true);
        assert_eq!(s.scenario().value("reply_3min_pct"), Some(62.5));
        assert_eq!(s.scenario().value("ship_on_time_pct"), Some(97.0));
        assert!(s.baseline.is_some());
        // Only lang: the stored scenario comes back.
        let (s, _) = initial_state(pack, "?lang=en", Some(raw), true);
        assert_eq!(s.scenario().value("ship_on_time_pct"), Some(90.0));
        assert_eq!(s.lang, i18n::Lang::En);
    }

    #[test]
    fn an_industry_link_starts_from_its_medians_and_embeds_do_not_nag() {
        let pack = RulePack::default_pack();
        let (s, _) = initial_state(pack, "?industry=apparel", None, true);
        assert_eq!(s.values, state::medians(pack, "apparel"));
        let r = servicescore::evaluate(pack, &s.scenario()).unwrap();
        assert_eq!(r.display_score.as_deref(), Some("4.40"));
        // With a metric in the link, the other metrics stay at the general medians.
        let (s, _) = initial_state(pack, "?industry=apparel&reply_3min_pct=90", None, true);
        assert_eq!(s.values["ship_on_time_pct"], 97.0);
        let (s, _) = initial_state(pack, "?embed=1", None, false);
        assert!(s.notices.is_empty());
    }

    #[test]
    fn reset_starts_afresh_and_keeps_the_stored_state() {
        let pack = RulePack::default_pack();
        let mut before = State::defaults(pack);
        before.apply(
            pack,
            state::Action::SetValue("ship_on_time_pct".into(), 90.0),
        );
        let raw = storage::Stored::from_state(&before).encode();
        let (s, backup) = initial_state(pack, "?reset=1", Some(raw.clone()), true);
        assert_eq!(s.scenario(), State::defaults(pack).scenario());
        assert_eq!(backup, Some(raw));
        assert_eq!(s.notices[0].notice, Notice::ResetDone);
    }

    #[test]
    fn broken_storage_becomes_a_notice() {
        let pack = RulePack::default_pack();
        let (s, backup) = initial_state(pack, "", Some("{\"schema\":2,".into()), true);
        assert_eq!(backup.as_deref(), Some("{\"schema\":2,"));
        assert_eq!(s.scenario(), State::defaults(pack).scenario());
        assert!(matches!(s.notices[0].notice, Notice::StorageDropped(_)));
        let (s, _) = initial_state(pack, "?reply_3min_pct=abc", None, false);
        assert_eq!(s.notices.len(), 2);
    }
}
