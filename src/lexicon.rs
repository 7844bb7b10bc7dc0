//! Word lists as data: per-language phrase files, stopwords and language
//! identification, all loaded once per process.
//!
//! The phrase files live in `data/phrases/<lang>.txt`, one phrase a line under
//! `[section]` headers, and are compiled into the binary (build.rs lists
//! them: a new language is a new file). Every language's
//! phrases are merged: pages mix languages (a French article on a Vietnamese
//! site), and a phrase of one language is rarely body text in another. The
//! structural rules carry the weight; the phrases only name what structure
//! alone leaves doubtful.

use crate::hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

// PHRASE_FILES: every `data/phrases/*.txt`, listed by build.rs.
include!(concat!(env!("OUT_DIR"), "/phrase_files.rs"));

/// What a whole line, matched exactly, can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinePhrase {
    /// Opens a related-articles or navigation list ("Read also").
    SectionHeader,
    /// Opens the comments ("Comments", "Leave a reply").
    CommentsHeader,
    /// An empty-state or widget word ("No data", "Share").
    Widget,
    /// A source label ("Source", "Quelle").
    SourceLabel,
}

/// What a phrase inside a line marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InlinePhrase {
    /// Follow / share / subscribe prompts.
    Social,
    /// Cookie and consent banners.
    Cookie,
    /// Copyright and rights notices.
    Copyright,
    /// Newsletter and app promos.
    Promo,
}

impl InlinePhrase {
    /// The name used in reasons.
    pub fn name(self) -> &'static str {
        match self {
            InlinePhrase::Social => "social",
            InlinePhrase::Cookie => "cookie",
            InlinePhrase::Copyright => "copyright",
            InlinePhrase::Promo => "promo",
        }
    }
}

/// All phrase data, merged over languages.
pub struct Lexicon {
    lines: FxHashMap<String, LinePhrase>,
    /// Whole-line headers that open the end matter ("Sources", "About the
    /// author"). Kept apart from `lines`: "Sources" is also a source label
    /// when a URL follows it.
    end_headers: FxHashSet<String>,
    inline: AhoCorasick,
    inline_kinds: Vec<InlinePhrase>,
    byline_prefixes: Vec<String>,
    /// For each first byte, the indices of the byline prefixes a line
    /// starting with it may start with (those starting with that byte, and
    /// empty ones), in `byline_prefixes` order; the last entry is for empty
    /// lines.
    byline_index: Vec<Vec<u16>>,
    credit_labels: FxHashSet<String>,
    brands: FxHashSet<String>,
    months: FxHashMap<String, u8>,
    stopwords: FxHashMap<&'static str, FxHashSet<&'static str>>,
}

impl Lexicon {
    /// The process-wide lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    fn load() -> Lexicon {
        let mut lines = FxHashMap::default();
        let mut end_headers = FxHashSet::default();
        let mut inline_patterns = Vec::new();
        let mut inline_kinds = Vec::new();
        let mut byline_prefixes = Vec::new();
        let mut credit_labels = FxHashSet::default();
        let mut brands = FxHashSet::default();
        let mut months = FxHashMap::default();
        for (_lang, text) in PHRASE_FILES {
            let mut section = "";
            let mut month = 0u8;
            for raw in text.lines() {
                let entry = raw.trim();
                if entry.is_empty() || entry.starts_with('#') {
                    continue;
                }
                if entry.starts_with('[') && entry.ends_with(']') {
                    section = &entry[1..entry.len() - 1];
                    month = 0;
                    continue;
                }
                let key = normalize_phrase(entry);
                let line_kind = match section {
                    "related" => Some(LinePhrase::SectionHeader),
                    "comments" => Some(LinePhrase::CommentsHeader),
                    "widget" => Some(LinePhrase::Widget),
                    "source" => Some(LinePhrase::SourceLabel),
                    _ => None,
                };
                let inline_kind = match section {
                    "social" => Some(InlinePhrase::Social),
                    "cookie" => Some(InlinePhrase::Cookie),
                    "copyright" => Some(InlinePhrase::Copyright),
                    "promo" => Some(InlinePhrase::Promo),
                    _ => None,
                };
                if section == "end" {
                    end_headers.insert(key);
                } else if let Some(kind) = line_kind {
                    lines.entry(key).or_insert(kind);
                } else if let Some(kind) = inline_kind {
                    inline_patterns.push(key);
                    inline_kinds.push(kind);
                } else if section == "byline" {
                    byline_prefixes.push(key);
                } else if section == "brand" {
                    brands.insert(key);
                } else if section == "credit" {
                    credit_labels.insert(key);
                } else if section == "months" {
                    month += 1;
                    for form in entry.split_whitespace() {
                        months.entry(form.to_lowercase()).or_insert(month);
                    }
                }
            }
        }
        // Longest prefixes first, so "by staff of" wins over "by".
        byline_prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
        byline_prefixes.dedup();
        let byline_index = (0..=256)
            .map(|first: usize| {
                (0..byline_prefixes.len())
                    .filter(|&k| match byline_prefixes[k].as_bytes().first() {
                        None => true,
                        Some(&b) => usize::from(b) == first,
                    })
                    .map(|k| u16::try_from(k).expect("fewer than 65536 byline prefixes"))
                    .collect()
            })
            .collect();
        let inline = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&inline_patterns)
            .expect("phrase patterns are plain strings");
        let mut stopwords = FxHashMap::default();
        for code in stop_words::available_languages() {
            if let Some(words) = stop_words::lookup(code) {
                stopwords.insert(*code, words.iter().copied().collect());
            }
        }
        Lexicon {
            lines,
            end_headers,
            inline,
            inline_kinds,
            byline_prefixes,
            byline_index,
            credit_labels,
            brands,
            months,
            stopwords,
        }
    }

    /// What the whole line is, if it is a known phrase. `normalized` comes
    /// from [`normalize_phrase`].
    pub fn line_phrase(&self, normalized: &str) -> Option<LinePhrase> {
        self.lines.get(normalized).copied()
    }

    /// True when the whole line (normalised) opens the end matter.
    pub fn is_end_header(&self, normalized: &str) -> bool {
        self.end_headers.contains(normalized)
    }

    /// The first chrome phrase inside `lowered` (a lower-cased line).
    pub fn inline_phrase<'t>(&self, lowered: &'t str) -> Option<(InlinePhrase, &'t str)> {
        let found = self.inline.find(lowered)?;
        // Only whole words count: "share" must not fire inside "shareholders".
        let before = lowered[..found.start()].chars().next_back();
        let after = lowered[found.end()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        let pattern_text = &lowered[found.start()..found.end()];
        let edges_are_letters = pattern_text
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
            && pattern_text
                .chars()
                .last()
                .is_some_and(char::is_alphanumeric);
        if edges_are_letters && !(boundary(before) && boundary(after)) {
            return None;
        }
        Some((self.inline_kinds[found.pattern().as_usize()], pattern_text))
    }

    /// The byline prefix `lowered` starts with, followed by a space.
    pub fn byline_prefix(&self, lowered: &str) -> Option<&str> {
        // Only the prefixes that start with the line's first byte (or are
        // empty) can match: most lines start with a byte no prefix starts
        // with.
        let first = lowered.as_bytes().first().map_or(256, |&b| usize::from(b));
        self.byline_index[first]
            .iter()
            .map(|&k| self.byline_prefixes[usize::from(k)].as_str())
            .find(|p| {
                lowered.starts_with(p) && lowered[p.len()..].starts_with([' ', ':', '：', '\u{a0}'])
            })
    }

    /// True when `label` (normalised) names a photo credit or a source.
    pub fn is_credit_label(&self, label: &str) -> bool {
        self.credit_labels.contains(label)
            || self.lines.get(label) == Some(&LinePhrase::SourceLabel)
    }

    /// True when `word` (lower case) names a social network or messenger.
    pub fn is_brand(&self, word: &str) -> bool {
        self.brands.contains(word)
    }

    /// True when `lowered` is made only of widget words and network names
    /// ("search sign in", "whatsapp facebook pint"): a row of buttons.
    pub fn is_widget_row(&self, lowered: &str) -> bool {
        let mut words = lowered
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty())
            .peekable();
        let mut pair = String::new();
        let mut any = false;
        while let Some(word) = words.next() {
            any = true;
            if let Some(next) = words.peek()
                && {
                    pair.clear();
                    pair.push_str(word);
                    pair.push(' ');
                    pair.push_str(next);
                    self.lines.get(pair.as_str()) == Some(&LinePhrase::Widget)
                }
            {
                words.next();
            } else if !(self.brands.contains(word)
                || self.lines.get(word) == Some(&LinePhrase::Widget))
            {
                return false;
            }
        }
        any
    }

    /// The month number of a month name or abbreviation (lower case).
    pub fn month(&self, word: &str) -> Option<u8> {
        self.months.get(word).copied()
    }

    /// The stopword set of a language (ISO 639-1), if the stopword data has
    /// one.
    pub fn stopwords(&self, lang: &str) -> Option<&FxHashSet<&'static str>> {
        self.stopwords.get(lang)
    }

    /// Checks a detected language against the stopwords of `sample`.
    /// whatlang can misname a short or name-heavy text ("Der nächste
    /// Stadtmarathon soll am 2. März 2025 stattfinden." as Swedish); then
    /// the detected language's stopwords cover almost none of the words,
    /// and every line would look like chrome. When another language's
    /// stopwords cover the sample at least twice as well, and well, that
    /// language is the answer.
    pub fn confirm_language(
        &self,
        detected: Option<&'static str>,
        sample: &str,
    ) -> Option<&'static str> {
        // Unspaced scripts have no words to count.
        if matches!(detected, Some("zh" | "ja" | "th" | "km" | "lo" | "my")) {
            return detected;
        }
        let lowered = sample.to_lowercase();
        let words: Vec<&str> = lowered
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
            .collect();
        if words.len() < MIN_CONFIRM_WORDS {
            return detected;
        }
        let share = |set: &FxHashSet<&'static str>| {
            words.iter().filter(|w| set.contains(**w)).count() as f32 / words.len() as f32
        };
        let detected_share = detected
            .and_then(|l| self.stopwords.get(l))
            .map_or(0.0, share);
        if detected_share >= CONFIRMED_SHARE {
            return detected;
        }
        let best = self
            .stopwords
            .iter()
            .map(|(lang, set)| (*lang, share(set)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(a.0)));
        match best {
            Some((lang, best_share))
                if best_share >= CONFIRMED_SHARE && best_share >= 2.0 * detected_share =>
            {
                Some(lang)
            }
            _ => detected,
        }
    }
}

/// Fewest words in a sample worth checking against stopwords.
const MIN_CONFIRM_WORDS: usize = 6;
/// A stopword share that confirms a language: running text in a language
/// has a third or more of its words in the list; a wrong list finds few.
const CONFIRMED_SHARE: f32 = 0.2;

/// Lower case, trimmed, without the trailing colon, arrows or dots a header
/// often carries: the form phrase lookups use.
pub fn normalize_phrase(text: &str) -> String {
    trim_phrase(text).to_lowercase()
}

/// [`normalize_phrase`] without the lower-casing: trimmed, without the
/// trailing colon, arrows or dots. Lower-casing neither makes nor changes
/// the characters trimmed, so `trim_phrase(&text.to_lowercase())` equals
/// `normalize_phrase(text)`.
pub fn trim_phrase(text: &str) -> &str {
    text.trim()
        .trim_end_matches([
            ':', '：', '»', '›', '>', '.', '…', ' ', '\u{a0}', '-', '–', '|',
        ])
        .trim_start_matches(['»', '›', '>', '-', '–', '•', '·', '|', ' '])
}

/// Detects the language of `sample` and returns its ISO 639-1 code.
pub fn detect_language(sample: &str) -> Option<&'static str> {
    let info = whatlang::detect(sample)?;
    // whatlang is unreliable on a few words; the caller samples the longest
    // lines, so a low confidence here means mixed or unusual text.
    if info.confidence() < 0.2 {
        return None;
    }
    iso639_1(info.lang())
}

/// Maps whatlang's ISO 639-3 languages to ISO 639-1 codes.
fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_overrule_a_misnamed_language() {
        let lexicon = Lexicon::get();
        let german = "Der nächste Stadtmarathon soll am 2. März 2025 stattfinden, und die Stadt \
                      hat die Strecke für die Läufer noch einmal geändert.";
        assert_eq!(lexicon.confirm_language(Some("sv"), german), Some("de"));
        // A language its stopwords confirm stays.
        assert_eq!(lexicon.confirm_language(Some("de"), german), Some("de"));
        // Too few words to overrule anything.
        assert_eq!(
            lexicon.confirm_language(Some("sv"), "Der Marathon"),
            Some("sv")
        );
        // Unspaced scripts are left to the detector.
        assert_eq!(
            lexicon.confirm_language(Some("ja"), "東京の天気"),
            Some("ja")
        );
    }

    #[test]
    fn phrases_of_several_languages_load() {
        let lexicon = Lexicon::get();
        assert_eq!(
            lexicon.line_phrase("même sujet"),
            Some(LinePhrase::SectionHeader)
        );
        assert_eq!(
            lexicon.line_phrase("read also"),
            Some(LinePhrase::SectionHeader)
        );
        assert_eq!(lexicon.line_phrase("source"), Some(LinePhrase::SourceLabel));
        assert_eq!(lexicon.month("janvier"), Some(1));
        assert_eq!(lexicon.month("dezember"), Some(12));
        assert!(lexicon.stopwords("fr").is_some_and(|s| s.contains("le")));
    }

    #[test]
    fn byline_prefixes_are_found_as_by_a_full_scan() {
        let lexicon = Lexicon::get();
        let naive = |lowered: &str| {
            lexicon
                .byline_prefixes
                .iter()
                .find(|p| {
                    lowered.starts_with(p.as_str())
                        && lowered[p.len()..].starts_with([' ', ':', '：', '\u{a0}'])
                })
                .map(String::as_str)
        };
        let mut lines: Vec<String> = ["", "by jane doe", "par marie", "von: anna", "bylines", "x"]
            .into_iter()
            .map(String::from)
            .collect();
        for p in &lexicon.byline_prefixes {
            lines.push(format!("{p} someone"));
            lines.push(format!("{p}:x"));
            lines.push(p.clone());
        }
        for line in &lines {
            assert_eq!(lexicon.byline_prefix(line), naive(line), "{line:?}");
        }
    }

    #[test]
    fn inline_phrases_need_word_boundaries() {
        let lexicon = Lexicon::get();
        assert!(lexicon.inline_phrase("follow us on google news").is_some());
        assert!(lexicon.inline_phrase("shareholders met at noon").is_none());
    }

    #[test]
    fn header_normalisation_drops_colons_and_case() {
        assert_eq!(normalize_phrase("Ειδήσεις σήμερα:"), "ειδήσεις σήμερα");
        assert_eq!(normalize_phrase("  Read also » "), "read also");
        for text in ["ΟΔΟΣ:", "» ΣΧΟΛΙΑ ΑΣ…", "Σ.", "İstanbul –", "ΑΣ - "] {
            assert_eq!(
                trim_phrase(&text.to_lowercase()),
                normalize_phrase(text),
                "{text}"
            );
        }
    }

    #[test]
    fn languages_are_detected_as_iso_639_1() {
        let fr = "Le président a rencontré les ministres pour discuter de la situation \
                  économique du pays et des mesures à prendre dans les prochains mois.";
        assert_eq!(detect_language(fr), Some("fr"));
    }
}
