//! The projection view (180天走势预测): "from today my metrics are what the sliders say, before
//! today they were my baseline (or my imported records)" → the score published day by day over
//! the horizon, the first day each star level and threshold is reached, and the bad days of
//! the past leaving the window.
//!
//! The view keeps its own state in its own reducer ([`logic::ViewState`]: the import, the
//! horizon, the chosen past). The daily CSV goes through the page's one import subsystem
//! (`components::import`): parsed after "parsing…" is painted, kept in this browser and
//! restored on load, and a refused file never replaces the data in use. The page's state
//! (sliders, baseline) comes in as props and goes out only through [`Command::Load`]. Every
//! computation is in [`logic`] (pure).

pub mod controls;
pub mod deadline;
pub mod leaving_list;
pub mod logic;
pub mod reach_list;
pub mod texts;

use std::rc::Rc;

use jiff::civil::Date;
use servicescore::timeline::projection::BAD_DAY_MARGIN;
use servicescore::timeline::Plan;
use servicescore::{Scenario, Target};
use servicescore_charts::date::add_days;
use servicescore_charts::ProjectionChart;
use yew::prelude::*;

use crate::bridge::Command;
use crate::chart_data::PageFormat;
use crate::components::chart_canvas::ChartCanvas;
use crate::components::file_import::{FileImport, Loaded};
use crate::components::import::{self, use_parse_after_paint, ImportStatus, Kind};
use crate::format;
use crate::i18n::{core_problem_text, fill, Lang, Text};
use crate::packs::PackRef;
use crate::plans::Weights;
use controls::Controls;
use deadline::Deadline;
pub use deadline::{default_deadline_target, DEFAULT_DEADLINE_DAYS};
use leaving_list::LeavingList;
pub use logic::PackWindow;
use logic::{ByPtr, Daily, Imported, PastKind, Source, ViewAction, ViewState};
use reach_list::ReachList;
use texts::OutlookText;

/// Height of the projection chart (CSS pixels).
pub const CHART_HEIGHT: f64 = 280.0;

/// Props of [`ProjectionView`].
#[derive(Properties, PartialEq, Clone)]
pub struct ProjectionViewProps {
    /// The rule pack in use (built-in, imported, calibrated or edited).
    pub pack: PackRef,
    /// The current scenario (the sliders): the metrics from today on.
    pub scenario: Scenario,
    /// The pinned baseline.
    pub baseline: Option<Scenario>,
    /// The saved scenario.
    pub saved: Option<Scenario>,
    /// Page language.
    pub lang: Lang,
    /// What the view asks the page ("use the imported window as my sliders").
    pub oncommand: Callback<Command>,
    /// Whether the view is shown: a hidden view keeps its state but computes nothing.
    #[prop_or(true)]
    pub active: bool,
    /// Today, when not the browser's local date (tests, embedding pages).
    #[prop_or_default]
    pub today: Option<Date>,
    /// The user's effort weights (for the deadline plan).
    #[prop_or_default]
    pub weights: Weights,
}

/// The excluded dates for the past's description: `: 2026-07-03, 2026-09-15` (`：…、…` in
/// Chinese), at most five then `…`; empty when there is none.
pub fn excluded_dates(dates: &[Date], lang: Lang) -> String {
    const SHOWN: usize = 5;
    if dates.is_empty() {
        return String::new();
    }
    let mut list: Vec<String> = dates.iter().take(SHOWN).map(|d| d.to_string()).collect();
    if dates.len() > SHOWN {
        list.push("…".into());
    }
    match lang {
        Lang::Zh => format!("：{}", list.join("、")),
        _ => format!(": {}", list.join(", ")),
    }
}

/// Reads a daily CSV for the pack in use (the import hook's parse).
fn parse_daily(
    pack: &PackRef,
    l: &Loaded,
    today: Option<Date>,
) -> Result<Imported, import::Refused> {
    logic::read_import(pack, &l.name, &l.text, l.gb18030, today)
}

/// The projection view.
#[component]
pub fn ProjectionView(props: &ProjectionViewProps) -> Html {
    let pack = &*props.pack;
    let lang = props.lang;
    let view = use_reducer(ViewState::default);
    let today = *use_memo(props.today, |t| {
        t.unwrap_or_else(crate::browser::local_today)
    });

    // The pack in use and the industry: what every computation below depends on.
    let window = PackWindow {
        pack: props.pack.clone(),
        industry: props.scenario.industry.clone(),
    };
    let (kind, held) = logic::held(
        props.baseline.as_ref(),
        props.saved.as_ref(),
        &props.scenario,
    );
    let imported = match view.source {
        Source::Imported => view.imported().cloned(),
        Source::Baseline => None,
    };
    let past = use_memo(
        (
            window.clone(),
            imported.clone(),
            // A hidden view does not follow the sliders (it catches up when shown).
            (imported.is_none() && props.active).then(|| (kind, held.clone())),
            today,
            view.horizon,
        ),
        |(w, imported, held, today, horizon)| match (imported, held) {
            (Some(i), _) => Some(
                w.window()
                    .and_then(|w| logic::imported_past(&w, i, *horizon)),
            ),
            (None, Some((kind, s))) => Some(logic::held_past(&w.pack, *kind, s, *today)),
            // A hidden view without an import has no past (and shows nothing).
            (None, None) => None,
        },
    );
    // The only computation on a slider move: one projection (none while hidden).
    let outlook = use_memo(
        (
            window.clone(),
            ByPtr(past.clone()),
            props.active.then(|| props.scenario.clone()),
            view.horizon,
            lang,
        ),
        |(w, past, scenario, horizon, lang)| {
            let scenario = scenario.as_ref()?;
            Some(match (w.window(), past.0.as_ref().as_ref()?) {
                (Ok(w), Ok(p)) => logic::outlook(&w, p, scenario, *horizon, *lang),
                (Err(e), _) => Err(e),
                (_, Err(e)) => Err(e.clone()),
            })
        },
    );

    // Reach a target by a date: the least-effort plan whose score published on the date
    // meets the target, over the same past as the outlook (the imported days, or the held
    // scenario). Computed only while shown; memoised on its inputs.
    let chosen_target = use_state(|| None::<String>);
    let chosen_by = use_state(|| None::<Date>);
    let reach_rows = match &*outlook {
        Some(Ok(o)) => o.reach.clone(),
        _ => Vec::new(),
    };
    let target_key = (*chosen_target)
        .clone()
        .filter(|k| reach_rows.iter().any(|r| r.key == *k))
        .or_else(|| default_deadline_target(&reach_rows));
    let plan_start = match &*past {
        Some(Ok(p)) => Some(p.start),
        _ => None,
    };
    // A chosen date before the first planned day is kept: the planner's refusal says why.
    let by = plan_start.map(|s| (*chosen_by).unwrap_or_else(|| add_days(s, DEFAULT_DEADLINE_DAYS)));
    let deadline = use_memo(
        (
            window.clone(),
            ByPtr(past.clone()),
            props.active.then(|| props.scenario.clone()),
            target_key.clone(),
            by,
            props.weights.clone(),
        ),
        |(w, past, scenario, key, by, weights)| {
            let pack = &*w.pack;
            let (Ok(win), Some(Ok(p)), Some(s), Some(key), Some(by)) =
                (w.window(), &*past.0, scenario, key, by)
            else {
                return None;
            };
            let target = Target::parse(key, pack).ok()?;
            Some(servicescore::plan::plan_by(
                &win,
                &p.history,
                p.start,
                *by,
                &s.values(pack),
                &target,
                &weights.moves(pack),
            ))
        },
    );
    // The plan drawn on the chart: its values held from today, over the same horizon.
    let planned_chart = use_memo(
        (
            window.clone(),
            ByPtr(past.clone()),
            ByPtr(outlook.clone()),
            ByPtr(deadline.clone()),
            props.scenario.clone(),
            view.horizon,
        ),
        |(w, past, outlook, deadline, scenario, horizon)| {
            let chart = match &*outlook.0 {
                Some(Ok(o)) => o.chart.clone()?,
                _ => return None,
            };
            let plan = match &*deadline.0 {
                Some(Ok(d)) if d.plan.reachable && !d.plan.changes.is_empty() => &d.plan,
                _ => return Some(chart),
            };
            let (Ok(w), Some(Ok(p))) = (w.window(), &*past.0) else {
                return Some(chart);
            };
            let mut planned = scenario.clone();
            for c in &plan.changes {
                planned.metrics.insert(c.metric.clone(), Some(c.to));
            }
            let Ok(projected) = w.project(
                &p.history,
                &Plan::hold(p.start, &planned),
                p.start,
                *horizon,
            ) else {
                return Some(chart);
            };
            let mut c = (*chart).clone();
            c.plan = crate::chart_data::plan_line(&projected);
            Some(Rc::new(c))
        },
    );
    let on_deadline_target = use_callback(chosen_target.clone(), |k: String, t| t.set(Some(k)));
    let on_deadline_by = use_callback(chosen_by.clone(), |d: Date, b| b.set(Some(d)));

    // Import: "parsing…" first, the parse after the browser has painted it; a file imported
    // is kept in this browser, the kept one restored at mount (the hook's effects, never the
    // reducer). Callbacks are memoised so that the children they go to do not re-render on
    // every slider move.
    let on_import = use_callback(view.dispatcher(), |a: import::Action<Daily>, d| {
        d.dispatch(ViewAction::Import(a))
    });
    let files = use_parse_after_paint(Kind::Daily, props.pack.clone(), parse_daily, on_import);
    let on_use_window = use_callback(
        (
            props.oncommand.clone(),
            window.clone(),
            view.imported().cloned(),
        ),
        |(), (d, window, imported)| {
            if let (Ok(w), Some(i)) = (window.window(), imported) {
                if let Ok(s) = logic::window_scenario(&w, i) {
                    d.emit(Command::Load { scenario: s });
                }
            }
        },
    );
    let on_source = use_callback(view.dispatcher(), |s, d| {
        d.dispatch(ViewAction::SetSource(s))
    });
    let on_horizon = use_callback(view.dispatcher(), |h, d| {
        d.dispatch(ViewAction::SetHorizon(h))
    });

    let (past_kind, start) = match &*past {
        Some(Ok(p)) => (Some(p.kind), Some(p.start)),
        _ => (None, None),
    };
    let first_score = match &*outlook {
        Some(Ok(o)) => o.first_score.clone().unwrap_or_else(|| "—".into()),
        _ => "—".into(),
    };
    let past_text = match (past_kind, &imported) {
        (Some(PastKind::Imported), Some(i)) => fill(
            OutlookText::PastImported.get(lang),
            &[
                ("name", &i.name),
                ("first", &i.first.to_string()),
                ("last", &i.last.to_string()),
                ("rows", &i.rows.to_string()),
                ("excluded", &i.excluded.len().to_string()),
                ("dates", &excluded_dates(&i.excluded, lang)),
            ],
        ),
        (Some(PastKind::Pinned), _) => fill(
            OutlookText::PastPinned.get(lang),
            &[("score", &first_score)],
        ),
        (Some(PastKind::Saved), _) => {
            fill(OutlookText::PastSaved.get(lang), &[("score", &first_score)])
        }
        _ => OutlookText::PastCurrent.get(lang).to_string(),
    };
    let today_text = start.map(|d| {
        let key = if past_kind == Some(PastKind::Imported) {
            OutlookText::TodayImported
        } else {
            OutlookText::TodayLocal
        };
        fill(key.get(lang), &[("date", &d.to_string())])
    });
    // What the import status says about the file in use (its rows), and the view's own
    // action on it: the button that puts its window into the sliders.
    let import_summary = match view.imported() {
        Some(i) => html! {
            <p data-testid="import-done">{ fill(Text::ImportDone.get(lang), &[("name", &i.name), ("n", &i.rows.to_string())]) }</p>
        },
        None => Html::default(),
    };
    let use_window = match view.imported() {
        Some(i) => html! {
            <>
            <button type="button" class="small" data-testid="use-window"
                onclick={on_use_window.reform(|_: MouseEvent| ())}>{ OutlookText::UseWindow.get(lang) }</button>
            <p class="note">{ fill(OutlookText::UseWindowHint.get(lang), &[("date", &i.start().to_string())]) }</p>
            </>
        },
        None => Html::default(),
    };
    let window_days = window.window().map_or(180, |w| w.days());

    html! {
        <section class="projection" aria-labelledby="projection-heading" data-testid="projection">
            <h2 id="projection-heading">{ OutlookText::Heading.get(lang) }</h2>
            <p class="note">{ OutlookText::Intro.get(lang) }</p>
            <Controls source={view.source} has_import={view.imported().is_some()} horizon={view.horizon}
                lang={lang} onsource={on_source} onhorizon={on_horizon} />
            <p class="proj-past" data-testid="past-source" data-kind={past_kind.map(PastKind::as_str)}>{ past_text }</p>
            if let Some(t) = today_text {
                <p class="proj-today" data-testid="today" data-date={start.map(|d| d.to_string())}>{ t }</p>
            }
            { match &*outlook {
                None => html! {},
                Some(Ok(o)) => html! {
                    <>
                        if let Some(c) = (*planned_chart).clone().or_else(|| o.chart.clone()) {
                            <ChartCanvas<ProjectionChart> chart={c} fmt={PageFormat::new(pack, lang)} height={CHART_HEIGHT} testid="projection-chart" />
                        }
                        if let (Some(a), Some(b)) = (&o.first_score, &o.last_score) {
                            <p class="proj-run" data-testid="score-run">{ fill(OutlookText::ScoreRun.get(lang), &[
                                ("a", a),
                                ("b", b),
                                ("date", &add_days(o.start, i32::try_from(o.horizon).unwrap_or(1) - 1).to_string()),
                            ]) }</p>
                        }
                        if let (Some(key), Some(by), Some(start)) = (target_key.clone(), by, plan_start) {
                            <Deadline pack={props.pack.clone()} targets={o.reach.clone()} target={AttrValue::from(key)} by={by} start={start}
                                answer={(*deadline).clone()} lang={lang} ontarget={on_deadline_target.clone()}
                                onby={on_deadline_by.clone()} oncommand={props.oncommand.clone()} />
                        }
                        <h3>{ OutlookText::ReachHeading.get(lang) }</h3>
                        <ReachList rows={o.reach.clone()} horizon={o.horizon} lang={lang} />
                        <h3>{ OutlookText::LeavingHeading.get(lang) }</h3>
                        <p class="note">{ match o.median_day_score {
                            Some(m) => fill(OutlookText::LeavingNote.get(lang), &[
                                ("median", &format::score_at(m, 2, lang)),
                                ("margin", &format::number(BAD_DAY_MARGIN, lang)),
                                ("days", &(window_days + 1).to_string()),
                            ]),
                            None => fill(OutlookText::LeavingNoteShort.get(lang), &[
                                ("margin", &format::number(BAD_DAY_MARGIN, lang)),
                                ("days", &(window_days + 1).to_string()),
                            ]),
                        } }</p>
                        <LeavingList rows={o.leaving.clone()} lang={lang} />
                    </>
                },
                Some(Err(e)) => html! {
                    <p class="error" role="alert">{ fill(OutlookText::CannotProject.get(lang), &[("e", &core_problem_text(e, lang))]) }</p>
                },
            } }
            <h3>{ OutlookText::ImportHeading.get(lang) }</h3>
            <p class="note">{ OutlookText::ImportHint.get(lang) }</p>
            <FileImport lang={lang} example="daily-example.csv" template="daily-template.csv"
                onload={files.onload} testid="daily" />
            <ImportStatus<Daily> kind={Kind::Daily} state={view.import.clone()} lang={lang}
                onremove={files.onremove} summary={import_summary}>
                { use_window }
            </ImportStatus<Daily>>
        </section>
    }
}

#[cfg(test)]
mod tests;
