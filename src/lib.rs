//! Service Score Simulator (服务分模拟器): the Yew page over the `servicescore` core.

use yew::prelude::*;

/// The page.
#[component]
pub fn App() -> Html {
    let pack = servicescore::RulePack::default_pack();
    let scenario = servicescore::Scenario::default();
    let shown = servicescore::evaluate(pack, &scenario)
        .ok()
        .and_then(|r| r.display_score)
        .unwrap_or_else(|| "—".into());
    html! { <main><h1>{ "服务分模拟器" }</h1><p data-testid="overall-score">{ shown }</p></main> }
}
