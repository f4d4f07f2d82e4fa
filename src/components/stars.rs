//! Experience stars (体验星级) drawn as five SVG stars, halves included.
//!
//! SVG geometry only (no `style` attribute: the page runs under `style-src 'self'`).

use yew::prelude::*;

use crate::format;
use crate::i18n::{fill, Lang, Text};

/// Props of [`Stars`].
#[derive(Properties, PartialEq, Clone)]
pub struct StarsProps {
    /// Star count (3, 3.5, …), `None` without a score.
    pub stars: Option<f64>,
    /// Page language.
    pub lang: Lang,
    /// Carry the SPEC test hook (`data-testid="stars"`); off for the compact copy.
    #[prop_or(true)]
    pub hook: bool,
}

const FULL: &str = "12,1.5 15.1,8 22.2,8.9 17,13.8 18.3,20.9 12,17.5 5.7,20.9 7,13.8 1.8,8.9 8.9,8";
const HALF: &str = "12,1.5 8.9,8 1.8,8.9 7,13.8 5.7,20.9 12,17.5";

/// Five stars, filled to `stars`.
#[component]
pub fn Stars(props: &StarsProps) -> Html {
    let label = match props.stars {
        Some(s) => fill(
            Text::StarsValue.get(props.lang),
            &[("n", &format::stars(s, props.lang))],
        ),
        None => Text::NoStars.get(props.lang).to_string(),
    };
    // The hook keeps its point form in every language (SPEC §3).
    let data = props
        .stars
        .map(servicescore::display::fmt_num)
        .unwrap_or_default();
    let n = props.stars.unwrap_or(0.0);
    let testid = props.hook.then_some("stars");
    html! {
        <div class="stars" data-testid={testid} data-stars={data} role="img" aria-label={label.clone()}>
            { for (0..5).map(|i| {
                let f = (n - f64::from(i)).clamp(0.0, 1.0);
                html! {
                    <svg class="star" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
                        <polygon class="star-empty" points={FULL} />
                        if f >= 1.0 {
                            <polygon class="star-full" points={FULL} />
                        } else if f >= 0.5 {
                            <polygon class="star-full" points={HALF} />
                        }
                    </svg>
                }
            }) }
            <span class="stars-text">{ label }</span>
        </div>
    }
}
