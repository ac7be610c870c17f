"""Holds docs/checks/*.md to the check descriptions the tool reports.

Reads a SARIF log (the tool's rules carry each check's one description from
lib/ViewGuard/Checks/CheckDescriptions.h) and requires that the page each rule
names exists and states the rule's short description in bold under its title.
Prints one line per check.
"""
import json
import os
import sys

log, docs = sys.argv[1], sys.argv[2]
rules = json.load(open(log))["runs"][0]["tool"]["driver"]["rules"]
status = 0
for rule in rules:
    if not rule["id"].startswith("viewguard-"):
        continue
    page = rule["helpUri"].split("/docs/", 1)[1]
    path = os.path.join(docs, page)
    short = rule["shortDescription"]["text"]
    text = open(path).read() if os.path.exists(path) else ""
    ok = text.startswith("# " + rule["id"] + "\n") and ("**" + short + ".**") in text
    print(("ok " if ok else "MISMATCH ") + rule["id"] + " " + page)
    status |= not ok
sys.exit(status)
