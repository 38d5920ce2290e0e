#!/usr/bin/env python3
"""layout_check.py LAYOUT.json [--expect-hidden LIST]... [--apart A B]... [--later-page PREFIX]...

Checks what a view recorded while drawing (`facilita run --screenshot ...
--layout LAYOUT.json`): every panel lies inside its parent and the window,
every item inside its panel; rows of a list that are not wholly inside their
panel are counted by the list's "+N más", and a list that hides rows drew its
"LIST:more" item. --expect-hidden: that list exists and hides rows (the
stress really overflows it). --apart: items A and B do not overlap.
--later-page: rows named PREFIX<n> were drawn and the first of them (n = 0)
was not: a later page of the list is shown.
Prints one line per problem; exit 1 when there is any."""
import json
import sys

SLACK = 1.0  # pixel rounding


def inside(a, b):
    return (a[0] >= b[0] - SLACK and a[1] >= b[1] - SLACK and a[2] <= b[2] + SLACK and a[3] <= b[3] + SLACK)


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def main(argv):
    path = argv[1]
    expect_hidden, apart, later = [], [], []
    i = 2
    while i < len(argv):
        if argv[i] == "--expect-hidden":
            expect_hidden.append(argv[i + 1]); i += 2
        elif argv[i] == "--later-page":
            later.append(argv[i + 1]); i += 2
        elif argv[i] == "--apart":
            apart.append((argv[i + 1], argv[i + 2])); i += 3
        else:
            print(f"unknown argument {argv[i]}"); return 2
    data = json.load(open(path))
    window = [0, 0, data["width"], data["height"]]
    entries = data["entries"]
    panels = {e["name"]: e["box"] for e in entries if e["kind"] == "panel"}
    lists = [e for e in entries if e["kind"] == "list"]
    items = {e["name"]: e for e in entries if e["kind"] == "item"}
    problems = []
    for e in entries:
        if e["kind"] == "panel":
            parent = panels.get(e["panel"], window) if e["panel"] else window
            if not inside(e["box"], parent):
                problems.append(f"panel {e['name']} {e['box']} crosses {e['panel'] or 'the window'} {parent}")
        elif e["kind"] == "item":
            box = panels.get(e["panel"])
            if box is None:
                problems.append(f"item {e['name']}: no panel {e['panel']}")
            elif not inside(e["box"], box):
                problems.append(f"item {e['name']} {e['box']} crosses its panel {e['panel']} {box}")
    for panel, box in panels.items():
        rows = [e for e in entries if e["kind"] == "row" and e["panel"] == panel]
        out = [r["name"] for r in rows if not inside(r["box"], box)]
        hidden = sum(l["hidden"] for l in lists if l["panel"] == panel)
        if len(out) > hidden:
            problems.append(f"{len(out)} rows cross {panel} but its lists say +{hidden}: {out[:5]}")
    for l in lists:
        if l["hidden"] > 0 and l["name"] + ":more" not in items:
            problems.append(f"list {l['name']} hides {l['hidden']} of {l['total']} rows without \"+N más\"")
    for name in expect_hidden:
        found = [l for l in lists if l["name"] == name]
        if not found:
            problems.append(f"list {name} was not drawn")
        elif found[0]["hidden"] == 0:
            problems.append(f"list {name} shows all {found[0]['total']} rows: the stress does not overflow it")
    for a, b in apart:
        if a not in items or b not in items:
            problems.append(f"{a} or {b} not drawn")
        elif overlap(items[a]["box"], items[b]["box"]):
            problems.append(f"{a} {items[a]['box']} overlaps {b} {items[b]['box']}")
    for prefix in later:
        rows = sorted(int(e["name"][len(prefix):]) for e in entries
                      if e["kind"] == "row" and e["name"].startswith(prefix) and e["name"][len(prefix):].isdigit())
        if not rows:
            problems.append(f"no {prefix}N rows drawn")
        elif rows[0] == 0:
            problems.append(f"{prefix}0 drawn: the first page, not a later one (rows {rows[0]}-{rows[-1]})")
        else:
            print(f"     {prefix}{rows[0]}..{prefix}{rows[-1]} drawn (a later page)")
    for p in problems:
        print(f"FAIL {path}: {p}")
    counts = {k: sum(1 for e in entries if e["kind"] == k) for k in ("panel", "item", "row", "list")}
    if not problems:
        print(f"ok   {path}: {counts}, hidden " +
              ", ".join(f"{l['name']} +{l['hidden']}/{l['total']}" for l in lists))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
