//! "About this model": the rule text it rests on, and every constant with its provenance.

use servicescore::RulePack;
use yew::prelude::*;

use crate::components::tag::Tag;
use crate::format;
use crate::i18n::{fill, Lang, Text};

/// Props of [`About`].
#[derive(Properties, PartialEq, Clone)]
pub struct AboutProps {
    /// Industry whose benchmarks are listed.
    pub industry: AttrValue,
    /// Page language.
    pub lang: Lang,
    /// Start open.
    #[prop_or_default]
    pub open: bool,
}

fn src(s: &Option<String>) -> Option<AttrValue> {
    s.clone().map(AttrValue::from)
}

/// The about panel. Its body (some 140 elements) is built only once the panel is opened:
/// most visits never open it, and the page's first render is the time to the first score.
#[component]
pub fn About(props: &AboutProps) -> Html {
    let shown = use_state(|| props.open);
    let ontoggle = {
        let shown = shown.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            shown.set(details.has_attribute("open"));
        })
    };
    html! {
        <details class="about" open={props.open} {ontoggle} data-testid="about">
            <summary><h2>{ Text::AboutTitle.get(props.lang) }</h2></summary>
            if *shown {
                <AboutBody industry={props.industry.clone()} lang={props.lang} />
            }
        </details>
    }
}

/// Props of [`AboutBody`].
#[derive(Properties, PartialEq, Clone)]
struct AboutBodyProps {
    industry: AttrValue,
    lang: Lang,
}

/// What the open panel shows.
#[component]
fn AboutBody(props: &AboutBodyProps) -> Html {
    let pack = RulePack::default_pack();
    let lang = props.lang;
    let code = lang.code();
    let industry = pack.industry(&props.industry);
    let ps = &pack.percentiles.value;
    html! {
        <>
            <p>{ Text::AboutRule.get(lang) }</p>
            <p>{ Text::AboutFormula.get(lang) }</p>
            <p class="assumed-note">{ Text::AboutAssumed.get(lang) }</p>
            <h3>{ Text::AboutConstants.get(lang) }</h3>
            if let Some(ind) = industry.filter(|i| i.applicable.value) {
                <h4>{ fill(Text::AboutBenchmarks.get(lang), &[("industry", ind.names.get(code))]) }</h4>
                <div class="table-wrap" role="region" tabindex="0" aria-label={fill(Text::AboutBenchmarks.get(lang), &[("industry", ind.names.get(code))])}>
                <table class="bench">
                    <thead><tr>
                        <th scope="col">{ Text::Metrics.get(lang) }</th>
                        { for ps.iter().map(|p| html! { <th scope="col">{ format!("P{}", format::localize(format::knot(*p), lang)) }</th> }) }
                        <th scope="col"><span class="visually-hidden">{ Text::Source.get(lang) }</span></th>
                    </tr></thead>
                    <tbody>
                        { for pack.metrics.iter().filter_map(|m| {
                            let k = pack.knots(&ind.id, &m.id)?;
                            Some(html! {
                                <tr>
                                    <th scope="row">{ m.names.get(code) }</th>
                                    { for k.value.iter().map(|v| html! { <td>{ format::number(*v, lang) }</td> }) }
                                    <td><Tag pack={crate::packs::PackRef::default_pack()} provenance={k.provenance} source={src(&k.source)} lang={lang} /></td>
                                </tr>
                            })
                        }) }
                    </tbody>
                </table>
                </div>
            }
            <h4>{ Text::AboutPointsCurve.get(lang) }
                <Tag pack={crate::packs::PackRef::default_pack()} provenance={pack.points_curve.provenance} source={src(&pack.points_curve.source)} lang={lang} /></h4>
            <p>{ pack.points_curve.value.iter().map(|[p, v]| format!("P{} → {}", format::localize(format::knot(*p), lang), format::score_at(*v, 1, lang))).collect::<Vec<_>>().join(" · ") }</p>
            <h4>{ Text::AboutStarBands.get(lang) }
                <Tag pack={crate::packs::PackRef::default_pack()} provenance={pack.stars.bands.provenance} source={src(&pack.stars.bands.source)} lang={lang} /></h4>
            <p>{ pack.stars.bands.value.iter().map(|b| format!("≥ {} → {}", format::score_at(b.min_score, 2, lang), fill(Text::StarsValue.get(lang), &[("n", &format::stars(b.stars, lang))]))).collect::<Vec<_>>().join(" · ") }</p>
            <h4>{ Text::AboutWeights.get(lang) }</h4>
            <p>{ pack.metrics.iter().map(|m| format!("{} {}", m.names.get(code), format::number(m.weight.value, lang))).collect::<Vec<_>>().join(" · ") }
                <Tag pack={crate::packs::PackRef::default_pack()} provenance={servicescore::Provenance::Assumed} lang={lang} /></p>
            <h4>{ fill(Text::AboutDecay.get(lang), &[("h", &pack.decay.half_life_days.value.to_string()), ("w", &pack.decay.window_days.value.to_string())]) }
                <Tag pack={crate::packs::PackRef::default_pack()} provenance={pack.decay.half_life_days.provenance} source={src(&pack.decay.half_life_days.source)} lang={lang} /></h4>
            <ul class="sources">
                { for pack.sources.iter().map(|s| html! { <li>{ s.title.get(code) }</li> }) }
            </ul>
            <p class="disclaimer">{ Text::AboutDisclaimer.get(lang) }</p>
        </>
    }
}
