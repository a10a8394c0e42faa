#!/usr/bin/env bash
# Link checking side by side: citelint, linkinator, markdown-link-check and linkchecker on the
# same workload, served by citelint-bench-web on loopback (N URLs over H hosts, latency L).
#   bench/links.sh [URLS] [HOSTS] [LATENCY_MS] [TOOLS...]
# Defaults: 2000 100 100, all four tools. Peers: ci/install-deps.sh --bench installs them.
# Prints wall time, CPU time, peak RSS, the share of URLs each classifies right, and what the
# server saw (requests, the most in flight at once); for citelint, the schedule bound of its
# settings (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
urls=${1:-2000}
hosts=${2:-100}
latency=${3:-100}
shift 3 2>/dev/null || shift $#
tools=("$@")
[ ${#tools[@]} -gt 0 ] || tools=(citelint linkinator markdown-link-check linkchecker)
concurrency=100
port=18080
out=bench/out/links
mkdir -p "$out"
ci/build.sh build >/dev/null
cmake --build build --target citelint-bench-web >/dev/null
peers=bench/peers/node_modules/.bin
export PATH="$PWD/$peers:$PATH"  # the Node.js 22 linkinator 8 needs, from bench/peers

serve() {  # a fresh server per tool: flaky pages fail once per server
  build/citelint-bench-web --urls "$urls" --hosts "$hosts" --latency-ms "$latency" \
    --port "$port" --out "$out" >"$out/server.log" 2>&1 &
  server=$!
  for _ in $(seq 50); do
    grep -q serving "$out/server.log" 2>/dev/null && return
    sleep 0.1
  done
  echo "bench/links.sh: the workload server did not start" >&2
  exit 1
}

run() {  # run TOOL COMMAND...: time it, keep its output for scoring
  local tool=$1
  shift
  serve
  /usr/bin/time -f '%e %U %S %M' -o "$out/$tool.time" "$@" >"$out/$tool.out" 2>"$out/$tool.err" || true
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  tail -1 "$out/server.log" >"$out/$tool.server"  # requests and peak in flight, as served
}

for tool in "${tools[@]}"; do
  case $tool in
    citelint)
      run citelint build/citelint check --as-of 2021-01-01 --allow-private --no-cache --quiet \
        --max-concurrency "$concurrency" --format json -o "$out/citelint.json" "$out/refs.txt" ;;
    linkinator)
      run linkinator "$peers/linkinator" "$out/page.html" --concurrency "$concurrency" --format json ;;
    markdown-link-check)  # its concurrency is fixed at 2 (async.mapLimit in its source)
      run markdown-link-check "$peers/markdown-link-check" -v "$out/page.md" ;;
    linkchecker)
      chmod -R a+rX "$out"  # it drops root privileges to nobody
      run linkchecker linkchecker --check-extern --threads "$concurrency" --no-status \
        --no-warnings -o csv "$out/page.html" ;;
    *) echo "bench/links.sh: unknown tool $tool" >&2; exit 2 ;;
  esac
done

python3 - "$out" "$urls" "$hosts" "$latency" "$concurrency" "${tools[@]}" <<'PY'
import csv, json, math, re, sys
out, urls, hosts, latency, cap = sys.argv[1], *map(int, sys.argv[2:6])
tools = sys.argv[6:]
answers = dict(line.rstrip("\n").split("\t") for line in open(f"{out}/answers.tsv"))

def verdicts(tool):
    """URL -> alive | dead | unknown, as the tool reported it."""
    v = {}
    text = open(f"{out}/{tool}.out", errors="replace").read()
    if tool == "citelint":
        for ref in json.load(open(f"{out}/citelint.json"))["references"]:
            for u in ref["urls"]:
                s = u["link"]["status"]
                v[u["url"]] = "alive" if s in ("ok", "redirect", "drifted") else "dead" if s in ("broken", "soft-404", "parked", "failing") else "unknown"
    elif tool == "linkinator":
        for link in json.loads(text[text.index("{"):])["links"]:
            v[link["url"]] = {"OK": "alive", "BROKEN": "dead"}.get(link["state"], "unknown")
    elif tool == "markdown-link-check":
        for m in re.finditer(r"\[([✓✖/])\] (\S+)", text):
            v[m.group(2)] = "alive" if m.group(1) == "✓" else "dead" if m.group(1) == "✖" else "unknown"
    elif tool == "linkchecker":  # it lists the links it found invalid; the rest were valid
        v = {url: "alive" for url in answers}
        rows = [l for l in text.splitlines() if l and not l.startswith("#")]
        for row in csv.DictReader(rows, delimiter=";"):
            url = row.get("urlname") or ""
            if url in answers:
                v[url] = "alive" if row.get("valid") == "True" else "dead"
    return v

# The schedule bound for citelint's settings: each host's requests over its concurrency (4),
# plus the second a 429's Retry-After holds the host; the whole run's over the global cap; and
# the longest single chain (a 429, its Retry-After of 1 s, the retry), whichever is largest.
per_host, total, limited = {}, 0.0, set()
for url in answers:
    host, kind = re.match(r"http://([^/]+)/([a-z]+)/", url).groups()
    cost = {"moved": 2, "flaky": 2, "walled": 2, "slow": 4, "limited": 2}.get(kind, 1) * latency / 1000
    per_host[host] = per_host.get(host, 0) + cost
    total += cost
    if kind == "limited":
        limited.add(host)
bound = max(max(c / 4 + (1.0 if h in limited else 0) for h, c in per_host.items()),
            total / cap, 2 * latency / 1000 + 1.0)

rows = []
for tool in tools:
    wall, user, sys_, rss = open(f"{out}/{tool}.time").read().split()[-4:]
    v = verdicts(tool)
    right = sum(1 for u, a in answers.items() if v.get(u) == a)
    served = open(f"{out}/{tool}.server").read().split()
    requests, peak = (int(served[1]), int(served[3])) if len(served) == 4 else (0, 0)
    rows.append((tool, float(wall), float(user) + float(sys_), int(rss) / 1024,
                 100 * right / len(answers), requests, peak))
print(f"{urls} URLs on {hosts} hosts, {latency} ms latency, concurrency {cap}; "
      f"citelint's schedule bound {bound:.2f} s")
print(f"{'tool':<22}{'wall_s':>8}{'cpu_s':>8}{'rss_MB':>8}{'right_%':>9}{'requests':>10}{'peak':>6}")
for tool, wall, cpu, rss, right, requests, peak in rows:
    print(f"{tool:<22}{wall:>8.2f}{cpu:>8.2f}{rss:>8.0f}{right:>9.1f}{requests:>10}{peak:>6}")
PY
