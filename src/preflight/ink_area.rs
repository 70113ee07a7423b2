//! Total ink over area, as GWG 2022 measures it: the ink (C+M+Y+K) averaged over any 15 mm
//! square of the page. The page is painted onto a 1 mm grid the way a press would lay the inks
//! down: each fill replaces what is below it (or, overprinting with OPM 1, only the inks it
//! has), images are sampled at each cell. Fills count over their bounding box, cut to the clip;
//! text and strokes are left out (their coverage is a small part of any 15 mm square), as are
//! gradients and JPEG-coded images, which this grid does not decode.

use std::ops::Range;

/// The grid's cell, in points (1 mm).
const CELL: f64 = crate::print_rules::MM;

/// The inks laid on one page, per 1 mm cell, in 255ths (a byte an ink keeps the map small:
/// it is made for every page of every print twin).
pub(super) struct InkMap {
    origin: [f64; 2],
    columns: usize,
    rows: usize,
    cells: Vec<[u8; 4]>,
    /// The columns and rows of every cell painted so far: ink lies nowhere else.
    painted: Option<(Range<usize>, Range<usize>)>,
}

impl InkMap {
    /// A blank map of the page `media` (x0, y0, x1, y1 in points).
    pub(super) fn new(media: [f64; 4]) -> InkMap {
        let size = |extent: f64| ((extent / CELL).ceil().max(1.0) as usize).min(4000);
        let (columns, rows) = (size(media[2] - media[0]), size(media[3] - media[1]));
        InkMap {
            origin: [media[0], media[1]],
            columns,
            rows,
            cells: vec![[0; 4]; columns * rows],
            painted: None,
        }
    }

    /// Notes that cells of `columns` × `rows` are being painted.
    fn paint(&mut self, columns: &Range<usize>, rows: &Range<usize>) {
        let union = |a: &Range<usize>, b: &Range<usize>| a.start.min(b.start)..a.end.max(b.end);
        self.painted = Some(match &self.painted {
            Some((c, r)) => (union(c, columns), union(r, rows)),
            None => (columns.clone(), rows.clone()),
        });
    }

    /// The cells whose centres lie in `area` (points), as column and row ranges.
    fn span(&self, area: [f64; 4]) -> Option<(Range<usize>, Range<usize>)> {
        let index = |value: f64, origin: f64, count: usize| {
            (((value - origin) / CELL - 0.5).ceil().max(0.0) as usize).min(count)
        };
        let columns = index(area[0], self.origin[0], self.columns)
            ..index(area[2], self.origin[0], self.columns);
        let rows =
            index(area[1], self.origin[1], self.rows)..index(area[3], self.origin[1], self.rows);
        (!columns.is_empty() && !rows.is_empty()).then_some((columns, rows))
    }

    /// A fill of `inks` over `area`; with `overprint` (OPM 1) a zero ink leaves what is below.
    pub(super) fn fill(&mut self, area: [f64; 4], inks: [f64; 4], overprint: bool) {
        let Some((columns, rows)) = self.span(area) else {
            return;
        };
        self.paint(&columns, &rows);
        let inks = inks.map(byte);
        for row in rows {
            for cell in &mut self.cells[row * self.columns..][columns.clone()] {
                if overprint {
                    for (below, ink) in cell.iter_mut().zip(inks) {
                        if ink > 0 {
                            *below = ink;
                        }
                    }
                } else {
                    *cell = inks;
                }
            }
        }
    }

    /// An image drawn into the unit square under `ctm`, cut to `clip`: `inks(u, v)` gives its
    /// inks at a point of the unit square (0–1 each, v upwards).
    pub(super) fn image(
        &mut self,
        ctm: [f64; 6],
        clip: [f64; 4],
        mut inks: impl FnMut(f64, f64) -> [f64; 4],
    ) {
        let determinant = ctm[0] * ctm[3] - ctm[1] * ctm[2];
        if determinant.abs() < 1e-9 {
            return;
        }
        let corners = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|(u, v)| {
            (
                ctm[0] * u + ctm[2] * v + ctm[4],
                ctm[1] * u + ctm[3] * v + ctm[5],
            )
        });
        let area = bounds(&corners);
        let area = intersect(area, clip);
        let Some((columns, rows)) = self.span(area) else {
            return;
        };
        self.paint(&columns, &rows);
        for row in rows {
            for column in columns.clone() {
                let x = self.origin[0] + (column as f64 + 0.5) * CELL - ctm[4];
                let y = self.origin[1] + (row as f64 + 0.5) * CELL - ctm[5];
                let u = (ctm[3] * x - ctm[2] * y) / determinant;
                let v = (ctm[0] * y - ctm[1] * x) / determinant;
                if (0.0..1.0).contains(&u) && (0.0..1.0).contains(&v) {
                    self.cells[row * self.columns + column] = inks(u, v).map(byte);
                }
            }
        }
    }

    /// The largest total ink (percent) averaged over any square of `side_mm`.
    pub(super) fn max_over(&self, side_mm: usize) -> f64 {
        let side = side_mm.min(self.columns).min(self.rows).max(1);
        let Some((columns, rows)) = &self.painted else {
            return 0.0;
        };
        // Only a square that meets a painted cell holds ink: one starting less than `side`
        // cells before the painted ones, and ending less than `side` after them. At least
        // `side` cells either way, since the page is.
        let around = |painted: &Range<usize>, count: usize| {
            painted.start.saturating_sub(side - 1)..(painted.end + side - 1).min(count)
        };
        let (xs, ys) = (around(columns, self.columns), around(rows, self.rows));
        let (w, h) = (xs.len(), ys.len());
        // Each cell's total (in 255ths), then a window of `side` rows slid down the area, its
        // column sums kept up to date a row at a time, and a window of `side` of those slid
        // along each position: every cell is added and taken away once.
        let totals: Vec<u32> = ys
            .flat_map(|y| &self.cells[y * self.columns..][xs.clone()])
            .map(|cell| cell.iter().map(|&ink| u32::from(ink)).sum())
            .collect();
        let row = |y: usize| &totals[y * w..(y + 1) * w];
        let mut columns = vec![0u32; w];
        for y in 0..side {
            for (sum, &total) in columns.iter_mut().zip(row(y)) {
                *sum += total;
            }
        }
        let mut best = 0u64;
        for top in 0..=h - side {
            if top > 0 {
                for ((sum, &gone), &new) in columns
                    .iter_mut()
                    .zip(row(top - 1))
                    .zip(row(top + side - 1))
                {
                    *sum = *sum + new - gone;
                }
            }
            let mut window: u64 = columns[..side].iter().map(|&sum| u64::from(sum)).sum();
            best = best.max(window);
            for x in side..w {
                window = window + u64::from(columns[x]) - u64::from(columns[x - side]);
                best = best.max(window);
            }
        }
        best as f64 / (side * side) as f64 / 255.0 * 100.0
    }
}

/// An ink (0–1) in 255ths.
fn byte(ink: f64) -> u8 {
    (ink.clamp(0.0, 1.0) * 255.0).round() as u8
}

/// The bounding box (x0, y0, x1, y1) of points.
pub(super) fn bounds(points: &[(f64, f64)]) -> [f64; 4] {
    points.iter().fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |b, &(x, y)| [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)],
    )
}

pub(super) fn intersect(a: [f64; 4], b: [f64; 4]) -> [f64; 4] {
    [
        a[0].max(b[0]),
        a[1].max(b[1]),
        a[2].min(b[2]),
        a[3].min(b[3]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sliding_square_finds_what_trying_every_square_finds() {
        let mm = CELL;
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        // Overlapping fills of pseudo-random sizes, places and inks; none, and a few, so that
        // the painted part is small and at the edges as well.
        for (round, fills) in [0, 1, 1, 1, 2, 3, 40, 40].into_iter().enumerate() {
            let mut map = InkMap::new([0.0, 0.0, 61.0 * mm, 47.0 * mm]);
            for _ in 0..fills {
                let (x, y) = (next(61) as f64, next(47) as f64);
                let (w, h) = (next(20) as f64 + 1.0, next(20) as f64 + 1.0);
                let inks = [0; 4].map(|_| next(101) as f64 / 100.0);
                map.fill(
                    [x * mm, y * mm, (x + w) * mm, (y + h) * mm],
                    inks,
                    next(2) == 0,
                );
            }
            let every_square = |side: usize| {
                let mut best = 0u64;
                for top in 0..=map.rows - side {
                    for left in 0..=map.columns - side {
                        let mut sum = 0u64;
                        for y in top..top + side {
                            for x in left..left + side {
                                sum += map.cells[y * map.columns + x]
                                    .iter()
                                    .map(|&i| u64::from(i))
                                    .sum::<u64>();
                            }
                        }
                        best = best.max(sum);
                    }
                }
                best as f64 / (side * side) as f64 / 255.0 * 100.0
            };
            assert_eq!(map.max_over(15), every_square(15), "round {round}");
            // A square wider than the map is cut to its shorter side (47 rows here).
            assert_eq!(map.max_over(100), every_square(47), "round {round}");
        }
    }

    #[test]
    fn a_rich_black_box_counts_its_four_inks_and_a_small_one_is_averaged_out() {
        let mm = CELL;
        let mut map = InkMap::new([0.0, 0.0, 100.0 * mm, 100.0 * mm]);
        map.fill(
            [0.0, 0.0, 100.0 * mm, 100.0 * mm],
            [0.1, 0.0, 0.0, 0.0],
            false,
        );
        // 20 mm square of 60/50/50/100: 260 %.
        map.fill(
            [10.0 * mm, 10.0 * mm, 30.0 * mm, 30.0 * mm],
            [0.6, 0.5, 0.5, 1.0],
            false,
        );
        assert!((map.max_over(15) - 260.0).abs() < 0.5);
        // 5 mm square of 400 % on a 10 % tint: over 15 mm, (25 × 400 + 200 × 10) / 225.
        let mut map = InkMap::new([0.0, 0.0, 100.0 * mm, 100.0 * mm]);
        map.fill(
            [0.0, 0.0, 100.0 * mm, 100.0 * mm],
            [0.1, 0.0, 0.0, 0.0],
            false,
        );
        map.fill(
            [50.0 * mm, 50.0 * mm, 55.0 * mm, 55.0 * mm],
            [1.0; 4],
            false,
        );
        assert!((map.max_over(15) - (25.0 * 400.0 + 200.0 * 10.0) / 225.0).abs() < 0.5);
        // Overprinting black on the tint keeps the tint's cyan: 110 % around the square.
        map.fill(
            [0.0, 0.0, 100.0 * mm, 100.0 * mm],
            [0.0, 0.0, 0.0, 1.0],
            true,
        );
        let expected = (25.0 * 400.0 + 200.0 * 110.0) / 225.0;
        assert!(
            (map.max_over(15) - expected).abs() < 0.5,
            "{}",
            map.max_over(15)
        );
    }
}
