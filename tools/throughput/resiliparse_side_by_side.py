#!/usr/bin/env python3
"""resiliparse (C++ via Python) and dechrome on the same HTML files, in
alternating rounds of one run.

resiliparse is a Python package, so it cannot join the Rust throughput tool;
this script times it in-process (parse + extract_plain_text with
main_content=True, bytes decoded by resiliparse itself) and, between its
rounds, runs the throughput tool for three timed dechrome rounds after its
warm-up, taking their median (a fresh process's first rounds still pay for
growing its heap, which resiliparse's long-lived process does not). Both read the
files from memory. Prints the median seconds per round of each and the
median of the per-round ratios.

    pip install resiliparse
    cargo build --release --manifest-path tools/throughput/Cargo.toml
    taskset -c 0 python3 tools/throughput/resiliparse_side_by_side.py [--rounds N] [--cpu-time] [HTML_DIR]
With --cpu-time both sides are timed by their thread's CPU time
(time.thread_time() here, --cpu-time in the tool) instead of the wall clock,
so that time the shared machine gives to other jobs is left out.
"""
import os
import re
import statistics
import subprocess
import sys
import time

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, "target", "release", "dechrome-throughput")


def main():
    args = sys.argv[1:]
    rounds = 5
    cpu_time = "--cpu-time" in args
    if cpu_time:
        args.remove("--cpu-time")
    clock = time.thread_time if cpu_time else time.perf_counter
    if "--rounds" in args:
        k = args.index("--rounds")
        rounds = int(args[k + 1])
        del args[k : k + 2]
    folder = args[0] if args else os.path.join(HERE, "..", "..", "..", "shared", "bench", "scrapinghub", "html")
    names = sorted(n for n in os.listdir(folder) if n.endswith((".html", ".htm")))
    pages = [open(os.path.join(folder, n), "rb").read() for n in names]
    size = sum(map(len, pages)) / 1e6

    def resiliparse_round():
        start = clock()
        for page in pages:
            extract_plain_text(HTMLTree.parse_from_bytes(page), main_content=True)
        return clock() - start

    def dechrome_round():
        out = subprocess.run(
            [TOOL, "--rounds", "3", "--engine", "dechrome", "--html", folder]
            + (["--cpu-time"] if cpu_time else []),
            capture_output=True, text=True, check=True,
        ).stdout
        row = next(line for line in out.splitlines() if line.startswith("dechrome"))
        return float(row.split()[4])

    resiliparse_round()  # warm-up
    theirs, ours = [], []
    for _ in range(rounds):
        theirs.append(resiliparse_round())
        ours.append(dechrome_round())
    ratios = [t / o for t, o in zip(theirs, ours)]
    print(f"{len(pages)} pages, {size:.2f} MB, {rounds} alternating rounds, "
          f"{'thread CPU time' if cpu_time else 'wall clock'}")
    print(f"resiliparse  {statistics.median(theirs):.4f} s/round  {size / statistics.median(theirs):.1f} MB/s")
    print(f"dechrome     {statistics.median(ours):.4f} s/round  {size / statistics.median(ours):.1f} MB/s")
    print(f"ratio dechrome/resiliparse (MB/s): {statistics.median(ratios):.2f}x (range {min(ratios):.2f}-{max(ratios):.2f})")


if __name__ == "__main__":
    main()
