//! The provenance tag shown next to every number the platform does not publish.

use servicescore::Provenance;
use yew::prelude::*;

use crate::i18n::{Lang, T};

/// Props of [`Tag`].
#[derive(Properties, PartialEq, Clone)]
pub struct TagProps {
    /// Provenance of the number beside the tag.
    pub provenance: Provenance,
    /// Its source or the reason for the assumption (shown on hover and to screen readers).
    #[prop_or_default]
    pub source: Option<AttrValue>,
    /// Page language.
    pub lang: Lang,
    /// Show `published` too (the about panel lists every constant).
    #[prop_or_default]
    pub show_published: bool,
}

/// `假设` / `assumed` badge (nothing for published numbers unless asked).
#[component]
pub fn Tag(props: &TagProps) -> Html {
    let (class, text) = match props.provenance {
        Provenance::Assumed => ("tag tag-assumed", T::Assumed.get(props.lang)),
        Provenance::User => ("tag tag-user", T::UserValue.get(props.lang)),
        Provenance::Observed => ("tag tag-observed", T::Observed.get(props.lang)),
        Provenance::Published if props.show_published => {
            ("tag tag-published", T::Published.get(props.lang))
        }
        Provenance::Published => return Html::default(),
    };
    let title = match (&props.source, props.provenance) {
        (Some(s), _) => s.to_string(),
        (None, Provenance::Assumed) => T::AssumedTitle.get(props.lang).to_string(),
        (None, Provenance::Observed) => T::ObservedTitle.get(props.lang).to_string(),
        (None, _) => String::new(),
    };
    html! {
        <span class={class} title={title.clone()} data-provenance={props.provenance.as_str()}>
            { text }
            <span class="visually-hidden">{ format!(" ({title})") }</span>
        </span>
    }
}
