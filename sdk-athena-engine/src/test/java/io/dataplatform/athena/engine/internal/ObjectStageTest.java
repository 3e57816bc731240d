package io.dataplatform.athena.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

class ObjectStageTest {
    private final TestS3 s3 = new TestS3().put("s3://b/t/1.csv", "1\n");

    @Test
    void stagedCopies_areDeletedAtClose_andUntilThenAreDueForDeletionAtExit() {
        ObjectStage stage = new ObjectStage(s3);
        S3Object object = stage.list("s3://b/t").get(0);
        ObjectStage.StagedFile staged = stage.stage("b", object, null, null, null);
        assertThat(staged.path()).exists().hasContent("1");
        assertThat(stage.pendingDeletion()).isTrue();

        stage.close();
        stage.close(); // twice: nothing more to do

        assertThat(Files.exists(stage.directory())).isFalse();
        assertThat(stage.pendingDeletion()).isFalse();
    }
}
