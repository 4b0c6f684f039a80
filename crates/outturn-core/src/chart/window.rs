//! Zooming and panning a timeline: pure arithmetic on the visible x window
//! (in positions), clamped to the data, so buttons, keys, the wheel and
//! dragging all move the window the same way.

/// Fewest positions a zoomed window shows.
pub const MIN_SPAN: f64 = 6.0;

/// The whole range of `count` positions.
pub fn full_window(count: usize) -> (f64, f64) {
    (-0.5, count as f64 - 0.5)
}

/// Keeps a window inside the data and at least [`MIN_SPAN`] wide.
pub fn clamp_window(window: (f64, f64), count: usize) -> (f64, f64) {
    let (low, high) = full_window(count);
    let span = (window.1 - window.0).clamp(MIN_SPAN.min(high - low), high - low);
    let start = window.0.clamp(low, high - span);
    (start, start + span)
}

/// Zooms by `factor` (< 1 zooms in, > 1 out) keeping position `centre` where it is.
pub fn zoom(window: (f64, f64), count: usize, factor: f64, centre: f64) -> (f64, f64) {
    let factor = if factor.is_finite() && factor > 0.0 {
        factor
    } else {
        1.0
    };
    let centre = centre.clamp(window.0, window.1);
    let low = centre - (centre - window.0) * factor;
    let high = centre + (window.1 - centre) * factor;
    clamp_window((low, high), count)
}

/// Moves the window by `shift` positions (negative = earlier).
pub fn pan(window: (f64, f64), count: usize, shift: f64) -> (f64, f64) {
    clamp_window((window.0 + shift, window.1 + shift), count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_centre_and_stays_inside() {
        let full = full_window(48);
        let zoomed = zoom(full, 48, 0.5, 23.5);
        assert_eq!(zoomed, (11.5, 35.5));
        // Zooming out past everything gives everything.
        assert_eq!(zoom(zoomed, 48, 10.0, 20.0), full);
        // Never narrower than MIN_SPAN.
        let tight = zoom(zoomed, 48, 0.01, 20.0);
        assert!((tight.1 - tight.0 - MIN_SPAN).abs() < 1e-9);
    }

    #[test]
    fn pan_stops_at_the_ends() {
        let window = (11.5, 23.5);
        assert_eq!(pan(window, 48, 6.0), (17.5, 29.5));
        assert_eq!(pan(window, 48, -100.0), (-0.5, 11.5));
        assert_eq!(pan(window, 48, 100.0), (35.5, 47.5));
        // Short data: the window is the data.
        assert_eq!(clamp_window((0.0, 3.0), 2), (-0.5, 1.5));
    }
}
