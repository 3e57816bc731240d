package io.dataplatform.testing.contract;

import io.dataplatform.DataPlatform;
import io.dataplatform.glue.JobBuilder;
import io.dataplatform.testing.FakeAws;
import java.time.Duration;

/** The Glue job contract on FakeAws: a fresh world per test; the Python jobs run as Java handlers. */
class FakeGlueJobContractTest extends GlueJobContractTests {
    private final FakeAws aws = FakeAws.create();

    @Override
    protected DataPlatform createPlatform() {
        return aws.dataPlatform();
    }

    @Override
    protected String jobName(String base) {
        return base;
    }

    @Override
    protected String role() {
        return "AWSGlueServiceRole-contract";
    }

    @Override
    protected JobBuilder runnableJob(String name, boolean failing) {
        aws.glueJobs().handler(name, run -> {
            run.work(Duration.ofSeconds(40));
            if (failing) {
                throw new IllegalStateException("boom");
            }
        });
        return glue.job(name).pythonScript("s3://contract-code/job.py").role(role());
    }
}
