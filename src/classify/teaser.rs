//! Teaser cards flattened into one line. A portal's card holds a headline
//! and the first sentence of the story in two elements; an HTML-to-text
//! tool that adds no break between them glues the headline's last word to
//! the summary's first: "… Death Of U-M Student-AthleteA 24-year-old woman
//! and a 28-year-old man have been arrested …". The line reads as prose,
//! but it is a link to another page.
//!
//! The shape is what gives it away, in any cased script: a run of
//! capitalised words (a headline in title case), then inside one word a
//! lower-case letter or a digit directly followed by a capital that starts
//! a word of its own, then words mostly in lower case (a sentence). Names
//! written in camel case ("MacBook", "McDonald", "LeBron") glue a short
//! first part, or sit in ordinary sentences, so they do not qualify.
//!
//! Wire-style portals give a second shape: the headline, then the story's
//! dateline in capitals, then its first sentence ("… deportees return home
//! from US NEW DELHI: Their American dream shattered …", "… LONDON
//! (Reuters) - …"). An article opens with its dateline; one in the middle
//! of a line, after words that end no sentence, follows a headline.

use super::{Decision, Doc, LineClassifier};
use crate::reason::Reason;

/// Claims a line that is a headline glued to its summary.
pub struct GluedTeaser;

/// Fewest headline words before the glue, the glued part counted.
const MIN_HEADLINE_WORDS: usize = 4;
/// Most headline words looked through for the glue.
const MAX_HEADLINE_WORDS: usize = 30;
/// Share of the headline's words that start with a capital (or with no
/// letter at all: numbers, quotes), in tenths.
const MIN_CAPITALISED_TENTHS: usize = 8;
/// Fewest words after the glue, the glued part counted.
const MIN_SUMMARY_WORDS: usize = 3;
/// Share of the summary's words that start in lower case, in tenths.
const MIN_LOWER_TENTHS: usize = 3;
/// Fewest letters in the headline's glued last word, when it ends with a
/// letter: camel-case names glue a shorter first part ("Mac", "Mc", "Le").
const MIN_GLUED_LETTERS: usize = 4;

/// The number of headline words, when `text` is a headline run into the
/// first sentence of its story: glued to it, or before its dateline.
pub fn glued_headline(text: &str) -> Option<usize> {
    if !may_hold_glue(text) {
        return None;
    }
    let mut all = text.split_whitespace();
    let words: Vec<&str> = all.by_ref().take(OPENING_WORDS).collect();
    // Both shapes are found at a word before MAX_HEADLINE_WORDS, by tests
    // that read no further than two words past it. When those words hold
    // no such place, the rest of the line (a paragraph, most often) is not
    // read at all.
    let last = words.len().min(MAX_HEADLINE_WORDS);
    if !(0..last).any(|i| may_glue(&words, i)) {
        return None;
    }
    let opening = Opening::finish(words, all);
    glued_to_summary(&opening).or_else(|| before_dateline(&opening))
}

/// A necessary condition for [`glued_headline`], read on bytes: within its
/// first [`OPENING_WORDS`] words the line has a capital right after a
/// lower-case letter, a digit or a closing mark, a colon, a dash standing
/// alone, or any non-ASCII character (those are left to the full test).
/// Most lines of English prose have none of them and skip the word split.
fn may_hold_glue(text: &str) -> bool {
    let b = text.as_bytes();
    let mut words = 0;
    let mut prev = b' ';
    for (k, &c) in b.iter().enumerate() {
        if !c.is_ascii_whitespace() && prev.is_ascii_whitespace() {
            words += 1;
            if words > OPENING_WORDS {
                return false;
            }
        }
        let glued = c.is_ascii_uppercase()
            && (prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || matches!(prev, b'?' | b'!' | b')' | b']' | b'\'' | b'"'));
        let lone_dash = c == b'-'
            && prev.is_ascii_whitespace()
            && b.get(k + 1).is_none_or(u8::is_ascii_whitespace);
        if glued || lone_dash || c == b':' || !c.is_ascii() {
            return true;
        }
        prev = c;
    }
    false
}

/// Word `i` passes the word-level tests of [`glued_to_summary`] (a glue
/// point between a headline's end and a summary's start) or of
/// [`before_dateline`] (it ends a dateline): the tests every answer of
/// theirs passes at some `i` below [`MAX_HEADLINE_WORDS`]. Reads no word
/// past `i + 2`.
fn may_glue(words: &[&str], i: usize) -> bool {
    if i + 1 < MIN_HEADLINE_WORDS {
        return false;
    }
    let word = words[i];
    glue_points(word).any(|at| {
        let (head, rest) = word.split_at(at);
        ends_headline(head) && starts_summary(rest, head)
    }) || dateline_end(words, i).is_some()
}

/// Words kept from a line's opening: the headline's, and the few a
/// dateline after them may take.
const OPENING_WORDS: usize = MAX_HEADLINE_WORDS + 3;

/// The first words of a line, and counts over the rest: a line can be
/// megabytes long, and only its opening can hold a headline.
struct Opening<'a> {
    words: Vec<&'a str>,
    /// Words after `words`.
    rest: usize,
    /// Of those, the ones starting in lower case.
    rest_lower: usize,
}

impl<'a> Opening<'a> {
    #[cfg(test)]
    fn of(text: &'a str) -> Opening<'a> {
        let mut all = text.split_whitespace();
        let words: Vec<&str> = all.by_ref().take(OPENING_WORDS).collect();
        Opening::finish(words, all)
    }

    /// The opening `words` and counts over the `rest` of the line.
    fn finish(words: Vec<&'a str>, rest_words: impl Iterator<Item = &'a str>) -> Opening<'a> {
        let (mut rest, mut rest_lower) = (0, 0);
        for word in rest_words {
            rest += 1;
            rest_lower += usize::from(starts_lower(word));
        }
        Opening {
            words,
            rest,
            rest_lower,
        }
    }

    /// Words in the whole line.
    fn len(&self) -> usize {
        self.words.len() + self.rest
    }

    /// Words from the `k`th on that start in lower case.
    fn lower_from(&self, k: usize) -> usize {
        self.words
            .get(k..)
            .map_or(0, |w| w.iter().filter(|w| starts_lower(w)).count())
            + self.rest_lower
    }
}

fn starts_lower(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// A title-case headline glued, without a space, to a sentence.
fn glued_to_summary(line: &Opening<'_>) -> Option<usize> {
    let words = &line.words;
    let last = words.len().min(MAX_HEADLINE_WORDS);
    for i in MIN_HEADLINE_WORDS - 1..last {
        let word = words[i];
        for at in glue_points(word) {
            let (head, rest) = word.split_at(at);
            if !ends_headline(head) || !starts_summary(rest, head) {
                continue;
            }
            let headline = words[..i].iter().copied().chain([head]);
            let capitalised = headline.filter(|w| starts_capitalised(w)).count();
            if capitalised * 10 < (i + 1) * MIN_CAPITALISED_TENTHS {
                continue;
            }
            let summary_words = line.len() - i;
            let lower = usize::from(starts_lower(rest)) + line.lower_from(i + 1);
            if summary_words >= MIN_SUMMARY_WORDS && lower * 10 >= summary_words * MIN_LOWER_TENTHS
            {
                return Some(i + 1);
            }
        }
    }
    None
}

/// Most words in a dateline's place name ("UNITED NATIONS", "RIO DE
/// JANEIRO" would need four: rare enough).
const MAX_DATELINE_WORDS: usize = 3;
/// Fewest capitals in a dateline's place name: "TV:" names no place.
const MIN_DATELINE_CAPITALS: usize = 4;
/// Fewest words of the sentence after a dateline.
const MIN_DATELINE_SENTENCE_WORDS: usize = 5;
/// Share of that sentence's words in lower case, in tenths.
const MIN_DATELINE_LOWER_TENTHS: usize = 4;

/// A headline (words ending no sentence) before a dateline in capitals
/// and the first sentence of the story.
fn before_dateline(line: &Opening<'_>) -> Option<usize> {
    let words = &line.words;
    let last = words.len().min(MAX_HEADLINE_WORDS);
    for i in MIN_HEADLINE_WORDS - 1..last {
        let Some(sentence) = dateline_end(words, i) else {
            continue;
        };
        let mut start = i;
        while start > 0 && i - start + 1 < MAX_DATELINE_WORDS && is_capitals(words[start - 1]) {
            start -= 1;
        }
        if start < MIN_HEADLINE_WORDS - 1 {
            continue;
        }
        let capitals: usize = words[start..=i]
            .iter()
            .map(|w| w.chars().filter(|c| c.is_uppercase()).count())
            .sum();
        let ends_clause = words[start - 1]
            .trim_end_matches(['"', '\'', '”', '’', ')', '»'])
            .ends_with(['.', '!', '?', ':', ';', ',']);
        let sentence_words = line.len().saturating_sub(sentence);
        let lower = line.lower_from(sentence);
        if capitals >= MIN_DATELINE_CAPITALS
            && !ends_clause
            && sentence_words >= MIN_DATELINE_SENTENCE_WORDS
            && lower * 10 >= sentence_words * MIN_DATELINE_LOWER_TENTHS
        {
            return Some(start);
        }
    }
    None
}

/// Where the sentence starts when word `i` ends a dateline: "DELHI:",
/// "LONDON -", "LONDON (Reuters) -".
fn dateline_end(words: &[&str], i: usize) -> Option<usize> {
    let is_dash = |k: usize| words.get(k).is_some_and(|w| matches!(*w, "-" | "–" | "—"));
    let is_agency = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| w.len() > 2 && w.starts_with('(') && w.ends_with(')'))
    };
    let (place, sentence) = if let Some(place) = words[i].strip_suffix(':') {
        (place, i + 1)
    } else if is_dash(i + 1) {
        (words[i], i + 2)
    } else if is_agency(i + 1) && is_dash(i + 2) {
        (words[i], i + 3)
    } else {
        return None;
    };
    is_capitals(place).then_some(sentence)
}

/// A word in capitals: two letters or more, none in lower case (dots,
/// hyphens, apostrophes and a trailing comma allowed: "ST.", "N'DJAMENA",).
fn is_capitals(word: &str) -> bool {
    let word = word.strip_suffix(',').unwrap_or(word);
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// Byte offsets in `word` where a capital follows a lower-case letter, a
/// digit or a closing mark (`?`, `!`, a quote, a bracket).
fn glue_points(word: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev: Option<char> = None;
    word.char_indices().filter_map(move |(at, c)| {
        let glued = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_numeric()
                    || matches!(p, '?' | '!' | '’' | '\'' | '"' | '”' | ')' | ']')
            });
        prev = Some(c);
        glued.then_some(at)
    })
}

/// The headline's glued last word is a word: a number of two digits or
/// more ("250,000"), a word of [`MIN_GLUED_LETTERS`] letters or more, or
/// ends with a closing mark ("Rise?").
fn ends_headline(head: &str) -> bool {
    match head.chars().next_back() {
        Some(c) if c.is_numeric() => head.chars().filter(|c| c.is_numeric()).count() >= 2,
        Some(c) if c.is_alphabetic() => {
            head.chars().filter(|c| c.is_alphabetic()).count() >= MIN_GLUED_LETTERS
        }
        Some(_) => true,
        None => false,
    }
}

/// The summary's glued first word starts a sentence: a capital then lower
/// case ("The", "Violence"), or a capital alone after a word ("AthleteA"
/// holds the article "A"; "3D" or "$449K" hold no word).
fn starts_summary(rest: &str, head: &str) -> bool {
    let mut chars = rest.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    match chars.next() {
        Some(second) => first.is_uppercase() && second.is_lowercase(),
        None => first.is_uppercase() && head.chars().next_back().is_some_and(char::is_alphabetic),
    }
}

/// Starts with a capital, or with no letter at all (numbers, quotes).
fn starts_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_none_or(|c| c.is_uppercase() || !c.is_alphabetic())
}

impl LineClassifier for GluedTeaser {
    fn name(&self) -> &'static str {
        "glued-teaser"
    }

    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision> {
        // Both forms need summary words that start in lower case: a line
        // with none (all capitalised, or in a script without case) is no
        // glued teaser, whatever its bytes look like.
        let f = &doc.features[i];
        if f.capitalized == f.cased_words {
            return None;
        }
        let headline_words = glued_headline(&doc.lines[i].text)?;
        Some(Decision::chrome(Reason::GluedTeaser { headline_words }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte prefilter never hides a teaser.
        #[test]
        fn the_prefilter_never_hides_a_teaser(
            words in proptest::collection::vec(
                "(Police|Custody|won’t|250,000|Rise\\?|RiseThe|Student-AthleteA|the|woman|LONDON|\\(Reuters\\)|-|–|DELHI:|ΠροϋπολογισμόΟι|a\"B|x\\)Y)",
                0..45,
            ),
        ) {
            let text = words.join(" ");
            if !may_hold_glue(&text) {
                let whole = Opening::of(&text);
                proptest::prop_assert_eq!(
                    glued_to_summary(&whole).or_else(|| before_dateline(&whole)),
                    None
                );
            }
        }
    }

    proptest::proptest! {
        /// Lines whose first words hold no glue nor dateline are not read
        /// further, with the same answers as reading every line whole.
        #[test]
        fn glued_headline_matches_reading_the_whole_line(
            // A title-case run, a glue or a dateline (or a plain word),
            // then a sentence: the shapes come before, at and past the
            // words looked through.
            head in proptest::collection::vec("(Police|Custody|Mayor|Won’t|250,000|Rise\\?|the)", 0..40),
            shape in "(Student-AthleteA|RiseThe|StandWarren|LONDON \\(Reuters\\) -|NEW DELHI:|US -|and)",
            tail in proptest::collection::vec("(the|woman|and|a|man|arrested|The|DELHI:)", 0..10),
        ) {
            let text = format!("{} {shape} {}", head.join(" "), tail.join(" "));
            let whole = Opening::of(&text);
            let expected = glued_to_summary(&whole).or_else(|| before_dateline(&whole));
            proptest::prop_assert_eq!(glued_headline(&text), expected);
        }
    }

    #[test]
    fn headlines_glued_to_their_summary() {
        for (text, words) in [
            (
                "Police: 2 In Custody After Death Of U of M-Dearborn Student-AthleteA 24-year-old \
                 woman and a 28-year-old man have been arrested",
                11,
            ),
            (
                "Michigan To Mail Redistricting Panel Applications To 250,000The state of Michigan \
                 will mail applications",
                8,
            ),
            (
                "Is Violence In Sports On The Rise?Violence is part of the game in many sports",
                7,
            ),
            (
                "Mayor: ‘Despicable’ Move For Health Benefits Won’t StandWarren Mayor Jim Fouts \
                 says it was underhanded",
                8,
            ),
            (
                "With shattered dreams, deportees return home from US NEW DELHI: Their American \
                 dream shattered and huge savings wasted, nearly 150 Indians returned",
                // "US" reads as part of the place: one word of the count.
                7,
            ),
            (
                "Central bank holds rates as inflation cools LONDON (Reuters) - The Bank of \
                 England kept its main rate unchanged on Thursday",
                7,
            ),
            (
                "Η Βουλή Ψηφίζει Τον Νέο ΠροϋπολογισμόΟι βουλευτές συζήτησαν για τρεις ημέρες",
                6,
            ),
        ] {
            assert_eq!(glued_headline(text), Some(words), "{text}");
        }
    }

    #[test]
    fn long_summaries_count_past_the_opening() {
        let summary = "the council said that the work would start in the spring ".repeat(20);
        let text =
            format!("Council Approves The New Budget For SchoolsThe vote was close and {summary}");
        assert_eq!(glued_headline(&text), Some(7));
        // Past the opening, capitalised words still weigh against a summary.
        let shouting = "The Council Said The Work Would Start ".repeat(20);
        let text = format!("Council Approves The New Budget For SchoolsThe {shouting}");
        assert_eq!(glued_headline(&text), None);
    }

    #[test]
    fn camel_case_names_and_ordinary_sentences_are_not_teasers() {
        for text in [
            "Following the 16-inch MacBook Pro, Apple plans to release a new 13-inch model",
            "Singer-keyboardist McDonald and multi-instrumentalist John joined them on stage",
            "A Bang & Olufsen Premium 3D Sound System will be available, as is the phone box",
            "'Meth. We're On It.': South Dakota spends $449K on new anti-meth ad campaign",
            "LOS ANGELES (AP) — To LeBron James, triple-doubles are not a goal.",
            // Title case on both sides: a repeated headline, not a summary.
            "Michigan Couple Finds Newspapers During Home RenovationMichigan Couple Finds Old Papers",
            "Council votes to rebuild the old bridge after years of debate",
            // A dateline opening the story, or after a sentence.
            "NEW DELHI: Their American dream shattered, nearly 150 Indians returned home",
            "The minister resigned. LONDON (Reuters) - The government said it would appoint",
            "That is especially true when we are watching TV: a handful of chips here and there",
        ] {
            assert_eq!(glued_headline(text), None, "{text}");
        }
    }
}
