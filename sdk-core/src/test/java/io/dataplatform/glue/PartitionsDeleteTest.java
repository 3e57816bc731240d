package io.dataplatform.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import io.dataplatform.DataPlatformException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionResponse;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.PartitionError;

/** BatchDeletePartition reports failures per partition in a successful response; they must not vanish. */
class PartitionsDeleteTest {
    /** Answers BatchDeletePartition with one error per partition: a missing one, or an internal failure. */
    private static final class FailingGlue implements GlueClient {
        @Override
        public BatchDeletePartitionResponse batchDeletePartition(BatchDeletePartitionRequest request) {
            return BatchDeletePartitionResponse.builder().errors(request.partitionsToDelete().stream()
                    .map(p -> PartitionError.builder().partitionValues(p.values()).errorDetail(ErrorDetail.builder()
                            .errorCode(p.values().get(0).equals("1999") ? "EntityNotFoundException" : "InternalServiceException")
                            .errorMessage(p.values().get(0).equals("1999") ? "Partition not found." : "Internal error")
                            .build()).build())
                    .toList()).build();
        }

        @Override
        public String serviceName() {
            return "glue";
        }

        @Override
        public void close() {
        }
    }

    private final DataPlatform platform = DataPlatform.builder().region(Region.EU_WEST_2).glueClient(new FailingGlue()).build();

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    void delete_ofAMissingPartition_countsNothing() {
        assertThat(platform.glue().database("sales").table("orders").partitions().delete("1999", "01")).isZero();
    }

    @Test
    void delete_thatGlueFailsForAPartition_throwsNamingIt() {
        Partitions partitions = platform.glue().database("sales").table("orders").partitions();

        assertThatThrownBy(() -> partitions.delete(List.of(List.of("1999", "01"), List.of("2024", "01"))))
                .isInstanceOf(DataPlatformException.class)
                .hasMessage("Glue BatchDeletePartition on 'sales.orders' failed for [[2024, 01]: InternalServiceException "
                        + "Internal error]");
    }
}
