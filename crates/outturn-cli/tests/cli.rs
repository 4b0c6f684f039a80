//! The `outturn` binary as a web team would run it: exit codes, one problem
//! per line starting with its JSON path, and the summary figures.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests fail loudly by design.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn outturn(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_outturn"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::null())
        .output()
        .expect("runs")
}

const KENT: &str = "assets/kent-2011-12-key-activity.json";

#[test]
fn check_accepts_the_default_dataset() {
    let out = outturn(&["check", KENT]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("valid outturn/1 dataset with 38 indicators")
    );
}

#[test]
fn check_counts_one_indicator_in_the_singular() {
    let out = outturn(&["check", "tests/fixtures/valid/minimal.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("valid outturn/1 dataset with 1 indicator\n")
    );
}

#[test]
fn check_reports_each_problem_on_a_line_starting_with_its_path() {
    let out = outturn(&["check", "tests/fixtures/invalid/mixed-problems.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 8, "{stderr}");
    assert!(
        lines.iter().all(|line| line.starts_with("indicators[")),
        "{stderr}"
    );
    assert!(stderr.contains("indicators[0].years[0].actual[1]: error: expected a number or null, found the text \"63,168\""));
    assert!(stderr.contains("indicators[0].colour: warning: unknown field"));
}

#[test]
fn check_gives_line_and_column_for_syntax_errors() {
    let dir = std::env::temp_dir().join(format!("outturn-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.json");
    std::fs::write(
        &file,
        "{\n  \"format\": \"outturn/1\",\n  \"title\": 'single'\n}",
    )
    .unwrap();
    let out = outturn(&["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("$ (line 3, column 12): error:"));

    let latin1 = dir.join("latin1.json");
    std::fs::write(&latin1, b"{\"title\": \"\xa3 per hour\"}").unwrap();
    let out = outturn(&["check", latin1.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["check"][..],
        &["check", "a", "b"][..],
        &["summary", "--colour", KENT][..],
    ] {
        let out = outturn(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage: outturn check FILE"));
    }
    assert_eq!(outturn(&["--help"]).status.code(), Some(0));
}

#[test]
fn a_missing_file_is_an_error_not_a_crash() {
    let out = outturn(&["check", "no/such/file.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

#[test]
fn summary_json_gives_the_reported_figures() {
    let out = outturn(&["summary", "--json", KENT]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let indicators = json["indicators"].as_array().unwrap();
    assert_eq!(indicators.len(), 38);
    let care = indicators
        .iter()
        .find(|i| i["id"] == "domiciliary-care-hours")
        .unwrap();
    let year = care["years"]
        .as_array()
        .unwrap()
        .iter()
        .find(|y| y["year"] == "2011-12")
        .unwrap();
    assert_eq!(year["budget"], 2_402_516);
    assert_eq!(year["budget_to_date"], 2_402_516);
    assert_eq!(year["actual"], 2_410_522);
    assert_eq!(year["variance"], 8_006);
    assert_eq!(year["periods_reported"], 12);
    assert_eq!(year["printed_total_mismatch"], serde_json::json!([]));
    let volume = year["cost_effect"]["volume"].as_f64().unwrap();
    let price = year["cost_effect"]["price"].as_f64().unwrap();
    let total = year["cost_effect"]["total"].as_f64().unwrap();
    assert_eq!((volume / 1000.0).round(), 118.0);
    assert_eq!((price / 1000.0).round(), -1_850.0);
    assert!((volume + price - total).abs() < 0.011);
    // A budget-only year: absent values are null, no cost effect.
    let next = care["years"]
        .as_array()
        .unwrap()
        .iter()
        .find(|y| y["year"] == "2012-13")
        .unwrap();
    assert!(
        next["actual"].is_null() && next["variance"].is_null() && next["variance_pct"].is_null()
    );
    assert!(next.get("cost_effect").is_none());
    // Indicators with no unit cost carry no cost_effect key.
    let waste = indicators
        .iter()
        .find(|i| i["id"] == "waste-tonnage")
        .unwrap();
    assert!(waste["years"]
        .as_array()
        .unwrap()
        .iter()
        .all(|y| y.get("cost_effect").is_none()));
}

#[test]
fn summary_convention_switches_the_split() {
    let read = |args: &[&str]| -> serde_json::Value {
        serde_json::from_slice(&outturn(args).stdout).unwrap()
    };
    let pick = |json: &serde_json::Value| -> (f64, f64, f64) {
        let i = json["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == "foster-care-independent-weeks")
            .unwrap();
        let y = i["years"]
            .as_array()
            .unwrap()
            .iter()
            .find(|y| y["year"] == "2011-12")
            .unwrap();
        let e = &y["cost_effect"];
        (
            e["volume"].as_f64().unwrap(),
            e["price"].as_f64().unwrap(),
            e["total"].as_f64().unwrap(),
        )
    };
    let actual = pick(&read(&["summary", "--json", KENT]));
    let budget = pick(&read(&[
        "summary",
        "--json",
        "--convention",
        "budget-cost",
        KENT,
    ]));
    assert_ne!(actual.0, budget.0);
    assert_eq!(actual.2, budget.2);
    assert_eq!(
        outturn(&["summary", "--convention", "neither", KENT])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn summary_table_is_readable() {
    let out = outturn(&["summary", KENT]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("domiciliary-care-hours ") && l.contains("2011-12"))
        .unwrap();
    assert!(
        line.contains("2,402,516") && line.contains("2,410,522") && line.contains("8,006 (+0.3%)"),
        "{line}"
    );
    assert!(line.contains("£118k / -£1,850k"), "{line}");
    // Activity data has no performance columns.
    assert!(!text.lines().next().unwrap().contains("status"));
}

#[test]
fn summary_table_gives_performance_indicators_their_target_and_status() {
    let out = outturn(&["summary", "assets/kent-2011-12-q4-performance.json"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    // Cells are padded to their column: compare with single spaces.
    let single = |line: &str| line.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(single(text.lines().next().unwrap()).ends_with("latest target status"));
    let row = |id: &str| {
        single(
            text.lines()
                .find(|l| l.starts_with(&format!("{id} ")) && l.contains("2011-12"))
                .unwrap(),
        )
    };
    // Printed Green at 74.6% against 75%: both words, the figures' first.
    let kpi22 = row("qpr-22-outcomes-achieved-first-review");
    assert!(
        kpi22.ends_with("Q4: 74.6% 75.0% below target (report: Green)"),
        "{kpi22}"
    );
    let waste = row("qpr-26-municipal-waste-diverted-from-landfill");
    assert!(
        waste.ends_with("Q4: 78.1% 72.2% Green (report: Green)"),
        "{waste}"
    );
}

#[test]
fn invalid_data_in_summary_exits_1() {
    let out = outturn(&[
        "summary",
        "--json",
        "tests/fixtures/invalid/mixed-problems.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn every_corpus_case_exits_as_it_should_with_the_path_first() {
    let manifest = std::fs::read_to_string(repo().join("tests/corpus/cases.tsv")).unwrap();
    let mut checked = 0;
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let (file, expect, path, fragment) = (fields[0], fields[1], fields[2], fields[3]);
        let out = outturn(&["check", &format!("tests/corpus/{file}")]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let code = out.status.code();
        assert_ne!(code, Some(101), "{file} panicked");
        match expect {
            "error" => {
                assert_eq!(code, Some(1), "{file}: {stderr}");
                assert!(
                    stderr
                        .lines()
                        .any(|l| l.starts_with(path) && l.contains(fragment)),
                    "{file}: no line starting {path} with {fragment:?}:\n{stderr}"
                );
            }
            "warning" => {
                assert_eq!(code, Some(0), "{file}: {stderr}");
                assert!(
                    stderr
                        .lines()
                        .any(|l| l.starts_with(path) && l.contains(fragment)),
                    "{file}: {stderr}"
                );
            }
            _ => assert_eq!(code, Some(0), "{file}: {stderr}"),
        }
        checked += 1;
    }
    assert!(checked >= 25);
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it() {
    let dir = std::env::temp_dir().join(format!("outturn-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("big.json");
    // A sparse 100 MB file: refused by its size alone.
    let handle = std::fs::File::create(&file).unwrap();
    handle.set_len(100 * 1024 * 1024).unwrap();
    let out = outturn(&["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("the file is 100.0 MB; Outturn reads files up to 50 MB"));
    std::fs::remove_file(&file).unwrap();
}

#[test]
fn the_kent_dataset_round_trips_through_export_and_import_with_an_identical_summary() {
    let out = outturn(&["export", "--csv", KENT]);
    assert_eq!(out.status.code(), Some(0));
    let csv = std::env::temp_dir().join(format!("outturn-kent-{}.csv", std::process::id()));
    let back = csv.with_extension("json");
    std::fs::write(&csv, &out.stdout).unwrap();
    let imported = outturn(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        back.to_str().unwrap(),
    ]);
    assert_eq!(
        imported.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let before = outturn(&["summary", "--json", KENT]);
    let after = outturn(&["summary", "--json", back.to_str().unwrap()]);
    assert_eq!(before.stdout, after.stdout);
    let _ = std::fs::remove_file(&csv);
    let _ = std::fs::remove_file(&back);
}

#[test]
fn import_names_the_cell_and_exits_1() {
    let path = std::env::temp_dir().join(format!("outturn-bad-{}.csv", std::process::id()));
    std::fs::write(&path, "indicator,year,position,actual\na,2011-12,1,n/a\n").unwrap();
    let out = outturn(&["import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("row 2, column D: \"n/a\" is not a number"),
        "{stderr}"
    );
    let _ = std::fs::remove_file(&path);
    let usage = outturn(&["import", "--from", "numbers", "x.numbers"]);
    assert_eq!(usage.status.code(), Some(2));
    let usage = outturn(&["export", KENT]);
    assert_eq!(usage.status.code(), Some(2));
}

fn outturn_with_input(args: &[&str], input: &str) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_outturn"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().expect("finishes")
}

/// The summary entry of one indicator in `summary --json` output.
fn summary_of(summary: &[u8], id: &str) -> serde_json::Value {
    let all: serde_json::Value = serde_json::from_slice(summary).unwrap();
    let list = all["indicators"].as_array().unwrap();
    list.iter().find(|i| i["id"] == id).unwrap().clone()
}

#[test]
fn a_report_table_added_into_the_kent_dataset_gives_that_indicators_summary() {
    // Direct payments, as the report prints it, replacing the Kent
    // dataset's own indicator: the same figures give the same summary.
    let merged = std::env::temp_dir().join(format!("outturn-into-{}.json", std::process::id()));
    std::fs::copy(repo().join(KENT), &merged).unwrap();
    let merged_path = merged.to_str().unwrap();
    let out = outturn(&[
        "import",
        "tests/fixtures/report-tables/kent-2012-key-activity/2.6-direct-payments.txt",
        "--id",
        "direct-payments",
        "--title",
        "Adult social care clients receiving direct payments",
        "--unit",
        "clients",
        "--year-value",
        "last",
        "--into",
        merged_path,
        "-o",
        merged_path,
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("read as a table with periods down the first column (months)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("direct-payments: B 2009-10 budget"),
        "{stderr}"
    );
    let before = outturn(&["summary", "--json", KENT]);
    let after = outturn(&["summary", "--json", merged_path]);
    assert_eq!(
        summary_of(&before.stdout, "direct-payments"),
        summary_of(&after.stdout, "direct-payments")
    );
    let count = outturn(&["check", merged_path]);
    assert!(String::from_utf8_lossy(&count.stderr).contains("with 38 indicators"));
    let _ = std::fs::remove_file(&merged);
}

#[test]
fn a_pasted_table_on_standard_input_is_read_and_its_problems_located() {
    let table = "Waste\n\n\t2010-11\t2011-12\nApril\t55,975\t51,901\nMay\t62,354\t63,168\nTOTAL\t118,329\t115,069\n";
    let out = outturn_with_input(
        &[
            "import", "-", "--id", "waste", "--unit", "tonnes", "--period", "month",
        ],
        table,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dataset: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let indicator = &dataset["indicators"][0];
    assert_eq!(indicator["year_value"], "sum", "the totals are the sums");
    assert_eq!(indicator["years"][1]["actual"][1], 63168.0);
    assert_eq!(indicator["years"][1]["printed_total"]["actual"], 115069.0);
    // A figure that is not a number: exit 1, the cell named.
    let broken = table.replace("63,168", "63,1x8");
    let out = outturn_with_input(&["import", "-", "--unit", "tonnes"], &broken);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("-: row 5, column C: \"63,1x8\" is not a number"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The garbled header of table 1.2 is refused until --map says what
    // its mislabelled columns hold.
    let path =
        "tests/fixtures/report-tables/kent-2012-key-activity/1.2-home-to-school-transport.txt";
    let out = outturn(&["import", path, "--unit", "children"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(
        "row 5, column E: \"2009-10 Mainstream Budget level\" is a second budget of \"Mainstream\" for 2009-10 (column D is the first): --map E=SERIES"
    ));
    // Usage errors exit 2.
    for args in [
        &["import", path, "--map", "E"][..],
        &["import", path, "--period", "fortnight"],
        &["import", path, "--year-value", "total"],
        &["import", path, "--id"],
    ] {
        assert_eq!(outturn(args).status.code(), Some(2), "{args:?}");
    }
}

/// Broken tables (`tests/import-corpus/cases.tsv`: file, options, exit
/// code, what standard error must say): each gives its located message and
/// its exit code, and none panics.
#[test]
fn every_broken_table_gives_its_located_message_and_exit_code() {
    let manifest = std::fs::read_to_string(repo().join("tests/import-corpus/cases.tsv")).unwrap();
    let mut cases = 0;
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let [file, options, code, fragment] = fields[..] else {
            panic!("bad manifest line {line:?}");
        };
        let path = format!("tests/import-corpus/{file}");
        let mut args = vec!["import", path.as_str()];
        args.extend(options.split(' ').filter(|o| !o.is_empty()));
        let out = outturn(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), code.parse().ok(), "{file}: {stderr}");
        assert!(
            stderr.contains(fragment),
            "{file}: wanted {fragment:?} in\n{stderr}"
        );
        cases += 1;
    }
    assert_eq!(cases, 15);
}

/// 49 MB of text that is no table (under the 50 MB limit, so it is read)
/// gives one plain message and exit 1, quickly and without a panic; a
/// table of a million bad rows reports its first problems and a count of
/// the rest, not a million lines.
#[test]
fn tens_of_megabytes_of_text_are_refused_plainly() {
    let dir = std::env::temp_dir().join(format!("outturn-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let words = dir.join("words.txt");
    let line = "the quick brown fox jumps over the lazy dog, again and again\n";
    std::fs::write(&words, line.repeat(49_000_000 / line.len())).unwrap();
    let out = outturn(&["import", words.to_str().unwrap(), "--unit", "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("no row or column of this table names its periods"));
    let rows = dir.join("rows.txt");
    let mut table = String::from("Hours\n\n\t2011-12\n\tActual\n");
    for _ in 0..200_000 {
        table.push_str("April\tn/a\n");
    }
    std::fs::write(&rows, table).unwrap();
    let out = outturn(&["import", rows.to_str().unwrap(), "--unit", "hours"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.lines().count() <= 60,
        "{} lines",
        stderr.lines().count()
    );
    assert!(stderr.contains("more problems like these"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A spreadsheet (Excel and OpenDocument, made by
/// tools/import/make_spreadsheets.py from the report tables) gives the same
/// dataset as the same table pasted from the report: numbers as numbers,
/// merged year cells, months kept as dates, a sheet picked by name.
#[test]
fn spreadsheets_give_what_the_same_table_pasted_gives() {
    let json = |out: &Output| -> serde_json::Value {
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let pasted = json(&outturn(&[
        "import",
        "tests/fixtures/report-tables/kent-2012-key-activity/2.7.1-domiciliary-hours.txt",
        "--id",
        "dom",
    ]));
    for book in [
        "tests/fixtures/spreadsheets/key-activity.xlsx",
        "tests/fixtures/spreadsheets/key-activity.ods",
    ] {
        let first_sheet = json(&outturn(&["import", book, "--id", "dom"]));
        assert_eq!(first_sheet, pasted, "{book}");
        // Months as dates, one year, no years row: the sheet "Waste".
        let waste = json(&outturn(&[
            "import", book, "--sheet", "waste", "--id", "w", "--unit", "tonnes",
        ]));
        let whole = json(&outturn(&[
            "import",
            "tests/fixtures/report-tables/kent-2012-key-activity/3.4-waste-tonnage.txt",
            "--id",
            "w",
            "--unit",
            "tonnes",
        ]));
        let year = |dataset: &serde_json::Value| {
            dataset["indicators"][0]["years"]
                .as_array()
                .unwrap()
                .iter()
                .find(|y| y["year"] == "2011-12")
                .unwrap()
                .clone()
        };
        assert_eq!(year(&waste), year(&whole), "{book}");
        let missing = outturn(&["import", book, "--sheet", "Budget"]);
        assert_eq!(missing.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&missing.stderr)
            .contains("no sheet is called \"Budget\"; its sheets are \"Domiciliary\", \"Waste\""));
    }
}
