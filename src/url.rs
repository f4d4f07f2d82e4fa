//! URL query ⇄ state (SPEC §3): metric ids, `industry`, `lang`, `embed=1`, `view`, `pack`.
//!
//! Decisions where SPEC is silent:
//! - `none` or an empty value (`?dispute_pct=none`) sets a metric to "no data".
//! - Values are taken exactly as given (not rounded to the slider step); surrounding spaces
//!   are ignored; `NaN`, `inf` and anything unparsable are refused. A comma decimal
//!   (`62,5`, as a Spanish help-centre author may write it) is read as a point.
//! - `lang` takes the usual language tags, case-insensitive (`zh-CN`, `zh-Hans`, `en-US`,
//!   `EN`, `es-ES`): the primary subtag decides.
//! - `pack` is a built-in pack id, or a same-origin path to a pack file (`packs/my.json`,
//!   `/help/packs/my.json`); a URL with a scheme or a host (`https://…`, `//cdn…`) is refused:
//!   the page fetches nothing from other origins.
//! - A refused value or an unknown parameter is ignored with a notice naming it; `utm_*`
//!   tracking parameters that help centres add are ignored silently.
//! - A repeated parameter: the first value counts, with a notice.

use std::collections::{BTreeMap, BTreeSet};

use servicescore::display::fmt_num;

use crate::i18n::Lang;
use crate::packs::PackRef;
use crate::state::View;

/// Why a URL parameter was ignored.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The value is not a finite number.
    NotANumber,
    /// The value lies outside the metric's range.
    OutOfRange {
        /// Range start.
        min: f64,
        /// Range end.
        max: f64,
    },
    /// No such industry in the rule pack.
    UnknownIndustry,
    /// Not `zh`, `en` or `es`.
    UnknownLang,
    /// Not a parameter this page reads.
    UnknownParam,
    /// `embed` must be 0 or 1.
    NotZeroOrOne,
    /// Given more than once.
    Duplicate,
    /// Not a view of the page.
    UnknownView,
    /// Neither a built-in pack nor a same-origin path to a `.json` file.
    UnknownPack,
}

/// The `pack` parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum PackParam {
    /// A built-in pack id.
    Builtin(String),
    /// A same-origin path to a pack file, fetched by the page.
    Path(String),
}

/// An ignored parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Parameter name.
    pub name: String,
    /// Its value as given.
    pub value: String,
    /// Why it was ignored.
    pub reason: Reason,
}

/// What a query string asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlParams {
    /// Metric values given (`None`: no data).
    pub metrics: BTreeMap<String, Option<f64>>,
    /// Industry, if given and known.
    pub industry: Option<String>,
    /// Language, if given and known.
    pub lang: Option<Lang>,
    /// View, if given and known.
    pub view: Option<View>,
    /// Rule pack, if given and acceptable.
    pub pack: Option<PackParam>,
    /// Compact iframe mode.
    pub embed: bool,
    /// `reset=1`: start from defaults, keeping the stored state as a backup (the error
    /// panel's way out).
    pub reset: bool,
    /// Ignored parameters.
    pub problems: Vec<Problem>,
}

impl UrlParams {
    /// Whether the URL defines a scenario (a metric or the industry); `lang`/`embed` alone do
    /// not, so the stored scenario is still restored for them.
    pub fn sets_scenario(&self) -> bool {
        !self.metrics.is_empty() || self.industry.is_some()
    }
}

/// Reads a language tag: `zh`, `zh-CN`, `zh-Hans`, `en-US`, `EN`, `es_ES` (case-insensitive,
/// the primary subtag decides).
pub fn parse_lang(tag: &str) -> Option<Lang> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    Lang::from_code(&primary)
}

/// Reads a `pack` value: a built-in id, or a same-origin relative or absolute path ending in
/// `.json` (no scheme, no host, no backslash, no control characters).
pub fn parse_pack(v: &str) -> Option<PackParam> {
    if PackRef::builtin(v).is_some() {
        return Some(PackParam::Builtin(v.to_string()));
    }
    let plain = !v.is_empty()
        && !v.starts_with("//")
        && !v.contains(':')
        && !v.contains('\\')
        && !v.chars().any(|c| c.is_control() || c.is_whitespace())
        && v.to_ascii_lowercase().ends_with(".json");
    plain.then(|| PackParam::Path(v.to_string()))
}

/// Parses a query string (with or without the leading `?`). Metric values are checked
/// against the pack the query names when it is a built-in one, else against `current`.
pub fn parse_query(current: &PackRef, query: &str) -> UrlParams {
    let query = query.strip_prefix('?').unwrap_or(query);
    let named = form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "pack")
        .and_then(|(_, v)| PackRef::builtin(v.trim()));
    let pack = named.as_ref().unwrap_or(current);
    let mut out = UrlParams::default();
    let mut seen = BTreeSet::new();
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        let (name, value) = (name.into_owned(), value.into_owned());
        if name.is_empty() || name.starts_with("utm_") {
            continue;
        }
        let problem = |reason| Problem {
            name: name.clone(),
            value: value.clone(),
            reason,
        };
        if !seen.insert(name.clone()) {
            out.problems.push(problem(Reason::Duplicate));
            continue;
        }
        let v = value.trim();
        if let Some(m) = pack.metric(&name) {
            if v.is_empty() || v.eq_ignore_ascii_case("none") {
                out.metrics.insert(name, None);
                continue;
            }
            match v.replace(',', ".").parse::<f64>() {
                Ok(x) if !x.is_finite() => out.problems.push(problem(Reason::NotANumber)),
                Ok(x) if !m.admits(x) => out.problems.push(problem(Reason::OutOfRange {
                    min: m.range[0],
                    max: m.range[1],
                })),
                Ok(x) => {
                    out.metrics.insert(name, Some(x));
                }
                Err(_) => out.problems.push(problem(Reason::NotANumber)),
            }
            continue;
        }
        match name.as_str() {
            "industry" => match pack.industry(v) {
                Some(_) => out.industry = Some(v.to_string()),
                None => out.problems.push(problem(Reason::UnknownIndustry)),
            },
            "lang" => match parse_lang(v) {
                Some(l) => out.lang = Some(l),
                None => out.problems.push(problem(Reason::UnknownLang)),
            },
            "view" => match View::from_code(v) {
                Some(view) => out.view = Some(view),
                None => out.problems.push(problem(Reason::UnknownView)),
            },
            "pack" => match parse_pack(v) {
                Some(p) => out.pack = Some(p),
                None => out.problems.push(problem(Reason::UnknownPack)),
            },
            "embed" => match v {
                "1" | "true" => out.embed = true,
                "0" | "false" | "" => out.embed = false,
                _ => out.problems.push(problem(Reason::NotZeroOrOne)),
            },
            "reset" => match v {
                "1" | "true" => out.reset = true,
                "0" | "false" | "" => out.reset = false,
                _ => out.problems.push(problem(Reason::NotZeroOrOne)),
            },
            _ => out.problems.push(problem(Reason::UnknownParam)),
        }
    }
    out
}

/// What the URL says about a state.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryState<'a> {
    /// The pack in use (named unless it is the default; a user's own pack is never put in a
    /// URL, a fetched one by its path).
    pub pack: &'a PackRef,
    /// The path a fetched pack came from.
    pub pack_path: Option<&'a str>,
    /// Industry id.
    pub industry: &'a str,
    /// Metric values (`None`: no data).
    pub metrics: &'a BTreeMap<String, Option<f64>>,
    /// Language.
    pub lang: Lang,
    /// View.
    pub view: View,
    /// Compact iframe mode.
    pub embed: bool,
}

/// The query string for a state (without `?`): every metric, so a shared link reproduces the
/// scenario exactly.
pub fn to_query(q: &QueryState<'_>) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("industry", q.industry);
    for m in &q.pack.metrics {
        let v = q.metrics.get(&m.id).copied().flatten();
        out.append_pair(&m.id, &v.map_or_else(|| "none".to_string(), fmt_num));
    }
    out.append_pair("lang", q.lang.code());
    if q.view != View::Score {
        out.append_pair("view", q.view.code());
    }
    match (&q.pack.origin, q.pack_path) {
        (_, Some(path)) => {
            out.append_pair("pack", path);
        }
        (crate::packs::PackOrigin::Builtin, None) if q.pack.id != PackRef::default_pack().id => {
            out.append_pair("pack", &q.pack.id);
        }
        _ => {}
    }
    if q.embed {
        out.append_pair("embed", "1");
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> PackRef {
        PackRef::default_pack()
    }

    #[test]
    fn good_parameters() {
        let p = parse_query(
            &pack(),
            "?reply_3min_pct=62.55&industry=apparel&lang=en&embed=1&dispute_pct=none&utm_source=x",
        );
        assert_eq!(p.metrics["reply_3min_pct"], Some(62.55));
        assert_eq!(p.metrics["dispute_pct"], None);
        assert_eq!(p.industry.as_deref(), Some("apparel"));
        assert_eq!(p.lang, Some(Lang::En));
        assert!(p.embed);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert!(p.sets_scenario());
        assert!(!parse_query(&pack(), "lang=es").sets_scenario());
    }

    #[test]
    fn bad_parameters_are_named_and_ignored() {
        let p = parse_query(
            &pack(),
            "reply_3min_pct=abc&ship_on_time_pct=120&review_score=NaN&industry=toys&lang=fr&embed=2&foo=1&pay_to_sign_hours=50&pay_to_sign_hours=60",
        );
        let reasons: Vec<(&str, &Reason)> = p
            .problems
            .iter()
            .map(|x| (x.name.as_str(), &x.reason))
            .collect();
        assert_eq!(
            reasons,
            vec![
                ("reply_3min_pct", &Reason::NotANumber),
                (
                    "ship_on_time_pct",
                    &Reason::OutOfRange {
                        min: 0.0,
                        max: 100.0
                    }
                ),
                ("review_score", &Reason::NotANumber),
                ("industry", &Reason::UnknownIndustry),
                ("lang", &Reason::UnknownLang),
                ("embed", &Reason::NotZeroOrOne),
                ("foo", &Reason::UnknownParam),
                ("pay_to_sign_hours", &Reason::Duplicate),
            ]
        );
        assert_eq!(p.metrics.len(), 1);
        assert_eq!(p.metrics["pay_to_sign_hours"], Some(50.0));
        assert_eq!(p.industry, None);
        assert_eq!(p.lang, None);
    }

    #[test]
    fn percent_encoding_and_round_trip() {
        let p = parse_query(&pack(), "reply_3min_pct=%2062.5%20&industry=beauty");
        assert_eq!(p.metrics["reply_3min_pct"], Some(62.5));
        let mut m = BTreeMap::new();
        m.insert("reply_3min_pct".to_string(), Some(62.55));
        m.insert("ship_on_time_pct".to_string(), Some(97.0));
        let p = pack();
        let q = to_query(&QueryState {
            pack: &p,
            pack_path: None,
            industry: "beauty",
            metrics: &m,
            lang: Lang::Es,
            view: View::Score,
            embed: true,
        });
        assert!(q.starts_with("industry=beauty&review_score=none&"), "{q}");
        assert!(q.contains("ship_on_time_pct=97&"));
        assert!(q.ends_with("lang=es&embed=1"));
        let back = parse_query(&pack(), &q);
        assert_eq!(back.metrics["reply_3min_pct"], Some(62.55));
        assert_eq!(back.metrics["review_score"], None);
        assert_eq!(back.metrics.len(), 8);
        assert!(back.problems.is_empty());
    }

    #[test]
    fn language_tags_views_and_packs() {
        for (tag, lang) in [
            ("zh-CN", Lang::Zh),
            ("zh-Hans", Lang::Zh),
            ("en-US", Lang::En),
            ("EN", Lang::En),
            ("es-ES", Lang::Es),
            ("es_mx", Lang::Es),
        ] {
            assert_eq!(parse_lang(tag), Some(lang), "{tag}");
        }
        assert_eq!(parse_lang("fr-FR"), None);
        let p = parse_query(&pack(), "view=CS&pack=packs/my.json&reply_3min_pct=62,5");
        assert_eq!(p.view, Some(View::CustomerService));
        assert_eq!(p.pack, Some(PackParam::Path("packs/my.json".into())));
        assert_eq!(p.metrics["reply_3min_pct"], Some(62.5));
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        for bad in [
            "https://evil.example/p.json",
            "//cdn.example/p.json",
            "javascript:alert(1)",
            "p.txt",
            "a b.json",
        ] {
            let p = parse_query(&pack(), &format!("pack={}", bad.replace(' ', "%20")));
            assert_eq!(p.pack, None, "{bad}");
            assert_eq!(p.problems[0].reason, Reason::UnknownPack, "{bad}");
        }
        let p = parse_query(&pack(), "view=charts");
        assert_eq!(p.problems[0].reason, Reason::UnknownView);
    }
}
