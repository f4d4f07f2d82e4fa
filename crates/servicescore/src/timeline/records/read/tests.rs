//! Unit tests of the daily CSV reader (`timeline::records::read`).

use super::super::MAX_REPORTED_ERRORS;
use super::*;
use proptest::prelude::*;

const HEAD: &str = "date,paid_orders,review_count,review_sum,quality_refunds,ship_due,\
                        shipped_on_time,consultations,replied_3min,disputes,excluded";

fn err(body: &str) -> String {
    DailyRecords::from_csv(&format!("{HEAD}\n{body}"))
        .unwrap_err()
        .to_string()
}

#[test]
fn reads_a_small_file() {
    let text = format!(
        "\u{feff}{HEAD}\r\n2026-11-02,100,20,95,1,98,97,40,35,0,\r\n\
             2026-11-01, 90 ,10,48,0,90,90,,,,1\r\n,,,,,,,,,,\r\n"
    );
    let r = DailyRecords::from_csv(&text).unwrap();
    assert_eq!(r.len(), 2);
    assert_eq!(r.first_date(), Some(Date::constant(2026, 11, 1)));
    let first = r.records()[0];
    assert!(first.excluded);
    assert_eq!(first.get("paid_orders"), Some(90.0));
    assert_eq!(first.get("consultations"), Some(0.0));
    // Not in the header: 0.
    assert_eq!(first.get("signed_orders"), Some(0.0));
    let second = r.records()[1];
    assert!(!second.excluded);
    assert_eq!(second.get("review_sum"), Some(95.0));
    assert_eq!(second.get("nope"), None);
}

#[test]
fn bad_cells_name_line_and_column() {
    assert_eq!(
        err("2026-11-01,100,20,95,1,abc,97,40,35,0,"),
        "line 2, column ship_due: \"abc\" is not a number"
    );
    assert_eq!(
        err("2026-11-01,100,20,95,1,98,97,40,35,0,\n2026-11-02,-3,0,0,0,0,0,0,0,0,"),
        "line 3, column paid_orders: -3 is negative (counts and sums are at least 0)"
    );
    assert_eq!(
        err("2026-11-01,NaN,0,0,0,0,0,0,0,0,"),
        "line 2, column paid_orders: \"NaN\" is not a number"
    );
    assert_eq!(
        err("2026-11-01,inf,0,0,0,0,0,0,0,0,"),
        "line 2, column paid_orders: \"inf\" is not a finite number"
    );
    assert_eq!(
        err("2026-11-31,1,0,0,0,0,0,0,0,0,"),
        "line 2, column date: \"2026-11-31\" is not a date (expected YYYY-MM-DD)"
    );
    assert_eq!(
        err("11/30/2026,1,0,0,0,0,0,0,0,0,"),
        "line 2, column date: \"11/30/2026\" is not a date (expected YYYY-MM-DD)"
    );
    assert_eq!(
        err(",1,0,0,0,0,0,0,0,0,"),
        "line 2, column date: missing date (expected YYYY-MM-DD)"
    );
    assert_eq!(
        err("2026-11-01,1,0,0,0,0,0,0,0,0,yes"),
        "line 2, column excluded: \"yes\" must be 1 (day dropped: force majeure or \
             appealed) or 0/empty (kept)"
    );
    assert_eq!(
        err("2026-11-01,1,0,0,0,0,0,0,0,0"),
        "line 2, column excluded: missing cell: the line has 10 cells, the header 11"
    );
    assert_eq!(
        err("2026-11-01,1,0,0,0,0,0,0,0,0,,7"),
        "line 2, column 12: \"7\" lies beyond the header's 11 columns"
    );
    // A trailing empty cell beyond the header is what spreadsheets write: fine.
    assert!(DailyRecords::from_csv(&format!("{HEAD}\n2026-11-01,1,0,0,0,0,0,0,0,0,,")).is_ok());
}

#[test]
fn duplicate_dates_name_both_lines() {
    assert_eq!(
        err(
            "2026-11-01,1,0,0,0,0,0,0,0,0,\n2026-11-02,1,0,0,0,0,0,0,0,0,\n\
                 2026-11-01,2,0,0,0,0,0,0,0,0,"
        ),
        "line 4, column date: 2026-11-01 appears twice (first on line 2)"
    );
}

#[test]
fn counts_must_agree() {
    assert_eq!(
        err("2026-11-01,100,20,95,1,98,99,40,35,0,"),
        "line 2, column shipped_on_time: 99 is more than ship_due (98)"
    );
    assert_eq!(
        err("2026-11-01,100,20,95,1,98,97,40,41,0,"),
        "line 2, column replied_3min: 41 is more than consultations (40)"
    );
    assert_eq!(
        err("2026-11-01,100,20,95,101,98,97,40,35,0,"),
        "line 2, column quality_refunds: 101 is more than paid_orders (100)"
    );
    assert_eq!(
        err("2026-11-01,100,20,95,1,98,97,40,35,100.5,"),
        "line 2, column disputes: 100.5 is more than paid_orders (100)"
    );
    assert_eq!(
        err("2026-11-01,100,20,101,1,98,97,40,35,0,"),
        "line 2, column review_sum: 101 must lie between 1× and 5× review_count (20): 20–100"
    );
    assert_eq!(
        err("2026-11-01,100,20,19,1,98,97,40,35,0,"),
        "line 2, column review_sum: 19 must lie between 1× and 5× review_count (20): 20–100"
    );
    assert_eq!(
        err("2026-11-01,100,0,4,1,98,97,40,35,0,"),
        "line 2, column review_sum: 4 but review_count is 0"
    );
    assert_eq!(
        DailyRecords::from_csv("date,sign_hours_sum\n2026-11-01,12\n")
            .unwrap_err()
            .to_string(),
        "line 2, column sign_hours_sum: 12 but signed_orders is 0; the file has no \
             signed_orders column"
    );
    assert_eq!(
        DailyRecords::from_csv("date,paid_orders,shipped_on_time\n2026-11-01,10,9\n")
            .unwrap_err()
            .to_string(),
        "line 2, column shipped_on_time: 9 but ship_due is 0; the file has no ship_due column"
    );
}

#[test]
fn header_problems() {
    let e = |t: &str| DailyRecords::from_csv(t).unwrap_err().to_string();
    let empty = format!(
        "line 1, column date: the file is empty; its first line must name the columns, e.g. {}",
        header_line()
    );
    assert_eq!(e(""), empty);
    assert_eq!(e("\u{feff}\r\n"), empty);
    let no_date = format!(
        "line 1, column date: missing from the header; its first line must name the \
             columns, e.g. {}",
        header_line()
    );
    assert_eq!(e("paid_orders\n1\n"), no_date);
    // Too far from `date` to be its typo: an ignored column, and no date.
    assert_eq!(e("day,paid_orders\n2026-11-01,1\n"), no_date);
    assert_eq!(
        e("\n\ndate,ship_du\n2026-11-01,1\n"),
        "line 3, column ship_du: unknown column (did you mean ship_due?)"
    );
    assert_eq!(
        e("date,paid_order\n"),
        "line 1, column paid_order: unknown column (did you mean paid_orders?)"
    );
    assert_eq!(
        e("date,paid_orders,Paid_Orders\n"),
        "line 1, column paid_orders: appears twice in the header"
    );
    assert_eq!(
        e("date,日期\n"),
        "line 1, column date: appears twice in the header"
    );
    // Only the header: no records, no error.
    assert!(DailyRecords::from_csv("date\n").unwrap().is_empty());
}

fn import(text: &str) -> Import<DailyRecords> {
    DailyRecords::import(text, Some(Date::constant(2026, 11, 20))).unwrap()
}

#[test]
fn other_columns_are_ignored_with_a_warning() {
    let i = import(
        "date,,shop,paid_orders,note,,\n2026-11-01,,A,3,,,\n2026-11-02,x,A,4,late,,\n\
             2026-11-03,,A,5\n",
    );
    assert_eq!(i.data.len(), 3);
    assert_eq!(i.data.records()[2].get("paid_orders"), Some(5.0));
    assert_eq!(
        i.warnings,
        vec![ImportWarning::IgnoredColumns {
            columns: vec![
                IgnoredColumn {
                    position: 2,
                    name: String::new()
                },
                IgnoredColumn {
                    position: 3,
                    name: "shop".into()
                },
                IgnoredColumn {
                    position: 5,
                    name: "note".into()
                },
            ]
        }]
    );
    assert_eq!(
        i.warnings[0].to_string(),
        "ignored columns: column 2 (no name), shop, note"
    );
    // A row must still reach the last column read.
    assert_eq!(
        DailyRecords::from_csv("date,shop,paid_orders\n2026-11-01,A\n")
            .unwrap_err()
            .to_string(),
        "line 2, column paid_orders: missing cell: the line has 2 cells, the header 3"
    );
}

#[test]
fn spreadsheet_files() {
    let comma = import(&format!(
        "{HEAD}\n2026-11-01,100,20,95.5,1,98,97,40,35,0,\n"
    ));
    assert_eq!(comma.separator, Separator::Comma);
    assert_eq!(comma.warnings, vec![]);
    // European Excel: semicolons, decimal commas, a trailing separator, CRLF; Chinese
    // Excel's dates.
    let semi = import(&format!(
        "{};\r\n2026/11/1;100;20;95,5;1;98;97;40;35;0;;\r\n",
        HEAD.replace(',', ";")
    ));
    assert_eq!(semi.separator, Separator::Semicolon);
    assert_eq!(semi.data, comma.data);
    // Excel's "Unicode text": tabs.
    let tab = import(&format!(
        "{}\r\n2026.11.1\t100\t20\t95.5\t1\t98\t97\t40\t35\t0\t\r\n",
        HEAD.replace(',', "\t")
    ));
    assert_eq!((tab.separator, &tab.data), (Separator::Tab, &comma.data));
    // Chinese names, any ASCII case, a unit in brackets.
    let zh = import(
        "日期,支付订单数,评价数,评价总分,品质退款数,应发货订单数,及时发货订单数,咨询数,\
             3分钟回复数,纠纷数,EXCLUDED\n2026年11月1日,100,20,95.5,1,98,97,40,35,0,\n",
    );
    assert_eq!(zh.data, comma.data);
    let units = import("Date,Sign_Hours_Sum (h),签收订单数\n2026-11-01 00:00,12.5,2\n");
    assert_eq!(units.data.records()[0].get("sign_hours_sum"), Some(12.5));
    // A decimal comma needs a separator that is not a comma.
    assert_eq!(
        DailyRecords::from_csv("date,sign_hours_sum,signed_orders\n2026-11-01,\"12,5\",2\n")
            .unwrap_err()
            .to_string(),
        "line 2, column sign_hours_sum: \"12,5\" is not a number"
    );
    assert_eq!(
        DailyRecords::from_csv("date;sign_hours_sum;signed_orders\n2026-11-01;1.234,5;2\n")
            .unwrap_err()
            .to_string(),
        "line 2, column sign_hours_sum: \"1.234,5\" is not a number"
    );
}

#[test]
fn days_after_today_are_read_with_a_warning() {
    let i = import("date,paid_orders\n2026-11-22,1\n2026-11-20,1\n2026-11-21,2\n");
    assert_eq!(i.data.len(), 3);
    assert_eq!(
        i.warnings,
        vec![ImportWarning::FutureDates {
            today: Date::constant(2026, 11, 20),
            first: Date::constant(2026, 11, 21),
            last: Date::constant(2026, 11, 22),
            rows: 2
        }]
    );
    let none = DailyRecords::import("date,paid_orders\n2026-11-22,1\n", None).unwrap();
    assert_eq!(none.warnings, vec![]);
}

#[test]
fn all_errors_are_listed_up_to_the_limit() {
    let mut text = format!("{HEAD}\n");
    text.push_str("2026-11-01,x,0,0,0,0,0,0,0,-1,\n");
    text.push_str("2026-11-02,1,0,0,0,0,0,0,0,0,\n");
    text.push_str("2026-11-03,1,0,0,0,5,6,0,0,0,\n");
    let e = DailyRecords::from_csv_all_errors(&text).unwrap_err();
    let msgs: Vec<String> = e.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        msgs,
        [
            "line 2, column paid_orders: \"x\" is not a number",
            "line 2, column disputes: -1 is negative (counts and sums are at least 0)",
            "line 4, column shipped_on_time: 6 is more than ship_due (5)",
        ]
    );
    assert!(!e.truncated());
    assert_eq!(e.total, 3);
    assert_eq!(
        e.to_string(),
        "line 2, column paid_orders: \"x\" is not a number (and 2 more)"
    );

    let mut many = format!("{HEAD}\n");
    for d in 1..=60 {
        many.push_str(&format!("2026-10-{:02},x,0,0,0,0,0,0,0,0,\n", d % 28 + 1));
    }
    let e = DailyRecords::from_csv_all_errors(&many).unwrap_err();
    assert_eq!(e.errors.len(), MAX_REPORTED_ERRORS);
    assert!(e.truncated());
    assert_eq!(e.total, 60);
    assert!(e.to_string().ends_with("(and 59 more)"));
    assert_eq!(
        e.summary_text(),
        "60 errors: 60 × not a number in column paid_orders"
    );
}

proptest! {
    #[test]
    fn any_text_gives_records_or_located_errors(text in "[a-z0-9,.\\-\n\"]{0,200}") {
        // Never panics; every error names a place.
        if let Err(e) = DailyRecords::from_csv_all_errors(&text) {
            prop_assert!(!e.errors.is_empty());
            for err in e.errors {
                prop_assert!(!err.place().is_empty());
            }
        }
    }
}
