//! What the page says under an import box, for both imports: the file being parsed, the last
//! file refused (every problem with its line and column, or that it has no data row), the
//! file in use (the view's own summary and buttons, the columns ignored, GB18030, "remove
//! this file"), and the note about the file kept in this browser.

use yew::prelude::*;

use super::text::ImportText;
use super::{ImportState, Kind, Refused};
use crate::components::kept::KeptNotice;
use crate::i18n::{fill, Lang};

/// The class names, test ids and sentences that are each import's own (the page's styles and
/// tests know the two imports by these; everything else is the same markup).
struct Look {
    /// Test id prefix of the import (`daily`, `sessions`), as the file box's.
    prefix: &'static str,
    /// Class and test id of the "parsing…" line.
    parsing: &'static str,
    /// Class of the refusal box.
    refused: &'static str,
    /// Class and test id of the block about the file in use.
    current: (&'static str, Option<&'static str>),
    /// Test ids of the ignored columns and GB18030 notes of the file in use.
    ignored: &'static str,
    gbk: &'static str,
    /// "Parsing NAME…", "NAME has no data", "NAME is still in use".
    parsing_words: ImportText,
    empty_words: ImportText,
    kept_previous_words: ImportText,
}

impl Look {
    fn of(kind: Kind) -> Look {
        match kind {
            Kind::Daily => Look {
                prefix: "daily",
                parsing: "import-parsing",
                refused: "import-refused",
                current: ("import-done", None),
                ignored: "import-ignored-columns",
                gbk: "import-gbk",
                parsing_words: ImportText::ParsingDaily,
                empty_words: ImportText::EmptyDaily,
                kept_previous_words: ImportText::KeptPreviousDaily,
            },
            Kind::Sessions => Look {
                prefix: "sessions",
                parsing: "cs-parsing",
                refused: "cs-import-errors",
                current: ("cs-imported", Some("cs-imported")),
                ignored: "cs-ignored-columns",
                gbk: "cs-gb18030",
                parsing_words: ImportText::ParsingSessions,
                empty_words: ImportText::EmptySessions,
                kept_previous_words: ImportText::KeptPreviousSessions,
            },
        }
    }
}

/// Props of [`ImportStatus`].
#[derive(Properties)]
pub struct ImportStatusProps<T: 'static> {
    /// Which import.
    pub kind: Kind,
    /// Its state.
    pub state: ImportState<T>,
    /// Page language.
    pub lang: Lang,
    /// "Remove this file" (also from this browser).
    pub onremove: Callback<()>,
    /// The view's line about the file in use (shown first in its block).
    #[prop_or_default]
    pub summary: Html,
    /// The view's own actions on the file in use (before "remove this file").
    #[prop_or_default]
    pub children: Html,
}

impl<T> PartialEq for ImportStatusProps<T> {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.state == other.state
            && self.lang == other.lang
            && self.onremove == other.onremove
            && self.summary == other.summary
            && self.children == other.children
    }
}

/// The refusal box: every problem, or that there is no data row; GB18030; the file still in
/// use.
fn refusal(r: &Refused, in_use: Option<&str>, look: &Look, lang: Lang) -> Html {
    let n = format!("{}{}", r.problems.len(), if r.truncated { "+" } else { "" });
    html! {
        <div class={look.refused} role="alert">
            if r.empty {
                <p data-testid="import-empty">{ fill(look.empty_words.get(lang), &[("name", &r.name)]) }</p>
            } else {
                <p>{ fill(ImportText::Errors.get(lang), &[("name", &r.name), ("n", &n)]) }</p>
                <ul class="import-errors" data-testid="import-errors">
                    { for r.problems.iter().map(|p| html! {
                        <li data-line={p.line.map(|l| l.to_string())} data-column={p.column.clone()}
                            data-kind={p.kind().map(|k| k.as_str())}>
                            <strong>{ p.place(lang) }</strong>{ p.what(lang) }
                        </li>
                    }) }
                </ul>
                if r.truncated {
                    <p class="note" data-testid="import-errors-more">{ ImportText::More.get(lang) }</p>
                }
            }
            if r.gb18030 {
                <p class="note" data-testid="import-gbk">{ ImportText::Gbk.get(lang) }</p>
            }
            if let Some(name) = in_use {
                <p class="note" data-testid="import-kept">{ fill(look.kept_previous_words.get(lang), &[("name", name)]) }</p>
            }
        </div>
    }
}

/// The import status.
#[component]
pub fn ImportStatus<T: 'static>(props: &ImportStatusProps<T>) -> Html {
    let lang = props.lang;
    let look = Look::of(props.kind);
    let state = &props.state;
    let current = state.current.as_deref();
    let ignored = current.map(|i| i.ignored_columns()).unwrap_or_default();
    html! {
        <>
        <div class="import-status">
            if let Some(name) = state.parsing() {
                <p class={look.parsing} role="status" data-testid={look.parsing}>
                    <span class="spinner" aria-hidden="true"></span>
                    { fill(look.parsing_words.get(lang), &[("name", name)]) }
                </p>
            }
            if let Some(r) = state.refused() {
                { refusal(r, current.map(|i| i.name.as_str()), &look, lang) }
            }
            if let Some(i) = current {
                <div class={look.current.0} data-testid={look.current.1}>
                    { props.summary.clone() }
                    if !ignored.is_empty() {
                        <p class="note" data-testid={look.ignored}>
                            { fill(ImportText::IgnoredColumns.get(lang), &[("cols", &ignored.join(", "))]) }
                        </p>
                    }
                    if i.gb18030 {
                        <p class="note" data-testid={look.gbk}>{ ImportText::Gbk.get(lang) }</p>
                    }
                    { props.children.clone() }
                    <button type="button" class="small" data-testid={format!("{}-remove", look.prefix)}
                        onclick={props.onremove.reform(|_: MouseEvent| ())}>{ ImportText::Remove.get(lang) }</button>
                </div>
            }
        </div>
        <KeptNotice note={state.kept.clone()} lang={lang} testid={format!("{}-kept", look.prefix)} />
        </>
    }
}
