//! One positive and one negative case per built-in classifier, asserting
//! the label and the reason exactly as `--explain` prints it. The modules'
//! own tests cover more variants; these pin the reasons' wording.

use super::testing::{classify_in, classify_one};
use super::*;
use crate::line::DomHints;

/// The label, reason text and value of a decision, for one `assert_eq!`.
fn shown(d: Option<Decision>) -> Option<(Label, String, Option<String>)> {
    d.map(|d| (d.label, d.reason.to_string(), d.value))
}

fn some(
    label: Label,
    reason: &str,
    value: Option<&str>,
) -> Option<(Label, String, Option<String>)> {
    Some((label, reason.to_string(), value.map(str::to_string)))
}

mod blank {
    use super::*;
    use crate::classify::blank::Blank;

    #[test]
    fn empty_line_is_blank() {
        assert_eq!(
            shown(classify_one(&Blank, "")),
            some(Label::Blank, "empty line", None)
        );
    }

    #[test]
    fn text_is_not_blank() {
        assert_eq!(shown(classify_one(&Blank, ".")), None);
    }
}

mod dom {
    use super::*;
    use crate::classify::dom::Dom;
    use crate::line::Zones;

    /// Runs [`Dom`] on one line carrying `hints`.
    fn classify_with(text: &str, hints: Option<DomHints>) -> Option<Decision> {
        let lines = vec![Line {
            n: 1,
            text: text.to_string(),
            hints,
        }];
        let lexicon = Lexicon::get();
        let features = vec![crate::features::measure(text, None, &mut String::new())];
        let doc = Doc {
            lines: &lines,
            features: &features,
            lang: None,
            lexicon,
            stopword_median: None,
            blocks: &[],
        };
        Dom.classify(&doc, 0)
    }

    fn p(zones: Zones) -> DomHints {
        DomHints {
            tag: "p".into(),
            zones,
            ..DomHints::default()
        }
    }

    #[test]
    fn hidden_blocks_are_chrome() {
        let hints = DomHints {
            hidden: true,
            ..p(Zones::MAIN)
        };
        assert_eq!(
            shown(classify_with("Subscribe now", Some(hints))),
            some(Label::Chrome, "hidden element", None)
        );
    }

    #[test]
    fn figcaptions_are_captions() {
        assert_eq!(
            shown(classify_with(
                "The new bridge at dusk.",
                Some(p(Zones::FIGURE.with(Zones::FIGCAPTION)))
            )),
            some(Label::Caption, "figure caption", None)
        );
    }

    #[test]
    fn nav_outside_main_is_chrome() {
        assert_eq!(
            shown(classify_with("Home News Sport", Some(p(Zones::NAV)))),
            some(Label::Chrome, "inside DOM chrome \"nav\"", None)
        );
    }

    #[test]
    fn chrome_class_tokens_are_chrome() {
        let hints = DomHints {
            chrome_tokens: vec!["share"].into(),
            ..p(Zones::MAIN)
        };
        assert_eq!(
            shown(classify_with("Share this article", Some(hints))),
            some(Label::Chrome, "inside DOM chrome \"share\"", None)
        );
    }

    #[test]
    fn link_dense_short_blocks_are_chrome() {
        let hints = DomHints {
            link_density: 0.8,
            ..p(Zones::MAIN)
        };
        assert_eq!(
            shown(classify_with("More from our partners", Some(hints))),
            some(Label::Chrome, "link density 0.80", None)
        );
    }

    #[test]
    fn plain_paragraphs_and_text_lines_pass() {
        let text = "The council approved the budget after a long debate on Tuesday evening.";
        assert_eq!(shown(classify_with(text, Some(p(Zones::MAIN)))), None);
        // A nav inside the article is not chrome by zone alone.
        assert_eq!(
            shown(classify_with(text, Some(p(Zones::MAIN.with(Zones::NAV))))),
            None
        );
        // Text dumps carry no hints.
        assert_eq!(shown(classify_with(text, None)), None);
    }

    #[test]
    fn an_italic_line_under_an_image_is_a_caption() {
        let under = |italic: bool, after_image: bool| DomHints {
            italic,
            after_image,
            ..p(Zones::TABLE)
        };
        assert_eq!(
            shown(classify_with(
                "The new footbridge on its opening day.",
                Some(under(true, true))
            )),
            some(
                Label::Caption,
                "line of 7 words in italics right under an image",
                None
            )
        );
        // Not in italics, or not under an image, or a pull quote.
        for (text, hints) in [
            ("The new footbridge on its opening day.", under(false, true)),
            ("The new footbridge on its opening day.", under(true, false)),
            (
                "\u{201c}Why did nobody ask us first?\u{201d}",
                under(true, true),
            ),
        ] {
            assert_eq!(shown(classify_with(text, Some(hints))), None, "{text}");
        }
    }

    #[test]
    fn the_only_line_of_a_photo_box_is_a_caption() {
        let boxed = DomHints {
            photo_box: true,
            after_image: true,
            ..p(Zones::MAIN)
        };
        assert_eq!(
            shown(classify_with(
                "Workers lay the last layer of asphalt on the bridge.",
                Some(boxed.clone())
            )),
            some(
                Label::Caption,
                "line of 10 words alone with the image above it",
                None
            )
        );
        // A name beside a portrait, a pull quote, a linked teaser, a line
        // that is not a box's only text.
        for (text, hints) in [
            ("Tomasz Nowak", boxed.clone()),
            ("Written by Rachel Lee on March 12, 2024", boxed.clone()),
            (
                "\u{201c}Why did nobody ask us first?\u{201d}",
                boxed.clone(),
            ),
            (
                "Workers lay the last layer of asphalt on the bridge.",
                DomHints {
                    photo_box: false,
                    ..boxed.clone()
                },
            ),
        ] {
            assert_eq!(shown(classify_with(text, Some(hints))), None, "{text}");
        }
    }

    #[test]
    fn long_linked_prose_is_not_link_dense_chrome() {
        // Mostly linked, not wholly: a fully linked sentence is a teaser.
        let hints = DomHints {
            link_density: 0.7,
            ..p(Zones::MAIN)
        };
        let text = "The council approved the budget after a long debate on Tuesday evening, \
                    with twenty-seven votes in favour and nineteen against, and the opposition \
                    promised to keep fighting the library cuts in every ward of the district.";
        assert_eq!(shown(classify_with(text, Some(hints))), None);
    }
}

mod placeholder {
    use super::*;
    use crate::classify::placeholder::Placeholder;

    #[test]
    fn bracketed_token_is_a_placeholder() {
        assert_eq!(
            shown(classify_one(&Placeholder, "[Anzeige_2]")),
            some(Label::Chrome, "template placeholder", None)
        );
    }

    #[test]
    fn bracketed_note_is_not() {
        assert_eq!(shown(classify_one(&Placeholder, "[Updated at noon]")), None);
    }
}

mod section {
    use super::*;
    use crate::classify::section::Section;

    #[test]
    fn related_header_by_phrase() {
        assert_eq!(
            shown(classify_one(&Section, "Même sujet")),
            some(
                Label::Chrome,
                "section header \"Même sujet\" (phrase)",
                None
            )
        );
    }

    #[test]
    fn comments_header_with_count() {
        assert_eq!(
            shown(classify_one(&Section, "[ 167 comments ]")),
            some(Label::Chrome, "comments header \"[ 167 comments ]\"", None)
        );
    }

    #[test]
    fn sentences_and_zero_counters_are_not_headers() {
        assert_eq!(shown(classify_one(&Section, "The council met again")), None);
        assert_eq!(shown(classify_one(&Section, "Comment (0)")), None);
    }
}

mod counter {
    use super::*;
    use crate::classify::counter::Counter;

    #[test]
    fn counter_in_parentheses() {
        assert_eq!(
            shown(classify_one(&Counter, "Kommentar (0)")),
            some(Label::Chrome, "counter \"Kommentar\" (0)", None)
        );
    }

    #[test]
    fn count_beside_label() {
        assert_eq!(
            shown(classify_one(&Counter, "Share 14")),
            some(Label::Chrome, "count beside label \"Share\"", None)
        );
    }

    #[test]
    fn prose_with_a_year_in_parentheses_is_not_a_counter() {
        assert_eq!(
            shown(classify_one(
                &Counter,
                "The budget rose to 12 million (2023)"
            )),
            None
        );
    }
}

mod source {
    use super::*;
    use crate::classify::source::Source;

    #[test]
    fn label_and_url_give_the_source() {
        assert_eq!(
            shown(classify_one(&Source, "Source : https://example.org/a-b")),
            some(
                Label::Source,
                "source label \"Source\" with URL",
                Some("https://example.org/a-b")
            )
        );
    }

    #[test]
    fn bare_label_is_chrome() {
        assert_eq!(
            shown(classify_one(&Source, "Source")),
            some(Label::Chrome, "source label without URL", None)
        );
    }

    #[test]
    fn sentence_about_a_source_is_not() {
        assert_eq!(
            shown(classify_one(
                &Source,
                "The source of the river lies high in the hills above the town."
            )),
            None
        );
    }
}

mod caption {
    use super::*;
    use crate::classify::caption::Caption;

    #[test]
    fn table_pipes_wrap_a_caption() {
        assert_eq!(
            shown(classify_one(
                &Caption,
                "| The mayor opens the new library. (Photo: AFP) |"
            )),
            some(
                Label::Caption,
                "wrapped in table pipes",
                Some("The mayor opens the new library. (Photo: AFP)")
            )
        );
    }

    #[test]
    fn photo_credit_marks_a_caption() {
        let d = classify_in(
            &Caption,
            "Le président russe reçoit la ministre au Kremlin, à Moscou, le 16 janvier. (Source : Sputnik)",
            0,
            Some("fr"),
        );
        let (label, reason, _) = shown(d).expect("a caption");
        assert_eq!(
            (label, reason.as_str()),
            (Label::Caption, "photo credit \"Source : Sputnik\"")
        );
    }

    #[test]
    fn table_rows_and_plain_sentences_are_not() {
        assert_eq!(shown(classify_one(&Caption, "| 2023 | 48.2 |")), None);
        assert_eq!(
            shown(classify_one(
                &Caption,
                "The mayor opened the new library on Tuesday."
            )),
            None
        );
    }
}

mod boilerplate {
    use super::*;
    use crate::classify::boilerplate::Boilerplate;

    #[test]
    fn site_header_at_the_top() {
        assert_eq!(
            shown(classify_one(
                &Boilerplate,
                "Vietnam.vn - Nền tảng quảng bá Việt Nam"
            )),
            some(Label::Chrome, "site header \"domain - tagline\"", None)
        );
    }

    #[test]
    fn copyright_notice() {
        assert_eq!(
            shown(classify_one(
                &Boilerplate,
                "© 2024 Harbourview Media Ltd. All rights reserved."
            )),
            some(Label::Chrome, "copyright notice", None)
        );
    }

    #[test]
    fn editor_initials_closing_an_article() {
        for text in ["(rns/ega)", "(nkn/ega)", " (dk/ab/xyz) "] {
            assert_eq!(
                shown(classify_one(&Boilerplate, text)),
                some(Label::Chrome, "initials of writer and editor", None),
                "{text}"
            );
        }
        // Other words in parentheses, capitals, one part, long parts.
        for text in ["(AFP/Reuters)", "(ega)", "(photos/videos)", "(a/b)"] {
            assert_eq!(shown(classify_one(&Boilerplate, text)), None, "{text}");
        }
    }

    #[test]
    fn prose_is_not_boilerplate() {
        assert_eq!(
            shown(classify_in(
                &Boilerplate,
                "The council approved the budget after a long debate on Tuesday evening.",
                0,
                Some("en")
            )),
            None
        );
    }
}

mod dateline {
    use super::*;
    use crate::classify::dateline::Dateline;

    #[test]
    fn date_alone_is_a_date_line() {
        assert_eq!(
            shown(classify_one(&Dateline, "21/01/2024")),
            some(Label::Date, "date line 2024-01-21", Some("2024-01-21"))
        );
    }

    #[test]
    fn doubled_publisher_with_glued_date() {
        assert_eq!(
            shown(classify_one(&Dateline, "Báo Quốc TếBáo Quốc Tế21/01/2024")),
            some(
                Label::Date,
                "publisher \"Báo Quốc Tế\" doubled, date 2024-01-21 glued on",
                Some("2024-01-21")
            )
        );
    }

    #[test]
    fn byline_prefix_gives_the_name() {
        assert_eq!(
            shown(classify_in(&Dateline, "By Jane Holloway", 0, Some("en"))),
            some(Label::Byline, "byline prefix \"By\"", Some("Jane Holloway"))
        );
    }

    #[test]
    fn sentence_starting_with_by_is_not_a_byline() {
        assert_eq!(
            shown(classify_in(
                &Dateline,
                "By the end of the year, the council had spent most of its reserves on repairs.",
                0,
                Some("en")
            )),
            None
        );
    }
}

mod prose {
    use super::*;
    use crate::classify::prose::Prose;

    #[test]
    fn long_sentence_with_stopwords_is_body() {
        let text = "Le président a rencontré les ministres pour discuter de la situation économique du pays et des mesures à prendre.";
        let d = classify_in(&Prose::default(), text, 0, Some("fr")).unwrap();
        assert_eq!(d.class, Class::Good);
        assert_eq!(
            (d.label, d.reason.to_string()),
            (
                Label::Body,
                // 10 stopwords (le a les pour de la du et des à) of 19 words.
                "prose: 113 chars, stopword share 0.53".to_string()
            )
        );
    }

    #[test]
    fn menu_words_are_not_prose() {
        let d = classify_in(&Prose::default(), "Politique Économie Sport", 0, Some("fr")).unwrap();
        assert_eq!(
            (d.label, d.reason.to_string()),
            (
                Label::Chrome,
                "not prose: 24 chars, stopword share 0.00".to_string()
            )
        );
    }
}
