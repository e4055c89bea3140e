#!/usr/bin/env python3
"""Ratio tables of `cargo bench --bench scale` (issue 20).

Reads criterion's estimates (<criterion dir>/scale_*/<function>/<size>/new/
estimates.json, with benchmark.json naming each) and prints, for every
group/function, the median time at each size and the ratios of consecutive
sizes (10k/1k and 100k/10k; for keys 100k/10k and 1M/100k). A ratio above
12 is marked `!`. Then it prints the memory table the bench wrote
(scale-memory.txt).

Usage: python3 benches/scale-ratios.py [CRITERION_DIR]
(default: $CRITERION_HOME, else $CARGO_TARGET_DIR/criterion, else
target/criterion). Exit status 1 when a ratio of time or memory is above
12, so a script can check it.
"""

import json
import os
import sys
from pathlib import Path

LIMIT = 12.0


def criterion_dir():
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    if os.environ.get("CRITERION_HOME"):
        return Path(os.environ["CRITERION_HOME"])
    if os.environ.get("CARGO_TARGET_DIR"):
        return Path(os.environ["CARGO_TARGET_DIR"]) / "criterion"
    return Path("target/criterion")


def seconds(ns):
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.1f} ms"
    return f"{ns / 1e3:.0f} µs"


def ratio(big, small):
    if big is None or small is None or small <= 0:
        return "-", False
    r = big / small
    over = r > LIMIT
    return f"{r:.1f}{' !' if over else ''}", over


def main():
    root = criterion_dir()
    rows = {}
    for bench in root.glob("scale_*/*/*/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        group = meta["group_id"]
        function = meta["function_id"]
        try:
            size = int(meta["value_str"])
        except (TypeError, ValueError):
            continue
        rows.setdefault((group, function), {})[size] = est["median"]["point_estimate"]
    if not rows:
        print(f"no scale benchmark results under {root}: run `cargo bench --bench scale`")
        return 2
    over_any = False
    print("Median time per call and the ratios of consecutive sizes (≤ 12 wanted; ! above)")
    print(f"{'group/function':<34} {'small':>10} {'medium':>10} {'large':>10} {'10×':>8} {'100×/10×':>9}")
    for (group, function), sizes in sorted(rows.items()):
        values = [sizes[s] for s in sorted(sizes)]
        values += [None] * (3 - len(values))
        a, b, c = values[:3]
        r1, o1 = ratio(b, a)
        r2, o2 = ratio(c, b)
        over_any |= o1 or o2
        cells = [seconds(v) if v is not None else "-" for v in (a, b, c)]
        print(f"{group + '/' + function:<34} {cells[0]:>10} {cells[1]:>10} {cells[2]:>10} {r1:>8} {r2:>9}")
    print("(sizes: 1k/10k/100k, keys 10k/100k/1M; small/medium/large in that order)")
    memory = root / "scale-memory.txt"
    if memory.exists():
        print()
        text = memory.read_text()
        print(text, end="")
        over_any |= " !" in text
    else:
        print(f"\n(no memory table at {memory})")
    return 1 if over_any else 0


if __name__ == "__main__":
    sys.exit(main())
