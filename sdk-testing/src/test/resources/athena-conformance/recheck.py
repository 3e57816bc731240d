#!/usr/bin/env python3
"""Re-checks the Athena conformance cases (*.txt in this directory) on a running Trino.

Usage: recheck.py [--server http://127.0.0.1:18080] [--write] [file.txt ...]

Loads the fixture tables (tpch/schema.txt, tpch/*.csv) into memory.tpch, runs every case over
Trino's HTTP protocol (POST /v1/statement, following nextUri) in time zone UTC, renders each result
as Athena's GetQueryResults does (ColumnInfo.Type, text values) and compares it with the case's
expectation. Prints the mismatches; exits 1 if there are any. --write rewrites each case's
expectation with Trino's answer (review the diff before committing). The build never runs this.
"""
import base64
import decimal
import math
import json
import os
import re
import sys
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cases import parse_file, render_file  # noqa: E402

SERVER = "http://127.0.0.1:18080"


def query(sql):
    """Runs sql; returns (columns, rows, error) as Trino's protocol gives them."""
    headers = {"X-Trino-User": "conformance", "X-Trino-Catalog": "memory", "X-Trino-Schema": "tpch",
               "X-Trino-Time-Zone": "UTC"}
    request = urllib.request.Request(SERVER + "/v1/statement", data=sql.encode(), headers=headers, method="POST")
    body = json.load(urllib.request.urlopen(request))
    columns, rows = None, []
    while True:
        if "columns" in body and columns is None:
            columns = body["columns"]
        rows.extend(body.get("data", []))
        if "error" in body:
            return None, None, body["error"]
        if "nextUri" not in body:
            return columns or [], rows, None
        body = json.load(urllib.request.urlopen(urllib.request.Request(body["nextUri"], headers=headers)))


def java_double(value):
    """Formats a double as Java's Double.toString (which Athena's text output uses)."""
    if isinstance(value, str):
        return value  # NaN, Infinity, -Infinity
    v = float(value)
    if v == 0:
        return "-0.0" if math.copysign(1, v) < 0 else "0.0"
    if 1e-3 <= abs(v) < 1e7:
        text = repr(v)
        return text if "." in text else text + ".0"
    sign, digits, exponent = decimal.Decimal(repr(v)).as_tuple()
    text = "".join(map(str, digits)).rstrip("0") or "0"
    scientific = len(digits) - 1 + exponent
    return "%s%s.%sE%d" % ("-" if sign else "", text[0], text[1:] or "0", scientific)


def java_float(value):
    if isinstance(value, str):
        return value
    import struct
    f = struct.unpack("f", struct.pack("f", value))[0]
    # shortest repr that round-trips as a float
    for precision in range(1, 10):
        text = "%.*g" % (precision, f)
        if struct.unpack("f", struct.pack("f", float(text)))[0] == f:
            break
    return java_double(float(text))


def athena_type(signature):
    raw = signature["rawType"]
    if raw == "decimal":
        args = [a["value"] for a in signature["arguments"]]
        return "decimal(%d,%d)" % (args[0], args[1])
    return raw


def render(value, signature):
    """Renders a protocol value as Athena's text; None stays None (NULL)."""
    if value is None:
        return None
    raw = signature["rawType"]
    args = signature.get("arguments", [])
    if raw == "array":
        element = args[0]["value"]
        return "[" + ", ".join(nested(v, element) for v in value) + "]"
    if raw == "map":
        key, val = args[0]["value"], args[1]["value"]
        # The protocol sends a map as a JSON object with the keys as text.
        return "{" + ", ".join("%s=%s" % (k, nested(v, val)) for k, v in value.items()) + "}"
    if raw == "row":
        parts = []
        for i, (arg, v) in enumerate(zip(args, value)):
            field = arg["value"]
            name = (field.get("fieldName") or {}).get("name") or "field%d" % i
            parts.append("%s=%s" % (name, nested(v, field["typeSignature"])))
        return "{" + ", ".join(parts) + "}"
    if raw == "double":
        return java_double(value)
    if raw == "real":
        return java_float(value)
    if raw == "varbinary":
        return " ".join("%02x" % b for b in base64.b64decode(value))
    if raw == "boolean":
        return "true" if value else "false"
    return str(value)


def nested(value, signature):
    text = render(value, signature)
    return "null" if text is None else text


def actual(case):
    columns, rows, error = query(case.sql)
    if error is not None:
        return {"error": "%s: %s" % (error.get("errorName"), error.get("message"))}
    sigs = [c["typeSignature"] for c in columns]
    return {"types": [athena_type(s) for s in sigs],
            "rows": [[render(v, s) for v, s in zip(row, sigs)] for row in rows]}


def load_fixture():
    query("CREATE SCHEMA IF NOT EXISTS memory.tpch")
    hive_to_trino = {"string": "varchar", "int": "integer"}
    with open(os.path.join(HERE, "tpch", "schema.txt")) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            name, columns = line.split(":", 1)
            pairs = [c.strip().split(" ", 1) for c in re.split(r",\s*(?![^()]*\))", columns.strip())]
            query("DROP TABLE IF EXISTS memory.tpch." + name)
            ddl = ", ".join("%s %s" % (c, hive_to_trino.get(t, t)) for c, t in pairs)
            _, _, err = query("CREATE TABLE memory.tpch.%s (%s)" % (name, ddl))
            if err:
                raise SystemExit("cannot create %s: %s" % (name, err["message"]))
            values = []
            with open(os.path.join(HERE, "tpch", name + ".csv")) as data:
                for row in data.read().splitlines():
                    cells = row.split(",")
                    values.append("(" + ", ".join(literal(v, t) for v, (_, t) in zip(cells, pairs)) + ")")
            _, _, err = query("INSERT INTO memory.tpch.%s VALUES %s" % (name, ", ".join(values)))
            if err:
                raise SystemExit("cannot load %s: %s" % (name, err["message"]))


def literal(value, hive_type):
    if hive_type in ("int", "bigint") or hive_type.startswith("decimal"):
        return "CAST(%s AS %s)" % (value, "integer" if hive_type == "int" else hive_type)
    if hive_type == "date":
        return "DATE '%s'" % value
    return "'%s'" % value.replace("'", "''")


def main(argv):
    global SERVER
    write = "--write" in argv
    argv = [a for a in argv if a != "--write"]
    if "--server" in argv:
        i = argv.index("--server")
        SERVER = argv[i + 1]
        del argv[i:i + 2]
    files = argv or sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".txt"))
    load_fixture()
    mismatches = total = 0
    for path in files:
        header, cases = parse_file(path)
        for case in cases:
            total += 1
            got = actual(case)
            if not case.matches(got):
                mismatches += 1
                print("MISMATCH %s / %s\n  sql:      %s\n  expected: %s\n  trino:    %s" % (
                    os.path.basename(path), case.name, case.sql.replace("\n", " "), case.describe(), describe(got)))
                if write:
                    case.set_expectation(got)
        if write:
            with open(path, "w") as f:
                f.write(render_file(header, cases))
    print("%d cases, %d mismatches" % (total, mismatches))
    return 1 if mismatches else 0


def describe(got):
    if "error" in got:
        return "error " + got["error"]
    return "types %s rows %s" % (got["types"], got["rows"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
