package io.dataplatform.testing.internal.glue;

import io.dataplatform.glue.Column;
import io.dataplatform.glue.DataFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups the files under one crawl target into tables, following "How does a crawler determine when
 * to create partitions?" in the Glue developer guide: when the files below a folder sit at one depth
 * and have similar schemas, the folder is a table and the folders below it are partitions (Hive
 * {@code key=value} folders name their key, plain ones become {@code partition_0}, {@code partition_1});
 * otherwise each subfolder is looked at on its own, so sibling folders with different schemas become
 * separate tables named after their folders.
 */
final class TableGrouper {
    /** Two column sets are "similar" when one contains the other or they share this share of names. */
    static final double SIMILARITY = 0.7;

    private TableGrouper() {
    }

    static List<DiscoveredTable> group(String rootName, List<CrawledFile> files) {
        // Names may repeat (Sales-2024 and sales_2024 both give sales_2024): the applier, which sees
        // every target, gives repeats Glue's hash suffix.
        List<DiscoveredTable> tables = new ArrayList<>();
        group(List.of(), tableName(rootName), files, tables);
        return tables;
    }

    private static void group(List<String> path, String name, List<CrawledFile> files, List<DiscoveredTable> out) {
        if (files.isEmpty()) {
            return;
        }
        Set<Integer> depths = new HashSet<>();
        files.forEach(f -> depths.add(f.folders().size() - path.size()));
        if (depths.size() == 1 && allSimilar(files)) {
            out.add(table(path, name, files, depths.iterator().next()));
            return;
        }
        List<CrawledFile> direct = files.stream().filter(f -> f.folders().size() == path.size()).toList();
        List<List<CrawledFile>> clusters = cluster(direct);
        for (int i = 0; i < clusters.size(); i++) {
            String clusterName = i == 0 ? name : name + "_" + tableName(stripExtension(clusters.get(i).get(0).name()));
            out.add(table(path, clusterName, clusters.get(i), 0));
        }
        Map<String, List<CrawledFile>> children = new LinkedHashMap<>();
        files.stream().filter(f -> f.folders().size() > path.size())
                .forEach(f -> children.computeIfAbsent(f.folders().get(path.size()), k -> new ArrayList<>()).add(f));
        children.forEach((folder, below) -> {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(folder);
            group(childPath, tableName(folder), below, out);
        });
    }

    private static boolean allSimilar(List<CrawledFile> files) {
        List<Column> merged = files.get(0).schema().columns();
        for (CrawledFile file : files) {
            if (!similar(files.get(0).schema(), file.schema(), merged)) {
                return false;
            }
            merged = TypeWidening.merge(merged, file.schema().columns());
        }
        return true;
    }

    static boolean similar(FileSchema first, FileSchema other, List<Column> merged) {
        DataFormat a = first.format();
        DataFormat b = other.format();
        if (!a.classification().equals(b.classification())
                || !a.tableParameters().getOrDefault("delimiter", "").equals(b.tableParameters().getOrDefault("delimiter", ""))) {
            return false;
        }
        Set<String> x = new LinkedHashSet<>(merged.stream().map(Column::name).toList());
        Set<String> y = new LinkedHashSet<>(other.names());
        if (x.containsAll(y) || y.containsAll(x)) {
            return true;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        Set<String> all = new HashSet<>(x);
        all.addAll(y);
        return (double) common.size() / all.size() >= SIMILARITY;
    }

    private static List<List<CrawledFile>> cluster(List<CrawledFile> files) {
        List<List<CrawledFile>> clusters = new ArrayList<>();
        for (CrawledFile file : files) {
            List<CrawledFile> home = clusters.stream()
                    .filter(c -> similar(c.get(0).schema(), file.schema(), c.get(0).schema().columns()))
                    .findFirst().orElse(null);
            if (home == null) {
                home = new ArrayList<>();
                clusters.add(home);
            }
            home.add(file);
        }
        return clusters;
    }

    private static DiscoveredTable table(List<String> path, String name, List<CrawledFile> files, int depth) {
        List<Column> columns = files.get(0).schema().columns();
        boolean quoted = false;
        long size = 0;
        long records = 0;
        long sampleRecords = 0;
        long sampleBytes = 0;
        for (CrawledFile file : files) {
            columns = TypeWidening.merge(columns, file.schema().columns());
            quoted |= file.schema().format().serializationLibrary().equals(DataFormat.OPEN_CSV_SERDE);
            size += file.size();
            FileSchema s = file.schema();
            sampleRecords += s.records();
            sampleBytes += s.sampleBytes();
            records += s.sampleBytes() == 0 ? s.records() : Math.round((double) s.records() * file.size() / s.sampleBytes());
        }
        DataFormat format = files.get(0).schema().format();
        if (quoted && format.classification().equals("csv")) {
            format = DataFormat.quotedCsv(format.tableParameters().get("delimiter").charAt(0),
                    format.tableParameters().containsKey("skip.header.line.count"));
        }
        List<String> keys = partitionKeys(path.size(), depth, files, columns);
        Map<String, DiscoveredTable.DiscoveredPartition> partitions = new LinkedHashMap<>();
        for (CrawledFile file : files) {
            List<String> folders = file.folders().subList(path.size(), file.folders().size());
            if (!folders.isEmpty()) {
                List<String> values = folders.stream().map(f -> f.contains("=") ? f.substring(f.indexOf('=') + 1) : f).toList();
                String folder = String.join("/", folders);
                DiscoveredTable.DiscoveredPartition seen = partitions.get(folder);
                List<Column> own = seen == null ? file.schema().columns() : TypeWidening.merge(seen.columns(), file.schema().columns());
                partitions.put(folder, new DiscoveredTable.DiscoveredPartition(values, folder, own));
            }
        }
        String compression = files.get(0).schema().compression();
        return new DiscoveredTable(name, String.join("/", path), format, columns, keys, new ArrayList<>(partitions.values()),
                compression, files.size(), size, records, sampleRecords == 0 ? 0 : sampleBytes / sampleRecords);
    }

    private static List<String> partitionKeys(int base, int depth, List<CrawledFile> files, List<Column> columns) {
        Set<String> taken = new HashSet<>(columns.stream().map(Column::name).toList());
        List<String> keys = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            Set<String> hiveKeys = new HashSet<>();
            boolean hive = true;
            for (CrawledFile file : files) {
                String folder = file.folders().get(base + level);
                int eq = folder.indexOf('=');
                if (eq <= 0) {
                    hive = false;
                    break;
                }
                hiveKeys.add(folder.substring(0, eq));
            }
            String key = hive && hiveKeys.size() == 1 ? ValueTypes.columnName(hiveKeys.iterator().next(), level)
                    : "partition_" + level;
            if (!taken.add(key)) {
                key = "partition_" + level;
                taken.add(key);
            }
            keys.add(key);
        }
        return keys;
    }

    /** Glue names a table after its folder, lower-cased, with anything but letters, digits and '_' replaced. */
    static String tableName(String folder) {
        String name = folder.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.isEmpty() ? "_" : name;
    }

    private static String stripExtension(String file) {
        int dot = file.indexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
