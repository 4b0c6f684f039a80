//! Drawing dense series: when there are more points than pixels across the
//! plot, each pixel column keeps only the points that decide what it shows.
//!
//! Lines use M4 decimation (Jugel et al., 2014): per column the first, last,
//! lowest and highest point, in their original order. A line drawn through
//! those covers the same pixels as one drawn through every point, so peaks
//! and troughs are never lost (unlike averaging or taking every n-th point).
//! The shading between budget and actual becomes, per side (over, under), a
//! span from the lowest to the highest shaded pixel in each column. The chart
//! says when this happens (see `layout`).

/// The pixel column of pixel `x`.
fn column(x: f64) -> i64 {
    x.floor() as i64
}

/// M4 decimation of a polyline in pixel coordinates (x never decreasing):
/// per pixel column, its first, lowest, highest and last points, in their
/// original order, each once. A line with at most one point per column comes
/// back unchanged.
pub fn m4(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut kept = Vec::with_capacity(points.len().min(4 * 4096));
    let mut start = 0;
    while start < points.len() {
        let here = column(points[start].0);
        let mut end = start + 1;
        while end < points.len() && column(points[end].0) == here {
            end += 1;
        }
        let (mut low, mut high) = (start, start);
        for index in start..end {
            if points[index].1 < points[low].1 {
                low = index;
            }
            if points[index].1 > points[high].1 {
                high = index;
            }
        }
        // In index order already: start <= low, high <= end - 1.
        let picks = [start, low.min(high), low.max(high), end - 1];
        let mut last = None;
        for index in picks {
            if last != Some(index) {
                kept.push(points[index]);
                last = Some(index);
            }
        }
        start = end;
    }
    kept
}

/// The shading of one side as polygons in pixel coordinates: for every
/// pixel column between `left` and `right` that any of `pieces` (polygons in
/// pixel coordinates) reaches, a span from its lowest to its highest point
/// there; neighbouring columns join into one polygon.
pub fn column_spans<'a>(
    pieces: impl Iterator<Item = &'a [(f64, f64)]>,
    left: f64,
    right: f64,
) -> Vec<Vec<(f64, f64)>> {
    let first = column(left);
    let columns = (column(right) - first + 1).max(0) as usize;
    let mut spans: Vec<Option<(f64, f64)>> = vec![None; columns];
    for piece in pieces {
        for &(x, y) in piece {
            if x < left || x > right {
                continue;
            }
            let at = (column(x) - first) as usize;
            if let Some(span) = spans.get_mut(at) {
                *span = Some(match *span {
                    Some((low, high)) => (low.min(y), high.max(y)),
                    None => (y, y),
                });
            }
        }
    }
    let mut polygons = Vec::new();
    let mut run: Vec<(usize, (f64, f64))> = Vec::new();
    for (index, span) in spans.iter().enumerate() {
        match span {
            Some(span) => run.push((index, *span)),
            None => polygons.extend(span_polygon(&std::mem::take(&mut run), first)),
        }
    }
    polygons.extend(span_polygon(&run, first));
    polygons
}

/// One polygon round a run of column spans: along the tops, back along the
/// bottoms, each column a full pixel wide.
fn span_polygon(run: &[(usize, (f64, f64))], first: i64) -> Option<Vec<(f64, f64)>> {
    if run.is_empty() {
        return None;
    }
    let x = |index: usize| (first + index as i64) as f64;
    let mut polygon = Vec::with_capacity(run.len() * 4);
    for &(index, (low, _)) in run {
        polygon.push((x(index), low));
        polygon.push((x(index) + 1.0, low));
    }
    for &(index, (_, high)) in run.iter().rev() {
        polygon.push((x(index) + 1.0, high));
        polygon.push((x(index), high));
    }
    Some(polygon)
}

#[cfg(test)]
mod tests {
    use super::{column_spans, m4};

    #[test]
    fn sparse_lines_are_unchanged() {
        let points: Vec<(f64, f64)> = (0..12)
            .map(|i| (10.0 + i as f64 * 50.0, i as f64))
            .collect();
        assert_eq!(m4(&points), points);
    }

    #[test]
    fn a_million_points_keep_every_peak_in_four_per_column() {
        // 1,000,000 points over 800 pixels, flat at 100 with one spike up
        // and one down, each a single point.
        let width = 800.0;
        let count = 1_000_000;
        let points: Vec<(f64, f64)> = (0..count)
            .map(|i| {
                let y = match i {
                    123_457 => 5.0,
                    654_321 => 195.0,
                    _ => 100.0 + (i % 7) as f64 * 0.1,
                };
                (i as f64 / count as f64 * width, y)
            })
            .collect();
        let kept = m4(&points);
        assert!(kept.len() <= 4 * 800, "{} points kept", kept.len());
        assert!(kept.contains(&points[123_457]), "the upward spike is kept");
        assert!(
            kept.contains(&points[654_321]),
            "the downward spike is kept"
        );
        assert_eq!(kept.first(), points.first());
        assert_eq!(kept.last(), points.last());
        // Order is kept, so the line still runs left to right.
        assert!(kept.windows(2).all(|w| w[0].0 <= w[1].0));
    }

    #[test]
    fn shading_becomes_one_span_per_column() {
        let under: Vec<(f64, f64)> = vec![(0.2, 10.0), (0.7, 30.0), (1.5, 20.0), (1.9, 25.0)];
        let gap: Vec<(f64, f64)> = vec![(3.1, 5.0), (3.4, 8.0)];
        let polygons = column_spans([under.as_slice(), gap.as_slice()].into_iter(), 0.0, 4.0);
        assert_eq!(
            polygons,
            vec![
                vec![
                    (0.0, 10.0),
                    (1.0, 10.0),
                    (1.0, 20.0),
                    (2.0, 20.0),
                    (2.0, 25.0),
                    (1.0, 25.0),
                    (1.0, 30.0),
                    (0.0, 30.0)
                ],
                vec![(3.0, 5.0), (4.0, 5.0), (4.0, 8.0), (3.0, 8.0)],
            ]
        );
    }
}
