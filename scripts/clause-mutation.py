#!/usr/bin/env python3
"""Mutation testing of the fictional agreements' case tables (issue 13).

For each agreement of policies-test/ it makes mutants of its terms, one change each, the way a slip in encoding a
treaty would look: a clause removed, a sub-rule or list item dropped, a boolean flipped, an effect swapped (deny <->
review), a date moved by a day, a period lengthened. Each mutant is tested with the agreement's case table
(`opa test`, the real rules, the sandbox capabilities). A mutant the table does not notice "survives": either the
table misses a question a lawyer would ask, or the change does not alter the law (equivalent mutants, e.g. an
article key in a clause that already inherits the same article). Writes the score to docs/mutation.md.

Usage: scripts/clause-mutation.py <opa> <capabilities.json> [agreement ...]
"""
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEST_TREE = os.path.join(ROOT, "policies-test")
REPORT = os.path.join(ROOT, "docs", "mutation.md")


def walk(node, path=()):
    yield path, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, path + (i,))


def get(node, path):
    for p in path:
        node = node[p]
    return node


def mutated(terms, path, change):
    t = copy.deepcopy(terms)
    parent = get(t, path[:-1])
    change(parent, path[-1])
    return t


def is_date(v):
    try:
        date.fromisoformat(v)
        return len(v) == 10
    except (TypeError, ValueError):
        return False


def mutants(terms):
    """(description, mutated terms) for every mutation point of the clauses, lifecycle, validity and measures."""
    swap = {"deny": "review", "review": "deny", "suspends": "review", "suspension_ground": "review",
            "recognised": "review", "after": "before", "before": "after"}
    for path, value in walk(terms):
        if not path or path[0] not in ("clauses", "lifecycle", "validity", "measures", "sites"):
            continue
        where = ".".join(str(p) for p in path)
        last = path[-1]
        if len(path) == 2 and path[0] == "clauses":
            yield f"remove clause {where}", mutated(terms, path, lambda p, k: p.pop(k))
        if isinstance(last, int) and isinstance(get(terms, path[:-1]), list) and len(get(terms, path[:-1])) > 1:
            yield f"drop {where}", mutated(terms, path, lambda p, k: p.pop(k))
        if isinstance(value, bool):
            yield f"flip {where}", mutated(terms, path, lambda p, k: p.__setitem__(k, not p[k]))
        elif isinstance(value, str) and "waiver" in path and last == "effect":
            other = "recognised" if value == "review" else "review"
            yield f"{where} {value} -> {other}", mutated(terms, path, lambda p, k, o=other: p.__setitem__(k, o))
        elif isinstance(value, str) and value in swap and last in ("effect", "timing", "after_deadline"):
            yield f"{where} {value} -> {swap[value]}", mutated(terms, path, lambda p, k: p.__setitem__(k, swap[p[k]]))
        elif isinstance(value, str) and is_date(value):
            later = (date.fromisoformat(value) + timedelta(days=1)).isoformat()
            yield f"{where} + 1 day", mutated(terms, path, lambda p, k, d=later: p.__setitem__(k, d))
        elif isinstance(value, str) and value.startswith("P") and last in ("within", "every", "notice_before", "per"):
            yield f"{where} {value} -> P400D", mutated(terms, path, lambda p, k: p.__setitem__(k, "P400D"))
        elif isinstance(value, int) and not isinstance(value, bool) and last in ("m", "count"):
            yield f"{where} + 1", mutated(terms, path, lambda p, k: p.__setitem__(k, p[k] + 1))


def killed(opa, capabilities, key, terms, work):
    data = os.path.join(work, "dataembassy", "agreements", key, "data.json")
    with open(data, "w") as f:
        json.dump({"terms": terms}, f)
    result = subprocess.run([opa, "test", "--capabilities", capabilities, os.path.join(ROOT, "policies"), work,
                             "--run", f"{key}_test.test_allow_review_deny_as_the_{key}_case_table_says"],
                            capture_output=True, text=True, timeout=300)
    return result.returncode != 0


def main():
    opa, capabilities = sys.argv[1], sys.argv[2]
    keys = sys.argv[3:] or sorted(os.listdir(os.path.join(TEST_TREE, "dataembassy", "agreements")))
    rows = []
    survivors = {}
    for key in keys:
        with tempfile.TemporaryDirectory() as work:
            shutil.copytree(TEST_TREE, work, dirs_exist_ok=True)
            with open(os.path.join(TEST_TREE, "dataembassy", "agreements", key, "data.json")) as f:
                terms = json.load(f)["terms"]
            if killed(opa, capabilities, key, terms, work):
                sys.exit(f"{key}: the case table fails on the unmutated terms")
            total = dead = 0
            survivors[key] = []
            for description, mutant in mutants(terms):
                total += 1
                if killed(opa, capabilities, key, mutant, work):
                    dead += 1
                else:
                    survivors[key].append(description)
            rows.append((key, total, dead))
            print(f"{key}: {dead} of {total} mutants killed", flush=True)
    with open(REPORT, "w") as out:
        out.write("# Mutation score of the fictional agreements' case tables\n\n")
        out.write("Written by `make mutation` (`scripts/clause-mutation.py`): each mutant changes one thing in an agreement's\n"
                  "terms (a clause removed, a rule or list item dropped, a boolean flipped, an effect swapped, a date moved by\n"
                  "a day, a period lengthened, a quorum or count raised) and is tested with the agreement's case table.\n"
                  "A surviving mutant is a question the table does not ask, or a change that does not alter the law.\n\n")
        out.write(f"Run on {date.today().isoformat()}.\n\n| agreement | mutants | killed | score |\n|---|---|---|---|\n")
        for key, total, dead in rows:
            out.write(f"| `{key}` | {total} | {dead} | {100.0 * dead / total:.1f} % |\n")
        out_note = ("\nKnown equivalent survivors (the change does not alter any decision of these terms): the first history\n"
                  "entry (SIGNED or DRAFT before it: both are AGREEMENT_NOT_IN_FORCE at the same article); the suspension\n"
                  "clause's grounds and allowed scopes (checked when terms are saved, `TermsV2Validator`, not when deciding);\n"
                  "duties of a notification clause listed for no operation (a notice owed on no decision).\n\n")
        all_total = sum(r[1] for r in rows)
        all_dead = sum(r[2] for r in rows)
        out.write(f"| all | {all_total} | {all_dead} | {100.0 * all_dead / all_total:.1f} % |\n")
        out.write(out_note + "## Survivors\n\n")
        for key, items in survivors.items():
            out.write(f"### `{key}`\n\n")
            out.write("".join(f"- {s}\n" for s in items) if items else "none\n")
            out.write("\n")


if __name__ == "__main__":
    main()
