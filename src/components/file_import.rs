//! Importing a CSV file: a file picker, drag and drop, an example from the page's own files,
//! a template to download, and a progress bar while a large file is read.
//!
//! Files are read in 1 MiB slices so the progress is real, then decoded by the core
//! ([`servicescore::decode`]: UTF-8, UTF-16, GB18030 through the browser's `TextDecoder`, the
//! same WHATWG decoder the command line links in), so the page and the CLI read the same files.
//! A workbook or binary file gets one message here. Parsing is the parent's job: this
//! component hands over the text.

use gloo_file::Blob;
use servicescore::decode::{decode_with, DecodeError, Decoded, Encoding};
use web_sys::{DragEvent, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::i18n::{fill, Lang, Text};

const SLICE: u64 = 1 << 20;
/// Larger files are refused before reading (the page keeps everything in memory).
pub const MAX_BYTES: u64 = 64 << 20;

/// A file that was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// File name (or the example's).
    pub name: String,
    /// Its text.
    pub text: String,
    /// Whether it was decoded as GB18030 rather than UTF-8.
    pub gb18030: bool,
}

/// Props of [`FileImport`].
#[derive(Properties, PartialEq, Clone)]
pub struct FileImportProps {
    /// Page language.
    pub lang: Lang,
    /// The example file under `examples/` (also offered for download as is).
    pub example: AttrValue,
    /// The template file under `examples/`.
    pub template: AttrValue,
    /// Called with the file's text.
    pub onload: Callback<Loaded>,
    /// Test hook prefix (`daily`, `sessions`).
    pub testid: AttrValue,
}

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Reading { name: String, done: u64, total: u64 },
    Failed(String),
}

/// The import box.
#[component]
pub fn FileImport(props: &FileImportProps) -> Html {
    let lang = props.lang;
    let status = use_state(|| Status::Idle);
    let dragging = use_state(|| false);

    let read = {
        let status = status.clone();
        let onload = props.onload.clone();
        Callback::from(move |file: web_sys::File| {
            let status = status.clone();
            let onload = onload.clone();
            let blob = Blob::from(web_sys::Blob::from(file.clone()));
            let name = file.name();
            let total = blob.size();
            if total > MAX_BYTES {
                status.set(Status::Failed(fill(
                    Text::FileTooLarge.get(lang),
                    &[("mb", &(MAX_BYTES >> 20).to_string())],
                )));
                return;
            }
            spawn_local(async move {
                let mut bytes = Vec::with_capacity(total as usize);
                let mut done = 0;
                while done < total {
                    status.set(Status::Reading {
                        name: name.clone(),
                        done,
                        total,
                    });
                    let end = (done + SLICE).min(total);
                    match gloo_file::futures::read_as_bytes(&blob.slice(done, end)).await {
                        Ok(b) => bytes.extend_from_slice(&b),
                        Err(e) => {
                            web_sys::console::warn_1(&format!("{name}: {e}").into());
                            status.set(Status::Failed(format!(
                                "{name}: {}",
                                Text::FileReadFailed.get(lang)
                            )));
                            return;
                        }
                    }
                    done = end;
                }
                match decode(&bytes) {
                    Ok(d) => {
                        status.set(Status::Idle);
                        onload.emit(Loaded {
                            name,
                            gb18030: d.encoding == Encoding::Gb18030,
                            text: d.text,
                        });
                    }
                    Err(e) => status.set(Status::Failed(format!(
                        "{name}: {}",
                        decode_error_text(e, lang)
                    ))),
                }
            });
        })
    };
    let on_pick = {
        let read = read.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                read.emit(f);
            }
            // Picking the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let on_drop = {
        let read = read.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
                read.emit(f);
            }
        })
    };
    let on_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_example = {
        let onload = props.onload.clone();
        let status = status.clone();
        let path = format!("examples/{}", props.example);
        let name = props.example.to_string();
        Callback::from(move |_: MouseEvent| {
            let onload = onload.clone();
            let status = status.clone();
            let path = path.clone();
            let name = name.clone();
            spawn_local(async move {
                match crate::browser::fetch_text(&path).await {
                    Ok(text) => onload.emit(Loaded {
                        name,
                        text,
                        gb18030: false,
                    }),
                    Err(e) => status.set(Status::Failed(format!(
                        "{path}: {}",
                        crate::i18n::fetch_error_text(e, lang)
                    ))),
                }
            });
        })
    };
    let input_id = format!("file-{}", props.testid);
    html! {
        <div class={classes!("import", (*dragging).then_some("import-drag"))}
             ondrop={on_drop} ondragover={on_over} ondragleave={on_leave}
             data-testid={format!("{}-import", props.testid)}>
            <label for={input_id.clone()} class="import-label">
                <span class="import-title">{ Text::ImportDrop.get(lang) }</span>
                <input type="file" id={input_id} accept=".csv,text/csv,text/plain" onchange={on_pick}
                    data-testid={format!("{}-file", props.testid)} />
            </label>
            // The single-file build has no separate example files to offer.
            if !single_file() {
                <div class="import-actions">
                    <button type="button" class="small" onclick={on_example}
                        data-testid={format!("{}-example", props.testid)}>{ Text::ImportExample.get(lang) }</button>
                    <a class="button small" href={format!("examples/{}", props.template)} download={props.template.to_string()}
                        data-testid={format!("{}-template", props.testid)}>{ Text::ImportTemplate.get(lang) }</a>
                </div>
            }
            { match &*status {
                Status::Reading { name, done, total } => html! {
                    <div class="import-progress" role="status">
                        <span>{ fill(Text::ImportReading.get(lang), &[("name", name)]) }</span>
                        <progress max={total.to_string()} value={done.to_string()}
                            data-testid={format!("{}-progress", props.testid)} />
                    </div>
                },
                Status::Failed(msg) => html! { <p class="import-error" role="alert">{ msg.clone() }</p> },
                Status::Idle => html! {},
            } }
        </div>
    }
}

/// Whether this is the single-file build (`<html data-single-file>`, scripts/single-file.mjs).
fn single_file() -> bool {
    crate::browser::root_attr("data-single-file").is_some()
}

/// The core's decoding, GB18030 by the browser's `TextDecoder`.
fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with(bytes, |b| {
        web_sys::TextDecoder::new_with_label("gb18030")
            .ok()
            .and_then(|d| d.decode_with_u8_array(b).ok())
    })
}

/// Why a file is not read, in the page's language.
pub fn decode_error_text(e: DecodeError, lang: Lang) -> String {
    use servicescore::decode::SpreadsheetFormat as F;
    let ext = |f: F| f.extension();
    match (e, lang) {
        (DecodeError::Spreadsheet { format }, Lang::Zh) => {
            format!("这是 Excel 工作簿（{}），不是 CSV 文件：请另存为 CSV。", ext(format))
        }
        (DecodeError::Spreadsheet { format }, Lang::En) => {
            format!("this looks like an {} workbook: save it as CSV.", ext(format))
        }
        (DecodeError::Spreadsheet { format }, Lang::Es) => {
            format!("parece un libro de Excel ({}): guárdelo como CSV.", ext(format))
        }
        (DecodeError::Markup, Lang::Zh) => {
            "这是网页或 XML 文件，不是 CSV：请用表格软件打开后另存为 CSV。".into()
        }
        (DecodeError::Markup, Lang::En) => {
            "this is a web page or XML document, not CSV: open it in a spreadsheet and save it as CSV.".into()
        }
        (DecodeError::Markup, Lang::Es) => {
            "es una página web o un documento XML, no un CSV: ábralo en una hoja de cálculo y guárdelo como CSV.".into()
        }
        (DecodeError::Binary, Lang::Zh) => "这不是文本文件（二进制数据）：请另存为 CSV。".into(),
        (DecodeError::Binary, Lang::En) => {
            "this is not a text file (binary data): save it as CSV.".into()
        }
        (DecodeError::Binary, Lang::Es) => {
            "no es un archivo de texto (datos binarios): guárdelo como CSV.".into()
        }
        (DecodeError::Unreadable { invalid }, Lang::Zh) => format!(
            "无法按 UTF-8、UTF-16 或 GB18030 读取文本（{invalid} 个无法识别的字符）：请另存为“CSV UTF-8”。"
        ),
        (DecodeError::Unreadable { invalid }, Lang::En) => format!(
            "the text cannot be read as UTF-8, UTF-16 or GB18030 (unreadable characters: {invalid}): save it as CSV UTF-8."
        ),
        (DecodeError::Unreadable { invalid }, Lang::Es) => format!(
            "el texto no se puede leer como UTF-8, UTF-16 ni GB18030 (caracteres ilegibles: {invalid}): guárdelo como CSV UTF-8."
        ),
    }
}

/// Today in the browser, as the core's date: what imports compare their dates with.
pub fn today() -> Option<servicescore::dates::Date> {
    Some(crate::browser::local_today())
}
