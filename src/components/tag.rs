//! The provenance tag shown next to every number the platform does not publish: `假设`
//! (assumed), `后台所见` (observed: seen in the back office, not published), `用户` (typed or
//! calibrated by the user); `已公布` only where asked (the about panel lists every constant).
//!
//! Its tooltip and screen-reader text are in the page's language: what the tag means, and the
//! document the pack cites for the number (`rule-2022: 5分制` → the rule's title in that
//! language, and the place in it). An assumption's own reason is English free text in the
//! pack: shown to English readers only.

use servicescore::rulepack::RulePack;
use servicescore::Provenance;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::packs::PackRef;

/// Props of [`Tag`].
#[derive(Properties, PartialEq, Clone)]
pub struct TagProps {
    /// The pack the number belongs to (its `sources` name the cited documents).
    pub pack: PackRef,
    /// Provenance of the number beside the tag.
    pub provenance: Provenance,
    /// Its `source` in the pack (a cited document, or the reason for the assumption).
    #[prop_or_default]
    pub source: Option<AttrValue>,
    /// Page language.
    pub lang: Lang,
    /// Show `published` too (the about panel lists every constant).
    #[prop_or_default]
    pub show_published: bool,
}

/// What a tag says about its number, in the page's language: the provenance's meaning, then
/// the cited document and the place in it.
pub fn explanation(pack: &RulePack, p: Provenance, source: Option<&str>, lang: Lang) -> String {
    let meaning = match p {
        Provenance::Assumed => Text::AssumedTitle.get(lang),
        Provenance::Observed => Text::ObservedTitle.get(lang),
        Provenance::User => Text::UserTitle.get(lang),
        Provenance::Published => Text::PublishedTitle.get(lang),
    };
    let cited = source.and_then(|s| match pack.cited(s) {
        Some((doc, Some(at))) => Some(format!("{}{}{at}", doc.title.get(lang.code()), sep(lang))),
        Some((doc, None)) => Some(doc.title.get(lang.code()).to_string()),
        // A reason, in English: only for English readers.
        None if lang == Lang::En && !s.is_empty() => Some(s.to_string()),
        None => None,
    });
    match cited {
        Some(c) => format!("{meaning}{}{c}", end(lang)),
        None => meaning.to_string(),
    }
}

fn sep(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "："
    } else {
        ": "
    }
}

fn end(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "。"
    } else {
        ". "
    }
}

/// The badge.
#[component]
pub fn Tag(props: &TagProps) -> Html {
    let lang = props.lang;
    let (class, text) = match props.provenance {
        Provenance::Assumed => ("tag tag-assumed", Text::Assumed.get(lang)),
        Provenance::Observed => ("tag tag-observed", Text::Observed.get(lang)),
        Provenance::User => ("tag tag-user", Text::UserValue.get(lang)),
        Provenance::Published if props.show_published => {
            ("tag tag-published", Text::Published.get(lang))
        }
        Provenance::Published => return Html::default(),
    };
    let title = explanation(&props.pack, props.provenance, props.source.as_deref(), lang);
    html! {
        <span class={class} title={title.clone()} data-provenance={props.provenance.as_str()}>
            { text }
            <span class="visually-hidden">{ format!(" ({title})") }</span>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explanations_are_in_the_page_language() {
        let p = RulePack::default_pack();
        let zh = explanation(p, Provenance::Published, Some("rule-2022: 5分制"), Lang::Zh);
        assert_eq!(
            zh,
            "平台已公布。《小红书商家服务分规则》（2022-07-25 发布，2022-08-01 生效）：5分制"
        );
        let reason = "Weights inside a dimension are not published";
        let es = explanation(p, Provenance::Assumed, Some(reason), Lang::Es);
        assert!(!es.contains("Weights"), "{es}");
        let en = explanation(p, Provenance::Assumed, Some(reason), Lang::En);
        assert!(en.ends_with(reason), "{en}");
    }
}
