//! "How it is computed": the chain from dimension scores to the displayed score and stars.

use std::rc::Rc;

use servicescore::{Evaluation, RulePack};
use yew::prelude::*;

use crate::format;
use crate::i18n::{fill, Lang, Text};

/// Props of [`Explain`].
#[derive(Properties, PartialEq, Clone)]
pub struct ExplainProps {
    /// The pack in use.
    pub pack: crate::packs::PackRef,
    /// The breakdown to explain.
    pub eval: Rc<Evaluation>,
    /// Page language.
    pub lang: Lang,
}

/// The lines of the explanation (dimension formulas, the overall formula, the stars).
pub fn lines(pack: &RulePack, e: &Evaluation, lang: Lang) -> Vec<String> {
    let Some(score) = e.score else {
        return Vec::new();
    };
    let fx = |x: f64, d: u32| {
        format::localize(servicescore::display::Fixed::round(x, d).to_string(), lang)
    };
    let shown = format::localize(e.display_score.clone().unwrap_or_else(|| "—".into()), lang);
    let mut out = Vec::new();
    for d in &pack.dimensions {
        let Some(r) = e.dimensions.get(&d.id) else {
            continue;
        };
        let parts: Vec<(f64, f64)> = pack
            .metrics
            .iter()
            .filter(|m| m.dimension == d.id)
            .filter_map(|m| e.metrics.get(&m.id).map(|x| (x.points, x.weight)))
            .collect();
        let wsum: f64 = parts.iter().map(|p| p.1).sum();
        let terms = parts
            .iter()
            .map(|(p, w)| format!("{}×{}", fx(*p, 2), format::number(w / wsum, lang)))
            .collect::<Vec<_>>()
            .join(" + ");
        out.push(fill(
            Text::ExplainDimension.get(lang),
            &[
                ("name", d.names.get(lang.code())),
                ("terms", &terms),
                ("score", &fx(r.score, 4)),
            ],
        ));
    }
    let present: Vec<_> = pack
        .dimensions
        .iter()
        .filter_map(|d| e.dimensions.get(&d.id).map(|r| (d.weight.value, r.score)))
        .collect();
    let den: f64 = present.iter().map(|p| p.0).sum();
    let terms = present
        .iter()
        .map(|(w, s)| format!("{}×{}", format::number(*w, lang), fx(*s, 4)))
        .collect::<Vec<_>>()
        .join(" + ");
    out.push(fill(
        Text::ExplainOverall.get(lang),
        &[
            ("terms", &terms),
            ("den", &format::number(format::round_to(den, 4), lang)),
            ("score", &fx(score, 4)),
            ("shown", &shown),
        ],
    ));
    if let Some(st) = e.stars {
        out.push(fill(
            Text::ExplainStars.get(lang),
            &[
                ("shown", &shown),
                (
                    "stars",
                    &fill(
                        Text::StarsValue.get(lang),
                        &[("n", &format::stars(st, lang))],
                    ),
                ),
            ],
        ));
    }
    out
}

/// The explanation panel (collapsed by default).
#[component]
pub fn Explain(props: &ExplainProps) -> Html {
    let lines = lines(&props.pack, &props.eval, props.lang);
    if lines.is_empty() {
        return html! {};
    }
    html! {
        <details class="explain" data-testid="explain">
            <summary>{ Text::ExplainTitle.get(props.lang) }</summary>
            <ul>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_2_is_explained_with_renormalisation() {
        let pack = RulePack::default_pack();
        let s = servicescore::Scenario::from_json(
            r#"{"metrics":{"review_score":4.85,"quality_refund_pct":0.3,"pay_to_sign_hours":60,
            "ship_on_time_pct":99.5,"refund_only_hours":30,"return_refund_hours":150,
            "reply_3min_pct":62}}"#,
        )
        .unwrap();
        let e = servicescore::evaluate(pack, &s).unwrap();
        let l = lines(pack, &e, Lang::En);
        assert_eq!(l[0], "Product experience = 4.90×0.5 + 4.88×0.5 = 4.8900");
        assert_eq!(
            l[4],
            "Score = (0.2×4.8900 + 0.2×4.9214 + 0.2×3.8700 + 0.2×3.6080) ÷ 0.8 = 4.3224 → shown 4.32"
        );
        assert_eq!(l[5], "Shown score 4.32 → 4 stars (star bands assumed)");
    }
}
