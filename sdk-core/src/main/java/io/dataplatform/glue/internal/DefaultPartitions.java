package io.dataplatform.glue.internal;

import io.dataplatform.internal.Checks;
import io.dataplatform.DataPlatformException;
import io.dataplatform.internal.Pages;
import io.dataplatform.InvalidRequestException;
import io.dataplatform.glue.Partition;
import io.dataplatform.glue.PartitionSpec;
import io.dataplatform.glue.Partitions;
import io.dataplatform.glue.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;

/** The partitions of one table, batched to Glue's limits. */
final class DefaultPartitions implements Partitions {
    /** BatchCreatePartition takes at most 100 partitions per call. */
    static final int CREATE_BATCH = 100;
    /** BatchDeletePartition takes at most 25 partitions per call. */
    static final int DELETE_BATCH = 25;
    /** GetPartitions returns at most 1000 partitions per page. */
    static final int PAGE_SIZE = 1000;

    private final DefaultGlueCatalog.GlueAccess glue;
    private final DefaultTable table;

    DefaultPartitions(DefaultGlueCatalog.GlueAccess glue, DefaultTable table) {
        this.glue = glue;
        this.table = table;
    }

    @Override
    public int add(List<PartitionSpec> partitions) {
        Checks.notNull(partitions, "partitions");
        for (int i = 0; i < partitions.size(); i++) {
            Checks.notNull(partitions.get(i), "partitions[" + i + "]");
        }
        if (partitions.isEmpty()) {
            return 0;
        }
        TableDefinition definition = table.definition();
        List<String> keys = definition.schema().partitionKeyNames();
        List<PartitionInput> inputs = new ArrayList<>();
        for (PartitionSpec spec : partitions) {
            if (spec.values().size() != keys.size()) {
                throw new IllegalArgumentException("Invalid partition values " + spec.values() + ": table "
                        + table.resource() + " has " + keys.size() + " partition keys " + keys);
            }
            String location = spec.explicitLocation().orElseGet(() -> hiveLocation(definition.location(), keys, spec.values()));
            inputs.add(PartitionInput.builder().values(spec.values())
                    .storageDescriptor(GlueMapping.storage(definition, location)).build());
        }
        int added = 0;
        for (int from = 0; from < inputs.size(); from += CREATE_BATCH) {
            List<PartitionInput> batch = inputs.subList(from, Math.min(inputs.size(), from + CREATE_BATCH));
            var response = glue.call("BatchCreatePartition", table.resource(), c -> c.batchCreatePartition(
                    r -> r.databaseName(table.database()).tableName(table.name()).partitionInputList(batch)));
            List<PartitionError> errors = response.errors().stream()
                    .filter(e -> !"AlreadyExistsException".equals(e.errorDetail().errorCode())).toList();
            if (!errors.isEmpty()) {
                throw new InvalidRequestException("Glue BatchCreatePartition on '" + table.resource() + "' failed for "
                        + errors.stream().map(e -> e.partitionValues() + ": " + e.errorDetail().errorCode() + " "
                        + e.errorDetail().errorMessage()).toList());
            }
            added += batch.size() - response.errors().size();
        }
        return added;
    }

    @Override
    public Stream<Partition> list() {
        return fetch(null);
    }

    @Override
    public Stream<Partition> list(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("expression must not be blank; use list() for every partition");
        }
        return fetch(expression);
    }

    private Stream<Partition> fetch(String expression) {
        return Pages.<String, Partition>stream(token -> {
            var response = glue.call("GetPartitions", table.resource(), c -> c.getPartitions(r -> r
                    .databaseName(table.database()).tableName(table.name()).expression(expression)
                    .maxResults(PAGE_SIZE).nextToken(token)));
            return new Pages.Page<>(response.partitions().stream().map(GlueMapping::partition).toList(),
                    GlueMapping.token(response.nextToken()));
        });
    }

    @Override
    public int delete(List<List<String>> partitionValues) {
        // Every entry is checked before the first batch goes out: a bad one late in the list must not leave the
        // batches before it deleted.
        Checks.notNull(partitionValues, "partitionValues");
        for (int i = 0; i < partitionValues.size(); i++) {
            List<String> values = Checks.notNull(partitionValues.get(i), "partitionValues[" + i + "]");
            Checks.require(!values.isEmpty(), "partitionValues[%s] must not be empty: give one value per partition key", i);
            for (int j = 0; j < values.size(); j++) {
                Checks.notNull(values.get(j), "partitionValues[" + i + "][" + j + "]");
            }
        }
        int deleted = 0;
        for (int from = 0; from < partitionValues.size(); from += DELETE_BATCH) {
            List<PartitionValueList> batch = partitionValues.subList(from, Math.min(partitionValues.size(), from + DELETE_BATCH))
                    .stream().map(v -> PartitionValueList.builder().values(v).build()).toList();
            var response = glue.call("BatchDeletePartition", table.resource(), c -> c.batchDeletePartition(
                    r -> r.databaseName(table.database()).tableName(table.name()).partitionsToDelete(batch)));
            // Glue reports per-partition failures in a successful response; only "not found" means nothing to delete.
            List<PartitionError> errors = response.errors().stream()
                    .filter(e -> !"EntityNotFoundException".equals(e.errorDetail().errorCode())).toList();
            if (!errors.isEmpty()) {
                throw new DataPlatformException("Glue BatchDeletePartition on '" + table.resource() + "' failed for "
                        + errors.stream().map(e -> e.partitionValues() + ": " + e.errorDetail().errorCode() + " "
                        + e.errorDetail().errorMessage()).toList());
            }
            deleted += batch.size() - response.errors().size();
        }
        return deleted;
    }

    static String hiveLocation(String tableLocation, List<String> keys, List<String> values) {
        StringBuilder out = new StringBuilder(tableLocation.endsWith("/") ? tableLocation : tableLocation + "/");
        for (int i = 0; i < keys.size(); i++) {
            out.append(keys.get(i)).append('=').append(values.get(i)).append('/');
        }
        return out.toString();
    }
}
