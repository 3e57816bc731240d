package io.dataplatform.athena.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableObjectsTest {

    @Test
    void hiddenAndArchivedObjects_areNotRead_andLocationsAreFolders() {
        assertThat(TableObjects.isHidden("part-0.csv")).isFalse();
        assertThat(TableObjects.isHidden("2024/part-0.csv")).isFalse();
        assertThat(TableObjects.isHidden("_SUCCESS")).isTrue();
        assertThat(TableObjects.isHidden(".part-0.csv.crc")).isTrue();
        assertThat(TableObjects.isHidden("_temporary/0/part-0.csv")).isTrue();
        assertThat(TableObjects.isHidden("folder/")).isTrue();
        assertThat(TableObjects.folderPrefix("t")).isEqualTo("t/");
        assertThat(TableObjects.folderPrefix("t/")).isEqualTo("t/");
        assertThat(TableObjects.folderPrefix("")).isEmpty();
        assertThat(TableObjects.isArchived(software.amazon.awssdk.services.s3.model.ObjectStorageClass.DEEP_ARCHIVE)).isTrue();
        assertThat(TableObjects.isArchived(software.amazon.awssdk.services.s3.model.ObjectStorageClass.STANDARD_IA)).isFalse();
    }
}
