//! Reading a header cell as a column: ids in any ASCII case, Chinese names as the back office
//! and Chinese spreadsheets write them, a unit in brackets after a name, and the near-misses of
//! a known id that are typos rather than other columns.

/// A column a reader knows: its id and the other names it accepts for it.
pub(crate) struct Known {
    /// The canonical id (`ship_due`), what errors name.
    pub id: &'static str,
    /// Other accepted names (Chinese), compared after [`normalise`].
    pub aliases: &'static [&'static str],
}

/// A header cell as compared: trimmed, ASCII letters in lower case, and a trailing unit in
/// brackets dropped (`支签总时长(小时)`, `sign_hours_sum （h）`).
pub(crate) fn normalise(name: &str) -> String {
    let mut name = name.trim();
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(inner) = name.strip_suffix(close) {
            if let Some(at) = inner.rfind(open) {
                if at > 0 {
                    name = inner[..at].trim_end();
                }
            }
        }
    }
    name.to_ascii_lowercase()
}

/// The index in `known` of the column `name` names.
pub(crate) fn find(known: &[Known], name: &str) -> Option<usize> {
    let name = normalise(name);
    known
        .iter()
        .position(|k| k.id == name || k.aliases.iter().any(|a| normalise(a) == name))
}

/// The known id an unknown `name` is most likely a typo of, among those the header lacks
/// (`absent(i)`): an ASCII name one edit from an id of up to five letters, or two edits from a
/// longer one (`ship_du`, `paid_order`, `Disputes_`). Anything further is another column.
pub(crate) fn misspelling(
    known: &[Known],
    name: &str,
    absent: impl Fn(usize) -> bool,
) -> Option<&'static str> {
    let name = normalise(name);
    if !name.is_ascii() || name.is_empty() {
        return None;
    }
    known
        .iter()
        .enumerate()
        .filter(|(i, _)| absent(*i))
        .filter_map(|(_, k)| {
            let limit = if k.id.len() <= 5 { 1 } else { 2 };
            let d = distance(&name, k.id, limit)?;
            Some((d, k.id))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, id)| id)
}

/// Edit distance (insertions, deletions, substitutions) between ASCII strings, if ≤ `limit`.
fn distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            row[j + 1] = sub.min(prev[j + 1] + 1).min(row[j] + 1);
        }
        prev = row;
    }
    let d = prev[b.len()];
    (d <= limit).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: [Known; 3] = [
        Known {
            id: "date",
            aliases: &["日期"],
        },
        Known {
            id: "ship_due",
            aliases: &["应发货订单数"],
        },
        Known {
            id: "sign_hours_sum",
            aliases: &["支签总时长"],
        },
    ];

    #[test]
    fn names_ids_and_aliases() {
        assert_eq!(find(&KNOWN, " Date "), Some(0));
        assert_eq!(find(&KNOWN, "SHIP_DUE"), Some(1));
        assert_eq!(find(&KNOWN, "日期"), Some(0));
        assert_eq!(find(&KNOWN, "支签总时长(小时)"), Some(2));
        assert_eq!(find(&KNOWN, "支签总时长 （小时）"), Some(2));
        assert_eq!(find(&KNOWN, "sign_hours_sum (h)"), Some(2));
        assert_eq!(find(&KNOWN, "(h)"), None);
        assert_eq!(find(&KNOWN, "ship due"), None);
        assert_eq!(normalise("  A(b)c "), "a(b)c");
    }

    #[test]
    fn typos_of_absent_columns() {
        let all_absent = |_| true;
        assert_eq!(misspelling(&KNOWN, "ship_du", all_absent), Some("ship_due"));
        assert_eq!(
            misspelling(&KNOWN, "Ship Due", all_absent),
            Some("ship_due")
        );
        assert_eq!(misspelling(&KNOWN, "dates", all_absent), Some("date"));
        assert_eq!(misspelling(&KNOWN, "day", all_absent), None);
        assert_eq!(
            misspelling(&KNOWN, "ship_due_2", all_absent),
            Some("ship_due")
        );
        assert_eq!(misspelling(&KNOWN, "ship_due_23", all_absent), None);
        assert_eq!(misspelling(&KNOWN, "ship_du", |i| i != 1), None);
        assert_eq!(misspelling(&KNOWN, "agent", all_absent), None);
        assert_eq!(misspelling(&KNOWN, "日", all_absent), None);
        assert_eq!(distance("kitten", "sitting", 3), Some(3));
        assert_eq!(distance("kitten", "sitting", 2), None);
        assert_eq!(distance("", "ab", 2), Some(2));
    }
}
