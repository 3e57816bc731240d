package io.dataplatform.testing.contract;

import io.dataplatform.DataPlatform;
import io.dataplatform.cost.DataSize;
import io.dataplatform.s3.TransferSettings;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The S3 contract against real AWS: {@code mvn verify -Paws} with credentials and a region from the
 * default chains. Creates buckets named {@code contract-<random>} and removes them with every version.
 */
class AwsBucketContractIT extends BucketContractTests {

    @Override
    protected DataPlatform createPlatform() {
        String account;
        try (StsClient sts = StsClient.create()) {
            account = sts.getCallerIdentity().account();
        }
        return DataPlatform.builder()
                .accountId(account)
                .transferSettings(TransferSettings.builder().multipartThreshold(DataSize.ofMebibytes(5))
                        .partSize(DataSize.ofMebibytes(5)).build())
                .build();
    }

    @Override
    protected String bucketName(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @Override
    protected void removeBucket(String name) {
        try (S3Client s3 = S3Client.create()) {
            ListObjectVersionsResponse page;
            do {
                page = s3.listObjectVersions(r -> r.bucket(name));
                var ids = new java.util.ArrayList<ObjectIdentifier>();
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
