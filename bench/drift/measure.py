#!/usr/bin/env python3
"""Drift's false-alarm rate on real reference lists, and how often it catches a page that
changed: each cited URL of the corpus served by a fake web (127.0.0.1 only) whose page names
itself as the reference does ("own"), or by another reference's title ("swapped"), and
citelint's verdicts counted.

    bench/drift/measure.py [CORPUS_DIR] [--citelint build/citelint]

The titles are read from each entry's own text by this script, format by format (a BibTeX
title field, CSL-JSON's title, JATS's article-title or source, a Wikipedia citation's quoted
title, a Markdown link's words), independently of citelint's reading; an entry none is read
from is left out. Served pages carry the title as sites write it: "Title | Site", "Site -
Title", or the title alone, in turn. URLs are rewritten to http on this server's port in a
copy of each list; nothing leaves the machine.
"""
import argparse
import html
import http.server
import json
import os
import random
import re
import socketserver
import subprocess
import sys
import tempfile
import threading
from urllib.parse import urlsplit

URL = re.compile(r"https?://([A-Za-z0-9.-]+\.[A-Za-z]{2,})(?::\d+)?")


def strip_tags(s):
    return html.unescape(re.sub(r"<[^>]+>", "", s)).strip()


def title_of(entry, fmt):
    if fmt in ("bib",):
        m = re.search(r"\btitle\s*=\s*[{\"](.+?)[}\"]\s*,?\s*$", entry, re.I | re.M)
        return re.sub(r"[{}]", "", m.group(1)) if m else None
    if fmt == "json":
        m = re.search(r'"title"\s*:\s*"((?:[^"\\]|\\.)+)"', entry)
        return json.loads('"' + m.group(1) + '"') if m else None
    if fmt == "xml":
        for tag in ("article-title", "chapter-title", "source"):
            m = re.search(r"<%s[^>]*>(.+?)</%s>" % (tag, tag), entry, re.S)
            if m:
                return strip_tags(m.group(1))
        return None
    if fmt == "html":
        text = strip_tags(re.sub(r"<(script|style)[^>]*>.*?</\1>", "", entry, flags=re.S))
        m = re.search(r"[\"“「《]([^\"”」》]{8,}?)[\"”」》]", text)
        return m.group(1).strip() if m else None
    if fmt == "md":
        m = re.search(r"\[([^\]]{8,})\]\(", entry) or re.search(r"\*([^*]{8,})\*", entry)
        return strip_tags(m.group(1)) if m else None
    return None


def served(title, site, n):
    form = n % 3
    if form == 0:
        return "%s | %s" % (title, site)
    if form == 1:
        return "%s - %s" % (site, title)
    return title


class Pages(http.server.BaseHTTPRequestHandler):
    pages = {}

    def do_GET(self):
        host = self.headers.get("Host", "").split(":")[0]
        title = self.pages.get((host, self.path))
        if title is None:
            self.send_response(404)
            self.end_headers()
            return
        body = "<!doctype html><html><head><meta charset=utf-8><title>%s</title></head>" \
               "<body><h1>%s</h1><p>%s</p></body></html>" % (
                   html.escape(title), html.escape(title), "Text of the page. " * 40)
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except OSError:  # the checker read what it wanted and closed
            pass

    def log_message(self, *args):
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default="../shared/corpus")
    ap.add_argument("--citelint", default="build/citelint")
    args = ap.parse_args()
    socketserver.ThreadingTCPServer.request_queue_size = 256  # the checker opens many at once
    socketserver.ThreadingTCPServer.daemon_threads = True
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Pages)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    totals = {"own": [0, 0], "swapped": [0, 0]}
    rng = random.Random(7714)
    print("%-58s %6s %8s %9s" % ("list", "urls", "own:drift", "swap:drift"))
    for name in sorted(os.listdir(args.corpus)):
        fmt = name.rsplit(".", 1)[-1]
        if fmt not in ("bib", "json", "xml", "html", "md"):
            continue
        path = os.path.join(args.corpus, name)
        text = open(path, encoding="utf-8", errors="replace").read()
        lines = text.splitlines(keepends=True)
        report = json.loads(subprocess.run(
            [args.citelint, "check", "--offline", "--format", "json", path],
            capture_output=True, text=True).stdout)
        titles = {}
        for ref in report["references"]:
            entry = "".join(lines[ref["line"] - 1:ref["end_line"]])
            title = title_of(entry, fmt)
            if not title or len(title) < 8:
                continue
            for u in ref["urls"]:
                parts = urlsplit(u["url"])
                if parts.scheme in ("http", "https") and parts.hostname:
                    key = (parts.hostname, (parts.path or "/") + ("?" + parts.query if parts.query else ""))
                    titles.setdefault(key, (title, parts.hostname))
        if not titles:
            continue
        copy = tempfile.NamedTemporaryFile("w", suffix="." + fmt, delete=False, encoding="utf-8")
        copy.write(URL.sub(lambda m: "http://%s:%d" % (m.group(1), port), text))
        copy.close()
        row = [name[:58], len(titles)]
        keys = sorted(titles)
        for mode in ("own", "swapped"):
            order = keys[:]
            rng.shuffle(order)
            Pages.pages = {}
            for n, key in enumerate(keys):
                source = key if mode == "own" else order[n]
                title, site = titles[source]
                if mode == "swapped" and titles[source][0] == titles[key][0]:
                    continue
                Pages.pages[key] = served(title, site.split(".")[-2] if "." in site else site, n)
            cmd = [args.citelint, "check", "--format", "json", "--no-cache", "--allow-private",
                   "--no-repair", "--retries", "0", "--timeout", "5",
                   "--include", ":%d/" % port]  # what an identifier became stays unasked
            for host in sorted({k[0] for k in keys}):
                cmd += ["--resolve", "%s:%d:127.0.0.1" % (host, port)]
            out = json.loads(subprocess.run(cmd + [copy.name], capture_output=True,
                                            text=True).stdout)
            seen = drifted = 0
            done = set()
            for ref in out["references"]:
                for u in ref["urls"]:
                    parts = urlsplit(u["url"])
                    key = (parts.hostname, (parts.path or "/") + ("?" + parts.query if parts.query else ""))
                    if key not in Pages.pages or key in done:
                        continue
                    done.add(key)
                    status = u["link"]["status"]
                    if os.environ.get("DRIFT_SHOW") and status not in ("ok", "drifted", "redirect"):
                        print("    %s %s %s" % (status, u["url"][:80], (u["link"]["error"] or "")[:80]))
                    if status in ("ok", "drifted", "redirect"):
                        seen += 1
                        drifted += status == "drifted"
            totals[mode][0] += seen
            totals[mode][1] += drifted
            row.append("%d/%d" % (drifted, seen))
            if mode == "own" and os.environ.get("DRIFT_SHOW"):
                for f in out["findings"]:
                    if f["rule"] == "link/drift":
                        print("   ", f["message"][:160])
        os.unlink(copy.name)
        print("%-58s %6d %9s %10s" % tuple(row))
    own, swap = totals["own"], totals["swapped"]
    print("\nown titles: %d of %d pages called drifted (false alarms: %.1f%%)" % (
        own[1], own[0], 100.0 * own[1] / max(own[0], 1)))
    print("swapped titles: %d of %d pages called drifted (caught: %.1f%%)" % (
        swap[1], swap[0], 100.0 * swap[1] / max(swap[0], 1)))


if __name__ == "__main__":
    sys.exit(main())
