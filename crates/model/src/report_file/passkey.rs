//! The town's passphrase, stretched once into a key that codes volunteers and seals files.
//!
//! Why slow and salted: a report file carries a check value of the key, so whoever holds a
//! file can test guesses of the passphrase offline; PBKDF2-HMAC-SHA256 with
//! [`ITERATIONS`] rounds makes each guess cost what a whole pack costs once. Why keyed
//! codes: an ID number has few enough possible values to try them all; without the
//! passphrase nobody can compute the code of any of them.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The key derivation every report file of this schema uses (written in the file too).
pub const KDF: &str = "pbkdf2-hmac-sha256";
/// PBKDF2 rounds: ~0.1 s natively, a few tenths of a second in the browser, once per pack
/// or import (not per volunteer).
pub const ITERATIONS: u32 = 210_000;
/// The salt: the same for every station, or the codes of one person would not match
/// across stations; it keeps these keys apart from any other use of the same passphrase.
pub const SALT: &str = "volunteer-scorecard/report/v1";
/// The shortest passphrase accepted: a town's passphrase guards every station's file.
pub const MIN_CHARS: usize = 8;

/// A passphrase after key derivation. Holds no copy of the passphrase.
#[derive(Clone)]
pub struct Passkey {
    key: [u8; 32],
}

impl std::fmt::Debug for Passkey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passkey(…)") // never the key in logs
    }
}

impl Passkey {
    /// Stretches `passphrase` (surrounding spaces ignored, as a clerk types it).
    pub fn derive(passphrase: &str) -> Passkey {
        Passkey::derive_with(passphrase, ITERATIONS)
    }

    /// With another round count (a file records the one it was made with).
    pub fn derive_with(passphrase: &str, iterations: u32) -> Passkey {
        let mut key = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(passphrase.trim().as_bytes(), SALT.as_bytes(), iterations.max(1), &mut key);
        Passkey { key }
    }

    fn mac(&self, domain: &str, parts: &[&str]) -> [u8; 32] {
        let Ok(mut m) = HmacSha256::new_from_slice(&self.key) else { return [0; 32] };
        m.update(domain.as_bytes());
        for p in parts {
            m.update(&[0]);
            m.update(p.as_bytes());
        }
        m.finalize().into_bytes().into()
    }

    /// The code of one volunteer key (`kind` says which key it is: id, no, name): 16 hex
    /// digits, 64 bits, so two people of a district share one by chance about once in
    /// ten billion towns.
    pub fn code(&self, kind: &str, value: &str) -> String {
        hex(&self.mac("code", &[kind, value])[..8])
    }

    /// What a file carries to tell its passphrase apart from another without revealing it.
    pub fn check(&self) -> String {
        hex(&self.mac("check", &[])[..8])
    }

    /// A seal over a file's body: any change to what the file says breaks it.
    pub fn seal(&self, body: &str) -> String {
        hex(&self.mac("seal", &[body]))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pbkdf2_matches_the_rfc_7914_vector() {
        // RFC 7914, section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1) — our derivation is the
        // standard one, so a station and a town agree whatever they run on.
        let mut out = [0u8; 64];
        pbkdf2::pbkdf2_hmac::<Sha256>(b"passwd", b"salt", 1, &mut out);
        assert_eq!(hex(&out[..8]), "55ac046e56e3089f");
    }

    #[test]
    fn codes_depend_on_the_passphrase_the_kind_and_the_value() {
        let a = Passkey::derive_with("示例镇2017口令", 10);
        let b = Passkey::derive_with("示例镇2017口令 ", 10);
        let c = Passkey::derive_with("另一个口令abc", 10);
        assert_eq!(a.code("id", "51010219800101001X"), b.code("id", "51010219800101001X"), "spaces around are typing");
        assert_ne!(a.code("id", "51010219800101001X"), c.code("id", "51010219800101001X"));
        assert_ne!(a.code("id", "1"), a.code("no", "1"));
        assert_ne!(a.code("id", "1"), a.code("id", "2"));
        assert_eq!(a.code("id", "1").len(), 16);
        assert_eq!(a.check(), b.check());
        assert_ne!(a.check(), c.check());
        assert_ne!(a.seal("{}"), a.seal("{ }"));
        assert_eq!(a.seal("x").len(), 64);
    }
}
