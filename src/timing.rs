//! Timings of the widget's own work, as User Timing measures that pages,
//! browser profilers and the benchmark (`bench/`) can read:
//! `outturn:parse` (checking a dataset) and `outturn:analyse` (working out
//! what the current view shows). Only the latest of each is kept, so
//! reloading data does not grow the page's performance timeline.

/// Runs `work` and records how long it took as the measure `name`.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = gloo::utils::window().performance();
    let start = format!("{name}:start");
    if let Some(performance) = &performance {
        let _ = performance.mark(&start);
    }
    let result = work();
    if let Some(performance) = &performance {
        performance.clear_measures_with_measure_name(name);
        let _ = performance.measure_with_start_mark(name, &start);
        performance.clear_marks_with_mark_name(&start);
    }
    result
}
