//! A number box for exact entry that keeps what the user types (SPEC §3).
//!
//! People type numbers key by key: `4`, `4.`, `4.6`. The box never rewrites its text while it
//! has focus: `4.`, `0.0` and `98,` are unfinished input, shown as typed. Whenever the text
//! reads as a valid value, [`NumberBoxProps::onvalue`] gets it, so the score follows the
//! typing. A comma is a decimal separator in every language, and full-width digits from a
//! Chinese input method (`４．６`) are read too. On blur the box shows the value in use again;
//! if the text was not a valid value, a message says why and which value is still in use.
//!
//! The box is `type="text" inputmode="decimal"` rather than `type="number"`, so the page sees
//! exactly what was typed and can say what is wrong with it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What a typed text means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Draft {
    /// A complete, admitted value.
    Value(f64),
    /// Not finished yet (`""`, `-`, `.`): no value and no complaint while typing.
    Unfinished,
    /// Not a number (`abc`, `4.5.6`).
    NotANumber,
    /// A number outside the admitted range.
    OutOfRange(f64),
}

/// Reads a typed text: a plain decimal (`62`, `62.5`, `62,5`, `.5`, `4.`), optionally with a
/// sign and surrounding spaces, and a trailing `%`; full-width digits and separators count
/// as their ASCII forms. Exponents, `inf` and `NaN` are not numbers here.
///
/// # Examples
///
/// ```
/// use servicescore_web::components::number_box::{read_draft, Draft};
/// let admits = |v: f64| (0.0..=100.0).contains(&v);
/// assert_eq!(read_draft("98,5", admits), Draft::Value(98.5));
/// assert_eq!(read_draft("4.", admits), Draft::Value(4.0));
/// assert_eq!(read_draft("-", admits), Draft::Unfinished);
/// assert_eq!(read_draft("120", admits), Draft::OutOfRange(120.0));
/// assert_eq!(read_draft("1e3", admits), Draft::NotANumber);
/// ```
pub fn read_draft(text: &str, admits: impl Fn(f64) -> bool) -> Draft {
    let t: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' | ',' | '，' => '.',
            '－' | '−' => '-',
            '＋' => '+',
            '％' => '%',
            c => c,
        })
        .collect();
    let t = t.strip_suffix('%').map_or(t.as_str(), str::trim_end);
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    if body.is_empty() || body == "." {
        return Draft::Unfinished;
    }
    let mut dots = 0;
    for c in body.chars() {
        match c {
            '0'..='9' => {}
            '.' => dots += 1,
            _ => return Draft::NotANumber,
        }
    }
    if dots > 1 {
        return Draft::NotANumber;
    }
    // `4.` reads as 4 and `.5` as 0.5; Rust's parser takes both.
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && admits(v) => Draft::Value(v),
        Ok(v) if v.is_finite() => Draft::OutOfRange(v),
        _ => Draft::NotANumber,
    }
}

/// Why the last entry was refused (shown after the box until a valid value comes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Refusal {
    /// Not a number.
    NotANumber,
    /// Outside the range.
    OutOfRange,
}

/// Props of [`NumberBox`].
#[derive(Properties, PartialEq, Clone)]
pub struct NumberBoxProps {
    /// Element id (for `<label for>`).
    pub id: AttrValue,
    /// The value in use.
    pub value: f64,
    /// The value in use as the box shows it when it is not being edited (`4,7` in Spanish).
    pub text: AttrValue,
    /// Lowest admitted value.
    pub min: f64,
    /// Highest admitted value.
    pub max: f64,
    /// A valid value was typed.
    pub onvalue: Callback<f64>,
    /// The refusal changed (`None`: the entry is fine), with the value still in use; the
    /// parent words it.
    pub onrefusal: Callback<Option<(Refusal, f64)>>,
    /// Whether a refusal is being shown (sets `aria-invalid`).
    #[prop_or_default]
    pub invalid: bool,
    /// Id of the element holding the message (`aria-describedby`).
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    /// The box got focus.
    #[prop_or_default]
    pub onfocus: Callback<()>,
    /// Extra attributes: the metric id for the SPEC §3 hook `data-metric-number`.
    #[prop_or_default]
    pub hook: Option<AttrValue>,
    /// Disabled (no data).
    #[prop_or_default]
    pub disabled: bool,
}

/// A text box that reads numbers as people type them.
#[component]
pub fn NumberBox(props: &NumberBoxProps) -> Html {
    // The text being typed while the box has focus (`None`: show the value in use), and the
    // value in use when the typing began: the values read on the way are previews, and an
    // entry left invalid goes back to it (typing `120` must not leave `12` behind).
    let editing = use_state(|| None::<String>);
    let before = use_mut_ref(|| None::<f64>);
    let (min, max) = (props.min, props.max);
    let admits = move |v: f64| v >= min && v <= max;

    let oninput = {
        let editing = editing.clone();
        let onvalue = props.onvalue.clone();
        let onrefusal = props.onrefusal.clone();
        let before = before.clone();
        let value = props.value;
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            before.borrow_mut().get_or_insert(value);
            match read_draft(&text, admits) {
                Draft::Value(v) => {
                    onrefusal.emit(None);
                    onvalue.emit(v);
                }
                // A letter never becomes a number: say so at once.
                Draft::NotANumber => {
                    let kept = before.borrow().unwrap_or(value);
                    onrefusal.emit(Some((Refusal::NotANumber, kept)));
                }
                // `0` on the way to `0.5`: say nothing until the box is left.
                Draft::Unfinished | Draft::OutOfRange(_) => {}
            }
            editing.set(Some(text));
        })
    };
    let onfocus_cb = {
        let onfocus = props.onfocus.clone();
        Callback::from(move |_: FocusEvent| onfocus.emit(()))
    };
    // Leaving the box: the value in use comes back; an entry that was not a value says why.
    let finish = {
        let editing = editing.clone();
        let onrefusal = props.onrefusal.clone();
        let onvalue = props.onvalue.clone();
        let before = before.clone();
        let value = props.value;
        move || {
            let start = before.borrow_mut().take();
            if let Some(text) = (*editing).clone() {
                let refusal = match read_draft(&text, admits) {
                    Draft::NotANumber => Some(Refusal::NotANumber),
                    Draft::OutOfRange(_) => Some(Refusal::OutOfRange),
                    Draft::Unfinished => None,
                    Draft::Value(_) => {
                        onrefusal.emit(None);
                        editing.set(None);
                        return;
                    }
                };
                // Not a value: back to the value from before the typing (the previews
                // read on the way do not stay), quietly for an empty box.
                if let Some(v) = start {
                    onvalue.emit(v);
                }
                onrefusal.emit(refusal.map(|r| (r, start.unwrap_or(value))));
            }
            editing.set(None);
        }
    };
    let onblur = {
        let finish = finish.clone();
        Callback::from(move |_: FocusEvent| finish())
    };
    let onkeydown = {
        let editing = editing.clone();
        let before = before.clone();
        let onvalue = props.onvalue.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            // Enter: done typing; the box (still focused) shows the value in use.
            "Enter" => finish(),
            // Escape: drop what was typed, back to the value from before.
            "Escape" => {
                if let Some(v) = before.borrow_mut().take() {
                    onvalue.emit(v);
                }
                editing.set(None);
            }
            _ => {}
        })
    };
    let shown = match &*editing {
        Some(t) => t.clone(),
        None => props.text.to_string(),
    };
    html! {
        <input type="text" inputmode="decimal" id={props.id.clone()} class="metric-number"
            data-metric-number={props.hook.clone()} value={shown}
            {oninput} onfocus={onfocus_cb} {onblur} {onkeydown}
            disabled={props.disabled}
            aria-invalid={props.invalid.to_string()} aria-describedby={props.describedby.clone()}
            autocomplete="off" spellcheck="false" />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(v: f64) -> bool {
        (0.0..=100.0).contains(&v)
    }

    #[test]
    fn drafts_typed_key_by_key() {
        // Each prefix of "0.05" as typed: nothing is refused on the way.
        assert_eq!(read_draft("0", pct), Draft::Value(0.0));
        assert_eq!(read_draft("0.", pct), Draft::Value(0.0));
        assert_eq!(read_draft("0.0", pct), Draft::Value(0.0));
        assert_eq!(read_draft("0.05", pct), Draft::Value(0.05));
        assert_eq!(read_draft("98,", pct), Draft::Value(98.0));
        assert_eq!(read_draft("98,5", pct), Draft::Value(98.5));
        assert_eq!(read_draft(" 62,5 % ", pct), Draft::Value(62.5));
        assert_eq!(read_draft("４．６", pct), Draft::Value(4.6));
        assert_eq!(read_draft("", pct), Draft::Unfinished);
        assert_eq!(read_draft(",", pct), Draft::Unfinished);
        assert_eq!(read_draft("-", pct), Draft::Unfinished);
    }

    #[test]
    fn refusals() {
        assert_eq!(read_draft("abc", pct), Draft::NotANumber);
        assert_eq!(read_draft("4.5.6", pct), Draft::NotANumber);
        assert_eq!(read_draft("NaN", pct), Draft::NotANumber);
        assert_eq!(read_draft("inf", pct), Draft::NotANumber);
        assert_eq!(read_draft("1e3", pct), Draft::NotANumber);
        assert_eq!(read_draft("101", pct), Draft::OutOfRange(101.0));
        assert_eq!(read_draft("-1", pct), Draft::OutOfRange(-1.0));
    }
}
