package io.dataplatform.testing.contract;

import io.dataplatform.DataPlatform;
import io.dataplatform.glue.JobBuilder;
import io.dataplatform.testing.FakeAws;
import java.time.Duration;

/** The Glue workflow contract on FakeAws: a fresh world per test; the Python jobs run as Java handlers. */
class FakeGlueWorkflowContractTest extends GlueWorkflowContractTests {
    private final FakeAws aws = FakeAws.create();

    @Override
    protected DataPlatform createPlatform() {
        return aws.dataPlatform();
    }

    @Override
    protected String uniqueName(String base) {
        return base;
    }

    @Override
    protected JobBuilder runnableJob(String name, boolean failing) {
        aws.glueJobs().handler(name, run -> {
            run.work(Duration.ofSeconds(40));
            if (failing) {
                throw new IllegalStateException("boom");
            }
        });
        return glue.job(name).pythonScript("s3://contract-code/job.py").role("AWSGlueServiceRole-contract");
    }
}
