package io.dataplatform.testing.internal.glue;

import io.dataplatform.glue.Column;
import io.dataplatform.glue.DataFormat;
import java.util.List;

/**
 * A table the crawler found: where it is, its merged schema and its partitions.
 *
 * @param name          the table name before the crawler's prefix
 * @param folder        the table's folder relative to the target, "" for the target itself
 * @param format        the storage format
 * @param columns       the merged columns
 * @param partitionKeys the partition key names, outermost first (all typed string, as Glue writes them)
 * @param partitions    the partitions found
 * @param compression   {@code none} or {@code gzip}
 * @param objectCount   files in the table
 * @param totalSize     their bytes
 * @param recordCount   estimated records
 * @param averageRecordSize estimated bytes per record
 */
record DiscoveredTable(String name, String folder, DataFormat format, List<Column> columns, List<String> partitionKeys,
                       List<DiscoveredPartition> partitions, String compression, long objectCount, long totalSize,
                       long recordCount, long averageRecordSize) {

    DiscoveredTable {
        columns = List.copyOf(columns);
        partitionKeys = List.copyOf(partitionKeys);
        partitions = List.copyOf(partitions);
    }

    /**
     * One partition: its values, its folder relative to the table's and its own files' columns.
     *
     * @param values  the values, one per key
     * @param folder  the folder, e.g. {@code year=2024/month=01}
     * @param columns the merged columns of the partition's files
     */
    record DiscoveredPartition(List<String> values, String folder, List<Column> columns) {
        DiscoveredPartition {
            values = List.copyOf(values);
            columns = List.copyOf(columns);
        }
    }
}
