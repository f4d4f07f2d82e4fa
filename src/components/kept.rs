//! Imported files kept in this browser, so they survive a reload: the daily CSV of the
//! outlook and the session log of the customer-service view, one localStorage key per kind.
//!
//! Stored document, schema 1: `{"schema": 1, "name": "...", "gb18030": false, "text": "..."}`,
//! the decoded text as imported, written with one `setItem` once a file was imported
//! successfully (a refused file keeps the one stored before), removed when the user removes
//! the file. A text over [`MAX_CHARS`]
//! characters is not kept (localStorage holds about 5 M characters per origin, shared with
//! the scenario and the user's pack), nor is one whose `setItem` fails (quota): the import
//! works, and the page says the file will not survive a reload. Either way the entry of the
//! file it replaces is removed, so a reload never brings back an older file.
//!
//! On load each view restores its kept file through the same parse as a fresh import. A
//! stored value that cannot be used (not JSON, another schema, a text that no longer parses)
//! is moved to the kind's backup key and the page says so; nothing else is touched.

use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::browser;
use crate::i18n::{fill, Lang};

/// The schema this page writes.
pub const SCHEMA: u32 = 1;
/// Longest text kept, in characters.
pub const MAX_CHARS: usize = 1_000_000;

/// Which imported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The outlook's daily CSV.
    Daily,
    /// The customer-service session log.
    Sessions,
}

impl Kind {
    /// The key of the kept file.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Daily => "servicescore.import.daily",
            Kind::Sessions => "servicescore.import.sessions",
        }
    }

    /// Where a kept value that cannot be used is moved.
    pub fn backup_key(self) -> &'static str {
        match self {
            Kind::Daily => "servicescore.import.daily.unreadable",
            Kind::Sessions => "servicescore.import.sessions.unreadable",
        }
    }
}

/// A kept file, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptFile {
    /// Always [`SCHEMA`].
    pub schema: u32,
    /// The file's name.
    pub name: String,
    /// Whether the file was decoded as GB18030.
    pub gb18030: bool,
    /// The decoded text.
    pub text: String,
}

/// Just the schema, read first so that another schema is named as such (typed: no
/// `serde_json::Value` in the page, see `cs/counts.rs`).
#[derive(Deserialize)]
struct Head {
    schema: Option<SchemaField>,
}

/// The schema field: a whole number, or anything else.
#[derive(Deserialize)]
#[serde(untagged)]
enum SchemaField {
    Number(u64),
    Other(serde::de::IgnoredAny),
}

/// Why a kept value cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not a JSON object.
    NotJson,
    /// A schema this page does not read.
    OtherSchema {
        /// The schema found (`None`: missing or not a whole number).
        found: Option<u64>,
    },
    /// A field missing, of the wrong type, or unknown.
    Shape,
    /// The kept text is no longer imported (refused, or no data row).
    NoLongerParses {
        /// The file's name.
        name: String,
    },
}

/// What the page says about the kept file.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// The file was restored from this browser.
    Restored {
        /// The file's name.
        name: String,
    },
    /// Imported, but too large to keep.
    TooLarge {
        /// The file's name.
        name: String,
        /// Its length in characters.
        chars: usize,
    },
    /// Imported, but the browser refused to store it (quota, storage blocked).
    NotStored {
        /// The file's name.
        name: String,
    },
    /// The kept value could not be used; it was moved to the backup key.
    Unreadable(Problem),
}

/// The JSON stored for a file.
///
/// # Errors
///
/// The text's length in characters when it is over [`MAX_CHARS`].
pub fn encode(name: &str, text: &str, gb18030: bool) -> Result<String, usize> {
    let chars = text.chars().count();
    if chars > MAX_CHARS {
        return Err(chars);
    }
    let doc = KeptFile {
        schema: SCHEMA,
        name: name.to_string(),
        gb18030,
        text: text.to_string(),
    };
    serde_json::to_string(&doc).map_err(|_| chars)
}

/// Reads a stored value.
///
/// # Errors
///
/// Why it cannot be used.
pub fn decode(raw: &str) -> Result<KeptFile, Problem> {
    let head: Head = serde_json::from_str(raw).map_err(|_| Problem::NotJson)?;
    match head.schema {
        Some(SchemaField::Number(1)) => {}
        Some(SchemaField::Number(n)) => return Err(Problem::OtherSchema { found: Some(n) }),
        Some(SchemaField::Other(_)) | None => return Err(Problem::OtherSchema { found: None }),
    }
    serde_json::from_str(raw).map_err(|_| Problem::Shape)
}

/// Keeps a file that was just imported, replacing the one kept before; `None` when it was
/// kept, else what to tell the user.
pub fn keep(kind: Kind, name: &str, text: &str, gb18030: bool) -> Option<Note> {
    // The previous file goes first: it is replaced either way, and its room may be needed.
    browser::storage_remove(kind.key());
    match encode(name, text, gb18030) {
        Err(chars) => Some(Note::TooLarge {
            name: name.to_string(),
            chars,
        }),
        Ok(raw) if browser::storage_set(kind.key(), &raw) => None,
        Ok(_) => Some(Note::NotStored {
            name: name.to_string(),
        }),
    }
}

/// Forgets the kept file of a kind (the user removed it).
pub fn forget(kind: Kind) {
    browser::storage_remove(kind.key());
}

/// The kept file of a kind: `None` when there is none.
pub fn read(kind: Kind) -> Option<Result<KeptFile, Problem>> {
    browser::storage_get(kind.key()).map(|raw| decode(&raw))
}

/// The kept file of a kind as an import to parse again (`None` when there is none); an
/// unreadable one is moved to its backup key and comes back as the note to show. The one
/// way both views restore at mount.
pub fn restore(kind: Kind) -> Option<Result<crate::components::file_import::Loaded, Note>> {
    Some(match read(kind)? {
        Ok(f) => Ok(crate::components::file_import::Loaded {
            name: f.name,
            text: f.text,
            gb18030: f.gb18030,
        }),
        Err(p) => {
            back_up(kind);
            Err(Note::Unreadable(p))
        }
    })
}

/// Moves the kept value of a kind to its backup key (it is kept there if the browser has
/// room; if not, it stays where it is, still never restored over a new import).
pub fn back_up(kind: Kind) {
    let Some(raw) = browser::storage_get(kind.key()) else {
        return;
    };
    browser::storage_remove(kind.key());
    if !browser::storage_set(kind.backup_key(), &raw) {
        browser::storage_set(kind.key(), &raw);
    }
}

crate::i18n::texts! {
    KeptText;
    Restored => ["已从本浏览器恢复 {name}。", "Restored {name} from this browser.", "Restaurado {name} desde este navegador."],
    TooLarge => [
        "{name} 有 {chars} 个字符，超过本浏览器可保存的 {max} 个字符：本次可以使用，但重新加载页面后需要再次导入。",
        "{name} has {chars} characters, more than the {max} this browser keeps: it is in use now, but after a reload it must be imported again.",
        "{name} tiene {chars} caracteres, más de los {max} que guarda este navegador: se usa ahora, pero tras recargar la página hay que importarlo de nuevo.",
    ],
    NotStored => [
        "本浏览器没有空间保存 {name}：本次可以使用，但重新加载页面后需要再次导入。",
        "This browser has no room to keep {name}: it is in use now, but after a reload it must be imported again.",
        "Este navegador no tiene espacio para guardar {name}: se usa ahora, pero tras recargar la página hay que importarlo de nuevo.",
    ],
    Unreadable => [
        "本浏览器保存的导入文件无法读取（{why}），未恢复，已另存为备份。请重新导入文件。",
        "The imported file kept in this browser cannot be read ({why}); it was not restored and was set aside as a backup. Import the file again.",
        "El archivo importado guardado en este navegador no se puede leer ({why}); no se restauró y se guardó aparte como copia. Vuelve a importarlo.",
    ],
    NoLongerParses => [
        "本浏览器保存的 {name} 已无法导入，未恢复，已另存为备份。请重新导入文件。",
        "{name}, kept in this browser, can no longer be imported; it was not restored and was set aside as a backup. Import the file again.",
        "{name}, guardado en este navegador, ya no se puede importar; no se restauró y se guardó aparte como copia. Vuelve a importarlo.",
    ],
    WhyNotJson => ["不是 JSON", "not JSON", "no es JSON"],
    WhySchema => ["格式版本不是本页面读取的第 {reads} 版", "not the format version {reads} this page reads", "no es la versión {reads} del formato que lee esta página"],
    WhyShape => ["字段不符", "unexpected fields", "campos inesperados"],
}

/// A note in the page's language.
pub fn note_text(note: &Note, lang: Lang) -> String {
    match note {
        Note::Restored { name } => fill(KeptText::Restored.get(lang), &[("name", name)]),
        Note::TooLarge { name, chars } => fill(
            KeptText::TooLarge.get(lang),
            &[
                ("name", name),
                ("chars", &chars.to_string()),
                ("max", &MAX_CHARS.to_string()),
            ],
        ),
        Note::NotStored { name } => fill(KeptText::NotStored.get(lang), &[("name", name)]),
        Note::Unreadable(Problem::NoLongerParses { name }) => {
            fill(KeptText::NoLongerParses.get(lang), &[("name", name)])
        }
        Note::Unreadable(p) => {
            let why = match p {
                Problem::NotJson => KeptText::WhyNotJson.get(lang).to_string(),
                Problem::OtherSchema { .. } => fill(
                    KeptText::WhySchema.get(lang),
                    &[("reads", &SCHEMA.to_string())],
                ),
                Problem::Shape | Problem::NoLongerParses { .. } => {
                    KeptText::WhyShape.get(lang).to_string()
                }
            };
            fill(KeptText::Unreadable.get(lang), &[("why", &why)])
        }
    }
}

/// Props of [`KeptNotice`].
#[derive(Properties, PartialEq, Clone)]
pub struct KeptNoticeProps {
    /// The note, if any.
    pub note: Option<Note>,
    /// Page language.
    pub lang: Lang,
    /// Test hook (`daily-kept`, `sessions-kept`).
    pub testid: AttrValue,
}

/// The line under an import box about the kept file.
#[component]
pub fn KeptNotice(props: &KeptNoticeProps) -> Html {
    let Some(note) = &props.note else {
        return html! {};
    };
    let (kind, alert) = match note {
        Note::Restored { .. } => ("restored", false),
        Note::TooLarge { .. } => ("too-large", true),
        Note::NotStored { .. } => ("not-stored", true),
        Note::Unreadable(_) => ("unreadable", true),
    };
    html! {
        <p class={classes!("note", "kept-note", alert.then_some("kept-warning"))}
            role={if alert { "alert" } else { "status" }} data-testid={props.testid.clone()} data-kind={kind}>
            { note_text(note, props.lang) }
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_round_trips() {
        let text = "date,ship_due\n2026-11-20,\"10\"\n";
        let raw = encode("日报.csv", text, true).unwrap();
        assert!(raw.starts_with(r#"{"schema":1,"name":"日报.csv","gb18030":true,"text":"#));
        assert_eq!(
            decode(&raw),
            Ok(KeptFile {
                schema: 1,
                name: "日报.csv".into(),
                gb18030: true,
                text: text.into(),
            })
        );
    }

    #[test]
    fn the_limit_counts_characters() {
        let at = "服".repeat(MAX_CHARS);
        assert!(encode("a.csv", &at, false).is_ok());
        let over = format!("{at}x");
        assert_eq!(encode("a.csv", &over, false), Err(MAX_CHARS + 1));
    }

    #[test]
    fn broken_values_say_what_is_wrong() {
        assert_eq!(decode("{oops"), Err(Problem::NotJson));
        assert_eq!(decode(""), Err(Problem::NotJson));
        assert_eq!(decode("\"text\""), Err(Problem::NotJson));
        assert_eq!(
            decode(r#"{"schema":2,"name":"a","gb18030":false,"text":""}"#),
            Err(Problem::OtherSchema { found: Some(2) })
        );
        assert_eq!(
            decode(r#"{"schema":"1"}"#),
            Err(Problem::OtherSchema { found: None })
        );
        assert_eq!(
            decode(r#"{"name":"a"}"#),
            Err(Problem::OtherSchema { found: None })
        );
        assert_eq!(decode(r#"{"schema":1,"name":"a"}"#), Err(Problem::Shape));
        assert_eq!(
            decode(r#"{"schema":1,"name":"a","gb18030":false,"text":"","x":1}"#),
            Err(Problem::Shape)
        );
        assert_eq!(
            decode(r#"{"schema":1,"name":"a","gb18030":0,"text":""}"#),
            Err(Problem::Shape)
        );
    }

    #[test]
    fn notes_are_worded_in_each_language() {
        let n = Note::Restored {
            name: "a.csv".into(),
        };
        assert_eq!(note_text(&n, Lang::Zh), "已从本浏览器恢复 a.csv。");
        assert_eq!(note_text(&n, Lang::En), "Restored a.csv from this browser.");
        assert_eq!(
            note_text(&n, Lang::Es),
            "Restaurado a.csv desde este navegador."
        );
        let big = Note::TooLarge {
            name: "big.csv".into(),
            chars: 1_200_000,
        };
        assert!(note_text(&big, Lang::En)
            .starts_with("big.csv has 1200000 characters, more than the 1000000"));
        let bad = Note::Unreadable(Problem::NotJson);
        assert!(note_text(&bad, Lang::En).contains("(not JSON)"));
        assert!(note_text(&bad, Lang::Zh).contains("（不是 JSON）"));
        let gone = Note::Unreadable(Problem::NoLongerParses {
            name: "s.csv".into(),
        });
        assert!(note_text(&gone, Lang::Es).starts_with("s.csv, guardado en este navegador"));
    }
}
