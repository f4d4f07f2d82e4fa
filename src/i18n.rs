//! The page's words in Chinese (default), English and Spanish.
//!
//! Metric, dimension, industry and threshold names come from the rule pack (`Names`); every
//! other visible word is a [`Text`] key here. Placeholders are `{name}`, filled by [`fill`].

use serde::{Deserialize, Serialize};

/// A page language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 中文 (default: the rules and most users are Chinese).
    #[default]
    Zh,
    /// English.
    En,
    /// Español.
    Es,
}

impl Lang {
    /// All languages, in the switch's order.
    pub const ALL: [Lang; 3] = [Lang::Zh, Lang::En, Lang::Es];

    /// The code used in URLs and the rule pack (`zh`, `en`, `es`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// Parses a code; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language's own name.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The `lang` attribute of the document.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

/// Replaces each `{name}` in `template` by its value, and each plural choice
/// `{name:one|other}` by `one` when the value of `name` is exactly `1`, else by `other`.
///
/// The choice is English's and Spanish's rule for counts (CLDR's `one` category is the
/// integer 1 in both); Chinese has no plural forms and its texts use no choice. A value is
/// put in as it is (never scanned for placeholders); an unknown name is left as written.
///
/// # Examples
///
/// ```
/// use servicescore_web::i18n::fill;
/// assert_eq!(fill("{a} → {b}", &[("a", "1"), ("b", "2")]), "1 → 2");
/// assert_eq!(fill("{n} {n:error|errors}", &[("n", "1")]), "1 error");
/// assert_eq!(fill("{n} {n:error|errors}", &[("n", "12")]), "12 errors");
/// ```
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let value = |name: &str| args.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &after[..close];
        let put = match inner.split_once(':') {
            Some((name, forms)) => value(name).map(|v| {
                let (one, other) = forms.split_once('|').unwrap_or((forms, forms));
                if v.trim() == "1" {
                    one
                } else {
                    other
                }
            }),
            None => value(inner),
        };
        match put {
            Some(text) => out.push_str(text),
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Why a same-origin file (an example, a pack path) could not be fetched, in `lang`.
pub fn fetch_error_text(e: crate::browser::FetchError, lang: Lang) -> String {
    use crate::browser::FetchError;
    match e {
        FetchError::Unreachable => Text::FetchUnreachable.get(lang).to_string(),
        FetchError::Status(s) => fill(Text::FetchMissing.get(lang), &[("status", &s.to_string())]),
        FetchError::Unreadable => Text::FetchUnreadable.get(lang).to_string(),
    }
}

/// The core's refusal of an input the page built from what the user has (a plan held from
/// today, a history, a date range, an industry), in `lang`. The core's messages are the
/// command line's English: English readers get them whole; zh and es readers get the page's
/// sentence with the place the core names (a field path such as
/// `steps[0].metrics.reply_3min_pct`, the same in every language), never English prose.
pub fn core_problem_text(e: &servicescore::Error, lang: Lang) -> String {
    use servicescore::Error;
    match (lang, e) {
        (Lang::En, _) => e.to_string(),
        (_, Error::Field { path, .. }) if path == "industry" => {
            Text::CoreUnknownIndustry.get(lang).to_string()
        }
        (_, Error::Field { path, .. }) => {
            fill(Text::CoreRefusedField.get(lang), &[("place", path)])
        }
        (_, Error::Row { line, column, .. }) => fill(
            Text::CoreRefusedRow.get(lang),
            &[("line", &line.to_string()), ("column", column)],
        ),
    }
}

/// The placeholder names of a template, sorted, each once (a plural choice `{n:a|b}` counts
/// as `n`): every translation of a text must use the same ones.
pub fn placeholder_names(template: &str) -> Vec<&str> {
    let mut v: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|p| {
            p.split_once('}')
                .map(|(n, _)| n.split(':').next().unwrap_or(n))
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Defines a text table: `texts! { Name; Key => [zh, en, es], ... }` makes an enum `Name`
/// with `Name::Key.get(lang)`. Each view may keep its own table next to its components.
macro_rules! texts {
    ($name:ident; $($key:ident => [$zh:expr, $en:expr, $es:expr $(,)?],)*) => {
        /// A text key.
        #[allow(missing_docs)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($key),* }

        impl $name {
            /// Every key of the table (for the placeholder check).
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            /// The text in `lang`.
            pub fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                match self {
                    $($name::$key => match lang {
                        $crate::i18n::Lang::Zh => $zh,
                        $crate::i18n::Lang::En => $en,
                        $crate::i18n::Lang::Es => $es,
                    }),*
                }
            }
        }

        /// Every key of this table has the same placeholders in every language (a placeholder
        /// missing from one translation would silently drop a number) and no empty text.
        #[cfg(test)]
        #[test]
        fn text_table_placeholders_match() {
            for &key in $name::ALL {
                let zh = $crate::i18n::placeholder_names(key.get($crate::i18n::Lang::Zh));
                for lang in $crate::i18n::Lang::ALL {
                    let text = key.get(lang);
                    assert!(!text.is_empty(), "{key:?} is empty in {lang:?}");
                    assert_eq!($crate::i18n::placeholder_names(text), zh, "{key:?} in {lang:?}");
                }
            }
        }
    };
}
// Used by the views that keep their own text tables.
#[allow(unused_imports)]
pub(crate) use texts;

mod text;
pub use text::Text;

#[cfg(test)]
mod tests;
