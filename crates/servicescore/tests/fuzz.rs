//! Fuzz tests (issue 6): every parser of the core, and what runs on whatever it accepted, fed
//! random and structure-aware input. No input may make anything panic, and every refusal must
//! be one non-empty line that names its place (`path: ...` or `line N, column C: ...`).
//!
//! cargo-fuzz needs a nightly toolchain, so these are proptest runs whose case count comes from
//! `FUZZ_CASES` (2 000 when unset, so that `cargo test` stays fast). `scripts/fuzz [N]` runs
//! every target with N cases (default a million) in release mode, with debug assertions and
//! overflow checks on (as cargo-fuzz builds), and prints the counts and times.
//!
//! Each target mixes unstructured input (any text, random bytes read as lossy UTF-8, a soup of
//! the format's tokens) with documents built from the format and then damaged cell by cell and
//! byte by byte. Undamaged documents are valid, so they go deep: into the timeline, the
//! projection, the customer-service assessment and the goal seek.
//!
//! What these tests found is kept as regression tests in `found` at the end (minimal inputs,
//! fixed since); the properties tolerate nothing.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::OnceLock;

use jiff::civil::{Date, DateTime};
use jiff::SignedDuration;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, subsequence, Index};
use proptest::test_runner::{TestCaseError, TestCaseResult};
use serde_json::Value;
use servicescore::cs::{self, SessionLog};
use servicescore::goal::{goal_seek, Target};
use servicescore::rulepack::{parse_time_of_day, CsRules, DAILY_COLUMNS, DEFAULT_PACK_JSON};
use servicescore::timeline::{self, records, DailyRecords, History, Plan, Window, MAX_DAYS};
use servicescore::violations::{parse_counts, tally};
use servicescore::{evaluate, project, sensitivity, Error, Model, RulePack, Scenario};

// ---------------------------------------------------------------------------------------------
// The runner

#[path = "support/fuzz_runner.rs"]
mod fuzz_runner;
use fuzz_runner::{fuzz, Stats};

// ---------------------------------------------------------------------------------------------
// The shape of an error

/// Lines of `text` as an editor counts them (`\n`, `\r\n` and a lone `\r` end a line).
fn line_count(text: &str) -> u64 {
    1 + breaks(text)
}

fn breaks(text: &str) -> u64 {
    let b = text.as_bytes();
    (0..b.len())
        .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count() as u64
}

/// `msg` must be one line (K1: cells, names and JSON strings of the input used to be quoted
/// raw, line breaks included).
fn one_line(msg: &str) -> TestCaseResult {
    prop_assert!(
        !msg.contains(['\n', '\r']),
        "the message spans lines: {:?}",
        msg
    );
    Ok(())
}

/// An error of the core: one non-empty line that starts with its place; a row error's line lies
/// in the file (`1..=max_line`) and its column is named.
fn check_error(e: &Error, max_line: u64) -> TestCaseResult {
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
fn check<T>(r: &Result<T, Error>) -> TestCaseResult {
    match r {
        Ok(_) => Ok(()),
        Err(e) => check_error(e, u64::MAX),
    }
}

/// A score must be on the pack's scale (K3: a NaN used to come out of counts whose window
/// sums overflowed).
fn check_score(what: &str, score: Option<f64>, pack: &RulePack) -> TestCaseResult {
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

// ---------------------------------------------------------------------------------------------
// Shared generators

fn pack() -> &'static RulePack {
    RulePack::default_pack()
}

/// Any text, or random bytes read as lossy UTF-8.
fn any_text() -> BoxedStrategy<String> {
    prop_oneof![
        "(?s).{0,200}",
        vec(any::<u8>(), 0..200).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
    .boxed()
}

/// Up to 60 tokens of a format, in any order.
fn soup(tokens: Vec<&'static str>) -> BoxedStrategy<String> {
    vec(select(tokens), 0..60).prop_map(|t| t.concat()).boxed()
}

/// Byte-level damage to a rendered document.
#[derive(Debug, Clone)]
enum Edit {
    Truncate(Index),
    Insert(Index, &'static str),
    Delete(Index),
}

const NOISE: &[&str] = &[
    ",", "\"", "\n", "\r", "\r\n", "\u{feff}", "\0", " ", "é", "日", "{", "}", "[", "]", ":", "\\",
    "-", "0", "9", ".", "e", "+",
];

/// No damage, or (in `damaged` cases of ten) one to three edits.
fn edits_in_10(damaged: u32) -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        any::<Index>().prop_map(Edit::Truncate),
        (any::<Index>(), select(NOISE)).prop_map(|(i, s)| Edit::Insert(i, s)),
        any::<Index>().prop_map(Edit::Delete),
    ];
    prop_oneof![10 - damaged => Just(Vec::new()), damaged => vec(edit, 1..4)]
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    edits_in_10(4)
}

fn apply_edits(text: &mut String, edits: &[Edit]) {
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
struct Layout {
    bom: bool,
    /// 0 LF, 1 CRLF, 2 CR, 3 mixed.
    ends: u8,
    final_end: bool,
    /// Per-line and per-cell choices, used in turn.
    style: Vec<u8>,
}

fn layout() -> impl Strategy<Value = Layout> {
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
fn render_csv(rows: &[Vec<String>], l: &Layout, strict: bool) -> (String, Vec<u64>) {
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
const ANCHORS: [(i16, i8, i8); 9] = [
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
fn anchored(anchor: usize, offset: u32, backwards: bool) -> Option<Date> {
    let (y, m, d) = ANCHORS[anchor % ANCHORS.len()];
    let days = i64::from(offset) * if backwards { -1 } else { 1 };
    Date::new(y, m, d)
        .ok()?
        .checked_add(SignedDuration::from_hours(24 * days))
        .ok()
}

/// Whether `d` can be written as `YYYY-MM-DD`.
fn writable(d: Date) -> bool {
    (0..=9999).contains(&d.year())
}

/// A count as a spreadsheet may write it; each form reads back as exactly `v`.
fn count_text(v: f64, form: u8) -> String {
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

// ---------------------------------------------------------------------------------------------
// Daily records CSV

/// Cells that are anything but a plain count.
const ODD_COUNTS: &[&str] = &[
    "",
    "0",
    "-0",
    "+5",
    "0x10",
    "1,5",
    " 3 ",
    "1e308",
    "1e309",
    "-1e308",
    "1e-320",
    "5e-324",
    "2.2250738585072014e-308",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "infinity",
    "+inf",
    "1e3",
    "12.5",
    ".5",
    "5.",
    "1_000",
    "١٢",
    "１２",
    "-1",
    "-0.0",
    "1e",
    "e1",
    "--1",
    "0.1e-7",
    "18446744073709551616",
    "9007199254740993",
    "1e-7",
    "0b1",
    "1/2",
    "\"7\"",
    "7\"",
    "a\nb",
    "\r",
    "x",
    "true",
    "1 2",
];

/// Dates at calendar edges, and not dates.
const ODD_DATES: &[&str] = &[
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

/// Header names that are not columns, or are columns written oddly.
const ODD_NAMES: &[&str] = &[
    "ship_du",
    "Date",
    "DATE",
    " date",
    "日期",
    "paid orders",
    "excluded ",
    "\u{feff}date",
    "date\0",
    "a\nb",
    "\"",
    "x,y",
    "",
    "paid_orders",
    "date",
    "excluded",
    "review_sum",
    "-",
    "1",
];

const ODD_EXCLUDED: &[&str] = &["", "0", "1", "2", "yes", "true", "-1", "1.0", "01", " 1 "];

/// A header column of a daily file.
#[derive(Debug, Clone, Copy, PartialEq)]
enum DCol {
    Date,
    Count(usize),
    Excluded,
    Nameless,
}

#[derive(Debug, Clone)]
struct DayRow {
    offset: u32,
    raw: Vec<u32>,
    /// Scale of the counts: whole, quarters, large (1e9: up to 1e12, the most a cell may
    /// hold), huge (1e305: refused) or tiny (1e-300).
    scale: u8,
    form: u8,
    excluded: u8,
}

/// A daily file that is valid as built (counts agree, dates are unique and writable).
#[derive(Debug, Clone)]
struct DailyDoc {
    anchor: usize,
    backwards: bool,
    columns: Vec<DCol>,
    rows: Vec<DayRow>,
    layout: Layout,
}

/// `column ≤ max × of` and `≥ min × of`, as `records.rs` checks (min > 0: only review_sum).
const BOUNDS: [(usize, usize, f64, f64); 8] = [
    (2, 1, 1.0, 5.0),
    (3, 0, 0.0, 1.0),
    (5, 4, 0.0, f64::INFINITY),
    (7, 6, 0.0, 1.0),
    (9, 8, 0.0, f64::INFINITY),
    (11, 10, 0.0, f64::INFINITY),
    (13, 12, 0.0, 1.0),
    (14, 0, 0.0, 1.0),
];

fn daily_doc() -> impl Strategy<Value = DailyDoc> {
    let columns = (
        subsequence(
            (0..DAILY_COLUMNS.len()).collect::<Vec<_>>(),
            0..=DAILY_COLUMNS.len(),
        ),
        any::<bool>(),
        0usize..3,
    )
        .prop_flat_map(|(counts, excluded, nameless)| {
            let mut cols = vec![DCol::Date];
            cols.extend(counts.into_iter().map(DCol::Count));
            if excluded {
                cols.push(DCol::Excluded);
            }
            cols.extend(std::iter::repeat_n(DCol::Nameless, nameless));
            Just(cols).prop_shuffle()
        });
    let row = (
        0u32..60,
        vec(0u32..1000, DAILY_COLUMNS.len()),
        prop_oneof![8 => Just(0u8), 3 => Just(1u8), 1 => Just(2u8), 1 => Just(3u8), 1 => Just(4u8)],
        any::<u8>(),
        0u8..3,
    )
        .prop_map(|(offset, raw, scale, form, excluded)| DayRow {
            offset,
            raw,
            scale,
            form,
            excluded,
        });
    (
        0..ANCHORS.len(),
        any::<bool>(),
        columns,
        vec(row, 0..12),
        layout(),
    )
        .prop_map(|(anchor, backwards, columns, rows, layout)| DailyDoc {
            anchor,
            backwards,
            columns,
            rows,
            layout,
        })
}

/// The cells of a daily document (header first). Rows whose date repeats or cannot be written
/// are left out, so the document is valid.
fn daily_cells(doc: &DailyDoc) -> Vec<Vec<String>> {
    let header = doc
        .columns
        .iter()
        .map(|c| match c {
            DCol::Date => records::DATE_COLUMN.to_string(),
            DCol::Count(i) => DAILY_COLUMNS[*i].to_string(),
            DCol::Excluded => records::EXCLUDED_COLUMN.to_string(),
            DCol::Nameless => String::new(),
        })
        .collect();
    let mut out = vec![header];
    let mut seen = std::collections::BTreeSet::new();
    let present: Vec<bool> = (0..DAILY_COLUMNS.len())
        .map(|i| doc.columns.contains(&DCol::Count(i)))
        .collect();
    for r in &doc.rows {
        let Some(date) = anchored(doc.anchor, r.offset, doc.backwards).filter(|d| writable(*d))
        else {
            continue;
        };
        if !seen.insert(date) {
            continue;
        }
        let scale = [1.0, 0.25, 1e9, 1e305, 1e-300][usize::from(r.scale % 5)];
        let mut v: Vec<f64> = r
            .raw
            .iter()
            .zip(&present)
            .map(|(x, p)| if *p { f64::from(*x) * scale } else { 0.0 })
            .collect();
        // Make the counts agree: a lower bound on a column the file lacks forces its `of` to 0.
        for &(c, of, min, _) in &BOUNDS {
            if !present[c] && min > 0.0 {
                v[of] = 0.0;
            }
        }
        for &(c, of, min, max) in &BOUNDS {
            let o = v[of];
            v[c] = if o == 0.0 {
                0.0
            } else if max.is_finite() {
                v[c].clamp(min * o, max * o)
            } else {
                v[c]
            };
        }
        let row = doc
            .columns
            .iter()
            .map(|c| match c {
                DCol::Date => date.to_string(),
                DCol::Count(i) => count_text(v[*i], r.form.wrapping_add(*i as u8)),
                DCol::Excluded => ["", "0", "1"][usize::from(r.excluded % 3)].to_string(),
                DCol::Nameless => String::new(),
            })
            .collect();
        out.push(row);
    }
    out
}

/// Damage to the cells of a CSV document.
#[derive(Debug, Clone)]
enum CellEdit {
    Replace(Index, Index, &'static str),
    Remove(Index, Index),
    Append(Index, &'static str),
    DuplicateRow(Index),
    DuplicateColumn(Index),
    SwapRows(Index, Index),
}

fn cell_edits(pool: Vec<&'static str>) -> impl Strategy<Value = Vec<CellEdit>> {
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

fn apply_cell_edits(rows: &mut [Vec<String>], edits: &[CellEdit]) {
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

fn daily_tokens() -> Vec<&'static str> {
    let mut t = vec![",", ",", ",", "\n", "\r\n", "\r", "\"", "\u{feff}", " "];
    t.extend(["date", "excluded"]);
    t.extend(DAILY_COLUMNS);
    t.extend(ODD_COUNTS);
    t.extend(ODD_DATES);
    t
}

/// Any daily file: unstructured text, token soup, valid documents, damaged documents.
fn daily_text() -> impl Strategy<Value = String> {
    let mut odd: Vec<&'static str> = ODD_COUNTS.to_vec();
    odd.extend(ODD_DATES);
    odd.extend(ODD_NAMES);
    odd.extend(ODD_EXCLUDED);
    let valid = (daily_doc(), edits()).prop_map(|(doc, e)| {
        let (mut text, _) = render_csv(&daily_cells(&doc), &doc.layout, false);
        apply_edits(&mut text, &e);
        text
    });
    let damaged = (daily_doc(), cell_edits(odd), edits()).prop_map(|(doc, ce, e)| {
        let mut cells = daily_cells(&doc);
        apply_cell_edits(&mut cells, &ce);
        let (mut text, _) = render_csv(&cells, &doc.layout, false);
        apply_edits(&mut text, &e);
        text
    });
    prop_oneof![
        1 => any_text(),
        1 => soup(daily_tokens()),
        4 => valid,
        4 => damaged,
    ]
}

#[test]
fn fuzz_daily_csv() {
    fuzz("daily records CSV", daily_text(), |text, stats| {
        let max_line = line_count(&text);
        let first = DailyRecords::from_csv(&text);
        let all = DailyRecords::from_csv_all_errors(&text);
        // Both entry points agree: the same records, or the same first error.
        match (&first, &all) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(e), Err(all)) => {
                check_error(e, max_line)?;
                prop_assert!(!all.errors.is_empty());
                prop_assert!(all.errors.len() <= records::MAX_REPORTED_ERRORS);
                prop_assert_eq!(&all.errors[0], e);
                for e in &all.errors {
                    check_error(e, max_line)?;
                }
                one_line(&all.to_string())?;
            }
            _ => prop_assert!(false, "from_csv {:?} but all errors {:?}", first, all),
        }
        let Ok(recs) = first else {
            stats.bump("refused");
            return Ok(());
        };
        stats.bump("read");
        // What was read writes and reads back unchanged.
        let again = DailyRecords::from_csv(&recs.to_csv());
        prop_assert_eq!(again.as_ref(), Ok(&recs));
        if recs.is_empty() {
            return Ok(());
        }
        stats.bump("read, with records: timeline and projection run");
        downstream_of_records(&recs)
    });
}

/// The timeline, the window's scenario, its evaluation and a projection from records.
fn downstream_of_records(recs: &DailyRecords) -> TestCaseResult {
    let pack = pack();
    let (first, last) = (recs.first_date().unwrap(), recs.last_date().unwrap());
    // An industry with a score, and one without.
    for industry in ["apparel", "outdoor_service"] {
        let model = match Model::new(pack, industry) {
            Ok(m) => m,
            Err(e) => return check_error(&e, u64::MAX),
        };
        let window = Window::new(model.clone());
        let history = History::from_records(pack, recs);
        let day = |d: Date, k: i64| d.checked_add(SignedDuration::from_hours(24 * k)).ok();
        // The days after the data, and days around both ends of the calendar.
        let ranges = [
            (day(first, 1), day(last, 3)),
            (day(last, 1), day(last, 1)),
            (Some(Date::MIN), day(Date::MIN, 2)),
            (day(Date::MAX, -2), Some(Date::MAX)),
            (day(first, 5), day(first, 0)),
        ];
        for (from, to) in ranges {
            let (Some(from), Some(to)) = (from, to) else {
                continue;
            };
            let days = timeline::timeline(pack, industry, recs, from, to);
            check(&days)?;
            for d in days.iter().flatten() {
                check_score("timeline", d.score, pack)?;
            }
        }
        let Some(start) = day(last, 1) else {
            continue;
        };
        let scenario = window.scenario_on(&history, start);
        check(&scenario)?;
        let Ok(scenario) = scenario else { continue };
        let r = evaluate(pack, &scenario);
        check(&r)?;
        if let Ok(r) = &r {
            check_score("evaluate", r.score, pack)?;
        }
        let plan = Plan::hold(start, &scenario);
        let p = project(&model, &history, &plan, start, 20);
        check(&p)?;
        if let Ok(p) = &p {
            for d in &p.days {
                check_score("projection", d.score, pack)?;
            }
        }
    }
    Ok(())
}

/// A valid daily document with one bad cell, and the line and column the error must name.
#[derive(Debug, Clone)]
struct Poisoned {
    text: String,
    line: u64,
    column: String,
}

fn daily_poisoned() -> impl Strategy<Value = Poisoned> {
    (
        daily_doc(),
        any::<Index>(),
        any::<Index>(),
        select(vec!["x", "-1", "NaN", "1e309", "2023-02-29", "0x10"]),
    )
        .prop_map(|(mut doc, r, c, bad)| {
            // Only the poisoned cell may be bad: no huge (refused) counts.
            for row in &mut doc.rows {
                if row.scale % 5 == 3 {
                    row.scale = 2;
                }
            }
            let mut cells = daily_cells(&doc);
            if cells.len() < 2 {
                // No writable row: add one (no filter, since proptest limits rejects).
                let row = doc.columns.iter().map(|c| match c {
                    DCol::Date => "2026-11-19".to_string(),
                    _ => String::new(),
                });
                cells.push(row.collect());
            }
            let row = 1 + r.index(cells.len() - 1);
            let named: Vec<usize> = (0..cells[0].len())
                .filter(|&j| doc.columns[j] != DCol::Nameless)
                .collect();
            let col = named[c.index(named.len())];
            let column = cells[0][col].clone();
            let bad = match (doc.columns[col], bad) {
                (DCol::Date, "-1") => "2026-02-30",
                (DCol::Excluded, "-1") => "2",
                _ => bad,
            };
            cells[row][col] = bad.to_string();
            let (text, starts) = render_csv(&cells, &doc.layout, true);
            Poisoned {
                text,
                line: starts[row],
                column,
            }
        })
}

#[test]
fn fuzz_daily_csv_line_numbers() {
    fuzz(
        "daily records CSV, line numbers",
        daily_poisoned(),
        |p, _| {
            let e = DailyRecords::from_csv(&p.text).expect_err("a bad cell is refused");
            check_error(&e, line_count(&p.text))?;
            let Error::Row { line, column, .. } = &e else {
                return Err(TestCaseError::fail(format!("not a row error: {e}")));
            };
            prop_assert_eq!(column, &p.column, "{}", e);
            // K2: after CR or CRLF line ends and empty lines this used to be the csv crate's
            // line, short of the editor's.
            prop_assert_eq!(*line, p.line, "{}", e);
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Session log CSV

const ODD_TIMES: &[&str] = &[
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

const ODD_RATINGS: &[&str] = &[
    "", "1", "5", "0", "6", "+5", " 3 ", "5.0", "256", "-1", "٣", "1e0", "05", "x", "NaN",
];

const ODD_IDS: &[&str] = &["", " ", "s0", "s1", "S0", "a\nb", "\"", "会话", "s0 ", "0"];

const SESSION_EXTRAS: &[&str] = &["agent", "channel", "note\nmultiline", "", "Agent, Name"];

#[derive(Debug, Clone, Copy, PartialEq)]
enum SCol {
    Id,
    Start,
    Reply,
    Rating,
    Extra(&'static str),
}

#[derive(Debug, Clone)]
struct SessionRow {
    day: u32,
    second: u32,
    delay: Option<u32>,
    rating: u8,
    t_separator: bool,
    extra: u8,
}

/// A session log that is valid as built.
#[derive(Debug, Clone)]
struct SessionDoc {
    anchor: usize,
    backwards: bool,
    columns: Vec<SCol>,
    /// Upper, lower or mixed case names, spaces around them.
    name_style: u8,
    rows: Vec<SessionRow>,
    layout: Layout,
}

fn session_doc() -> impl Strategy<Value = SessionDoc> {
    let columns = (any::<bool>(), subsequence(SESSION_EXTRAS.to_vec(), 0..=2)).prop_flat_map(
        |(rating, extras)| {
            let mut cols = vec![SCol::Id, SCol::Start, SCol::Reply];
            if rating {
                cols.push(SCol::Rating);
            }
            cols.extend(extras.into_iter().map(SCol::Extra));
            Just(cols).prop_shuffle()
        },
    );
    let row = (
        0u32..20,
        prop_oneof![Just(0u32), Just(86_399u32), 0u32..86_400],
        proptest::option::weighted(0.8, prop_oneof![0u32..400, 0u32..200_000]),
        0u8..6,
        any::<bool>(),
        any::<u8>(),
    )
        .prop_map(
            |(day, second, delay, rating, t_separator, extra)| SessionRow {
                day,
                second,
                delay,
                rating,
                t_separator,
                extra,
            },
        );
    (
        0..ANCHORS.len(),
        any::<bool>(),
        columns,
        any::<u8>(),
        vec(row, 0..16),
        layout(),
    )
        .prop_map(
            |(anchor, backwards, columns, name_style, rows, layout)| SessionDoc {
                anchor,
                backwards,
                columns,
                name_style,
                rows,
                layout,
            },
        )
}

fn datetime_text(t: DateTime, t_separator: bool) -> String {
    let sep = if t_separator { 'T' } else { ' ' };
    format!(
        "{}{sep}{:02}:{:02}:{:02}",
        t.date(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The cells of a session log (header first); rows that cannot be written are left out.
fn session_cells(doc: &SessionDoc) -> Vec<Vec<String>> {
    let name = |n: &str| match doc.name_style % 4 {
        0 => n.to_string(),
        1 => n.to_ascii_uppercase(),
        2 => format!(" {n} "),
        _ => n[..1].to_ascii_uppercase() + &n[1..],
    };
    let header = doc
        .columns
        .iter()
        .map(|c| match c {
            SCol::Id => name("session_id"),
            SCol::Start => name("started_at"),
            SCol::Reply => name("first_reply_at"),
            SCol::Rating => name("rating"),
            SCol::Extra(n) => (*n).to_string(),
        })
        .collect();
    let mut out = vec![header];
    for (i, r) in doc.rows.iter().enumerate() {
        let Some(date) = anchored(doc.anchor, r.day, doc.backwards).filter(|d| writable(*d)) else {
            continue;
        };
        let Ok(start) = date
            .to_datetime(jiff::civil::Time::midnight())
            .checked_add(SignedDuration::from_secs(i64::from(r.second)))
        else {
            continue;
        };
        let reply = match r.delay {
            None => String::new(),
            Some(d) => match start.checked_add(SignedDuration::from_secs(i64::from(d))) {
                Ok(t) if writable(t.date()) => datetime_text(t, r.t_separator),
                _ => String::new(),
            },
        };
        let row = doc
            .columns
            .iter()
            .map(|c| match c {
                SCol::Id => format!("s{i}"),
                SCol::Start => datetime_text(start, r.t_separator),
                SCol::Reply => reply.clone(),
                SCol::Rating if r.rating == 0 => String::new(),
                SCol::Rating => r.rating.to_string(),
                SCol::Extra(_) => ["", "Ann", "a\nb", "x,y", "\"q\"", "\r\n"]
                    [usize::from(r.extra % 6)]
                .to_string(),
            })
            .collect();
        out.push(row);
    }
    out
}

fn session_tokens() -> Vec<&'static str> {
    let mut t = vec![",", ",", ",", "\n", "\r\n", "\r", "\"", "\u{feff}", " "];
    t.extend([
        "session_id",
        "started_at",
        "first_reply_at",
        "rating",
        "agent",
    ]);
    t.extend(ODD_TIMES);
    t.extend(ODD_RATINGS);
    t.extend(ODD_IDS);
    t
}

fn session_text() -> impl Strategy<Value = String> {
    let mut odd: Vec<&'static str> = ODD_TIMES.to_vec();
    odd.extend(ODD_RATINGS);
    odd.extend(ODD_IDS);
    odd.extend(SESSION_EXTRAS);
    odd.extend([
        "session_id",
        "started_at",
        "first_reply_at",
        "rating",
        "RATING",
    ]);
    let valid = (session_doc(), edits()).prop_map(|(doc, e)| {
        let (mut text, _) = render_csv(&session_cells(&doc), &doc.layout, false);
        apply_edits(&mut text, &e);
        text
    });
    let damaged = (session_doc(), cell_edits(odd), edits()).prop_map(|(doc, ce, e)| {
        let mut cells = session_cells(&doc);
        apply_cell_edits(&mut cells, &ce);
        let (mut text, _) = render_csv(&cells, &doc.layout, false);
        apply_edits(&mut text, &e);
        text
    });
    prop_oneof![
        1 => any_text(),
        1 => soup(session_tokens()),
        4 => valid,
        4 => damaged,
    ]
}

#[test]
fn fuzz_session_csv() {
    fuzz("session log CSV", session_text(), |text, stats| {
        let max_line = line_count(&text);
        let first = SessionLog::from_csv(&text);
        let all = SessionLog::from_csv_all_errors(&text);
        match (&first, &all) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(e), Err(all)) => {
                check_error(e, max_line)?;
                prop_assert!(!all.errors.is_empty());
                prop_assert!(all.errors.len() <= cs::MAX_REPORTED_ERRORS);
                prop_assert_eq!(&all.errors[0], e);
                for e in &all.errors {
                    check_error(e, max_line)?;
                }
            }
            _ => prop_assert!(false, "from_csv {:?} but all errors {:?}", first, all),
        }
        let Ok(log) = first else {
            stats.bump("refused");
            return Ok(());
        };
        stats.bump("read");
        if log.is_empty() {
            return Ok(());
        }
        downstream_of_log(&pack().customer_service, &log, stats)
    });
}

/// Longest log (first to last day) the downstream checks assess: the assessment walks every
/// day from the log's first, so a log spanning the calendar costs seconds (see the report).
const MAX_ASSESSED_SPAN: i64 = 400;

/// The assessment, "what it takes" and the staffing of a log.
fn downstream_of_log(rules: &CsRules, log: &SessionLog, stats: &Stats) -> TestCaseResult {
    let (first, last) = (log.first_day().unwrap(), log.last_day().unwrap());
    if i64::from((last - first).get_days()) > MAX_ASSESSED_SPAN {
        stats.bump("log spans too long to assess (skipped)");
        return Ok(());
    }
    stats.bump("read, with sessions: assessment runs");
    let day = |d: Date, k: i64| d.checked_add(SignedDuration::from_hours(24 * k)).ok();
    for (from, to) in [
        (day(first, 1), day(last, 1)),
        (day(first, -3), day(first, 2)),
        (day(last, 2), day(last, 40)),
        (day(last, 1), day(first, 0)),
    ] {
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        let a = cs::assess(rules, log, from, to);
        check(&a)?;
        if let Ok(a) = &a {
            for d in &a.days {
                prop_assert!(d.in_time <= d.counted, "{:?}", d);
                if let Some(r) = d.rate_pct {
                    prop_assert!((0.0..=100.0).contains(&r), "{:?}", d);
                }
            }
        }
    }
    for k in [1, 2, 8, 30] {
        if let Some(d) = day(last, k) {
            check(&cs::what_it_takes(rules, log, d))?;
        }
    }
    check(&cs::what_it_takes(rules, log, last))?;
    let s = cs::staffing(rules, log);
    check(&s)?;
    if let Ok(s) = &s {
        prop_assert_eq!(s.hours.len(), 24);
    }
    Ok(())
}

fn session_poisoned() -> impl Strategy<Value = Poisoned> {
    (session_doc(), any::<Index>(), any::<Index>()).prop_map(|(doc, r, which)| {
        let mut cells = session_cells(&doc);
        if cells.len() < 2 {
            // No writable row: add one (no filter, since proptest limits rejects).
            let row = doc.columns.iter().map(|c| match c {
                SCol::Id => "s".to_string(),
                SCol::Start => "2024-05-01 10:00:00".to_string(),
                _ => String::new(),
            });
            cells.push(row.collect());
        }
        let row = 1 + r.index(cells.len() - 1);
        let targets: Vec<(SCol, &str, &str)> = [
            (SCol::Start, "started_at", "2024-02-30 00:00:00"),
            (SCol::Start, "started_at", "x"),
            (SCol::Reply, "first_reply_at", "2024-01-01 24:00:00"),
            (SCol::Rating, "rating", "6"),
            (SCol::Id, "session_id", ""),
        ]
        .into_iter()
        .filter(|(c, _, _)| doc.columns.contains(c))
        .collect();
        let (col, column, bad) = targets[which.index(targets.len())];
        let j = doc.columns.iter().position(|c| *c == col).unwrap_or(0);
        cells[row][j] = bad.to_string();
        let (text, starts) = render_csv(&cells, &doc.layout, true);
        Poisoned {
            text,
            line: starts[row],
            column: column.to_string(),
        }
    })
}

#[test]
fn fuzz_session_csv_line_numbers() {
    fuzz(
        "session log CSV, line numbers",
        session_poisoned(),
        |p, _| {
            let e = SessionLog::from_csv(&p.text).expect_err("a bad cell is refused");
            check_error(&e, line_count(&p.text))?;
            let Error::Row { line, column, .. } = &e else {
                return Err(TestCaseError::fail(format!("not a row error: {e}")));
            };
            prop_assert_eq!((*line, column), (p.line, &p.column), "{}", e);
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Rule pack

/// The default pack as JSON, and the pointer of every node in it.
fn pack_nodes() -> &'static (Value, Vec<String>) {
    static NODES: OnceLock<(Value, Vec<String>)> = OnceLock::new();
    NODES.get_or_init(|| {
        fn walk(v: &Value, at: String, out: &mut Vec<String>) {
            match v {
                Value::Array(a) => {
                    for (i, x) in a.iter().enumerate() {
                        walk(x, format!("{at}/{i}"), out);
                    }
                }
                Value::Object(o) => {
                    for (k, x) in o {
                        let k = k.replace('~', "~0").replace('/', "~1");
                        walk(x, format!("{at}/{k}"), out);
                    }
                }
                _ => {}
            }
            out.push(at);
        }
        let v: Value = serde_json::from_str(DEFAULT_PACK_JSON).expect("the default pack is JSON");
        let mut out = Vec::new();
        walk(&v, String::new(), &mut out);
        (v, out)
    })
}

/// Raw JSON that no `Value` holds: put in place of a placeholder string after writing.
const RAW_JSON: &[&str] = &[
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1e999",
    "-0",
    "0x10",
    "+5",
    ".5",
    "1.",
    "01",
    "18446744073709551616",
    "-9223372036854775809",
    "1e-400",
    "\"\\ud800\"",
    "\"a\\u0000b\"",
    "DEEP",
];

/// Strings a mutation may put anywhere.
const ODD_STRINGS: &[&str] = &[
    "",
    " ",
    "a\nb",
    "23:59:60",
    "24:00:00",
    "00:00:00",
    "23:59:59",
    "09:00",
    "published",
    "assumed",
    "estimated",
    "higher",
    "lower",
    "gate",
    "risk",
    "ge",
    "lt",
    "score",
    "every_dimension",
    "general",
    "apparel",
    "reply_3min_pct",
    "paid_orders",
    "x",
    "0",
    "NaN",
];

/// One change to a JSON document, at node `node % nodes`.
#[derive(Debug, Clone)]
struct Mutation {
    node: Index,
    kind: u8,
    arg: Index,
}

fn placeholder(k: usize) -> String {
    format!("\u{1}RAW{k}\u{1}")
}

/// Applies `m` to `v` (nodes of the original document that no longer exist are skipped).
fn mutate(v: &mut Value, pointers: &[String], m: &Mutation) {
    let ptr = &pointers[m.node.index(pointers.len())];
    // Ids of the document, so that a string can become a duplicate of another.
    let ids = [
        "general",
        "product",
        "reply_3min_pct",
        "traffic_boost",
        "impatient_tone",
    ];
    let Some(node) = v.pointer_mut(ptr) else {
        return;
    };
    let pick = |pool: &[&str]| pool[m.arg.index(pool.len())].to_string();
    let new = match (&*node, m.kind % 16) {
        (_, 15) => Value::String(placeholder(m.arg.index(RAW_JSON.len()))),
        (Value::Number(n), k) => {
            let x = n.as_f64().unwrap_or(0.0);
            let factors = [0.5, 0.9, 0.99, 1.01, 1.1, 2.0, 10.0];
            match k {
                0..=3 => serde_json::json!(x * factors[m.arg.index(factors.len())]),
                4 => serde_json::json!(-x),
                5 => serde_json::json!(0),
                6 => serde_json::json!(1e308),
                7 => serde_json::json!(-1e308),
                8 => serde_json::json!(5e-324),
                9 => serde_json::json!(4_294_967_296u64),
                10 => serde_json::json!(x + 0.5),
                11 => Value::String(x.to_string()),
                12 => Value::Null,
                13 => Value::Bool(true),
                _ => serde_json::json!(x + 1.0),
            }
        }
        (Value::String(s), k) => match k {
            0..=5 => Value::String(pick(ODD_STRINGS)),
            6 | 7 => Value::String(pick(&ids)),
            8 => Value::String(format!("{s}x")),
            9 => Value::String(s.to_uppercase()),
            10 => serde_json::json!(1),
            11 => Value::Null,
            12 => Value::String("x".repeat(300)),
            _ => Value::String(s.chars().rev().collect()),
        },
        (Value::Array(a), k) => {
            let mut a = a.clone();
            let n = a.len();
            match k {
                0 | 1 => a.clear(),
                2 | 3 => a.reverse(),
                4 => {
                    a.pop();
                }
                5 if n > 0 => {
                    a.remove(m.arg.index(n));
                }
                6 if n > 0 => a.push(a[m.arg.index(n)].clone()),
                7 if n > 1 => a.swap(m.arg.index(n), 0),
                8 => a.truncate(1),
                9 => a.push(serde_json::json!(0.5)),
                _ => return,
            }
            Value::Array(a)
        }
        (Value::Object(o), k) => {
            let mut o = o.clone();
            let keys: Vec<String> = o.keys().cloned().collect();
            let key = (!keys.is_empty()).then(|| keys[m.arg.index(keys.len())].clone());
            match (k, key) {
                (0..=3, Some(key)) => {
                    o.remove(&key);
                }
                (4 | 5, Some(key)) => {
                    if let Some(x) = o.remove(&key) {
                        let renamed = if k == 4 {
                            format!("{key}_x")
                        } else {
                            key.to_uppercase()
                        };
                        o.insert(renamed, x);
                    }
                }
                (6, _) => {
                    o.insert("extra".to_string(), serde_json::json!(1));
                }
                (7, _) => {
                    // A published constant without its source.
                    o.insert("provenance".to_string(), serde_json::json!("published"));
                    o.remove("source");
                }
                (8, _) => {
                    *node = Value::Array(Vec::new());
                    return;
                }
                (9, _) => {
                    *node = Value::Null;
                    return;
                }
                (10, Some(key)) => {
                    // A map key that is another id (benchmarks, metrics by industry...).
                    if let Some(x) = o.remove(&key) {
                        o.insert(pick(&ids), x);
                    }
                }
                _ => return,
            }
            Value::Object(o)
        }
        (Value::Bool(b), _) => Value::Bool(!b),
        (Value::Null, k) => match k {
            0..=7 => Value::String(pick(ODD_STRINGS)),
            _ => serde_json::json!(1),
        },
    };
    *node = new;
}

/// Writes `v` (pretty or compact) and puts the raw JSON in place of the placeholders.
fn write_json(v: &Value, pretty: bool, deep: usize) -> String {
    let mut text = if pretty {
        serde_json::to_string_pretty(v)
    } else {
        serde_json::to_string(v)
    }
    .unwrap_or_default();
    if text.contains("\\u0001RAW") {
        for (k, raw) in RAW_JSON.iter().enumerate() {
            let ph = serde_json::to_string(&placeholder(k)).unwrap_or_default();
            if text.contains(&ph) {
                let raw = if *raw == "DEEP" {
                    format!("{}1{}", "[".repeat(deep), "]".repeat(deep))
                } else {
                    (*raw).to_string()
                };
                text = text.replace(&ph, &raw);
            }
        }
    }
    text
}

/// Nesting depths for `DEEP`: around serde_json's recursion limit (128), and far beyond.
fn depth() -> impl Strategy<Value = usize> {
    prop_oneof![
        Just(1usize),
        Just(127),
        Just(128),
        Just(129),
        Just(1000),
        Just(100_000)
    ]
}

fn pack_text() -> impl Strategy<Value = String> {
    let mutated =
        (
            vec(
                (any::<Index>(), any::<u8>(), any::<Index>())
                    .prop_map(|(node, kind, arg)| Mutation { node, kind, arg }),
                0..5,
            ),
            any::<bool>(),
            depth(),
            edits(),
            prop_oneof![9 => Just(false), 1 => Just(true)],
        )
            .prop_map(|(muts, pretty, deep, e, bom)| {
                let (base, pointers) = pack_nodes();
                let mut v = base.clone();
                for m in &muts {
                    mutate(&mut v, pointers, m);
                }
                let mut text = write_json(&v, pretty, deep);
                // Text damage would mostly hit the 35 KB of prose: damage a small share.
                if e.len() < 2 {
                    apply_edits(&mut text, &e);
                }
                if bom {
                    text.insert(0, '\u{feff}');
                }
                text
            });
    prop_oneof![
        1 => any_text(),
        1 => soup(vec!["{", "}", "[", "]", ",", ":", "\"schema\"", "1", "\"id\"", "\"x\"",
                       "null", "true", "1e999", "-0", "\"metrics\"", " "]),
        18 => mutated,
    ]
}

/// A small file of daily records, and a small session log, to run a pack on.
fn fixtures() -> &'static (DailyRecords, SessionLog) {
    static F: OnceLock<(DailyRecords, SessionLog)> = OnceLock::new();
    F.get_or_init(|| {
        let mut csv = records::header_line();
        csv.push('\n');
        for d in 1..=6 {
            csv.push_str(&format!(
                "2026-11-{d:02},100,20,90,1,50,2000,98,{},5,300,3,400,40,{},0,{}\n",
                90 + d,
                30 + d,
                u8::from(d == 3)
            ));
        }
        let mut log = String::from("session_id,started_at,first_reply_at,rating\n");
        for i in 0..24 {
            let day = 1 + i / 4;
            let h = 8 + i % 16;
            let delay = [30, 170, 181, 900][i % 4];
            log.push_str(&format!(
                "s{i},2024-05-{day:02} {h:02}:00:00,2024-05-{day:02} {h:02}:{:02}:{:02},{}\n",
                delay / 60,
                delay % 60,
                1 + i % 5
            ));
        }
        (
            DailyRecords::from_csv(&csv).expect("the fixture records are valid"),
            SessionLog::from_csv(&log).expect("the fixture log is valid"),
        )
    })
}

#[test]
fn fuzz_rule_pack() {
    fuzz("rule pack JSON", pack_text(), |text, stats| {
        let r = RulePack::from_json(&text);
        let pack = match r {
            Err(e) => {
                stats.bump("refused");
                return check_error(&e, u64::MAX);
            }
            Ok(p) => p,
        };
        stats.bump("accepted: evaluation, timeline, assessment, tally run");
        // What was accepted writes and reads back unchanged.
        let again = RulePack::from_json(&pack.to_json());
        prop_assert_eq!(again.as_ref(), Ok(&pack));
        downstream_of_pack(&pack)
    });
}

/// Everything a page or the CLI runs on a pack, on every industry (at most 4).
fn downstream_of_pack(pack: &RulePack) -> TestCaseResult {
    let (recs, log) = fixtures();
    for ind in pack.industries.iter().take(4) {
        for pick in [0.0, 0.5, 1.0] {
            let mut s = Scenario {
                industry: ind.id.clone(),
                ..Scenario::default()
            };
            for m in &pack.metrics {
                s.set(&m.id, Some(m.range[0] + pick * (m.range[1] - m.range[0])));
            }
            let r = evaluate(pack, &s);
            check(&r)?;
            if let Ok(r) = &r {
                check_score("evaluate", r.score, pack)?;
            }
            check(&sensitivity(pack, &s))?;
        }
        if ind.id == pack.industries[0].id {
            // Each metric alone at its worst, so that improving it can reach the targets and
            // the search runs over its slider grid.
            for m in &pack.metrics {
                let mut s = Scenario {
                    industry: ind.id.clone(),
                    ..Scenario::default()
                };
                s.set(&m.id, Some(m.worst_best().0));
                for t in goal_targets(pack) {
                    check(&goal_seek(pack, &s, &m.id, &t))?;
                }
            }
        }
        let first = recs.first_date().unwrap();
        let last = recs.last_date().unwrap();
        let days = timeline::timeline(pack, &ind.id, recs, first, last);
        check(&days)?;
        for d in days.iter().flatten() {
            check_score("timeline", d.score, pack)?;
        }
        if let Ok(model) = Model::new(pack, &ind.id) {
            let history = History::from_records(pack, recs);
            let start = last.tomorrow().unwrap();
            let s = Window::new(model.clone()).scenario_on(&history, start);
            check(&s)?;
            if let Ok(s) = s {
                let p = project(&model, &history, &Plan::hold(start, &s), start, 10);
                check(&p)?;
            }
        }
    }
    let rules = &pack.customer_service;
    let (first, last) = (log.first_day().unwrap(), log.last_day().unwrap());
    check(&cs::assess(rules, log, first, last))?;
    check(&cs::what_it_takes(rules, log, last.tomorrow().unwrap()))?;
    check(&cs::staffing(rules, log))?;
    let counts: BTreeMap<String, i64> = pack
        .violations
        .items
        .iter()
        .enumerate()
        .map(|(i, v)| (v.id.clone(), [0, 1, 3, i64::MAX][i % 4]))
        .collect();
    check(&tally(&pack.violations, &counts))?;
    Ok(())
}

/// The middle of the score scale, the lowest and the highest star level, every threshold.
fn goal_targets(pack: &RulePack) -> Vec<Target> {
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

// ---------------------------------------------------------------------------------------------
// Scenario JSON and evaluation

/// Raw JSON values a metric may be given.
const ODD_VALUES: &[&str] = &[
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
const ODD_KEYS: &[&str] = &[
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

const ODD_INDUSTRIES: &[&str] = &[
    "\"general\"",
    "\"apparel\"",
    "\"outdoor_sports\"",
    "\"toys\"",
    "\"\"",
    "\"General\"",
    "\"a\\nb\"",
    "null",
    "1",
    "[]",
    "{}",
];

/// `"<metric id>": value`: mostly a known metric with a value within its range, sometimes an
/// odd key or an odd value.
fn metric_entry() -> BoxedStrategy<(String, String)> {
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
fn id_entry(ids: Vec<String>, value: BoxedStrategy<String>) -> BoxedStrategy<(String, String)> {
    let key = prop_oneof![
        12 => select(ids).prop_map(|id| format!("\"{id}\"")),
        1 => select(ODD_KEYS).prop_map(str::to_string),
    ];
    (key, value).boxed()
}

/// A JSON object of up to `n` entries.
fn json_map(entry: BoxedStrategy<(String, String)>, n: usize) -> BoxedStrategy<String> {
    vec(entry, 0..n)
        .prop_map(|kv| {
            let body: Vec<String> = kv.into_iter().map(|(k, v)| format!("{k}: {v}")).collect();
            format!("{{{}}}", body.join(", "))
        })
        .boxed()
}

/// `{fields}` in any order, now and then with text around it, as an array, or damaged.
fn json_doc(fields: Vec<BoxedStrategy<Option<String>>>) -> impl Strategy<Value = String> {
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
fn odd_field(fields: Vec<&'static str>) -> BoxedStrategy<Option<String>> {
    proptest::option::weighted(0.1, select(fields).prop_map(str::to_string)).boxed()
}

/// A scenario as raw JSON: fields in any order, repeated or unknown, odd values and keys.
fn scenario_json() -> impl Strategy<Value = String> {
    let industries: Vec<String> = pack()
        .industries
        .iter()
        .map(|i| format!("\"{}\"", i.id))
        .collect();
    let industry = prop_oneof![
        6 => select(industries),
        1 => select(ODD_INDUSTRIES).prop_map(str::to_string),
    ];
    let fields = vec![
        proptest::option::weighted(0.7, industry.prop_map(|i| format!("\"industry\": {i}")))
            .boxed(),
        proptest::option::weighted(
            0.9,
            json_map(metric_entry(), 10).prop_map(|m| format!("\"metrics\": {m}")),
        )
        .boxed(),
        odd_field(vec![
            "\"metrics\": null",
            "\"metrics\": []",
            "\"extra\": 1",
            "\"\": 0",
            "\"industry\": \"general\"",
            "\"metrics\": {}",
        ]),
    ];
    prop_oneof![
        1 => any_text(),
        1 => soup(vec!["{", "}", "[", "]", ",", ":", "\"metrics\"", "\"industry\"",
                       "\"general\"", "\"reply_3min_pct\"", "62", "null", "1e999", " "]),
        8 => json_doc(fields),
    ]
}

/// Days a history may end on: both ends of the calendar, a leap day, today-ish.
fn edge_day() -> impl Strategy<Value = Date> {
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

#[test]
fn fuzz_scenario() {
    let strategy = (scenario_json(), edge_day(), 0usize..8, 0u8..4);
    fuzz(
        "scenario JSON, evaluation",
        strategy,
        |(text, day, metric, target), stats| {
            let s = match Scenario::from_json(&text) {
                Err(e) => {
                    stats.bump("refused by the parser");
                    return check_error(&e, u64::MAX);
                }
                Ok(s) => s,
            };
            let pack = pack();
            let r = evaluate(pack, &s);
            check(&r)?;
            let Ok(r) = r else {
                stats.bump("refused by validation");
                return Ok(());
            };
            stats.bump("evaluated: sensitivity, goal seek, timeline, projection run");
            check_score("evaluate", r.score, pack)?;
            check(&sensitivity(pack, &s))?;
            let metric = &pack.metrics[metric % pack.metrics.len()].id;
            let targets = goal_targets(pack);
            let t = &targets[usize::from(target) % targets.len()];
            check(&goal_seek(pack, &s, metric, t))?;
            let model = Model::new(pack, &s.industry).expect("validated industry");
            let history = History::from_scenario(pack, &s, day);
            check(&history)?;
            let history = history.expect("validated scenario");
            let window = Window::new(model.clone());
            if let Ok(to) = day.checked_add(SignedDuration::from_hours(24 * 3)) {
                let days = window.timeline(&history, day, to);
                check(&days)?;
                for d in days.iter().flatten() {
                    check_score("timeline", d.score, pack)?;
                }
            }
            let p = project(&model, &history, &Plan::hold(day, &s), day, 15);
            check(&p)?;
            if let Ok(p) = &p {
                for d in &p.days {
                    check_score("projection", d.score, pack)?;
                }
            }
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Plan JSON and projection

const ODD_PLAN_DATES: &[&str] = &[
    "\"2026-12-01\"",
    "\"2026-12-02\"",
    "\"2027-01-01\"",
    "\"0000-01-01\"",
    "\"9999-12-31\"",
    "\"2023-02-29\"",
    "\"2024-02-29\"",
    "\"0000-00-00\"",
    "\"99999-01-01\"",
    "\"2026-13-01\"",
    "\"\"",
    "null",
    "20261201",
    "\"2026-12-01T00:00\"",
];

fn plan_json() -> impl Strategy<Value = String> {
    let ids: Vec<String> = pack().metrics.iter().map(|m| m.id.clone()).collect();
    let date = prop_oneof![
        // Increasing dates from the start day, mostly.
        6 => (0u32..400).prop_map(|k| {
            let d = Date::constant(2026, 12, 1)
                .checked_add(SignedDuration::from_hours(24 * i64::from(k)))
                .unwrap_or(Date::MAX);
            format!("\"{d}\"")
        }),
        1 => select(ODD_PLAN_DATES).prop_map(str::to_string),
    ];
    let step = (
        date,
        proptest::option::weighted(0.9, json_map(metric_entry(), 5)),
        prop_oneof![15 => Just(false), 1 => Just(true)],
    )
        .prop_map(|(from, metrics, extra)| {
            let mut f = vec![format!("\"from\": {from}")];
            f.extend(metrics.map(|m| format!("\"metrics\": {m}")));
            if extra {
                f.push("\"until\": 1".to_string());
            }
            format!("{{{}}}", f.join(", "))
        });
    let volume = prop_oneof![
        4 => (1u32..500).prop_map(|v| v.to_string()),
        1 => select(vec!["0", "-1", "1e308", "5e-324", "1e999", "\"40\"", "null"])
            .prop_map(str::to_string),
    ];
    let steps = vec(step, 0..4).prop_map(|mut steps| {
        // Dates in order, mostly (sorting the text of `"YYYY-MM-DD"` sorts the dates).
        if steps.len() % 2 == 0 {
            steps.sort();
        }
        format!("\"steps\": [{}]", steps.join(", "))
    });
    let fields = vec![
        proptest::option::weighted(0.95, steps).boxed(),
        proptest::option::weighted(0.4, json_map(id_entry(ids, volume.boxed()), 3))
            .prop_map(|v| v.map(|v| format!("\"volumes\": {v}")))
            .boxed(),
        odd_field(vec![
            "\"steps\": null",
            "\"steps\": {}",
            "\"extra\": 1",
            "\"steps\": []",
        ]),
    ];
    prop_oneof![1 => any_text(), 8 => json_doc(fields)]
}

#[test]
fn fuzz_plan() {
    let horizons = prop_oneof![
        200 => 0usize..40,
        1 => Just(MAX_DAYS),
        1 => Just(MAX_DAYS + 1),
        1 => Just(usize::MAX),
    ];
    let strategy = (plan_json(), edge_day(), horizons, any::<bool>());
    fuzz(
        "plan JSON, projection",
        strategy,
        |(text, start, horizon, with_history), stats| {
            let plan = match Plan::from_json(&text) {
                Err(e) => {
                    stats.bump("refused by the parser");
                    return check_error(&e, u64::MAX);
                }
                Ok(p) => p,
            };
            let pack = pack();
            let model = Model::new(pack, "general").expect("the default pack has general");
            let history = if with_history {
                let mut s = Scenario::default();
                s.set("reply_3min_pct", Some(70.0));
                History::from_scenario(pack, &s, start).expect("a valid scenario")
            } else {
                History::new(pack)
            };
            let p = project(&model, &history, &plan, start, horizon);
            check(&p)?;
            if let Ok(p) = &p {
                stats.bump("projected");
                for d in &p.days {
                    check_score("projection", d.score, pack)?;
                }
            }
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Violation counts

fn counts_json() -> impl Strategy<Value = String> {
    let ids: Vec<String> = pack()
        .violations
        .items
        .iter()
        .map(|v| v.id.clone())
        .collect();
    let count = prop_oneof![
        6 => (0i64..10).prop_map(|n| n.to_string()),
        2 => select(vec![
            "-1", "0", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
            "18446744073709551615", "1.5", "1e2", "1.0", "-0", "\"3\"", "null", "true", "[]",
            "{}", "1e999", "NaN",
        ])
        .prop_map(str::to_string),
        1 => any::<i64>().prop_map(|n| n.to_string()),
    ];
    let doc = (
        json_map(id_entry(ids, count.boxed()), 8),
        prop_oneof![19 => Just(false), 1 => Just(true)],
        edits_in_10(2),
    )
        .prop_map(|(map, array, e)| {
            let mut t = if array {
                format!("[{}]", &map[1..map.len() - 1])
            } else {
                map
            };
            apply_edits(&mut t, &e);
            t
        });
    prop_oneof![1 => any_text(), 8 => doc]
}

#[test]
fn fuzz_violations() {
    fuzz(
        "violation counts JSON, tally",
        counts_json(),
        |text, stats| {
            let counts = match parse_counts(&text) {
                Err(e) => {
                    stats.bump("refused by the parser");
                    return check_error(&e, u64::MAX);
                }
                Ok(c) => c,
            };
            let rules = &pack().violations;
            let t = tally(rules, &counts);
            check(&t)?;
            let Ok(t) = t else {
                stats.bump("refused by the tally");
                return Ok(());
            };
            stats.bump("tallied");
            prop_assert_eq!(t.items.len(), rules.items.len());
            for item in &t.items {
                let each = u64::from(item.points_each.unwrap_or(0));
                prop_assert_eq!(item.points, item.count.saturating_mul(each));
            }
            prop_assert_eq!(
                t.serious_limit.reached,
                t.serious_points >= u64::from(t.serious_limit.points)
            );
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Small parsers: dates, times of day, goal targets

fn small_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any_text(),
        2 => select(ODD_DATES).prop_map(str::to_string),
        2 => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        2 => "[0-9]{2}:[0-9]{2}:[0-9]{2}",
        1 => select(ODD_TIMES).prop_map(str::to_string),
        2 => (select(vec!["score", "stars", "threshold", "Score", " stars ", "", "x"]),
              select(vec![":", "", "::", " : "]),
              select(vec!["4.5", "5", "NaN", "inf", "1e308", "-0", "traffic_boost", "", " 4 ",
                          "a\nb", "0x10", "4,5"]))
            .prop_map(|(k, c, v)| format!("{k}{c}{v}")),
    ]
}

#[test]
fn fuzz_small_parsers() {
    fuzz(
        "dates, times of day, goal targets",
        (small_text(), 0usize..8),
        |(text, metric), stats| {
            // Dates: exactly `YYYY-MM-DD` of a real day, years 0000–9999.
            let d = timeline::parse_date(&text);
            if let Some(d) = d {
                prop_assert_eq!(d.to_string(), text.clone());
            } else if let Ok(j) = text.parse::<Date>() {
                prop_assert!(
                    !(writable(j) && j.to_string() == text),
                    "{:?} is a date",
                    text
                );
            }
            let r = cs::parse_date("from", &text);
            check(&r)?;
            prop_assert_eq!(r.ok(), d);
            // Times of day: exactly `HH:MM:SS`, 00:00:00–23:59:59.
            if let Some(s) = parse_time_of_day(&text) {
                stats.bump("time of day");
                prop_assert!(s < 86_400);
                let t = format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
                prop_assert_eq!(t, text.clone());
            }
            let pack = pack();
            let t = Target::parse(&text, pack);
            check(&t)?;
            if let Ok(t) = t {
                stats.bump("goal target: goal seek runs");
                let mut s = Scenario::default();
                s.set("reply_3min_pct", Some(60.0));
                let id = &pack.metrics[metric % pack.metrics.len()].id;
                check(&goal_seek(pack, &s, id, &t))?;
            }
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// What the fuzz tests found (minimal inputs), fixed since: regression tests.

mod found {
    use super::*;

    /// The messages among `results` that span lines.
    fn multi_line<T>(results: &[Result<T, Error>]) -> Vec<String> {
        results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(ToString::to_string)
            .filter(|m| m.contains(['\n', '\r']))
            .collect()
    }

    /// K1: messages quoted cells, header names, JSON keys and values raw, so a line break in
    /// them (a quoted CSV cell, `\n` in a JSON string) split the one-line message. Found by
    /// every target; one input per parser.
    #[test]
    fn k1_messages_stay_on_one_line() {
        let pack = pack();
        let results = [
            DailyRecords::from_csv("date,paid_orders\n2026-01-01,\"a\nb\"\n").map(|_| ()),
            // An unknown column is ignored; a near-miss of a known one is refused.
            DailyRecords::from_csv("date,\"ship\ndue\"\n").map(|_| ()),
            SessionLog::from_csv("session_id,started_at,first_reply_at\ns1,\"a\nb\",\n")
                .map(|_| ()),
            Scenario::from_json(r#"{"metrics": {"a\nb": "x"}}"#).map(|_| ()),
            Scenario::from_json(r#"{"metrics": {"a\nb": 1}}"#)
                .and_then(|s| evaluate(pack, &s))
                .map(|_| ()),
            RulePack::from_json(r#"{"benchmarks": {"a\nb": 1}}"#).map(|_| ()),
            Plan::from_json(r#"{"steps": [{"from": "2026-12-01", "metrics": {"a\nb": "x"}}]}"#)
                .map(|_| ()),
            parse_counts(r#"{"a\nb": 1.5}"#).map(|_| ()),
            parse_counts(r#"{"a\nb": 1}"#)
                .and_then(|c| tally(&pack.violations, &c))
                .map(|_| ()),
            Target::parse("a\nb:1", pack).map(|_| ()),
            cs::parse_date("from", "2026-01-0\n1").map(|_| ()),
        ];
        assert!(results.iter().all(Result::is_err));
        let multi = multi_line(&results);
        assert!(multi.is_empty(), "messages spanning lines: {multi:#?}");
    }

    /// K2: the daily-records reader named the csv crate's line, short of the editor's after
    /// CRLF or CR line ends (spreadsheet exports) and empty lines.
    #[test]
    fn k2_daily_csv_names_the_editor_line() {
        let wrong: Vec<String> = [
            "date,paid_orders\r\n2026-01-01,1\r\n2026-01-02,x\r\n",
            "date,paid_orders\r2026-01-01,1\r2026-01-02,x\r",
            "date,paid_orders\n\n2026-01-01,x\n",
        ]
        .iter()
        .map(|t| DailyRecords::from_csv(t).unwrap_err().to_string())
        .filter(|m| !m.starts_with("line 3, column paid_orders:"))
        .collect();
        assert!(wrong.is_empty(), "not line 3: {wrong:#?}");
    }

    /// K3: counts near `f64::MAX` were accepted, and the window's weighted sums overflowed to
    /// infinity: the score was NaN (displayed "NaN", with 3 stars).
    #[test]
    fn k3_huge_counts_give_a_score_or_an_error() {
        let csv =
            "date,consultations,replied_3min\n2026-01-01,1e308,1e308\n2026-01-02,1e308,1e308\n";
        let Ok(recs) = DailyRecords::from_csv(csv) else {
            return;
        };
        let day = timeline::parse_date("2026-01-03").unwrap();
        let days = timeline::timeline(pack(), "general", &recs, day, day).unwrap();
        assert!(days[0].score.is_none_or(f64::is_finite), "{:?}", days[0]);
    }

    /// The default pack with one change, validated or not.
    fn pack_with(change: impl Fn(&mut Value)) -> (Result<RulePack, Error>, RulePack) {
        let mut v: Value = serde_json::from_str(DEFAULT_PACK_JSON).unwrap();
        change(&mut v);
        let unchecked = serde_json::from_value(v.clone()).expect("still a pack");
        (RulePack::from_json(&v.to_string()), unchecked)
    }

    /// K5, found as a panic (`attempt to subtract with overflow` at goal.rs:230, `k_end - k0`):
    /// a pack whose `pay_to_sign_hours` range started at -1e308 validated, and goal seek's grid
    /// indices overflowed; without overflow checks the answer was -1e308. Such a range is
    /// refused now, and goal seek on an unchecked pack gives the default range's answer.
    #[test]
    fn k5_goal_seek_on_a_range_to_minus_1e308() {
        let (checked, wide) =
            pack_with(|v| v["metrics"][2]["range"][0] = serde_json::json!(-1e308));
        assert_eq!(
            checked.unwrap_err().place(),
            "metrics.pay_to_sign_hours.range"
        );
        let seek = |pack: &RulePack| {
            goal_seek(
                pack,
                &Scenario::default(),
                "pay_to_sign_hours",
                &Target::Score(4.0),
            )
            .map(|g| g.outcome)
        };
        assert_eq!(seek(&wide), seek(pack()));
    }

    /// K5 again (`attempt to add with overflow` at goal.rs:210): a slider step of 5e-324
    /// validated ("greater than 0"), and `value / step` saturated to `i64::MAX`.
    #[test]
    fn k5_goal_seek_with_a_tiny_step() {
        let (checked, tiny) =
            pack_with(|v| v["metrics"][0]["slider"]["step"] = serde_json::json!(5e-324));
        assert_eq!(
            checked.unwrap_err().place(),
            "metrics.review_score.slider.step"
        );
        let mut s = Scenario::default();
        s.set("review_score", Some(3.0));
        let g = goal_seek(&tiny, &s, "review_score", &Target::Stars(5.0));
        assert!(g.is_ok(), "{g:?}");
    }

    /// K6: an unknown field whose name is blank became the error's whole path, so the message
    /// named no place: ` : unknown field ` `, expected `industry` or `metrics``.
    #[test]
    fn k6_a_blank_unknown_field_still_names_a_place() {
        let results = [
            Scenario::from_json(r#"{" ": 1}"#).map(|_| ()),
            Plan::from_json(r#"{"steps": [], " ": 1}"#).map(|_| ()),
            RulePack::from_json(r#"{"  ": 1}"#).map(|_| ()),
        ];
        let blank: Vec<String> = results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .filter(|e| e.place().trim().is_empty())
            .map(ToString::to_string)
            .collect();
        assert!(blank.is_empty(), "no place: {blank:#?}");
    }
}
