//! Tag dictionaries and matching.
//!
//! A tag matches a text when the text contains the tag's name or one of its aliases
//! (indicators.md §3), after normalisation: full-width ASCII is folded to half-width
//! (`１１９` = `119`), the ideographic space to a space, ASCII letters to lower case.
//! Two refinements keep ordinary text from matching:
//! - a word listed in [`TagDict::ignore`] is blanked out before matching (`志愿者日常`
//!   contains the alias `志愿者日` but means "volunteers' daily …");
//! - an alias that starts or ends with a digit only matches where it is not part of a
//!   longer number (`119` matches `119消防宣传`, not `第1190期` or `2119`).

use serde::{Deserialize, Serialize};

/// One tag: its canonical name and the other words that name it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Tag {
    pub fn new(name: &str, aliases: &[&str]) -> Tag {
        Tag { name: name.to_string(), aliases: aliases.iter().map(|a| a.to_string()).collect() }
    }

    /// The name, then the aliases.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A dictionary of tags. Results refer to tags by their index in `tags`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagDict {
    pub tags: Vec<Tag>,
    /// Ordinary words that contain an alias but do not mean the tag; blanked out before
    /// matching. Optional in JSON.
    #[serde(default)]
    pub ignore: Vec<String>,
}

/// A match: byte position in the normalised text, length in bytes, tag index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub pos: usize,
    pub len: usize,
    pub tag: usize,
}

impl TagDict {
    pub fn new(tags: Vec<Tag>) -> TagDict {
        TagDict { tags, ignore: Vec::new() }
    }

    /// Indices of the tags the text names, in dictionary order, each once.
    pub fn matches(&self, text: &str) -> Vec<usize> {
        let mut found: Vec<usize> = self.hits(text).into_iter().map(|h| h.tag).collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The pieces of a cell (see [`split_cell`]) that name no tag: for a finding such as
    /// 活动主题「敬老」不在主题词典中.
    pub fn unmatched<'a>(&self, cell: &'a str) -> Vec<&'a str> {
        split_cell(cell).into_iter().filter(|piece| self.hits(piece).is_empty()).collect()
    }

    /// Every occurrence of every word, sorted by position then longest first.
    pub(crate) fn hits(&self, text: &str) -> Vec<Hit> {
        let mut hay = normalise(text);
        for word in &self.ignore {
            let word = normalise(word);
            if !word.trim().is_empty() {
                // Same length in bytes would keep positions, but positions only order the
                // hits of one text, so a single space is enough to break the word.
                hay = hay.replace(&word, " ");
            }
        }
        let mut hits = Vec::new();
        for (tag, t) in self.tags.iter().enumerate() {
            for word in t.words() {
                let word = normalise(word);
                let word = word.trim();
                if word.is_empty() {
                    continue;
                }
                for (pos, _) in hay.match_indices(word) {
                    if stands_alone(&hay, pos, word) {
                        hits.push(Hit { pos, len: word.len(), tag });
                    }
                }
            }
        }
        hits.sort_by(|a, b| a.pos.cmp(&b.pos).then(b.len.cmp(&a.len)));
        hits
    }
}

/// A word starting (ending) with a digit must not have a digit just before (after) it.
fn stands_alone(hay: &str, pos: usize, word: &str) -> bool {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let before = hay.get(..pos).and_then(|s| s.chars().next_back());
    let after = hay.get(pos + word.len()..).and_then(|s| s.chars().next());
    let clash_before = digit(word.chars().next()) && digit(before);
    let clash_after = digit(word.chars().next_back()) && digit(after);
    !clash_before && !clash_after
}

/// Full-width ASCII → half-width, ideographic space → space, ASCII lower case.
fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The separators of a tag cell: 、,，;；/ (and full-width ／) and any white space
/// (including the ideographic space).
const SEPARATORS: &[char] = &['、', ',', '，', ';', '；', '/', '／'];

/// Splits a cell into its tags: `关爱空巢老人、党员；文明交通` → three pieces. Pieces are
/// trimmed; empty ones are dropped.
pub fn split_cell(text: &str) -> Vec<&str> {
    text.split(|c: char| SEPARATORS.contains(&c) || c.is_whitespace())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_folds_full_width_and_case() {
        assert_eq!(normalise("１１９ＡＢｃ\u{3000}x"), "119abc x");
        assert_eq!(normalise("关爱空巢老人"), "关爱空巢老人");
    }

    #[test]
    fn digits_must_stand_alone() {
        let dict = TagDict::new(vec![Tag::new("全国消防宣传日", &["119"])]);
        for (text, want) in [
            ("119消防宣传", true),
            ("“119”宣传月", true),
            ("１１９消防演练", true),
            ("第1190期", false),
            ("2119年", false),
            ("119110", false),
        ] {
            assert_eq!(!dict.matches(text).is_empty(), want, "{text}");
        }
    }

    #[test]
    fn hits_come_in_text_order_longest_first() {
        let dict = TagDict::new(vec![Tag::new("残疾人日", &[]), Tag::new("世界残疾人日", &[]), Tag::new("春节", &[])]);
        let hits = dict.hits("春节和世界残疾人日");
        let order: Vec<usize> = hits.iter().map(|h| h.tag).collect();
        assert_eq!(order, vec![2, 1, 0]);
    }
}
