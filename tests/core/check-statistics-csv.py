#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Imports tests/data/statistics-cases.json with the real command line,
writes the statistics of the first quarter of 2026 as CSV with
`lexsarah --statistics --csv`, reads the file back with Python's csv module
as a Swedish spreadsheet would (UTF-8 with a byte order mark, semicolons,
decimal commas) and checks every table against the figures counted by hand
(the same as tests/core/test-statistics.c).  The duties are judged on the
day the test runs: the fixture's open deadlines lie before June 2026 or in
2030.  Then it imports docs/staff-example.csv, the documented staff list,
and checks the rate of reports per 10 people who must report."""

import csv
import os
import subprocess
import sys
import tempfile

app, fixture, staff = sys.argv[1], sys.argv[2], sys.argv[3]

# Table title -> {row label -> [values]}, as the file should hold them.
EXPECTED = {
    "Reports by category": {
        "Legal certainty in case handling": ["0"],
        "Service not carried out": ["1"],
        "Poor treatment": ["2"],
        "Physical abuse": ["1"],
        "Other": ["1"],
    },
    "Wrongdoings and clear risks": {
        "Wrongdoing": ["2", "40"],
        "Clear risk of wrongdoing": ["3", "60"],
    },
    "Reports by unit": {
        "Solgårdens vård- och omsorgsboende": ["3"],
        "Gruppbostaden Linden": ["2"],
    },
    "Reports by who reported": {
        "Employee": ["3"],
        "Contractor": ["1"],
        "Trainee": ["1"],
        "Labour-market programme participant": ["0"],
    },
    "Reports per month": {
        "2026-01": ["2", "1", "1"],
        "2026-02": ["1", "1", "0"],
        "2026-03": ["2", "1", "1"],
    },
    "From report to concluded investigation": {
        "Concluded investigations": ["4"],
        "Median days": ["18"],
        "Slowest, days": ["30"],
    },
    "Notified to IVO": {
        "Reports": ["5"],
        "Notified to IVO": ["3"],
        "Share notified (%)": ["60"],
    },
    "Duties met on time": {
        "Finished investigation sent to IVO within two months": ["1", "2", "0"],
        "Actions done by their due date": ["1", "2", "0"],
        "Effects followed up by their follow-up date": ["2", "1", "1"],
    },
    "Causes by category": {
        "Routines missing or not followed": ["2", "2"],
        "Staffing and continuity": ["1", "1"],
        "Communication and information": ["2", "1"],
        "Documentation": ["0", "0"],
    },
    "Effect of the actions for the individual": {
        "Actions": ["3", "2"],
        "Effect followed up": ["1", "1"],
        "Helped the individual": ["1", "0"],
        "Did not help the individual": ["0", "1"],
        "Individual or next of kin asked": ["1", "0"],
    },
}

HEADERS = {
    "Reports by category": ["Category", "Reports"],
    "Wrongdoings and clear risks": ["Kind", "Reports", "Share (%)"],
    "Duties met on time": ["Duty", "On time", "Late", "Not yet due"],
}


def run(*args):
    result = subprocess.run([app, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{args}: exit {result.returncode}: {result.stderr}")


def read_tables(path):
    """{title: {row label: values}} and {title: header} of a CSV file."""
    tables = {}
    headers = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == ["Lex Sarah statistics", "2026-01-01", "2026-03-31"], rows[0]
    i = 1
    while i < len(rows):
        if rows[i] == []:
            title = rows[i + 1][0]
            headers[title] = rows[i + 2]
            tables[title] = {}
            i += 3
            while i < len(rows) and rows[i] != []:
                tables[title][rows[i][0]] = rows[i][1:]
                i += 1
        else:
            sys.exit(f"unexpected row {i}: {rows[i]}")
    return tables, headers


with tempfile.TemporaryDirectory() as tmp:
    database = os.path.join(tmp, "cases.db")
    out = os.path.join(tmp, "statistics.csv")
    run("--database", database, "--import", fixture)
    run("--database", database, "--statistics", "--from", "2026-01-01",
        "--to", "2026-03-31", "--csv", out)

    with open(out, "rb") as f:
        raw = f.read()
    assert raw.startswith(b"\xef\xbb\xbf"), "no byte order mark"
    assert b"\r\n" in raw, "lines do not end in CR LF"
    assert os.stat(out).st_mode & 0o777 == 0o600, "not private"

    tables, headers = read_tables(out)
    for title, expected_rows in EXPECTED.items():
        assert title in tables, f"no table {title!r}: {list(tables)}"
        for label, values in expected_rows.items():
            got = tables[title].get(label)
            assert got == values, f"{title} / {label}: {got} != {values}"
    for title, header in HEADERS.items():
        assert headers[title] == header, f"{title}: {headers[title]}"
    # Without the staff register's numbers there is no rate.
    assert "Reports per 10 people who must report" not in tables
    # The staff list: everybody on it was engaged in the first quarter.
    # Solgården has Kim, Ali and Fatima, Linden Ali, Sara and Erik; Ali,
    # in both, counts once in all: 3 reports / 3 people, 2 / 3, and 5 / 5.
    run("--database", database, "--import-people", staff)
    rated = os.path.join(tmp, "rated.csv")
    run("--database", database, "--statistics", "--from", "2026-01-01",
        "--to", "2026-03-31", "--csv", rated)
    rated_tables, rated_headers = read_tables(rated)
    rate = "Reports per 10 people who must report"
    assert rated_headers[rate] == ["Unit", "Reports", "People who must report",
                                   "Reports per 10"], rated_headers[rate]
    assert rated_tables[rate] == {
        "Solgårdens vård- och omsorgsboende": ["3", "3", "10"],
        "Gruppbostaden Linden": ["2", "3", "6,7"],
        "All units": ["5", "5", "10"],
    }, rated_tables[rate]
    # A decimal is written with a comma and read back as a number.
    assert float(rated_tables[rate]["Gruppbostaden Linden"][2]
                 .replace(",", ".")) == 6.7
    # The other tables are as they were.
    for title in EXPECTED:
        assert rated_tables[title] == tables[title], title

    # The digest, spelled as documented, writes a private PDF.
    digest = os.path.join(tmp, "digest.pdf")
    run("--database", database, "--digest", "--from", "2026-01-01",
        "--to", "2026-03-31", "--output", digest)
    with open(digest, "rb") as f:
        assert f.read(5) == b"%PDF-", "the digest is no PDF"
    assert os.stat(digest).st_mode & 0o777 == 0o600, "digest not private"
    # A period that is no period is refused, naming the field, not echoing.
    result = subprocess.run([app, "--database", database, "--statistics",
                             "--from", "2026-13-45", "--to", "2026-03-31",
                             "--csv", out], capture_output=True, text=True)
    assert result.returncode != 0
    assert "first day" in result.stderr and "2026-13-45" not in result.stderr
    print(f"ok: {len(tables)} tables and the digest")
