//! The violation tally: the pack's 12 customer-service violations with a count box each, the
//! general and serious points (`violation-total`), the consequences triggered, and where the
//! serious points stand against the limit (100 → ¥20 000 and removal).

use std::collections::BTreeMap;

use servicescore::rulepack::{Severity, ViolationDef};
use servicescore::Tally;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::counts::MAX_COUNT;
use super::text::CsText;
use crate::i18n::{fill, Lang, Text};

/// The example counts, under the page's `examples/` (the CLI reads the same file).
pub const EXAMPLE: &str = "examples/violations-example.json";

/// Props of [`ViolationTally`].
#[derive(Properties, PartialEq, Clone)]
pub struct ViolationTallyProps {
    /// The core's tally of the counts (or why it failed, which valid counts never do).
    pub tally: Result<Tally, String>,
    /// Count box texts by violation id (what is typed, else the count).
    pub texts: BTreeMap<String, String>,
    /// Ids whose box holds a refused entry.
    pub invalid: Vec<String>,
    /// Why the stored counts were dropped.
    pub dropped: Option<String>,
    /// Why loading the example failed.
    pub example_failed: Option<String>,
    /// Page language.
    pub lang: Lang,
    /// A count box's text changed: `(violation id, text)`.
    pub oncount: Callback<(String, String)>,
    /// A count box was left: the violation id (its text becomes the count or is dropped).
    pub oncommit: Callback<String>,
    /// "Load the example counts" pressed.
    pub onexample: Callback<()>,
    /// "Reset the counts" pressed.
    pub onreset: Callback<()>,
    /// The notice dismissed.
    pub ondismiss: Callback<()>,
}

/// Severity in words.
pub fn severity_word(s: Option<Severity>, lang: Lang) -> &'static str {
    match s {
        Some(Severity::General) => CsText::SevGeneral.get(lang),
        Some(Severity::Serious) => CsText::SevSerious.get(lang),
        None => CsText::SevOther.get(lang),
    }
}

/// What one incident costs: points, or the consequence (from how many incidents).
pub fn each_text(v: &ViolationDef, lang: Lang) -> String {
    match (&v.points.value, &v.consequence) {
        (Some(p), _) => fill(Text::PointsValue.get(lang), &[("x", &p.to_string())]),
        (None, Some(c)) => {
            let what = c.get(lang.code());
            match v.consequence_from.as_ref().map(|f| f.value) {
                Some(n) if n > 1 => fill(
                    CsText::FromIncidents.get(lang),
                    &[("n", &n.to_string()), ("what", what)],
                ),
                _ => what.to_string(),
            }
        }
        (None, None) => "—".to_string(),
    }
}

/// The tally.
#[component]
pub fn ViolationTally(props: &ViolationTallyProps) -> Html {
    let lang = props.lang;
    let rules = &servicescore::RulePack::default_pack().violations;
    let on_example = props.onexample.reform(|_: MouseEvent| ());
    let on_reset = props.onreset.reform(|_: MouseEvent| ());
    let on_dismiss = props.ondismiss.reform(|_: MouseEvent| ());
    let notice = match (&props.dropped, &props.example_failed) {
        (Some(r), _) => Some(fill(CsText::CountsDropped.get(lang), &[("reason", r)])),
        (None, Some(r)) => Some(fill(CsText::ExampleFailed.get(lang), &[("reason", r)])),
        (None, None) => None,
    };
    let row = |v: &ViolationDef| {
        let id = v.id.clone();
        let item = props
            .tally
            .as_ref()
            .ok()
            .and_then(|t| t.items.iter().find(|i| i.id == v.id));
        let points = match (item, v.points.value) {
            (Some(i), Some(_)) => i.points.to_string(),
            _ => "—".to_string(),
        };
        let text = props.texts.get(&id).cloned().unwrap_or_else(|| "0".into());
        let invalid = props.invalid.contains(&id);
        let box_id = format!("cs-count-{id}");
        let msg_id = format!("cs-count-msg-{id}");
        let on_input = {
            let id = id.clone();
            props.oncount.reform(move |e: InputEvent| {
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                (id.clone(), v)
            })
        };
        let on_blur = {
            let id = id.clone();
            props.oncommit.reform(move |_: FocusEvent| id.clone())
        };
        let triggered = item.is_some_and(|i| i.consequence_triggered);
        html! {
            <tr data-testid="violation" data-violation={id.clone()} data-points={points.clone()}
                class={classes!(triggered.then_some("cs-triggered-row"))}>
                <td class="num">{ v.number }</td>
                <th scope="row"><label for={box_id.clone()}>{ v.names.get(lang.code()) }</label></th>
                <td>{ severity_word(v.severity, lang) }</td>
                <td>{ each_text(v, lang) }</td>
                <td class="cs-count-cell">
                    <input type="text" inputmode="numeric" id={box_id} class="cs-count"
                        data-testid="violation-count" data-violation={id.clone()}
                        value={text} aria-invalid={invalid.to_string()} aria-describedby={msg_id.clone()}
                        oninput={on_input} onblur={on_blur} />
                    <span id={msg_id} class="cs-field-message">
                        if invalid {
                            { fill(CsText::CountInvalid.get(lang), &[("max", &MAX_COUNT.to_string())]) }
                            { " — " }
                            { fill(Text::KeptLast.get(lang), &[("v", &item.map_or(0, |i| i.count).to_string())]) }
                        }
                    </span>
                </td>
                <td class="num cs-points">
                    <span class="cs-phone-label">{ CsText::ColPoints.get(lang) }{ " " }</span>{ points }
                </td>
            </tr>
        }
    };
    let totals = match &props.tally {
        Ok(t) => {
            let lim = &t.serious_limit;
            html! {
                <>
                <div class="cs-totals" data-testid="violation-total"
                    data-general={t.general_points.to_string()} data-serious={t.serious_points.to_string()}>
                    <div class="cs-total">
                        <span>{ CsText::TotalGeneral.get(lang) }</span>
                        <strong>{ t.general_points }</strong>
                    </div>
                    <div class={classes!("cs-total", lim.reached.then_some("cs-total-bad"))}>
                        <span>{ CsText::TotalSerious.get(lang) }</span>
                        <strong>{ format!("{} / {}", t.serious_points, lim.points) }</strong>
                    </div>
                </div>
                <p class={classes!("cs-limit", lim.reached.then_some("cs-limit-reached"))} data-testid="violation-limit"
                    data-remaining={lim.remaining.to_string()} data-reached={lim.reached.to_string()}>
                    if lim.reached {
                        <strong>{ fill(CsText::LimitReached.get(lang), &[("limit", &lim.points.to_string())]) }</strong>
                    } else {
                        { fill(CsText::LimitRemaining.get(lang), &[
                            ("n", &lim.remaining.to_string()), ("limit", &lim.points.to_string()),
                        ]) }
                    }
                    <br />
                    <span class="muted">{ lim.consequence.get(lang.code()) }</span>
                </p>
                <div class="cs-consequences">
                    <h4>{ CsText::Triggered.get(lang) }</h4>
                    if t.consequences.is_empty() {
                        <p class="muted" data-testid="violation-consequences">{ "—" }</p>
                    } else {
                        <ul data-testid="violation-consequences">
                            { for t.consequences.iter().map(|c| html! {
                                <li data-violation={c.id.clone()}>{ format!("{}. {}", c.number, c.consequence.get(lang.code())) }</li>
                            }) }
                        </ul>
                    }
                </div>
                </>
            }
        }
        Err(e) => html! { <p class="error">{ e }</p> },
    };
    html! {
        <section class="cs-card cs-violations" data-testid="cs-violations">
            <h3>{ CsText::ViolationsHeading.get(lang) }</h3>
            <p class="note">{ CsText::ViolationsIntro.get(lang) }</p>
            if let Some(n) = notice {
                <div class="notice notice-warn" role="status" data-testid="violations-notice">
                    <span>{ n }</span>
                    <button type="button" class="notice-close" aria-label={Text::Dismiss.get(lang)}
                        onclick={on_dismiss}>{ "×" }</button>
                </div>
            }
            <div class="cs-actions">
                <button type="button" class="small" onclick={on_example}
                    data-testid="violations-example">{ CsText::LoadExampleCounts.get(lang) }</button>
                <button type="button" class="small" onclick={on_reset}
                    data-testid="violations-reset">{ CsText::ResetCounts.get(lang) }</button>
            </div>
            <div class="cs-table-wrap" role="region" tabindex="0" aria-label={CsText::ViolationsHeading.get(lang)}>
                <table class="cs-table cs-vtable">
                    <thead>
                        <tr>
                            <th scope="col" class="num">{ CsText::ColNumber.get(lang) }</th>
                            <th scope="col">{ CsText::ColViolation.get(lang) }</th>
                            <th scope="col">{ CsText::ColSeverity.get(lang) }</th>
                            <th scope="col">{ CsText::ColEach.get(lang) }</th>
                            <th scope="col">{ CsText::ColCount.get(lang) }</th>
                            <th scope="col" class="num">{ CsText::ColPoints.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rules.items.iter().map(row) }</tbody>
                </table>
            </div>
            { totals }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_violation_says_what_it_costs() {
        let rules = &servicescore::RulePack::default_pack().violations;
        let texts: Vec<String> = rules.items.iter().map(|v| each_text(v, Lang::En)).collect();
        assert_eq!(texts.len(), 12);
        assert_eq!(texts[0], "2 pts");
        assert_eq!(
            texts[4],
            "from 3 incidents: Blacklist function suspended (no points)"
        );
        assert_eq!(texts[10], "Handled under the community rules");
        assert_eq!(severity_word(rules.items[5].severity, Lang::Zh), "严重");
        assert_eq!(
            severity_word(rules.items[11].severity, Lang::En),
            "Other rules"
        );
    }
}
