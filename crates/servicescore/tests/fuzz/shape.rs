//! The shape every refusal must have: one non-empty line naming its place, within the
//! input's lines; and the checks on what a parser accepted.

use super::*;

/// Lines of `text` as an editor counts them (`\n`, `\r\n` and a lone `\r` end a line).
pub(crate) fn line_count(text: &str) -> u64 {
    1 + breaks(text)
}

pub(crate) fn breaks(text: &str) -> u64 {
    let b = text.as_bytes();
    (0..b.len())
        .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count() as u64
}

/// `msg` must be one line (K1: cells, names and JSON strings of the input used to be quoted
/// raw, line breaks included).
pub(crate) fn one_line(msg: &str) -> TestCaseResult {
    prop_assert!(
        !msg.contains(['\n', '\r']),
        "the message spans lines: {:?}",
        msg
    );
    Ok(())
}

/// An error of the core: one non-empty line that starts with its place; a row error's line lies
/// in the file (`1..=max_line`) and its column is named.
pub(crate) fn check_error(e: &Error, max_line: u64) -> TestCaseResult {
    let msg = e.to_string();
    let place = e.place();
    // K6: an unknown JSON field with a blank name used to be the whole place (` : unknown ...`).
    prop_assert!(!place.trim().is_empty(), "no place: {:?}", msg);
    let prefix = format!("{place}: ");
    prop_assert!(msg.starts_with(&prefix), "not `place: reason`: {:?}", msg);
    prop_assert!(
        !msg[prefix.len()..].trim().is_empty(),
        "no reason: {:?}",
        msg
    );
    one_line(&msg)?;
    if let Error::Row { line, column, .. } = e {
        prop_assert!(
            (1..=max_line).contains(line),
            "line {} is not in the file (1..={}): {:?}",
            line,
            max_line,
            msg
        );
        prop_assert!(!column.trim().is_empty(), "no column: {:?}", msg);
    }
    Ok(())
}

/// `Ok` passes; an error must have the shape of [`check_error`] (for values, not files).
pub(crate) fn check<T>(r: &Result<T, Error>) -> TestCaseResult {
    match r {
        Ok(_) => Ok(()),
        Err(e) => check_error(e, u64::MAX),
    }
}

/// A score must be on the pack's scale (K3: a NaN used to come out of counts whose window
/// sums overflowed).
pub(crate) fn check_score(what: &str, score: Option<f64>, pack: &RulePack) -> TestCaseResult {
    if let Some(s) = score {
        let (lo, hi) = (pack.score.min.value, pack.score.max.value);
        prop_assert!(
            s.is_finite() && lo <= s && s <= hi,
            "{}: score {} is off the scale {}–{}",
            what,
            s,
            lo,
            hi
        );
    }
    Ok(())
}
