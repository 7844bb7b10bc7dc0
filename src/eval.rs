//! `dechrome eval`: runs the extractor over a benchmark dataset and scores
//! it with the benchmark's own metric.
//!
//! A dataset folder holds `truth.jsonl` (`{"id", "url", "title", "body"}` a
//! line) and the pages as `text/<id>.txt` and `html/<id>.html`. The metric,
//! that of the article-extraction-benchmark:
//!
//! - tokens are Unicode word runs (`\w+`), case kept; a text becomes the
//!   multiset of its 4-token shingles (1 to 3 tokens: one shorter shingle;
//!   no tokens: none);
//! - per document, tp = Σ min(pred, true), fp = Σ max(0, pred − true),
//!   fn = Σ max(0, true − pred); precision = tp / (tp + fp) and recall =
//!   tp / (tp + fn), each 1 when fp = fn = 0;
//! - precision is averaged over documents with a non-empty prediction,
//!   recall over documents with a non-empty truth, and F1 = 2PR / (P + R) of
//!   the two means; accuracy is the share of documents whose token lists
//!   are identical.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// Shingle counts of one document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Shingles in both.
    pub tp: usize,
    /// Predicted shingles not in the truth.
    pub fp: usize,
    /// Truth shingles not predicted.
    pub fn_: usize,
    /// Token lists identical.
    pub exact: bool,
}

impl Counts {
    /// Per-document precision, as the benchmark defines it.
    pub fn precision(&self) -> f64 {
        if self.fp == 0 && self.fn_ == 0 {
            1.0
        } else if self.tp == 0 && self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    /// Per-document recall.
    pub fn recall(&self) -> f64 {
        if self.fp == 0 && self.fn_ == 0 {
            1.0
        } else if self.tp == 0 && self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }

    /// Per-document F1, for ranking the worst documents.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Unicode word runs, as Python's `re.findall(r'\w+', text)`.
pub fn tokenize(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < 4 {
        *out.entry(tokens.to_vec()).or_default() += 1;
        return out;
    }
    for window in tokens.windows(4) {
        *out.entry(window.to_vec()).or_default() += 1;
    }
    out
}

/// Scores one prediction against its truth.
pub fn score_document(truth: &str, predicted: &str) -> Counts {
    let (t, p) = (tokenize(truth), tokenize(predicted));
    let (ts, ps) = (shingles(&t), shingles(&p));
    let mut counts = Counts {
        exact: t == p,
        ..Counts::default()
    };
    for (key, &n) in &ts {
        let m = ps.get(key).copied().unwrap_or(0);
        counts.tp += n.min(m);
        counts.fn_ += n.saturating_sub(m);
    }
    for (key, &m) in &ps {
        let n = ts.get(key).copied().unwrap_or(0);
        counts.fp += m.saturating_sub(n);
    }
    counts
}

/// The benchmark's aggregate figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Documents scored.
    pub documents: usize,
    /// Mean precision over documents with a prediction.
    pub precision: f64,
    /// Mean recall over documents with a truth.
    pub recall: f64,
    /// 2PR / (P + R).
    pub f1: f64,
    /// Share of documents predicted exactly.
    pub accuracy: f64,
}

/// Aggregates per-document counts the benchmark's way.
pub fn summarize(rows: &[Counts]) -> Summary {
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let precision = mean(
        rows.iter()
            .filter(|c| c.tp + c.fp > 0)
            .map(Counts::precision)
            .collect(),
    );
    let recall = mean(
        rows.iter()
            .filter(|c| c.tp + c.fn_ > 0)
            .map(Counts::recall)
            .collect(),
    );
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let accuracy = mean(
        rows.iter()
            .map(|c| if c.exact { 1.0 } else { 0.0 })
            .collect(),
    );
    Summary {
        documents: rows.len(),
        precision,
        recall,
        f1,
        accuracy,
    }
}

/// One line of `truth.jsonl`.
#[derive(Clone, Debug, Deserialize)]
pub struct Truth {
    /// Document id: the file name without extension.
    pub id: String,
    /// The page's URL.
    #[serde(default)]
    pub url: String,
    /// Reference body text.
    #[serde(default)]
    pub body: String,
}

/// Reads `truth.jsonl` of a dataset folder.
pub fn read_truth(dataset: &Path) -> std::io::Result<Vec<Truth>> {
    let text = std::fs::read_to_string(dataset.join("truth.jsonl"))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str(l)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let c = score_document(
            "The cat sat on the mat today.",
            "The cat sat on the mat today",
        );
        assert_eq!((c.fp, c.fn_, c.exact), (0, 0, true));
        assert_eq!(c.f1(), 1.0);
    }

    #[test]
    fn extra_text_costs_precision_only() {
        let c = score_document(
            "one two three four five",
            "one two three four five six seven",
        );
        assert_eq!((c.tp, c.fp, c.fn_), (2, 2, 0));
        assert_eq!(c.recall(), 1.0);
        assert_eq!(c.precision(), 0.5);
    }

    #[test]
    fn short_texts_give_one_shingle_and_empty_none() {
        assert_eq!(score_document("a b", "a b").tp, 1);
        let c = score_document("", "");
        assert_eq!((c.tp, c.fp, c.fn_), (0, 0, 0));
    }

    #[test]
    fn empty_predictions_are_left_out_of_precision() {
        let rows = [
            score_document("a b c d e", "a b c d e"),
            score_document("a b c d e", ""),
        ];
        let s = summarize(&rows);
        assert_eq!(s.precision, 1.0);
        assert_eq!(s.recall, 0.5);
    }

    #[test]
    fn tokens_are_unicode_word_runs() {
        assert_eq!(
            tokenize("Le « président » a dit: l'été_2024!"),
            ["Le", "président", "a", "dit", "l", "été_2024"]
        );
    }
}
