//! Readability: LIX (läsbarhetsindex) and the counts behind it, for a whole programme and for
//! each section.
//!
//! How we count, exactly:
//! - The text counted is the running text: paragraphs, pledge lead-ins, list items, quotes,
//!   table cells and preformatted text. Headings, a pledge's bold lead phrase (its heading),
//!   table cells without a letter (numbers, dates, amounts), image alt texts and link targets
//!   are not.
//! - A sentence's line is the source line where its first words are.
//! - A **word** is a maximal run of letters and digits (Unicode alphanumerics): "Covid-19-pandemin"
//!   is three words, "35%" one, "EU:s" two.
//! - A **long word** has more than 6 letters/digits.
//! - A **sentence** ends at `.`, `!` or `?` (a run such as `?!` counts once) followed by a space or
//!   the end of the text, and at the end of every paragraph, list item, table cell and lead-in, so
//!   that a list item without a full stop is a sentence of its own. Pieces without words are not
//!   sentences.
//! - **LIX** = words / sentences + 100 × long words / words.

use crate::model::{Block, BlockKind, Inline, Programme, Section, depth_first, plain_text};

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

    /// Puts each sentence on its own line of the source (it was given its block's first line):
    /// the line where its first words are, searching on from the sentence before.
    fn locate_sentences(&mut self, source: &SourceWords) {
        let mut from = 0;
        for sentence in &mut self.sentences {
            let wanted: Vec<&str> = words(&sentence.text).into_iter().take(4).collect();
            let block_start = source
                .line_starts
                .get(sentence.line.saturating_sub(1))
                .copied()
                .unwrap_or(0);
            let words = &source.words;
            let start = words.partition_point(|(at, _)| *at < block_start.max(from));
            let found = (start..words.len()).find(|&i| {
                wanted
                    .iter()
                    .enumerate()
                    .all(|(k, w)| words.get(i + k).is_some_and(|(_, s)| s == w))
            });
            if let Some(i) = found {
                let offset = words[i].0;
                from = offset;
                sentence.line = source.line_starts.partition_point(|start| *start <= offset);
            }
        }
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
        sorted.sort_by_cached_key(|word| (std::cmp::Reverse(word.chars().count()), *word));
        // A word that is its predecessor in other case is left out; the first `n` are enough.
        let mut longest: Vec<&str> = Vec::with_capacity(n);
        for word in sorted {
            if longest.len() == n {
                break;
            }
            if longest
                .last()
                .is_none_or(|last| last.to_lowercase() != word.to_lowercase())
            {
                longest.push(word);
            }
        }
        longest
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

impl ProgrammeReadability<'_> {
    /// Puts every sentence on its own line of `source` (see [`Analysis::locate_sentences`]).
    pub fn locate_sentences(&mut self, source: &str) {
        fn walk(sections: &mut [SectionReadability], source: &SourceWords) {
            for section in sections {
                section.analysis.locate_sentences(source);
                walk(&mut section.subsections, source);
            }
        }
        // Split once: every section's sentences are looked for in the same words.
        let source = SourceWords::new(source);
        self.whole.locate_sentences(&source);
        self.intro.locate_sentences(&source);
        walk(&mut self.sections, &source);
    }
}

/// A source's words with their byte offsets, and where its lines start.
struct SourceWords<'a> {
    line_starts: Vec<usize>,
    words: Vec<(usize, &'a str)>,
}

impl<'a> SourceWords<'a> {
    fn new(source: &'a str) -> SourceWords<'a> {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let words = source
            .split(|c: char| !c.is_alphanumeric())
            .scan(0, |offset, word| {
                let at = *offset;
                *offset += word.len()
                    + source[at + word.len()..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                Some((at, word))
            })
            .filter(|(_, word)| !word.is_empty())
            .collect();
        SourceWords { line_starts, words }
    }
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
    // A pledge's bold lead phrase is its heading: not counted, and not glued to its first
    // sentence.
    let pledge_openings: Vec<*const Block> = depth_first(blocks)
        .into_iter()
        .filter_map(|block| match &block.kind {
            BlockKind::PledgeList { items, .. } => Some(items),
            _ => None,
        })
        .flatten()
        .filter_map(|item| item.blocks.first())
        .map(|block| block as *const Block)
        .collect();
    for block in depth_first(blocks) {
        match &block.kind {
            BlockKind::Paragraph { content }
                if pledge_openings.contains(&(block as *const Block))
                    && matches!(content.first(), Some(Inline::Strong { .. })) =>
            {
                analysis.add_text(&plain_text(&content[1..]), block.line);
                continue;
            }
            // A cell that is a number (or a date, an amount) is no sentence.
            BlockKind::Table { .. } => {
                for cell in block.own_inlines() {
                    let text = plain_text(cell);
                    if text.chars().any(char::is_alphabetic) {
                        analysis.add_text(&text, block.line);
                    }
                }
                continue;
            }
            _ => {}
        }
        for run in block.own_inlines() {
            analysis.add_text(&plain_text(run), block.line);
        }
        if let BlockKind::Preformatted { text } = &block.kind {
            analysis.add_text(text.as_str(), block.line);
        }
    }
}

/// The LIX band, from 0 (very easy, below 30) to 4 (very hard, over 60): an index into a
/// language file's `report: bands`.
pub fn band(lix: f64) -> usize {
    match lix {
        x if x < 30.0 => 0,
        x if x < 40.0 => 1,
        x if x < 50.0 => 2,
        x if x < 60.0 => 3,
        _ => 4,
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
        assert_eq!(band(25.0), 0);
        assert_eq!(band(45.0), 2);
        assert_eq!(band(65.0), 4);
    }

    #[test]
    fn sentences_have_their_own_line_lead_phrases_and_numbers_do_not_count() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("programmes/demo")).unwrap();
        std::fs::create_dir_all(dir.path().join("layouts/demo")).unwrap();
        let text = "---\ntitle: T\nregion: demo\nlang: sv\n---\n\nFörsta meningen här.\nAndra meningen\nbörjar på rad åtta.\n\n## Avsnitt\n\nVi vill:\n\n- **Kortare köer** Vi bygger ut vården.\n\n| År | Mål |\n|---|---|\n| 2026 | 45 % |\n";
        let path = dir.path().join("programmes/demo/p.md");
        std::fs::write(&path, text).unwrap();
        let project = crate::project::Project::open(dir.path()).unwrap();
        let programme = crate::source::load_programme(&project, &path)
            .programme
            .unwrap();
        let mut readability = analyse(&programme);
        readability.locate_sentences(text);
        let lines: Vec<(String, usize)> = readability
            .whole
            .sentences
            .iter()
            .map(|s| (s.text.clone(), s.line))
            .collect();
        assert_eq!(
            lines,
            [
                ("Första meningen här.".to_string(), 7),
                ("Andra meningen börjar på rad åtta.".to_string(), 8),
                ("Vi vill:".to_string(), 13),
                // The lead phrase "Kortare köer" is the pledge's heading, not counted.
                ("Vi bygger ut vården.".to_string(), 15),
                // The header cells are words; "2026" and "45 %" are no sentences.
                ("År".to_string(), 17),
                ("Mål".to_string(), 17),
            ]
        );
    }
}
