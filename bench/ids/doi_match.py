#!/usr/bin/env python3
"""How well does citelint tell the DOI of another work from the cited one? Measured on the shared
corpus's real lists (docs/identifiers.md, "How the thresholds were set").

  bench/ids/doi_match.py [CORPUS] [CITELINT]     default ../shared/corpus, build/citelint

The registries cannot be asked here, so their records are made from the lists' own structured
fields (a BibTeX entry's title, author, year and journal; CSL-JSON's, which Manubot took from
Crossref; a JATS reference's article-title, surname, year and source) and served by
bench/ids/fake_registry.py. citelint then checks each list against them three ways:

  same       each DOI's record is its own entry's: any doi/mismatch is a false alarm
  varied     the same, but as registries differ from lists: every second record's year one later
             (online first), every third with a subtitle the list left out, every fifth's title
             in capitals: still no doi/mismatch wanted (doi/near-miss is right)
  shifted    each DOI's record is the next entry's of the same list (a DOI copied from the
             neighbour): every one should be doi/mismatch

and prints, per mode, how many DOIs were judged the same work, a near miss, or another work.
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))


def bib_entries(text):
    """Each entry's fields, lowercase names, braces and quotes stripped (crudely)."""
    for chunk in re.split(r"\n\s*@", "\n" + text)[1:]:
        fields = {}
        for m in re.finditer(r"(\w+)\s*=\s*", chunk):
            i = m.end()
            if i >= len(chunk):
                continue
            if chunk[i] == "{":
                depth, j = 0, i
                while j < len(chunk):
                    depth += {"{": 1, "}": -1}.get(chunk[j], 0)
                    if depth == 0:
                        break
                    j += 1
                value = chunk[i + 1:j]
            elif chunk[i] == '"':
                j = chunk.find('"', i + 1)
                value = chunk[i + 1:j]
            else:
                value = re.match(r"[^,}\n]*", chunk[i:]).group(0)
            fields.setdefault(m.group(1).lower(), re.sub(r"[{}]", "", value).strip())
        yield fields


def doi_of(value):
    value = (value or "").strip()
    value = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", value, flags=re.I)
    return value.lower() if re.match(r"10\.\d{4,9}/\S+$", value) else None


def first_family(authors):
    first = re.split(r"\s+and\s+", authors or "")[0].strip()
    if "," in first:
        return first.split(",")[0].strip()
    return first.split()[-1] if first.split() else ""


def records_from_bib(path):
    with open(path, encoding="utf-8") as f:
        for e in bib_entries(f.read()):
            doi = doi_of(e.get("doi"))
            year = re.search(r"\d{4}", e.get("year", "") or e.get("date", ""))
            if doi and e.get("title"):
                yield doi, e["title"], first_family(e.get("author")), \
                    int(year.group(0)) if year else 0, e.get("journal") or e.get("journaltitle", "")


def records_from_csl(path):
    with open(path, encoding="utf-8") as f:
        for item in json.load(f):
            doi = doi_of(item.get("DOI"))
            if not doi or not item.get("title"):
                continue
            authors = item.get("author") or [{}]
            parts = (item.get("issued") or {}).get("date-parts") or [[0]]
            year = int(parts[0][0]) if parts and parts[0] and str(parts[0][0]).isdigit() else 0
            yield doi, item["title"], authors[0].get("family") or authors[0].get("literal", ""), \
                year, item.get("container-title", "")


def text(el):
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def records_from_jats(path):
    for ref in ET.parse(path).getroot().iter("ref"):
        doi = None
        for pid in ref.iter("pub-id"):
            if pid.get("pub-id-type") == "doi":
                doi = doi_of(text(pid))
        for link in ref.iter("ext-link"):
            href = link.get("{http://www.w3.org/1999/xlink}href") or ""
            if not doi and "doi.org/" in href:
                doi = doi_of(href)
        title = text(ref.find(".//article-title")) or text(ref.find(".//chapter-title"))
        surname = text(ref.find(".//surname"))
        year = re.search(r"\d{4}", text(ref.find(".//year")))
        if doi and title:
            yield doi, title, surname, int(year.group(0)) if year else 0, text(ref.find(".//source"))


READERS = {".bib": records_from_bib, ".json": records_from_csl, ".xml": records_from_jats}


def message(title, family, year, container):
    m = {"title": [title], "container-title": [container] if container else [],
         "type": "journal-article"}
    if family:
        m["author"] = [{"family": family, "sequence": "first"}]
    if year:
        m["issued"] = {"date-parts": [[year]]}
    return m


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def judge(citelint, files, records, workdir):
    """Runs citelint on the files against the records; the verdict per DOI."""
    path = os.path.join(workdir, "records.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({doi: {"agency": "Crossref", "message": m} for doi, m in records.items()}, f)
    port = free_port()
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "fake_registry.py"),
                               "--records", path, "--port", str(port)], stdout=subprocess.PIPE)
    server.stdout.readline()
    verdicts = {}
    try:
        base = "http://ids.test:%d" % port
        for file in files:
            out = subprocess.run(
                [citelint, "check", "--format", "json", "--no-cache", "--allow-private",
                 "--exclude", ".", "--no-repair", "--resolve", "ids.test:%d:127.0.0.1" % port,
                 "--api", "doi=" + base, "--api", "crossref=" + base, "--as-of", "2026-01-01",
                 "--host-concurrency", "8", file], capture_output=True, text=True).stdout
            for f in json.loads(out)["findings"]:
                m = re.match(r"DOI (\S+) is registered", f["message"])
                if m and f["rule"] in ("doi/mismatch", "doi/near-miss"):
                    verdicts[m.group(1).lower()] = f["rule"]
                    if os.environ.get("VERBOSE"):
                        print("  %s:%s %s" % (os.path.basename(file), f["line"], f["message"]))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()
    return verdicts


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../shared/corpus")
    citelint = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "../../build/citelint")
    lists = {}
    for name in sorted(os.listdir(corpus)):
        reader = READERS.get(os.path.splitext(name)[1])
        if not reader:
            continue
        try:
            recs = list(reader(os.path.join(corpus, name)))
        except (ET.ParseError, json.JSONDecodeError, UnicodeDecodeError):
            continue
        seen, unique = set(), []
        for r in recs:
            if r[0] not in seen:
                seen.add(r[0])
                unique.append(r)
        if len(unique) >= 2:
            lists[os.path.join(corpus, name)] = unique
    total = sum(len(v) for v in lists.values())
    print("%d DOIs with a title in %d lists" % (total, len(lists)))
    modes = {}
    for mode in ("same", "varied", "shifted"):
        records = {}
        for recs in lists.values():
            for i, (doi, title, family, year, container) in enumerate(recs):
                if mode == "shifted":
                    _, title, family, year, container = recs[(i + 1) % len(recs)]
                elif mode == "varied":
                    if i % 2 == 0 and year:
                        year += 1
                    if i % 3 == 0:
                        title += ": a review of the evidence"
                    if i % 5 == 0:
                        title = title.upper()
                records[doi] = message(title, family, year, container)
        with tempfile.TemporaryDirectory() as work:
            verdicts = judge(citelint, list(lists), records, work)
        counts = {"doi/mismatch": 0, "doi/near-miss": 0}
        for doi in records:
            if doi in verdicts:
                counts[verdicts[doi]] += 1
        modes[mode] = counts
        same = total - counts["doi/mismatch"] - counts["doi/near-miss"]
        print("%-8s  same work %4d (%5.1f%%)  near miss %4d (%5.1f%%)  another work %4d (%5.1f%%)"
              % (mode, same, 100.0 * same / total, counts["doi/near-miss"],
                 100.0 * counts["doi/near-miss"] / total, counts["doi/mismatch"],
                 100.0 * counts["doi/mismatch"] / total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
