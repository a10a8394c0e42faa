#!/usr/bin/env python3
"""Does citelint hold a registry's rate limit, and how close to the bound that limit sets does it
finish? (bench/README.md, "Identifiers".)

  bench/ids/rate.py [N] [RATE] [CITELINT]     default 10000 DOIs, 10 a second, build/citelint

Makes N references, each with its own DOI registered at Crossref, serves their records from
bench/ids/fake_registry.py limited to RATE Crossref records a second (429 with Retry-After beyond
it), runs `citelint check` on the list, and prints the wall time, the bound (N / RATE seconds),
their ratio, and what the server counted: records served, 429s, the most records in any second.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rate = float(sys.argv[2]) if len(sys.argv) > 2 else 10
    citelint = sys.argv[3] if len(sys.argv) > 3 else os.path.join(HERE, "../../build/citelint")
    with tempfile.TemporaryDirectory() as work:
        records, lines = {}, []
        for i in range(n):
            doi = "10.%d/bench.%06d" % (5000 + i % 7, i)
            title = "Rate limits observed in registry number %d" % i
            family = "Author%d" % (i % 97)
            records[doi] = {"agency": "Crossref", "message": {
                "title": [title], "author": [{"family": family, "given": "A.",
                                              "sequence": "first"}],
                "issued": {"date-parts": [[2000 + i % 20]]},
                "container-title": ["Journal of Benchmarks"], "type": "journal-article"}}
            lines.append("@article{r%d,\n  author = {%s, A.},\n  title = {%s},\n"
                         "  journal = {Journal of Benchmarks},\n  year = {%d},\n  doi = {%s}\n}\n"
                         % (i, family, title, 2000 + i % 20, doi))
        with open(os.path.join(work, "records.json"), "w", encoding="utf-8") as f:
            json.dump(records, f)
        with open(os.path.join(work, "refs.bib"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        port = free_port()
        stats = os.path.join(work, "stats.json")
        server = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "fake_registry.py"), "--records",
             os.path.join(work, "records.json"), "--port", str(port), "--rate", str(rate),
             "--stats", stats], stdout=subprocess.PIPE)
        server.stdout.readline()
        try:
            start = time.monotonic()
            run = subprocess.run(
                [citelint, "check", "--format", "json", "--no-cache", "--allow-private",
                 "--no-repair", "--fail-on", "never", "--host-concurrency", "8",
                 "--resolve", "doi.test:%d:127.0.0.1" % port,
                 "--resolve", "crossref.test:%d:127.0.0.1" % port,
                 "--api", "doi=http://doi.test:%d" % port,
                 "--api", "crossref=http://crossref.test:%d" % port,
                 "--mailto", "bench@example.org", "--as-of", "2026-01-01",
                 "-o", os.path.join(work, "report.json"), os.path.join(work, "refs.bib")],
                capture_output=True, text=True)
            wall = time.monotonic() - start
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait()
        if run.returncode != 0:
            sys.exit("citelint exited %d: %s" % (run.returncode, run.stderr[-2000:]))
        with open(os.path.join(work, "report.json"), encoding="utf-8") as f:
            report = json.load(f)
        with open(stats, encoding="utf-8") as f:
            seen = json.load(f)
        resolved = sum(1 for r in report["references"] for d in r.get("dois", [])
                       if d.get("resolution", {}).get("work"))
        bound = n / rate
        print("DOIs %d, limit %g/s, bound %.0f s" % (n, rate, bound))
        print("wall %.1f s, %.3f x the bound" % (wall, wall / bound))
        print("records served %d, 429s %d, most in one second %d, handle requests %d"
              % (seen["requests"].get("works", 0), seen["requests"].get("works-429", 0),
                 seen["most_records_in_a_second"], seen["requests"].get("handle", 0)))
        print("Crossref records served from second %d to second %d of the server's run"
              % (seen["first_record"], seen["last_record"]))
        print("DOIs with the registered record in the report: %d" % resolved)
        findings = {}
        for finding in report.get("findings", []):
            findings[finding["rule"]] = findings.get(finding["rule"], 0) + 1
        print("findings by rule:", json.dumps(findings, sort_keys=True))


if __name__ == "__main__":
    main()
