#!/usr/bin/env python3
"""Writes data/months.txt: the month names of every glibc locale, as the
pure-rust-locales crate (a transcription of glibc's locale data) prints
them in its src/lib.rs.

Usage: tools/months/extract.py PATH/TO/pure-rust-locales-X.Y.Z/src/lib.rs > data/months.txt

Only one-word names of four characters or more without digits are kept (the date patterns read one
word for the month), in lower case. A name two locales give to different
months ("listopad" is November in Polish, October in Croatian) is left
out: a date with it cannot be read without knowing the language.
"""
import re
import sys

def unescape(text):
    """Rust's `\\u{bcd}` escapes as the characters; zero-width joiners at
    the ends of a name (some locales pad with them) dropped."""
    text = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), text)
    return text.strip("\u200c\u200d")


# Shorter names are also common words ("out", "du", "me"): every line with
# a year in it would go through the date patterns for them.
MIN_NAME_CHARS = 4

# Locales whose "months" are another calendar's: Maithili's are the Hindu
# (Vikram Samvat) months, which would read a Nepali "फागुन २९, २०८०" as
# 29 November 2080.
NOT_GREGORIAN = {"mai_IN"}


source = open(sys.argv[1], encoding="utf-8").read()
module = re.compile(r"^pub mod (\w+) \{$", re.M)
array = re.compile(r'pub const (MON|ALT_MON): (?:Option<)?&\[&str\]>? = (?:Some\()?&\[([^\]]*)\]')
rows = []
starts = [(m.start(), m.group(1)) for m in module.finditer(source)]
for n, (start, name) in enumerate(starts):
    end = starts[n + 1][0] if n + 1 < len(starts) else len(source)
    body = source[start:end]
    time = body.find("pub mod LC_TIME")
    if time < 0 or name in NOT_GREGORIAN:
        continue
    for m in array.finditer(body, time):
        names = [unescape(s).lower() for s in re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2))]
        if len(names) != 12:
            continue
        rows.append((name, names))
month_of = {}
for _, names in rows:
    for k, word in enumerate(names, 1):
        if len(word) < MIN_NAME_CHARS or " " in word or any(c.isdigit() for c in word):
            continue
        month_of.setdefault(word, set()).add(k)
print("# Month names of every glibc locale (from the pure-rust-locales crate),")
print("# written by tools/months/extract.py: one word a line, its month number")
print("# first. Names that different locales give to different months are left")
print("# out. The phrase files' own [months] sections come first.")
for word in sorted(month_of, key=lambda w: (min(month_of[w]), w)):
    months = month_of[word]
    if len(months) == 1:
        print(f"{months.pop()} {word}")
