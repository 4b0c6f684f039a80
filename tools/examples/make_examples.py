#!/usr/bin/env python3
"""Write three outturn/1 example datasets from the report tables in
../shared/data/report-tables/ (issues 16 and 17):

  kent-2011-12-q4-performance.json       Cabinet, 11 June 2012: quarterly
                                         performance report, Q4 2011-12 (30 KPIs)
  kent-2016-01-childrens-exceptions.json Children's Social Care and Health
                                         Cabinet Committee, 22 March 2016: three
                                         monthly exception reports
  kent-2011-12-revenue-and-capital.json  Cabinet, 9 July 2012: provisional
                                         revenue and capital outturn by
                                         portfolio, with the variance per last
                                         report as a forecast round

Usage: python3 tools/examples/make_examples.py [REPORT_TABLES_DIR] [OUT_DIR]
(defaults: ../shared/data/report-tables beside the repository, and the
repository's assets/, where the two files are committed).

The output is deterministic (2-space indent, keys in a fixed order, UTF-8,
one trailing newline). Figures are taken from the tables' JSON readings;
what the JSON leaves blank stays null. Every judgement the script makes
(polarity where the report does not print it, which count is a numerator or
a denominator, how a non-financial period is placed) is said in the
indicator's notes.
"""
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TABLES = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "data" / "report-tables"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else REPO / "assets"

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
PERIODS_PER_YEAR = {"month": 12, "quarter": 4, "term": 3, "year": 1}
RAG_WORDS = {"g": "green", "green": "green", "a": "amber", "amber": "amber", "r": "red", "red": "red"}


def fy_label(start):
    """Financial year starting in April of `start`: 2011 -> '2011-12'."""
    return f"{start}-{(start + 1) % 100:02d}"


def fy_start(label):
    return int(label[:4])


def month_of(label):
    """'Mar 12' / 'Sept 10' / 'Oct 2015' -> (month, four-digit year)."""
    m = re.fullmatch(r"([A-Za-z]{3})[a-z]*\s+(\d{2}|\d{4})", label.strip())
    if not m:
        raise ValueError(f"not a month label: {label!r}")
    year = int(m.group(2))
    if year < 100:
        year += 2000
    return MONTHS[m.group(1).lower()], year


def fy_of_month(month, year):
    return fy_label(year if month >= 4 else year - 1)


def rag_word(value):
    if value is None:
        return None
    word = RAG_WORDS.get(str(value).strip().lower())
    if word is None:
        raise ValueError(f"unknown RAG {value!r}")
    return word


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write(path, data):
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def with_polarity_first(indicator, polarity):
    """Key order: id, title, group, unit, polarity, period, year_value, ..."""
    out = {}
    for key, value in indicator.items():
        out[key] = value
        if key == "unit":
            out["polarity"] = polarity
    return out


def thousands(n):
    return f"{n:,}" if isinstance(n, int) else str(n)


# ---------------------------------------------------------------------------
# 1. Quarterly performance report, Q4 2011-12
# ---------------------------------------------------------------------------

QPR_DIR = "kent-2012-q4-performance"

# Per KPI (file number): unit, year_value, what count rows are, polarity
# reasoning where the report does not print it, and notes (short, from the
# commentary and the table's quirks). Uncertain readings are added from the
# tables' JSON ("uncertain") automatically.
QPR = {
    1: dict(
        unit="cases", year_value="last",
        notes=[
            "Action is taken on any case reported as unallocated for over 28 days; there have been no unallocated cases of any duration where children are subject to a child protection plan.",
            "The Improvement Notice target was changed in August 2011: 200 cases to September 2011, 100 from December 2011.",
            "Data is reported at each month end (quarter-end months shown).",
        ]),
    2: dict(
        unit="assessments", year_value="last",
        polarity_inferred="a count of assessments out of timescale; no tolerance line survives in the report text",
        notes=[
            "This target has been met and is being consistently maintained, so the emphasis in performance management has shifted from timeliness to quality.",
            "Data is reported at each month end (quarter-end months shown).",
        ]),
    3: dict(
        unit="children per 10,000", year_value="last",
        counts={"Total number of LAC": "numerator"},
        notes=[
            "Numbers of looked after children continue to increase, up 110 (6.5%) in the year. The rate includes unaccompanied asylum seeking children (UASC): the citizen-only count of 1,620 at March 2012 is a rate of 51.7 per 10,000.",
            "Numerator: the total number of looked after children, rounded to the nearest 5. Citizen (non-UASC) looked after children, as printed: 1,145 (Mar 09), 1,245 (Mar 10), 1,460 (Mar 11), 1,510, 1,555, 1,575, 1,620 (Jun 11 to Mar 12).",
            "Earlier years are year-end (March) points only; Mar 09 (Amber) and Mar 10 (Green) are rated without a printed target.",
        ]),
    4: dict(
        unit="%", year_value="last",
        counts={"Number of adoptions": "numerator"},
        polarity_inferred="a higher share of children leaving care through adoption is the aim (the 11% target is a minimum); the tolerance line is cropped to 'To'",
        notes=[
            "The 11% target (set in the Improvement Notice) was a very challenging one, requiring 93 adoptions in the year. If UASC were excluded, Kent's result would be 10.5%.",
            "Financial year to date: March figures are 12 months, Jun 11 is three months only. Numerator: the number of adoptions, rounded to the nearest 5.",
        ]),
    5: dict(
        unit="children per 10,000", year_value="last",
        counts={"Number of children": "numerator"},
        notes=[
            "The number of children subject to a child protection plan fell below 1,000 in the last quarter, the lowest level in Kent in over three years.",
            "For 2012-13 the target becomes a band: between 29 and 32 per 10,000 (too low is also a concern). A band cannot be written as one target; it is not in this table.",
            "The Rag Rating and Number of children rows were printed as a list of pairs after the table; the first two pairs are put back in period order so that count and rate agree. Mar 09 (Amber) and Mar 10 (Red) are rated without a printed target.",
        ]),
    6: dict(
        unit="%", year_value="last",
        notes=[
            "The target is about recruiting permanent staff: counting agency staff, the division is over establishment for qualified social workers (100.9%), but the strategy is to reduce dependence on agency staff.",
            "Percentage of agency staff, as printed: 6.0%, 8.8%, 16.1% (Sep 10 to Mar 11), 23%, 25%, 13.5%, 13.9% (Jun 11 to Mar 12).",
            "Position at each quarter end. Source: SCS Weekly Performance Report, week ending 25/03/12.",
        ]),
    7: dict(
        unit="%", year_value="last",
        counts={"Number of children": "numerator"},
        notes=[
            "Performance has improved throughout the year but remains behind target. The 6% target was set in the Improvement Notice and covers the period up to 2012/13.",
            "Financial year to date (Jun 11 is three months only): the percentage of children ceasing a child protection plan who had been on it for two years or more.",
            "Numerator: the printed Number of children, read as the children ceasing a plan after two or more years (year to date); read as the denominator it would give fractional numerators (e.g. 46 x 11.2% = 5.2).",
        ]),
    8: dict(
        unit="%", year_value="last", period="year",
        polarity_inferred="a higher share of pupils reaching level 4 is the aim; no tolerance line survives in the report text",
        notes=[
            "Kent's results have risen by two percentage points in each of the last two years, against a national rise of one point a year.",
            "Annual results (summer tests). Each is placed in the financial year in which it was taken: the 2011 result (academic year 2010/11) is 2011-12. The 2012 target (74%) is printed before the 2012 result exists.",
            "The target is the national average (a moving target). The summary rates this indicator Amber at Mar 12 and Red at Dec 11; here the year before is the 2010 result (Red).",
        ]),
    9: dict(
        unit="%", year_value="last", period="year",
        benchmark_labels={"statistical_neighbour": "Comparator, row label lost (probably the statistical neighbour average)"},
        polarity_inferred="a higher share of pupils reaching the standard is the aim; no tolerance line survives in the report text",
        notes=[
            "Kent's results continue to rise and to be above the national and statistical neighbour averages, but improved less than nationally this year.",
            "The 60.1% business plan target aggregated school targets excluding sponsored academies and is not directly comparable; on a like-for-like basis, the commentary says, it was achieved. The printed Amber is kept.",
            "Annual results (summer exams), each placed in the financial year in which it was taken (2011 result in 2011-12). The table was garbled: row labels and the 2006-2008 columns are lost.",
        ]),
    10: dict(
        unit="%", year_value="last", period="year",
        notes=[
            "The gap in percentage points between pupils with free school meals and other pupils reaching 5+ A* to C including English and maths (printed with a % sign).",
            "The target is the national average gap. Annual results, each placed in the financial year in which it was taken (2011 result in 2011-12).",
            "No RAG cells survive in the trend table (printed as a chart overlay over eight lines). The 2011-12 status is the summary table's Current Status (Red); its Previous Status (Red, Dec 11) is for a report within the same year and is not placed.",
        ]),
    11: dict(
        unit="schools", year_value="last", period="term",
        notes=[
            "At the start of April 2012 there were 11 schools in special measures and 5 with notices to improve. The target of 10 was based on the old inspection framework; the framework introduced in January 2012 is tougher.",
            "Positions at each term end, placed by school term: Apr = end of the Spring term (Apr 12 is Spring 2011-12), Jul = Summer, Dec = Autumn. Maintained schools only (academies excluded).",
            "Schools in special measures, printed as a list after the table (period order assumed): 10, 11, 11, 11, 9, 9, 11 (Apr 10 to Apr 12).",
        ]),
    12: dict(
        unit="starts", year_value="last",
        notes=[
            "Starts within KCC remain above target; the total for the financial year was 113, well in excess of the target. The achievement rate is 78%, above the Kent average of 74%.",
            "Rolling 12-month totals at each quarter end. Starts in each quarter, as printed: 34, 32, 23 (Sep 10 to Mar 11), 26, 44, 31, 12 (Jun 11 to Mar 12); each rolling total from Jun 11 is the sum of the last four.",
        ]),
    13: dict(
        unit="starts", year_value="last",
        notes=[
            "Academic year (August to July) to date, at the end of October, January, April and July. Each figure is placed in the financial quarter containing that month (Jan 12 is Q4 2011-12), so a year's figure here is the academic-year-to-date count at its latest point, not a financial-year total.",
            "The target is the same point of the previous academic year. Apr 12 (Q1 2012-13) has a target but no result yet.",
            "The 2010/11 academic year's 9,040 starts were 80% more than the year before; the current year shows a more modest increase of under 30% (annual increase as printed: 35%, 56%, 66%, 80%, 28%, 27%). Kent had the lowest level of starts in its statistical neighbour group for 2010/11.",
        ]),
    14: dict(
        unit="%", year_value="last",
        counts={"Number of pupils": "numerator"},
        polarity_inferred="fewer exclusions is the aim; the tolerance line is cropped to '...les are better'",
        notes=[
            "The last quarter shows an improvement. The latest published comparison (academic year 2009/10) had Kent at 0.08% against a statistical neighbour average of 0.09%; the Department for Education data understates Kent's exclusions by up to 10%.",
            "Rolling 12 months. Earlier years are June points (academic-year ends), placed in Q1.",
        ]),
    15: dict(
        unit="%", year_value="mean",
        counts={"Number of NEETs": "numerator"},
        polarity_inferred="fewer young people not in education, employment or training is the aim; no tolerance line survives in the report text",
        notes=[
            "For the first time since March 2011 NEET figures have decreased, but they remain behind target. Increases were higher in Thanet and Swale; the withdrawal of the EMA may have contributed.",
            "Each figure is the average of the month-end positions in the quarter, so a year's mean is the average of its month ends. The target changed from 4.6% (2010-11) to 5.9% (2011-12).",
        ]),
    16: dict(
        unit="young people", year_value="last",
        notes=[
            "Provisional data for the year end shows 330 (23%) fewer young people entering the youth justice system than last year.",
            "Rolling 12-month totals, rounded to the nearest 10. The target changed from 2,325 (2010-11) to 1,500 (2011-12).",
        ]),
    17: dict(
        unit="jobs", year_value="last",
        notes=[
            "Performance for the year exceeded target by 143 (4.6%) jobs, an improvement of 25% on last year.",
            "Financial year to date at each quarter end. The Dec 11 and Mar 12 target cells are blank; the year's target of 3,100 is implied by the commentary (3,243 - 143) but is not printed in the table, so it is not entered.",
            "The first column is printed 'Mar 10' twice; read as Mar 09, Mar 10.",
        ]),
    18: dict(
        unit="%", year_value="last",
        counts={"Client numbers": "numerator"},
        notes=[
            "Performance continues to improve, with the year-end target exceeded. The target rises each quarter (a trajectory: 30%, 33%, 37%, 43%, 50%).",
            "Snapshot of current clients at each quarter end. A cropped NB in the data notes says the basis changed: clients per percentage point fall from about 240 (to Sep 11) to about 191 (Dec 11 on).",
        ]),
    19: dict(
        unit="clients", year_value="last",
        notes=[
            "Ahead of the target trajectory all year; the end-of-year target was exceeded by 3.2%.",
            "The fall in actual and target between March and June 2011 follows a review of all clients and a data cleanse; the baseline was re-set to 960.",
        ]),
    20: dict(
        unit="clients", year_value="last",
        notes=[
            "The enablement target was met for the final quarter of the year.",
            "Clients accessing the service in the last month of each quarter; the target (1,800) is per quarter.",
        ]),
    21: dict(
        unit="%", year_value="none",
        notes=[
            "The aim is not ever-faster assessments (ending enablement too soon would harm people): the target is about 75% within six weeks, and teams either side of it are challenged.",
            "Polarity: neutral. The report prints 'Stable performance is better', which outturn/1 cannot express; Outturn reports above or below target and shows the printed status.",
            "The rate achieved in each quarter (so no year figure).",
        ]),
    22: dict(
        unit="%", year_value="none",
        notes=[
            "The percentage of outcomes achieved has increased from 66% in March 2011 to 75% in March 2012 (the commentary rounds 74.6%).",
            "Mar 12 is printed Green at 74.6% against a 75% target; no amber tolerance is published. The printed status is kept.",
            "The percentage for each quarter (so no year figure).",
        ]),
    23: dict(
        unit="%", year_value="none",
        notes=[
            "The 90% target was met for a third successive quarter, despite the heavy snowfall in early February.",
            "The target row and the RAG row are unlabelled in the printed table. The percentage for each quarter (so no year figure).",
        ]),
    24: dict(
        unit="days", year_value="none",
        counts={"Service requests": "denominator"},
        notes=[
            "Service requests are significantly below last year's: 11,645 repairs in the year to date against 25,495 last year, a 46% reduction. Repairs take less than half the time they took a year earlier.",
            "Denominator: service requests in each quarter, the repairs the average is taken over; 2011-12's four quarters add up to the commentary's 11,645.",
            "The average for each quarter (so no year figure).",
        ]),
    25: dict(
        unit="%", year_value="none",
        notes=[
            "Results from the monthly 100 call back survey have continued to be ahead of target; storms in January and snow in February were two peak weather events.",
            "The percentage for each quarter (so no year figure).",
        ]),
    26: dict(
        unit="%", year_value="last",
        polarity_inferred="diverting more waste from landfill is the aim; the tolerance line is cropped to '...alues are better'",
        notes=[
            "The share of waste diverted from landfill continues to increase and has exceeded the current year target. In the year to March 2011 the national figure was 56.6% and the South East's 67.3%; Kent was in the national upper quartile.",
            "The table was printed garbled over a chart (five overlapping renderings); the values were pieced together. No RAG cells survive, so the Q3 and Q4 2011-12 statuses are the summary table's (Green, Green).",
            "Mar 11 to Sep 11 results are below target without a surviving status. Rolling 12-month totals.",
        ]),
    27: dict(
        unit="kg per household", year_value="last",
        notes=[
            "Residual waste per household fell significantly in 2011-12. In 2010/11 the national result was 601 kg and the South East's 624 kg, against Kent's 666 kg.",
            "Rolling 12-month totals. Several cells were split mid-number across columns.",
        ]),
    28: dict(
        unit="%", year_value="last",
        notes=[
            "Performance has been ahead of target all year. A new household waste recycling centre at New Romney (May 2011) approaches 74%.",
            "Tonnage handled (rolling 12 months) is printed as seven loose figures, the first above the page title: 137,000; 131,000; 127,000; 135,000; 134,000; 133,000; 137,000. Their periods cannot be verified, so they are not entered as denominators.",
            "Rolling 12-month totals.",
        ]),
    29: dict(
        unit="%", year_value="none",
        counts={"Calls received": "denominator"},
        polarity_inferred="answering more calls within 20 seconds is the aim; the tolerance line is cropped to '...alues are better'",
        notes=[
            "Response times were above target for the quarter to March 2012; calls received were 9% lower than in the same quarter a year earlier, after increases earlier in the year caused poor answering times.",
            "The target row is labelled 'Target = previous year' but is a flat 80%. Denominator: calls received in the quarter (rounded to thousands).",
            "The percentage for each quarter (so no year figure).",
        ]),
    30: dict(
        unit="visits", year_value="sum",
        notes=[
            "Visits were higher this quarter, mainly because of the snowfall in early February (visits 450% above average, 49% of them to the new school closures database).",
            "Visits in each quarter. The target is labelled 'Target = previous year': 945,000 a quarter in 2010-11, 960,000 in 2011-12.",
        ]),
}

POLARITY_WORDS = {"lower": "lower-is-better", "higher": "higher-is-better", "stable": "neutral"}
POLARITY_READ = {"lower-is-better": "lower is better", "higher-is-better": "higher is better"}
BENCHMARK_MEASURES = ("statistical_neighbour", "regional_comparator", "national_comparator")
TERM_OF_MONTH = {7: 0, 12: 1, 4: 2}  # Jul = Summer, Dec = Autumn, Apr = Spring (end of term)


def qpr_place(column, period):
    """The (financial year, index) a printed column belongs to."""
    p = column.get("period", {})
    basis = p.get("basis")
    if period == "year":  # academic-year results: the summer of the printed year
        start = int(column["label"])
        return fy_label(start), 0
    if period == "term":
        month, year = month_of(column["label"])
        # the Spring term (Jan-Mar) ends at Easter, early April: the year before
        fy = fy_label(year - 1) if month == 4 else fy_of_month(month, year)
        return fy, TERM_OF_MONTH[month]
    if p.get("fy") and p.get("fy_quarter"):
        return p["fy"], p["fy_quarter"] - 1
    if basis == "academic_ytd":  # the financial quarter containing the month
        month, year = month_of(column["label"])
        return fy_of_month(month, year), ((month - 4) % 12) // 3
    raise ValueError(f"cannot place column {column['label']!r}")


def qpr_polarity(kpi, conf):
    word = kpi["polarity"].split("_")[0].lower()
    polarity = POLARITY_WORDS[word]
    inferred = conf.get("polarity_inferred")
    if inferred is None and ("not printed" in kpi["polarity"] or "by meaning" in kpi["polarity"]):
        raise ValueError(f"polarity {kpi['polarity']!r} needs a reason")
    return polarity, inferred


def qpr_indicator(path, number, summary_row, meta):
    d = load(path)
    conf = QPR[number]
    kpi = d["kpi"]
    period = conf.get("period", "quarter")
    n = PERIODS_PER_YEAR[period]
    assert kpi["summary_row"] == number and kpi["title_in_summary"] == summary_row["label"], path

    places = [qpr_place(c, period) for c in d["columns"]]
    series = {}  # key -> {(fy, i): value}
    benchmarks = []  # (label, {(fy, i): value})
    notes_uncertain = []
    for row in d["rows"]:
        measure = row.get("measure")
        key = None
        if measure == "actual":
            key = "actual"
        elif measure == "target":
            key = "target"
        elif measure == "rag":
            key = "rag"
        elif measure == "count" and row["label"] in conf.get("counts", {}):
            key = conf["counts"][row["label"]]
        elif measure in BENCHMARK_MEASURES:
            label = conf.get("benchmark_labels", {}).get(measure, row["label"])
            benchmarks.append((label, {pl: v for pl, v in zip(places, row["values"])}))
        else:
            continue  # described in the notes by hand (context rows, loose lists)
        if key:
            values = row["values"]
            if key == "rag":
                values = [rag_word(v) for v in values]
            target = series.setdefault(key, {})
            for pl, v in zip(places, values):
                if pl in target and target[pl] is not None and v is not None:
                    raise ValueError(f"{path}: two values for {pl}")
                if v is not None or pl not in target:
                    target[pl] = v
        for col, why in sorted(row.get("uncertain", {}).items(), key=lambda kv: int(kv[0])):
            if why.startswith("see "):
                continue
            column = d["columns"][int(col)]["label"]
            notes_uncertain.append(f"Uncertain reading ({row['label'].split(' (')[0]}, {column}): {why}.")

    # The summary's printed statuses: Current = Mar 12 (Q4 2011-12), Previous = Dec 11 (Q3).
    notes_summary = []
    rag = series.setdefault("rag", {})
    summary_slots = {"quarter": [("Current Status", ("2011-12", 3), 2), ("Previous Status", ("2011-12", 2), 3)],
                     "term": [("Current Status", ("2011-12", 2), 2), ("Previous Status", ("2011-12", 1), 3)],
                     "year": [("Current Status", ("2011-12", 0), 2)]}[period]
    filled = []
    for name, slot, col in summary_slots:
        printed = rag_word(summary_row["values"][col])
        if rag.get(slot) is None:
            rag[slot] = printed
            filled.append(name)
        elif rag[slot] != printed:
            notes_summary.append(f"The summary table's {name} ({printed}) differs from the trend table ({rag[slot]}); the trend table's is kept.")

    fys = sorted({pl[0] for s in series.values() for pl, v in s.items() if v is not None}
                 | {pl[0] for _, b in benchmarks for pl, v in b.items() if v is not None})
    first, last = fy_start(fys[0]), fy_start(fys[-1])
    years = []
    for start in range(first, last + 1):
        fy = fy_label(start)
        year = {"year": fy}

        def arr(values):
            return [values.get((fy, i)) for i in range(n)]

        year["actual"] = arr(series.get("actual", {}))
        for key in ("target", "rag", "numerator", "denominator"):
            values = arr(series.get(key, {}))
            if any(v is not None for v in values):
                year[key] = values
        bms = [{"label": label, "values": arr(b)} for label, b in benchmarks]
        bms = [b for b in bms if any(v is not None for v in b["values"])]
        if bms:
            year["benchmarks"] = bms
        years.append(year)

    polarity, inferred = qpr_polarity(kpi, conf)
    notes = list(conf["notes"])
    if inferred:
        notes.append(f"Polarity inferred: {POLARITY_READ[polarity]} ({inferred}).")
    if filled:
        slots = {"quarter": {"Current Status": "Q4 2011-12", "Previous Status": "Q3 2011-12"},
                 "term": {"Current Status": "Spring 2011-12", "Previous Status": "Autumn 2011-12"},
                 "year": {"Current Status": "2011-12"}}[period]
        where = " and ".join(f"{slots[f]} ({f})" for f in filled)
        if number != 10 and number != 26:  # said in those indicators' own notes
            notes.append(f"The trend table prints no status for {where}; the summary table's is used.")
    notes.extend(notes_summary)
    notes.extend(notes_uncertain)
    title = d["title"]
    norm = lambda t: re.sub(r"[^a-z0-9]+", " ", re.sub(r"\([^)]*\)", "", t.lower())).strip()
    if norm(title) != norm(summary_row["label"]):
        notes.append(f"Listed in the summary table as: {summary_row['label']}.")

    lines = d["source_lines"]
    stem = Path(path).stem  # qpr-kpiNN-slug
    slug = re.sub(r"^qpr-kpi(\d\d)-", r"qpr-\1-", stem)
    indicator = {
        "id": slug,
        "title": title,
        "group": summary_row["values"][0],
        "unit": conf["unit"],
        "period": period,
        "year_value": conf["year_value"],
        "source": f"{meta['meeting']}: {meta['report']}, page {kpi['page']} (report text lines {lines[0]}-{lines[1]}); summary table row {number} (pages 8-9)",
        "years": years,
        "notes": notes,
    }
    return with_polarity_first(indicator, polarity)


def make_qpr():
    folder = TABLES / QPR_DIR
    summary = load(folder / "qpr-kpi-summary.json")
    files = sorted(folder.glob("qpr-kpi[0-9][0-9]-*.json"))
    assert len(files) == 30 and len(summary["rows"]) == 30
    meta = {"meeting": summary["meeting"], "report": summary["report"]}
    indicators = []
    for path in files:
        number = int(path.name[7:9])
        indicators.append(qpr_indicator(path, number, summary["rows"][number - 1], meta))
    return {
        "format": "outturn/1",
        "title": "Quarterly performance report, Quarter 4 2011-12: key performance indicators",
        "organisation": "Kent County Council",
        "source": f"{summary['meeting']}: {summary['report']}. Summary of Performance for our KPIs (pages 8-9, report text lines {summary['source_lines'][0]}-{summary['source_lines'][1]}) and the detailed KPI reports (pages 30-86)",
        "indicators": indicators,
    }


# ---------------------------------------------------------------------------
# 2. Specialist children's services exception reports, January 2016
# ---------------------------------------------------------------------------

CSC_DIR = "kent-2016-01-childrens-exceptions"

CSC = {
    "SCS-9": dict(
        id="scs-9-private-fostering-visits-in-6-weeks",
        counts={"2016-01": (39, 57)},
        notes=[
            "39 of the 57 private fostering visits required within six weeks (April 2015 to January 2016) were held within timescale; 5 of the 18 outside it were visits due in January 2016.",
        ]),
    "SCS-24": dict(
        id="scs-24-cic-reviews-in-timescale",
        notes=[
            "The rise in unaccompanied asylum seeking children (UASC) from June to November 2015 left too little capacity to review them within the four-week timescale; those reviews will count as out of timescale for the rest of the year.",
            "Excluding UASC, performance is 97.6%, close to the 98% target. All UASC cases are now allocated to social workers.",
            "The data note says the figures are year to date 'from April 15 to Oct16' (sic), while the dashboard's scorecard lists this indicator as a snapshot.",
        ]),
    "SCS-28": dict(
        id="scs-28-adoption-plan-by-2nd-review",
        counts={"2016-01": (42, 71)},
        notes=[
            "42 of the 71 cases with an agency decision for adoption (April 2015 to January 2016) had adoption agreed as the plan by the 2nd review (59.2%); 15 of the others had it agreed at the 3rd review, with adoption part of a dual plan at the 2nd.",
            "The report says 'Of the remaining 19 cases'; 71 - 42 is 29.",
            "The measure requires adoption to be the sole plan at the 2nd review, at most four months after a child becomes looked after; adoption agreed as the plan within four months: 67.6% (48 of 71).",
        ]),
}


def csc_floor(bandings, polarity):
    """The amber/red boundary from the printed bandings."""
    amber = [b for b in bandings if rag_word(b["rag"]) == "amber"]
    assert len(amber) == 1
    return amber[0]["min"] if polarity == "higher-is-better" else amber[0]["max"]


def csc_indicator(path):
    d = load(path)
    assert len(d["rows"]) == 1
    row = d["rows"][0]
    conf = CSC[row["key"]]
    polarity = POLARITY_WORDS[d["polarity"].split("_")[0]]
    assert d["tolerance_printed"].lower().startswith(f"tolerance: {polarity.split('-')[0]}")
    floor = csc_floor(d["rag_bandings"], polarity)

    by_year = {}
    for i, p in enumerate(d["periods"]):
        year, month = (int(x) for x in p["key"].split("-"))
        fy = fy_of_month(month, year)
        slot = (month - 4) % 12
        y = by_year.setdefault(fy, {k: [None] * 12 for k in ("actual", "target", "floor", "rag", "numerator", "denominator")})
        y["actual"][slot] = row["series"]["actual"][i]
        y["target"][slot] = row["series"]["target"][i]
        y["floor"][slot] = floor
        y["rag"][slot] = rag_word(row["rag"][i])
        if p["key"] in conf.get("counts", {}):
            y["numerator"][slot], y["denominator"][slot] = conf["counts"][p["key"]]
    years = []
    for fy in sorted(by_year):
        y = {"year": fy}
        for key, values in by_year[fy].items():
            if key == "actual" or any(v is not None for v in values):
                y[key] = values
        years.append(y)

    bandings = re.sub(r"^Target: [^(]*\(RAG Bandings: (.*)\)$", r"\1", d["rag_bandings_printed"])
    notes = list(conf["notes"]) + [
        f"RAG bandings as printed: {bandings}. {d['tolerance_printed']}.",
    ]
    if "Oct16" not in d["data_basis_printed"]:
        notes.append(d["data_basis_printed"].replace("Data: ", "") + f" Data source: {d['data_source']}.")
    else:
        notes.append(f"Data source: {d['data_source']}.")
    lines = d["source_lines"]
    indicator = {
        "id": conf["id"],
        "title": d["title"],
        "group": "Specialist Children's Services",
        "unit": "%",
        "period": "month",
        "year_value": "last",
        "source": f"{d['document']}: {d['section']}, scorecard {row['key']} (text lines {lines[0]}-{lines[1]})",
        "years": years,
        "notes": notes,
    }
    return with_polarity_first(indicator, polarity)


def make_csc():
    folder = TABLES / CSC_DIR
    files = sorted(folder.glob("*.json"), key=lambda p: load(p)["source_lines"][0])
    indicators = [csc_indicator(p) for p in files]
    doc = load(files[0])["document"]
    return {
        "format": "outturn/1",
        "title": "Specialist Children's Services performance dashboard, January 2016: exception reports",
        "organisation": "Kent County Council",
        "source": f"{doc}: item D1, Specialist Children's Services Performance Dashboard, Appendix A (exception reports for Red indicators)",
        "indicators": indicators,
    }


# ---------------------------------------------------------------------------
# 3. Revenue and capital outturn by portfolio, 2011-12
# ---------------------------------------------------------------------------

RC_DIR = "kent-2012-revenue-and-capital"

# The revenue table's rows: its id, and the id of the row it is a part of.
# The sub total is the nine portfolios (schools excluded); the schools
# total is its two rows; the total is the two.
REVENUE_ROWS = {
    "Education, Learning & Skills": ("rev-els", "rev-portfolios"),
    "Specialist Children's Services": ("rev-scs", "rev-portfolios"),
    "Adult Social Care & Public Health": ("rev-ascph", "rev-portfolios"),
    "Environment, Highways & Waste": ("rev-ehw", "rev-portfolios"),
    "Customer & Communities": ("rev-cc", "rev-portfolios"),
    "Regeneration & Enterprise": ("rev-re", "rev-portfolios"),
    "Finance & Business Support": ("rev-fbs", "rev-portfolios"),
    "Business Strategy, Performance & Health Reform": ("rev-bsphr", "rev-portfolios"),
    "Democracy & Partnerships": ("rev-dp", "rev-portfolios"),
    "SUB TOTAL (excl Schools)": ("rev-portfolios", "rev-total"),
    "Schools (ELS portfolio) (Note 1)": ("rev-schools-els", "rev-schools"),
    "Schools (SCS portfolio)": ("rev-schools-scs", "rev-schools"),
    "Schools (TOTAL)": ("rev-schools", "rev-total"),
    "TOTAL": ("rev-total", None),
}

CAPITAL_ROWS = {
    "Education, Learning & Skills": ("cap-els", "cap-portfolios"),
    "Specialist Children's Services": ("cap-scs", "cap-portfolios"),
    "Adult Social Care & Public Health": ("cap-ascph", "cap-portfolios"),
    "Environment, Highways & Waste": ("cap-ehw", "cap-portfolios"),
    "Customer & Communities": ("cap-cc", "cap-portfolios"),
    "Regeneration & Enterprise": ("cap-re", "cap-portfolios"),
    "Business Strategy, Performance & Public Health": ("cap-bspph", "cap-portfolios"),
    "TOTAL (excl Schools)": ("cap-portfolios", "cap-total"),
    "Schools": ("cap-schools", "cap-total"),
    "TOTAL": ("cap-total", "cap-total-incl-pef"),
    "Property Enterprise Fund 1": ("cap-pef-1", "cap-total-incl-pef"),
    "Property Enterprise Fund 2": ("cap-pef-2", "cap-total-incl-pef"),
    "TOTAL incl PEF": ("cap-total-incl-pef", None),
}

# The totals' titles: the table prints "TOTAL" and "SUB TOTAL", which say
# nothing once the row stands alone (the notes keep the printed label).
TITLES = {
    "rev-total": "Revenue: total",
    "rev-portfolios": "Revenue: portfolios (sub total, excluding schools)",
    "rev-schools": "Revenue: schools (total)",
    "rev-schools-els": "Revenue: schools (ELS portfolio)",
    "rev-schools-scs": "Revenue: schools (SCS portfolio)",
    "cap-total-incl-pef": "Capital: total, including the Property Enterprise Funds",
    "cap-total": "Capital: total",
    "cap-portfolios": "Capital: portfolios (total, excluding schools)",
    "cap-schools": "Capital: schools",
}

BREAKDOWNS = {
    "rev-total": "by portfolio, and schools",
    "rev-portfolios": "by portfolio",
    "rev-schools": "by portfolio",
    "cap-total-incl-pef": "by programme and fund",
    "cap-total": "by portfolio, and schools",
    "cap-portfolios": "by portfolio",
}

# The report says when the last forecast was reported, not which month's
# figures it used: as_at is the year's last month, and the label says what
# the report says.
LAST_REPORT_AS_AT = "2012-03"
LAST_REPORT_LABEL = "Reported to Cabinet, 14 May 2012"


def money_row(table, row, ids, group, kind):
    budget, outturn, variance, last, movement = row["values"]
    ident, parent = ids[row["label"]]
    assert (budget or 0) + variance == outturn, (row["label"], "variance")
    printed = [re.sub(r"</?i>", "", cell) if cell else "(blank)" for cell in row["printed"]]
    notes = [
        f"Row as printed: {row['label']}. Budget {printed[0]}, provisional outturn {printed[1]}, variance {printed[2]}, variance per last report {printed[3]}, movement {printed[4]} (£k).",
    ]
    year = {"year": "2011-12"}
    if budget is not None:
        year["budget"] = [budget]
    year["actual"] = [outturn]
    if kind == "revenue" and last is not None:
        # A round's value is the forecast of the year (the outturn), not
        # its variance: the budget plus the variance then reported.
        year["forecast_rounds"] = [{
            "as_at": LAST_REPORT_AS_AT,
            "value": budget + last,
            "label": LAST_REPORT_LABEL,
        }]
        notes.append(
            f"The variance per last report ({last:+,}k) is kept as a forecast round of {budget + last:,}k (the budget plus that variance), "
            "so the movement since then is the outturn minus that forecast. The report gives the date the forecast was reported, "
            f"not the month of figures it used; as_at {LAST_REPORT_AS_AT}, the year's last month, stands in for it."
        )
    elif last is not None:
        notes.append(
            f"The report's variance per last report ({last:+,}k) excludes re-phasing, so it is not a forecast of this outturn against this budget "
            f"and is not kept as a forecast round; its movement is {movement:+,}k."
        )
    # The report's commentary beside the table, on the row it is about.
    for line in table.get("commentary", []):
        text = line["text"]
        about = {
            "rev-total": text.startswith("3.2.1"),
            "rev-portfolios": text.startswith("3.2.2"),
            "rev-schools-els": text.startswith("Note 1"),
            "cap-portfolios": text.startswith("3.7.2"),
        }
        if about.get(ident):
            ending = "" if text.endswith(".") else " (the note continues beyond the extract of the report)"
            notes.append(text + ending)
    indicator = {
        "id": ident,
        "title": TITLES.get(ident, row["label"]),
        "group": group,
    }
    if parent:
        indicator["parent"] = parent
    if ident in BREAKDOWNS:
        indicator["breakdown"] = BREAKDOWNS[ident]
    indicator.update({
        "unit": "£k",
        "period": "year",
        "year_value": "sum",
        "years": [year],
        "notes": notes,
        "source": f"{table['meeting']}: {table['part']}, {table['section']}, report text line {row['line']}",
    })
    return indicator


def make_revenue_and_capital():
    folder = TABLES / RC_DIR
    revenue = load(folder / "rev-t1-revenue-outturn-by-portfolio.json")
    capital = load(folder / "cap-t3-capital-outturn-by-portfolio.json")
    indicators = []
    for table, ids, group, kind in ((revenue, REVENUE_ROWS, "Revenue", "revenue"),
                                    (capital, CAPITAL_ROWS, "Capital", "capital")):
        rows = {row["label"]: row for row in table["rows"]}
        assert set(rows) == set(ids), sorted(set(rows) ^ set(ids))
        made = [money_row(table, row, ids, group, kind) for row in table["rows"]]
        # Wholes first, then their parts, as a report is read top-down.
        order = {ident: depth for ident, depth in depths(ids).items()}
        made.sort(key=lambda i: order[i["id"]])
        indicators.extend(made)
    return {
        "format": "outturn/1",
        "title": "Revenue and capital outturn by portfolio, 2011-12 (provisional)",
        "organisation": "Kent County Council",
        "source": f"{revenue['meeting']}: {revenue['part']}, Table 1 (revenue) and Table 3 (capital)",
        "indicators": indicators,
    }


def depths(ids):
    """Each row's depth below its table's top (0 for the total), kept in
    the table's order within a depth."""
    parent = dict(ids.values())
    def depth(ident):
        return 0 if parent[ident] is None else 1 + depth(parent[ident])
    return {ident: depth(ident) for ident, _ in ids.values()}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in (("kent-2011-12-q4-performance.json", make_qpr()),
                       ("kent-2016-01-childrens-exceptions.json", make_csc()),
                       ("kent-2011-12-revenue-and-capital.json", make_revenue_and_capital())):
        write(OUT / name, data)
        print(f"wrote {OUT / name}: {len(data['indicators'])} indicators")


if __name__ == "__main__":
    main()
