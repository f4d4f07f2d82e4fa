//! The rule pack tools for help-centre authors and careful merchants (SPEC §7): import a pack
//! file, export the pack in use, edit one industry's benchmark table, and go back to the
//! default rules.
//!
//! The page does not judge a pack itself: an imported file goes to the shell as
//! [`Command::UsePack`], which validates it exactly as the command line's `--pack FILE` does
//! and words a refusal in the page's language. The benchmark editor keeps a draft table and
//! checks it with the core's own validation ([`RulePack::validate`]) after every typed value,
//! so a knot list that stops being strictly monotone is named at once and cannot be used; the
//! pack in use changes only when the user applies a valid table. The edited knots are tagged
//! `user` and the pack is kept in this browser (the shell stores user packs, never in a URL).
//!
//! Decision where the spec is silent: the editor edits the industry selected in the header
//! (the one the score is computed for), and an edited pack gets the id `<id>-edited` and a
//! title saying "edited", so it is never mistaken for the built-in pack it came from.

use std::collections::BTreeMap;

use servicescore::rulepack::{Better, MetricDef, Provenance, Sourced};
use servicescore::{Error, RulePack};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::bridge::Command;
use crate::components::number_box::{NumberBox, Refusal};
use crate::format;
use crate::i18n::{fill, Lang};
use crate::packs::PackRef;

mod text;
pub use text::PackText;

/// Pack files larger than this are refused before reading (the built-in packs are ~40 KB).
pub const MAX_PACK_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// The draft benchmark table: metric id → knots, worst to best.
pub type Table = BTreeMap<String, Vec<f64>>;

/// The industry's benchmark table as the pack has it.
pub fn table_of(pack: &RulePack, industry: &str) -> Table {
    pack.benchmarks
        .get(industry)
        .map(|t| {
            t.iter()
                .map(|(k, v)| (k.clone(), v.value.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// The pack with `industry`'s knots replaced by `table` where they differ (each changed knot
/// list tagged `user`), its id and title marked as edited, checked by the core's validation.
///
/// # Errors
///
/// The core's validation error, naming the path of the first constant that is wrong
/// (`benchmarks.general.review_score: knots must increase`).
pub fn edited(pack: &RulePack, industry: &str, table: &Table) -> Result<RulePack, Error> {
    let mut p = pack.clone();
    let Some(knots) = p.benchmarks.get_mut(industry) else {
        return Err(Error::field(format!("benchmarks.{industry}"), "missing"));
    };
    for (metric, values) in table {
        if let Some(k) = knots.get_mut(metric) {
            if &k.value != values {
                *k = Sourced {
                    value: values.clone(),
                    provenance: Provenance::User,
                    source: Some("edited in the page's benchmark editor".into()),
                };
            }
        }
    }
    if !p.id.ends_with("-edited") {
        p.id = format!("{}-edited", p.id);
        for (lang, name) in [
            (Lang::Zh, &mut p.title.zh),
            (Lang::En, &mut p.title.en),
            (Lang::Es, &mut p.title.es),
        ] {
            name.push_str(PackText::EditedSuffix.get(lang));
        }
    }
    p.validate()?;
    Ok(p)
}

/// The editor's message for a validation error: the metric's rule in the page's words when the
/// error is about one of its knot lists, the path otherwise.
pub fn problem_text(pack: &RulePack, industry: &str, e: &Error, lang: Lang) -> String {
    let place = e.place();
    let prefix = format!("benchmarks.{industry}.");
    let metric = place.strip_prefix(&prefix).and_then(|id| pack.metric(id));
    match metric {
        Some(m) => {
            let key = match m.better {
                Better::Higher => PackText::MustRise,
                Better::Lower => PackText::MustFall,
            };
            fill(
                key.get(lang),
                &[
                    ("metric", m.names.get(lang.code())),
                    ("min", &format::number(m.range[0], lang)),
                    ("max", &format::number(m.range[1], lang)),
                ],
            )
        }
        None => fill(PackText::Invalid.get(lang), &[("place", &place)]),
    }
}

/// Props of [`PackTools`].
#[derive(Properties, PartialEq, Clone)]
pub struct PackToolsProps {
    /// The pack in use.
    pub pack: PackRef,
    /// The industry selected in the header.
    pub industry: AttrValue,
    /// Whether the pack in use is the user's (imported, edited, calibrated).
    pub user_pack: bool,
    /// Page language.
    pub lang: Lang,
    /// Sends the chosen pack to the shell.
    pub oncommand: Callback<Command>,
}

/// Saves `text` as a file named `name` (a same-document `blob:` link, no request).
fn download(name: &str, text: &str) {
    let blob = gloo_file::Blob::new_with_options(text, Some("application/json"));
    let url = gloo_file::ObjectUrl::from(blob);
    let doc = web_sys::window().and_then(|w| w.document());
    if let Some(a) = doc
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlAnchorElement>(e).ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // Revoked once the click has been handled.
    gloo::timers::callback::Timeout::new(1000, move || drop(url)).forget();
}

/// The pack tools.
#[component]
pub fn PackTools(props: &PackToolsProps) -> Html {
    let lang = props.lang;
    let pack = props.pack.clone();
    let industry = props.industry.to_string();
    let file_problem = use_state(|| None::<String>);
    let draft = use_state(|| table_of(&pack, &industry));
    // A cell's refusal (not a number, out of range), by the cell's id.
    let refusals = use_state(BTreeMap::<String, (Refusal, f64, f64, f64)>::new);
    {
        let draft = draft.clone();
        let refusals = refusals.clone();
        use_effect_with((pack.clone(), industry.clone()), move |(p, i)| {
            draft.set(table_of(p, i));
            refusals.set(BTreeMap::new());
        });
    }

    let on_file = {
        let cb = props.oncommand.clone();
        let file_problem = file_problem.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let name = file.name();
            if file.size() > MAX_PACK_BYTES {
                file_problem.set(Some(fill(
                    PackText::FileTooLarge.get(lang),
                    &[("name", &name), ("mb", "2")],
                )));
                return;
            }
            let cb = cb.clone();
            let file_problem = file_problem.clone();
            spawn_local(async move {
                let blob = gloo_file::Blob::from(web_sys::Blob::from(file));
                match gloo_file::futures::read_as_text(&blob).await {
                    Ok(json) => {
                        file_problem.set(None);
                        cb.emit(Command::UsePack {
                            json,
                            origin: "imported".into(),
                            label: Some(name),
                        });
                    }
                    Err(_) => file_problem.set(Some(fill(
                        PackText::FileUnreadable.get(lang),
                        &[("name", &name)],
                    ))),
                }
            });
        })
    };
    let on_export = {
        let pack = pack.clone();
        Callback::from(move |_| download(&format!("{}.json", pack.id), &pack.to_json()))
    };
    let on_default = {
        let cb = props.oncommand.clone();
        let id = RulePack::default_pack().id.clone();
        Callback::from(move |_| cb.emit(Command::UseBuiltin { id: id.clone() }))
    };

    let original = table_of(&pack, &industry);
    let changed = *draft != original;
    let checked = edited(&pack, &industry, &draft);
    let problem = match &checked {
        Err(e) if changed => Some(problem_text(&pack, &industry, e, lang)),
        _ => None,
    };
    let on_apply = {
        let cb = props.oncommand.clone();
        let json = checked.as_ref().ok().map(RulePack::to_json);
        Callback::from(move |_| {
            if let Some(json) = json.clone() {
                cb.emit(Command::UsePack {
                    json,
                    origin: "edited".into(),
                    label: None,
                });
            }
        })
    };
    let on_discard = {
        let draft = draft.clone();
        let refusals = refusals.clone();
        let original = original.clone();
        Callback::from(move |_| {
            draft.set(original.clone());
            refusals.set(BTreeMap::new());
        })
    };

    let ind_name = pack
        .industries
        .iter()
        .find(|i| i.id == industry)
        .map_or(industry.clone(), |i| i.names.get(lang.code()).to_string());
    let percents: Vec<String> = pack
        .percentiles
        .value
        .iter()
        .map(|p| format::number(p * 100.0, Lang::En))
        .collect();

    let row = |m: &MetricDef| {
        let knots = draft.get(&m.id).cloned().unwrap_or_default();
        let name = m.names.get(lang.code()).to_string();
        let cells = knots.iter().enumerate().map(|(i, v)| {
            let id = format!("knot-{}-{i}", m.id);
            let onvalue = {
                let draft = draft.clone();
                let metric = m.id.clone();
                Callback::from(move |v: f64| {
                    let mut t = (*draft).clone();
                    if let Some(k) = t.get_mut(&metric).and_then(|k| k.get_mut(i)) {
                        *k = v;
                    }
                    draft.set(t);
                })
            };
            let onrefusal = {
                let refusals = refusals.clone();
                let id = id.clone();
                let (lo, hi) = (m.range[0], m.range[1]);
                Callback::from(move |r: Option<(Refusal, f64)>| {
                    let mut all = (*refusals).clone();
                    match r {
                        Some((r, kept)) => all.insert(id.clone(), (r, kept, lo, hi)),
                        None => all.remove(&id),
                    };
                    refusals.set(all);
                })
            };
            let label = fill(
                PackText::KnotLabel.get(lang),
                &[
                    ("metric", &name),
                    ("p", &percents[i.min(percents.len() - 1)]),
                ],
            );
            html! {
                <td>
                    <label class="visually-hidden" for={id.clone()}>{ label }</label>
                    <NumberBox id={AttrValue::from(id.clone())} value={*v}
                        text={AttrValue::from(format::number(*v, lang))}
                        min={m.range[0]} max={m.range[1]} {onvalue} {onrefusal}
                        invalid={refusals.contains_key(&id)} />
                </td>
            }
        });
        html! {
            <tr key={m.id.clone()}>
                <th scope="row">{ name.clone() }</th>
                { for cells }
            </tr>
        }
    };
    let refusal_texts = refusals.iter().map(|(_, (r, kept, lo, hi))| {
        let kept = format::number(*kept, lang);
        match r {
            Refusal::OutOfRange => fill(
                PackText::OutOfRange.get(lang),
                &[
                    ("min", &format::number(*lo, lang)),
                    ("max", &format::number(*hi, lang)),
                    ("kept", &kept),
                ],
            ),
            _ => fill(PackText::NotANumber.get(lang), &[("kept", &kept)]),
        }
    });
    let has_table = !draft.is_empty();

    html! {
        <details class="pack-tools" data-testid="pack-tools">
            <summary><h2>{ PackText::Title.get(lang) }</h2></summary>
            <p data-testid="pack-tools-in-use">{ fill(PackText::InUse.get(lang), &[("title", pack.title.get(lang.code()))]) }</p>
            <div class="pack-tools-row">
                <label class="button small">
                    { PackText::Import.get(lang) }
                    <input type="file" class="visually-hidden" accept=".json,application/json"
                        data-testid="pack-file" onchange={on_file} />
                </label>
                <button type="button" class="small" data-testid="pack-export" onclick={on_export}>
                    { PackText::Export.get(lang) }
                </button>
                if props.user_pack {
                    <button type="button" class="small" data-testid="pack-default" onclick={on_default}>
                        { PackText::BackToDefault.get(lang) }
                    </button>
                }
            </div>
            <p class="hint">{ PackText::ImportHelp.get(lang) }</p>
            if let Some(p) = (*file_problem).clone() {
                <p class="bad" role="alert" data-testid="pack-file-problem">{ p }</p>
            }
            <h3>{ fill(PackText::EditTitle.get(lang), &[("industry", &ind_name)]) }</h3>
            if has_table {
                <p class="hint">{ PackText::EditHelp.get(lang) }</p>
                <div class="table-wrap" role="region" tabindex="0"
                    aria-label={fill(PackText::EditTitle.get(lang), &[("industry", &ind_name)])}>
                    <table class="knots" data-testid="knot-table">
                        <thead><tr>
                            <th scope="col">{ PackText::Metric.get(lang) }</th>
                            { for percents.iter().map(|p| html! { <th scope="col">{ format!("P{p}") }</th> }) }
                        </tr></thead>
                        <tbody>{ for pack.metrics.iter().map(row) }</tbody>
                    </table>
                </div>
                <div role="status" aria-live="polite">
                    if let Some(p) = problem.clone() {
                        <p class="bad" data-testid="knot-problem">{ p }</p>
                    }
                    { for refusal_texts.map(|t| html! { <p class="bad" data-testid="knot-refusal">{ t }</p> }) }
                </div>
                <div class="pack-tools-row">
                    <button type="button" data-testid="pack-edit-apply" onclick={on_apply}
                        disabled={!changed || problem.is_some()}>{ PackText::Apply.get(lang) }</button>
                    <button type="button" class="small" data-testid="pack-edit-discard" onclick={on_discard}
                        disabled={!changed}>{ PackText::Discard.get(lang) }</button>
                </div>
            } else {
                <p class="hint">{ PackText::NoTable.get(lang) }</p>
            }
        </details>
    }
}

#[cfg(test)]
mod tests;
