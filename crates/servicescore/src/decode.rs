//! An imported file's bytes as text, the one way the page and the command line read them:
//! UTF-8 with or without a byte-order mark, UTF-16 (Excel's "Unicode text"), GB18030 (what
//! Excel on Chinese Windows saves as "CSV"), and one clear error for what is not a text file
//! (a workbook, a web page, binary data, text in none of those encodings).
//!
//! GB18030 is decoded by the WHATWG Encoding Standard's decoder: `encoding_rs` with the
//! `gb18030` feature ([`decode`]), or the browser's `TextDecoder("gb18030")`, the same standard,
//! handed to [`decode_with`] by the page, which saves the ~120 KB of gzipped wasm that
//! `encoding_rs`'s tables cost. Everything else (detection, UTF-8, UTF-16, the checks) is here
//! either way, so both read a file the same.
//!
//! # Detection, in order
//!
//! 1. A zip signature (`PK\x03\x04`: `.xlsx`, `.ods`, `.numbers`) or an OLE2 one (`.xls`) is a
//!    workbook ([`DecodeError::Spreadsheet`]); `%PDF` is binary.
//! 2. A byte-order mark decides: UTF-8, UTF-16 LE or UTF-16 BE.
//! 3. Without one, UTF-16 is recognised by its zero bytes (ASCII text has one in every pair,
//!    always on the same side); any other NUL byte means binary data ([`DecodeError::Binary`]).
//! 4. Valid UTF-8 is UTF-8, and so is UTF-8 damaged in a few places (at least four characters
//!    beyond ASCII read well for each invalid sequence). Otherwise the text is decoded both as
//!    UTF-8 and as GB18030, and GB18030 is taken if it has fewer invalid sequences.
//! 5. The text is refused when invalid sequences and control characters (other than tab and
//!    line breaks) make up more than 1 character in 50 ([`DecodeError::Unreadable`], or
//!    [`DecodeError::Binary`] when control characters dominate), or when it is an HTML or XML
//!    document ([`DecodeError::Markup`]: back offices often export an HTML table named `.xls`).
//!    Fewer invalid sequences are replaced by U+FFFD and counted in [`Decoded::replaced`]: the
//!    readers then refuse a cell they damage, with its line and column.
//!
//! ```
//! use servicescore::decode::{decode_with, DecodeError, Encoding};
//!
//! // Excel's "Unicode text": UTF-16 LE with a byte-order mark, tab-separated.
//! let mut bytes = vec![0xFF, 0xFE];
//! bytes.extend("date\tship_due\r\n".encode_utf16().flat_map(u16::to_le_bytes));
//! let d = decode_with(&bytes, |_| None).unwrap();
//! assert_eq!((d.text.as_str(), d.encoding), ("date\tship_due\r\n", Encoding::Utf16Le));
//!
//! let e = decode_with(b"PK\x03\x04\x14\x00\x06\x00", |_| None).unwrap_err();
//! assert_eq!(e.to_string(), "this looks like an .xlsx workbook: save it as CSV");
//! ```

use std::fmt;

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark (plain ASCII is UTF-8 too).
    #[default]
    Utf8,
    /// UTF-16 little-endian (Excel's "Unicode text" on Windows).
    Utf16Le,
    /// UTF-16 big-endian.
    Utf16Be,
    /// GB18030, which contains GBK and GB2312 (Excel's "CSV" on Chinese Windows).
    Gb18030,
}

impl Encoding {
    /// The encoding's usual name: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A file's text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: Encoding,
    /// Invalid byte sequences replaced by U+FFFD (few enough to read on; see the module docs).
    pub replaced: usize,
}

/// The workbook formats recognised by their signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpreadsheetFormat {
    /// A zip archive: Excel's `.xlsx` (or another zip-based workbook: `.ods`, `.numbers`).
    Xlsx,
    /// An OLE2 compound file: Excel 97–2003's `.xls`.
    Xls,
}

impl SpreadsheetFormat {
    /// The file extension, with its dot.
    pub fn extension(self) -> &'static str {
        match self {
            SpreadsheetFormat::Xlsx => ".xlsx",
            SpreadsheetFormat::Xls => ".xls",
        }
    }
}

/// Why a file's bytes are not read as text. One error for the whole file: nothing of it is
/// shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// A spreadsheet workbook rather than a CSV file.
    #[error("this looks like an {} workbook: save it as CSV", format.extension())]
    Spreadsheet {
        /// Which kind.
        format: SpreadsheetFormat,
    },
    /// An HTML or XML document (an HTML table saved as `.xls`, an XML spreadsheet).
    #[error(
        "this is a web page or XML document, not CSV: open it in a spreadsheet and save it as CSV"
    )]
    Markup,
    /// Binary data: NUL bytes outside UTF-16, a PDF, mostly control characters.
    #[error("this is not a text file (binary data): save it as CSV")]
    Binary,
    /// Text in none of the encodings read here (or badly damaged).
    #[error(
        "the text cannot be read as UTF-8, UTF-16 or GB18030 (unreadable characters: {invalid}): \
         save it as CSV UTF-8"
    )]
    Unreadable {
        /// Invalid sequences and control characters found.
        invalid: usize,
    },
}

/// Decodes `bytes` (see the [module documentation](self)), GB18030 by `encoding_rs`.
///
/// # Errors
///
/// A workbook, an HTML or XML document, binary data, or unreadable text.
#[cfg(feature = "gb18030")]
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with(bytes, |b| {
        Some(
            encoding_rs::GB18030
                .decode_without_bom_handling(b)
                .0
                .into_owned(),
        )
    })
}

/// Decodes `bytes` (see the [module documentation](self)), GB18030 by `gb18030`: a WHATWG
/// decoder that replaces malformed sequences with U+FFFD (the browser's `TextDecoder`), or
/// `None` when there is none (then such a file is read as damaged UTF-8).
///
/// # Errors
///
/// A workbook, an HTML or XML document, binary data, or unreadable text.
pub fn decode_with(
    bytes: &[u8],
    gb18030: impl FnOnce(&[u8]) -> Option<String>,
) -> Result<Decoded, DecodeError> {
    if let Some(e) = signature(bytes) {
        return Err(e);
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_lossy(rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, Encoding::Utf16Be)
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        utf16(bytes, encoding)
    } else if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        Decoded {
            text: text.to_string(),
            encoding: Encoding::Utf8,
            replaced: 0,
        }
    } else {
        let utf8 = utf8_lossy(bytes);
        // UTF-8 with a damaged byte or two: most of its non-ASCII text still reads as UTF-8
        // (legacy text almost never does), and GB18030 would turn it into other characters.
        let multibyte = utf8.text.chars().filter(|c| !c.is_ascii()).count() - utf8.replaced;
        let damaged_utf8 = utf8.replaced * 4 <= multibyte;
        match gb18030(bytes).filter(|_| !damaged_utf8) {
            Some(text) => {
                let replaced = text
                    .chars()
                    .filter(|c| *c == char::REPLACEMENT_CHARACTER)
                    .count();
                if replaced < utf8.replaced {
                    Decoded {
                        text,
                        encoding: Encoding::Gb18030,
                        replaced,
                    }
                } else {
                    utf8
                }
            }
            None => utf8,
        }
    };
    check(decoded)
}

/// Workbooks and other binary formats known by their first bytes.
fn signature(bytes: &[u8]) -> Option<DecodeError> {
    const ZIP: [&[u8]; 3] = [b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"];
    const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if ZIP.iter().any(|z| bytes.starts_with(z)) {
        Some(DecodeError::Spreadsheet {
            format: SpreadsheetFormat::Xlsx,
        })
    } else if bytes.starts_with(OLE2) {
        Some(DecodeError::Spreadsheet {
            format: SpreadsheetFormat::Xls,
        })
    } else if bytes.starts_with(b"%PDF") {
        Some(DecodeError::Binary)
    } else {
        None
    }
}

/// UTF-8 with each invalid sequence replaced (and counted).
fn utf8_lossy(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut replaced = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            replaced += 1;
        }
    }
    Decoded {
        text,
        encoding: Encoding::Utf8,
        replaced,
    }
}

/// UTF-16 in the given byte order, unpaired surrogates and an odd last byte replaced.
fn utf16(bytes: &[u8], encoding: Encoding) -> Decoded {
    let unit = |p: &[u8]| match encoding {
        Encoding::Utf16Be => u16::from_be_bytes([p[0], p[1]]),
        _ => u16::from_le_bytes([p[0], p[1]]),
    };
    let pairs = bytes.chunks_exact(2);
    let odd = usize::from(!pairs.remainder().is_empty());
    let mut replaced = odd;
    let mut text: String = char::decode_utf16(pairs.map(unit))
        .map(|c| {
            c.unwrap_or_else(|_| {
                replaced += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if odd == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    // A second mark (a file saved with a BOM, then one added again) is not text either.
    let text = match text.strip_prefix('\u{feff}') {
        Some(t) => t.to_string(),
        None => text,
    };
    Decoded {
        text,
        encoding,
        replaced,
    }
}

/// UTF-16 without a byte-order mark, recognised by its zero bytes in the first 4 KiB: at least
/// half of the pairs have one, and all on the same side (ASCII in UTF-16).
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut high_zero, mut low_zero) = (0, 0);
    for p in head.chunks_exact(2) {
        match (p[0] == 0, p[1] == 0) {
            (false, true) => high_zero += 1,
            (true, false) => low_zero += 1,
            (true, true) => return None,
            (false, false) => {}
        }
    }
    if high_zero * 2 >= pairs && low_zero == 0 {
        Some(Encoding::Utf16Le)
    } else if low_zero * 2 >= pairs && high_zero == 0 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Most invalid or control characters tolerated: 1 in this many characters.
const ONE_BAD_IN: usize = 50;

/// Refuses text that is binary, unreadable or markup.
fn check(decoded: Decoded) -> Result<Decoded, DecodeError> {
    let text = &decoded.text;
    let mut chars = 0;
    let mut controls = 0;
    for c in text.chars() {
        chars += 1;
        if c == '\0' {
            return Err(DecodeError::Binary);
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            controls += 1;
        }
    }
    let bad = decoded.replaced + controls;
    if bad > 0 && bad * ONE_BAD_IN > chars {
        return Err(if controls >= decoded.replaced {
            DecodeError::Binary
        } else {
            DecodeError::Unreadable { invalid: bad }
        });
    }
    let start: String = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["<!doctype html", "<html", "<table", "<?xml"]
        .iter()
        .any(|m| start.starts_with(m))
    {
        return Err(DecodeError::Markup);
    }
    Ok(decoded)
}

// The tests compare with encoding_rs, the decoder the command line links in.
#[cfg(all(test, feature = "gb18030"))]
mod tests;
