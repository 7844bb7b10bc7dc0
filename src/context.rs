//! The context pass: what single lines could not settle, their neighbours
//! do. Runs after the classifiers, in this order:
//!
//! 1. related lists: headline-like lines under a section header are chrome;
//! 2. menu runs: three or more short lines with no sentence are chrome;
//! 3. comments and end matter: from a comments header ("Comments"), an
//!    end-matter header ("Sources", "About the author"), or the first of several comment
//!    timestamps, after the article's prose, everything is chrome;
//! 4. the body zone: the stretch of lines with the most prose (a maximum-sum
//!    run over per-line scores) holds the article; prose outside it is
//!    chrome, short sentences and sub-headings inside it are body; on a
//!    page the zone is the block element whose lines weigh most, from its
//!    first paragraph (what stands above is the article's header) to its
//!    comments or end-matter marker, if any;
//! 5. title and subtitle: headline-like lines just above the body zone,
//!    once the article's first paragraphs that lost their full stops are
//!    taken back from it;
//! 6. author: a name alone right after the body, or after a label and a
//!    colon ("Muallif: Malika Yusupova");
//! 7. captions: of two captions side by side, the one in another language
//!    than the document is the untranslated original.

use crate::classify::{Class, Decision, Doc};
use crate::lexicon::detect_language;
use crate::line::Label;
use crate::reason::Reason;

/// Settings of the context pass.
#[derive(Clone, Debug)]
pub struct ContextConfig {
    /// Keep good prose found outside the main zone when the zone it sits in
    /// scores at least this share of the main zone (1.0 and above: never).
    pub secondary_zone_share: f32,
    /// How many lines above the body the title may stand.
    pub title_window: usize,
}

impl Default for ContextConfig {
    fn default() -> ContextConfig {
        ContextConfig {
            secondary_zone_share: 0.5,
            title_window: 12,
        }
    }
}

/// Runs every step of the context pass over `decisions`.
pub fn revise(doc: &Doc<'_>, decisions: &mut [Decision], config: &ContextConfig) {
    related_lists(doc, decisions);
    menu_runs(doc, decisions);
    comment_threads(doc, decisions);
    let Some(zone) = body_zone(doc, decisions, config) else {
        return;
    };
    let first_body = lead_without_stop(doc, decisions, zone.first_body);
    title_and_subtitle(doc, decisions, first_body, config);
    table_after_body(doc, decisions, zone.last_body);
    // On a page, a name under the last paragraph was taken into the body
    // for standing in the article's element; the author rule looks from
    // the last line that is body on its own merits.
    let last_paragraph = (0..=zone.last_body)
        .rfind(|&k| {
            decisions[k].label == Label::Body
                && !matches!(decisions[k].reason, Reason::InContainer { .. })
        })
        .unwrap_or(zone.last_body);
    author_after_body(doc, decisions, last_paragraph);
    untranslated_captions(doc, decisions);
}

fn is_section_header(d: &Decision) -> bool {
    matches!(d.reason, Reason::SectionHeader { .. })
}

/// Step 1. A header such as "Même sujet" followed by headline-like lines:
/// the lines are the list's items.
fn related_lists(doc: &Doc<'_>, decisions: &mut [Decision]) {
    let mut i = 0;
    while i < decisions.len() {
        if !is_section_header(&decisions[i]) {
            i += 1;
            continue;
        }
        let mut items = Vec::new();
        let mut j = i + 1;
        while j < decisions.len() {
            let (d, f) = (&decisions[j], &doc.features[j]);
            if d.label == Label::Blank || is_recognised_chrome(d) {
                if is_section_header(d) {
                    break;
                }
                j += 1;
                continue;
            }
            // A name in capitals ("KHANH MINH") is the author, not an item;
            // a breadcrumb ("News > Local") opens the article's header; a
            // heading element with no link is the article's next section.
            let headline = d.class != Class::Fixed
                && f.is_headline_like()
                && !is_capitalized_name(doc, j)
                && !is_breadcrumb(&doc.lines[j].text)
                && !is_unlinked_heading(doc, j);
            if !headline {
                break;
            }
            items.push(j);
            j += 1;
        }
        // In a box between two paragraphs, the last line is the article's
        // next sub-heading when it is shorter than each of the two or more
        // headlines above it, as in an unnamed "read also" box. (A teaser
        // cut short by "..." is no paragraph.)
        let between_paragraphs = doc
            .prev_text(i)
            .is_some_and(|p| decisions[p].label == Label::Body && is_prose(&decisions[p]))
            && decisions.get(j).is_some_and(|d| {
                d.label == Label::Body && is_prose(d) && !ends_with_ellipsis(&doc.lines[j].text)
            });
        if between_paragraphs
            && let Some((&last, before)) = items.split_last()
            && before.len() >= 2
            && before
                .iter()
                .all(|&k| doc.features[last].words < doc.features[k].words)
        {
            decisions[last] = body(Reason::SubHeading {
                words: doc.features[last].words,
            });
            items.pop();
        }
        let header = doc.lines[i].text.clone();
        let count = items.len();
        for k in items {
            decisions[k] = Decision::chrome(Reason::RelatedHeadline {
                header: header.clone(),
                count,
            });
        }
        i = j.max(i + 1);
    }
}

/// An HTML heading element (`<h2>`...`<h6>`) that is not a link.
fn is_unlinked_heading(doc: &Doc<'_>, k: usize) -> bool {
    doc.lines[k]
        .hints
        .as_ref()
        .is_some_and(|h| h.heading_level >= 2 && h.link_density < 0.5)
}

/// A breadcrumb trail: two to six short parts (one to four words each)
/// joined by `>`, `»`, `›` or `/` with spaces around them ("Home > News >
/// Local", "Home / News / Local").
/// Pages print it right above the headline, whatever their language.
fn is_breadcrumb(text: &str) -> bool {
    let mut segments = 0usize;
    let mut words = 0usize;
    for token in text.split([' ', '\u{a0}']).filter(|t| !t.is_empty()) {
        if matches!(token, ">" | "»" | "›" | "&gt;" | "/") {
            if words == 0 || words > 4 {
                return false;
            }
            segments += 1;
            words = 0;
        } else {
            words += 1;
        }
    }
    segments += 1;
    (1..=4).contains(&words) && (2..=6).contains(&segments)
}

/// Step 2. Three or more short lines in a row, blank lines aside, none a
/// sentence: a menu, a tag list, a row of category words.
fn menu_runs(doc: &Doc<'_>, decisions: &mut [Decision]) {
    const MIN_RUN: usize = 3;
    const MAX_ITEM_WORDS: usize = 4;
    let is_item = |d: &Decision, k: usize| {
        let f = &doc.features[k];
        matches!(d.class, Class::Short | Class::Bad)
            && f.words <= MAX_ITEM_WORDS
            && !f.ends_sentence
            && !is_table_cell(doc, k)
    };
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, decisions: &mut [Decision]| {
        if run.len() >= MIN_RUN {
            let count = run.len();
            for &k in run.iter() {
                decisions[k] = Decision::chrome(Reason::MenuRun { count });
            }
        }
        run.clear();
    };
    for k in 0..decisions.len() {
        if decisions[k].label == Label::Blank {
            continue;
        }
        if is_item(&decisions[k], k) {
            run.push(k);
        } else {
            flush(&mut run, decisions);
        }
    }
    flush(&mut run, decisions);
}

/// Prose words an article needs above a comments marker before the marker
/// is believed: a "Comments" link in the top menu opens nothing.
const MIN_WORDS_BEFORE_COMMENTS: usize = 50;

/// Step 3. Comments are prose too, often more of it than the article, so
/// they must be cut before the body zone is weighed. A thread starts at a
/// comments header, or at the first of two or more date lines carrying a
/// clock time that follow the article's prose (each comment's stamp).
fn comment_threads(doc: &Doc<'_>, decisions: &mut [Decision]) {
    // Prose is counted from where a first estimate of the body zone starts,
    // so teasers in the page header do not vouch for a "Comments" button.
    let scores = line_scores(doc, decisions);
    let Some((zone_start, _, _)) = best_run(&scores) else {
        return;
    };
    let mut prose_words = 0;
    let mut start = None;
    let mut stamps = Vec::new();
    let mut signed = Vec::new();
    for (k, d) in decisions.iter().enumerate().skip(zone_start) {
        if d.class == Class::Good {
            prose_words += doc.features[k].words;
        }
        if prose_words < MIN_WORDS_BEFORE_COMMENTS {
            continue;
        }
        // A "Comments" button among share buttons opens nothing; an
        // end-matter header is never a button.
        let opens_comments =
            matches!(d.reason, Reason::CommentsHeader { .. }) && !in_widget_row(doc, decisions, k);
        if opens_comments || matches!(d.reason, Reason::EndHeader { .. }) {
            start = Some(k);
            break;
        }
        if d.label == Label::Date {
            if has_clock_time(&doc.lines[k].text) {
                stamps.push(k);
            } else if signed_by_name(doc, decisions, k) {
                signed.push(k);
            }
        }
    }
    // Without clock times, a comment's stamp is a date under its author's
    // name: one such pair under the article is its byline, two are a thread.
    if stamps.len() < 2 && signed.len() >= 2 {
        start = Some(doc.prev_text(signed[0]).unwrap_or(signed[0]));
        let pairs = signed.len();
        for &k in &signed {
            decisions[k] = Decision::chrome(Reason::SignedStamp { pairs });
        }
    }
    // Comments may come before their header ("Leave a reply" closes the
    // thread on many blogs): two stamps ahead of the header start it.
    if stamps.len() >= 2 {
        // The author's name often stands on the line above the stamp.
        let first = stamps[0];
        start = Some(match doc.prev_text(first) {
            Some(p) if doc.features[p].words <= 5 && decisions[p].class != Class::Good => p,
            _ => first,
        });
        for &k in &stamps {
            decisions[k] = Decision::chrome(Reason::CommentStamp);
        }
    }
    let Some(start) = start else {
        return;
    };
    for d in decisions[start + 1..].iter_mut() {
        if d.label != Label::Blank && !is_recognised_chrome(d) {
            *d = Decision {
                class: Class::Bad,
                ..Decision::chrome(Reason::AfterArticleEnd { marker: start + 1 })
            };
        }
    }
    if decisions[start].class != Class::Fixed {
        decisions[start] = Decision::chrome(Reason::AfterArticleEnd { marker: start + 1 });
    }
}

/// Most words of a commenter's name over the date of a comment.
const MAX_COMMENTER_WORDS: usize = 4;
/// Most words of a comment's date line ("March 12, 2024 at 10:15 am").
const MAX_STAMP_WORDS: usize = 6;

/// Whether the date line `k` stands under a name and over a text: a short
/// line that is no sentence and no date above it ("Sunita", "علی"), and a
/// line that is no date either below it (the comment).
fn signed_by_name(doc: &Doc<'_>, decisions: &[Decision], k: usize) -> bool {
    let (Some(name), Some(text)) = (doc.prev_text(k), doc.next_text(k)) else {
        return false;
    };
    let f = &doc.features[name];
    let linked = |j: usize| {
        doc.features[j].has_url
            || doc.lines[j]
                .hints
                .as_ref()
                .is_some_and(|h| h.link_density > 0.0)
    };
    // An embedded post signs with its author, handle and date on one line
    // under its text ("— Name (@name) November 19, 2019"): no stamp.
    doc.features[k].words <= MAX_STAMP_WORDS
        && f.words <= MAX_COMMENTER_WORDS
        && !f.ends_sentence
        && !linked(name)
        && decisions[name].class != Class::Good
        && !matches!(decisions[name].label, Label::Date | Label::Title)
        && decisions[text].label != Label::Date
}

/// A button among buttons: the line above or below is a short widget.
fn in_widget_row(doc: &Doc<'_>, decisions: &[Decision], k: usize) -> bool {
    [doc.prev_text(k), doc.next_text(k)]
        .into_iter()
        .flatten()
        .any(|j| {
            decisions[j].class == Class::Fixed
                && doc.features[j].words <= 3
                && matches!(
                    decisions[j].reason,
                    Reason::WidgetPhrase { .. }
                        | Reason::SocialNetwork { .. }
                        | Reason::WidgetRow
                        | Reason::CountedLabel { .. }
                )
        })
}

/// "at 6:58 am", "10:07", "14h05": a clock time.
fn has_clock_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(3).enumerate().any(|(k, w)| {
        w[0].is_ascii_digit()
            && (w[1] == b':' || w[1] == b'h')
            && w[2].is_ascii_digit()
            && bytes.get(k + 3).is_some_and(u8::is_ascii_digit)
    })
}

/// Where the article text is.
struct Zone {
    first_body: usize,
    last_body: usize,
}

/// The score a line adds to a zone around it: prose adds its words, chrome
/// takes some away, neutral lines (blank, captions, dates) add nothing.
fn line_score(doc: &Doc<'_>, d: &Decision, k: usize) -> f32 {
    let f = &doc.features[k];
    let words = f.words.min(150) as f32;
    match (d.class, d.label) {
        (_, Label::Blank) => 0.0,
        (Class::Good, _) => words,
        (Class::NearGood, _) => words * 0.5,
        (Class::Short, _) if f.ends_sentence => 1.0,
        (Class::Short, _) => -2.0,
        (Class::Bad, _) => -(2.0 + words * 0.25),
        (Class::Fixed, Label::Chrome) => match d.reason {
            // Hidden text is not on the page: it neither adds nor breaks.
            Reason::Hidden => 0.0,
            Reason::SectionHeader { .. } => -12.0,
            Reason::RelatedHeadline { .. } => -5.0,
            Reason::MenuRun { .. } => -2.0,
            _ => -3.0,
        },
        (Class::Fixed, _) => 0.0,
    }
}

/// An HTML table cell with little link text: data, not a menu.
fn is_table_cell(doc: &Doc<'_>, k: usize) -> bool {
    doc.lines[k]
        .hints
        .as_ref()
        .is_some_and(|h| matches!(&*h.tag, "td" | "th") && h.link_density < 0.5)
}

/// Every line's score; on HTML pages the summary of a teaser card (a
/// prose line under a linked headline) counts as chrome, so a feed of
/// teasers does not weigh like an article.
fn line_scores(doc: &Doc<'_>, decisions: &[Decision]) -> Vec<f32> {
    (0..decisions.len())
        .map(|k| {
            let d = &decisions[k];
            if is_prose(d) && is_teaser(doc, decisions, k) {
                -(2.0 + doc.features[k].words.min(150) as f32 * 0.25)
            } else if matches!(d.class, Class::Short | Class::Bad) && is_table_cell(doc, k) {
                // A table's cells neither make nor break a zone.
                0.0
            } else if in_box_before_sub_heading(decisions, k) {
                // A "read also" box the article goes on after: it does not
                // part the article's halves.
                0.0
            } else {
                line_score(doc, d, k)
            }
        })
        .collect()
}

/// A line of a related box (header or headline) whose list is closed by a
/// sub-heading of the article (see [`related_lists`]).
fn in_box_before_sub_heading(decisions: &[Decision], k: usize) -> bool {
    let in_box = |d: &Decision| {
        matches!(
            d.reason,
            Reason::SectionHeader { .. } | Reason::RelatedHeadline { .. }
        )
    };
    in_box(&decisions[k])
        && decisions[k + 1..]
            .iter()
            .find(|d| d.label != Label::Blank && !in_box(d))
            .is_some_and(|d| matches!(d.reason, Reason::SubHeading { .. }))
}

/// Lines looked back over for a teaser's headline.
const TEASER_LOOKBACK: usize = 2;

/// A prose line of an HTML page right under (at most one line between) a
/// headline that is all link: a teaser card's summary.
fn is_teaser(doc: &Doc<'_>, decisions: &[Decision], k: usize) -> bool {
    let Some(own) = doc.lines[k].hints.as_ref() else {
        return false;
    };
    if own.link_density > 0.3 {
        return false;
    }
    let mut j = k;
    for _ in 0..TEASER_LOOKBACK {
        let Some(p) = doc.prev_text(j) else {
            return false;
        };
        j = p;
        let Some(h) = doc.lines[j].hints.as_ref() else {
            return false;
        };
        let words = doc.features[j].words;
        if decisions[j].label == Label::Chrome
            && h.link_density >= 0.8
            && (4..=25).contains(&words)
            && (h.heading_level > 0 || !doc.features[j].ends_sentence)
        {
            return true;
        }
        if decisions[j].label == Label::Body || is_prose(&decisions[j]) {
            return false;
        }
    }
    false
}

/// Fewest prose lines in a second zone of a dump's article.
const MIN_SECOND_ZONE_PARAGRAPHS: usize = 2;

/// Fewest lines, recognised as chrome by a rule and in a row (blank lines
/// aside), that the body zone of a dump does not run across.
const MIN_BARRIER_LINES: usize = 12;

/// Makes long stretches of recognised chrome impassable for the body zone
/// of a dump: a share bar, a comment form, a "Most read" list and a footer
/// menu after the article add up to a few dozen points against it, less
/// than the prose of a cookie notice or a site's community rules further
/// down, so the maximum-sum run would swallow them. Beyond such a stretch
/// prose still counts, as a zone of its own: kept when it weighs like a
/// second part of the article. A doubtful line (short, not prose) ends a
/// stretch: only lines the rules are sure of build a barrier. (HTML pages
/// have their block elements for this.)
fn chrome_barriers(decisions: &[Decision], scores: &mut [f32]) {
    let mut k = 0;
    while k < decisions.len() {
        if !is_recognised_chrome(&decisions[k]) {
            k += 1;
            continue;
        }
        let mut end = k;
        let mut lines = 0;
        while end < decisions.len()
            && (is_recognised_chrome(&decisions[end]) || decisions[end].label == Label::Blank)
        {
            lines += usize::from(decisions[end].label != Label::Blank);
            end += 1;
        }
        if lines >= MIN_BARRIER_LINES {
            scores[k..end]
                .iter_mut()
                .for_each(|s| *s = f32::NEG_INFINITY);
        }
        k = end;
    }
}

/// The maximum-sum run of scores: (start, end inclusive, sum).
fn best_run(scores: &[f32]) -> Option<(usize, usize, f32)> {
    let mut best: Option<(usize, usize, f32)> = None;
    let mut start = 0;
    let mut sum = 0.0f32;
    for (k, &s) in scores.iter().enumerate() {
        if sum <= 0.0 {
            start = k;
            sum = 0.0;
        }
        sum += s;
        if sum > 0.0 && best.is_none_or(|(_, _, b)| sum > b) {
            best = Some((start, k, sum));
        }
    }
    best
}

/// The block element whose lines have the highest total score, as
/// (first line, last line, score); `None` for text dumps. Of equal scores
/// the innermost block wins: it comes first, blocks being listed by end.
fn best_block(doc: &Doc<'_>, scores: &[f32]) -> Option<(usize, usize, f32)> {
    let mut prefix = Vec::with_capacity(scores.len() + 1);
    prefix.push(0.0f64);
    let mut sum = 0.0f64;
    for &s in scores {
        sum += f64::from(s);
        prefix.push(sum);
    }
    let mut best: Option<(usize, usize, f64)> = None;
    for block in doc.blocks {
        if block.end > scores.len() || block.is_empty() {
            continue;
        }
        let score = prefix[block.end] - prefix[block.start];
        if score > 0.0 && best.is_none_or(|(_, _, b)| score > b) {
            best = Some((block.start, block.end - 1, score));
        }
    }
    best.map(|(a, b, s)| (a, b, s as f32))
}

/// The headline an old layout sets in bold (or a heading element) as the
/// first line of the article's block, when the page names no headline
/// otherwise: no line is the title yet and no `<h1>` stands above. It must
/// read as a headline (no sentence, at most [`MAX_TITLE_WORDS`] words, not
/// a link) and the article must follow it: a date or byline line, or
/// prose. Without this, the title walk goes up out of the block into
/// whatever the neighbouring cell holds (a visitor counter, a menu).
fn emphasised_headline(
    doc: &Doc<'_>,
    decisions: &[Decision],
    start: usize,
    end: usize,
) -> Option<usize> {
    if decisions.iter().any(|d| d.label == Label::Title) {
        return None;
    }
    let h1_above = doc.lines[..start].iter().any(|l| {
        l.hints
            .as_ref()
            .is_some_and(|h| h.heading_level == 1 && !h.hidden)
    });
    if h1_above {
        return None;
    }
    let k = (start..=end).find(|&k| decisions[k].label != Label::Blank)?;
    let hints = doc.lines[k].hints.as_ref()?;
    let f = &doc.features[k];
    let reads_as_headline = (2..=MAX_TITLE_WORDS).contains(&f.words)
        && (!f.ends_sentence || doc.lines[k].text.ends_with(['?', '!']));
    let emphasised = (hints.bold || hints.heading_level > 0) && hints.link_density < 0.5;
    if decisions[k].class == Class::Fixed || !reads_as_headline || !emphasised {
        return None;
    }
    let next = doc.next_text(k).filter(|&n| n <= end)?;
    let article_follows =
        matches!(decisions[next].label, Label::Date | Label::Byline) || is_prose(&decisions[next]);
    article_follows.then_some(k)
}

/// A line that reads as a sentence: it ends one or holds one.
fn is_sentence(doc: &Doc<'_>, k: usize) -> bool {
    let f = &doc.features[k];
    f.ends_sentence || f.inner_sentences > 0
}

/// Step 4. Finds the body zone and settles every prose line by it.
fn body_zone(doc: &Doc<'_>, decisions: &mut [Decision], config: &ContextConfig) -> Option<Zone> {
    let mut scores = line_scores(doc, decisions);
    if doc.blocks.is_empty() {
        chrome_barriers(decisions, &mut scores);
    }
    let (mut start, mut end, mut main_score) = best_run(&scores)?;
    let container = best_block(doc, &scores);
    if let Some((a, b, score)) = container {
        // An HTML page: the zone is the block element whose lines weigh
        // most, so it follows the page's own structure.
        (start, end, main_score) = (a, b, score);
        // The article follows its headline: what the block holds above
        // the title (a news ticker, teasers) is not body.
        if let Some(t) = (start..=end).rfind(|&k| decisions[k].label == Label::Title)
            && t < end
        {
            start = t + 1;
        } else if let Some(t) = emphasised_headline(doc, decisions, start, end) {
            decisions[t] = Decision::fixed(
                Label::Title,
                Reason::EmphasisedHeadline {
                    words: doc.features[t].words,
                },
            );
            start = t + 1;
        }
        // Comments and end matter may sit inside the article's element
        // too: the zone stops at the marker the comments step found.
        if let Some(marker) =
            (start..=end).find(|&k| matches!(decisions[k].reason, Reason::AfterArticleEnd { .. }))
            && marker > start
        {
            end = marker - 1;
        }
    } else {
        // The zone's edges are sentences: a headline-like line opening or
        // closing it is the title, the standfirst or an author line, not
        // body. Gallery and carousel captions above the article come twice
        // or more in a dump; the article's first paragraph does not.
        let repeated = repeated_lines(doc);
        while start < end
            && (!(is_prose(&decisions[start]) && is_sentence(doc, start)) || repeated[start])
        {
            start += 1;
        }
        // A long sentence just above the zone, past a caption at most,
        // opens the article even when names crowd out its stopwords ("Ngày
        // 12/3, Bảo tàng Cổ vật Cung đình Huế khai mạc...").
        let mut k = start;
        while k > 0 {
            k -= 1;
            let d = &decisions[k];
            if d.label == Label::Blank || d.label == Label::Caption {
                continue;
            }
            let f = &doc.features[k];
            if d.class == Class::Bad && f.ends_sentence && f.words >= MIN_OPENING_SENTENCE_WORDS {
                start = k;
                continue;
            }
            break;
        }
        // A short last sentence ("He declined to comment.") may close it.
        while end > start
            && !(is_sentence(doc, end)
                && matches!(
                    decisions[end].class,
                    Class::Good | Class::NearGood | Class::Short
                ))
        {
            end -= 1;
        }
    }
    // A list of teaser cards (headline, kicker or date, then a one-line
    // summary) after the article reads as prose and joins the zone; cut it.
    let kadane_end = end;
    // In an element the cards end at its last prose line, not at the
    // buttons below it; and there a linked line between paragraphs is no
    // proof of cards: articles cite their sources so ("[CNET]").
    let teaser = match container {
        Some(_) => {
            let last_prose = (start..=end)
                .rfind(|&k| is_prose(&decisions[k]))
                .unwrap_or(end);
            teaser_cards_at_end(doc, decisions, start, last_prose)
                .filter(|run| run.median_gap >= 2 || run.truncated >= 2)
        }
        None => teaser_cards_at_end(doc, decisions, start, end),
    };
    if let Some(cut) = &teaser {
        end = cut.first_line - 1;
        while end > start && decisions[end].label == Label::Blank {
            end -= 1;
        }
    }
    // Other zones whose prose weighs as much as the main one's share are
    // kept too: a long article split by a big inline widget.
    let mut in_zone = vec![false; decisions.len()];
    in_zone[start..=end].iter_mut().for_each(|z| *z = true);
    if container.is_some()
        && let Some(title) = (0..start).rfind(|&k| decisions[k].label == Label::Title)
    {
        // Prose between the headline and the article's block (a summary,
        // highlights) belongs to the article too.
        for k in title + 1..start {
            if is_prose(&decisions[k]) && scores[k] > 0.0 {
                in_zone[k] = true;
            }
        }
        for run in highlight_lists(doc, decisions, title + 1, start) {
            // A heading over the points ("Das Wichtigste in Kürze") is
            // theirs, when no rule claimed it.
            if let Some(h) = doc.prev_text(run[0]).filter(|&h| {
                h > title
                    && matches!(decisions[h].class, Class::Short | Class::Bad)
                    && doc.lines[h].hints.as_ref().is_some_and(|hints| {
                        hints.heading_level >= 2 && hints.chrome_tokens.is_empty()
                    })
            }) {
                decisions[h] = body(Reason::SubHeading {
                    words: doc.features[h].words,
                });
                in_zone[h] = true;
            }
            let items = run.len();
            for k in run {
                decisions[k] = body(Reason::Highlight { items });
                in_zone[k] = true;
            }
        }
    }
    if config.secondary_zone_share < 1.0 {
        // On a page the article follows its headline: prose above it (a
        // news ticker, teaser cards) is no second part of the article.
        let headline = if container.is_some() {
            (0..start).rfind(|&k| decisions[k].label == Label::Title)
        } else {
            None
        };
        let mut masked = scores.clone();
        if let Some(t) = headline {
            masked[..=t].iter_mut().for_each(|s| *s = f32::NEG_INFINITY);
        }
        masked[start..=kadane_end]
            .iter_mut()
            .for_each(|s| *s = f32::NEG_INFINITY);
        for segment in masked.split(|s| *s == f32::NEG_INFINITY) {
            let offset = segment.as_ptr() as usize - masked.as_ptr() as usize;
            let offset = offset / std::mem::size_of::<f32>();
            if let Some((a, b, score)) = best_run(segment)
                && score >= main_score * config.secondary_zone_share
                // In a dump, one paragraph on its own far from the article
                // is a disclaimer or an "about us" box, not the article's
                // second half. (A page's second zone is another block
                // element: cards of one paragraph each can be the article.)
                && (container.is_some()
                    || (offset + a..=offset + b)
                        .filter(|&k| is_prose(&decisions[k]))
                        .count()
                        >= MIN_SECOND_ZONE_PARAGRAPHS)
            {
                in_zone[offset + a..=offset + b]
                    .iter_mut()
                    .for_each(|z| *z = true);
            }
        }
    }
    // On a page, the lines of the article's element before its first
    // paragraph (or first sub-heading) are its header: byline, date, share
    // buttons, a photo credit, a reading time. The title walk claims what
    // it recognises; the rest is not body just for standing in the element.
    let first_paragraph = first_paragraph(doc, decisions, start, end);
    let zone_score = main_score.round() as usize;
    if let Some(cut) = teaser {
        for k in cut.first_line..=kadane_end {
            if decisions[k].label != Label::Blank && !in_zone[k] {
                decisions[k] = Decision::chrome(Reason::TeaserCards {
                    cards: cut.cards,
                    median_gap: cut.median_gap,
                });
            }
        }
    }
    for k in 0..decisions.len() {
        let d = &decisions[k];
        if d.class == Class::Fixed || d.label == Label::Blank {
            continue;
        }
        let f = &doc.features[k];
        let prose = is_prose(d);
        decisions[k] = if !in_zone[k] {
            if prose {
                // Keeps its prose class: the title walk may still claim it.
                Decision {
                    class: d.class,
                    ..Decision::chrome(Reason::OutsideBody { zone: zone_score })
                }
            } else {
                continue;
            }
        } else if prose {
            continue;
        } else if f.ends_sentence {
            body(Reason::ShortBetweenBody { words: f.words })
        } else if container.is_some()
            && matches!(d.reason, Reason::NotProse { .. })
            && first_paragraph.is_some_and(|p| k >= p)
        {
            body(Reason::InContainer {
                words: f.words,
                lines: end + 1 - start,
            })
        } else if f.is_headline_like()
            && next_is_body(doc, decisions, k, &in_zone)
            && prev_is_body(doc, decisions, k, &in_zone)
        {
            body(Reason::SubHeading { words: f.words })
        } else {
            continue;
        };
    }
    lists_inside_body(doc, decisions, &in_zone);
    introduced_lists(doc, decisions);
    let first_body = (0..decisions.len()).find(|&k| decisions[k].label == Label::Body)?;
    let last_body = (0..decisions.len()).rfind(|&k| decisions[k].label == Label::Body)?;
    Some(Zone {
        first_body,
        last_body,
    })
}

/// Fewest words of a highlight: shorter list items are links or buttons.
const MIN_HIGHLIGHT_WORDS: usize = 3;

/// Lists of points between the headline and the article's element
/// (`title_end..start`): two or more list items in a row, at one depth,
/// of three words or more each, that no rule claimed (no link list, no
/// byline, date or counter) and that are no sentence of prose either
/// (prose there is kept already). News pages print their highlights so
/// ("Das Wichtigste in Kürze", Indian papers' bullet points); a line of
/// such a list is never the standfirst alone.
fn highlight_lists(
    doc: &Doc<'_>,
    decisions: &[Decision],
    title_end: usize,
    start: usize,
) -> Vec<Vec<usize>> {
    let item = |k: usize| {
        doc.lines[k].hints.as_ref().filter(|h| {
            h.tag == "li"
                && h.chrome_tokens.is_empty()
                && matches!(decisions[k].class, Class::Short | Class::Bad)
                && doc.features[k].words >= MIN_HIGHLIGHT_WORDS
        })
    };
    let mut runs = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut depth = None;
    for k in title_end..start {
        if decisions[k].label == Label::Blank {
            continue;
        }
        match item(k) {
            Some(h) if depth.is_none_or(|d| d == h.depth) => {
                depth = Some(h.depth);
                run.push(k);
            }
            found => {
                if run.len() >= 2 {
                    runs.push(std::mem::take(&mut run));
                }
                run.clear();
                depth = found.map(|h| h.depth);
                run.extend(found.map(|_| k));
            }
        }
    }
    if run.len() >= 2 {
        runs.push(run);
    }
    runs
}

/// The line that opens the article's text in `start..=end`: the first
/// paragraph of prose, short sentence or sub-heading that no byline or
/// date line follows before the next one (a standfirst above the byline
/// is still the header).
fn first_paragraph(
    doc: &Doc<'_>,
    decisions: &[Decision],
    start: usize,
    end: usize,
) -> Option<usize> {
    let opens_text = |k: usize| {
        let d = &decisions[k];
        is_prose(d)
            || (d.class != Class::Fixed
                && d.label != Label::Blank
                && (doc.features[k].ends_sentence
                    || doc.lines[k]
                        .hints
                        .as_ref()
                        .is_some_and(|h| h.heading_level >= 2)))
    };
    let mut k = (start..=end).find(|&k| opens_text(k))?;
    loop {
        let next = (k + 1..=end).find(|&j| opens_text(j));
        let header_follows = (k + 1..next.unwrap_or(end + 1))
            .any(|j| matches!(decisions[j].label, Label::Date | Label::Byline));
        match next {
            Some(next) if header_follows => k = next,
            _ => return Some(k),
        }
    }
}

/// Lines of five words or more whose exact text stands on another line too.
fn repeated_lines(doc: &Doc<'_>) -> Vec<bool> {
    // Fx, not SipHash: lines are not attacker-chosen keys worth the cost,
    // and the map is only looked up, never iterated.
    let mut counts: crate::hash::FxHashMap<&str, usize> = crate::hash::FxHashMap::default();
    let long_enough = |k: usize| doc.features[k].words >= 5;
    for (k, line) in doc.lines.iter().enumerate() {
        if long_enough(k) {
            *counts.entry(line.text.as_str()).or_default() += 1;
        }
    }
    (0..doc.lines.len())
        .map(|k| long_enough(k) && counts[doc.lines[k].text.as_str()] > 1)
        .collect()
}

/// Fewest words of a low-stopword sentence that may open the zone.
const MIN_OPENING_SENTENCE_WORDS: usize = 15;

/// Longest title, in words: headlines are rarely over twenty words; a
/// longer line without a full stop is a first paragraph that lost it.
const MAX_TITLE_WORDS: usize = 24;

/// A run of teaser cards found at the end of the zone.
struct TeaserRun {
    /// First line of the first card (its first gap line).
    first_line: usize,
    cards: usize,
    median_gap: usize,
    /// Headlines and summaries cut short with an ellipsis.
    truncated: usize,
}

/// Fewest cards that make a teaser list.
const MIN_TEASER_CARDS: usize = 3;
/// A teaser summary is one or two sentences; a longer line is article prose.
const MAX_TEASER_WORDS: usize = 60;
/// Longest summary under a headline with an author or a date.
const MAX_LONG_TEASER_WORDS: usize = 120;

/// Walks back from the end of the zone over "cards": one or more short
/// lines (headline, kicker, author, date) then one prose line of at most
/// [`MAX_TEASER_WORDS`] words. Article prose flows: two paragraphs follow
/// each other with nothing between them. So three or more cards in a row
/// at the end are a teaser list when they also show what articles do not:
/// a median of two or more lines between summaries (headline plus date or
/// author), chrome opening the run, or summaries cut short with an
/// ellipsis. A listicle ("1. Item" then its paragraph) has one heading per
/// item and no such marks, and stays body.
fn teaser_cards_at_end(
    doc: &Doc<'_>,
    decisions: &[Decision],
    start: usize,
    end: usize,
) -> Option<TeaserRun> {
    // A headline cut short ("... plus JBL he...") reads as prose but is
    // part of a card's furniture.
    // So is a headline printed twice (image link, then text link).
    let cut_headline = |k: usize| {
        doc.features[k].words <= 20
            && (ends_with_ellipsis(&doc.lines[k].text) || repeats_nearby(doc, k))
    };
    let is_summary = |k: usize| is_prose(&decisions[k]) && !cut_headline(k);
    let is_gap = |k: usize| {
        let d = &decisions[k];
        d.label != Label::Blank && d.label != Label::Caption && !is_summary(k)
    };
    let furniture = card_furniture(doc, decisions, start, end);
    let mut gaps = Vec::new();
    let mut truncated = 0;
    let mut k = end;
    let mut first_line = None;
    let mut opened_by_chrome = false;
    loop {
        // k is a prose line closing a card.
        if !is_summary(k) || doc.features[k].words > MAX_LONG_TEASER_WORDS {
            break;
        }
        let mut j = k;
        let mut gap = 0;
        let mut chrome_gap = false;
        let mut gap_line = None;
        while j > start {
            j -= 1;
            if is_summary(j) {
                break;
            }
            if is_gap(j) {
                gap_line = Some(j);
                // A sentence between summaries is article text, not a
                // headline or a date.
                if is_sentence(doc, j) && !cut_headline(j) {
                    return finish_teaser_run(
                        gaps,
                        truncated,
                        opened_by_chrome,
                        first_line,
                        k > start,
                    );
                }
                gap += 1;
                truncated += usize::from(cut_headline(j));
                chrome_gap |= is_recognised_chrome(&decisions[j]);
            }
        }
        // A summary under a headline alone must be short; under a headline
        // and an author or a date it may be a whole first paragraph.
        // So may one under a line of card furniture printed on every card
        // alike ("Share Save Download", "Read more"): an article's
        // paragraphs are not parted by the same line again and again.
        let short = doc.features[k].words <= MAX_TEASER_WORDS
            || gap_line.is_some_and(|g| furniture.contains(&doc.lines[g].text.as_str()));
        if gap == 0 || !is_summary(j) || (gap == 1 && !short) {
            break;
        }
        gaps.push(gap);
        opened_by_chrome = chrome_gap;
        truncated += usize::from(ends_with_ellipsis(&doc.lines[k].text));
        first_line = Some(j + 1);
        k = j;
    }
    finish_teaser_run(gaps, truncated, opened_by_chrome, first_line, k > start)
}

/// Fewest times a short line must stand in the zone to be card furniture.
const MIN_FURNITURE_REPEATS: usize = 3;
/// Longest line of card furniture.
const MAX_FURNITURE_WORDS: usize = 6;

/// Short lines, no sentences and no prose, that stand
/// [`MIN_FURNITURE_REPEATS`] times or more in the zone `start..=end`: the
/// buttons or labels every card of a list repeats.
fn card_furniture<'d>(
    doc: &Doc<'d>,
    decisions: &[Decision],
    start: usize,
    end: usize,
) -> Vec<&'d str> {
    let mut counts: crate::hash::FxHashMap<&str, usize> = crate::hash::FxHashMap::default();
    for (k, d) in decisions.iter().enumerate().take(end + 1).skip(start) {
        let f = &doc.features[k];
        if d.label != Label::Blank
            && !is_prose(d)
            && !f.ends_sentence
            && f.words <= MAX_FURNITURE_WORDS
        {
            *counts.entry(doc.lines[k].text.as_str()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= MIN_FURNITURE_REPEATS)
        .map(|(text, _)| text)
        .collect()
}

/// Judges the cards [`teaser_cards_at_end`] collected.
fn finish_teaser_run(
    mut gaps: Vec<usize>,
    truncated: usize,
    opened_by_chrome: bool,
    first_line: Option<usize>,
    prose_left: bool,
) -> Option<TeaserRun> {
    let cards = gaps.len();
    if cards < MIN_TEASER_CARDS || !prose_left {
        return None;
    }
    gaps.sort_unstable();
    let median_gap = gaps[cards / 2];
    let marked = median_gap >= 2 || opened_by_chrome || truncated >= 2;
    marked.then(|| TeaserRun {
        first_line: first_line.expect("at least one card"),
        cards,
        median_gap,
        truncated,
    })
}

/// The same text stands on one of the three non-blank lines before or after.
fn repeats_nearby(doc: &Doc<'_>, k: usize) -> bool {
    let text = &doc.lines[k].text;
    let same = |j: &usize| doc.lines[*j].text == *text;
    let before = (0..k).rev().filter(|&j| !doc.lines[j].is_blank()).take(3);
    let after = (k + 1..doc.lines.len())
        .filter(|&j| !doc.lines[j].is_blank())
        .take(3);
    !text.is_empty() && (before.clone().any(|j| same(&j)) || after.clone().any(|j| same(&j)))
}

fn ends_with_ellipsis(text: &str) -> bool {
    let t = text.trim_end_matches([']', ')', ' ']);
    t.ends_with("...") || t.ends_with('…')
}

/// Longest run of list items kept between two body paragraphs.
const MAX_LIST_ITEMS: usize = 40;

/// Two or more short lines that are no sentences, between body paragraphs
/// of the zone, are a list inside the article (steps, a calendar, a recipe),
/// not a menu: a menu does not stand between paragraphs.
fn lists_inside_body(doc: &Doc<'_>, decisions: &mut [Decision], in_zone: &[bool]) {
    // On a page, short lines in the article's element are body already
    // (`InContainer`); they may still be a "read also" box.
    let is_item = |d: &Decision, k: usize| {
        in_zone[k]
            && doc.features[k].words <= 25
            && (matches!(d.class, Class::Short | Class::Bad)
                || matches!(
                    d.reason,
                    Reason::MenuRun { .. } | Reason::InContainer { .. }
                ))
    };
    let mut k = 0;
    while k < decisions.len() {
        if decisions[k].label != Label::Body {
            k += 1;
            continue;
        }
        let mut items = Vec::new();
        let mut j = k + 1;
        while j < decisions.len() && items.len() <= MAX_LIST_ITEMS {
            if decisions[j].label == Label::Blank {
                j += 1;
            } else if is_item(&decisions[j], j) {
                items.push(j);
                j += 1;
            } else {
                break;
            }
        }
        let closed_by_body = j < decisions.len() && decisions[j].label == Label::Body;
        // Under the last paragraph, the box is followed by page furniture
        // (a counter, share buttons, the comments) or by nothing at all.
        let closed_by_chrome = j == decisions.len() || decisions[j].label == Label::Chrome;
        if closed_by_body && let Some(headlines) = headline_list_shape(doc, &items) {
            unnamed_related_list(doc, decisions, &items, headlines);
        } else if closed_by_chrome
            && let Some(headlines) = headline_list_shape(doc, &items)
            && !rows_of_one_shape(doc, &items[1..=headlines])
        {
            // No paragraph follows for a sub-heading to open: the box ends
            // the article, and what the element holds under it is not body.
            unnamed_related_list(doc, decisions, &items[..=headlines], headlines);
            for &k in &items[headlines + 1..] {
                decisions[k] = Decision::chrome(Reason::AfterArticleEnd {
                    marker: items[0] + 1,
                });
            }
        } else if closed_by_body && (2..=MAX_LIST_ITEMS).contains(&items.len()) {
            let count = items.len();
            for &item in &items {
                if decisions[item].label != Label::Body {
                    decisions[item] = body(Reason::ListInBody { count });
                }
            }
        }
        k = j.max(k + 1);
    }
}

/// Fewest words of a headline in a list of links to other articles.
const MIN_LINKED_HEADLINE_WORDS: usize = 4;
/// Most words of the header over such a list ("Read also", "More on this").
const MAX_LIST_HEADER_WORDS: usize = 4;

/// A "read also" box inside the article, in a language whose header no
/// phrase list knows: a short header, two or more headlines of other
/// articles, and maybe the article's next sub-heading, shorter than any
/// of them, right above the paragraph it opens. An article's own list
/// (ingredients, steps, dates) has no header of a few words over items
/// that are all longer headlines without a stop, all different, none
/// opening with a figure. Returns how many of `items` after the header are headlines.
fn headline_list_shape(doc: &Doc<'_>, items: &[usize]) -> Option<usize> {
    let (&header, rest) = items.split_first()?;
    let header_words = doc.features[header].words;
    if header_words == 0
        || header_words > MAX_LIST_HEADER_WORDS
        || doc.features[header].ends_sentence
    {
        return None;
    }
    let is_headline = |k: usize| {
        let f = &doc.features[k];
        f.is_headline_like()
            && f.words >= MIN_LINKED_HEADLINE_WORDS
            && f.words > header_words
            && !doc.lines[k]
                .text
                .trim_start()
                .starts_with(|c: char| c.is_numeric() || "-•*–·".contains(c))
    };
    // The last line is the next sub-heading when it is shorter than every
    // headline, two or more, before it. (A sub-heading ending with "?"
    // is a sentence and no item: then the last item is a headline.)
    let headlines = match rest.split_last() {
        Some((&last, before))
            if before.len() >= 2
                && doc.features[last].words
                    < before.iter().map(|&k| doc.features[k].words).min()? =>
        {
            before.len()
        }
        _ => rest.len(),
    };
    // Headlines of different articles differ; a table's header row
    // printed twice ("Pos Player Plays") does not.
    let distinct = rest[..headlines].iter().enumerate().all(|(n, &a)| {
        rest[..n]
            .iter()
            .all(|&b| doc.lines[a].text != doc.lines[b].text)
    });
    (headlines >= 2 && distinct && rest[..headlines].iter().all(|&k| is_headline(k)))
        .then_some(headlines)
}

/// Whether most of `items` are rows of one table: half or more of them
/// have a [`row_shape`] with marks, and those all share it ("Austria (Group
/// G): Third appearance"). Headlines of different articles seldom do.
fn rows_of_one_shape(doc: &Doc<'_>, items: &[usize]) -> bool {
    let shapes: Vec<_> = items
        .iter()
        .filter_map(|&k| row_shape(&doc.lines[k].text))
        .filter(|shape| !shape.1.is_empty())
        .collect();
    2 * shapes.len() >= items.len()
        && shapes
            .split_first()
            .is_some_and(|(first, rest)| rest.iter().all(|s| same_shape(first, s)))
}

/// Marks the header and headlines that [`headline_list_shape`] found as
/// chrome, and the sub-heading after them, if any, as body.
fn unnamed_related_list(
    doc: &Doc<'_>,
    decisions: &mut [Decision],
    items: &[usize],
    headlines: usize,
) {
    let header = doc.lines[items[0]].text.clone();
    decisions[items[0]] = Decision::chrome(Reason::SectionHeader {
        header: header.clone(),
        by: "shape: short line over headlines between paragraphs",
    });
    for &k in &items[1..=headlines] {
        decisions[k] = Decision::chrome(Reason::RelatedHeadline {
            header: header.clone(),
            count: headlines,
        });
    }
    for &k in &items[headlines + 1..] {
        decisions[k] = body(Reason::SubHeading {
            words: doc.features[k].words,
        });
    }
}

/// A body line ending with a colon announces what follows ("Here are the
/// deals:"): the items below it, up to the next blank-line gap of two or a
/// line of page furniture, are the article's own list.
fn introduced_lists(doc: &Doc<'_>, decisions: &mut [Decision]) {
    let mut k = 0;
    while k < decisions.len() {
        // The announcing line is body, or a short line right after body
        // ("Here are the offers:") that the prose rules found too short.
        let announces = doc.lines[k].text.ends_with([':', '：'])
            && match decisions[k].label {
                Label::Body => true,
                _ => {
                    decisions[k].class != Class::Fixed
                        && doc.features[k].words >= 3
                        && doc
                            .prev_text(k)
                            .is_some_and(|p| decisions[p].label == Label::Body)
                }
            };
        let opens = announces && !matches!(decisions.get(k + 1), Some(d) if d.label == Label::Body);
        if !opens {
            k += 1;
            continue;
        }
        let mut items = Vec::new();
        let mut blanks = 0;
        let mut j = k + 1;
        while j < decisions.len() && items.len() < MAX_LIST_ITEMS {
            let d = &decisions[j];
            if d.label == Label::Blank {
                blanks += 1;
                if blanks >= 2 {
                    break;
                }
            } else if matches!(d.reason, Reason::BareUrl) {
                // A shop link under its item: neither item nor end.
            } else if d.label == Label::Body
                || d.class == Class::Fixed
                || doc.features[j].words > MAX_LIST_ITEM_WORDS
            {
                break;
            } else {
                blanks = 0;
                items.push(j);
            }
            j += 1;
        }
        let count = items.len();
        if count >= 2 {
            if decisions[k].label != Label::Body {
                decisions[k] = body(Reason::IntroducedList { count });
            }
            for &item in &items {
                decisions[item] = body(Reason::IntroducedList { count });
            }
        }
        k = j.max(k + 1);
    }
}

/// Longest item of a list announced by a colon.
const MAX_LIST_ITEM_WORDS: usize = 40;

fn is_prose(d: &Decision) -> bool {
    matches!(d.class, Class::Good | Class::NearGood)
}

/// A line a classifier was sure is chrome (a counter, a menu phrase...).
fn is_recognised_chrome(d: &Decision) -> bool {
    d.class == Class::Fixed && d.label == Label::Chrome
}

fn body(reason: Reason) -> Decision {
    Decision {
        label: Label::Body,
        reason,
        class: Class::NearGood,
        value: None,
    }
}

/// The next non-blank line is prose inside the zone.
fn next_is_body(doc: &Doc<'_>, decisions: &[Decision], k: usize, in_zone: &[bool]) -> bool {
    doc.next_text(k)
        .is_some_and(|n| in_zone[n] && is_prose(&decisions[n]))
}

/// The previous non-blank line is body inside the zone.
fn prev_is_body(doc: &Doc<'_>, decisions: &[Decision], k: usize, in_zone: &[bool]) -> bool {
    doc.prev_text(k).is_some_and(|p| {
        in_zone[p] && (is_prose(&decisions[p]) || decisions[p].label == Label::Body)
    })
}

/// Lines of the article's opening that [`lead_without_stop`] looks back
/// over for the paragraph: one or two, the second paragraph included.
const MAX_LEAD_LINES: usize = 2;

/// Least stopword share of a long line taken for a paragraph.
const MIN_LEAD_STOPWORDS: f32 = 0.3;

/// The article's opening lines whose full stops a dump lost (paragraphs
/// ending in a link or a bold phrase often do) read as no sentence: the
/// first one, longer than any headline, is not prose, and the short one
/// under it looks like a headline, so the title walk would take it. When a
/// date or byline line stands right above a line longer than
/// [`MAX_TITLE_WORDS`] with prose's stopwords, and only one or two
/// headline-like lines lie between that line and the body, they are all
/// the article's opening: body. Returns the new first body line.
fn lead_without_stop(doc: &Doc<'_>, decisions: &mut [Decision], first_body: usize) -> usize {
    let mut between = Vec::new();
    let mut k = first_body;
    while let Some(p) = doc.prev_text(k) {
        let (d, f) = (&decisions[p], &doc.features[p]);
        if d.class == Class::Fixed || d.label == Label::Body {
            return first_body;
        }
        let long_lead = f.words > MAX_TITLE_WORDS
            && !f.ends_sentence
            && f.stopword_share().is_some_and(|s| s >= MIN_LEAD_STOPWORDS);
        if long_lead {
            let header_above = doc
                .prev_text(p)
                .is_some_and(|a| matches!(decisions[a].label, Label::Date | Label::Byline));
            if !header_above {
                return first_body;
            }
            for j in std::iter::once(p).chain(between) {
                decisions[j] = body(Reason::LeadWithoutStop {
                    words: doc.features[j].words,
                });
            }
            return p;
        }
        if between.len() >= MAX_LEAD_LINES || !(2..=MAX_TITLE_WORDS).contains(&f.words) {
            return first_body;
        }
        between.push(p);
        k = p;
    }
    first_body
}

/// Step 5. Walks up from the first body line past dates, bylines, captions
/// and widget words. The first headline-like line met is the title, unless
/// the line above it is headline-like too: then that one is the title and
/// the lower one the subtitle. A sentence right above the body counts as the
/// subtitle when a headline stands above it. A name next to a date line on
/// the way is the byline. Last, a first body paragraph that the byline or
/// date lines separate from the rest of the body is the standfirst.
fn title_and_subtitle(
    doc: &Doc<'_>,
    decisions: &mut [Decision],
    first_body: usize,
    config: &ContextConfig,
) {
    // The page's metadata may have named the headline's line already: then
    // there is no second title to find, only its standfirst.
    if let Some(known) = (0..first_body).rfind(|&k| decisions[k].label == Label::Title) {
        header_after(doc, decisions, known);
        return;
    }
    let mut candidates: Vec<usize> = Vec::new();
    // Chrome lines the walk stepped over, nearest first: a title and its
    // standfirst stand together, with nothing but a date or byline between.
    let mut skipped_chrome: Vec<usize> = Vec::new();
    let mut seen = 0;
    let mut k = first_body;
    while k > 0 && seen < config.title_window && candidates.len() < 3 {
        k -= 1;
        let d = &decisions[k];
        if d.label == Label::Blank {
            continue;
        }
        seen += 1;
        let f = &doc.features[k];
        // Checked before the widget rule below, which would step over
        // these three-word lines as buttons.
        if candidates.is_empty()
            && let Some(byline) = one_letter_byline(doc, decisions, k)
        {
            decisions[k] = byline;
            continue;
        }
        match d.class {
            Class::Fixed if matches!(d.label, Label::Date | Label::Byline) => {
                // The article's header (title, standfirst, byline) stands
                // above its date: lines of one to three words between the
                // date and the body are buttons ("Share"), not a title.
                candidates.retain(|&c| doc.features[c].words > MAX_WIDGET_WORDS);
                continue;
            }
            Class::Fixed if d.label == Label::Caption => continue,
            // Short widget words ("Share", "Comment (0)") between the title
            // and the body are skipped; a site header or a list ends the walk.
            Class::Fixed if f.words <= 3 && !is_section_header(d) => {
                skipped_chrome.push(k);
                continue;
            }
            Class::Fixed => break,
            _ => {}
        }
        if candidates.is_empty()
            && let Some(byline) = name_byline(doc, decisions, k)
        {
            decisions[k] = byline;
            continue;
        }
        let text = &doc.lines[k].text;
        let headline = (2..=MAX_TITLE_WORDS).contains(&f.words)
            && (!f.ends_sentence || text.ends_with(['?', '!']));
        let standfirst = candidates.is_empty() && f.ends_sentence && (4..=60).contains(&f.words);
        if headline || standfirst {
            candidates.push(k);
        } else if !candidates.is_empty() || d.label == Label::Body || f.words > 3 {
            break;
        }
    }
    // A line of one to three words right above the body ("Share this
    // article") stands aside for a longer headline above it.
    if candidates.len() >= 2
        && doc.features[candidates[0]].words <= 3
        && doc.features[candidates[1]].words >= 4
    {
        candidates.remove(0);
    }
    candidates.truncate(2);
    // A widget row between two candidates parts them: the upper one belongs
    // to the page header ("Home Blog Docs"), not to the article.
    if let [near, far] = candidates[..]
        && skipped_chrome.iter().any(|&c| far < c && c < near)
    {
        candidates.truncate(1);
    }
    let is_headline =
        |k: usize| !doc.features[k].ends_sentence || doc.lines[k].text.ends_with(['?', '!']);
    let title = match candidates.as_slice() {
        [title] if is_headline(*title) => *title,
        [sub, title] if is_headline(*title) && doc.features[*sub].words >= 4 => {
            decisions[*sub] = subtitle_decision(doc, *sub);
            *title
        }
        [sub, _] if is_headline(*sub) => *sub,
        _ => return,
    };
    decisions[title] = Decision::fixed(
        Label::Title,
        Reason::Title {
            words: doc.features[title].words,
        },
    );
    header_after(doc, decisions, title);
}

/// The standfirst, bylines and dates under the title, down to the first
/// body line that is not the standfirst.
fn header_after(doc: &Doc<'_>, decisions: &mut [Decision], title: usize) {
    standfirst_after(doc, decisions, title);
    let first_text =
        first_paragraph(doc, decisions, title + 1, decisions.len() - 1).unwrap_or(decisions.len());
    header_under_title(doc, decisions, title, first_text);
}

/// A byline written "<one letter> <name>" next to the date (see
/// [`one_letter_prefix_name`]).
fn one_letter_byline(doc: &Doc<'_>, decisions: &[Decision], k: usize) -> Option<Decision> {
    if matches!(
        decisions[k].label,
        Label::Date | Label::Byline | Label::Caption
    ) {
        return None;
    }
    let (prefix, name) = one_letter_prefix_name(&doc.lines[k].text)?;
    next_to_date(doc, decisions, k).then(|| {
        Decision::fixed(
            Label::Byline,
            Reason::OneLetterBylinePrefix {
                prefix: prefix.to_string(),
            },
        )
        .with_value(name.to_string())
    })
}

/// A name next to the date, bare ("Anna Weber"), after a "by" the body
/// uses as a word, or after a label and a colon ("Autor: Ana Pop"). For
/// lines no classifier was sure of.
fn name_byline(doc: &Doc<'_>, decisions: &[Decision], k: usize) -> Option<Decision> {
    if decisions[k].class == Class::Fixed || !next_to_date(doc, decisions, k) {
        return None;
    }
    let text = &doc.lines[k].text;
    if doc.features[k].words >= 2 && is_name_like(doc, k) {
        return Some(match prefix_used_as_word(doc, decisions, k) {
            Some((prefix, name)) => Decision::fixed(
                Label::Byline,
                Reason::BylinePrefixFromBody {
                    prefix: prefix.to_string(),
                },
            )
            .with_value(name.to_string()),
            None => byline_decision(
                doc,
                k,
                Reason::NameByDate {
                    words: doc.features[k].words,
                },
            ),
        });
    }
    let (label, name) = labelled_name(text)?;
    Some(
        Decision::fixed(
            Label::Byline,
            Reason::LabelledNameByDate {
                label: label.to_string(),
            },
        )
        .with_value(name.to_string()),
    )
}

/// A date line under the headline that opens with a name: "Ayşe Demirci
/// 12.03.2024 - 14:35", a reporter's name and the date set side by side
/// (on a page, in spans of one row). The words before the date are two to
/// four capitalised words of letters, no stopword of the document's
/// language ("Posted On") and no word the body writes in lower case
/// ("Last Updated"): a name, not a label; and no comma before the date,
/// which follows a place or a weekday there. Cased scripts only: elsewhere
/// no capital tells a name.
fn name_before_date(doc: &Doc<'_>, decisions: &[Decision], k: usize) -> Option<Decision> {
    let Reason::DateLine { date } = &decisions[k].reason else {
        return None;
    };
    let text = &doc.lines[k].text;
    let found = crate::date::find_date(text, doc.lang == Some("en"))?;
    // "Valdemora, 06/05/2024", "Monday, November 18": a comma before the
    // date follows a place or a weekday.
    let before = text[..found.start].trim();
    if before.ends_with(',') {
        return None;
    }
    let name = before
        .trim_end_matches(['|', '-', '–', '—', '·', '•', '/'])
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c))
    };
    if !(2..=4).contains(&words.len()) || !words.iter().all(name_word) {
        return None;
    }
    let lowered: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let stopwords = doc.lang.and_then(|l| doc.lexicon.stopwords(l));
    if stopwords.is_some_and(|s| lowered.iter().any(|w| s.contains(w.as_str()))) {
        return None;
    }
    let in_body = body_words(doc, decisions).any(|w| lowered.iter().any(|l| l == w));
    (!in_body).then(|| {
        Decision::fixed(Label::Byline, Reason::NameBeforeDate { date: date.clone() })
            .with_value(name.to_string())
    })
}

/// The lines between the title and the first paragraph are the article's
/// header: bylines are found there by the title walk's rules (the walk
/// starts above the first body line, and a standfirst above the byline
/// was that line), and the line right under the title, when it reads as a
/// headline or a sentence of four words or more, is the standfirst.
fn header_under_title(doc: &Doc<'_>, decisions: &mut [Decision], title: usize, first_body: usize) {
    for k in title + 1..first_body {
        if decisions[k].label == Label::Blank {
            continue;
        }
        if let Some(byline) = one_letter_byline(doc, decisions, k)
            .or_else(|| name_byline(doc, decisions, k))
            .or_else(|| name_before_date(doc, decisions, k))
        {
            decisions[k] = byline;
        }
    }
    if let Some(first) = doc.next_text(title)
        && first < first_body
        && decisions[first].class != Class::Fixed
        && !matches!(decisions[first].reason, Reason::Highlight { .. })
    {
        let f = &doc.features[first];
        let text = &doc.lines[first].text;
        let headline = (4..=MAX_TITLE_WORDS).contains(&f.words)
            && (!f.ends_sentence || text.ends_with(['?', '!']));
        let sentence = f.ends_sentence && (4..=60).contains(&f.words);
        // A dateline ("2024-04-28 08:00 Source: ...") is no standfirst.
        let dateline = text.starts_with(|c: char| c.is_ascii_digit()) || has_clock_time(text);
        if (headline || sentence) && !dateline {
            decisions[first] = subtitle_decision(doc, first);
        }
    }
}

/// The first line under the title is the standfirst when it is a body
/// sentence that byline or date lines cut off from the body below.
fn standfirst_after(doc: &Doc<'_>, decisions: &mut [Decision], title: usize) {
    let Some(first) = doc.next_text(title) else {
        return;
    };
    if decisions[first].label != Label::Body {
        return;
    }
    let mut k = first;
    let mut separated = false;
    while let Some(next) = doc.next_text(k) {
        match decisions[next].label {
            Label::Date | Label::Byline => separated = true,
            Label::Body if separated => {
                decisions[first] = subtitle_decision(doc, first);
                return;
            }
            // Share buttons and the like.
            Label::Chrome if doc.features[next].words <= 4 => {}
            _ => return,
        }
        k = next;
    }
}

fn subtitle_decision(doc: &Doc<'_>, k: usize) -> Decision {
    Decision::fixed(
        Label::Subtitle,
        Reason::Subtitle {
            words: doc.features[k].words,
        },
    )
}

fn byline_decision(doc: &Doc<'_>, k: usize, reason: Reason) -> Decision {
    Decision::fixed(Label::Byline, reason).with_value(doc.lines[k].text.clone())
}

/// Longest byline preposition, in characters ("by", "von", "nga", "ni",
/// Hausa "daga", Malay "oleh").
const MAX_PREFIX_CHARS: usize = 4;

/// A name line of three or more words whose short first word the
/// article's body uses, in lower case, as an ordinary word ("Nga Arta
/// Hoxha" over "... nga një program..."; "Ni Maricel Dela Cruz" over "sabi
/// ni Aling..."): that word is the byline's "by", in whatever language. A
/// given name ("Ana", "Tom") is not written in lower case inside
/// sentences. Returns the prefix and the name after it.
fn prefix_used_as_word<'t>(
    doc: &'t Doc<'_>,
    decisions: &[Decision],
    k: usize,
) -> Option<(&'t str, &'t str)> {
    let text = doc.lines[k].text.as_str();
    let (prefix, name) = text.split_once(' ')?;
    if name.split_whitespace().count() < 2
        || prefix.chars().count() > MAX_PREFIX_CHARS
        || !prefix.chars().next()?.is_uppercase()
    {
        return None;
    }
    let lower = prefix.to_lowercase();
    let used = body_words(doc, decisions).any(|w| w == lower);
    used.then_some((prefix, name.trim()))
}

/// The words of the body lines as written (split at every character that
/// is no letter or digit): a word found there in lower case is an
/// ordinary word of the language, not part of a name.
fn body_words<'d>(doc: &'d Doc<'_>, decisions: &'d [Decision]) -> impl Iterator<Item = &'d str> {
    (0..decisions.len())
        .filter(|&j| decisions[j].label == Label::Body)
        .flat_map(|j| doc.lines[j].text.split(|c: char| !c.is_alphanumeric()))
}

/// A name line in an uncased script whose first word is a single letter
/// ("በ ሰላማዊት ተስፋዬ", Amharic "by"; "글 김민지", Korean "text"): in
/// scripts without capitals no capital marks the name, and a name of
/// their own has no one-letter word, so that word is the byline's "by".
/// The name after it is one to three words of uncased letters and marks
/// (vowel signs, viramas), no digits nor punctuation. Cased scripts are
/// [`prefix_used_as_word`]'s. Returns the letter and the name.
fn one_letter_prefix_name(text: &str) -> Option<(&str, &str)> {
    let (prefix, name) = text.trim().split_once(' ')?;
    let name = name.trim();
    let mut letters = prefix.chars();
    let letter = letters.next()?;
    let uncased = |c: char| !c.is_uppercase() && !c.is_lowercase();
    let name_char = |c: char| {
        c.is_whitespace()
            || (uncased(c)
                && !c.is_ascii()
                && !c.is_numeric()
                && !"«»“”„‘’।॥።፣፤፥፦፧、。，：；".contains(c))
    };
    (letters.next().is_none()
        && letter.is_alphabetic()
        && uncased(letter)
        && (1..=3).contains(&name.split_whitespace().count())
        && name.chars().all(name_char))
    .then_some((prefix, name))
}

/// Most words of a button or label that the title walk steps over.
const MAX_WIDGET_WORDS: usize = 3;

/// The label and the name in "<label>: <name>", a byline in any language
/// ("Autor: Ana Pop", "رپورٹ: عائشہ خان"): one word, a colon, then one to four words
/// without digits nor further marks that label or link. Uncased scripts
/// give no capital to check, so the colon and the date beside the line
/// are what tell it.
fn labelled_name(text: &str) -> Option<(&str, &str)> {
    // Armenian marks a label with "՝" ("Հեղինակ՝ Անի Պետրոսյան").
    let (label, name) = text.split_once([':', '：', '՝'])?;
    let (label, name) = (label.trim(), name.trim());
    let words = name.split_whitespace().count();
    (label.split_whitespace().count() == 1
        && (1..=4).contains(&words)
        && !name
            .chars()
            .any(|c| c.is_numeric() || ":|()[]@/&!?«»\"".contains(c)))
    .then_some((label, name))
}

/// The label and the name in "<label>: <name>" under the last paragraph ("Muallif:
/// Malika Yusupova", "Autor: Jan Kowalski"): a [`labelled_name`] of two to
/// four words, no comma (a list of tags), each capitalised in a cased
/// script.
fn labelled_author(text: &str) -> Option<(&str, &str)> {
    let (label, name) = labelled_name(text)?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_lowercase())
    };
    ((2..=4).contains(&words.len()) && !name.contains(',') && words.iter().all(capitalised))
        .then_some((label, name))
}

/// One to four capitalised words, no digits, no sentence, no punctuation
/// that labels or links: a person's name ("KHANH MINH", "Anna Weber").
fn is_name_like(doc: &Doc<'_>, k: usize) -> bool {
    let f = &doc.features[k];
    let text = &doc.lines[k].text;
    (1..=4).contains(&f.words)
        && f.digits == 0
        && !f.ends_sentence
        && f.cased_words == f.words
        && f.capital_share() >= 1.0
        && !text.contains([':', '՝', '|', '(', '[', '@', '/', '&', '!', '?'])
}

/// A name written in capitals: "KHANH MINH", "ОЛЕНА КОВАЛЬ"; or a
/// Japanese name with the space between family and given name ("高田 美咲"),
/// which running text never has.
fn is_capitalized_name(doc: &Doc<'_>, k: usize) -> bool {
    let text = &doc.lines[k].text;
    (is_name_like(doc, k) && doc.features[k].words >= 2 && !text.chars().any(char::is_lowercase))
        || is_spaced_cjk_name(text)
}

/// Two runs of one to four ideographs or kana, one space between them.
fn is_spaced_cjk_name(text: &str) -> bool {
    let mut parts = text.split([' ', '\u{3000}']);
    let (Some(family), Some(given), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let is_cjk = |c: char| matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF);
    [family, given]
        .iter()
        .all(|p| (1..=4).contains(&p.chars().count()) && p.chars().all(is_cjk))
}

/// The line above or below is a date line.
fn next_to_date(doc: &Doc<'_>, decisions: &[Decision], k: usize) -> bool {
    [doc.prev_text(k), doc.next_text(k)]
        .into_iter()
        .flatten()
        .any(|j| decisions[j].label == Label::Date)
}

/// How far below the body an author's name in capitals may stand.
const AUTHOR_WINDOW: usize = 8;

/// Step 6. "KHANH MINH" alone after the last paragraph, or a name in
/// capitals a few lines further down, past related links and widgets.
/// Fewest rows that make a table.
const MIN_TABLE_ROWS: usize = 4;
/// Longest table row, in words.
const MAX_TABLE_ROW_WORDS: usize = 20;

/// The shape of a table row: whether it opens with a digit, and the set of
/// punctuation marks it uses. "June 9 – West Palm Beach, FL @ Coral Sky" and
/// "June 10 – Tampa, FL @ MIDFLORIDA" share one; a footer's address, phone
/// number and links do not.
fn row_shape(text: &str) -> Option<(bool, Vec<char>)> {
    let opens_with_digit = text.chars().next().is_some_and(|c| c.is_ascii_digit());
    let mut marks: Vec<char> = text.chars().filter(|&c| is_punctuation(c)).collect();
    marks.sort_unstable();
    marks.dedup();
    // A row holds a number or a structure of marks ("England (Group A):
    // 10th appearance"); a menu item or a headline has neither.
    let has_digit = text.chars().any(|c| c.is_ascii_digit());
    (has_digit || marks.len() >= 2).then_some((opens_with_digit, marks))
}

/// Whether `c` is a punctuation mark or symbol: ASCII ones and those of
/// the Latin-1, general, CJK and full-width punctuation blocks, and the
/// stops of the Arabic, Devanagari and Ethiopic scripts. (Not "neither
/// letter nor digit": the vowel signs of Indic scripts are neither, and
/// every Tamil headline would share them.)
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{A1}'..='\u{BF}' | '\u{D7}' | '\u{F7}'
            | '\u{2010}'..='\u{205E}' | '\u{20A0}'..='\u{20CF}'
            | '\u{3000}'..='\u{303F}'
            | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}'
            | '\u{60C}' | '\u{61B}' | '\u{61F}' | '\u{6D4}'
            | '\u{964}' | '\u{965}'
            | '\u{1361}'..='\u{1368}')
}

/// Two rows have one shape when both open alike and the marks of one are
/// all in the other (a row may add a parenthesis, not drop the separator).
fn same_shape(a: &(bool, Vec<char>), b: &(bool, Vec<char>)) -> bool {
    let within = |x: &[char], y: &[char]| x.iter().all(|c| y.contains(c));
    a.0 == b.0 && (within(&a.1, &b.1) || within(&b.1, &a.1))
}

/// A table right after the last paragraph (tour dates, standings, results):
/// four or more rows of one shape, each holding a number or two kinds of
/// marks, under at most one header line. Menus have neither, footers no
/// common shape.
fn table_after_body(doc: &Doc<'_>, decisions: &mut [Decision], last_body: usize) {
    let Some(mut k) = doc.next_text(last_body) else {
        return;
    };
    let header = (row_shape(&doc.lines[k].text).is_none()
        && doc.features[k].is_headline_like()
        && decisions[k].class != Class::Fixed)
        .then_some(k);
    if header.is_some() {
        let Some(next) = doc.next_text(k) else {
            return;
        };
        k = next;
    }
    let Some(shape) = row_shape(&doc.lines[k].text) else {
        return;
    };
    let mut rows = Vec::new();
    let mut row = Some(k);
    while let Some(r) = row {
        let d = &decisions[r];
        let fits = d.label == Label::Chrome
            && !matches!(d.class, Class::Fixed)
            && doc.features[r].words <= MAX_TABLE_ROW_WORDS
            && row_shape(&doc.lines[r].text).is_some_and(|row| same_shape(&shape, &row));
        if !fits {
            break;
        }
        rows.push(r);
        row = doc.next_text(r);
    }
    let count = rows.len();
    if count < MIN_TABLE_ROWS {
        return;
    }
    for r in header.into_iter().chain(rows) {
        decisions[r] = body(Reason::TableAfterBody { rows: count });
    }
}

fn author_after_body(doc: &Doc<'_>, decisions: &mut [Decision], last_body: usize) {
    let mut k = last_body;
    for seen in 0..AUTHOR_WINDOW {
        let Some(next) = doc.next_text(k) else {
            return;
        };
        k = next;
        let right_after = seen == 0 && is_name_like(doc, k);
        if seen == 0
            && decisions[k].class != Class::Fixed
            && let Some((label, name)) = labelled_author(&doc.lines[k].text)
        {
            decisions[k] = Decision::fixed(
                Label::Byline,
                Reason::LabelledNameAfterBody {
                    label: label.to_string(),
                },
            )
            .with_value(name.to_string());
            return;
        }
        if decisions[k].class != Class::Fixed && (right_after || is_capitalized_name(doc, k)) {
            let words = doc.features[k].words;
            decisions[k] = byline_decision(doc, k, Reason::AuthorAfterBody { words });
            return;
        }
        if decisions[k].label == Label::Body {
            return;
        }
    }
}

/// Step 7. Two captions side by side (blank lines aside) where one is in the
/// document's language and the other is not: the other is the original the
/// site left untranslated.
fn untranslated_captions(doc: &Doc<'_>, decisions: &mut [Decision]) {
    untranslated_captions_by(doc, decisions, detect_language);
}

/// [`untranslated_captions`] with the language detector as a parameter,
/// for the tests.
/// Least share of the document language's stopwords in a caption that
/// shows it is written in that language.
const MIN_CAPTION_STOPWORD_SHARE: f32 = 0.25;

fn untranslated_captions_by(
    doc: &Doc<'_>,
    decisions: &mut [Decision],
    mut detect: impl FnMut(&str) -> Option<&'static str>,
) {
    let Some(doc_lang) = doc.lang else {
        return;
    };
    // whatlang costs about half a million instructions a caption, and a
    // caption in a chain of three or more is the second line of one pair
    // and the first of the next: its language, detected for the one pair,
    // is kept for the next (by line number: the texts do not change).
    let mut last: Option<(usize, Option<&'static str>)> = None;
    let mut language_of = |line: usize| match last {
        Some((l, lang)) if l == line => lang,
        _ => {
            let lang = detect(&doc.lines[line].text);
            last = Some((line, lang));
            lang
        }
    };
    for k in 0..decisions.len() {
        if decisions[k].label != Label::Caption {
            continue;
        }
        let Some(next) = doc.next_text(k) else {
            continue;
        };
        if decisions[next].label != Label::Caption {
            continue;
        }
        // Two captions that both write the document language's little
        // words are both in it: no need to ask whatlang.
        let in_doc_language = |j: usize| {
            doc.features[j]
                .stopword_share()
                .is_some_and(|s| s >= MIN_CAPTION_STOPWORD_SHARE)
        };
        if in_doc_language(k) && in_doc_language(next) {
            continue;
        }
        // No pick without the first line's language: the second is then
        // not detected at all.
        let Some(a) = language_of(k) else {
            continue;
        };
        let pick = match language_of(next) {
            Some(b) if a != doc_lang && b == doc_lang => Some((k, a)),
            Some(b) if a == doc_lang && b != doc_lang => Some((next, b)),
            _ => None,
        };
        if let Some((line, lang)) = pick {
            decisions[line] = Decision::chrome(Reason::UntranslatedCaption { lang, doc_lang });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Features;
    use crate::line::Line;

    /// The pairing of `untranslated_captions` as it was before detections
    /// were remembered: both lines of every pair of captions detected.
    fn untranslated_captions_reference(
        doc: &Doc<'_>,
        decisions: &mut [Decision],
        detect: impl Fn(&str) -> Option<&'static str>,
    ) {
        let Some(doc_lang) = doc.lang else {
            return;
        };
        for k in 0..decisions.len() {
            if decisions[k].label != Label::Caption {
                continue;
            }
            let Some(next) = doc.next_text(k) else {
                continue;
            };
            if decisions[next].label != Label::Caption {
                continue;
            }
            let (a, b) = (detect(&doc.lines[k].text), detect(&doc.lines[next].text));
            let pick = match (a, b) {
                (Some(a), Some(b)) if a != doc_lang && b == doc_lang => Some((k, a)),
                (Some(a), Some(b)) if a == doc_lang && b != doc_lang => Some((next, b)),
                _ => None,
            };
            if let Some((line, lang)) = pick {
                decisions[line] = Decision::chrome(Reason::UntranslatedCaption { lang, doc_lang });
            }
        }
    }

    /// A stand-in detector: the language is the text's first word ("-"
    /// for none).
    fn fake_detect(text: &str) -> Option<&'static str> {
        match text.split(' ').next() {
            Some("en") => Some("en"),
            Some("fr") => Some("fr"),
            Some("de") => Some("de"),
            _ => None,
        }
    }

    proptest::proptest! {
        /// Remembering the last detection changes no decision, and no
        /// line is detected twice.
        #[test]
        fn untranslated_captions_match_the_pairwise_version(
            spec in proptest::collection::vec((0u8..4, 0u8..4), 0..24),
        ) {
            // (kind, language): kind 0 a blank line, 1 a caption, else
            // body; language 0..3 en/fr/de, 3 undetectable.
            let langs = ["en", "fr", "de", "xx"];
            let lines: Vec<Line> = spec
                .iter()
                .enumerate()
                .map(|(i, &(kind, lang))| Line {
                    n: i + 1,
                    text: if kind == 0 {
                        String::new()
                    } else {
                        format!("{} caption {i}", langs[lang as usize])
                    },
                    hints: None,
                })
                .collect();
            let mut scratch = String::new();
            let features: Vec<Features> = lines
                .iter()
                .map(|l| crate::features::measure(&l.text, None, &mut scratch))
                .collect();
            let doc = Doc {
                lines: &lines,
                features: &features,
                lang: Some("en"),
                lexicon: crate::lexicon::Lexicon::get(),
                stopword_median: None,
                blocks: &[],
            };
            let start: Vec<Decision> = spec
                .iter()
                .map(|&(kind, _)| match kind {
                    0 => Decision::fixed(Label::Blank, Reason::Blank),
                    1 => Decision::fixed(Label::Caption, Reason::Blank),
                    _ => Decision::fixed(Label::Body, Reason::Blank),
                })
                .collect();
            let mut expected = start.clone();
            untranslated_captions_reference(&doc, &mut expected, fake_detect);
            let mut got = start;
            let mut asked = vec![0; lines.len()];
            untranslated_captions_by(&doc, &mut got, |text| {
                let n: usize = text.rsplit(' ').next().unwrap().parse().unwrap();
                asked[n] += 1;
                fake_detect(text)
            });
            let labels = |d: &[Decision]| d.iter().map(|d| (d.label, format!("{:?}", d.reason))).collect::<Vec<_>>();
            proptest::prop_assert_eq!(labels(&got), labels(&expected));
            proptest::prop_assert!(asked.iter().all(|&n| n <= 1));
        }
    }

    #[test]
    fn best_run_finds_the_heaviest_stretch() {
        assert_eq!(
            best_run(&[-1.0, 5.0, -2.0, 4.0, -10.0, 3.0]),
            Some((1, 3, 7.0))
        );
        assert_eq!(best_run(&[-1.0, -2.0]), None);
    }

    /// Labels of every line of `dump`, by 1-based line number.
    /// Numbers of the lines labelled body.
    fn body_numbers(lines: &[(usize, Label, String)]) -> Vec<usize> {
        lines
            .iter()
            .filter(|l| l.1 == Label::Body)
            .map(|l| l.0)
            .collect()
    }

    fn labels(dump: &str) -> Vec<(usize, Label, String)> {
        let article = crate::Extractor::builder()
            .explain(true)
            .build()
            .extract_text(dump);
        article
            .lines
            .unwrap()
            .into_iter()
            .map(|l| (l.n, l.label, l.reason))
            .collect()
    }

    const PARAGRAPHS: [&str; 4] = [
        "The city council approved the new budget on Tuesday after a debate that lasted well into the evening, with most members backing the plan.",
        "The plan raises spending on schools and roads while it cuts the money set aside for several cultural projects that the opposition wanted to keep.",
        "Opposition members said that the cuts would hurt the small towns around the city more than the centre, and they promised to fight them next year.",
        "The mayor said that she understood the worries but that the city had to balance its books after two years in which costs rose faster than income.",
    ];

    /// Thirteen lines the rules are sure of (share buttons, legal links),
    /// each a small penalty: together less than a paragraph of prose weighs.
    const FOOTER_CHROME: [&str; 13] = [
        "Facebook",
        "Twitter",
        "LinkedIn",
        "WhatsApp",
        "Telegram",
        "Pinterest",
        "Reddit",
        "Email",
        "Print",
        "© 2024 Example News. All rights reserved.",
        "Privacy Policy",
        "Terms of Use",
        "Cookie settings",
    ];

    #[test]
    fn the_zone_does_not_run_across_a_long_stretch_of_chrome() {
        let rules = [
            "Users of this site must respect the law and all the other readers when they write their comments under any of our articles.",
            "The editors may delete any comment that insults other users or that advertises products and services without the consent of the site.",
        ];
        let dump = format!(
            "{}\n\n{}\n\n{}",
            PARAGRAPHS.join("\n\n"),
            FOOTER_CHROME.join("\n"),
            rules.join("\n\n")
        );
        let lines = labels(&dump);
        assert_eq!(lines[0].1, Label::Body, "{lines:?}");
        assert_eq!(lines[6].1, Label::Body, "{lines:?}");
        for (n, label, reason) in &lines[8..] {
            assert_ne!(*label, Label::Body, "line {n}: {reason}");
        }
    }

    #[test]
    fn one_long_paragraph_far_below_is_no_second_zone() {
        let disclaimer = "Market data on this site is provided by an outside vendor and is shown with a delay of at least fifteen minutes for all the exchanges, while the quotes of mutual funds are updated once a day after the markets close, and no figure here is advice to buy or to sell any of the securities that the pages of this site may mention.";
        let dump = format!(
            "{}\n\n{}\n\n{disclaimer}",
            PARAGRAPHS.join("\n\n"),
            FOOTER_CHROME.join("\n"),
        );
        let lines = labels(&dump);
        assert_eq!(lines[0].1, Label::Body, "{lines:?}");
        let last = lines.last().unwrap();
        assert_ne!(last.1, Label::Body, "{lines:?}");
    }

    #[test]
    fn teaser_cards_after_the_article_are_cut() {
        // The kicker is a credit of five words: under a bare two-word name
        // the dates are signed stamps, which the comments step cuts first.
        let mut dump = PARAGRAPHS.join("\n\n");
        for n in 0..4 {
            dump.push_str(&format!(
                "\n\nHeadline number {n} about another story\nBy Jane Roe, Staff Writer\nTuesday November 19, 2019\nA summary of the other story that tells readers what happened there in one sentence.",
            ));
        }
        let lines = labels(&dump);
        let body = body_numbers(&lines);
        assert_eq!(body, vec![1, 3, 5, 7], "{lines:?}");
        assert!(
            lines.iter().any(|l| l.2.contains("teaser cards")),
            "{lines:?}"
        );
    }

    #[test]
    fn long_cards_under_repeated_furniture_are_cut() {
        // Each card of a "more like this" list: the same row of buttons,
        // then a whole paragraph of another text. One-line gaps and long
        // summaries would pass for article paragraphs, but an article is
        // not parted by the same row again and again.
        let card = "Every morning the harbour wakes before the town does, and the fishermen \
            who come in with the tide sort their catch on the quay while the gulls wait on \
            the roofs of the old warehouses; by the time the cafés open the boats are washed, \
            the nets are hung to dry and the auction hall has already gone quiet again for \
            another day, as it has done every day for more than a century of hard work.";
        let mut dump = PARAGRAPHS.join("\n\n");
        dump.push_str("\n\nMore like this\n");
        for n in 0..4 {
            dump.push_str(&format!("\nSave Print Send\n{n}. {card}\n"));
        }
        let lines = labels(&dump);
        let body = body_numbers(&lines);
        assert_eq!(body, vec![1, 3, 5, 7], "{lines:?}");
    }

    #[test]
    fn a_listicle_keeps_its_items() {
        let mut dump = String::from(PARAGRAPHS[0]);
        for (n, p) in PARAGRAPHS.iter().enumerate().skip(1) {
            dump.push_str(&format!("\n\nItem number {n} of the list\n{p}"));
        }
        let lines = labels(&dump);
        let summaries = lines
            .iter()
            .filter(|l| {
                l.1 == Label::Body
                    && PARAGRAPHS
                        .iter()
                        .any(|p| dump.lines().nth(l.0 - 1) == Some(*p))
            })
            .count();
        assert_eq!(summaries, 4, "{lines:?}");
    }

    #[test]
    fn names_over_dates_after_the_article_are_comments_and_one_is_a_byline() {
        // Two commenters, each name over a date without a clock time, each
        // comment a sentence: the thread starts at the first name.
        let thread = "Ana Silva\n12 March 2024\nGreat news for the whole town, well done to everyone involved.\nReply\nPeter Nowak\n13 March 2024\nWill the buses run on Sundays too?\nReply";
        let dump = format!("{}\n{thread}", PARAGRAPHS.join("\n"));
        let lines = labels(&dump);
        assert_eq!(body_numbers(&lines), vec![1, 2, 3, 4], "{lines:?}");
        assert!(lines[5].2.contains("2 such pairs"), "{lines:?}");
        // One name over one date under the article is its signature.
        let signed = format!("{}\nAna Silva\n12 March 2024", PARAGRAPHS.join("\n"));
        let lines = labels(&signed);
        assert!(
            lines.iter().all(|l| !l.2.contains("such pairs")),
            "{lines:?}"
        );
        // An embedded post's text and its "— Name (@name) date" line are
        // no commenter and stamp.
        let posts = "we are. on. it. https://t.co/abc\n— Some One (@someone) November 19, 2019\nok. https://t.co/def\n— Other One (@other) November 18, 2019";
        let embedded = format!(
            "{}\n{posts}\n{}",
            PARAGRAPHS[..2].join("\n"),
            PARAGRAPHS[2..].join("\n")
        );
        let lines = labels(&embedded);
        assert!(
            lines.iter().all(|l| !l.2.contains("such pairs")),
            "{lines:?}"
        );
    }

    #[test]
    fn an_end_matter_header_ends_the_article() {
        let dump = format!(
            "{}\n\nSources:\n\nCongressional Budget Office, \"The effects of tariffs and trade barriers on the economy of the country,\" January 2019.",
            PARAGRAPHS.join("\n\n")
        );
        let lines = labels(&dump);
        assert_eq!(lines[8].1, Label::Chrome, "{lines:?}");
        assert_eq!(lines[10].1, Label::Chrome, "{lines:?}");
    }

    #[test]
    fn a_table_after_the_body_is_kept_and_a_footer_is_not() {
        let rows = "Tour dates\nJune 9 – West Palm Beach, FL @ Coral Sky\nJune 10 – Tampa, FL @ Midflorida Park\nJune 14 – Alpharetta, GA @ Ameris Bank (formerly Verizon)\nJune 17 – Nashville, TN @ Bridgestone Arena";
        let lines = labels(&format!("{}\n{rows}", PARAGRAPHS.join("\n")));
        for n in 5..=9 {
            assert_eq!(lines[n - 1].1, Label::Body, "{lines:?}");
        }
        let footer =
            "Offices\n1100 Connecticut Ave. NW\nSuite 1300B\nWashington, DC 20036\n727-821-9494";
        let lines = labels(&format!("{}\n{footer}", PARAGRAPHS.join("\n")));
        for n in 5..=9 {
            assert_ne!(lines[n - 1].1, Label::Body, "{lines:?}");
        }
    }

    #[test]
    fn a_short_header_over_headlines_between_paragraphs_is_a_related_box() {
        // A header no phrase list knows (Albanian "Lexo edhe"), two
        // headlines, then the article's next sub-heading.
        let dump = format!(
            "{}\n{}\nLexo edhe\nQyteti merr fonde per rrugen e re drejt bregdetit\nFestivali i folklorit do te mbahet ne korrik\nSfidat e rruges\n{}\n{}",
            PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[3]
        );
        let lines = labels(&dump);
        for n in 3..=5 {
            assert_eq!(lines[n - 1].1, Label::Chrome, "{lines:?}");
        }
        assert!(
            lines[2].2.contains("short line over headlines"),
            "{lines:?}"
        );
        assert_eq!(lines[5].1, Label::Body, "{lines:?}");
    }

    #[test]
    fn an_ingredient_list_between_paragraphs_stays() {
        let dump = format!(
            "{}\n{}\nIngredients\n2 cups of plain flour\n1 spoon of fine salt\nMethod\n{}\n{}",
            PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[3]
        );
        let lines = labels(&dump);
        for n in 3..=6 {
            assert_eq!(lines[n - 1].1, Label::Body, "{lines:?}");
        }
    }

    #[test]
    fn a_one_letter_prefix_in_an_uncased_script_introduces_a_name() {
        assert_eq!(
            one_letter_prefix_name("በ ሰላማዊት ተስፋዬ"),
            Some(("በ", "ሰላማዊት ተስፋዬ"))
        );
        assert_eq!(one_letter_prefix_name("글 김민지"), Some(("글", "김민지")));
        // Cased scripts, longer first words, digits and marks do not count.
        assert_eq!(one_letter_prefix_name("A Maria Silva"), None);
        assert_eq!(one_letter_prefix_name("ፎቶ ዳዊት አለሙ"), None);
        assert_eq!(one_letter_prefix_name("በ 2016 ዓ.ም."), None);
        assert_eq!(one_letter_prefix_name("በ ከተማው ውስጥ ብዙ ሰዎች አሉ"), None);
    }

    #[test]
    fn a_labelled_name_is_the_name_after_one_word_and_a_colon() {
        assert_eq!(
            labelled_name("Авторы: Айгүл Серікқызы").map(|(_, name)| name),
            Some("Айгүл Серікқызы")
        );
        assert_eq!(
            labelled_name("رپورٹ: عائشہ خان"),
            Some(("رپورٹ", "عائشہ خان"))
        );
        assert_eq!(
            labelled_name("Հեղինակ՝ Անի Պետրոսյան"),
            Some(("Հեղինակ", "Անի Պետրոսյան"))
        );
        assert_eq!(labelled_name("Updated: 12 March"), None);
        assert_eq!(
            labelled_name("Read more: how the plan will work here"),
            None
        );
        assert_eq!(labelled_name("Anna Weber"), None);
    }

    #[test]
    fn a_colon_announces_a_list() {
        let dump = format!(
            "{}\n\nHere are the offers we found this week:\n1) Lego Star Wars bomber\n2) Electric race track\n3) Film box set",
            PARAGRAPHS.join("\n\n")
        );
        let lines = labels(&dump);
        for n in 9..=12 {
            assert_eq!(lines[n - 1].1, Label::Body, "{lines:?}");
            assert!(lines[n - 1].2.contains("announced by a colon"));
        }
    }

    #[test]
    fn opening_lines_that_lost_their_full_stops_are_body() {
        let dump = "Home\nNews\nSport\n\nFerry service to the islands resumes after storm\n\
            12 March 2024\n\
            The ferry company restarted its service to the three islands this morning after a \
            week in which the storm had kept every boat in the harbour of the old town\n\
            Passengers queued from six o'clock at the pier\n\
            The first boat left at seven with more than two hundred people on board, most of \
            them islanders who had been stuck on the mainland since last Monday.\n\
            The company said the timetable would be back to normal by the end of the week, \
            although the night crossing stays cancelled until the pier is repaired.\n";
        let lines = labels(dump);
        let label = |n: usize| lines.iter().find(|l| l.0 == n).unwrap().1;
        assert_eq!(label(5), Label::Title, "{lines:?}");
        assert_eq!(label(6), Label::Date, "{lines:?}");
        assert_eq!(label(7), Label::Body, "{lines:?}");
        assert_eq!(label(8), Label::Body, "{lines:?}");
        // Without a date or byline above, the long line is not vouched for:
        // the short one stays the title.
        let dump = dump.replace("12 March 2024\n", "");
        let lines = labels(&dump);
        let label = |n: usize| lines.iter().find(|l| l.0 == n).unwrap().1;
        assert_ne!(label(6), Label::Body, "{lines:?}");
        assert_eq!(label(7), Label::Title, "{lines:?}");
    }

    #[test]
    fn repeated_captions_do_not_open_the_body() {
        let caption = "The mayor and the council members stand in front of the city hall, left, before the vote on Tuesday.";
        let dump = format!("{caption}\n{caption}\n\n{}", PARAGRAPHS.join("\n\n"));
        let lines = labels(&dump);
        assert_ne!(lines[0].1, Label::Body, "{lines:?}");
        assert_ne!(lines[1].1, Label::Body, "{lines:?}");
        assert_eq!(lines[3].1, Label::Body, "{lines:?}");
    }

    #[test]
    fn a_widget_row_parts_the_page_header_from_the_title() {
        let dump = format!(
            "Home Blog Docs Download Community\nSearch Sign in\nRelease three is out with faster thumbnails and a dark mode\nPosted by Sam Ortiz 2024-05-02\n{}",
            PARAGRAPHS.join("\n")
        );
        let lines = labels(&dump);
        assert_eq!(lines[2].1, Label::Title, "{lines:?}");
        assert_ne!(lines[0].1, Label::Title, "{lines:?}");
    }

    /// A page whose `<article>` holds its furniture as plain paragraphs,
    /// as many CMS themes print it.
    fn page_with_furniture_in_the_article() -> String {
        let p = |t: &str| format!("<p>{t}</p>");
        let mut page = String::from(
            "<html><head><title>Council backs budget | Gazette</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Council backs the new budget after a long debate</h1>",
        );
        for line in [
            "Schools and roads win, culture loses in the plan for next year",
            "Anna Weber",
            "12 March 2024",
            "Share",
            "Tweet",
        ] {
            page.push_str(&p(line));
        }
        for para in PARAGRAPHS {
            page.push_str(&p(para));
        }
        for line in [
            "Comments (2)",
            "Jo Smith",
            "12 March 2024 10:31",
            "Another year, another rise, and the roads are still full of potholes.",
            "Reply",
        ] {
            page.push_str(&p(line));
        }
        page.push_str("</article></body></html>");
        page
    }

    #[test]
    fn row_shapes_are_made_of_punctuation_not_vowel_signs() {
        // Tamil and Hindi words carry vowel signs that are neither letters
        // nor digits; two headlines do not share a table's shape by them.
        assert_eq!(row_shape("கடலோர சாலை விரிவாக்கப் பணிகள் விரைவில் நிறைவு"), None);
        assert_eq!(row_shape("नई बस सेवा शुरू होगी"), None);
        let row = row_shape("England (Group A): 10th appearance").unwrap();
        assert_eq!(row, (false, vec!['(', ')', ':']));
        assert_eq!(row_shape("VIP : 60,000₩").unwrap().1, vec![',', ':', '₩']);
    }

    #[test]
    fn a_box_of_headlines_under_the_last_paragraph_ends_the_article_element() {
        let page = |tail: &[&str]| {
            let mut page = String::from(
                "<html><body><article><h1>Council backs the new budget after a long debate</h1>",
            );
            for line in PARAGRAPHS.iter().chain(tail) {
                page.push_str(&format!("<p>{line}</p>"));
            }
            page.push_str("</article></body></html>");
            crate::Extractor::new().extract_html(&page)
        };
        // A header no phrase list knows, two headlines, a follow prompt and a
        // counter, all plain paragraphs: none of it is the article.
        let related = page(&[
            "Semua berita",
            "Five new ferries will link the islands from next spring",
            "Night buses return to the old town after two quiet years",
            "Follow us every day",
            "Comments (0)",
        ]);
        assert_eq!(related.body, PARAGRAPHS, "{related:#?}");
        // The article's own table of one shape under its header stays.
        let rows = [
            "Qualified teams",
            "Austria (Group G): Third appearance",
            "Belgium (Group I): Sixth appearance",
            "Croatia (Group E): Sixth appearance",
            "Comments (0)",
        ];
        let table = page(&rows);
        assert_eq!(table.body.len(), PARAGRAPHS.len() + 4, "{table:#?}");
    }

    #[test]
    fn the_header_and_comments_inside_the_article_element_are_not_body() {
        let article = crate::Extractor::new().extract_html(&page_with_furniture_in_the_article());
        assert_eq!(article.body, PARAGRAPHS, "{article:#?}");
        assert_eq!(
            article.subtitle.as_deref(),
            Some("Schools and roads win, culture loses in the plan for next year")
        );
        assert_eq!(article.byline.as_deref(), Some("Anna Weber"));
    }

    #[test]
    fn a_sub_heading_opens_the_article_element_body() {
        let page = format!(
            "<html><body><h1>Storm closes schools early across the district</h1><div><div>21:40</div><h2>We end the live coverage for today</h2><p>{}</p><p>{}</p><div>20:15</div><h2>Rail line open again</h2><p>{}</p></div></body></html>",
            PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]
        );
        let article = crate::Extractor::new().extract_html(&page);
        assert_eq!(
            article.body,
            [
                "We end the live coverage for today",
                PARAGRAPHS[0],
                PARAGRAPHS[1],
                "20:15",
                "Rail line open again",
                PARAGRAPHS[2]
            ],
            "{article:#?}"
        );
    }

    #[test]
    fn a_list_of_points_under_the_headline_is_body_not_a_standfirst() {
        let page = format!(
            "<html><body><h1>Storm closes schools early across the district</h1>\
             <h2>The main points</h2><ul><li>Gusts of up to 118 km/h on the hills</li><li>All schools closed at half past two</li>\
             <li>Rail line to Mainfeld shut for hours</li></ul>\
             <ul><li><a href=/a>Home</a></li><li><a href=/b>Weather</a></li></ul>\
             <div><p>{}</p><p>{}</p><p>{}</p></div></body></html>",
            PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]
        );
        let article = crate::Extractor::new().extract_html(&page);
        assert_eq!(article.subtitle, None, "{article:#?}");
        assert_eq!(
            article.body,
            [
                "The main points",
                "Gusts of up to 118 km/h on the hills",
                "All schools closed at half past two",
                "Rail line to Mainfeld shut for hours",
                PARAGRAPHS[0],
                PARAGRAPHS[1],
                PARAGRAPHS[2]
            ],
            "{article:#?}"
        );
    }

    #[test]
    fn a_name_before_the_date_under_the_headline_is_the_byline() {
        let dump = |header: &str| {
            format!(
                "Council backs the new budget after a long debate\n{header}\n{}",
                PARAGRAPHS.join("\n")
            )
        };
        let article = crate::extract(&dump("Ayşe Demirci 24.03.2024 - 14:35"));
        assert_eq!(
            article.byline.as_deref(),
            Some("Ayşe Demirci"),
            "{article:#?}"
        );
        assert_eq!(article.date.as_deref(), Some("2024-03-24"));
        // A label with a stopword, a place or weekday before a comma, a
        // label the body writes in lower case: no names.
        for header in [
            "Posted On 24.03.2024",
            "Valdemora, 24.03.2024",
            "Council Approved 24.03.2024",
        ] {
            let article = crate::extract(&dump(header));
            assert_eq!(article.byline, None, "{header}: {article:#?}");
            assert_eq!(article.date.as_deref(), Some("2024-03-24"), "{header}");
        }
    }

    #[test]
    fn a_labelled_name_right_after_the_body_is_the_author() {
        let dump = |last: &str| {
            format!(
                "Council backs the new budget after a long debate\n{}\n{last}",
                PARAGRAPHS.join("\n")
            )
        };
        let article = crate::extract(&dump("Muallif: Malika Yusupova"));
        assert_eq!(
            article.byline.as_deref(),
            Some("Malika Yusupova"),
            "{article:#?}"
        );
        assert_eq!(article.body, PARAGRAPHS);
        // A list of tags, one word after the label: no author.
        for last in ["Tags: Budget, Council", "Topic: Budget"] {
            let article = crate::extract(&dump(last));
            assert_eq!(article.byline, None, "{last}: {article:#?}");
        }
    }
}
