#!/usr/bin/env python3
"""What citelint reads of the shared corpus, against what each file holds (counted by hand:
tests/corpus/hand-counts.json), and the reading goals of docs/reading-text.md.

    ci/corpus-counts.py [CITELINT] [CORPUS]     defaults: build/citelint, ../shared/corpus
"""
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
exe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build", "citelint")
corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "..", "shared", "corpus")
hand = json.load(open(os.path.join(root, "tests", "corpus", "hand-counts.json")))["files"]
if not os.path.isdir(corpus):
    sys.exit(f"no corpus at {corpus}")

kinds = ["entries", "urls", "accessed", "dois"]
total = {k: [0, 0] for k in kinds}  # read (at most what the file holds), held
within, files, over = 0, 0, []
print(f"{'file':55} " + " ".join(f"{k:>13}" for k in kinds) + "  findings")
for name, held in sorted(hand.items()):
    path = os.path.join(corpus, name)
    run = subprocess.run([exe, "check", "--offline", "--format", "json", path],
                         capture_output=True, text=True)
    report = json.loads(run.stdout)
    refs = report["references"]
    got = {
        "entries": len(refs),
        "urls": sum(1 for r in refs for u in r["urls"] if not u.get("linked")),
        "accessed": sum(1 for r in refs for d in r["dates"] if d["role"] == "accessed"),
        "dois": sum(len(r["dois"]) for r in refs),
    }
    cells = []
    for k in kinds:
        total[k][0] += min(got[k], held[k])
        total[k][1] += held[k]
        if got[k] > held[k]:
            over.append(f"{name}: {got[k] - held[k]} {k} more than it holds")
        cells.append(f"{got[k]:>6}/{held[k]:<6}")
    files += 1
    within += abs(got["entries"] - held["entries"]) <= 0.03 * held["entries"]
    print(f"{name[:55]:55} " + " ".join(cells) + f"  {len(report['findings'])}")

print()
for k, goal in [("accessed", 95), ("urls", 98), ("dois", 95)]:
    read, held = total[k]
    print(f"{k:9} read {read} of {held}: {100 * read / held:.1f}% (goal >= {goal}%)")
print(f"entries  within 3% of the hand count in {within} of {files} files (goal: all)")
for line in over:
    print("over-read:", line)
