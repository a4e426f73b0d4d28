#!/usr/bin/python3
"""docs/answer-file.schema.json agrees with assess's loader (run by tests/schema.sh).

1. Every answer file in examples/ and tests/cases/ that `assess validate` accepts is valid
   under the schema: the schema refuses nothing the tool takes.
2. The bad cases listed in REFUSED, whose fault the schema can express (a wrong type, an
   unknown key, a value out of range), are refused by both.
3. A full record (every key the loader knows) is accepted by both, and each mutation of it
   (a record member of the wrong type, an unknown key in each object) is refused by both.

Environment (set by make check): ASSESS, TESTS_SRCDIR, ASSESS_QUESTIONNAIRES.
"""
import copy
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema

SRC = os.environ.get("TESTS_SRCDIR", os.path.dirname(os.path.abspath(__file__)))
TOP = os.path.dirname(SRC)
SCHEMA = os.path.join(TOP, "docs", "answer-file.schema.json")

# Cases of the bad-input corpus that the schema refuses as the loader does.
REFUSED = ["bad-above-scale-type", "bad-credit-code-alphabet", "bad-credit-code-length",
           "bad-empty-list", "bad-empty-name", "bad-enterprise-unknown-key",
           "bad-evidence-escape", "bad-finalized-no-at", "bad-lang", "bad-no-questionnaire",
           "bad-not-an-object", "bad-option-twice", "bad-scenario-fraction",
           "bad-scenario-negative", "bad-scenario-out-of-range", "bad-stage",
           "bad-unknown-top-key", "subsidy-bad-award-count", "subsidy-bad-finance-negative",
           "subsidy-bad-status-type"]


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("a repeated key")  # the loader refuses it; Python would keep the last
    return dict(pairs)


def read(path):
    """The file as JSON, or None when it is not JSON Python reads as the loader would."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f, object_pairs_hook=no_duplicates)
    except (ValueError, UnicodeDecodeError):
        return None


def loader_status(path):
    run = subprocess.run([os.environ["ASSESS"], "validate", "--allow-incomplete", "--rescore",
                          os.path.basename(path)], cwd=os.path.dirname(path),
                         capture_output=True)
    return run.returncode, run.stderr.decode("utf-8", "replace").strip()


def full_record():
    """validate-record-ok's file with every other key the loader knows added."""
    case = os.path.join(SRC, "cases", "validate-record-ok")
    doc = read(os.path.join(case, "a.json"))
    doc["questionnaire_version"] = "2024"
    doc["questionnaire_sha256"] = "0" * 64  # another instrument's: validated with --rescore
    doc["enterprise"].update({"region_code": "350582", "industry_code": "C2442"})
    doc["assessment"].update({
        "report_no": "QZ-2026-017", "lang": "zh", "source": "onsite",
        "team": [{"name": "张工", "role": "组长", "organisation": "示例服务商"}, {"name": "李工"}],
        "interviewees": [{"name": "陈总", "title": "总经理"}],
        "site_visits": ["2026-11-19", "2026-11-20"]})
    doc["evidence"]["F1"].append({"title": "网络架构文件", "checklist": "F1.1"})
    doc["finalized"] = {"at": "2026-11-20T11:00:00+08:00", "by": "张工"}
    doc["awards"] = ["national-little-giant", {"id": "provincial-smart-scene", "count": 2,
                                               "amount": 800000, "note": "认定"}]
    return case, doc


def mutations():
    """(what, change) pairs; each change breaks the full record in one place."""
    def setter(*path, value):
        def change(doc):
            node = doc
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
        return change
    return [
        ("unknown top-level key", setter("comment", value="x")),
        ("questionnaire_version a number", setter("questionnaire_version", value=2024)),
        ("questionnaire_sha256 not hex", setter("questionnaire_sha256", value="ABC")),
        ("region_code of no province", setter("enterprise", "region_code", value="990000")),
        ("region_code county under 00", setter("enterprise", "region_code", value="350082")),
        ("industry_code outside its section", setter("enterprise", "industry_code", value="C99")),
        ("source unknown", setter("assessment", "source", value="remote")),
        ("team an object", setter("assessment", "team", value={"name": "张工"})),
        ("team member unknown key", setter("assessment", "team", 0, "phone", value="1")),
        ("interviewee without a name", setter("assessment", "interviewees", 0, value={"title": "x"})),
        ("site visit not a date", setter("assessment", "site_visits", 0, value="20261120")),
        ("report_no a number", setter("assessment", "report_no", value=17)),
        ("assessment unknown key", setter("assessment", "room", value="3")),
        ("evidence an array", setter("evidence", value=[])),
        ("evidence item unknown key", setter("evidence", "F1", 0, "colour", value="red")),
        ("evidence sha256 without a file", setter("evidence", "F1", 1, "sha256", value="a" * 64)),
        ("evidence title empty", setter("evidence", "F1", 1, "title", value="")),
        ("flag not a string", setter("flags", "F3", value=True)),
        ("flag empty", setter("flags", "F3", value="")),
        ("history an object", setter("history", value={})),
        ("history entry unknown key", setter("history", 0, "when", value="now")),
        ("history time without its offset", setter("history", 0, "at", value="2026-11-20T10:00:00")),
        ("history entry without to", lambda doc: doc["history"][0].pop("to")),
        ("history to a fraction", setter("history", 0, "to", value=1.5)),
        ("finalized a string", setter("finalized", value="yes")),
        ("finalized unknown key", setter("finalized", "reason", value="done")),
        ("status unknown key", setter("status", "pilot", value=True)),
        ("award count 0", setter("awards", 1, "count", value=0)),
    ]


def main():
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    check = jsonschema.Draft202012Validator(schema)
    failed, accepted = [], 0
    files = sorted(glob.glob(os.path.join(TOP, "examples", "*.json")) +
                   glob.glob(os.path.join(SRC, "cases", "*", "*.json")))
    for path in files:
        doc = read(path)
        if doc is None:
            continue
        name = os.path.relpath(path, TOP)
        status, err = loader_status(path)
        errors = sorted(check.iter_errors(doc), key=str)
        case = os.path.basename(os.path.dirname(path))
        if status == 0:
            accepted += 1
            if errors:
                failed.append(f"{name}: assess accepts it, the schema does not: "
                              f"{errors[0].message}")
        elif case in REFUSED and (status != 65 or not errors):
            failed.append(f"{name}: assess exits {status}, the schema "
                          f"{'refuses' if errors else 'accepts'} it")
    for case in REFUSED:
        if not glob.glob(os.path.join(SRC, "cases", case, "*.json")):
            failed.append(f"{case}: no such case")
    case, base = full_record()
    tmp = tempfile.mkdtemp(prefix="assess-schema.")
    try:
        shutil.copytree(os.path.join(case, "ev"), os.path.join(tmp, "ev"))
        path = os.path.join(tmp, "a.json")

        def both(doc):
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False, indent=1)
            return loader_status(path), list(check.iter_errors(doc))

        (status, err), errors = both(base)
        if status != 0 or errors:
            failed.append(f"the full record: assess exits {status} ({err}), schema "
                          f"{[e.message for e in errors]}")
        for what, change in mutations():
            doc = copy.deepcopy(base)
            change(doc)
            (status, err), errors = both(doc)
            if status != 65 or not errors:
                failed.append(f"{what}: assess exits {status} ({err}), the schema "
                              f"{'refuses' if errors else 'accepts'} it")
    finally:
        shutil.rmtree(tmp)
    for line in failed:
        print("FAIL " + line)
    print(f"schema: {accepted} accepted answer files valid, {len(REFUSED)} bad cases and "
          f"{len(mutations())} mutations refused by both; {len(failed)} failures")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
