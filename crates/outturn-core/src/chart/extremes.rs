//! The lowest and highest value over any stretch of a long series, found
//! without visiting every value: what lets a million-point timeline zoom
//! at the cost of the pixels it fills, not of the points it spans.
//!
//! [`Extremes`] is a pyramid of summaries: each block of [`FAN`] entries
//! keeps its lowest and highest value and where they are, each block of
//! `FAN` blocks the same over those, and so on up. A stretch is answered
//! from the entries at its two ragged ends and the biggest whole blocks
//! between them: a few hundred reads however long the stretch is. It is
//! built once, in one pass, the first time a line is drawn (or a long
//! stretch of it measured) or a piece of shading is drawn dense, and kept
//! beside it ([`Derived`]); for a chart of a few years it is one block.
//!
//! Ties go to the earliest entry, so the answer is the one a scan from the
//! left would give (M4 decimation keeps the first lowest and first highest
//! point of a pixel column).

use std::cell::OnceCell;
use std::fmt;
use std::ops::Range;

/// Entries (and blocks) per block of the pyramid: 32 keeps the pyramid at
/// about a thirtieth of the series' size and a query under ~400 reads for a
/// million entries.
pub const FAN: usize = 32;

/// Stretches no longer than this are scanned, not looked up: as quick, and
/// measuring one builds no pyramid.
pub const SCAN_LIMIT: usize = 4 * FAN;

/// The lowest and highest value over a stretch, and the index of each
/// (the earliest, on ties).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    /// Lowest value.
    pub low: f64,
    /// Index of the lowest value.
    pub low_at: usize,
    /// Highest value.
    pub high: f64,
    /// Index of the highest value.
    pub high_at: usize,
}

impl Span {
    /// Entry `at` with lowest value `low` and highest `high` (equal for a
    /// line's single value).
    pub fn entry(at: usize, low: f64, high: f64) -> Self {
        Self {
            low,
            low_at: at,
            high,
            high_at: at,
        }
    }

    /// Both stretches together. The order of the two does not matter: ties
    /// go to the lower index either way.
    pub fn merge(self, other: Span) -> Span {
        let (low, low_at) =
            if other.low < self.low || (other.low == self.low && other.low_at < self.low_at) {
                (other.low, other.low_at)
            } else {
                (self.low, self.low_at)
            };
        let (high, high_at) = if other.high > self.high
            || (other.high == self.high && other.high_at < self.high_at)
        {
            (other.high, other.high_at)
        } else {
            (self.high, self.high_at)
        };
        Span {
            low,
            low_at,
            high,
            high_at,
        }
    }
}

/// `a` and `b` together, either possibly empty.
fn merge(a: Option<Span>, b: Option<Span>) -> Option<Span> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.merge(b)),
        (a, b) => a.or(b),
    }
}

/// The lowest and highest of `entries` (index, lowest, highest), given in
/// index order, by reading each: ties go to the earliest.
pub fn scan(entries: impl IntoIterator<Item = (usize, f64, f64)>) -> Option<Span> {
    let mut found: Option<Span> = None;
    for (at, low, high) in entries {
        found = Some(match found {
            None => Span::entry(at, low, high),
            Some(mut span) => {
                if low < span.low {
                    (span.low, span.low_at) = (low, at);
                }
                if high > span.high {
                    (span.high, span.high_at) = (high, at);
                }
                span
            }
        });
    }
    found
}

/// Reads a stretch of the series itself: the lowest and highest entry at
/// indexes `range` ([`scan`] over them), `None` where none is reported.
pub type Read<'a> = &'a dyn Fn(Range<usize>) -> Option<Span>;

/// The pyramid of block summaries over a series of `count` entries. It
/// holds no values of its own at the bottom: the ragged ends of a stretch
/// are read from the series through the same [`Read`] it was built with.
#[derive(Debug, Clone)]
pub struct Extremes {
    /// `levels[0][j]` summarises entries `j * FAN ..`; `levels[k + 1][j]`
    /// summarises blocks `j * FAN ..` of `levels[k]`. `None`: nothing
    /// reported there.
    levels: Vec<Vec<Option<Span>>>,
    /// Entries in the series.
    count: usize,
}

impl Extremes {
    /// Built over entries `0 .. count`, read by `read`. One pass.
    pub fn new(count: usize, read: Read) -> Self {
        let mut levels: Vec<Vec<Option<Span>>> = Vec::new();
        let mut below: Vec<Option<Span>> = (0..count.div_ceil(FAN))
            .map(|block| read(block * FAN..((block + 1) * FAN).min(count)))
            .collect();
        while below.len() > 1 {
            let above = below
                .chunks(FAN)
                .map(|blocks| blocks.iter().fold(None, |acc, block| merge(acc, *block)))
                .collect();
            levels.push(below);
            below = above;
        }
        levels.push(below);
        Self { levels, count }
    }

    /// The lowest and highest entries of the whole series.
    pub fn whole(&self) -> Option<Span> {
        self.levels.last()?.first().copied().flatten()
    }

    /// The lowest and highest entries in `range` (clamped to the series),
    /// `None` if none is reported. `read` must be the one the pyramid was
    /// built with.
    pub fn over(&self, range: Range<usize>, read: Read) -> Option<Span> {
        let mut end = range.end.min(self.count);
        let mut start = range.start.min(end);
        // The series itself: read the ends up to whole blocks.
        if end - start <= 2 * FAN {
            return read(start..end);
        }
        let up = start.next_multiple_of(FAN);
        let down = end - end % FAN;
        let mut found = merge(read(start..up), read(down..end));
        (start, end) = (up / FAN, down / FAN);
        // Then each level: its ragged ends, and the middle from the level
        // above while there is one and the middle spans whole blocks of it.
        for (depth, level) in self.levels.iter().enumerate() {
            let blocks = |range: Range<usize>| {
                level
                    .get(range)
                    .unwrap_or_default()
                    .iter()
                    .fold(None, |acc: Option<Span>, block| merge(acc, *block))
            };
            let last = depth + 1 == self.levels.len();
            if last || end - start <= 2 * FAN {
                return merge(found, blocks(start..end));
            }
            let up = start.next_multiple_of(FAN);
            let down = end - end % FAN;
            found = merge(found, merge(blocks(start..up), blocks(down..end)));
            (start, end) = (up / FAN, down / FAN);
        }
        found
    }
}

/// A value derived from the data beside it and built the first time it is
/// asked for (a line's [`Extremes`]). It takes no part in comparing or
/// printing what holds it: equal data derive equal values.
#[derive(Clone)]
pub struct Derived<T>(OnceCell<T>);

impl<T> Default for Derived<T> {
    /// Not built yet.
    fn default() -> Self {
        Self(OnceCell::new())
    }
}

impl<T> Derived<T> {
    /// The value, built by `build` if this is the first time.
    pub fn get_or_build(&self, build: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(build)
    }
}

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> fmt::Debug for Derived<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "Derived(built)"
        } else {
            "Derived(not built)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reproducible spread of `levels` different values (few: many
    /// ties; many: the extremes are single entries) with gaps.
    fn series(count: usize, levels: u64) -> Vec<Option<f64>> {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        (0..count)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % 13 != 0).then_some(((state >> 4) % levels) as f64)
            })
            .collect()
    }

    /// Reads a stretch of `values` by scanning it.
    fn reader(values: &[Option<f64>]) -> impl Fn(Range<usize>) -> Option<Span> + '_ {
        |range: Range<usize>| scan(range.filter_map(|at| values[at].map(|v| (at, v, v))))
    }

    #[test]
    fn every_stretch_matches_a_scan_ties_included() {
        // Sizes round the block and level boundaries.
        let sizes = [0, 1, 31, 32, 33, 1023, 1024, 1025, 40_000];
        for (count, levels) in sizes
            .iter()
            .flat_map(|count| [(*count, 200), (*count, 1 << 40)])
        {
            let values = series(count, levels);
            let read = reader(&values);
            let extremes = Extremes::new(count, &read);
            let mut starts: Vec<usize> = (0..count.min(70)).collect();
            starts.extend([count / 3, count / 2, count.saturating_sub(33)]);
            for &start in &starts {
                for end in [
                    start,
                    start + 1,
                    start + 64,
                    start + 65,
                    start + 1000,
                    start + 33_000,
                    count,
                    count + 5,
                ] {
                    let range = start..end;
                    assert_eq!(
                        extremes.over(range.clone(), &read),
                        read(start.min(count)..end.min(count)),
                        "{count} entries, {range:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn random_stretches_match_a_scan_wherever_the_extremes_fall() {
        // Nearly every value different, so a block read wrongly at any
        // level shows in some answer.
        let count = 70_000;
        let values = series(count, 1 << 40);
        let read = reader(&values);
        let extremes = Extremes::new(count, &read);
        let mut state: u64 = 0x853c_49e6_748f_ea9b;
        for _ in 0..3_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let start = (state >> 33) as usize % count;
            let length = (state >> 13) as usize % (count - start + 1);
            let range = start..start + length;
            assert_eq!(
                extremes.over(range.clone(), &read),
                read(range.clone()),
                "{range:?}"
            );
        }
    }

    #[test]
    fn a_stretch_reads_only_its_ragged_ends() {
        let count = 1_000_000;
        let values = series(count, 1 << 40);
        let reads = std::cell::Cell::new(0_usize);
        let plain = reader(&values);
        let read = |range: Range<usize>| {
            reads.set(reads.get() + range.len());
            plain(range)
        };
        let extremes = Extremes::new(count, &read);
        for range in [0..count, 17..count - 5, 123_457..654_321] {
            reads.set(0);
            assert!(extremes.over(range.clone(), &read).is_some());
            assert!(
                reads.get() <= 2 * FAN,
                "{range:?}: {} entries read",
                reads.get()
            );
        }
        assert_eq!(extremes.whole(), plain(0..count));
    }

    #[test]
    fn ties_go_to_the_earliest_entry() {
        let values = vec![Some(5.0); 10_000];
        let read = reader(&values);
        let extremes = Extremes::new(values.len(), &read);
        let span = extremes.over(1_234..9_000, &read);
        assert_eq!(span.map(|s| (s.low_at, s.high_at)), Some((1_234, 1_234)));
    }

    #[test]
    fn nothing_reported_is_none() {
        let values = vec![None; 5_000];
        let read = reader(&values);
        assert_eq!(
            Extremes::new(values.len(), &read).over(0..5_000, &read),
            None
        );
    }

    #[test]
    fn derived_values_are_built_once_and_ignored_in_comparisons() {
        let built = Derived::default();
        assert_eq!(*built.get_or_build(|| 1), 1);
        assert_eq!(*built.get_or_build(|| 2), 1);
        assert_eq!(built, Derived::default());
        assert_eq!(format!("{built:?}"), "Derived(built)");
    }
}
