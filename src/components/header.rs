//! Title, language switch, industry selector and view tabs.

use servicescore::RulePack;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{Lang, T};
use crate::state::{Action, Store, View};

/// Props of [`Header`].
#[derive(Properties, PartialEq, Clone)]
pub struct HeaderProps {
    /// Page language.
    pub lang: Lang,
    /// Industry id.
    pub industry: AttrValue,
    /// Current view.
    pub view: View,
    /// Compact iframe mode.
    pub embed: bool,
    /// Link to the full page (for embed mode).
    #[prop_or_default]
    pub full_link: AttrValue,
    /// State dispatcher.
    pub dispatch: UseReducerDispatcher<Store>,
}

/// The page header.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let pack = RulePack::default_pack();
    let lang = props.lang;
    let on_lang = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(l) = Lang::from_code(&v) {
                d.dispatch(Action::SetLang(l));
            }
        })
    };
    let on_industry = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            d.dispatch(Action::SetIndustry(v));
        })
    };
    let industry_select = super::use_select_value(props.industry.to_string());
    let lang_select = super::use_select_value(lang.code().to_owned());
    let tab = |view: View, key: T, id: &'static str| {
        let d = props.dispatch.clone();
        let selected = props.view == view;
        html! {
            <button type="button" role="tab" id={format!("tab-{id}")} class="tab"
                aria-selected={selected.to_string()} aria-controls={format!("panel-{id}")}
                data-testid={format!("tab-{id}")}
                onclick={move |_| d.dispatch(Action::SetView(view))}>{ key.get(lang) }</button>
        }
    };
    html! {
        <header class={classes!("header", props.embed.then_some("header-embed"))}>
            <div class="header-title">
                <h1>{ T::AppTitle.get(lang) }</h1>
                if !props.embed {
                    <p class="subtitle">{ T::AppSubtitle.get(lang) }</p>
                } else {
                    <a class="open-full" href={props.full_link.clone()} target="_blank" rel="noopener">{ T::OpenFull.get(lang) }</a>
                }
            </div>
            <div class="header-controls">
                <label class="control">
                    <span>{ T::Industry.get(lang) }</span>
                    <select ref={industry_select} data-testid="industry" onchange={on_industry}>
                        { for pack.industries.iter().map(|i| html! {
                            <option value={i.id.clone()} selected={*props.industry == i.id}>{ i.names.get(lang.code()) }</option>
                        }) }
                    </select>
                </label>
                <label class="control">
                    <span>{ T::Language.get(lang) }</span>
                    <select ref={lang_select} data-testid="lang" onchange={on_lang}>
                        { for Lang::ALL.iter().map(|l| html! {
                            <option value={l.code()} selected={*l == lang} lang={l.html_lang()}>{ l.native_name() }</option>
                        }) }
                    </select>
                </label>
            </div>
            <nav class="tabs" role="tablist">
                { tab(View::Score, T::TabScore, "score") }
                // Projection view (issue 4, src/components/projection).
                { tab(View::Projection, T::TabProjection, "projection") }
                // Customer-service view (issue 5, src/components/cs).
                { tab(View::CustomerService, T::TabCs, "cs") }
            </nav>
        </header>
    }
}
