#!/usr/bin/env python3
"""Validates a SARIF file against the SARIF 2.1.0 schema (draft 4, formats checked: uri too)
and against what GitHub code scanning asks beyond it. Prints each problem; exits 1 if any.

  validate_sarif.py SCHEMA FILE
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
checker = jsonschema.Draft4Validator.FORMAT_CHECKER
if "uri" not in checker.checkers:
    print("the uri format is not checked: install python3-rfc3987")
    sys.exit(1)
problems = [
    f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message}"
    for e in jsonschema.Draft4Validator(schema, format_checker=checker).iter_errors(doc)
]
for run in doc.get("runs", []):
    if run.get("columnKind") != "unicodeCodePoints":
        problems.append("columnKind is not unicodeCodePoints")
    for rule in run["tool"]["driver"].get("rules", []):
        for key in ("shortDescription", "fullDescription", "help"):
            if not rule.get(key, {}).get("text"):
                problems.append(f"rule {rule['id']}: no {key}")
    for i, result in enumerate(run.get("results", [])):
        where = f"result {i} ({result.get('ruleId')})"
        loc = result["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        if uri.startswith("/") or "://" in uri:
            problems.append(f"{where}: artifact uri {uri} is not relative")
        region = loc.get("region", {})
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            if not isinstance(region.get(key), int) or region[key] < 1:
                problems.append(f"{where}: region has no {key}")
        if not result.get("partialFingerprints"):
            problems.append(f"{where}: no partialFingerprints")
        for fix in result.get("fixes", []):
            for change in fix["artifactChanges"]:
                if not change.get("replacements"):
                    problems.append(f"{where}: a fix without replacements")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
