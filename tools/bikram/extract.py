#!/usr/bin/env python3
"""Writes data/bikram_sambat.txt: the length of every month of the Bikram
Sambat (Vikram Samvat) years the `bikram` package (PyPI, MIT licence) knows,
and the one day both calendars name that it anchors them with.

Usage: pip install bikram==2.1.4 && tools/bikram/extract.py > data/bikram_sambat.txt

The Nepali calendar's month lengths follow the sun's passage through the
zodiac signs, so they are published year by year, not computed; the
package's table is checked against the government's published calendars
(its changelog names 2062, 2081, 2082 and 2083).
"""
from importlib.metadata import version

from bikram import constants
from bikram.bikram import AD_SCALE, BS_SCALE

print("# Month lengths of the Bikram Sambat calendar, one year a line: the")
print("# year, then the days of its twelve months (Baisakh to Chaitra).")
print(f"# Written by tools/bikram/extract.py from the bikram {version('bikram')} package.")
print(f"anchor {BS_SCALE.year} {BS_SCALE.month} {BS_SCALE.day} = "
      f"{AD_SCALE.year} {AD_SCALE.month} {AD_SCALE.day}")
for year, months in constants.BS_YEAR_TO_MONTHS.items():
    print(year, " ".join(str(days) for days in months[1:]))
