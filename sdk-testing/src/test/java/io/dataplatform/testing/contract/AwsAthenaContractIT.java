package io.dataplatform.testing.contract;

import io.dataplatform.DataPlatform;
import io.dataplatform.s3.S3Location;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * The Athena contract against real AWS: {@code mvn verify -Paws} with credentials and a region from
 * the default chains. Each test creates a bucket {@code athena-contract-<random>} and a Glue database
 * {@code athena_contract_<random>}, runs a few queries in the {@code primary} workgroup (results in
 * the test bucket; each query costs Athena's 10 MB minimum, $0.00005) and removes both.
 */
class AwsAthenaContractIT extends AthenaContractTests {

    @Override
    protected DataPlatform createPlatform(String bucket) {
        return DataPlatform.builder().athenaOutputLocation(S3Location.parse("s3://" + bucket + "/athena-results/")).build();
    }

    @Override
    protected String bucketName(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @Override
    protected String databaseName(String base) {
        return base + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Override
    protected void removeBucket(String name) {
        try (S3Client s3 = S3Client.create()) {
            ListObjectVersionsResponse page;
            do {
                page = s3.listObjectVersions(r -> r.bucket(name));
                List<ObjectIdentifier> ids = new ArrayList<>();
                page.versions().forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
                page.deleteMarkers().forEach(m -> ids.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
                if (!ids.isEmpty()) {
                    s3.deleteObjects(r -> r.bucket(name).delete(d -> d.objects(ids)));
                }
            } while (Boolean.TRUE.equals(page.isTruncated()));
            s3.deleteBucket(r -> r.bucket(name));
        } catch (NoSuchBucketException alreadyGone) {
            // nothing to remove
        }
    }
}
