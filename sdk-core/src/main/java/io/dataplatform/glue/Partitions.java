package io.dataplatform.glue;

import io.dataplatform.internal.Checks;
import java.util.List;
import java.util.stream.Stream;

/**
 * The partitions of one table. Values come one per partition key, in key order.
 *
 * <pre>{@code
 * table.partitions().add(List.of(PartitionSpec.of("2024", "01"), PartitionSpec.of("2024", "02")));
 * table.partitions().list("year = '2024' AND month IN ('01','02')");
 * table.partitions().delete("2024", "01");
 * }</pre>
 */
public interface Partitions {

    /**
     * Adds partitions, in batches of 100 (BatchCreatePartition's limit). A partition that already
     * exists is left as it is.
     *
     * @return how many partitions were added
     * @throws IllegalArgumentException if a spec has not one value per partition key
     */
    int add(List<PartitionSpec> partitions);

    /** Adds one partition. */
    default int add(PartitionSpec partition) {
        return add(List.of(Checks.notNull(partition, "partition")));
    }

    /** Returns every partition, fetching pages of GetPartitions lazily. */
    Stream<Partition> list();

    /**
     * Returns the partitions matching a Glue partition expression, e.g.
     * {@code year = '2024' AND month IN ('01','02')}; Glue evaluates it.
     */
    Stream<Partition> list(String expression);

    /**
     * Deletes the partitions with the given values, in batches of 25 (BatchDeletePartition's limit).
     *
     * @return how many were deleted (a partition that does not exist is not counted)
     * @throws io.dataplatform.DataPlatformException if Glue fails to delete a partition for another reason
     */
    int delete(List<List<String>> partitionValues);

    /** Deletes the partition with {@code values}. */
    default int delete(String... values) {
        Checks.notNull(values, "values");
        for (int i = 0; i < values.length; i++) {
            Checks.notNull(values[i], "values[" + i + "]");
        }
        return delete(List.of(List.of(values)));
    }
}
