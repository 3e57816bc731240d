package io.dataplatform.testing.glue;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.DataPlatform;
import io.dataplatform.glue.WorkflowNode;
import io.dataplatform.glue.WorkflowNodeState;
import io.dataplatform.glue.WorkflowRunStatus;
import io.dataplatform.s3.S3Location;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.SentEmail;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 11's on-failure email branch: a plain-Java JobTask as a workflow node, mailing through the fake SES. */
class GlueWorkflowEmailTest {
    private final FakeAws aws = FakeAws.create();
    private final DataPlatform platform = aws.dataPlatform();

    @Test
    void cleanJobFails_theAlertTaskEmailsTheTeamNamingTheRun() {
        platform.bucket("acme-code").create();
        aws.sesAccount().verify("acme.example");
        aws.glueJobs().handler("clean", run -> {
            run.work(Duration.ofMinutes(3));
            throw new IllegalStateException("bad input");
        });
        WorkflowNode clean = WorkflowNode.of(platform.glue().job("clean").pythonScript("s3://acme-code/clean.py")
                .role("AWSGlueServiceRole-etl").create());
        WorkflowNode alert = WorkflowNode.of(platform.glue().job("alert-team")
                .task(AlertTeamTask.class, TestJars.jarOfClasses(AlertTeamTask.class))
                .codeLocation(S3Location.parse("s3://acme-code/tasks/")).role("AWSGlueServiceRole-etl").create());

        WorkflowRunStatus status = platform.glue().workflow("nightly").then(clean).onFailure(clean, alert).create()
                .start().await().status();

        assertThat(status.node("clean").orElseThrow().state()).isEqualTo(WorkflowNodeState.FAILED);
        assertThat(status.node("alert-team").orElseThrow().state()).isEqualTo(WorkflowNodeState.SUCCEEDED);
        assertThat(aws.sesOutbox().messages()).hasSize(1);
        SentEmail sent = aws.sesOutbox().last();
        assertThat(sent.to()).containsExactly("team@acme.example");
        assertThat(sent.subject()).isEqualTo("Workflow nightly failed");
        assertThat(sent.text()).isEqualTo("Run " + status.runId() + " needs a look: resume it once the input is fixed.");
        assertThat(sent.sentAt()).isAfterOrEqualTo(status.node("clean").orElseThrow().completedOn());
    }
}
