//! Title, rule pack, industry and language selectors, and the view tabs.
//!
//! The tabs follow the WAI-ARIA tabs pattern: one Tab stop (the selected tab; the others
//! have `tabindex="-1"`), ←/→ move between tabs and select them (automatic activation),
//! Home/End go to the first and last. Selecting a tab moves the page to the top of its view
//! on narrow screens, where the view would otherwise start below the fold.

use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;

use crate::hooks::use_select_value;
use crate::i18n::{Lang, Text};
use crate::packs::{builtin_packs, PackRef};
use crate::state::View;

/// Props of [`Header`].
#[derive(Properties, PartialEq, Clone)]
pub struct HeaderProps {
    /// Page language.
    pub lang: Lang,
    /// The rule pack in use.
    pub pack: PackRef,
    /// Industry id.
    pub industry: AttrValue,
    /// Current view.
    pub view: View,
    /// Compact iframe mode.
    pub embed: bool,
    /// Link to the full page (for embed mode).
    #[prop_or_default]
    pub full_link: AttrValue,
    /// The language switch.
    pub onlang: Callback<Lang>,
    /// The industry selector.
    pub onindustry: Callback<String>,
    /// A tab.
    pub onview: Callback<View>,
    /// The pack selector (a built-in pack id).
    pub onpack: Callback<String>,
}

fn tab_label(view: View, lang: Lang) -> &'static str {
    match view {
        View::Score => Text::TabScore.get(lang),
        View::Projection => Text::TabProjection.get(lang),
        View::CustomerService => Text::TabCs.get(lang),
        View::Start => Text::TabStart.get(lang),
    }
}

/// The view a key press on a tab moves to (`None`: not a tab key).
pub fn tab_key(key: &str, current: View, views: &[View]) -> Option<View> {
    let i = views.iter().position(|v| *v == current)?;
    let n = views.len();
    match key {
        "ArrowRight" | "ArrowDown" => Some(views[(i + 1) % n]),
        "ArrowLeft" | "ArrowUp" => Some(views[(i + n - 1) % n]),
        "Home" => views.first().copied(),
        "End" => views.last().copied(),
        _ => None,
    }
}

/// The page header.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let pack = &props.pack;
    let on_lang = {
        let cb = props.onlang.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(l) = Lang::from_code(&v) {
                cb.emit(l);
            }
        })
    };
    let on_industry = {
        let cb = props.onindustry.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_pack = {
        let cb = props.onpack.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let industry_select = use_select_value(props.industry.to_string());
    let lang_select = use_select_value(lang.code().to_owned());
    let pack_value =
        if pack.origin.is_user() || !matches!(pack.origin, crate::packs::PackOrigin::Builtin) {
            "user".to_string()
        } else {
            pack.id.clone()
        };
    let pack_select = use_select_value(pack_value.clone());
    // Embeds have no getting-started view.
    let views: Vec<View> = View::ALL
        .into_iter()
        .filter(|v| !(props.embed && *v == View::Start))
        .collect();
    let tabs_ref = use_node_ref();
    let on_tab_key = {
        let cb = props.onview.clone();
        let current = props.view;
        let views = views.clone();
        let tabs_ref = tabs_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(v) = tab_key(&e.key(), current, &views) {
                e.prevent_default();
                cb.emit(v);
                // Focus follows the selection (the roving Tab stop).
                if let Some(el) = tabs_ref
                    .cast::<web_sys::Element>()
                    .and_then(|t| {
                        t.query_selector(&format!("#tab-{}", v.code()))
                            .ok()
                            .flatten()
                    })
                    .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(el).ok())
                {
                    let _ = el.focus();
                }
            }
        })
    };
    let tab = |view: View| {
        let cb = props.onview.clone();
        let selected = props.view == view;
        let id = view.code();
        html! {
            <button type="button" role="tab" id={format!("tab-{id}")} class="tab"
                aria-selected={selected.to_string()} aria-controls={format!("panel-{id}")}
                tabindex={if selected { "0" } else { "-1" }}
                data-testid={format!("tab-{id}")}
                onclick={move |_| cb.emit(view)}>{ tab_label(view, lang) }</button>
        }
    };
    html! {
        <header class={classes!("header", props.embed.then_some("header-embed"))}>
            <div class="header-title">
                <h1>{ Text::AppTitle.get(lang) }</h1>
                if !props.embed {
                    <p class="subtitle">{ Text::AppSubtitle.get(lang) }</p>
                } else {
                    <a class="open-full" href={props.full_link.clone()} target="_blank" rel="noopener">{ Text::OpenFull.get(lang) }</a>
                }
            </div>
            <div class="header-controls">
                <label class="control">
                    <span>{ Text::RulePack.get(lang) }</span>
                    <select ref={pack_select} data-testid="pack" onchange={on_pack}>
                        { for builtin_packs().into_iter().map(|p| html! {
                            <option value={p.id.clone()} selected={pack_value == p.id}>{ p.title.get(lang.code()) }</option>
                        }) }
                        if pack_value == "user" {
                            <option value="user" selected=true>{ pack.title.get(lang.code()) }</option>
                        }
                    </select>
                </label>
                <label class="control">
                    <span>{ Text::Industry.get(lang) }</span>
                    <select ref={industry_select} data-testid="industry" onchange={on_industry}>
                        { for pack.industries.iter().map(|i| html! {
                            <option value={i.id.clone()} selected={*props.industry == i.id}>{ i.names.get(lang.code()) }</option>
                        }) }
                    </select>
                </label>
                <label class="control">
                    <span>{ Text::Language.get(lang) }</span>
                    <select ref={lang_select} data-testid="lang" onchange={on_lang}>
                        { for Lang::ALL.iter().map(|l| html! {
                            <option value={l.code()} selected={*l == lang} lang={l.html_lang()}>{ l.native_name() }</option>
                        }) }
                    </select>
                </label>
            </div>
            <div class="tabs" role="tablist" aria-label={Text::Views.get(lang)} ref={tabs_ref} onkeydown={on_tab_key}>
                { for views.iter().map(|v| tab(*v)) }
            </div>
        </header>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_wrap_around_the_tabs() {
        let all = View::ALL;
        assert_eq!(
            tab_key("ArrowRight", View::Score, &all),
            Some(View::Projection)
        );
        assert_eq!(tab_key("ArrowLeft", View::Score, &all), Some(View::Start));
        assert_eq!(tab_key("ArrowRight", View::Start, &all), Some(View::Score));
        assert_eq!(tab_key("End", View::Score, &all), Some(View::Start));
        assert_eq!(tab_key("Home", View::Start, &all), Some(View::Score));
        assert_eq!(tab_key("a", View::Score, &all), None);
    }
}
