package io.dataplatform.testing.internal.glue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.glue.model.*;

/**
 * The partition operations of the fake Glue, single and batched, over the one partition map of each
 * table in {@link CatalogStore}: what CreatePartition adds, GetPartitions and BatchGetPartition see
 * and BatchDeletePartition removes. Callers hold the world's lock.
 */
final class PartitionOperations {
    /**
     * Documented request limits: BatchCreatePartition 100, BatchDeletePartition 25, BatchGetPartition
     * 1000 (API_BatchGetPartition, PartitionsToGet), BatchUpdatePartition 1-100 (API_BatchUpdatePartition, Entries).
     */
    static final int CREATE_PARTITION_LIMIT = 100;
    static final int DELETE_PARTITION_LIMIT = 25;
    static final int GET_PARTITION_LIMIT = 1000;
    static final int UPDATE_PARTITION_LIMIT = 100;

    static final String NOT_FOUND = "Cannot find partition.";
    static final String ALREADY_EXISTS = "Partition already exists.";
    static final String COUNT_MISMATCH = "The number of partition keys do not match the number of partition values";

    private final GlueWorld world;
    private final GlueErrors errors;
    private final CatalogLookup lookup;

    PartitionOperations(GlueWorld world, CatalogLookup lookup) {
        this.world = world;
        this.errors = world.errors();
        this.lookup = lookup;
    }

    CreatePartitionResponse createPartition(CreatePartitionRequest request) {
        lookup.catalog(request.catalogId(), "CreatePartition");
        CatalogStore.TableEntry table = lookup.table(request.databaseName(), request.tableName());
        PartitionInput input = lookup.require(request.partitionInput(), "partitionInput");
        List<String> values = values(table, input.values());
        if (table.partitions.containsKey(values)) {
            throw errors.alreadyExists(ALREADY_EXISTS);
        }
        table.partitions.put(values, partition(table, input, values, now()));
        return CreatePartitionResponse.builder().build();
    }

    GetPartitionResponse getPartition(GetPartitionRequest request) {
        lookup.catalog(request.catalogId(), "GetPartition");
        CatalogStore.TableEntry table = lookup.table(request.databaseName(), request.tableName());
        return GetPartitionResponse.builder().partition(existing(table, request.partitionValues())).build();
    }

    /**
     * Replaces the partition with {@code partitionInput}, keeping its creation time; new values in the
     * input move it (Glue requires the input's Values even when they do not change: API_PartitionInput).
     */
    UpdatePartitionResponse updatePartition(UpdatePartitionRequest request) {
        lookup.catalog(request.catalogId(), "UpdatePartition");
        CatalogStore.TableEntry table = lookup.table(request.databaseName(), request.tableName());
        PartitionInput input = lookup.require(request.partitionInput(), "partitionInput");
        update(table, request.partitionValueList(), input);
        return UpdatePartitionResponse.builder().build();
    }

    DeletePartitionResponse deletePartition(DeletePartitionRequest request) {
        lookup.catalog(request.catalogId(), "DeletePartition");
        CatalogStore.TableEntry table = lookup.table(request.databaseName(), request.tableName());
        table.partitions.remove(existing(table, request.partitionValues()).values());
        return DeletePartitionResponse.builder().build();
    }

    BatchCreatePartitionResponse batchCreatePartition(BatchCreatePartitionRequest request) {
        lookup.catalog(request.catalogId(), "BatchCreatePartition");
        CatalogStore.TableEntry table = lookup.table(request.databaseName(), request.tableName());
        lookup.atMost(request.partitionInputList(), CREATE_PARTITION_LIMIT, "partitionInputList");
        List<PartitionError> failures = new ArrayList<>();
        for (PartitionInput input : request.partitionInputList()) {
            if (input.values().size() != table.table.partitionKeys().size()) {
                failures.add(error(input.values(), "InvalidInputException", COUNT_MISMATCH));
            } else if (table.partitions.containsKey(input.values())) {
                failures.add(error(input.values(), "AlreadyExistsException", ALREADY_EXISTS));
            } else {
                List<String> values = List.copyOf(input.values());
                table.partitions.put(values, partition(table, input, values, now()));
            }
        }
        return BatchCreatePartitionResponse.builder().errors(failures).build();
    }

    GetPartitionsResponse getPartitions(GetPartitionsRequest request) {
        lookup.catalog(request.catalogId(), "GetPartitions");
        // Governed tables' reads at a transaction or a point in time: the fake keeps no partition history.
        lookup.refuse(request.transactionId(), "GetPartitions", "a TransactionId (governed tables)");
        lookup.refuse(request.queryAsOfTime(), "GetPartitions", "QueryAsOfTime (governed tables)");
        CatalogStore.TableEntry table = lookup.table(request.databaseName(), request.tableName());
        Predicate<List<String>> filter = v -> true;
        if (request.expression() != null && !request.expression().isBlank()) {
            try {
                filter = PartitionExpression.parse(request.expression(), table.table.partitionKeys());
            } catch (IllegalArgumentException e) {
                throw errors.invalid(e.getMessage());
            }
        }
        Predicate<List<String>> matches = filter.and(segment(request.segment()));
        List<Partition> all = table.partitions.values().stream().filter(p -> matches.test(p.values())).toList();
        Paging.Page<Partition> page = Paging.pageByKey(all, table::addedKey, request.nextToken(), request.maxResults(), 1000,
                errors);
        List<Partition> items = Boolean.TRUE.equals(request.excludeColumnSchema())
                ? page.items().stream().map(PartitionOperations::withoutColumns).toList() : page.items();
        return GetPartitionsResponse.builder().partitions(items).nextToken(page.nextToken()).build();
    }

    BatchDeletePartitionResponse batchDeletePartition(BatchDeletePartitionRequest request) {
        lookup.catalog(request.catalogId(), "BatchDeletePartition");
        CatalogStore.TableEntry table = lookup.table(request.databaseName(), request.tableName());
        lookup.atMost(request.partitionsToDelete(), DELETE_PARTITION_LIMIT, "partitionsToDelete");
        List<PartitionError> failures = new ArrayList<>();
        for (PartitionValueList values : request.partitionsToDelete()) {
            if (table.partitions.remove(values.values()) == null) {
                failures.add(error(values.values(), "EntityNotFoundException", "Partition not found."));
            }
        }
        return BatchDeletePartitionResponse.builder().errors(failures).build();
    }

    /**
     * Returns the partitions that exist, in request order. A partition that does not exist is left out
     * and not listed in UnprocessedKeys: real Glue does so (getmoto/moto#2320), and UnprocessedKeys means
     * "retry these" to clients such as Trino (trinodb/trino#10696), which fail when a retry makes no
     * progress. The fake never leaves keys unprocessed, as it never runs short of time.
     */
    BatchGetPartitionResponse batchGetPartition(BatchGetPartitionRequest request) {
        lookup.catalog(request.catalogId(), "BatchGetPartition");
        CatalogStore.TableEntry table = lookup.table(request.databaseName(), request.tableName());
        lookup.atMost(request.partitionsToGet(), GET_PARTITION_LIMIT, "partitionsToGet");
        List<Partition> found = new ArrayList<>();
        for (PartitionValueList values : request.partitionsToGet()) {
            Partition partition = table.partitions.get(values.values());
            if (partition != null && !found.contains(partition)) {
                found.add(partition);
            }
        }
        return BatchGetPartitionResponse.builder().partitions(found).unprocessedKeys(List.of()).build();
    }

    /** Updates each entry as UpdatePartition would; an entry that fails is reported in Errors, the others still apply. */
    BatchUpdatePartitionResponse batchUpdatePartition(BatchUpdatePartitionRequest request) {
        lookup.catalog(request.catalogId(), "BatchUpdatePartition");
        CatalogStore.TableEntry table = lookup.table(request.databaseName(), request.tableName());
        lookup.notEmpty(request.entries(), "entries");
        lookup.atMost(request.entries(), UPDATE_PARTITION_LIMIT, "entries");
        List<BatchUpdatePartitionFailureEntry> failures = new ArrayList<>();
        for (BatchUpdatePartitionRequestEntry entry : request.entries()) {
            try {
                update(table, entry.partitionValueList(), lookup.require(entry.partitionInput(), "partitionInput"));
            } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                failures.add(BatchUpdatePartitionFailureEntry.builder().partitionValueList(entry.partitionValueList())
                        .errorDetail(ErrorDetail.builder().errorCode(e.awsErrorDetails().errorCode())
                                .errorMessage(e.awsErrorDetails().errorMessage()).build())
                        .build());
            }
        }
        return BatchUpdatePartitionResponse.builder().errors(failures).build();
    }

    private void update(CatalogStore.TableEntry table, List<String> current, PartitionInput input) {
        Partition old = existing(table, current);
        List<String> values = values(table, input.values());
        if (!values.equals(old.values()) && table.partitions.containsKey(values)) {
            throw errors.alreadyExists(ALREADY_EXISTS);
        }
        Partition updated = partition(table, input, values, old.creationTime());
        // Only a move renumbers: an update in place keeps the partition's place in GetPartitions' paging.
        if (!values.equals(old.values())) {
            table.partitions.remove(old.values());
        }
        table.partitions.put(values, updated);
    }

    /** The partition with {@code values}, checked against the table's partition keys first. */
    private Partition existing(CatalogStore.TableEntry table, List<String> values) {
        Partition partition = table.partitions.get(values(table, values));
        if (partition == null) {
            throw errors.notFound(NOT_FOUND);
        }
        return partition;
    }

    private List<String> values(CatalogStore.TableEntry table, List<String> values) {
        if (values.size() != table.table.partitionKeys().size()) {
            throw errors.invalid(COUNT_MISMATCH);
        }
        return List.copyOf(values);
    }

    /** A partition as Glue stores it; the StorageDescriptor is optional in PartitionInput and stays absent when omitted. */
    private Partition partition(CatalogStore.TableEntry table, PartitionInput input, List<String> values, Instant created) {
        return Partition.builder().databaseName(table.table.databaseName()).tableName(table.table.name()).values(values)
                .creationTime(created).lastAccessTime(input.lastAccessTime() != null ? input.lastAccessTime() : now())
                .lastAnalyzedTime(input.lastAnalyzedTime()).storageDescriptor(input.storageDescriptor())
                .parameters(input.parameters()).catalogId(world.accountId()).build();
    }

    /**
     * The partitions of one Segment: "a non-overlapping region of a table's partitions, allowing multiple
     * requests to be run in parallel" (API_Segment; TotalSegments 1-10, SegmentNumber from 0). A partition's
     * segment follows from its values alone, so the segments stay disjoint and cover the table while other
     * partitions come and go between the parallel requests.
     */
    private Predicate<List<String>> segment(Segment segment) {
        if (segment == null) {
            return v -> true;
        }
        int total = segment.totalSegments() == null ? 0 : segment.totalSegments();
        int number = segment.segmentNumber() == null ? -1 : segment.segmentNumber();
        if (total < 1 || total > 10) {
            throw errors.validation(io.dataplatform.testing.internal.RequestConstraints.message(java.util.List.of(
                    io.dataplatform.testing.internal.RequestConstraints.rangeProblem("segment.totalSegments", total, 1, 10))));
        }
        if (number < 0) {
            throw errors.invalid("1 validation error detected: Value '" + segment.segmentNumber() + "' at "
                    + "'segment.segmentNumber' failed to satisfy constraint: Member must have value greater than or equal to 0");
        }
        if (number >= total) {
            throw errors.invalid("The segment number " + number + " must be less than the total segments " + total);
        }
        return values -> Math.floorMod(values.hashCode(), total) == number;
    }

    /** ExcludeColumnSchema: "not returning the partition column schema" (API_GetPartitions), the rest stays. */
    private static Partition withoutColumns(Partition partition) {
        if (partition.storageDescriptor() == null) {
            return partition;
        }
        return partition.toBuilder().storageDescriptor(partition.storageDescriptor().toBuilder()
                .columns((java.util.Collection<Column>) null).build()).build();
    }

    private static PartitionError error(List<String> values, String code, String message) {
        return PartitionError.builder().partitionValues(values)
                .errorDetail(ErrorDetail.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private Instant now() {
        return world.clock().instant();
    }
}
