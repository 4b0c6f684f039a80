#!/usr/bin/env python3
"""Writes the spreadsheet fixtures of the importer's tests
(tests/fixtures/spreadsheets/): real report tables as a finance team would
keep them in Excel (.xlsx) and OpenDocument (.ods), with numbers as numbers,
months as dates, merged year cells left empty after their first, and a
second sheet to pick with --sheet. Standard library only (zipfile), so the
files are reproducible: run it again and commit what changes.

  python3 tools/import/make_spreadsheets.py
"""
import os
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
TABLES = os.path.join(ROOT, "tests", "fixtures", "report-tables", "kent-2012-key-activity")
OUT = os.path.join(ROOT, "tests", "fixtures", "spreadsheets")
FIXED = (1980, 1, 1, 0, 0, 0)  # zip entry times, for byte-identical output

MONTHS = ["April", "May", "June", "July", "August", "September", "October",
          "November", "December", "January", "February", "March"]


def read_table(name):
    """The .txt table as rows of cells; numbers become floats."""
    with open(os.path.join(TABLES, name), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    out = []
    for row in rows:
        cells = []
        for cell in row:
            plain = cell.replace(",", "").strip()
            try:
                cells.append(float(plain))
            except ValueError:
                cells.append(cell)
        out.append(cells)
    return out


def excel_serial(year, month):
    """Excel's serial day number of the 1st of a month (1900 date system)."""
    import datetime
    return (datetime.date(year, month, 1) - datetime.date(1899, 12, 30)).days


def waste_by_month():
    """Table 3.4's 2011-12 columns as a spreadsheet keeps a monthly series:
    months as dates (April 2011 ... March 2012) down the first column, no
    row of years, the TOTAL row under them."""
    table = read_table("3.4-waste-tonnage.txt")
    rows = [table[0], [], ["Month", "Waste tonnage", "Affordable level"]]
    for index, row in enumerate(table[4:16]):
        month = (index + 3) % 12 + 1
        year = 2011 if index < 9 else 2012
        rows.append([("date", year, month), row[4], row[5]])
    rows.append([table[16][0], table[16][4], table[16][5]])
    return rows


def sheets():
    return [
        ("Domiciliary", read_table("2.7.1-domiciliary-hours.txt")),
        ("Waste", waste_by_month()),
    ]


def number(value):
    """A float written in full: 2505838, 15.045 (never 2.50584e+06)."""
    return str(int(value)) if value == int(value) else repr(value)


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def xlsx(path):
    parts = {}
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(len(sheets())))
        + "</Types>")
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>")
    parts["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        + "".join(f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                  for i, (name, _) in enumerate(sheets()))
        + "</sheets></workbook>")
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(len(sheets())))
        + f'<Relationship Id="rId{len(sheets()) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        "</Relationships>")
    # Style 1 is the built-in date format 17 (mmm-yy).
    parts["xl/styles.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="17" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        "</styleSheet>")
    for i, (_, rows) in enumerate(sheets()):
        xml_rows = []
        for r, row in enumerate(rows):
            cells = []
            for c, value in enumerate(row):
                ref = f"{column_name(c)}{r + 1}"
                if isinstance(value, tuple):
                    cells.append(f'<c r="{ref}" s="1"><v>{excel_serial(value[1], value[2])}</v></c>')
                elif isinstance(value, float):
                    cells.append(f'<c r="{ref}"><v>{number(value)}</v></c>')
                elif value != "":
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
            xml_rows.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + "".join(xml_rows) + "</sheetData></worksheet>")
    write_zip(path, parts)


def ods(path):
    parts = {"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}
    parts["META-INF/manifest.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    tables = []
    for name, rows in sheets():
        xml_rows = []
        for row in rows:
            cells = []
            for value in row:
                if isinstance(value, tuple):
                    date = f"{value[1]:04d}-{value[2]:02d}-01"
                    cells.append(f'<table:table-cell office:value-type="date" office:date-value="{date}"><text:p>{date}</text:p></table:table-cell>')
                elif isinstance(value, float):
                    cells.append(f'<table:table-cell office:value-type="float" office:value="{number(value)}"><text:p>{number(value)}</text:p></table:table-cell>')
                elif value != "":
                    cells.append(f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>')
                else:
                    cells.append("<table:table-cell/>")
            xml_rows.append(f'<table:table-row>{"".join(cells)}</table:table-row>')
        tables.append(f'<table:table table:name="{escape(name)}">{"".join(xml_rows)}</table:table>')
    parts["content.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body>'
        "</office:document-content>")
    write_zip(path, parts)


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w") as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, text)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    xlsx(os.path.join(OUT, "key-activity.xlsx"))
    ods(os.path.join(OUT, "key-activity.ods"))
    print("wrote", OUT)
