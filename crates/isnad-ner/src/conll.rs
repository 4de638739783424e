//! CoNLL files: one `token TAG` per line, a blank line between sentences. Extra columns
//! are ignored; a tag outside the four ANERcorp types (or a malformed one) reads as `O`
//! and is counted, so that callers can say how many there were.

use crate::label::Label;

/// One sentence of a CoNLL file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConllSentence {
    /// The tokens as written.
    pub tokens: Vec<String>,
    /// The gold labels, one per token.
    pub labels: Vec<Label>,
}

/// A parsed CoNLL file.
#[derive(Clone, Debug, Default)]
pub struct Conll {
    /// Its sentences, in file order.
    pub sentences: Vec<ConllSentence>,
    /// Tags that were not understood and read as `O`.
    pub unknown_tags: usize,
}

impl Conll {
    /// Parses the text of a CoNLL file.
    pub fn parse(text: &str) -> Conll {
        let mut out = Conll::default();
        let mut cur = ConllSentence::default();
        for line in text.lines() {
            let mut cols = line.split_whitespace();
            let Some(token) = cols.next() else {
                if !cur.tokens.is_empty() {
                    out.sentences.push(std::mem::take(&mut cur));
                }
                continue;
            };
            let label = match cols.next().map(Label::parse) {
                Some(Some(l)) => l,
                _ => {
                    out.unknown_tags += 1;
                    Label::O
                }
            };
            cur.tokens.push(token.to_string());
            cur.labels.push(label);
        }
        if !cur.tokens.is_empty() {
            out.sentences.push(cur);
        }
        out
    }

    /// Number of tokens.
    pub fn token_count(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sentences_and_odd_tags() {
        let c = Conll::parse("فرانكفورت B-LOC\n(د O\n\n\nاتحاد B-ORG extra\n. Oالإصابة O\n");
        assert_eq!(c.sentences.len(), 2);
        assert_eq!(c.sentences[0].tokens, vec!["فرانكفورت", "(د"]);
        assert_eq!(c.sentences[1].labels[0].as_str(), "B-ORG");
        assert_eq!(c.sentences[1].labels[1], Label::O);
        assert_eq!(c.unknown_tags, 1);
        assert_eq!(c.token_count(), 4);
    }
}
