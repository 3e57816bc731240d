#!/usr/bin/env python3
"""Extracts the request constraints of the services' API models (botocore's service-2.json) into the compact tables
the fakes validate requests against before running an operation, as the services' own request validation does.

Usage: model-constraints.py <botocore checkout> <output directory>
Each line: Operation TAB member path TAB kind [TAB arguments]. A path joins member names with '.'; '*' stands for each
element of a list. Kinds: required; length min max (strings, lists); range min max (numbers); pattern regex; enum values
(comma-separated); sensitive (the value is not echoed in the message). An empty min or max is no bound. Paths go six
structures deep (no shape inside itself): deeper members are left to the operations.
"""
import json
import sys
from pathlib import Path

SERVICES = {"glue": "glue/2017-03-31", "athena": "athena/2017-05-18", "emr": "emr/2009-03-31"}
MAX_DEPTH = 6


def lines_for(model):
    shapes = model["shapes"]
    out = []
    for name, operation in sorted(model["operations"].items()):
        if "input" not in operation:
            continue
        walk(shapes, name, shapes[operation["input"]["shape"]], [], 0, out)
    return out


def walk(shapes, operation, structure, path, depth, out, seen=frozenset()):
    required = set(structure.get("required", []))
    for member, ref in structure.get("members", {}).items():
        shape = shapes[ref["shape"]]
        here = path + [member]
        key = ".".join(here)
        if member in required:
            out.append(f"{operation}\t{key}\trequired")
        kind = shape["type"]
        if shape.get("sensitive"):
            out.append(f"{operation}\t{key}\tsensitive")
        if kind in ("string", "list", "blob") and ("min" in shape or "max" in shape):
            out.append(f"{operation}\t{key}\tlength\t{shape.get('min', '')}\t{shape.get('max', '')}")
        if kind in ("integer", "long") and ("min" in shape or "max" in shape):
            out.append(f"{operation}\t{key}\trange\t{shape.get('min', '')}\t{shape.get('max', '')}")
        if kind == "string" and "pattern" in shape:
            out.append(f"{operation}\t{key}\tpattern\t{shape['pattern']}")
        if kind == "string" and "enum" in shape:
            out.append(f"{operation}\t{key}\tenum\t{','.join(shape['enum'])}")
        if kind == "list" and shapes[shape["member"]["shape"]]["type"] == "string":
            element = shapes[shape["member"]["shape"]]
            each = f"{key}.*"
            if "min" in element or "max" in element:
                out.append(f"{operation}\t{each}\tlength\t{element.get('min', '')}\t{element.get('max', '')}")
            if "pattern" in element:
                out.append(f"{operation}\t{each}\tpattern\t{element['pattern']}")
            if "enum" in element:
                out.append(f"{operation}\t{each}\tenum\t{','.join(element['enum'])}")
        if depth + 1 < MAX_DEPTH:
            if kind == "structure" and ref["shape"] not in seen:
                walk(shapes, operation, shape, here, depth + 1, out, seen | {ref["shape"]})
            elif kind == "list" and shapes[shape["member"]["shape"]]["type"] == "structure" \
                    and shape["member"]["shape"] not in seen:
                walk(shapes, operation, shapes[shape["member"]["shape"]], here + ["*"], depth + 1, out,
                     seen | {shape["member"]["shape"]})


def main():
    botocore, target = Path(sys.argv[1]), Path(sys.argv[2])
    for service, location in SERVICES.items():
        model = json.loads((botocore / "botocore" / "data" / location / "service-2.json").read_text())
        lines = lines_for(model)
        if any("\n" in line or line.count("\t") > 4 for line in lines):
            raise SystemExit(f"{service}: a constraint holds a tab or a line break")
        (target / f"{service}.constraints").write_text("\n".join(lines) + "\n")
        print(service, len(lines), "constraints")


if __name__ == "__main__":
    main()
