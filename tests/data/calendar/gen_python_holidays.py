"""Writes python-holidays-0.109-vn.csv: the Vietnamese days off of the python
`holidays` package (PyPI `holidays==0.109`), 1995-2035, for a cross-check in
tests/calendar_python_holidays.rs. Run once by hand (the tests do not need
Python):

    python3 -m venv /tmp/hv && /tmp/hv/bin/pip install holidays==0.109
    /tmp/hv/bin/python tests/data/calendar/gen_python_holidays.py > tests/data/calendar/python-holidays-0.109-vn.csv

Columns: date (ISO), kind (`off` = a day off, `make-up` = a rest day worked
for a swap, parsed from the package's "Day off (substituted from ...)"
names), name (the package's English name).
"""
import csv
import datetime
import re
import sys

import holidays

assert holidays.__version__ == "0.109", holidays.__version__
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["date", "kind", "name"])
for year in range(1995, 2036):
    rows = []
    for day, name in sorted(holidays.VN(years=year, language="en_US").items()):
        rows.append((day.isoformat(), "off", name))
        m = re.search(r"substituted from (\d\d)/(\d\d)/(\d{4})", name)
        if m:
            made_up = datetime.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
            rows.append((made_up.isoformat(), "make-up", name))
    for row in sorted(rows):
        out.writerow(row)
