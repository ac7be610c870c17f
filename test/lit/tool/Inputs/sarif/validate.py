#!/usr/bin/python3
"""Checks viewguard's SARIF output; used by the sarif*.test lit tests.

usage: validate.py --schema SCHEMA.json FILE.sarif...        validate
       validate.py --flatten FILE.sarif                      print it flat
       validate.py --fingerprints FILE.sarif                 print fingerprints

Validation (exit status 1 and one line per problem on failure):

- against the official SARIF 2.1.0 JSON schema, with a Draft 7 validator and
  its format checker (which checks the "uri"/"uri-reference" formats that the
  schema's own draft-04 checker ignores) and with the draft-04 validator the
  schema declares;
- the rules of the SARIF specification that a schema cannot express, where
  viewguard uses the feature: a result's ruleIndex points at the rule named by
  its ruleId (3.27.6), every uriBaseId is defined in originalUriBaseIds
  (3.14.14), relatedLocations ids are unique within a result (3.28.2).

--flatten prints one `path = value` line per JSON scalar, keys sorted, e.g.
`runs/0/results/0/ruleId = "viewguard-view-mutation"`, so that FileCheck
can check where a value sits without depending on the indentation.

--fingerprints prints `ruleId fingerprint-name=value ...` per result, in
order, for comparing two runs with diff.
"""

import argparse
import json
import sys

import jsonschema


def flatten(value, path, out):
    if isinstance(value, dict):
        for key in sorted(value):
            flatten(value[key], path + [key], out)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            flatten(item, path + [str(i)], out)
    else:
        out.append("%s = %s" % ("/".join(path), json.dumps(value)))


def spec_problems(log):
    problems = []
    for r, run in enumerate(log.get("runs", [])):
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        bases = run.get("originalUriBaseIds", {})

        def check_base(where, loc):
            base = loc.get("uriBaseId")
            if base is not None and base not in bases:
                problems.append("%s: uriBaseId %r not in originalUriBaseIds"
                                % (where, base))

        for i, res in enumerate(run.get("results", [])):
            where = "runs/%d/results/%d" % (r, i)
            if "ruleIndex" in res:
                idx = res["ruleIndex"]
                if not 0 <= idx < len(rules):
                    problems.append("%s: ruleIndex %d out of range" % (where, idx))
                elif res.get("ruleId") != rules[idx].get("id"):
                    problems.append("%s: ruleId %r but rules[%d] is %r" % (
                        where, res.get("ruleId"), idx, rules[idx].get("id")))
            for key in ("locations", "relatedLocations"):
                for j, loc in enumerate(res.get(key, [])):
                    phys = loc.get("physicalLocation", {})
                    check_base("%s/%s/%d" % (where, key, j),
                               phys.get("artifactLocation", {}))
            ids = [loc["id"] for loc in res.get("relatedLocations", [])
                   if "id" in loc]
            if len(ids) != len(set(ids)):
                problems.append("%s: duplicate relatedLocations ids %r"
                                % (where, ids))
            for f, fix in enumerate(res.get("fixes", [])):
                for c, change in enumerate(fix.get("artifactChanges", [])):
                    check_base("%s/fixes/%d/artifactChanges/%d" % (where, f, c),
                               change.get("artifactLocation", {}))
    return problems


def validate(schema, path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        log = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        return ["%s: not UTF-8 (SARIF is JSON, RFC 8259 requires UTF-8): %s"
                % (path, e)]
    except json.JSONDecodeError as e:
        return ["%s: not JSON: %s" % (path, e)]
    problems = []
    validators = [
        ("draft-07",
         jsonschema.Draft7Validator(
             schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)),
        ("draft-04",
         jsonschema.Draft4Validator(
             schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)),
    ]
    for name, validator in validators:
        for err in sorted(validator.iter_errors(log), key=lambda e: list(e.path)):
            problems.append("%s: schema (%s): %s: %s" % (
                path, name, "/".join(str(p) for p in err.absolute_path),
                err.message))
    if log.get("version") != "2.1.0":
        problems.append("%s: version is %r, not 2.1.0" % (path, log.get("version")))
    problems += ["%s: %s" % (path, p) for p in spec_problems(log)]
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schema")
    ap.add_argument("--flatten", action="store_true")
    ap.add_argument("--fingerprints", action="store_true")
    ap.add_argument("files", nargs="+")
    opts = ap.parse_args()

    if opts.flatten or opts.fingerprints:
        for path in opts.files:
            with open(path, encoding="utf-8") as f:
                log = json.load(f)
            if opts.flatten:
                out = []
                flatten(log, [], out)
                print("\n".join(out))
            else:
                for run in log["runs"]:
                    for res in run.get("results", []):
                        fps = res.get("partialFingerprints", {})
                        print(res.get("ruleId"), " ".join(
                            "%s=%s" % (k, fps[k]) for k in sorted(fps)))
        return 0

    if not opts.schema:
        ap.error("--schema is required to validate")
    with open(opts.schema, encoding="utf-8") as f:
        schema = json.load(f)
    problems = []
    for path in opts.files:
        problems += validate(schema, path)
    if problems:
        print("\n".join(problems))
        return 1
    for path in opts.files:
        print("valid SARIF 2.1.0: %s" % path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
