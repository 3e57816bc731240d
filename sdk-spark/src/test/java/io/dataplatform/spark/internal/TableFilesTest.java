package io.dataplatform.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableFilesTest {

    @Test
    void hiddenAndArchivedObjects_areNotTableFiles() {
        assertThat(TableFiles.isHidden("part-0.csv")).isFalse();
        assertThat(TableFiles.isHidden("2024/part-0.csv")).isFalse();
        assertThat(TableFiles.isHidden("_SUCCESS")).isTrue();
        assertThat(TableFiles.isHidden(".part-0.csv.crc")).isTrue();
        assertThat(TableFiles.isHidden("_temporary/0/part-0.csv")).isTrue();
        assertThat(TableFiles.isHidden("folder/")).isTrue();
        assertThat(TableFiles.folderPrefix("t")).isEqualTo("t/");
        assertThat(TableFiles.folderPrefix("t/")).isEqualTo("t/");
        assertThat(TableFiles.folderPrefix("")).isEmpty();
        assertThat(TableFiles.isArchived(software.amazon.awssdk.services.s3.model.ObjectStorageClass.DEEP_ARCHIVE)).isTrue();
        assertThat(TableFiles.isArchived(software.amazon.awssdk.services.s3.model.ObjectStorageClass.STANDARD_IA)).isFalse();
    }
}
