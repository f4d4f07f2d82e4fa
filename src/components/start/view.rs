//! The getting-started view: the kind of business (and whether the service score covers
//! it), the customer-service mode (and what each one brings), and the checklist, ticks kept
//! in this browser's localStorage.

use servicescore::RulePack;
use yew::prelude::*;

use super::items::{Article, Business, Checklist, CsMode, BACKUP_KEY, ITEMS, KEY};
use super::text::StartText;
use crate::bridge::Command;
use crate::browser;
use crate::components::cs::report::target_text;
use crate::i18n::{fill, Lang};
use crate::packs::PackRef;

/// Props of [`StartView`].
#[derive(Properties, PartialEq, Clone)]
pub struct StartViewProps {
    /// The pack in use (industries, customer-service rules, document titles).
    pub pack: PackRef,
    /// The scenario's industry.
    pub industry: AttrValue,
    /// Page language.
    pub lang: Lang,
    /// Sends a command to the shell (switch view, set the industry).
    pub oncommand: Callback<Command>,
}

/// What the view holds.
#[derive(Clone, PartialEq, Default)]
struct Held {
    list: Checklist,
    /// Read from storage yet (nothing is written before).
    loaded: bool,
    /// Changed by the user since loading.
    dirty: bool,
    /// Why the stored checklist could not be read.
    problem: Option<String>,
}

/// A document's title in the pack in use, else in the default pack.
fn doc_title(pack: &RulePack, id: &str, lang: Lang) -> String {
    pack.sources
        .iter()
        .chain(RulePack::default_pack().sources.iter())
        .find(|d| d.id == id)
        .map(|d| d.title.get(lang.code()).to_string())
        .unwrap_or_default()
}

fn article_title(pack: &RulePack, a: Article, lang: Lang) -> String {
    match a {
        Article::Join => StartText::ArticleJoin.get(lang).to_string(),
        Article::Fees => StartText::ArticleFees.get(lang).to_string(),
        Article::CsRules => doc_title(pack, "cs-rules", lang),
    }
}

/// The view.
#[component]
pub fn StartView(props: &StartViewProps) -> Html {
    let lang = props.lang;
    let pack: &RulePack = &props.pack;
    let held = use_state(Held::default);
    {
        let held = held.clone();
        use_effect_with((), move |_| {
            let (list, problem) = match browser::storage_get(KEY) {
                None => (Checklist::new(), None),
                Some(raw) => match Checklist::decode(&raw) {
                    Ok(l) => (l, None),
                    Err(e) => {
                        // Kept, never lost: the unreadable text goes to the backup key.
                        browser::storage_set(BACKUP_KEY, &raw);
                        (Checklist::new(), Some(e))
                    }
                },
            };
            held.set(Held {
                list,
                loaded: true,
                dirty: false,
                problem,
            });
        });
    }
    use_effect_with(((*held).clone(),), |(h,)| {
        if h.loaded && h.dirty {
            browser::storage_set(KEY, &h.list.encode());
        }
    });
    let update = {
        let held = held.clone();
        move |f: &dyn Fn(&mut Checklist)| {
            let mut h = (*held).clone();
            f(&mut h.list);
            h.dirty = true;
            held.set(h);
        }
    };
    let applicable: Vec<_> = pack
        .industries
        .iter()
        .filter(|i| i.applicable.value)
        .collect();
    let first_ok = applicable.first().map(|i| i.id.clone()).unwrap_or_default();
    let industry = use_state(|| {
        if applicable.iter().any(|i| *i.id == *props.industry) {
            props.industry.to_string()
        } else {
            first_ok.clone()
        }
    });
    let on_business = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(b) = Business::from_code(&v) {
                update(&move |l: &mut Checklist| l.business = b);
            }
        })
    };
    let on_industry = {
        let industry = industry.clone();
        Callback::from(move |e: Event| {
            industry.set(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            )
        })
    };
    let to_score = {
        let cb = props.oncommand.clone();
        let industry = industry.clone();
        Callback::from(move |_| {
            cb.emit(Command::SetIndustry {
                industry: (*industry).clone(),
            });
            cb.emit(Command::SetView {
                view: "score".into(),
            });
        })
    };
    let to_cs = {
        let cb = props.oncommand.clone();
        Callback::from(move |_| cb.emit(Command::SetView { view: "cs".into() }))
    };
    let on_mode = |m: CsMode| {
        let update = update.clone();
        Callback::from(move |_: Event| update(&move |l: &mut Checklist| l.cs_mode = Some(m)))
    };
    let on_clear = {
        let update = update.clone();
        Callback::from(move |_| update(&|l: &mut Checklist| l.done.clear()))
    };
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let list = &held.list;
    let business_select = crate::hooks::use_select_value(list.business.code().to_string());
    let industry_select = crate::hooks::use_select_value((*industry).clone());
    let rules_title = doc_title(pack, "rule-2022", lang);
    let scope = if list.business.scored() {
        html! {
            <div class="start-scope start-scope-scored" data-testid="start-score-scope" data-scored="true">
                <p>{ fill(StartText::ScopeGoods.get(lang), &[("rules", &rules_title)]) }</p>
                <div class="start-row">
                    <label for="start-industry">{ StartText::IndustryLabel.get(lang) }</label>
                    <select ref={industry_select} id="start-industry" data-testid="start-industry" onchange={on_industry}>
                        { for applicable.iter().map(|i| html! {
                            <option value={i.id.clone()} selected={*industry == i.id}>{ i.names.get(lang.code()) }</option>
                        }) }
                    </select>
                    <button type="button" class="start-go" data-testid="start-to-score" onclick={to_score}>
                        { StartText::ToScore.get(lang) }</button>
                </div>
            </div>
        }
    } else {
        html! {
            <div class="start-scope start-scope-excluded" data-testid="start-score-scope" data-scored="false" role="status">
                <p><strong>{ fill(StartText::ScopeExcluded.get(lang), &[("rules", &rules_title)]) }</strong></p>
                <p>{ StartText::ScopeExcludedApplies.get(lang) }</p>
            </div>
        }
    };
    let r = &pack.customer_service;
    let merchant_text = fill(
        StartText::CsMerchantText.get(lang),
        &[
            ("from", &r.assessed_from.value),
            ("to", &r.assessed_to.value),
            ("secs", &r.reply_within_seconds.value.to_string()),
            ("window", &r.reply_window_days.value.to_string()),
            ("target", &target_text(r.reply_target_pct.value)),
            ("exam", &r.exam_deadline_days.value.to_string()),
            ("limit", &r.traffic_limit_min_days.value.to_string()),
        ],
    );
    let cs_title = doc_title(pack, "cs-rules", lang);
    let mode_text = match list.cs_mode {
        None => Html::default(),
        Some(CsMode::Platform) => html! {
            <p data-testid="start-cs-text" data-mode="platform">{ StartText::CsPlatformText.get(lang) }</p>
        },
        Some(CsMode::Merchant) => html! {
            <div data-testid="start-cs-text" data-mode="merchant">
                <p>{ merchant_text }</p>
                <button type="button" class="start-go" data-testid="start-to-cs" onclick={to_cs}>{ StartText::ToCs.get(lang) }</button>
            </div>
        },
    };
    let done = ITEMS.iter().filter(|i| list.done.contains(i.id)).count();
    html! {
        <div class="start-view" data-testid="start-view">
            <section class="start-card">
                <h2>{ StartText::Title.get(lang) }</h2>
                <p>{ StartText::Intro.get(lang) }</p>
                if let Some(reason) = &held.problem {
                    <p class="error" role="alert" data-testid="start-corrupt">{ fill(StartText::Corrupt.get(lang), &[("reason", reason)]) }</p>
                }
                if !browser::storage_available() {
                    <p class="note" role="status">{ StartText::NoStorage.get(lang) }</p>
                }
            </section>
            <section class="start-card" aria-labelledby="start-business-heading">
                <h3 id="start-business-heading">{ StartText::BusinessHeading.get(lang) }</h3>
                <div class="start-row">
                    <label for="start-business">{ StartText::BusinessLabel.get(lang) }</label>
                    <select ref={business_select} id="start-business" data-testid="start-business" onchange={on_business}>
                        { for Business::ALL.into_iter().map(|b| html! {
                            <option value={b.code()} selected={list.business == b}>{ match b {
                                Business::Goods => StartText::BusinessGoods.get(lang),
                                Business::LocalLife => StartText::BusinessLocalLife.get(lang),
                                Business::Outdoor => StartText::BusinessOutdoor.get(lang),
                            } }</option>
                        }) }
                    </select>
                </div>
                { scope }
            </section>
            <section class="start-card" aria-labelledby="start-cs-heading">
                <h3 id="start-cs-heading">{ StartText::CsHeading.get(lang) }</h3>
                <fieldset class="start-modes">
                    <legend class="visually-hidden">{ StartText::CsHeading.get(lang) }</legend>
                    <label><input type="radio" name="start-cs-mode" value="platform" data-testid="start-cs-mode"
                        checked={list.cs_mode == Some(CsMode::Platform)} onchange={on_mode(CsMode::Platform)} />
                        { StartText::CsPlatform.get(lang) }</label>
                    <label><input type="radio" name="start-cs-mode" value="merchant" data-testid="start-cs-mode"
                        checked={list.cs_mode == Some(CsMode::Merchant)} onchange={on_mode(CsMode::Merchant)} />
                        { StartText::CsMerchant.get(lang) }</label>
                </fieldset>
                { mode_text }
                <p class="note">{ StartText::CsSwitch.get(lang) }</p>
                <p class="cite">{ fill(StartText::Source.get(lang), &[("title", &cs_title)]) }</p>
            </section>
            <section class="start-card start-checklist" aria-labelledby="start-list-heading">
                <h3 id="start-list-heading">{ StartText::ChecklistHeading.get(lang) }</h3>
                <p data-testid="start-progress" aria-live="polite">{ fill(StartText::Progress.get(lang), &[("done", &done.to_string()), ("total", &ITEMS.len().to_string())]) }</p>
                <ol class="start-items">
                    { for ITEMS.iter().map(|item| {
                        let on = list.done.contains(item.id);
                        let onchange = {
                            let update = update.clone();
                            let id = item.id;
                            Callback::from(move |e: Event| {
                                let checked = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
                                update(&move |l: &mut Checklist| l.set(id, checked));
                            })
                        };
                        let cb_id = format!("start-check-{}", item.id);
                        let sources: Vec<String> = item.sources.iter().map(|a| article_title(pack, *a, lang)).collect();
                        html! {
                            <li id={format!("start-{}", item.id)} class={classes!("start-item", on.then_some("done"))}
                                data-testid="start-item" data-item={item.id} data-done={on.to_string()}>
                                <input type="checkbox" id={cb_id.clone()} checked={on} {onchange} />
                                <div>
                                    <label for={cb_id}><strong>{ item.title.get(lang) }</strong></label>
                                    <a class="start-anchor" href={format!("?view=start#start-{}", item.id)}
                                        aria-label={format!("{}: {}", StartText::ItemLink.get(lang), item.title.get(lang))}>{ "#" }</a>
                                    <p>{ item.text.get(lang) }</p>
                                    <p class="cite">{ fill(StartText::Source.get(lang), &[("title", &sources.join("; "))]) }</p>
                                </div>
                            </li>
                        }
                    }) }
                </ol>
                <div class="start-actions">
                    <button type="button" data-testid="start-print" onclick={on_print}>{ StartText::Print.get(lang) }</button>
                    <button type="button" data-testid="start-clear" onclick={on_clear}>{ StartText::Clear.get(lang) }</button>
                </div>
            </section>
        </div>
    }
}
