//! What is wrong with a cell of an imported CSV file (the daily records or the session log),
//! in the page's language.
//!
//! The core reports every problem as a typed [`RowProblem`] (its `Display` is the command
//! line's English); this module words each kind in zh, en and es, so no English reaches a
//! Chinese or Spanish page. Cells are quoted as the file has them, column ids (`ship_due`) are
//! the file's own names and stay as they are, numbers use the page's decimal separator.

use servicescore::csv_import::RowProblem;
use servicescore::timeline::records::MAX_CELL;

use crate::format;
use crate::i18n::{fill, texts, Lang};

texts! {
    CsvText;
    EmptyFile => [
        "文件是空的；第一行须写出列名，例如 {header}",
        "the file is empty; its first line must name the columns, e.g. {header}",
        "el archivo está vacío; su primera línea debe nombrar las columnas, p. ej. {header}",
    ],
    MissingColumn => [
        "表头中缺少此列；第一行须写出列名，例如 {header}",
        "missing from the header; its first line must name the columns, e.g. {header}",
        "falta en el encabezado; la primera línea debe nombrar las columnas, p. ej. {header}",
    ],
    DuplicateColumn => ["表头中出现了两次", "appears twice in the header", "aparece dos veces en el encabezado"],
    MisspelledColumn => ["未知的列（是否想写 {known}？）", "unknown column (did you mean {known}?)", "columna desconocida (¿querías decir {known}?)"],
    MissingCell => [
        "缺少单元格：这一行有 {cells} 个单元格，表头有 {header} 个",
        "missing cell: the line has {cells} cells, the header {header}",
        "falta una celda: la línea tiene {cells} celdas y el encabezado {header}",
    ],
    BeyondHeader => [
        "“{text}”超出了表头的 {columns} 列",
        "\"{text}\" lies beyond the header's {columns} columns",
        "«{text}» queda fuera de las {columns} columnas del encabezado",
    ],
    Unreadable => ["无法读取的 CSV 行", "unreadable CSV row", "fila CSV ilegible"],
    MissingDate => ["缺少日期（格式为 YYYY-MM-DD）", "missing date (expected YYYY-MM-DD)", "falta la fecha (formato AAAA-MM-DD)"],
    BadDate => ["“{text}”不是日期（格式为 YYYY-MM-DD）", "\"{text}\" is not a date (expected YYYY-MM-DD)", "«{text}» no es una fecha (formato AAAA-MM-DD)"],
    DuplicateDate => ["{date} 出现了两次（第一次在第 {line} 行）", "{date} appears twice (first on line {line})", "{date} aparece dos veces (la primera en la línea {line})"],
    NotANumber => ["“{text}”不是数字", "\"{text}\" is not a number", "«{text}» no es un número"],
    NotFinite => ["“{text}”不是有限的数字", "\"{text}\" is not a finite number", "«{text}» no es un número finito"],
    Negative => ["{text} 是负数（计数和总和至少为 0）", "{text} is negative (counts and sums are at least 0)", "{text} es negativo (los recuentos y las sumas son al menos 0)"],
    TooLarge => ["{text} 太大（最多 {max}）", "{text} is too large (at most {max})", "{text} es demasiado grande (como máximo {max})"],
    BadExcluded => [
        "“{text}”须为 1（该日剔除：不可抗力或申诉成功）或 0/留空（保留）",
        "\"{text}\" must be 1 (day dropped: force majeure or appealed) or 0/empty (kept)",
        "«{text}» debe ser 1 (día excluido: fuerza mayor o apelación) o 0/vacío (se mantiene)",
    ],
    WithoutCount => ["为 {value}，但 {of} 为 0", "{value} but {of} is 0", "{value}, pero {of} es 0"],
    NoColumn => ["；文件中没有 {of} 列", "; the file has no {of} column", "; el archivo no tiene la columna {of}"],
    MoreThan => ["{value} 大于 {of}（{total}）", "{value} is more than {of} ({total})", "{value} es mayor que {of} ({total})"],
    NotBetween => [
        "{value} 须在 {of}（{count}）的 {min} 倍到 {max} 倍之间：{lo}–{hi}",
        "{value} must lie between {min}× and {max}× {of} ({count}): {lo}–{hi}",
        "{value} debe estar entre {min}× y {max}× {of} ({count}): {lo}–{hi}",
    ],
    MissingSessionId => ["会话 ID 为空", "empty session id", "ID de sesión vacío"],
    DuplicateSessionId => ["“{id}”已在第 {line} 行出现", "\"{id}\" already appears on line {line}", "«{id}» ya aparece en la línea {line}"],
    MissingStartTime => ["为空：每个会话都需要开始时间", "empty: every session needs a start time", "vacío: cada sesión necesita una hora de inicio"],
    BadDateTime => [
        "“{text}”不是日期时间（格式为 YYYY-MM-DD HH:MM:SS）",
        "\"{text}\" is not a date and time YYYY-MM-DD HH:MM:SS",
        "«{text}» no es una fecha y hora (formato AAAA-MM-DD HH:MM:SS)",
    ],
    ReplyBeforeStart => ["回复早于会话开始（错误的行）", "reply is before the session started (bad row)", "la respuesta es anterior al inicio de la sesión (fila errónea)"],
    BadRating => [
        "“{text}”不是评分：应为 1–5 的整数，或留空",
        "\"{text}\" is not a rating: expected a whole number 1–5, or empty",
        "«{text}» no es una valoración: se espera un número entero del 1 al 5, o vacío",
    ],
}

/// A cell as the file has it, on one line (a line break inside a quoted cell would split the
/// message).
fn cell(text: &str) -> String {
    servicescore::error::one_line(text.to_string())
}

/// What is wrong, in `lang` (the place — line and column — is worded by the caller).
pub fn row_problem_text(p: &RowProblem, lang: Lang) -> String {
    use RowProblem as P;
    let num = |v: f64| format::number(v, lang);
    let t = |key: CsvText, args: &[(&str, &str)]| fill(key.get(lang), args);
    match p {
        P::EmptyFile { header } => t(CsvText::EmptyFile, &[("header", header)]),
        P::MissingColumn { header } => t(CsvText::MissingColumn, &[("header", header)]),
        P::DuplicateColumn => t(CsvText::DuplicateColumn, &[]),
        P::MisspelledColumn { known } => t(CsvText::MisspelledColumn, &[("known", known)]),
        P::MissingCell { cells, header } => t(
            CsvText::MissingCell,
            &[
                ("cells", &cells.to_string()),
                ("header", &header.to_string()),
            ],
        ),
        P::BeyondHeader { text, columns } => t(
            CsvText::BeyondHeader,
            &[("text", &cell(text)), ("columns", &columns.to_string())],
        ),
        P::Unreadable => t(CsvText::Unreadable, &[]),
        P::MissingDate => t(CsvText::MissingDate, &[]),
        P::BadDate { text } => t(CsvText::BadDate, &[("text", &cell(text))]),
        P::DuplicateDate { date, first_line } => t(
            CsvText::DuplicateDate,
            &[
                ("date", &date.to_string()),
                ("line", &first_line.to_string()),
            ],
        ),
        P::NotANumber { text } => t(CsvText::NotANumber, &[("text", &cell(text))]),
        P::NotFinite { text } => t(CsvText::NotFinite, &[("text", &cell(text))]),
        P::Negative { text } => t(CsvText::Negative, &[("text", &cell(text))]),
        P::TooLarge { text } => t(
            CsvText::TooLarge,
            &[("text", &cell(text)), ("max", &format!("{MAX_CELL:e}"))],
        ),
        P::BadExcluded { text } => t(CsvText::BadExcluded, &[("text", &cell(text))]),
        P::WithoutCount {
            value,
            of,
            of_in_file,
        } => {
            let mut s = t(
                CsvText::WithoutCount,
                &[("value", &num(*value)), ("of", of)],
            );
            if !of_in_file {
                s.push_str(&t(CsvText::NoColumn, &[("of", of)]));
            }
            s
        }
        P::MoreThan {
            value,
            of,
            of_value,
        } => t(
            CsvText::MoreThan,
            &[
                ("value", &num(*value)),
                ("of", of),
                ("total", &num(*of_value)),
            ],
        ),
        P::NotBetween {
            value,
            of,
            of_value,
            min,
            max,
        } => t(
            CsvText::NotBetween,
            &[
                ("value", &num(*value)),
                ("min", &num(*min)),
                ("max", &num(*max)),
                ("of", of),
                ("count", &num(*of_value)),
                ("lo", &num(min * of_value)),
                ("hi", &num(max * of_value)),
            ],
        ),
        P::MissingSessionId => t(CsvText::MissingSessionId, &[]),
        P::DuplicateSessionId { id, first_line } => t(
            CsvText::DuplicateSessionId,
            &[("id", &cell(id)), ("line", &first_line.to_string())],
        ),
        P::MissingStartTime => t(CsvText::MissingStartTime, &[]),
        P::BadDateTime { text } => t(CsvText::BadDateTime, &[("text", &cell(text))]),
        P::ReplyBeforeStart => t(CsvText::ReplyBeforeStart, &[]),
        P::BadRating { text } => t(CsvText::BadRating, &[("text", &cell(text))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind, with the data the core would give it.
    fn every_kind() -> Vec<RowProblem> {
        use RowProblem as P;
        let date = jiff::civil::date(2026, 5, 5);
        vec![
            P::EmptyFile {
                header: "date,ship_due".into(),
            },
            P::MissingColumn {
                header: "date,ship_due".into(),
            },
            P::DuplicateColumn,
            P::MisspelledColumn { known: "ship_due" },
            P::MissingCell {
                cells: 3,
                header: 5,
            },
            P::BeyondHeader {
                text: "x".into(),
                columns: 4,
            },
            P::Unreadable,
            P::MissingDate,
            P::BadDate { text: "5/5".into() },
            P::DuplicateDate {
                date,
                first_line: 3,
            },
            P::NotANumber { text: "abc".into() },
            P::NotFinite { text: "inf".into() },
            P::Negative { text: "-1".into() },
            P::TooLarge {
                text: "1e13".into(),
            },
            P::BadExcluded { text: "yes".into() },
            P::WithoutCount {
                value: 12.5,
                of: "signed_orders",
                of_in_file: false,
            },
            P::MoreThan {
                value: 99.0,
                of: "ship_due",
                of_value: 98.0,
            },
            P::NotBetween {
                value: 30.0,
                of: "review_count",
                of_value: 10.0,
                min: 1.0,
                max: 5.0,
            },
            P::MissingSessionId,
            P::DuplicateSessionId {
                id: "s1".into(),
                first_line: 2,
            },
            P::MissingStartTime,
            P::BadDateTime {
                text: "noon".into(),
            },
            P::ReplyBeforeStart,
            P::BadRating { text: "6".into() },
        ]
    }

    /// The English page says what the command line says, word for word.
    #[test]
    fn english_is_the_command_line_wording() {
        for p in every_kind() {
            assert_eq!(row_problem_text(&p, Lang::En), p.to_string(), "{p:?}");
        }
    }

    /// A Chinese page shows no English words: only the cell as written, column ids, digits
    /// and the date pattern remain in Latin letters.
    #[test]
    fn chinese_has_no_english_words() {
        let allowed = [
            "date", "ship", "due", "signed", "orders", "review", "count", "abc", "inf", "yes",
            "noon", "s1", "x", "e13", "YYYY", "MM", "DD", "HH", "SS", "CSV", "ID", "e12",
        ];
        for p in every_kind() {
            let zh = row_problem_text(&p, Lang::Zh);
            for word in zh.split(|c: char| !c.is_ascii_alphanumeric()) {
                let letters = word.chars().any(|c| c.is_ascii_alphabetic());
                assert!(
                    !letters || allowed.iter().any(|a| word.contains(a)),
                    "{word:?} in {zh}"
                );
            }
        }
    }

    #[test]
    fn spanish_uses_its_decimal_comma() {
        let p = RowProblem::WithoutCount {
            value: 12.5,
            of: "signed_orders",
            of_in_file: true,
        };
        assert_eq!(
            row_problem_text(&p, Lang::Es),
            "12,5, pero signed_orders es 0"
        );
    }
}
