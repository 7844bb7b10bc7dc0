#!/usr/bin/env bash
# Throughput of dechrome and dom_smoothie on the same files, one core, release
# mode, then peak memory of the dechrome binary on a ~10 MB HTML page and a
# ~50 MB one-line text file. Arguments go to the throughput tool, e.g.
#   tools/throughput/run.sh --rounds 5 --html DIR --text DIR
# SKIP_MEMORY=1 skips the peak-memory part.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
cargo build --release --quiet --manifest-path "$here/Cargo.toml"

pin=()
if command -v taskset >/dev/null; then
    pin=(taskset -c 0)
else
    echo "taskset not found: not pinned to one core (the tool is single-threaded anyway)" >&2
fi

echo "== throughput (one thread${pin:+, pinned to core 0}) =="
"${pin[@]}" "$here/target/release/dechrome-throughput" "$@"

if [[ "${SKIP_MEMORY:-}" != 1 ]]; then
    echo
    echo "== peak memory of the dechrome binary =="
    "$here/peak-memory.sh" "$root/target/release/dechrome"
fi
