//! Shows what is wrong with the data, each problem with its JSON path (and
//! line and column for syntax errors). Errors are an alert; warnings a status.

use std::rc::Rc;

use crate::state::LoadProblems;
use yew::prelude::*;

/// Props of [`ProblemsPanel`].
#[derive(Properties, PartialEq)]
pub struct ProblemsPanelProps {
    /// Problems from the last load, if any.
    pub problems: Option<Rc<LoadProblems>>,
    /// True when the last load failed (the problems are errors).
    pub failed: bool,
}

/// The error or warning panel.
#[component]
pub fn ProblemsPanel(props: &ProblemsPanelProps) -> Html {
    let Some(problems) = &props.problems else {
        // An empty live region, present before any error arrives, so the
        // announcement is reliable.
        return html! { <div role="alert" class="outturn-alert-region"></div> };
    };
    let items = problems.diagnostics.iter().map(|problem| {
        let place = match (problem.line, problem.column) {
            (Some(line), Some(column)) => {
                format!("{} (line {line}, column {column})", problem.path)
            }
            _ => problem.path.clone(),
        };
        let severity = if problem.is_error() {
            "Error"
        } else {
            "Warning"
        };
        html! {
            <li>
                <strong class="outturn-severity">{ severity }</strong>
                { " at " }
                <code class="outturn-path">{ place }</code>
                { ": " }
                <span>{ problem.message.clone() }</span>
            </li>
        }
    });
    if props.failed {
        // The list holds warnings too: count both, so the title matches it.
        let errors = problems.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = problems.diagnostics.len() - errors;
        let counted = |count: usize, noun: &str| {
            format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
        };
        let found = match warnings {
            0 => counted(errors, "problem"),
            _ => format!(
                "{} and {}",
                counted(errors, "problem"),
                counted(warnings, "warning")
            ),
        };
        html! {
            <div role="alert" class="outturn-problems outturn-problems-error">
                <p class="outturn-problems-title">
                    { format!("{} could not be loaded: {found} found.", problems.source) }
                </p>
                <ul>{ for items }</ul>
                <p class="outturn-problems-hint">{ "Fix these in the file and load it again, or choose another file." }</p>
            </div>
        }
    } else {
        html! {
            <>
                <div role="alert" class="outturn-alert-region"></div>
                <div role="status" class="outturn-problems outturn-problems-warning">
                    <p class="outturn-problems-title">{ format!("Loaded {} with warnings:", problems.source) }</p>
                    <ul>{ for items }</ul>
                </div>
            </>
        }
    }
}
