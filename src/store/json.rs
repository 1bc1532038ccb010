//! JSON written straight into a byte buffer, for the hottest pages (`GET /quotes`): the
//! same bytes `serde_json` writes for the views in `model`, without building the views
//! (one `String` per text column) first. Numbers go through `serde_json` itself; strings
//! through [`string`], which escapes exactly as `serde_json` does but skips runs of
//! plain bytes eight at a time.

/// What `serde_json` writes after a backslash for a byte, or 0 for a byte written as is
/// (`u`: `\u00XX`).
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Whether any of the eight bytes may need escaping (a control byte, `"` or `\`). Never
/// false when one does; bytes ≥ 0x80 (UTF-8 beyond ASCII) are never flagged.
#[inline]
fn may_escape(x: u64) -> bool {
    let zero_in = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let control = x.wrapping_sub(LO * 0x20) & !x & HI;
    (control | zero_in(x ^ (LO * b'"' as u64)) | zero_in(x ^ (LO * b'\\' as u64))) != 0
}

/// `s` as a JSON string, byte for byte as `serde_json` writes it.
pub fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        while i + 8 <= bytes.len() {
            let chunk: [u8; 8] = bytes[i..i + 8].try_into().expect("eight bytes");
            if may_escape(u64::from_le_bytes(chunk)) {
                break;
            }
            i += 8;
        }
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            let esc = ESCAPE[b as usize];
            if esc != 0 {
                out.extend_from_slice(&bytes[start..i]);
                if esc == b'u' {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[(b >> 4) as usize],
                        HEX[(b & 0xf) as usize],
                    ]);
                } else {
                    out.extend_from_slice(&[b'\\', esc]);
                }
                start = i + 1;
            }
            i += 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// A string or `null`.
pub fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// An integer, through `serde_json` itself (`itoa`).
pub fn int(out: &mut Vec<u8>, n: i64) {
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &n);
}

/// An integer or `null`.
pub fn opt_int(out: &mut Vec<u8>, n: Option<i64>) {
    match n {
        Some(n) => int(out, n),
        None => out.extend_from_slice(b"null"),
    }
}

/// A float through `serde_json` itself (its shortest round-trip form; `null` when not
/// finite).
pub fn float(out: &mut Vec<u8>, x: f64) {
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &x);
}

/// A float or `null`.
pub fn opt_float(out: &mut Vec<u8>, x: Option<f64>) {
    match x {
        Some(x) => float(out, x),
        None => out.extend_from_slice(b"null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(s: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut every_byte = String::new();
        for c in 0u8..=0x7f {
            every_byte.push(c as char);
        }
        for s in [
            "",
            "plain",
            "exactly8",
            "“Quoted,” he said — à la «française» 😀",
            "tab\there\nnew \"line\" back\\slash \u{1f} \u{7f}",
            "12345678\"12345678\\1234567\n",
            &every_byte,
            &every_byte.repeat(3),
        ] {
            assert_eq!(ours(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn numbers_as_serde_json_writes_them() {
        for n in [0, 1, -1, 9, 10, 1_786_767_149_629_552, i64::MIN, i64::MAX] {
            let mut out = Vec::new();
            int(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
        }
        for x in [0.0, 0.9, 0.8999999761581421, 1.0, -2.5e-8, f64::NAN] {
            let mut out = Vec::new();
            float(&mut out, x);
            assert_eq!(out, serde_json::to_vec(&x).unwrap());
        }
    }

    proptest! {
        #[test]
        fn any_string_escapes_as_serde_json_does(s in any::<String>()) {
            prop_assert_eq!(ours(&s), serde_json::to_string(&s).unwrap());
        }
    }
}
