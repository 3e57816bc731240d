"""Reads and writes the conformance case files (format: see the header of any *.txt here)."""
import re

DIRECTIVE = re.compile(r"^-- (name|types|rows|error|unordered|source|note)\b:?\s?(.*)$")


class Case:
    def __init__(self, name):
        self.name = name
        self.sql_lines = []
        self.types = None
        self.rows = None
        self.error = None
        self.unordered = False
        self.extra = []  # source/note lines, kept verbatim

    @property
    def sql(self):
        return "\n".join(self.sql_lines).strip()

    def matches(self, got):
        if self.error is not None:
            if "error" not in got:
                return False
            kind, _, message = self.error.partition(": ")
            return got["error"].startswith(kind + ":") and message in got["error"]
        if "error" in got or got["types"] != self.types:
            return False
        if self.unordered:
            key = lambda r: [str(v) for v in r]
            return sorted(got["rows"], key=key) == sorted(self.rows, key=key)
        return got["rows"] == self.rows

    def describe(self):
        if self.error is not None:
            return "error " + self.error
        return "types %s rows %s" % (self.types, self.rows)

    def set_expectation(self, got):
        if "error" in got:
            kind, _, message = got["error"].partition(": ")
            message = re.sub(r"^line \d+:\d+: ", "", message)
            self.error, self.types, self.rows = "%s: %s" % (kind, message.splitlines()[0]), None, None
        else:
            self.error, self.types, self.rows = None, got["types"], got["rows"]


def split_types(text):
    return [t.strip() for t in re.split(r",(?![^()]*\))", text) if t.strip()]


def parse_row(line):
    cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)]
    return [None if c == "NULL" else "" if c == "''" else c for c in cells]


def parse_file(path):
    header, cases, case, in_rows = [], [], None, False
    with open(path) as f:
        for line in f.read().splitlines():
            m = DIRECTIVE.match(line)
            if case is None and not (m and m.group(1) == "name"):
                header.append(line)
                continue
            if m:
                kind, value = m.group(1), m.group(2).strip()
                in_rows = False
                if kind == "name":
                    case = Case(value)
                    cases.append(case)
                elif kind == "types":
                    case.types = split_types(value)
                elif kind == "rows":
                    case.rows, in_rows = [], True
                elif kind == "error":
                    case.error = value
                elif kind == "unordered":
                    case.unordered = True
                else:
                    case.extra.append(line)
            elif in_rows:
                if line.strip():
                    case.rows.append(parse_row(line))
            elif line.strip():
                case.sql_lines.append(line)
    return header, cases


def format_cell(value):
    if value is None:
        return "NULL"
    if value == "":
        return "''"
    return value.replace("|", "\\|")


def render_file(header, cases):
    out = list(header)
    while out and not out[-1].strip():
        out.pop()
    out.append("")
    for case in cases:
        out.append("-- name: " + case.name)
        out.extend(case.extra)
        out.extend(case.sql_lines)
        if case.unordered:
            out.append("-- unordered")
        if case.error is not None:
            out.append("-- error: " + case.error)
        else:
            out.append("-- types: " + ", ".join(case.types))
            out.append("-- rows:")
            out.extend(" | ".join(format_cell(v) for v in row) for row in case.rows)
        out.append("")
    return "\n".join(out)
