//! Unit tests of `servicescore::decode`, against encoding_rs (so only with the `gb18030`
//! feature).

use super::*;
use proptest::prelude::*;

fn le(text: &str) -> Vec<u8> {
    let mut b = vec![0xFF, 0xFE];
    b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    b
}

fn be(text: &str) -> Vec<u8> {
    let mut b = vec![0xFE, 0xFF];
    b.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    b
}

/// The page's way: a decoder handed in (here the same crate the CLI uses).
fn page(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with(bytes, |b| {
        Some(
            encoding_rs::GB18030
                .decode_without_bom_handling(b)
                .0
                .into_owned(),
        )
    })
}

const CSV: &str = "日期,支付订单数\r\n2026/5/5,12\r\n";

#[test]
fn encodings() {
    let d = |b: &[u8]| decode(b).map(|d| (d.text, d.encoding, d.replaced));
    let ok = |e| Ok((CSV.to_string(), e, 0));
    assert_eq!(d(CSV.as_bytes()), ok(Encoding::Utf8));
    assert_eq!(
        d(&[b"\xEF\xBB\xBF", CSV.as_bytes()].concat()),
        ok(Encoding::Utf8)
    );
    assert_eq!(d(&le(CSV)), ok(Encoding::Utf16Le));
    assert_eq!(d(&be(CSV)), ok(Encoding::Utf16Be));
    let gbk = encoding_rs::GB18030.encode(CSV).0.into_owned();
    assert_eq!(gbk[..4], [0xC8, 0xD5, 0xC6, 0xDA]);
    assert_eq!(d(&gbk), ok(Encoding::Gb18030));
    assert_eq!(page(&gbk), decode(&gbk));
    assert_eq!(d(b""), Ok((String::new(), Encoding::Utf8, 0)));
    assert_eq!(d(b"\xFF\xFE"), Ok((String::new(), Encoding::Utf16Le, 0)));
    // ASCII UTF-16 without a mark.
    let bare: Vec<u8> = "date,x\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(d(&bare), Ok(("date,x\n".into(), Encoding::Utf16Le, 0)));
    let bare: Vec<u8> = "date,x\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    assert_eq!(d(&bare), Ok(("date,x\n".into(), Encoding::Utf16Be, 0)));
    assert_eq!(Encoding::Gb18030.to_string(), "GB18030");
}

#[test]
fn without_a_gb18030_decoder_such_text_is_damaged_utf8() {
    let gbk = encoding_rs::GB18030.encode(CSV).0.into_owned();
    assert_eq!(
        decode_with(&gbk, |_| None),
        Err(DecodeError::Unreadable { invalid: 12 })
    );
}

#[test]
fn a_few_bad_sequences_are_replaced_and_counted() {
    let mut text = "date,ship_due\n".repeat(10).into_bytes();
    text.extend(b"\xFF,1\n");
    let d = decode(&text).unwrap();
    assert_eq!((d.encoding, d.replaced), (Encoding::Utf8, 1));
    assert!(d.text.ends_with("\u{fffd},1\n"));
    // UTF-8 damaged in one place stays UTF-8 (GB18030 would garble every Chinese name).
    let mut utf8 = "日期,支付订单数,应发货订单数\n".repeat(5).into_bytes();
    utf8.push(0xFF);
    let d = decode(&utf8).unwrap();
    assert_eq!((d.encoding, d.replaced), (Encoding::Utf8, 1));
    // An unpaired surrogate and an odd last byte in UTF-16.
    let mut b = le(&"date,ship_due\n".repeat(10));
    b.extend([0x00, 0xD8, b'x']);
    let d = decode(&b).unwrap();
    assert_eq!(d.replaced, 2);
    assert!(d.text.ends_with("\n\u{fffd}\u{fffd}"));
}

#[test]
fn what_is_not_a_text_file() {
    let e = |b: &[u8]| decode(b).unwrap_err().to_string();
    assert_eq!(
        e(b"PK\x03\x04rest"),
        "this looks like an .xlsx workbook: save it as CSV"
    );
    assert_eq!(
        e(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
        "this looks like an .xls workbook: save it as CSV"
    );
    assert_eq!(
        e(b"%PDF-1.7\n"),
        "this is not a text file (binary data): save it as CSV"
    );
    assert_eq!(
        e(b"date,x\n\0\n"),
        "this is not a text file (binary data): save it as CSV"
    );
    assert_eq!(
        decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        Err(DecodeError::Binary)
    );
    assert_eq!(decode(&[1, 2, 3, 4, 5, 6]), Err(DecodeError::Binary));
    assert_eq!(decode(&le("a\u{0}b")), Err(DecodeError::Binary));
    // UTF-32 LE: its mark reads as UTF-16 LE, then NULs.
    assert_eq!(decode(b"\xFF\xFE\0\0d\0\0\0"), Err(DecodeError::Binary));
    assert_eq!(
        e(b"\xFF\xFE\xFD\xFF\xFE"),
        "the text cannot be read as UTF-8, UTF-16 or GB18030 (unreadable characters: 1): \
         save it as CSV UTF-8"
    );
    assert_eq!(
        decode(b"\x81\x20\x82\x21\x83\x22\xFF\xFF"),
        Err(DecodeError::Unreadable { invalid: 5 })
    );
    assert_eq!(
        e(b"  <!DOCTYPE html><table>"),
        "this is a web page or XML document, not CSV: open it in a spreadsheet and save it \
         as CSV"
    );
    assert_eq!(decode(b"<TABLE><tr>"), Err(DecodeError::Markup));
    assert_eq!(
        decode(&le("<?xml version=\"1.0\"?>")),
        Err(DecodeError::Markup)
    );
    assert!(decode(b"<not markup>,1\n").is_ok());
}

proptest! {
    #[test]
    fn never_panics_and_returns_clean_text(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(d) = decode(&bytes) {
            prop_assert!(!d.text.contains('\0'));
            prop_assert!(!d.text.starts_with(char::from_u32(0xFEFF).unwrap_or(' ')));
            prop_assert_eq!(page(&bytes), Ok(d));
        }
    }

    #[test]
    fn text_survives_every_encoding(text in "[a-z0-9,;\t\r\n\"日期会话评价 -]{0,200}") {
        let utf8 = decode(text.as_bytes()).unwrap();
        prop_assert_eq!(&utf8.text, &text);
        for bytes in [le(&text), be(&text), [b"\xEF\xBB\xBF", text.as_bytes()].concat()] {
            prop_assert_eq!(&decode(&bytes).unwrap().text, &text);
        }
    }
}
