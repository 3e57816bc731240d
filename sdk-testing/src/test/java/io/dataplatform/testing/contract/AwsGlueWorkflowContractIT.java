package io.dataplatform.testing.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dataplatform.DataPlatform;
import io.dataplatform.glue.JobBuilder;
import io.dataplatform.s3.S3Location;
import java.util.UUID;

/**
 * The Glue workflow contract against real AWS: {@code mvn verify -Paws} with credentials and a region
 * from the default chains, and {@code DATAPLATFORM_IT_GLUE_ROLE} and {@code DATAPLATFORM_IT_BUCKET} as
 * for {@link AwsGlueJobContractIT}. Workflows and jobs are named {@code contract-...-<random>} and
 * deleted after each test; a test runs two or three jobs of about a cent each.
 */
class AwsGlueWorkflowContractIT extends GlueWorkflowContractTests {
    private static final String ROLE = System.getenv("DATAPLATFORM_IT_GLUE_ROLE");
    private static final String BUCKET = System.getenv("DATAPLATFORM_IT_BUCKET");

    @Override
    protected DataPlatform createPlatform() {
        assumeTrue(ROLE != null && BUCKET != null, "set DATAPLATFORM_IT_GLUE_ROLE and DATAPLATFORM_IT_BUCKET");
        return DataPlatform.builder().build();
    }

    @Override
    protected String uniqueName(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    protected JobBuilder runnableJob(String name, boolean failing) {
        String key = "dataplatform-it/glue/" + (failing ? "fail" : "ok") + ".py";
        String script = failing ? "raise Exception('boom')\n" : "print('ok')\n";
        platform.bucket(BUCKET).put(key, script);
        return glue.job(name).pythonScript(S3Location.parse("s3://" + BUCKET + "/" + key).uri()).role(ROLE);
    }
}
