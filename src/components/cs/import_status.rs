//! What became of the last session file: being parsed, refused (every error with its line
//! and column, nothing imported), or imported (sessions, days, ignored columns, GB18030).

use servicescore::csv_import::ImportWarning;
use yew::prelude::*;

use super::model::{ImportState, Imported, RowError};
use super::text::CsText;
use crate::i18n::{fill, Lang, Text};

/// Props of [`ImportStatus`].
#[derive(Properties, PartialEq, Clone)]
pub struct ImportStatusProps {
    /// The last import's outcome.
    pub import: ImportState,
    /// The log in use.
    pub imported: Option<Imported>,
    /// Page language.
    pub lang: Lang,
    /// "Remove this file" (also from this browser).
    pub onremove: Callback<()>,
}

/// One error line: `line 3, column first_reply_at: ...` (the message is the core's English).
pub fn error_text(e: &RowError, lang: Lang) -> String {
    match e.line {
        Some(line) => fill(
            CsText::ErrorLine.get(lang),
            &[
                ("line", &line.to_string()),
                ("column", &e.column),
                ("message", &e.message),
            ],
        ),
        None => format!("{}: {}", e.column, e.message),
    }
}

/// The import status.
#[component]
pub fn ImportStatus(props: &ImportStatusProps) -> Html {
    let lang = props.lang;
    let current = props.imported.as_ref().map(|imp| {
        // Named as written; a nameless column with data by its position.
        let ignored: Vec<String> = imp
            .warnings
            .iter()
            .filter_map(|w| match w {
                ImportWarning::IgnoredColumns { columns } => Some(columns),
                _ => None,
            })
            .flatten()
            .map(|c| {
                if c.name.is_empty() {
                    format!("#{}", c.position)
                } else {
                    c.name.clone()
                }
            })
            .collect();
        html! {
            <div class="cs-imported" data-testid="cs-imported">
                <p>{ fill(CsText::Imported.get(lang), &[
                    ("name", &imp.name),
                    ("n", &imp.log.len().to_string()),
                    ("first", &imp.first_day.to_string()),
                    ("last", &imp.last_day.to_string()),
                ]) }</p>
                if !ignored.is_empty() {
                    <p class="note" data-testid="cs-ignored-columns">{ fill(CsText::IgnoredColumns.get(lang),
                        &[("cols", &ignored.join(", "))]) }</p>
                }
                if imp.gb18030 {
                    <p class="note" data-testid="cs-gb18030">{ Text::ImportGbk.get(lang) }</p>
                }
                <button type="button" class="small" data-testid="sessions-remove"
                    onclick={props.onremove.reform(|_: MouseEvent| ())}>{ Text::ImportRemove.get(lang) }</button>
            </div>
        }
    });
    match &props.import {
        ImportState::Parsing { name } => html! {
            <>
            <p class="cs-parsing" role="status" data-testid="cs-parsing">
                { fill(CsText::Parsing.get(lang), &[("name", name)]) }
            </p>
            { for current }
            </>
        },
        ImportState::Refused {
            name, errors, more, ..
        } => {
            let n = if *more {
                format!("{}+", errors.len())
            } else {
                errors.len().to_string()
            };
            html! {
                <>
                <div class="cs-import-errors" role="alert">
                    <p>{ fill(Text::ImportErrors.get(lang), &[("name", name), ("n", &n)]) }</p>
                    <ul data-testid="import-errors">
                        { for errors.iter().map(|e| html! {
                            <li data-line={e.line.map(|l| l.to_string())} data-column={e.column.clone()}>
                                { error_text(e, lang) }
                            </li>
                        }) }
                    </ul>
                    if *more {
                        <p data-testid="import-errors-more">{ Text::ImportMore.get(lang) }</p>
                    }
                    if let Some(imp) = &props.imported {
                        <p>{ fill(CsText::KeptPrevious.get(lang), &[("name", &imp.name)]) }</p>
                    }
                </div>
                { for current }
                </>
            }
        }
        ImportState::Empty { name } => html! {
            <>
            <p class="cs-import-errors" role="alert" data-testid="import-empty">
                { fill(CsText::EmptyLog.get(lang), &[("name", name)]) }
            </p>
            { for current }
            </>
        },
        ImportState::Idle => html! { { for current } },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_lines() {
        let e = RowError {
            line: Some(3),
            column: "first_reply_at".into(),
            message: "reply is before the session started (bad row)".into(),
            problem: None,
        };
        assert_eq!(
            error_text(&e, Lang::En),
            "line 3, column first_reply_at: reply is before the session started (bad row)"
        );
        assert!(error_text(&e, Lang::Zh).starts_with("第 3 行，first_reply_at 列："));
        let e = RowError {
            line: None,
            column: "sessions".into(),
            message: "x".into(),
            problem: None,
        };
        assert_eq!(error_text(&e, Lang::Es), "sessions: x");
    }
}
