package io.dataplatform.testing.athena;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One statement of the Athena conformance suite and what Athena (Trino) answers: column types and
 * text rows, or an error name and a substring of its message. The file format is described at the
 * top of every {@code athena-conformance/*.txt}; {@code cases.py} there reads the same format.
 */
record ConformanceCase(String category, String name, String sql, List<String> types, List<List<String>> rows,
        String error, boolean unordered, boolean fromDocs) {
    static final String DIRECTORY = "athena-conformance";
    private static final Pattern DIRECTIVE = Pattern.compile("^-- (name|types|rows|error|unordered|source|note)\\b:?\\s?(.*)$");

    ConformanceCase {
        types = types == null ? null : List.copyOf(types);
        rows = rows == null ? null : rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    boolean expectsError() {
        return error != null;
    }

    /** The categories: one file each, sorted by name. */
    static List<String> categories() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".txt"))
                    .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path directory() {
        URL url = ConformanceCase.class.getClassLoader().getResource(DIRECTORY);
        if (url == null) {
            throw new IllegalStateException("Test resource folder '" + DIRECTORY + "' is not on the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the cases of one category file. */
    static List<ConformanceCase> load(String category) {
        List<String> lines;
        try {
            lines = Files.readAllLines(directory().resolve(category + ".txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ConformanceCase> cases = new ArrayList<>();
        Builder current = null;
        boolean inRows = false;
        for (String line : lines) {
            Matcher m = DIRECTIVE.matcher(line);
            boolean directive = m.matches();
            if (current == null && !(directive && m.group(1).equals("name"))) {
                continue;   // the header
            }
            if (directive) {
                String value = m.group(2).strip();
                inRows = false;
                switch (m.group(1)) {
                    case "name" -> {
                        if (current != null) {
                            cases.add(current.build(category));
                        }
                        current = new Builder(value);
                    }
                    case "types" -> current.types = splitTypes(value);
                    case "rows" -> {
                        current.rows = new ArrayList<>();
                        inRows = true;
                    }
                    case "error" -> current.error = value;
                    case "unordered" -> current.unordered = true;
                    case "source" -> current.fromDocs = value.equals("docs");
                    default -> { }
                }
            } else if (inRows) {
                if (!line.isBlank()) {
                    current.rows.add(parseRow(line));
                }
            } else if (!line.isBlank()) {
                current.sql.append(current.sql.length() == 0 ? "" : "\n").append(line);
            }
        }
        if (current != null) {
            cases.add(current.build(category));
        }
        return cases;
    }

    static List<String> splitTypes(String text) {
        return Arrays.stream(text.split(",(?![^()]*\\))")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<String> parseRow(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split("(?<!\\\\)\\|", -1)) {
            String value = cell.strip().replace("\\|", "|");
            cells.add(value.equals("NULL") ? null : value.equals("''") ? "" : value);
        }
        return cells;
    }

    /** Writes a row the way the case files do. */
    static String formatRow(List<String> row) {
        return String.join(" | ", row.stream().map(v -> v == null ? "NULL" : v.isEmpty() ? "''" : v.replace("|", "\\|"))
                .toList());
    }

    private static final class Builder {
        final String name;
        final StringBuilder sql = new StringBuilder();
        List<String> types;
        List<List<String>> rows;
        String error;
        boolean unordered;
        boolean fromDocs;

        Builder(String name) {
            this.name = name;
        }

        ConformanceCase build(String category) {
            if (error == null && (types == null || rows == null)) {
                throw new IllegalStateException("Case '" + category + "/" + name + "' needs '-- types:' and '-- rows:' "
                        + "or '-- error:'");
            }
            return new ConformanceCase(category, name, sql.toString().strip(), types, rows, error, unordered, fromDocs);
        }
    }
}
