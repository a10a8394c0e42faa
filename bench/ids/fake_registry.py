#!/usr/bin/env python3
"""A fake of the identifier services on 127.0.0.1, for the bench and the calibration of the DOI
match (bench/ids/): the DOI system's handle API (/api/handles/<doi>) and agency lookup
(/ra/<prefix>), Crossref's work records (/works/<doi>) and DataCite's (/dois/<doi>), in the
shapes their documentation gives (tests/support/fake_registry.cpp is the tests' own).

  fake_registry.py --records FILE.json --port P [--rate N] [--stats FILE]

FILE.json maps each DOI (lowercase) to {"agency": "Crossref", "message": {...}} or
{"agency": "DataCite", "attributes": {...}}. --rate N limits Crossref's records to N a second
(a sliding window, as Crossref's x-rate-limit-* headers say): beyond it, 429 with Retry-After.
On SIGTERM the server writes what it saw to --stats: requests per path kind, 429s, and the
most Crossref records served in any one second.
"""
import argparse
import collections
import json
import signal
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--rate", type=float, default=0)
    ap.add_argument("--stats")
    args = ap.parse_args()
    with open(args.records, encoding="utf-8") as f:
        records = {k.lower(): v for k, v in json.load(f).items()}
    prefixes = {}
    for doi, r in records.items():
        prefixes[doi.split("/", 1)[0]] = r.get("agency", "Crossref")
    lock = threading.Lock()
    counts = collections.Counter()
    served = collections.deque()  # times of the Crossref records served, the last second
    per_second = collections.Counter()
    started = int(time.monotonic())

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def send(self, status, body, ctype="application/json", headers=()):
            data = body.encode() if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            path = urllib.parse.unquote(self.path.split("?", 1)[0])
            if path.startswith("/api/handles/"):
                return self.handles(path[len("/api/handles/"):].lower())
            if path.startswith("/ra/"):
                return self.agency(path[len("/ra/"):].lower())
            if path.startswith("/works/"):
                return self.work(path[len("/works/"):].lower())
            if path.startswith("/dois/"):
                return self.datacite(path[len("/dois/"):].lower())
            self.send(404, "Not Found", "text/plain")

        def handles(self, doi):
            with lock:
                counts["handle"] += 1
            if doi not in records:
                return self.send(404, json.dumps({"responseCode": 100, "handle": doi}))
            value = {"index": 1, "type": "URL",
                     "data": {"format": "string", "value": "https://publisher.test/" + doi}}
            self.send(200, json.dumps({"responseCode": 1, "handle": doi, "values": [value]}))

        def agency(self, prefix):
            with lock:
                counts["ra"] += 1
            if prefix in prefixes:
                return self.send(200, json.dumps([{"DOI": prefix, "RA": prefixes[prefix]}]))
            self.send(200, json.dumps([{"DOI": prefix, "status": "DOI does not exist"}]))

        def work(self, doi):
            limit = [("x-rate-limit-limit", str(int(args.rate))), ("x-rate-limit-interval", "1s")] \
                if args.rate else []
            with lock:
                now = time.monotonic()
                while served and served[0] <= now - 1:
                    served.popleft()
                if args.rate and len(served) >= args.rate:
                    counts["works-429"] += 1
                    refused = True
                else:
                    refused = False
                    served.append(now)
                    counts["works"] += 1
                    per_second[int(now)] += 1
            if refused:
                return self.send(429, "Too Many Requests", "text/plain",
                                 [("Retry-After", "1")] + limit)
            r = records.get(doi)
            if not r or "message" not in r:
                return self.send(404, "Resource not found.", "text/plain", limit)
            message = dict(r["message"], DOI=doi)
            self.send(200, json.dumps({"status": "ok", "message-type": "work",
                                       "message-version": "1.0.0", "message": message}),
                      headers=limit)

        def datacite(self, doi):
            with lock:
                counts["datacite"] += 1
            r = records.get(doi)
            if not r or "attributes" not in r:
                return self.send(404, json.dumps({"errors": [{"status": "404", "title":
                                 "The resource you are looking for doesn't exist."}]}))
            self.send(200, json.dumps({"data": {"id": doi, "type": "dois",
                                                "attributes": dict(r["attributes"], doi=doi)}}))

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True

    def stop(*_):
        if args.stats:
            with lock, open(args.stats, "w", encoding="utf-8") as f:
                json.dump({"requests": dict(counts),
                           "most_records_in_a_second": max(per_second.values(), default=0),
                           "first_record": min(per_second, default=0) - started,
                           "last_record": max(per_second, default=0) - started}, f)
        threading.Thread(target=server.shutdown).start()

    signal.signal(signal.SIGTERM, stop)
    print("serving", flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
