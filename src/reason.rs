//! Why a line got its label. Each reason carries the values that were
//! measured, so `--explain` and the snapshots can be read without the code.

use std::fmt;

/// The reason behind one line's label.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Reason {
    /// Nothing but whitespace.
    Blank,
    /// A short label with a number in parentheses, "Comment (0)".
    Counter {
        /// The label before the count.
        label: String,
        /// The count.
        count: u64,
    },
    /// A number with a short label, "12 comments", "Share 14".
    CountedLabel {
        /// The words beside the number.
        label: String,
    },
    /// A known empty-state or widget phrase, "No data".
    WidgetPhrase {
        /// Which list the phrase came from (`empty`, `social`, `promo`...).
        kind: &'static str,
        /// The phrase found.
        phrase: String,
    },
    /// A template placeholder left in the text, "\[Anzeige_2\]".
    Placeholder,
    /// A short line naming a social network: a share or follow prompt.
    SocialNetwork {
        /// The network named.
        network: String,
    },
    /// A row of widget words and network names ("Search Sign in").
    WidgetRow,
    /// "Label: URL"; the URL becomes the article's source.
    SourceUrl {
        /// The label before the URL.
        label: String,
    },
    /// A bare URL on its own line.
    BareUrl,
    /// A source label with nothing after it.
    BareSourceLabel,
    /// A caption wrapped in table pipes.
    CaptionPipes,
    /// A line carrying a photo credit such as "(Source : KCNA)".
    CaptionCredit {
        /// The credit as written.
        credit: String,
    },
    /// A caption in another language beside its translation.
    UntranslatedCaption {
        /// Language of the line.
        lang: &'static str,
        /// Language of the document.
        doc_lang: &'static str,
    },
    /// "site.tld - tagline" near the top.
    SiteHeader,
    /// A line naming a web domain that is not a sentence: a promo or prompt.
    DomainPromo {
        /// The domain found.
        domain: String,
    },
    /// Copyright notice.
    Copyright,
    /// A date line.
    DateLine {
        /// The date, YYYY-MM-DD.
        date: String,
    },
    /// A publisher name written twice with the date glued on.
    PublisherDate {
        /// The publisher.
        publisher: String,
        /// The date, YYYY-MM-DD.
        date: String,
    },
    /// "By Jane Doe".
    BylinePrefix {
        /// The prefix word.
        prefix: String,
    },
    /// "김민지 기자": a name followed by a title word.
    BylineTitle {
        /// The title word.
        title: String,
    },
    /// A name alone on a line right after the body.
    AuthorAfterBody {
        /// Words in the line.
        words: usize,
    },
    /// A name on the line next to the date line.
    NameByDate {
        /// Words in the line.
        words: usize,
    },
    /// `<label>: <name>` right after the last paragraph ("Muallif:
    /// Malika Yusupova"): the author, whatever the label's language.
    LabelledNameAfterBody {
        /// The label before the colon.
        label: String,
    },
    /// "(rns/ega)": the writer's and the editor's initials closing an
    /// article.
    EditorInitials,
    /// A date line under the headline that opens with a name: the
    /// reporter and the date in one row ("Ayşe Demirci 12.03.2024").
    NameBeforeDate {
        /// The date on the line, `YYYY-MM-DD`.
        date: String,
    },
    /// A name next to the date whose first word the body uses in lower
    /// case: that word is the byline's "by".
    BylinePrefixFromBody {
        /// The first word.
        prefix: String,
    },
    /// `<one letter> <name>` in an uncased script next to the date (`በ
    /// <name>` in Amharic, `글 <name>` in Korean): the letter is the
    /// byline's "by".
    OneLetterBylinePrefix {
        /// The one-letter first word.
        prefix: String,
    },
    /// `<label>: <name>` next to the date: the byline, whatever the
    /// label's language.
    LabelledNameByDate {
        /// The label before the colon.
        label: String,
    },
    /// A short header that opens a related-articles or navigation list.
    SectionHeader {
        /// The header text.
        header: String,
        /// How it was recognised: `phrase` data or `structure`.
        by: &'static str,
    },
    /// A header that opens the comments ("Comments", "[ 167 comments ]").
    CommentsHeader {
        /// The header text.
        header: String,
    },
    /// A header that opens the end matter ("Sources", "About the author").
    EndHeader {
        /// The header text.
        header: String,
    },
    /// A date line with a clock time after the article: a comment's stamp.
    CommentStamp,
    /// A date line under a short name after the article, one of two or more
    /// such pairs: a comment's stamp, or a teaser card's.
    SignedStamp {
        /// How many name-and-date pairs follow the article.
        pairs: usize,
    },
    /// A headline-like line under a section header.
    RelatedHeadline {
        /// The header the list hangs from.
        header: String,
        /// How many headline-like lines the list has.
        count: usize,
    },
    /// A run of short lines with no sentence in them: a menu or tag list.
    MenuRun {
        /// Lines in the run.
        count: usize,
    },
    /// Headline-like line before the body.
    Title {
        /// Words in the line.
        words: usize,
    },
    /// The line between the title and the body.
    Subtitle {
        /// Words in the line.
        words: usize,
    },
    /// Prose: long enough, with stopwords and sentence punctuation.
    Prose {
        /// Characters.
        chars: usize,
        /// Share of stopwords among the words (absent for unknown languages).
        stopwords: Option<f32>,
    },
    /// Too little prose to say alone; settled by neighbours.
    ShortBetweenBody {
        /// Words in the line.
        words: usize,
    },
    /// A sub-heading inside the body zone.
    SubHeading {
        /// Words in the line.
        words: usize,
    },
    /// Kept because the page had too little prose and the line sits in
    /// `<article>` or `<main>`.
    MainFallback,
    /// Inside the HTML block element that holds the article's text.
    InContainer {
        /// Words in the line.
        words: usize,
        /// Lines in the block.
        lines: usize,
    },
    /// One of a list of points between the headline and the article's
    /// element: the editors' highlights.
    Highlight {
        /// Items in the list.
        items: usize,
    },
    /// One of a run of short lines between body paragraphs: a list.
    ListInBody {
        /// Lines in the run.
        count: usize,
    },
    /// One of the article's first lines, under its date or byline, that
    /// lost its full stop.
    LeadWithoutStop {
        /// Words in the line.
        words: usize,
    },
    /// A short line at the edge of the body that ends a sentence.
    SentenceAtEdge {
        /// Words in the line.
        words: usize,
    },
    /// Not prose: short, or too few stopwords, or no sentence.
    NotProse {
        /// Characters.
        chars: usize,
        /// Share of stopwords.
        stopwords: Option<f32>,
    },
    /// A teaser card's headline glued to its summary on one line.
    GluedTeaser {
        /// Words of the headline, up to the glue.
        headline_words: usize,
    },
    /// One of a run of teaser cards (headline, date, summary) after the
    /// article.
    TeaserCards {
        /// Cards in the run.
        cards: usize,
        /// Median count of short lines between two summaries.
        median_gap: usize,
    },
    /// One item of a list that a body line ending with a colon announces.
    IntroducedList {
        /// Items in the list.
        count: usize,
    },
    /// A row (or the header) of a table right after the article's text.
    TableAfterBody {
        /// Rows of one shape in the table.
        rows: usize,
    },
    /// Outside the zone that holds the article text.
    OutsideBody {
        /// Prose score of the main zone, for comparison.
        zone: usize,
    },
    /// After a marker that ends the article (comments, related list...).
    AfterArticleEnd {
        /// The line number of the marker.
        marker: usize,
    },
    /// Inside a block the DOM marks as chrome.
    DomChrome {
        /// The zone or class token that marked it.
        token: String,
    },
    /// Hidden in the page.
    Hidden,
    /// Most of the text is link text.
    LinkDense {
        /// The measured link density.
        density: f32,
    },
    /// An HTML figure caption.
    FigureCaption,
    /// A short line wholly in italics right under an image: a caption
    /// without caption markup.
    ItalicUnderImage {
        /// Words in the line.
        words: usize,
    },
    /// The only text of a box that holds a photo above it.
    AloneWithImage {
        /// Words in the line.
        words: usize,
    },
    /// A line wholly in bold or large type opening the article's block on
    /// a page without a usable `<h1>`: the headline of an old layout.
    EmphasisedHeadline {
        /// Words in the line.
        words: usize,
    },
    /// A date and a byline on one line ("Posted 3 May 2004 by Jane Doe").
    DateAndByline {
        /// The date, YYYY-MM-DD.
        date: String,
    },
    /// Repeats a line already kept.
    Duplicate {
        /// The line it repeats.
        of: usize,
    },
    /// A rule added by an embedder.
    Custom(String),
}

fn share(value: Option<f32>) -> String {
    match value {
        Some(v) => format!("{v:.2}"),
        None => "n/a".to_string(),
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Blank => write!(f, "empty line"),
            Reason::Counter { label, count } => {
                write!(f, "counter \"{label}\" ({count})")
            }
            Reason::CountedLabel { label } => write!(f, "count beside label \"{label}\""),
            Reason::WidgetPhrase { kind, phrase } => write!(f, "{kind} phrase \"{phrase}\""),
            Reason::Placeholder => write!(f, "template placeholder"),
            Reason::SocialNetwork { network } => {
                write!(f, "short line naming social network \"{network}\"")
            }
            Reason::WidgetRow => write!(f, "row of widget words"),
            Reason::SourceUrl { label } => write!(f, "source label \"{label}\" with URL"),
            Reason::BareUrl => write!(f, "bare URL"),
            Reason::BareSourceLabel => write!(f, "source label without URL"),
            Reason::CaptionPipes => write!(f, "wrapped in table pipes"),
            Reason::CaptionCredit { credit } => write!(f, "photo credit \"{credit}\""),
            Reason::UntranslatedCaption { lang, doc_lang } => {
                write!(f, "untranslated caption ({lang}, document {doc_lang})")
            }
            Reason::SiteHeader => write!(f, "site header \"domain - tagline\""),
            Reason::DomainPromo { domain } => {
                write!(f, "names domain \"{domain}\" and is no sentence")
            }
            Reason::Copyright => write!(f, "copyright notice"),
            Reason::DateLine { date } => write!(f, "date line {date}"),
            Reason::PublisherDate { publisher, date } => {
                write!(f, "publisher \"{publisher}\" doubled, date {date} glued on")
            }
            Reason::BylinePrefix { prefix } => write!(f, "byline prefix \"{prefix}\""),
            Reason::BylineTitle { title } => write!(f, "name before byline title \"{title}\""),
            Reason::AuthorAfterBody { words } => {
                write!(f, "name of {words} words alone after the body")
            }
            Reason::LabelledNameAfterBody { label } => {
                write!(f, "name after \"{label}:\" right after the body")
            }
            Reason::EditorInitials => write!(f, "initials of writer and editor"),
            Reason::NameBeforeDate { date } => {
                write!(f, "name before the date {date} under the headline")
            }
            Reason::NameByDate { words } => {
                write!(f, "name of {words} words next to the date line")
            }
            Reason::BylinePrefixFromBody { prefix } => write!(
                f,
                "name next to the date after \"{prefix}\", a word the body writes in lower case"
            ),
            Reason::OneLetterBylinePrefix { prefix } => write!(
                f,
                "name next to the date after \"{prefix}\", a one-letter word in an uncased script"
            ),
            Reason::LabelledNameByDate { label } => {
                write!(f, "name after the label \"{label}\" next to the date")
            }
            Reason::SectionHeader { header, by } => {
                write!(f, "section header \"{header}\" ({by})")
            }
            Reason::CommentsHeader { header } => write!(f, "comments header \"{header}\""),
            Reason::EndHeader { header } => write!(f, "end-matter header \"{header}\""),
            Reason::CommentStamp => write!(f, "timestamp of a comment"),
            Reason::SignedStamp { pairs } => {
                write!(
                    f,
                    "date under a name, one of {pairs} such pairs after the article"
                )
            }
            Reason::RelatedHeadline { header, count } => {
                write!(
                    f,
                    "{count} headline-like lines after section header \"{header}\""
                )
            }
            Reason::MenuRun { count } => write!(f, "run of {count} short lines without a sentence"),
            Reason::Title { words } => {
                write!(f, "headline-like line of {words} words before the body")
            }
            Reason::Subtitle { words } => write!(f, "line of {words} words between title and body"),
            Reason::Prose { chars, stopwords } => {
                write!(
                    f,
                    "prose: {chars} chars, stopword share {}",
                    share(*stopwords)
                )
            }
            Reason::ShortBetweenBody { words } => {
                write!(f, "sentence of {words} words inside the body zone")
            }
            Reason::SubHeading { words } => {
                write!(f, "sub-heading ({words} words) followed by body")
            }
            Reason::TableAfterBody { rows } => {
                write!(f, "part of a table of {rows} rows after the body")
            }
            Reason::IntroducedList { count } => {
                write!(f, "one of {count} list items announced by a colon")
            }
            Reason::MainFallback => {
                write!(f, "inside <article>/<main> of a page with little prose")
            }
            Reason::Highlight { items } => {
                write!(f, "highlight, one of {items} list items under the headline")
            }
            Reason::InContainer { words, lines } => {
                write!(
                    f,
                    "line of {words} words inside the article's block of {lines} lines"
                )
            }
            Reason::ListInBody { count } => {
                write!(f, "one of {count} list lines between body paragraphs")
            }
            Reason::LeadWithoutStop { words } => write!(
                f,
                "opening line of {words} words under the date or byline, without its full stop"
            ),
            Reason::SentenceAtEdge { words } => {
                write!(f, "sentence of {words} words at the body's edge")
            }
            Reason::NotProse { chars, stopwords } => {
                write!(
                    f,
                    "not prose: {chars} chars, stopword share {}",
                    share(*stopwords)
                )
            }
            Reason::GluedTeaser { headline_words } => write!(
                f,
                "teaser card: a {headline_words}-word headline glued to its summary"
            ),
            Reason::TeaserCards { cards, median_gap } => write!(
                f,
                "one of {cards} teaser cards after the article (median {median_gap} short lines between summaries)"
            ),
            Reason::OutsideBody { zone } => {
                write!(f, "outside the main text zone (zone score {zone})")
            }
            Reason::AfterArticleEnd { marker } => {
                write!(f, "after the article's end at line {marker}")
            }
            Reason::DomChrome { token } => write!(f, "inside DOM chrome \"{token}\""),
            Reason::Hidden => write!(f, "hidden element"),
            Reason::LinkDense { density } => write!(f, "link density {density:.2}"),
            Reason::FigureCaption => write!(f, "figure caption"),
            Reason::ItalicUnderImage { words } => {
                write!(f, "line of {words} words in italics right under an image")
            }
            Reason::AloneWithImage { words } => {
                write!(f, "line of {words} words alone with the image above it")
            }
            Reason::EmphasisedHeadline { words } => write!(
                f,
                "line of {words} words in bold opening the article's block"
            ),
            Reason::DateAndByline { date } => write!(f, "date {date} with a byline"),
            Reason::Duplicate { of } => write!(f, "repeats line {of}"),
            Reason::Custom(text) => f.write_str(text),
        }
    }
}
