//! What became of the last file: being parsed, imported (with the button that puts its window
//! into the sliders), or refused with every problem listed by line and column.

use std::rc::Rc;

use yew::prelude::*;

use super::logic::{Imported, Refused};
use super::texts::OutlookText;
use crate::i18n::{fill, Lang, Text};

/// Props of [`ImportStatus`].
#[derive(Properties, PartialEq, Clone)]
pub struct ImportStatusProps {
    /// The file being parsed.
    pub parsing: Option<AttrValue>,
    /// The file in use.
    pub imported: Option<Rc<Imported>>,
    /// The last file refused (newer than `imported`).
    pub refused: Option<Rc<Refused>>,
    /// Page language.
    pub lang: Lang,
    /// "Use the imported window as my sliders".
    pub onusewindow: Callback<()>,
    /// "Remove this file" (also from this browser).
    pub onremove: Callback<()>,
}

/// The status lines under the import box.
#[component]
pub fn ImportStatus(props: &ImportStatusProps) -> Html {
    let lang = props.lang;
    let gbk = |on: bool| {
        if on {
            html! { <p class="note" data-testid="import-gbk">{ Text::ImportGbk.get(lang) }</p> }
        } else {
            html! {}
        }
    };
    html! {
        <div class="import-status">
            if let Some(name) = &props.parsing {
                <p class="import-parsing" role="status" data-testid="import-parsing">
                    <span class="spinner" aria-hidden="true"></span>
                    { format!("{name}: {}", Text::ImportParsing.get(lang)) }
                </p>
            }
            if let Some(r) = &props.refused {
                <div class="import-refused" role="alert">
                    if r.empty {
                        <p>{ fill(OutlookText::EmptyFile.get(lang), &[("name", &r.name)]) }</p>
                    } else {
                        <p>{ fill(Text::ImportErrors.get(lang), &[("name", &r.name), ("n", &format!("{}{}", r.problems.len(), if r.truncated { "+" } else { "" }))]) }</p>
                        <ul class="import-errors" data-testid="import-errors">
                            { for r.problems.iter().map(|p| {
                                let place = match p.line {
                                    Some(line) => fill(OutlookText::ErrorPlace.get(lang), &[("line", &line.to_string()), ("column", &p.place)]),
                                    None => fill(OutlookText::ErrorField.get(lang), &[("place", &p.place)]),
                                };
                                html! {
                                    <li data-line={p.line.map(|l| l.to_string())} data-column={p.place.clone()}>
                                        <strong>{ place }</strong>{ p.message.clone() }
                                    </li>
                                }
                            }) }
                        </ul>
                        if r.truncated { <p class="note">{ Text::ImportMore.get(lang) }</p> }
                    }
                    { gbk(r.gb18030) }
                    if let Some(i) = &props.imported {
                        <p class="note" data-testid="import-kept">{ fill(OutlookText::KeptPrevious.get(lang), &[("name", &i.name)]) }</p>
                    }
                </div>
            }
            if let Some(i) = &props.imported {
                <div class="import-done">
                    if props.refused.is_none() {
                        <p data-testid="import-done">{ fill(Text::ImportDone.get(lang), &[("name", &i.name), ("n", &i.rows.to_string())]) }</p>
                        { gbk(i.gb18030) }
                    }
                    <button type="button" class="small" data-testid="use-window"
                        onclick={props.onusewindow.reform(|_: MouseEvent| ())}>{ OutlookText::UseWindow.get(lang) }</button>
                    <p class="note">{ fill(OutlookText::UseWindowHint.get(lang), &[("date", &i.start().to_string())]) }</p>
                    <button type="button" class="small" data-testid="daily-remove"
                        onclick={props.onremove.reform(|_: MouseEvent| ())}>{ Text::ImportRemove.get(lang) }</button>
                </div>
            }
        </div>
    }
}
