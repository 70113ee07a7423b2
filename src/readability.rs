//! Readability: LIX (läsbarhetsindex) and the counts behind it, for a whole programme and for
//! each section.
//!
//! How we count, exactly:
//! - The text counted is the running text: paragraphs, pledge lead-ins, list items, quotes,
//!   table cells and preformatted text. Headings, image alt texts and link targets are not.
//! - A **word** is a maximal run of letters and digits (Unicode alphanumerics): "Covid-19-pandemin"
//!   is three words, "35%" one, "EU:s" two.
//! - A **long word** has more than 6 letters/digits.
//! - A **sentence** ends at `.`, `!` or `?` (a run such as `?!` counts once) followed by a space or
//!   the end of the text, and at the end of every paragraph, list item, table cell and lead-in, so
//!   that a list item without a full stop is a sentence of its own. Pieces without words are not
//!   sentences.
//! - **LIX** = words / sentences + 100 × long words / words.

use crate::model::{Block, BlockKind, Programme, Section, depth_first, plain_text};

/// More letters than this make a long word.
pub const LONG_WORD: usize = 6;

/// Word, sentence and long-word counts of some text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub long_words: usize,
}

impl Counts {
    /// LIX, or `None` for text without words.
    pub fn lix(&self) -> Option<f64> {
        (self.words > 0 && self.sentences > 0).then(|| {
            self.words as f64 / self.sentences as f64
                + 100.0 * self.long_words as f64 / self.words as f64
        })
    }

    fn add(&mut self, other: Counts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.long_words += other.long_words;
    }
}

/// A sentence and where it starts in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub text: String,
    pub words: usize,
    pub line: usize,
}

/// What was measured in some text.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub counts: Counts,
    pub sentences: Vec<Sentence>,
    pub words: Vec<String>,
}

impl Analysis {
    /// Counts `text` (one paragraph, list item, cell …) starting on source `line`.
    pub fn add_text(&mut self, text: &str, line: usize) {
        for sentence in split_sentences(text) {
            let words = words(&sentence);
            if words.is_empty() {
                continue;
            }
            self.counts.sentences += 1;
            self.counts.words += words.len();
            self.counts.long_words += words
                .iter()
                .filter(|w| w.chars().count() > LONG_WORD)
                .count();
            self.sentences.push(Sentence {
                text: sentence.trim().to_string(),
                words: words.len(),
                line,
            });
            self.words.extend(words.into_iter().map(str::to_string));
        }
    }

    fn merge(&mut self, other: &Analysis) {
        self.counts.add(other.counts);
        self.sentences.extend(other.sentences.iter().cloned());
        self.words.extend(other.words.iter().cloned());
    }

    /// The `n` longest sentences, longest first (earlier first among equals).
    pub fn longest_sentences(&self, n: usize) -> Vec<&Sentence> {
        let mut sorted: Vec<&Sentence> = self.sentences.iter().collect();
        sorted.sort_by(|a, b| b.words.cmp(&a.words).then(a.line.cmp(&b.line)));
        sorted.truncate(n);
        sorted
    }

    /// The `n` longest different words, longest first.
    pub fn longest_words(&self, n: usize) -> Vec<&str> {
        let mut sorted: Vec<&str> = self.words.iter().map(String::as_str).collect();
        sorted.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        sorted.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
        sorted.truncate(n);
        sorted
    }
}

/// The runs of letters and digits of `text`.
pub fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Splits at `.`, `!`, `?` (runs count once) followed by whitespace or the end.
pub fn split_sentences(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        if matches!(c, '.' | '!' | '?') {
            while let Some(&next) = chars.peek() {
                if matches!(next, '.' | '!' | '?' | '"' | '”' | '’' | ')' | '»') {
                    current.push(next);
                    chars.next();
                } else {
                    break;
                }
            }
            if chars.peek().is_none_or(|next| next.is_whitespace()) {
                sentences.push(std::mem::take(&mut current));
            }
        }
    }
    if !current.trim().is_empty() {
        sentences.push(current);
    }
    sentences
}

/// The analysis of a section, with its subsections'.
#[derive(Debug, Clone)]
pub struct SectionReadability<'a> {
    pub section: &'a Section,
    /// The section's own text and its subsections' together.
    pub analysis: Analysis,
    pub subsections: Vec<SectionReadability<'a>>,
}

/// The readability of a whole programme.
#[derive(Debug, Clone)]
pub struct ProgrammeReadability<'a> {
    pub whole: Analysis,
    pub intro: Analysis,
    pub sections: Vec<SectionReadability<'a>>,
}

pub fn analyse(programme: &Programme) -> ProgrammeReadability<'_> {
    let mut intro = Analysis::default();
    add_blocks(&mut intro, &programme.intro);
    let sections: Vec<_> = programme.sections.iter().map(analyse_section).collect();
    let mut whole = intro.clone();
    for section in &sections {
        whole.merge(&section.analysis);
    }
    ProgrammeReadability {
        whole,
        intro,
        sections,
    }
}

fn analyse_section(section: &Section) -> SectionReadability<'_> {
    let mut analysis = Analysis::default();
    add_blocks(&mut analysis, &section.blocks);
    let subsections: Vec<_> = section.sections.iter().map(analyse_section).collect();
    for sub in &subsections {
        analysis.merge(&sub.analysis);
    }
    SectionReadability {
        section,
        analysis,
        subsections,
    }
}

fn add_blocks(analysis: &mut Analysis, blocks: &[Block]) {
    for block in depth_first(blocks) {
        for run in block.own_inlines() {
            analysis.add_text(&plain_text(run), block.line);
        }
        if let BlockKind::Preformatted { text } = &block.kind {
            analysis.add_text(text.as_str(), block.line);
        }
    }
}

/// The LIX band, in Swedish for `sv` and in English otherwise.
pub fn band(lix: f64, lang: &str) -> &'static str {
    let swedish = lang.split('-').next() == Some("sv");
    let index = match lix {
        x if x < 30.0 => 0,
        x if x < 40.0 => 1,
        x if x < 50.0 => 2,
        x if x < 60.0 => 3,
        _ => 4,
    };
    if swedish {
        ["mycket lätt", "lätt", "medelsvår", "svår", "mycket svår"][index]
    } else {
        ["very easy", "easy", "medium", "hard", "very hard"][index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str) -> Counts {
        let mut analysis = Analysis::default();
        analysis.add_text(text, 1);
        analysis.counts
    }

    #[test]
    fn sentences_end_at_stops_followed_by_space() {
        assert_eq!(split_sentences("Ja. Nej! Kanske?! Ok").len(), 4);
        // "s.k." inside a sentence: the stop is followed by a letter, so only the one before the
        // space ends a sentence.
        assert_eq!(split_sentences("Det s.k. stödet. Slut.").len(), 3);
        assert_eq!(split_sentences("Version 1.5 är bra.").len(), 1);
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        assert_eq!(
            words("Covid-19-pandemin, 35% och EU:s"),
            ["Covid", "19", "pandemin", "35", "och", "EU", "s"]
        );
    }

    #[test]
    fn lix_of_hand_counted_texts() {
        // "Vi vill bygga ett samhälle." 5 words, 1 sentence, long: samhälle (8) → 1.
        // LIX = 5/1 + 100·1/5 = 25.
        let c = counts("Vi vill bygga ett samhälle.");
        assert_eq!(
            c,
            Counts {
                words: 5,
                sentences: 1,
                long_words: 1
            }
        );
        assert_eq!(c.lix(), Some(25.0));

        // "Sjukvården behöver mer resurser. Köerna ska kortas!" words: Sjukvården(10) behöver(7)
        // mer resurser(8) Köerna ska kortas → 7 words, 2 sentences, long: Sjukvården, behöver,
        // resurser → 3. LIX = 3.5 + 42.857… = 46.357…
        let c = counts("Sjukvården behöver mer resurser. Köerna ska kortas!");
        assert_eq!(
            c,
            Counts {
                words: 7,
                sentences: 2,
                long_words: 3
            }
        );
        assert!((c.lix().unwrap() - 46.357).abs() < 0.01);

        // Two list items without stops are two sentences: "att regionen arbetar resurseffektivt"
        // + "att heltid är norm" → 4 + 4 = 8 words; long: regionen(8), arbetar(7),
        // resurseffektivt(15); not heltid(6) → 3. LIX = 8/2 + 100·3/8 = 4 + 37.5 = 41.5.
        let mut a = Analysis::default();
        a.add_text("att regionen arbetar resurseffektivt", 1);
        a.add_text("att heltid är norm", 2);
        assert_eq!(
            a.counts,
            Counts {
                words: 8,
                sentences: 2,
                long_words: 3
            }
        );
        assert_eq!(a.counts.lix(), Some(41.5));
    }

    #[test]
    fn bands_follow_the_language() {
        assert_eq!(band(25.0, "sv"), "mycket lätt");
        assert_eq!(band(45.0, "sv-SE"), "medelsvår");
        assert_eq!(band(65.0, "en"), "very hard");
    }
}
