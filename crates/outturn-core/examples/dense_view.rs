//! Builds every view of a dataset file's first indicator and prints how
//! long each took (a profiling aid:
//! `cargo run --release -p outturn-core --example dense_view FILE`).
use outturn_core::view::{IndicatorView, View, ViewOptions};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dense_view FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(1);
        }
    };
    let start = std::time::Instant::now();
    let Ok(parsed) = outturn_core::parse_dataset(&text) else {
        eprintln!("{path}: does not parse");
        std::process::exit(1);
    };
    println!("parse {:?}", start.elapsed());
    let dataset = parsed.dataset;
    let indicator = &dataset.indicators[0];
    let Some(year) = indicator.default_year() else {
        return;
    };
    for view in View::ALL {
        let start = std::time::Instant::now();
        let options = ViewOptions {
            view,
            ..ViewOptions::default()
        };
        let built = IndicatorView::new(&dataset, &indicator.id, year, &options);
        println!("{view:?}: {:?} ({})", start.elapsed(), built.is_some());
    }
}
