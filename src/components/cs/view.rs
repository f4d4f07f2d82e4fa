//! The customer-service view: its reducer, its effects, and the layout of its parts.
//!
//! Effects here, never in the reducer: the import of a log through the page's one import
//! subsystem (`components::import`: parsed after "parsing…" is painted, kept in this browser
//! and restored on load), and storing the violation counts under their own key once the user
//! changed them. The view is meant to stay mounted while another tab is shown (`lib.rs`
//! hides it), so an imported log survives switching tabs.

use std::collections::BTreeMap;
use std::rc::Rc;

use servicescore::dates::Date;
use servicescore::RulePack;
use servicescore_charts::RateChart;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::counts;
use super::day_table::DayTable;
use super::ladder::LadderPanel;
use super::model::{self, CsAction, CsState, CsStore, Log};
use super::month_table::MonthTable;
use super::plan::PlanPanel;
use super::report::{self, target_text, Report};
use super::staffing::StaffingList;
use super::summary::CsSummary;
use super::text::CsText;
use super::violations::{self, ViolationTally};
use crate::browser;
use crate::chart_data::PageFormat;
use crate::components::chart_canvas::ChartCanvas;
use crate::components::file_import::{FileImport, Loaded};
use crate::components::import::{self, use_parse_after_paint, ImportStatus, Kind};
use crate::i18n::{fill, Lang};
use crate::packs::PackRef;

/// Height of the rate chart in CSS pixels.
const CHART_HEIGHT: f64 = 260.0;

/// Props of [`CsView`].
#[derive(Properties, PartialEq, Clone)]
pub struct CsViewProps {
    /// The pack in use: its customer-service rules and violation table (what `servicescore
    /// cs-assess --pack` uses).
    pub pack: PackRef,
    /// Page language.
    pub lang: Lang,
}

/// Reads the stored counts (reads only: an unreadable value is kept under the backup key by
/// [`keep_unreadable_counts`], an effect, never by the reducer's initialiser).
fn stored_counts(pack: &RulePack) -> Result<BTreeMap<String, u64>, String> {
    match browser::storage_get(counts::KEY) {
        None => Ok(BTreeMap::new()),
        Some(raw) => counts::decode(&pack.violations, &raw),
    }
}

/// Keeps stored counts that cannot be read under the backup key, so they are never lost.
fn keep_unreadable_counts(pack: &RulePack) {
    if let Some(raw) = browser::storage_get(counts::KEY) {
        if counts::decode(&pack.violations, &raw).is_err() {
            browser::storage_set(counts::BACKUP_KEY, &raw);
        }
    }
}

/// Reads a session log (the import hook's parse).
fn parse_log(_: &(), l: &Loaded, today: Option<Date>) -> Result<model::Imported, import::Refused> {
    model::read_log(&l.name, &l.text, l.gb18030, today)
}

/// The view.
#[component]
pub fn CsView(props: &CsViewProps) -> Html {
    let lang = props.lang;
    let pack = props.pack.clone();
    let rules = &pack.customer_service;
    let store = use_reducer(|| CsStore(CsState::new(stored_counts(&pack))));
    let st = &store.0;
    let dispatch = store.dispatcher();

    // Unreadable stored counts go to the backup key at mount, before anything is written.
    {
        let pack = pack.clone();
        use_effect_with((), move |_| keep_unreadable_counts(&pack));
    }

    // Store the counts once the user changed them (not on mount: a visit that never touches
    // the tally writes nothing).
    use_effect_with((st.counts.clone(), st.counts_dirty), |(c, dirty)| {
        if *dirty {
            browser::storage_set(counts::KEY, &counts::encode(c));
        }
    });

    // Import: "parsing…" first, the parse after the next paint. A log imported successfully
    // is kept in this browser; the kept one is restored at mount through the same parse (the
    // hook's effects).
    let on_import = use_callback(dispatch.clone(), |a: import::Action<Log>, d| {
        d.dispatch(CsAction::Import(a))
    });
    let files = use_parse_after_paint(Kind::Sessions, (), parse_log, on_import);

    // What the panels below report, as actions on the view's state (yew's todomvc: the
    // children get callbacks, never the dispatcher).
    let send = |f: fn(String) -> CsAction| {
        let d = dispatch.clone();
        Callback::from(move |v: String| d.dispatch(f(v)))
    };
    let on_day = send(CsAction::SetPlanDay);
    let on_commit = send(CsAction::CommitCount);
    let on_count = {
        let d = dispatch.clone();
        Callback::from(move |(id, v): (String, String)| d.dispatch(CsAction::SetCount(id, v)))
    };
    let press = |a: CsAction| {
        let d = dispatch.clone();
        Callback::from(move |()| d.dispatch(a.clone()))
    };
    let on_reset = press(CsAction::ResetCounts);
    let on_dismiss = press(CsAction::DismissCountsNotice);
    let on_example = {
        let d = dispatch.clone();
        let pack = pack.clone();
        Callback::from(move |()| {
            let d = d.clone();
            let pack = pack.clone();
            spawn_local(async move {
                let result = match browser::fetch_text(violations::EXAMPLE).await {
                    Ok(text) => counts::from_example(&pack.violations, &text),
                    Err(e) => Err(format!(
                        "{}: {}",
                        violations::EXAMPLE,
                        crate::i18n::fetch_error_text(e, lang)
                    )),
                };
                d.dispatch(match result {
                    Ok(c) => CsAction::LoadCounts(c),
                    Err(e) => CsAction::ExampleFailed(e),
                });
            });
        })
    };

    let report = use_memo((pack.clone(), st.imported().cloned()), |(p, imp)| {
        imp.as_ref()
            .map(|i| Report::compute(&p.customer_service, &i.log).map(Rc::new))
    });
    let plan_day = st.plan_day();
    let answer = use_memo(
        (pack.clone(), st.imported().cloned(), plan_day),
        |(p, imp, day)| {
            imp.as_ref()
                .zip(*day)
                .map(|(i, d)| Rc::new(report::what_it_takes(&p.customer_service, &i.log, d)))
        },
    );
    let chart = use_memo((pack.clone(), report.clone(), lang), |(p, r, lang)| {
        r.as_ref()
            .as_ref()
            .and_then(|r| r.as_ref().ok())
            .map(|r| Rc::new(r.chart(&p.customer_service, *lang)))
    });

    let tally = servicescore::violations::tally(&pack.violations, &st.tally_counts())
        .map_err(|e| e.to_string());
    let texts: BTreeMap<String, String> = pack
        .violations
        .items
        .iter()
        .map(|v| (v.id.clone(), st.count_text(&v.id)))
        .collect();

    let intro = fill(
        CsText::Intro.get(lang),
        &[
            ("from", &rules.assessed_from.value),
            ("to", &rules.assessed_to.value),
            ("secs", &rules.reply_within_seconds.value.to_string()),
            ("window", &rules.reply_window_days.value.to_string()),
            ("target", &target_text(rules.reply_target_pct.value)),
        ],
    );

    // What the import status says about the log in use.
    let import_summary = match st.imported() {
        Some(imp) => html! {
            <p>{ fill(CsText::Imported.get(lang), &[
                ("name", &imp.name),
                ("n", &imp.log.len().to_string()),
                ("first", &imp.first_day.to_string()),
                ("last", &imp.last_day.to_string()),
            ]) }</p>
        },
        None => Html::default(),
    };

    let results = match (&*report, st.imported()) {
        (Some(Ok(r)), Some(imp)) => {
            let plan = match (plan_day, st.plan_bounds(), &*answer) {
                (Some(day), Some(bounds), Some(a)) => html! {
                    <PlanPanel day={day} last_day={imp.last_day} bounds={bounds} draft={st.plan_draft.clone()}
                        answer={a.clone()} lang={lang} onday={on_day}>
                        <StaffingList report={r.clone()} lang={lang} />
                    </PlanPanel>
                },
                _ => Html::default(),
            };
            // Grid areas (style.css): summary and "what it takes" side by side on wide screens,
            // the months under the summary, the days across; on phones in that order.
            html! {
                <div class="cs-grid">
                    <CsSummary report={r.clone()} lang={lang} />
                    { plan }
                    <section class="cs-card cs-days" data-testid="cs-days-card">
                        <h3>{ CsText::DaysHeading.get(lang) }</h3>
                        <p class="note">{ fill(CsText::DaysNote.get(lang), &[("window", &rules.reply_window_days.value.to_string())]) }</p>
                        if let Some(c) = &*chart {
                            <ChartCanvas<RateChart> chart={c.clone()} fmt={PageFormat::new(&pack, lang)} height={CHART_HEIGHT} testid="cs-chart" />
                        }
                        <DayTable report={r.clone()} lang={lang} />
                    </section>
                    <MonthTable report={r.clone()} lang={lang} />
                    if let Some(today) = crate::components::file_import::today() {
                        <LadderPanel report={r.clone()} today={today} lang={lang} />
                    }
                </div>
            }
        }
        (Some(Err(e)), _) => html! { <p class="cs-card error" role="alert">{ e }</p> },
        _ => {
            html! { <p class="cs-card cs-empty" data-testid="cs-empty">{ CsText::NoLogYet.get(lang) }</p> }
        }
    };

    html! {
        <div class="cs-view" data-testid="cs-view">
            <section class="cs-card cs-intro">
                <h2>{ CsText::Title.get(lang) }</h2>
                <p>{ intro }</p>
            </section>
            <section class="cs-card cs-import-card">
                <h3>{ CsText::ImportHeading.get(lang) }</h3>
                <p class="note">{ CsText::ImportHint.get(lang) }</p>
                <FileImport lang={lang} example="sessions-example.csv" template="sessions-template.csv"
                    onload={files.onload} testid="sessions" />
                <ImportStatus<Log> kind={Kind::Sessions} state={st.import.clone()} lang={lang}
                    onremove={files.onremove} summary={import_summary} />
            </section>
            { results }
            <ViolationTally tally={tally} texts={texts}
                invalid={st.count_drafts.keys().cloned().collect::<Vec<_>>()}
                dropped={st.counts_dropped.clone()} example_failed={st.example_failed.clone()}
                lang={lang} oncount={on_count} oncommit={on_commit} onexample={on_example}
                onreset={on_reset} ondismiss={on_dismiss} />
        </div>
    }
}
