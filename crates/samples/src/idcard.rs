//! 18-digit resident ID numbers (GB 11643-1999): the check digit, and making valid
//! sample numbers. The import module checks real IDs with its own code; this one is kept
//! separate on purpose, so the two are independent paths in tests.

use chrono::{Datelike, NaiveDate};

/// Weights of the first 17 digits (2^(17-i) mod 11).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// The check character for each weighted sum mod 11.
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The check character of an ID from its first 17 characters (anything after them is
/// ignored, so a full 18-character ID may be passed). `None` unless those are 17 ASCII
/// digits.
pub fn gb11643_check(id: &str) -> Option<char> {
    let digits: Vec<u32> = id.chars().take(17).map(|c| c.to_digit(10)).collect::<Option<_>>()?;
    if digits.len() != 17 {
        return None;
    }
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    CHECK.get((sum % 11) as usize).copied()
}

/// True for 18 characters whose last one is the right check character (x or X).
pub fn id_is_valid(id: &str) -> bool {
    let chars: Vec<char> = id.chars().collect();
    chars.len() == 18 && chars.last().map(|c| c.to_ascii_uppercase()) == gb11643_check(id)
}

/// A valid ID: 6-digit area code, birth date, a 3-digit sequence whose last digit is odd
/// for men and even for women (as the standard says), and the check character.
/// `seq` is taken modulo 1000.
pub fn make_id(area: u32, birth: NaiveDate, seq: u32, male: bool) -> String {
    let mut seq = seq % 1000;
    if (seq % 2 == 1) != male {
        seq = if seq == 999 { 998 } else { seq + 1 };
    }
    let first17 = format!("{:06}{:04}{:02}{:02}{:03}", area % 1_000_000, birth.year(), birth.month(), birth.day(), seq);
    let check = gb11643_check(&first17).unwrap_or('0');
    format!("{first17}{check}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit_of_known_ids() {
        // The standard's own example, and hand-computed ones.
        let table = [
            ("11010519491231002X", Some('X')),
            ("11010519491231002", Some('X')),
            // 35+9+0+5+8+16+2+9+48+0+0+9+0+5+0+0+2 = 148; 148 mod 11 = 5 → '7'
            ("510114198001010017", Some('7')),
            ("51011419800101001", Some('7')),
            // all zeros: sum 0 → '1'
            ("00000000000000000", Some('1')),
            ("1101051949123100", None),
            ("11010519491231002A", Some('X')),
            ("1101051949123100A2", None),
            ("", None),
        ];
        for (id, want) in table {
            assert_eq!(gb11643_check(id), want, "{id}");
        }
        assert!(id_is_valid("11010519491231002X"));
        assert!(id_is_valid("11010519491231002x"));
        assert!(!id_is_valid("110105194912310021"));
        assert!(!id_is_valid("11010519491231002"));
    }

    #[test]
    fn made_ids_are_valid_and_carry_gender_and_birth() {
        let birth = NaiveDate::from_ymd_opt(1987, 3, 9).unwrap();
        for seq in [0, 1, 998, 999, 1234] {
            for male in [true, false] {
                let id = make_id(510114, birth, seq, male);
                assert!(id_is_valid(&id), "{id}");
                assert_eq!(&id[..14], "51011419870309");
                let gender_digit = id[16..17].parse::<u32>().unwrap();
                assert_eq!(gender_digit % 2 == 1, male, "{id}");
            }
        }
    }
}
