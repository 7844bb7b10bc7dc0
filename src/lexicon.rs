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
use crate::wordset::WordTable;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

// PHRASE_FILES: every `data/phrases/*.txt`, listed by build.rs.
include!(concat!(env!("OUT_DIR"), "/phrase_files.rs"));

/// Month names of every glibc locale, one "<number> <name>" a line,
/// written by `tools/months/extract.py`.
const GLIBC_MONTHS: &str = include_str!("../data/months.txt");

/// The month number and name of a `data/months.txt` line, none for a
/// comment.
fn glibc_month(line: &str) -> Option<(u8, &str)> {
    let (number, name) = line.split_once(' ')?;
    Some((number.parse().ok()?, name))
}

/// [`GLIBC_MONTHS`] as a map from name to month number, built on first
/// use and borrowing the compiled-in text: a table of 1,700 owned names
/// built with the lexicon cost every process a sixteenth of its work.
fn glibc_months() -> &'static FxHashMap<&'static str, u8> {
    static MAP: OnceLock<FxHashMap<&'static str, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = FxHashMap::with_capacity_and_hasher(
            GLIBC_MONTHS.bytes().filter(|&b| b == b'\n').count(),
            Default::default(),
        );
        map.extend(
            GLIBC_MONTHS
                .lines()
                .filter_map(glibc_month)
                .map(|(month, name)| (name, month)),
        );
        map
    })
}

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
    /// Words written after the name in a byline: Korean "김민지 기자".
    byline_suffixes: FxHashSet<String>,
    /// Searchers for those suffixes, when all are written in scripts
    /// without case (`None` when one is not, and no search can rule a line
    /// out).
    byline_suffix_finders: Option<Vec<memchr::memmem::Finder<'static>>>,
    /// For each first byte, the indices of the byline prefixes a line
    /// starting with it may start with (those starting with that byte, and
    /// empty ones), in `byline_prefixes` order; the last entry is for empty
    /// lines.
    byline_index: Vec<Vec<u16>>,
    credit_labels: FxHashSet<String>,
    brands: FxHashSet<String>,
    months: FxHashMap<String, u8>,
    /// Month names of the Solar Hijri calendar (Iran, Afghanistan), whose
    /// dates are converted to the Gregorian calendar.
    solar_months: FxHashMap<String, u8>,
    /// Month names of the Bikram Sambat calendar (Nepal), whose dates are
    /// converted to the Gregorian calendar.
    bikram_sambat_months: FxHashMap<String, u8>,
    /// The month names and abbreviations without their one trailing full
    /// stop, if any ("sept." gives "sept"): the words a date pattern's
    /// month may be, before the stop it may carry.
    month_stems: FxHashSet<String>,
    stopwords: FxHashMap<&'static str, FxHashSet<&'static str>>,
    /// The languages with a stopword list, sorted by code: bit `k` of a
    /// [`LangMask`] stands for `stopword_langs[k]`.
    stopword_langs: Vec<&'static str>,
    /// Every stopword of every language, with the languages whose list holds
    /// it. Scoring a sample against all languages then costs one lookup per
    /// word instead of one per word and language.
    stopword_masks: WordTable<'static, LangMask>,
    /// Per language, in `stopword_langs` order, its stopwords as a
    /// [`WordTable`] for the per-word lookups of line measuring; built on
    /// first use, as a document uses one language.
    stopword_tables: Vec<OnceLock<WordTable<'static, ()>>>,
    /// Indices in `stopword_langs` of the languages whatlang cannot name
    /// (Galician, Basque, Albanian, Swahili...): it answers a neighbour for
    /// their text, which [`Lexicon::unnameable_neighbour`] looks past.
    unnameable_by_whatlang: Vec<usize>,
}

/// A set of languages, one bit per language with a stopword list.
type LangMask = u64;

// The stopword data must fit a mask; a bigger crate release needs u128.
const _: () = assert!(stop_words::available_languages().len() <= LangMask::BITS as usize);

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
        let mut byline_suffixes = FxHashSet::default();
        let mut credit_labels = FxHashSet::default();
        let mut brands = FxHashSet::default();
        let mut months = FxHashMap::default();
        let mut solar_months = FxHashMap::default();
        let mut bikram_sambat_months = FxHashMap::default();
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
                } else if section == "byline-after" {
                    byline_suffixes.insert(key);
                } else if section == "brand" {
                    brands.insert(key);
                } else if section == "credit" {
                    credit_labels.insert(key);
                } else if let Some(map) = match section {
                    "months" => Some(&mut months),
                    "solar-months" => Some(&mut solar_months),
                    "bikram-sambat-months" => Some(&mut bikram_sambat_months),
                    _ => None,
                } {
                    month += 1;
                    for form in entry.split_whitespace() {
                        map.entry(form.to_lowercase()).or_insert(month);
                    }
                }
            }
        }
        let month_stems = months
            .keys()
            .chain(solar_months.keys())
            .chain(bikram_sambat_months.keys())
            .map(|k| k.strip_suffix('.').unwrap_or(k).to_string())
            .collect();
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
        // Sorted, so that ties between languages go to the smaller code, as
        // they always have.
        let mut stopword_langs: Vec<&'static str> = stopwords.keys().copied().collect();
        stopword_langs.sort_unstable();
        // Sized for every word once (most are in one list), so the map is
        // never rehashed while it fills.
        let words = stopwords
            .values()
            .map(|set: &FxHashSet<&str>| set.len())
            .sum();
        let mut masks: FxHashMap<&'static str, LangMask> =
            FxHashMap::with_capacity_and_hasher(words, Default::default());
        for (k, lang) in stopword_langs.iter().enumerate() {
            for &word in &stopwords[lang] {
                *masks.entry(word).or_default() |= 1 << k;
            }
        }
        let stopword_masks = WordTable::new(masks);
        let stopword_tables = stopword_langs.iter().map(|_| OnceLock::new()).collect();
        let nameable: FxHashSet<&str> = whatlang::Lang::all()
            .iter()
            .filter_map(|&lang| iso639_1(lang))
            // whatlang's Norwegian (Bokmål) is the stopword data's "no".
            .chain(["no"])
            .collect();
        let unnameable_by_whatlang = (0..stopword_langs.len())
            .filter(|&k| !nameable.contains(stopword_langs[k]))
            .collect();
        Lexicon {
            lines,
            end_headers,
            inline,
            inline_kinds,
            byline_prefixes,
            byline_index,
            byline_suffix_finders: byline_suffixes
                .iter()
                .all(|s| !s.chars().any(|c| c.is_lowercase() || c.is_uppercase()))
                .then(|| {
                    byline_suffixes
                        .iter()
                        .map(|s| memchr::memmem::Finder::new(s.as_bytes()).into_owned())
                        .collect()
                }),
            byline_suffixes,
            credit_labels,
            brands,
            month_stems,
            solar_months,
            bikram_sambat_months,
            months,
            stopwords,
            stopword_langs,
            stopword_masks,
            stopword_tables,
            unnameable_by_whatlang,
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

    /// True when `word` (lower case) follows the name in a byline, as
    /// Korean "기자" (reporter) does.
    pub fn is_byline_suffix(&self, word: &str) -> bool {
        self.byline_suffixes.contains(word)
    }

    /// False when no word of `text` can be a byline suffix (see
    /// [`Lexicon::is_byline_suffix`]): the text holds none of them, and each
    /// is written in a script without case, so no other spelling of it
    /// lowers to it. A cheap look before splitting a line into words.
    pub fn may_hold_byline_suffix(&self, text: &str) -> bool {
        self.byline_suffix_finders
            .as_ref()
            .is_none_or(|finders| finders.iter().any(|f| f.find(text.as_bytes()).is_some()))
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
                && self.lines.get(word_pair(lowered, word, next, &mut pair))
                    == Some(&LinePhrase::Widget)
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

    /// True when `word` (lower case), or `word` followed by a full stop,
    /// names a month.
    pub fn is_month_stem(&self, word: &str) -> bool {
        self.month_stems.contains(word) || glibc_months().contains_key(word)
    }

    /// The month number of a month name or abbreviation (lower case): the
    /// phrase files' first, then, for a language without a phrase file,
    /// every glibc locale's (see `data/months.txt`).
    pub fn month(&self, word: &str) -> Option<u8> {
        self.months
            .get(word)
            .or_else(|| glibc_months().get(word))
            .copied()
    }

    /// The number (1-12) of a Solar Hijri month name in lower case
    /// ("esfand" is 12).
    pub fn solar_month(&self, word: &str) -> Option<u8> {
        self.solar_months.get(word).copied()
    }

    /// The number (1-12) of a Bikram Sambat month name ("फागुन" is 11).
    pub fn bikram_sambat_month(&self, word: &str) -> Option<u8> {
        self.bikram_sambat_months.get(word).copied()
    }

    /// The stopword set of a language (ISO 639-1), if the stopword data has
    /// one, or the set it borrows (see [`BORROWED_STOPWORDS`]).
    pub fn stopwords(&self, lang: &str) -> Option<&FxHashSet<&'static str>> {
        self.stopwords.get(stopword_list_of(lang))
    }

    /// [`Lexicon::stopwords`] as a [`WordTable`], the form line measuring
    /// looks words up in: the same words, found in fewer instructions.
    pub(crate) fn stopword_table(&self, lang: &str) -> Option<&WordTable<'static, ()>> {
        let k = self
            .stopword_langs
            .binary_search(&stopword_list_of(lang))
            .ok()?;
        Some(self.stopword_tables[k].get_or_init(|| {
            WordTable::new(
                self.stopwords[self.stopword_langs[k]]
                    .iter()
                    .map(|&w| (w, ())),
            )
        }))
    }

    /// The language of `sample` (the document's prose), as ISO 639-1.
    ///
    /// Equal, by construction, to `confirm_language(detect_language(sample),
    /// sample)`, but most samples never reach whatlang, which costs a
    /// million instructions on a 3000-byte sample: when the stopwords alone
    /// settle the question (see `StopwordScore::decisive`) whatever
    /// whatlang said, the confirmation would have ended on the same
    /// language, so whatlang is not asked (save for Bulgarian's list hit by
    /// text in letters Bulgarian lacks: Serbian or Macedonian, which only
    /// whatlang names).
    pub fn identify_language(&self, sample: &str) -> Option<&'static str> {
        let score = self.score_stopwords(sample);
        // An unspaced script may make whatlang answer zh, ja, th, km or my,
        // which the confirmation keeps whatever the stopwords say.
        if !score.unspaced
            && let Some(k) = score.decisive()
        {
            let lang = self.stopword_langs[k];
            // Bulgarian's list is the only South Slavic one in Cyrillic:
            // Serbian and Macedonian text hits it too, and whatlang, which
            // knows both, tells them by the letters Bulgarian lacks.
            if lang == "bg" && has_non_bulgarian_cyrillic(sample) {
                return cyrillic_neighbour(detect_language(sample), sample).or(Some(lang));
            }
            return Some(lang);
        }
        let detected = detect_language(sample);
        cyrillic_neighbour(detected, sample)
            .or_else(|| self.confirm_scored(detected, &score, sample))
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
        cyrillic_neighbour(detected, sample)
            .or_else(|| self.confirm_scored(detected, &self.score_stopwords(sample), sample))
    }

    /// [`Lexicon::confirm_language`] on a sample already scored.
    fn confirm_scored(
        &self,
        detected: Option<&'static str>,
        score: &StopwordScore,
        sample: &str,
    ) -> Option<&'static str> {
        if matches!(detected, Some("zh" | "ja" | "th" | "km" | "lo" | "my"))
            || score.words < MIN_CONFIRM_WORDS
        {
            return detected;
        }
        let detected_share = detected
            .and_then(|l| self.stopword_langs.binary_search(&l).ok())
            .map_or(0.0, |k| score.share(k));
        let answer = match score.best() {
            Some(k)
                if detected_share < CONFIRMED_SHARE
                    && score.share(k) >= CONFIRMED_SHARE
                    && score.share(k) >= 2.0 * detected_share =>
            {
                Some(self.stopword_langs[k])
            }
            _ => detected,
        };
        self.unnameable_neighbour(answer, score, sample).or(answer)
    }

    /// The language whatlang cannot name whose text `sample` is, when the
    /// answer so far is a neighbour (whatlang names Portuguese or Spanish
    /// for Galician, and the shares of their lists are alike). Shared
    /// stopwords cannot tell such neighbours apart; the words only one of
    /// the two lists holds can ("unha", "xa", "tamén" against "uma", "já",
    /// "também"). Lists differ in size (Portuguese's own words are five
    /// times Galician's), so each side's hits count per word of its own:
    /// the unnameable language's rate must be [`NEIGHBOUR_OWN_RATIO`] times
    /// the answer's, on [`MIN_NEIGHBOUR_OWN_WORDS`] hits or more. Between
    /// languages whatlang knows its answer stands.
    fn unnameable_neighbour(
        &self,
        answer: Option<&'static str>,
        score: &StopwordScore,
        sample: &str,
    ) -> Option<&'static str> {
        let answer = answer?;
        let answer_share = score.share(self.stopword_langs.binary_search(&answer).ok()?);
        // The first of equals: ties go to the smaller code.
        let k = self
            .unnameable_by_whatlang
            .iter()
            .copied()
            .rev()
            .max_by_key(|&k| score.counts[k])?;
        let candidate = self.stopword_langs[k];
        let share = score.share(k);
        if candidate == answer
            || share < CONFIRMED_SHARE
            || share < NEIGHBOUR_SHARE_RATIO * answer_share
        {
            return None;
        }
        let (own, theirs) = (&self.stopwords[candidate], &self.stopwords[answer]);
        let (mut candidate_hits, mut answer_hits) = (0usize, 0usize);
        for word in sample_words(&lowercase(sample)) {
            match (own.contains(word), theirs.contains(word)) {
                (true, false) => candidate_hits += 1,
                (false, true) => answer_hits += 1,
                _ => {}
            }
        }
        let candidate_words = own.iter().filter(|w| !theirs.contains(*w)).count();
        let answer_words = theirs.iter().filter(|w| !own.contains(*w)).count();
        (candidate_hits >= MIN_NEIGHBOUR_OWN_WORDS
            && candidate_hits * answer_words >= NEIGHBOUR_OWN_RATIO * answer_hits * candidate_words)
            .then_some(candidate)
    }

    /// Counts, for every language, the words of `sample` its stopword list
    /// holds. Words are the runs of letters, digits and apostrophes of the
    /// lower-cased sample, numbers left out.
    ///
    /// The sample is not lowered whole: it is cut at its ASCII separators
    /// (the ASCII bytes that are neither letters, digits nor `'`), which
    /// stay separators, at the same places, in the lowered sample (ASCII
    /// lowers to ASCII, and no other character lowers to a separator: a
    /// test checks every one). Lowering maps each character on its own
    /// (but `Σ`, whose form depends on its neighbours: such samples are
    /// lowered whole), so each piece is the lowered sample's piece once
    /// lowered, and its words are that piece's. Pieces of ASCII letters and
    /// digits, most of them, are words already: they are looked up as they
    /// are, or lowered in a small buffer when they hold a capital.
    fn score_stopwords(&self, sample: &str) -> StopwordScore {
        let mut score = StopwordScore {
            words: 0,
            counts: vec![0; self.stopword_langs.len()],
            unspaced: false,
        };
        if sample.contains('Σ') {
            self.score_lowered(&lowercase(sample), &mut score);
            return score;
        }
        let bytes = sample.as_bytes();
        let mut buffer = [0u8; 64];
        let mut lowered = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let start = i;
            let (mut ascii, mut capital, mut digits_only) = (true, false, true);
            while i < bytes.len() {
                let b = bytes[i];
                if b >= 0x80 {
                    ascii = false;
                } else {
                    let class = SAMPLE_BYTES[usize::from(b)];
                    if class & SAMPLE_WORD == 0 {
                        break;
                    }
                    capital |= class & SAMPLE_CAPITAL != 0;
                    digits_only &= class & SAMPLE_DIGIT != 0;
                }
                i += 1;
            }
            let piece = &sample[start..i];
            // Skip the separator that ended the piece.
            i += 1;
            if piece.is_empty() {
                continue;
            }
            if !ascii {
                lowered.clear();
                push_lowercase_str(&mut lowered, piece);
                self.score_lowered(&lowered, &mut score);
            } else if digits_only {
                // A number: no word.
            } else if !capital {
                self.count_stopword(piece, &mut score);
            } else if piece.len() <= buffer.len() {
                let lowered = &mut buffer[..piece.len()];
                lowered.copy_from_slice(piece.as_bytes());
                lowered.make_ascii_lowercase();
                let lowered = std::str::from_utf8(lowered).expect("ASCII");
                self.count_stopword(lowered, &mut score);
            } else {
                self.count_stopword(&piece.to_ascii_lowercase(), &mut score);
            }
        }
        score
    }

    /// One word of a sample into `score`.
    #[inline]
    fn count_stopword(&self, word: &str, score: &mut StopwordScore) {
        score.words += 1;
        if let Some(mask) = self.stopword_masks.get(word) {
            let mut rest = mask;
            while rest != 0 {
                score.counts[rest.trailing_zeros() as usize] += 1;
                rest &= rest - 1;
            }
        }
    }

    /// The words of `lowered`, lower-cased text, into `score`.
    fn score_lowered(&self, lowered: &str, score: &mut StopwordScore) {
        // A hand-rolled split: ASCII (most of the bytes) is classified byte
        // by byte without decoding, which `str::split` with a char
        // predicate cannot do.
        let bytes = lowered.as_bytes();
        let mut start = 0;
        let mut digits_only = true;
        let mut unspaced = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (in_word, len) = if b < 0x80 {
                (b.is_ascii_alphanumeric() || b == b'\'', 1)
            } else {
                let c = lowered[i..].chars().next().expect("a char starts here");
                unspaced |= is_unspaced_script(c);
                (c.is_alphanumeric() || c == '’', c.len_utf8())
            };
            if in_word {
                digits_only &= b.is_ascii_digit();
            } else {
                if start < i && !digits_only {
                    self.count_stopword(&lowered[start..i], score);
                }
                start = i + len;
                digits_only = true;
            }
            i += len;
        }
        if start < bytes.len() && !digits_only {
            self.count_stopword(&lowered[start..], score);
        }
        score.unspaced |= unspaced;
    }
}

/// "`first` `second`", two words that are slices of `text`: borrowed from
/// `text` when one space separates them there (the usual case, and no
/// allocation), else written into `buffer`.
fn word_pair<'a>(text: &'a str, first: &'a str, second: &str, buffer: &'a mut String) -> &'a str {
    let start = first.as_ptr() as usize - text.as_ptr() as usize;
    let end = second.as_ptr() as usize - text.as_ptr() as usize + second.len();
    let joined = &text[start..end];
    if joined.len() == first.len() + 1 + second.len() && joined.as_bytes()[first.len()] == b' ' {
        return joined;
    }
    buffer.clear();
    buffer.push_str(first);
    buffer.push(' ');
    buffer.push_str(second);
    buffer
}

/// Code points below this have their lower case in [`lower_table`]: Latin,
/// Greek, Cyrillic, Armenian, Georgian, Vietnamese and the scripts in
/// between.
const LOWER_TABLE_END: u32 = 0x3000;

/// The one-character lower case (`char::to_lowercase`) of each code point
/// below [`LOWER_TABLE_END`], `None` where it is longer (`İ` lowers to two
/// characters). Filled from the standard library on first use, so the
/// answers are its own; the standard library finds each by a binary search
/// over its case table.
fn lower_table() -> &'static [Option<char>] {
    static TABLE: OnceLock<Vec<Option<char>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..LOWER_TABLE_END)
            .map(|n| {
                let c = char::from_u32(n)?;
                let mut lower = c.to_lowercase();
                (lower.len() == 1).then(|| lower.next()).flatten()
            })
            .collect()
    })
}

/// Pushes `c.to_lowercase()` onto `out`.
#[inline]
pub(crate) fn push_lowercase(out: &mut String, c: char) {
    let n = c as u32;
    if n < 0x80 {
        out.push(c.to_ascii_lowercase());
    } else if n < LOWER_TABLE_END
        && let Some(lower) = lower_table()[n as usize]
    {
        out.push(lower);
    } else if (0x3000..0xA000).contains(&n) || (0xAC00..0xD7A4).contains(&n) {
        // CJK punctuation, kana and ideographs, Hangul syllables: no case
        // (a test checks every one).
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// `text.to_lowercase()`, faster on mostly-ASCII text: runs of ASCII are
/// lowered in bulk, where `str::to_lowercase` goes char by char after the
/// first non-ASCII one, and other characters come from a table.
pub(crate) fn lowercase(text: &str) -> String {
    // A capital sigma's lower case depends on its neighbours (final ς):
    // leave that to the standard library.
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    push_lowercase_str(&mut out, text);
    out
}

/// Pushes [`lowercase`]`(text)` onto `out`, for text without `Σ` (whose
/// lower case depends on its neighbours): callers lowering many pieces
/// reuse one buffer.
fn push_lowercase_str(out: &mut String, text: &str) {
    debug_assert!(!text.contains('Σ'));
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let from = out.len();
        out.push_str(&rest[..ascii]);
        out[from..].make_ascii_lowercase();
        rest = &rest[ascii..];
        // The non-ASCII run that follows, char by char: the same per-char
        // mapping `str::to_lowercase` applies to everything but Σ.
        let mut chars = rest.char_indices();
        let end = loop {
            match chars.next() {
                Some((at, c)) if c.is_ascii() => break at,
                Some((_, c)) => push_lowercase(out, c),
                None => break rest.len(),
            }
        };
        rest = &rest[end..];
    }
}

/// [`Lexicon::score_stopwords`]'s classes of ASCII bytes: a word byte
/// (letter, digit or `'`), a digit, a capital.
const SAMPLE_WORD: u8 = 1;
const SAMPLE_DIGIT: u8 = 2;
const SAMPLE_CAPITAL: u8 = 4;

static SAMPLE_BYTES: [u8; 128] = {
    let mut classes = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == b'\'' {
            classes[b] = SAMPLE_WORD;
        }
        if c.is_ascii_digit() {
            classes[b] |= SAMPLE_DIGIT;
        }
        if c.is_ascii_uppercase() {
            classes[b] |= SAMPLE_CAPITAL;
        }
        b += 1;
    }
    classes
};

/// How well each language's stopwords cover a sample.
struct StopwordScore {
    /// Words in the sample (numbers aside).
    words: usize,
    /// Per language, in `Lexicon::stopword_langs` order, the words of the
    /// sample in its stopword list.
    counts: Vec<u32>,
    /// True when the sample holds a character of an unspaced script.
    unspaced: bool,
}

impl StopwordScore {
    /// The share of the words in language `k`'s list. Computed in `f32`
    /// exactly as the confirmation always has, so thresholds fall the same.
    fn share(&self, k: usize) -> f32 {
        self.counts[k] as f32 / self.words as f32
    }

    /// The language covering most words; a tie goes to the smaller code
    /// (the first in `stopword_langs`).
    fn best(&self) -> Option<usize> {
        (0..self.counts.len()).reduce(|best, k| {
            if self.counts[k] > self.counts[best] {
                k
            } else {
                best
            }
        })
    }

    /// The language the stopwords alone name, whatever whatlang would say.
    ///
    /// The confirmation keeps whatlang's answer only when its share reaches
    /// [`CONFIRMED_SHARE`] or exceeds half the best share. So when the best
    /// language reaches that share and every other one stays below it and
    /// below half the best, the confirmation ends on the best language
    /// whichever language whatlang names, or none. Closely related languages
    /// (es/pt/gl/ca, da/no/sv, cs/sk) share many stopwords and usually fail
    /// the margin; they go to whatlang as before. Samples in unspaced
    /// scripts are the caller's to keep away (whatlang's answer stands
    /// there).
    fn decisive(&self) -> Option<usize> {
        if self.words < MIN_CONFIRM_WORDS {
            return None;
        }
        let best = self.best()?;
        let best_share = self.share(best);
        if best_share < CONFIRMED_SHARE {
            return None;
        }
        let clear = (0..self.counts.len()).filter(|&k| k != best).all(|k| {
            let share = self.share(k);
            share < CONFIRMED_SHARE && best_share >= 2.0 * share
        });
        clear.then_some(best)
    }
}

/// True when `c` belongs to a script whatlang reads as an unspaced language
/// (Han, kana, Thai, Lao, Khmer, Myanmar). A superset of whatlang's own
/// ranges for those scripts: whatlang can only answer zh, ja, th, km or my
/// when one of them is the text's main script, so a sample without them
/// never gets those answers.
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'
        | '\u{1000}'..='\u{109F}'
        | '\u{1780}'..='\u{17FF}'
        | '\u{19E0}'..='\u{19FF}'
        | '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// Fewest words in a sample worth checking against stopwords.
const MIN_CONFIRM_WORDS: usize = 6;
/// A stopword share that confirms a language: running text in a language
/// has a third or more of its words in the list; a wrong list finds few.
const CONFIRMED_SHARE: f32 = 0.2;

/// Least share, relative to the detected language's, that an unnameable
/// neighbour's stopwords must cover before their own words are counted
/// (a cheap gate; the count decides): Galician paragraphs score 0.8 to 1.2
/// times the Portuguese or Spanish list, English prose far less in any
/// unnameable language's list, Spanish paragraphs up to 0.9 times in the
/// Galician list.
const NEIGHBOUR_SHARE_RATIO: f32 = 0.75;
/// How many times the answer's rate of hits on its own words an
/// unnameable neighbour's rate must be. Galician against Portuguese runs
/// at 4.4 times; Indonesian prose against Malay (which whatlang names
/// Indonesian too) at 1.6, so it stays Indonesian.
const NEIGHBOUR_OWN_RATIO: usize = 2;
/// Fewest hits on its own words an unnameable neighbour needs.
const MIN_NEIGHBOUR_OWN_WORDS: usize = 3;

/// The words of a lower-cased sample as the stopword scoring counts them:
/// runs of letters, digits and apostrophes, numbers left out.
fn sample_words(lowered: &str) -> impl Iterator<Item = &str> {
    lowered
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
}

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
    let lang = iso639_1(info.lang())?;
    // whatlang knows only the Slavic languages written in Cyrillic; Kazakh,
    // Kyrgyz, Tatar, Bashkir, Tajik or Mongolian text comes out as one of
    // them. Letters that no Slavic alphabet has tell such text: the
    // language is then unknown rather than misnamed.
    if matches!(lang, "ru" | "uk" | "be" | "bg" | "sr" | "mk") && has_non_slavic_cyrillic(sample) {
        return None;
    }
    Some(lang)
}

/// Languages with no stopword list of their own, and the list they use:
/// Serbian (in Cyrillic) and Macedonian share most of their short words'
/// roots and many of the words themselves with Bulgarian ("и", "на", "за",
/// "да", "се"), enough to tell prose from chrome.
const BORROWED_STOPWORDS: [(&str, &str); 2] = [("sr", "bg"), ("mk", "bg")];

/// The stopword list `lang` reads: its own, or the one it borrows.
fn stopword_list_of(lang: &str) -> &str {
    BORROWED_STOPWORDS
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or(lang, |&(_, list)| list)
}

/// Least share of a sample's letters that are Serbian or Macedonian letters
/// Bulgarian does not write (ј is in "је", "које", "ја": a few in a hundred).
const MIN_NON_BULGARIAN_SHARE: f32 = 0.005;

/// Whether `sample` writes ђ ћ ј љ њ џ ѓ ќ ѕ (upper case too) in at least
/// [`MIN_NON_BULGARIAN_SHARE`] of its letters: Serbian or Macedonian, not
/// Bulgarian.
fn has_non_bulgarian_cyrillic(sample: &str) -> bool {
    writes_letters_of(sample, "ђћјљњџѓќѕЂЋЈЉЊЏЃЌЅ", MIN_NON_BULGARIAN_SHARE)
}

/// Whether letters of `set` make up at least `min_share` of the letters of
/// `sample`.
fn writes_letters_of(sample: &str, set: &str, min_share: f32) -> bool {
    let (mut letters, mut found) = (0usize, 0usize);
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if set.contains(c) {
            found += 1;
        }
    }
    letters > 0 && found as f32 >= letters as f32 * min_share
}

/// `detected` when it is Serbian or Macedonian and `sample` writes letters
/// Bulgarian lacks: the stopwords (Bulgarian's list is theirs too) cannot
/// overrule such an answer.
fn cyrillic_neighbour(detected: Option<&'static str>, sample: &str) -> Option<&'static str> {
    detected.filter(|l| matches!(*l, "sr" | "mk") && has_non_bulgarian_cyrillic(sample))
}

/// Least share of a sample's letters that must be Cyrillic letters of no
/// Slavic alphabet (a Kazakh name in Russian text has a few).
const MIN_NON_SLAVIC_CYRILLIC_SHARE: f32 = 0.01;

/// Cyrillic letters of the Turkic, Iranian and Mongolic alphabets that no
/// Slavic alphabet uses (ә ғ қ ң ө ұ ү һ җ ҙ ҫ ҳ ҷ ӣ ӯ ҡ), make up at least
/// [`MIN_NON_SLAVIC_CYRILLIC_SHARE`] of the letters of `sample`.
fn has_non_slavic_cyrillic(sample: &str) -> bool {
    writes_letters_of(
        sample,
        "әғқңөұүһҗҙҫҳҷӣӯҡӘҒҚҢӨҰҮҺҖҘҪҲҶӢӮҠ",
        MIN_NON_SLAVIC_CYRILLIC_SHARE,
    )
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
    fn lines_without_a_byline_suffix_are_ruled_out_before_splitting() {
        let lexicon = Lexicon::get();
        assert!(lexicon.may_hold_byline_suffix("김민지 기자 minji@example.kr"));
        assert!(lexicon.is_byline_suffix("기자"));
        assert!(!lexicon.may_hold_byline_suffix("By Jane Doe, staff writer"));
        assert!(!lexicon.may_hold_byline_suffix(""));
    }

    #[test]
    fn burmese_months_with_and_without_the_word_for_month() {
        let lexicon = Lexicon::get();
        assert_eq!(lexicon.month("မတ်"), Some(3));
        assert_eq!(lexicon.month("မတ်လ"), Some(3));
        assert_eq!(lexicon.month("ဩဂုတ်လ"), Some(8));
        assert_eq!(lexicon.month("ဒီဇင်ဘာလ"), Some(12));
        assert!(lexicon.is_credit_label("ဓာတ်ပုံ"));
    }

    #[test]
    fn serbian_and_macedonian_are_not_bulgarian_and_borrow_its_stopwords() {
        let lexicon = Lexicon::get();
        let serbian = "Удружење пчелара са Златибора послало је прошле недеље прву пошиљку меда у \
                       Немачку. Двадесет тона ливадског и багремовог меда отишло је купцу из \
                       Минхена, који је мед пробао на сајму у Новом Саду прошле јесени.";
        assert_eq!(lexicon.identify_language(serbian), Some("sr"));
        assert_eq!(
            lexicon.identify_language(serbian),
            lexicon.confirm_language(detect_language(serbian), serbian)
        );
        let bulgarian = "Общинският съвет одобри новия бюджет във вторник след дълъг дебат, като \
                         повечето съветници подкрепиха плана за училищата и пътищата в града.";
        assert_eq!(lexicon.identify_language(bulgarian), Some("bg"));
        assert!(lexicon.stopwords("sr").is_some_and(|s| s.contains("и")));
        assert!(lexicon.stopword_table("mk").is_some());
    }

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

    /// The confirmation as it was before the bitmask map: one set lookup
    /// per word and language. The reference the faster paths must match.
    fn confirm_by_sets(
        lexicon: &Lexicon,
        detected: Option<&'static str>,
        sample: &str,
    ) -> Option<&'static str> {
        if matches!(detected, Some("zh" | "ja" | "th" | "km" | "lo" | "my")) {
            return detected;
        }
        if let Some(neighbour) = cyrillic_neighbour(detected, sample) {
            return Some(neighbour);
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
            .and_then(|l| lexicon.stopwords.get(l))
            .map_or(0.0, share);
        let best = lexicon
            .stopwords
            .iter()
            .map(|(lang, set)| (*lang, share(set)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(a.0)));
        let answer = match best {
            Some((lang, best_share))
                if detected_share < CONFIRMED_SHARE
                    && best_share >= CONFIRMED_SHARE
                    && best_share >= 2.0 * detected_share =>
            {
                Some(lang)
            }
            _ => detected,
        };
        // The unnameable neighbour, counted the long way.
        let answer = answer?;
        let Some(theirs) = lexicon.stopwords.get(answer) else {
            return Some(answer);
        };
        let nameable: Vec<&str> = whatlang::Lang::all()
            .iter()
            .filter_map(|&l| iso639_1(l))
            .chain(["no"])
            .collect();
        let neighbour = lexicon
            .stopwords
            .iter()
            .filter(|(lang, _)| !nameable.contains(lang))
            .map(|(lang, set)| (*lang, share(set)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(a.0)));
        if let Some((lang, neighbour_share)) = neighbour
            && lang != answer
            && neighbour_share >= CONFIRMED_SHARE
            && neighbour_share >= NEIGHBOUR_SHARE_RATIO * share(theirs)
        {
            let own = &lexicon.stopwords[lang];
            let hits = |a: &FxHashSet<&str>, b: &FxHashSet<&str>| {
                words
                    .iter()
                    .filter(|w| a.contains(**w) && !b.contains(**w))
                    .count()
            };
            let size = |a: &FxHashSet<&str>, b: &FxHashSet<&str>| {
                a.iter().filter(|w| !b.contains(*w)).count()
            };
            if hits(own, theirs) >= MIN_NEIGHBOUR_OWN_WORDS
                && hits(own, theirs) * size(theirs, own)
                    >= NEIGHBOUR_OWN_RATIO * hits(theirs, own) * size(own, theirs)
            {
                return Some(lang);
            }
        }
        Some(answer)
    }

    /// The corpus texts, whole (cut like the extractor's sample) and line
    /// by line: long prose in many languages and short, mixed lines.
    fn corpus_samples() -> Vec<String> {
        let mut samples = Vec::new();
        for folder in ["corpus/text", "corpus/seeds"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
            let mut paths: Vec<_> = std::fs::read_dir(dir)
                .expect("corpus folder")
                .map(|e| e.expect("corpus entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            paths.sort();
            for path in paths {
                let bytes = std::fs::read(&path).expect("corpus file");
                let text = String::from_utf8_lossy(&bytes).into_owned();
                samples.push(text[..text.floor_char_boundary(3000)].to_string());
                samples.extend(
                    text.lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(String::from),
                );
            }
        }
        assert!(samples.len() > 500, "the corpus is there");
        samples
    }

    #[test]
    fn stopword_masks_mirror_the_sets() {
        let lexicon = Lexicon::get();
        assert_eq!(lexicon.stopword_langs.len(), lexicon.stopwords.len());
        for (k, lang) in lexicon.stopword_langs.iter().enumerate() {
            for word in &lexicon.stopwords[lang] {
                assert!(
                    lexicon.stopword_masks.get(word).unwrap_or(0) & (1 << k) != 0,
                    "{lang} {word}"
                );
            }
        }
        for (word, mask) in lexicon.stopword_masks.iter() {
            for (k, lang) in lexicon.stopword_langs.iter().enumerate() {
                let listed = lexicon.stopwords[lang].contains(word);
                assert_eq!(mask & (1 << k) != 0, listed, "{lang} {word}");
            }
        }
    }

    #[test]
    fn only_ascii_lowers_to_ascii_separators() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let lowered = c.to_lowercase().to_string();
            assert!(
                !lowered
                    .bytes()
                    .any(|b| b < 0x80 && SAMPLE_BYTES[usize::from(b)] & SAMPLE_WORD == 0),
                "{c:?}"
            );
        }
    }

    proptest::proptest! {
        /// Scoring piece by piece counts as lowering the whole sample first.
        #[test]
        fn pieces_score_as_the_lowered_sample(
            sample in "([a-zA-Z0-9' .,\\-]|\u{2019}|\u{130}|\u{212a}|\u{3a3}|\u{c9}|\u{3b1}|\u{4e2d}| |the|The|LE|und|\u{d0}\u{bd}){0,40}"
        ) {
            let lexicon = Lexicon::get();
            let mut plain = StopwordScore {
                words: 0,
                counts: vec![0; lexicon.stopword_langs.len()],
                unspaced: false,
            };
            lexicon.score_lowered(&lowercase(&sample), &mut plain);
            let score = lexicon.score_stopwords(&sample);
            proptest::prop_assert_eq!(
                (score.words, score.counts, score.unspaced),
                (plain.words, plain.counts, plain.unspaced)
            );
        }
    }

    #[test]
    fn stopword_tables_hold_the_sets() {
        let lexicon = Lexicon::get();
        for lang in &lexicon.stopword_langs {
            let set = &lexicon.stopwords[lang];
            let table = lexicon.stopword_table(lang).expect("a listed language");
            assert_eq!(table.iter().count(), set.len(), "{lang}");
            for (word, ()) in table.iter() {
                assert!(set.contains(word), "{lang} {word}");
            }
        }
        assert!(lexicon.stopword_table("xx").is_none());
    }

    #[test]
    fn word_pairs_are_joined_by_one_space() {
        let mut buffer = String::new();
        let text = "sign in, sign  up|now";
        let words: Vec<&str> = text
            .split([' ', ',', '|'])
            .filter(|w| !w.is_empty())
            .collect();
        let pairs: Vec<String> = words
            .windows(2)
            .map(|w| word_pair(text, w[0], w[1], &mut buffer).to_string())
            .collect();
        assert_eq!(pairs, ["sign in", "in sign", "sign up", "up now"]);
    }

    #[test]
    fn every_char_lowers_like_the_standard_library() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let mut ours = String::new();
            push_lowercase(&mut ours, c);
            assert_eq!(ours, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lowercase_matches_the_standard_library_on_any_text(
            text in "[a-zA-Z .İΣσΑЖжÉéẞ字한\u{301}ǅ]{0,30}"
        ) {
            proptest::prop_assert_eq!(lowercase(&text), text.to_lowercase());
        }
    }

    #[test]
    fn lowercase_matches_the_standard_library() {
        let tricky = [
            "İSTANBUL ÇOK GÜZEL",
            "ΟΔΟΣ.ΑΘΗΝΑ ΚΑΙ ΟΔΟΣ",
            "Straße GROẞ",
            "ǅemal Ǆ ǈ",
            "Ｆｕｌｌ ＷＩＤＴＨ",
            "plain ascii, With Caps",
            "",
        ];
        for text in tricky.iter().map(|t| t.to_string()).chain(corpus_samples()) {
            assert_eq!(lowercase(&text), text.to_lowercase(), "{text}");
        }
    }

    #[test]
    fn bitmask_confirmation_matches_set_lookups() {
        let lexicon = Lexicon::get();
        let mut detected: Vec<Option<&'static str>> = vec![None, Some("nb"), Some("ja")];
        detected.extend(lexicon.stopword_langs.iter().map(|l| Some(*l)));
        for sample in corpus_samples() {
            for &d in &detected {
                assert_eq!(
                    lexicon.confirm_language(d, &sample),
                    confirm_by_sets(lexicon, d, &sample),
                    "{d:?} {sample}"
                );
            }
        }
    }

    #[test]
    fn stopword_first_identification_matches_whatlang_then_confirmation() {
        let lexicon = Lexicon::get();
        let mut decided = 0;
        for sample in corpus_samples() {
            let score = lexicon.score_stopwords(&sample);
            if !score.unspaced && score.decisive().is_some() {
                decided += 1;
            }
            assert_eq!(
                lexicon.identify_language(&sample),
                confirm_by_sets(lexicon, detect_language(&sample), &sample),
                "{sample}"
            );
        }
        // The shortcut must actually be taken, or this proves nothing.
        assert!(decided > 100, "{decided} samples decided by stopwords");
    }

    #[test]
    fn decisive_stopwords_name_french_without_whatlang() {
        let lexicon = Lexicon::get();
        // Conversational French: its pronouns and auxiliaries are French
        // only. (News prose heavy in "de", "la", "les", "en" also scores
        // well in Catalan, Spanish and Romanian, and goes to whatlang.)
        let french = "Nous sommes très heureux : ils nous ont dit qu'ils viendront avec \
                      leurs enfants, mais nous ne savons pas encore quand. Elle pense que \
                      c'est trop tôt pour cette fête, car il fait toujours froid chez nous \
                      au mois de mars.";
        let score = lexicon.score_stopwords(french);
        assert!(!score.unspaced);
        let fr = lexicon.stopword_langs.binary_search(&"fr").unwrap();
        assert_eq!(score.decisive(), Some(fr));
        assert_eq!(lexicon.identify_language(french), Some("fr"));
    }

    #[test]
    fn related_or_mixed_samples_go_to_whatlang() {
        let lexicon = Lexicon::get();
        // Spanish and Portuguese share most of these stopwords: no margin.
        let iberian = "A casa de Maria é para o povo, e a vida em la ciudad no es para mim.";
        let score = lexicon.score_stopwords(iberian);
        assert_eq!(score.decisive(), None);
        // Half English, half German: two languages well covered.
        let mixed = "The council will meet on Monday to discuss the budget for the next \
                     year. Der Stadtrat hat die Pläne für das neue Jahr noch nicht \
                     beschlossen, und die Bürger warten auf eine Antwort.";
        assert_eq!(lexicon.score_stopwords(mixed).decisive(), None);
        // Too few words for any verdict.
        assert_eq!(lexicon.score_stopwords("le chat et la").decisive(), None);
        // An unspaced script is flagged, so whatlang's answer stands.
        let japanese = "東京の天気は晴れ、the weather in Tokyo is sunny and the sky is clear today";
        assert!(lexicon.score_stopwords(japanese).unspaced);
        assert_eq!(
            lexicon.identify_language(japanese),
            confirm_by_sets(lexicon, detect_language(japanese), japanese)
        );
    }

    #[test]
    fn a_language_whatlang_cannot_name_is_told_from_its_neighbour() {
        let lexicon = Lexicon::get();
        // Galician (this sample came out Spanish before): whatlang names
        // Spanish, Portuguese or nothing, whose lists cover as many words.
        let galician = "A biblioteca municipal abriu o luns as súas portas no edificio \
                        das antigas escolas. Segundo explicou a alcaldesa, o concello \
                        quería recuperar un inmoble que moitos veciños lembran con \
                        cariño. Xa se apuntaron case cen persoas, e iso non ten prezo.";
        assert_eq!(lexicon.identify_language(galician), Some("gl"));
        let portuguese = "A biblioteca municipal abriu na segunda-feira as suas portas no \
                          edifício das antigas escolas. Segundo explicou a prefeita, a \
                          cidade queria recuperar um imóvel que muitos moradores lembram \
                          com carinho. Já se inscreveram quase cem pessoas, e isso não tem \
                          preço.";
        assert_eq!(lexicon.identify_language(portuguese), Some("pt"));
        let spanish = "La biblioteca municipal abrió el lunes sus puertas en el edificio \
                       de las antiguas escuelas. Según explicó la alcaldesa, el ayuntamiento \
                       quería recuperar un inmueble que muchos vecinos recuerdan con \
                       cariño. Ya se apuntaron casi cien personas, y eso no tiene precio.";
        assert_eq!(lexicon.identify_language(spanish), Some("es"));
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

    #[test]
    fn kazakh_is_not_named_a_slavic_language() {
        let kk = "Бұған дейін ауыл балалары қыста тек мектеп ауласындағы шағын алаңда ғана \
                  сырғанайтын. Көктем шыға мұз еріп, жаттығулар тоқтап қалатын.";
        assert_eq!(detect_language(kk), None);
        let ru = "Тренер команды Ерлан Жұмабеков сказал, что дети теперь смогут \
                  тренироваться круглый год на новом катке в центре посёлка.";
        assert_eq!(detect_language(ru), Some("ru"));
    }
}
