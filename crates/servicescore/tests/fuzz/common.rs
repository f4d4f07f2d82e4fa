//! Generators the targets share: any text, token soups, byte edits, CSV layouts and damaged
//! cells, dates near the calendar's edges, JSON documents built from parts, goal targets.

use super::*;

pub(crate) fn pack() -> &'static RulePack {
    RulePack::default_pack()
}

/// Any text, or random bytes read as lossy UTF-8.
pub(crate) fn any_text() -> BoxedStrategy<String> {
    prop_oneof![
        "(?s).{0,200}",
        vec(any::<u8>(), 0..200).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
    .boxed()
}

/// Up to 60 tokens of a format, in any order.
pub(crate) fn soup(tokens: Vec<&'static str>) -> BoxedStrategy<String> {
    vec(select(tokens), 0..60).prop_map(|t| t.concat()).boxed()
}

/// Byte-level damage to a rendered document.
#[derive(Debug, Clone)]
pub(crate) enum Edit {
    Truncate(Index),
    Insert(Index, &'static str),
    Delete(Index),
}

pub(crate) const NOISE: &[&str] = &[
    ",", "\"", "\n", "\r", "\r\n", "\u{feff}", "\0", " ", "é", "日", "{", "}", "[", "]", ":", "\\",
    "-", "0", "9", ".", "e", "+",
];

/// No damage, or (in `damaged` cases of ten) one to three edits.
pub(crate) fn edits_in_10(damaged: u32) -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        any::<Index>().prop_map(Edit::Truncate),
        (any::<Index>(), select(NOISE)).prop_map(|(i, s)| Edit::Insert(i, s)),
        any::<Index>().prop_map(Edit::Delete),
    ];
    prop_oneof![10 - damaged => Just(Vec::new()), damaged => vec(edit, 1..4)]
}

pub(crate) fn edits() -> impl Strategy<Value = Vec<Edit>> {
    edits_in_10(4)
}

pub(crate) fn apply_edits(text: &mut String, edits: &[Edit]) {
    for e in edits {
        // Char boundaries 0..=len.
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        match e {
            Edit::Truncate(i) => text.truncate(bounds[i.index(bounds.len())]),
            Edit::Insert(i, s) => text.insert_str(bounds[i.index(bounds.len())], s),
            Edit::Delete(i) if bounds.len() > 1 => {
                let k = i.index(bounds.len() - 1);
                text.replace_range(bounds[k]..bounds[k + 1], "");
            }
            Edit::Delete(_) => {}
        }
    }
}

/// How a CSV document is written: byte-order mark, line ends, quoting, blank lines.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub(crate) bom: bool,
    /// 0 LF, 1 CRLF, 2 CR, 3 mixed.
    pub(crate) ends: u8,
    pub(crate) final_end: bool,
    /// Per-line and per-cell choices, used in turn.
    pub(crate) style: Vec<u8>,
}

pub(crate) fn layout() -> impl Strategy<Value = Layout> {
    (
        any::<bool>(),
        prop_oneof![5 => Just(0u8), 3 => Just(1u8), 1 => Just(2u8), 1 => Just(3u8)],
        any::<bool>(),
        vec(any::<u8>(), 1..32),
    )
        .prop_map(|(bom, ends, final_end, style)| Layout {
            bom,
            ends,
            final_end,
            style,
        })
}

/// Writes `rows` (the header first) as CSV. `strict` quotes every cell that needs it, so that
/// the document means exactly `rows`; otherwise one such cell in five is left bare on purpose.
/// Returns the text and the line each row starts on.
pub(crate) fn render_csv(rows: &[Vec<String>], l: &Layout, strict: bool) -> (String, Vec<u64>) {
    let mut out = String::new();
    if l.bom {
        out.push('\u{feff}');
    }
    let mut k = 0;
    let mut next = || {
        k += 1;
        l.style[(k - 1) % l.style.len()]
    };
    let mut starts = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let end = match l.ends {
            0 => "\n",
            1 => "\r\n",
            2 => "\r",
            _ => ["\n", "\r\n", "\r"][usize::from(next() % 3)],
        };
        if i > 0 {
            match next() % 12 {
                0 => out.push_str(end),
                1 => {
                    out.push_str("  ");
                    out.push_str(end);
                }
                2 => {
                    out.push_str(&",".repeat(row.len().saturating_sub(1)));
                    out.push_str(end);
                }
                _ => {}
            }
        }
        starts.push(line_count(&out));
        for (j, cell) in row.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            let s = next();
            let needs = cell.contains([',', '"', '\n', '\r']);
            let quote = (needs && (strict || s % 5 != 0)) || s % 11 == 0;
            // Spaces around a cell are trimmed; outside quotes they make the quotes literal
            // (the csv crate sees a quote only at the start of a cell): damage, not in `strict`.
            let pad = if s % 13 == 0 { " " } else { "" };
            let outside = if !strict && s % 7 == 0 { pad } else { "" };
            out.push_str(outside);
            if quote {
                out.push('"');
                out.push_str(pad);
                out.push_str(&cell.replace('"', "\"\""));
                out.push_str(pad);
                out.push('"');
            } else {
                out.push_str(pad);
                out.push_str(cell);
                out.push_str(pad);
            }
            out.push_str(outside);
        }
        if i + 1 < rows.len() || l.final_end {
            out.push_str(end);
        }
    }
    (out, starts)
}

/// Calendar days the documents are built around: both ends of the years a file may hold, leap
/// days, the epoch.
pub(crate) const ANCHORS: [(i16, i8, i8); 9] = [
    (0, 1, 1),
    (0, 2, 28),
    (1970, 1, 1),
    (2000, 2, 28),
    (2023, 2, 27),
    (2024, 2, 28),
    (2026, 11, 19),
    (9999, 11, 1),
    (9999, 12, 31),
];

/// `ANCHORS[anchor]` moved by `offset` days (`backwards`: earlier), if the result is a date.
pub(crate) fn anchored(anchor: usize, offset: u32, backwards: bool) -> Option<Date> {
    let (y, m, d) = ANCHORS[anchor % ANCHORS.len()];
    let days = i64::from(offset) * if backwards { -1 } else { 1 };
    Date::new(y, m, d)
        .ok()?
        .checked_add(SignedDuration::from_hours(24 * days))
        .ok()
}

/// Whether `d` can be written as `YYYY-MM-DD`.
pub(crate) fn writable(d: Date) -> bool {
    (0..=9999).contains(&d.year())
}

/// A count as a spreadsheet may write it; each form reads back as exactly `v`.
pub(crate) fn count_text(v: f64, form: u8) -> String {
    let plain = format!("{v}");
    let plain = plain.strip_suffix(".0").unwrap_or(&plain).to_string();
    match form % 6 {
        0 | 1 => plain,
        2 => format!("{v:e}"),
        3 => format!("+{plain}"),
        4 if v.fract() == 0.0 && v < 1e15 => format!("{v:.1}"),
        5 if !plain.contains('e') => format!("00{plain}"),
        _ => plain,
    }
}

// Shared by several targets: damaging CSV cells, odd dates and times, JSON documents built
// from parts, goal targets.

/// Damage to the cells of a CSV document.
#[derive(Debug, Clone)]
pub(crate) enum CellEdit {
    Replace(Index, Index, &'static str),
    Remove(Index, Index),
    Append(Index, &'static str),
    DuplicateRow(Index),
    DuplicateColumn(Index),
    SwapRows(Index, Index),
}

pub(crate) fn cell_edits(pool: Vec<&'static str>) -> impl Strategy<Value = Vec<CellEdit>> {
    let edit = prop_oneof![
        6 => (any::<Index>(), any::<Index>(), select(pool.clone()))
            .prop_map(|(r, c, s)| CellEdit::Replace(r, c, s)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(r, c)| CellEdit::Remove(r, c)),
        1 => (any::<Index>(), select(pool)).prop_map(|(r, s)| CellEdit::Append(r, s)),
        1 => any::<Index>().prop_map(CellEdit::DuplicateRow),
        1 => any::<Index>().prop_map(CellEdit::DuplicateColumn),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| CellEdit::SwapRows(a, b)),
    ];
    vec(edit, 1..5)
}

pub(crate) fn apply_cell_edits(rows: &mut [Vec<String>], edits: &[CellEdit]) {
    if rows.is_empty() {
        return;
    }
    let n = rows.len();
    for e in edits {
        match e {
            CellEdit::Replace(r, c, s) => {
                let row = &mut rows[r.index(n)];
                if !row.is_empty() {
                    let len = row.len();
                    row[c.index(len)] = (*s).to_string();
                }
            }
            CellEdit::Remove(r, c) => {
                let row = &mut rows[r.index(n)];
                if !row.is_empty() {
                    let len = row.len();
                    row.remove(c.index(len));
                }
            }
            CellEdit::Append(r, s) => rows[r.index(n)].push((*s).to_string()),
            CellEdit::DuplicateRow(r) => {
                let (to, from) = (r.index(n), n - 1 - r.index(n));
                rows[to] = rows[from].clone();
            }
            CellEdit::DuplicateColumn(c) => {
                let k = c.index(rows[0].len().max(1));
                for row in rows.iter_mut() {
                    if let Some(cell) = row.get(k).cloned() {
                        row.push(cell);
                    }
                }
            }
            CellEdit::SwapRows(a, b) => rows.swap(a.index(n), b.index(n)),
        }
    }
}

/// A valid daily document with one bad cell, and the line and column the error must name.
#[derive(Debug, Clone)]
pub(crate) struct Poisoned {
    pub(crate) text: String,
    pub(crate) line: u64,
    pub(crate) column: String,
}

/// Dates at calendar edges, and not dates.
pub(crate) const ODD_DATES: &[&str] = &[
    "0000-01-01",
    "9999-12-31",
    "2023-02-29",
    "2024-02-29",
    "1900-02-29",
    "2000-02-29",
    "2100-02-29",
    "0000-00-00",
    "99999-01-01",
    "2026-13-01",
    "2026-12-32",
    "2026-00-10",
    "2026-1-5",
    "20261120",
    "2026-11-20T00:00",
    "2026/11/20",
    "-001-01-01",
    "+2026-11-20",
    "２０２６-11-20",
    "2026-11-20 ",
    "2026-11-2O",
    "",
    " ",
    "1970-01-01",
    "10000-01-01",
];

pub(crate) const ODD_TIMES: &[&str] = &[
    "2024-01-01 23:59:60",
    "2024-01-01 24:00:00",
    "2024-01-01 9:00:00",
    "2024-01-01 09:00",
    "2024-01-01 09:00:00.5",
    "2024-01-01T09:00:00Z",
    "2024-01-01T09:00:00",
    "0000-00-00 00:00:00",
    "99999-01-01 00:00:00",
    "2023-02-29 12:00:00",
    "2024-02-29 12:00:00",
    "9999-12-31 23:59:59",
    "0000-01-01 00:00:00",
    "2024-01-01  09:00:00",
    "2024-01-01 09:60:00",
    "2024-01-01 -1:00:00",
    "2024-01-01 ٠٩:00:00",
    "",
    " ",
    "x",
    "2024-01-01",
    "1704067200",
];

/// Days a history may end on: both ends of the calendar, a leap day, today-ish.
pub(crate) fn edge_day() -> impl Strategy<Value = Date> {
    select(vec![
        Date::MIN,
        Date::constant(0, 1, 1),
        Date::constant(0, 7, 1),
        Date::constant(2024, 2, 29),
        Date::constant(2026, 11, 20),
        Date::constant(9999, 6, 1),
        Date::constant(9999, 12, 31),
        Date::MAX,
    ])
}

/// The middle of the score scale, the lowest and the highest star level, every threshold.
pub(crate) fn goal_targets(pack: &RulePack) -> Vec<Target> {
    let mut t = vec![Target::Score(
        (pack.score.min.value + pack.score.max.value) / 2.0,
    )];
    let bands = &pack.stars.bands.value;
    t.extend(bands.last().map(|b| Target::Stars(b.stars)));
    t.extend(bands.first().map(|b| Target::Stars(b.stars)));
    t.extend(
        pack.thresholds
            .iter()
            .map(|x| Target::Threshold(x.id.clone())),
    );
    t
}

/// Raw JSON values a metric may be given.
pub(crate) const ODD_VALUES: &[&str] = &[
    "62",
    "62.5",
    "-0",
    "0",
    "100",
    "100.0000001",
    "-1e-320",
    "1e308",
    "1e309",
    "-1e999",
    "5e-324",
    "NaN",
    "Infinity",
    "\"62\"",
    "null",
    "true",
    "[]",
    "{}",
    "+5",
    "0x10",
    ".5",
    "1.",
    "01",
    "1e",
    "9007199254740993",
    "18446744073709551616",
    "4.5",
    "99.9",
    "72",
    "-1",
    "3",
];

/// Raw JSON keys (already quoted).
pub(crate) const ODD_KEYS: &[&str] = &[
    "\"\"",
    "\"reply_3min\"",
    "\"a\\nb\"",
    "\"REPLY_3MIN_PCT\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"é\"",
    "\"metrics\"",
    "\"industry\"",
];

/// `"<metric id>": value`: mostly a known metric with a value within its range, sometimes an
/// odd key or an odd value.
pub(crate) fn metric_entry() -> BoxedStrategy<(String, String)> {
    let metrics: Vec<(String, [f64; 2])> = pack()
        .metrics
        .iter()
        .map(|m| (m.id.clone(), m.range))
        .collect();
    let ids: Vec<String> = metrics.iter().map(|(id, _)| format!("\"{id}\"")).collect();
    prop_oneof![
        12 => (select(metrics), 0.0f64..=1.0)
            .prop_map(|((id, r), f)| (format!("\"{id}\""), format!("{}", r[0] + f * (r[1] - r[0])))),
        1 => (select(ids), select(ODD_VALUES)).prop_map(|(k, v)| (k, v.to_string())),
        // Non-finite numbers have no JSON form; they become 0 (no filter: rejects are limited).
        1 => (select(ODD_KEYS), any::<f64>())
            .prop_map(|(k, x)| (k.to_string(), if x.is_finite() { format!("{x}") } else { "0".into() })),
    ]
    .boxed()
}

/// `"<id>": value` with mostly a known id (of `ids`), sometimes an odd key.
pub(crate) fn id_entry(
    ids: Vec<String>,
    value: BoxedStrategy<String>,
) -> BoxedStrategy<(String, String)> {
    let key = prop_oneof![
        12 => select(ids).prop_map(|id| format!("\"{id}\"")),
        1 => select(ODD_KEYS).prop_map(str::to_string),
    ];
    (key, value).boxed()
}

/// A JSON object of up to `n` entries.
pub(crate) fn json_map(entry: BoxedStrategy<(String, String)>, n: usize) -> BoxedStrategy<String> {
    vec(entry, 0..n)
        .prop_map(|kv| {
            let body: Vec<String> = kv.into_iter().map(|(k, v)| format!("{k}: {v}")).collect();
            format!("{{{}}}", body.join(", "))
        })
        .boxed()
}

/// `{fields}` in any order, now and then with text around it, as an array, or damaged.
pub(crate) fn json_doc(
    fields: Vec<BoxedStrategy<Option<String>>>,
) -> impl Strategy<Value = String> {
    (
        fields.prop_shuffle(),
        prop_oneof![12 => Just(""), 1 => Just(" \n"), 1 => Just("\u{feff}")],
        prop_oneof![12 => Just(""), 1 => Just("\n"), 1 => Just("x"), 1 => Just("}")],
        prop_oneof![19 => Just(false), 1 => Just(true)],
        edits_in_10(2),
    )
        .prop_map(|(fields, pre, post, array, e)| {
            let body: Vec<String> = fields.into_iter().flatten().collect();
            let (open, close) = if array { ('[', ']') } else { ('{', '}') };
            let mut t = format!("{pre}{open}{}{close}{post}", body.join(", "));
            apply_edits(&mut t, &e);
            t
        })
}

/// A field now and then repeated or unknown (`deny_unknown_fields`).
pub(crate) fn odd_field(fields: Vec<&'static str>) -> BoxedStrategy<Option<String>> {
    proptest::option::weighted(0.1, select(fields).prop_map(str::to_string)).boxed()
}
