//! Zooms a dataset file's first indicator's timeline 20 wheel notches in
//! and 20 out at 1280 px and prints what each frame's layout and drawing
//! cost natively (a profiling aid:
//! `cargo run --release -p outturn-core --example zoom_frames FILE`).
use outturn_core::chart::{chart_height, layout_window, render_svg, Theme, ZoomStep};
use outturn_core::view::{IndicatorView, View, ViewOptions};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: zoom_frames FILE");
        std::process::exit(2);
    };
    let Some(text) = std::fs::read_to_string(&path).ok() else {
        eprintln!("{path}: cannot be read");
        std::process::exit(1);
    };
    let Ok(parsed) = outturn_core::parse_dataset(&text) else {
        eprintln!("{path}: does not parse");
        std::process::exit(1);
    };
    let dataset = parsed.dataset;
    let indicator = &dataset.indicators[0];
    let Some(year) = indicator.default_year() else {
        return;
    };
    let options = ViewOptions {
        view: View::Years,
        ..ViewOptions::default()
    };
    let Some(built) = IndicatorView::new(&dataset, &indicator.id, year, &options) else {
        return;
    };
    let Some(panel) = built.panels.iter().find(|panel| panel.zoomable) else {
        eprintln!("no timeline");
        return;
    };
    let (width, theme) = (852.0, Theme::light());
    let points: usize = panel.scene.bands.iter().map(|band| band.points.len()).sum();
    println!(
        "{} pieces of shading, {points} corners",
        panel.scene.bands.len()
    );
    let mut window = panel.scene.x_window;
    let mut totals = (0.0, 0.0, 0);
    // ZOOM_ROUNDS=n repeats the 40 notches n times (for a profiler).
    let rounds: usize = std::env::var("ZOOM_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    for notch in 0..40 * rounds {
        let step = if notch % 40 < 20 {
            ZoomStep::WheelIn
        } else {
            ZoomStep::WheelOut
        };
        window = window.zoomed(step, None);
        let start = std::time::Instant::now();
        let frame = layout_window(&panel.scene, window, width, chart_height(width));
        let laid_out = start.elapsed();
        let svg = render_svg(&panel.scene, &frame, &theme).unwrap_or_default();
        let drawn = start.elapsed() - laid_out;
        totals.0 += laid_out.as_secs_f64() * 1000.0;
        totals.1 += drawn.as_secs_f64() * 1000.0;
        totals.2 += svg.len();
        println!(
            "{:>9.0} positions: layout {laid_out:>10.2?}, draw {drawn:>10.2?}, {} bytes",
            window.span(),
            svg.len()
        );
    }
    println!(
        "mean: layout {:.2} ms, draw {:.2} ms, {} bytes",
        totals.0 / (40 * rounds) as f64,
        totals.1 / (40 * rounds) as f64,
        totals.2 / (40 * rounds)
    );
}
