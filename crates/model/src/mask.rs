//! Masking of ID and phone numbers for everything shown on screen or exported
//! (indicators.md §2: `5101**********123X`). Only the import preview and the failed-rows
//! file show them in full, because the clerk needs them there to fix the source sheet.

/// `510104199001011234` → `5101**********1234`; 15-digit IDs keep 4 + 4 as well.
pub fn mask_id(s: &str) -> String {
    mask_middle(s, 4, 4)
}

/// `13812345678` → `138****5678`.
pub fn mask_phone(s: &str) -> String {
    mask_middle(s, 3, 4)
}

/// Masks text that looks like an ID (≥ 15 chars) or a phone number (≥ 11 chars) of
/// digits (an ID may end in X); leaves anything else as it is.
pub fn mask_if_sensitive(s: &str) -> String {
    let t = s.trim();
    let n = t.chars().count();
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    let x_end = t.ends_with(['X', 'x']);
    if n >= 15 && (digits == n || (digits + 1 == n && x_end)) {
        mask_id(t)
    } else if n >= 11 && digits == n {
        mask_phone(t)
    } else {
        s.to_string()
    }
}

/// A person's name for a list others may see (a projector, a shared screen): the first
/// character kept, the rest starred — `张三` → `张*`, `欧阳娜娜` → `欧***`, `Li Wei` → `L*****`.
/// A name of one character is starred whole. Used for lists of people below a target,
/// which name people to a room unless the clerk asks to see them.
pub fn mask_name(s: &str) -> String {
    mask_middle(s, 1, 0)
}

fn mask_middle(s: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = s.trim().chars().collect();
    let n = chars.len();
    if n <= head + tail {
        return "*".repeat(n);
    }
    let mut out: String = chars[..head].iter().collect();
    out.extend(std::iter::repeat_n('*', n - head - tail));
    out.extend(chars[n - tail..].iter());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_as_the_catalogue_shows() {
        assert_eq!(mask_id("51010419900101123X"), "5101**********123X");
        assert_eq!(mask_id("510104900101123"), "5101*******1123");
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("1234"), "****");
        assert_eq!(mask_if_sensitive("51010419900101123x"), "5101**********123x");
        assert_eq!(mask_if_sensitive("13812345678"), "138****5678");
        assert_eq!(mask_if_sensitive("张三"), "张三");
        assert_eq!(mask_if_sensitive("XD2017001"), "XD2017001");
    }

    #[test]
    fn names_keep_only_their_first_character() {
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name(" 欧阳娜娜 "), "欧***");
        assert_eq!(mask_name("Li Wei"), "L*****");
        assert_eq!(mask_name("王"), "*");
        assert_eq!(mask_name(""), "");
    }
}
