//! Braille text set as a braille book: rows of at most `cols` cells, pages of `rows` rows (the
//! first holds the page number), volumes of at most `volume_sheets` sheets.
//!
//! The rules are MTM's (Svenska skrivregler för punktskrift): a heading is preceded and followed
//! by a blank row, a main heading by three blank rows, also at the top of a page, and never
//! stands last on a page (9.1); no centred headings (9.1). Words are never split at a row's
//! end unless one is longer than a row; then it is cut with the table's hyphen.

/// A blank cell: the space of Unicode braille.
pub const BLANK: char = '\u{2800}';

/// A piece of the book, in braille cells.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A heading; level 1 is a main heading (a `##` section, a title page's title).
    Heading { level: u8, cells: String },
    /// A paragraph or list item: its first row starts `first` cells in, the others `rest`.
    Text {
        first: usize,
        rest: usize,
        cells: String,
    },
    /// One blank row (between blocks that are set apart).
    Blank,
}

/// A page of text rows (the page-number row is added when the book is written).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub rows: Vec<String>,
    /// It opens with a main heading: a good page to start a volume on.
    pub opens_section: bool,
}

/// Sets `pieces` into pages of `text_rows` rows of `cols` cells; `hyphen` is the cell(s) that
/// end the part of a word too long for a row.
pub fn set(pieces: &[Piece], cols: usize, text_rows: usize, hyphen: &str) -> Vec<Page> {
    let mut setter = Setter {
        cols,
        text_rows,
        pages: Vec::new(),
        page: Page::default(),
        blank_pending: 0,
    };
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Blank => setter.blank(1),
            Piece::Heading { level, cells } => {
                let before = if *level == 1 { 3 } else { 1 };
                let lines = wrap(cells, 0, 0, cols, hyphen);
                // The heading, the blank row after it and the first row of what follows stay
                // on one page.
                let follows = usize::from(pieces.get(i + 1).is_some());
                setter.keep_together(before, lines.len() + 2 * follows, *level == 1);
                for line in lines {
                    setter.row(line);
                }
                setter.blank(1);
            }
            Piece::Text { first, rest, cells } => {
                for line in wrap(cells, *first, *rest, cols, hyphen) {
                    setter.row(line);
                }
            }
        }
    }
    setter.finish()
}

struct Setter {
    cols: usize,
    text_rows: usize,
    pages: Vec<Page>,
    page: Page,
    /// Blank rows asked for before the next row (none at the top of a page but before a main
    /// heading).
    blank_pending: usize,
}

impl Setter {
    fn blank(&mut self, n: usize) {
        self.blank_pending = self.blank_pending.max(n);
    }

    /// Starts a new page unless `blank_before` blank rows and `rows` rows fit on this one; at
    /// the top of a page, the blank rows stay only before a main heading.
    fn keep_together(&mut self, blank_before: usize, rows: usize, main: bool) {
        self.blank(blank_before);
        let room = self.text_rows.saturating_sub(self.page.rows.len());
        let blanks = if self.page.rows.is_empty() && !main {
            0
        } else {
            self.blank_pending
        };
        if !self.page.rows.is_empty() && blanks + rows > room {
            self.new_page();
            self.blank_pending = if main { blank_before } else { 0 };
        }
        if self.page.rows.is_empty() && main {
            self.page.opens_section = true;
            // MTM 9.1: the same blank rows before a main heading at the top of a page; on a
            // page too short for them, fewer.
            let room = self.text_rows.saturating_sub(rows);
            self.blank_pending = self.blank_pending.min(room);
            for _ in 0..self.blank_pending {
                self.page.rows.push(String::new());
            }
            self.blank_pending = 0;
        }
    }

    fn row(&mut self, line: String) {
        if !self.page.rows.is_empty() {
            for _ in 0..self.blank_pending {
                if self.page.rows.len() >= self.text_rows {
                    break;
                }
                self.page.rows.push(String::new());
            }
        }
        self.blank_pending = 0;
        if self.page.rows.len() >= self.text_rows {
            self.new_page();
        }
        debug_assert!(line.chars().count() <= self.cols, "a row too long: {line}");
        self.page.rows.push(line);
    }

    fn new_page(&mut self) {
        let mut page = std::mem::take(&mut self.page);
        // Blank rows left at a page's end say nothing.
        while page.rows.last().is_some_and(String::is_empty) {
            page.rows.pop();
        }
        self.pages.push(page);
    }

    fn finish(mut self) -> Vec<Page> {
        if !self.page.rows.is_empty() || self.pages.is_empty() {
            self.new_page();
        }
        self.pages
    }
}

/// `cells` in rows of at most `cols` cells, broken at blank cells: the first row indented by
/// `first` cells, the others by `rest` (at most half a row each). A word longer than a row is
/// cut with `hyphen`. No words, no rows.
pub fn wrap(cells: &str, first: usize, rest: usize, cols: usize, hyphen: &str) -> Vec<String> {
    let hyphen_len = hyphen.chars().count();
    let rest = rest.min(cols / 2);
    let mut rows = Vec::new();
    let mut row: Vec<char> = vec![BLANK; first.min(cols / 2)];
    let mut has_word = false;
    for word in cells.split(BLANK).filter(|w| !w.is_empty()) {
        let mut word: Vec<char> = word.chars().collect();
        while !word.is_empty() {
            let space = usize::from(has_word);
            if row.len() + space + word.len() <= cols {
                if has_word {
                    row.push(BLANK);
                }
                row.append(&mut word);
                has_word = true;
                continue;
            }
            let room = cols.saturating_sub(row.len() + space + hyphen_len);
            // A word that fits a row of its own goes to the next; a longer one is cut, unless
            // only a few cells of it would stand on this row.
            if has_word && (rest + word.len() <= cols || room < 4) {
                rows.push(std::mem::replace(&mut row, vec![BLANK; rest]));
                has_word = false;
                continue;
            }
            if has_word {
                row.push(BLANK);
            }
            let cut = room.max(1).min(word.len());
            row.extend(word.drain(..cut));
            row.extend(hyphen.chars());
            rows.push(std::mem::replace(&mut row, vec![BLANK; rest]));
            has_word = false;
        }
    }
    if has_word {
        rows.push(row);
    }
    rows.into_iter()
        .map(|row| row.into_iter().collect())
        .collect()
}

/// The page ranges of `pages` that make volumes of at most `max_pages` pages: a volume ends
/// before a page that opens a section when one is in the volume's second half.
pub fn volumes(pages: &[Page], max_pages: usize) -> Vec<std::ops::Range<usize>> {
    let max_pages = max_pages.max(2);
    let mut volumes = Vec::new();
    let mut start = 0;
    while start < pages.len() {
        let mut end = (start + max_pages).min(pages.len());
        if end < pages.len()
            && let Some(at) = (start + max_pages / 2 + 1..=end)
                .rev()
                .find(|&p| pages[p].opens_section)
        {
            end = at;
        }
        volumes.push(start..end);
        start = end;
    }
    volumes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> String {
        // A stand-in for a translation: letters to cells one to one, spaces to blanks.
        text.chars()
            .map(|c| {
                if c == ' ' {
                    BLANK
                } else {
                    char::from_u32(0x2800 + (c as u32 % 63) + 1).unwrap()
                }
            })
            .collect()
    }

    #[test]
    fn rows_break_at_blanks_and_long_words_are_cut_with_the_hyphen() {
        let text = format!("ord {} slut och mer", "x".repeat(45));
        let rows = wrap(&cells(&text), 2, 0, 20, "⠤");
        for row in &rows {
            assert!(row.chars().count() <= 20, "{row}");
        }
        assert!(rows[0].starts_with("⠀⠀"));
        assert!(rows.iter().filter(|r| r.ends_with('⠤')).count() >= 2);
        let words: Vec<_> = rows.iter().flat_map(|r| r.split(BLANK)).collect();
        assert!(words.contains(&cells("slut").as_str()));
    }

    #[test]
    fn a_heading_never_ends_a_page_and_main_headings_have_three_blank_rows() {
        let mut pieces = Vec::new();
        for _ in 0..5 {
            pieces.push(Piece::Text {
                first: 2,
                rest: 0,
                cells: cells("ett stycke text"),
            });
        }
        pieces.push(Piece::Heading {
            level: 1,
            cells: cells("Rubrik"),
        });
        pieces.push(Piece::Text {
            first: 2,
            rest: 0,
            cells: cells("text efter"),
        });
        let pages = set(&pieces, 20, 8, "⠤");
        assert_eq!(pages.len(), 2, "{pages:?}");
        assert!(pages[1].opens_section);
        assert_eq!(&pages[1].rows[..3], &["", "", ""]);
        assert_eq!(pages[1].rows[3], cells("Rubrik"));
        for page in &pages {
            assert!(page.rows.len() <= 8);
        }
    }

    #[test]
    fn volumes_start_at_sections_in_their_second_half() {
        let mut pages = vec![Page::default(); 25];
        pages[8].opens_section = true;
        pages[3].opens_section = true;
        let v = volumes(&pages, 10);
        assert_eq!(v[0], 0..8);
        assert!(v.iter().all(|r| r.len() <= 10));
        assert_eq!(v.last().unwrap().end, 25);
    }
}
