//! What a key pressed in a chart does: the chart's keyboard, as actions.
//! Left and right move between periods in view, up and down between lines,
//! Home and End to the first and last period in view, Page Up and Page
//! Down between years, Escape dismisses; in a zoomable chart + and - zoom
//! around the focused period, Shift with the arrows pans, 0 shows all.

use super::{Action, Focus};
use crate::chart::{PanStep, Step, Viewport, ZoomStep};

/// What the chart knows when a key is pressed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartKeys {
    /// Index of the chart's panel in the view.
    pub panel: usize,
    /// The window shown.
    pub viewport: Viewport,
    /// Where the keyboard starts without a focus (the last period in view
    /// with an actual).
    pub start: usize,
    /// Lines a keyboard user steps through (0 is taken as 1).
    pub series: usize,
    /// True for the timeline, which zooms and pans.
    pub zoomable: bool,
}

/// The action for `key` (a `KeyboardEvent.key`, Shift held or not) in a
/// chart with `focus` (this panel's, if any); `None` when the chart does
/// nothing with the key, so the page keeps it.
pub fn chart_key(key: &str, shift: bool, focus: Option<Focus>, chart: ChartKeys) -> Option<Action> {
    let count = chart.viewport.count();
    let position = focus.map_or(chart.start, |f| f.position);
    let series = focus.map_or(0, |f| f.series);
    let at = |position: usize, series: usize| Focus {
        panel: chart.panel,
        position,
        series,
        keyboard: true,
    };
    let lines = chart.series.max(1);
    let zoom = |step| Action::Zoom {
        step,
        // Around the focused period, else the middle of the window.
        centre: focus.map(|f| f.position as f64),
        count,
    };
    let pan = |step| Action::Pan { step, count };
    let action = match key {
        "PageUp" => Action::StepYear(-1),
        "PageDown" => Action::StepYear(1),
        "ArrowDown" if !shift => Action::Focus(Some(at(position, (series + 1) % lines))),
        "ArrowUp" if !shift => Action::Focus(Some(at(position, (series + lines - 1) % lines))),
        "+" | "=" if chart.zoomable => zoom(ZoomStep::In),
        "-" | "_" if chart.zoomable => zoom(ZoomStep::Out),
        "ArrowLeft" if shift && chart.zoomable => pan(PanStep::NudgeEarlier),
        "ArrowRight" if shift && chart.zoomable => pan(PanStep::NudgeLater),
        "0" if chart.zoomable => Action::ResetZoom,
        "Escape" => Action::Focus(None),
        _ => {
            let step = match key {
                "ArrowRight" => Step::Next,
                "ArrowLeft" => Step::Previous,
                "Home" => Step::First,
                "End" => Step::Last,
                _ => return None,
            };
            let next = chart.viewport.step(position, step);
            Action::Focus(next.map(|p| at(p, series)))
        }
    };
    Some(action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(zoomable: bool) -> ChartKeys {
        ChartKeys {
            panel: 1,
            viewport: Viewport::new(11.5, 23.5, 48),
            start: 20,
            series: 3,
            zoomable,
        }
    }

    fn focus_at(position: usize, series: usize) -> Option<Focus> {
        Some(Focus {
            panel: 1,
            position,
            series,
            keyboard: true,
        })
    }

    fn moved(action: Option<Action>) -> Option<(usize, usize)> {
        match action {
            Some(Action::Focus(Some(f))) => Some((f.position, f.series)),
            other => panic!("not a move: {other:?}"),
        }
    }

    #[test]
    fn arrows_move_between_periods_in_view_and_lines() {
        let c = chart(false);
        // No focus yet: from the last period with an actual.
        assert_eq!(
            moved(chart_key("ArrowRight", false, None, c)),
            Some((21, 0))
        );
        assert_eq!(
            moved(chart_key("ArrowLeft", false, focus_at(12, 2), c)),
            Some((12, 2))
        );
        assert_eq!(
            moved(chart_key("End", false, focus_at(15, 0), c)),
            Some((23, 0))
        );
        assert_eq!(moved(chart_key("Home", false, None, c)), Some((12, 0)));
        // Up and down wrap round the lines.
        assert_eq!(
            moved(chart_key("ArrowDown", false, focus_at(15, 2), c)),
            Some((15, 0))
        );
        assert_eq!(
            moved(chart_key("ArrowUp", false, focus_at(15, 0), c)),
            Some((15, 2))
        );
        assert!(matches!(
            chart_key("Escape", false, focus_at(15, 0), c),
            Some(Action::Focus(None))
        ));
        assert!(matches!(
            chart_key("PageUp", false, None, c),
            Some(Action::StepYear(-1))
        ));
        // Keys the chart does not use stay with the page.
        assert!(chart_key("a", false, None, c).is_none());
        assert!(
            chart_key("+", false, None, c).is_none(),
            "only a timeline zooms"
        );
    }

    #[test]
    fn a_timeline_zooms_around_the_focus_and_pans() {
        let c = chart(true);
        assert!(matches!(
            chart_key("+", false, focus_at(15, 0), c),
            Some(Action::Zoom { step: ZoomStep::In, centre: Some(c), count: 48 }) if c == 15.0
        ));
        assert!(matches!(
            chart_key("-", false, None, c),
            Some(Action::Zoom {
                step: ZoomStep::Out,
                centre: None,
                ..
            })
        ));
        assert!(matches!(
            chart_key("ArrowLeft", true, None, c),
            Some(Action::Pan {
                step: PanStep::NudgeEarlier,
                count: 48
            })
        ));
        assert!(matches!(
            chart_key("0", false, None, c),
            Some(Action::ResetZoom)
        ));
        // Without Shift the arrows still move the focus.
        assert_eq!(
            moved(chart_key("ArrowRight", false, focus_at(15, 1), c)),
            Some((16, 1))
        );
    }
}
