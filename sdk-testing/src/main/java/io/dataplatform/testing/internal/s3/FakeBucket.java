package io.dataplatform.testing.internal.s3;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * All state of one bucket. Every read and write happens while holding {@link #lock()}, which keeps
 * concurrent writers to one bucket simple and correct; different buckets never contend.
 */
final class FakeBucket {
    /**
     * Since January 2023 S3 applies SSE-S3 (AES256) to every bucket as its base level of encryption,
     * so GetBucketEncryption always has a configuration to return.
     */
    static final ServerSideEncryptionConfiguration DEFAULT_ENCRYPTION = ServerSideEncryptionConfiguration.builder()
            .rules(ServerSideEncryptionRule.builder()
                    .applyServerSideEncryptionByDefault(ServerSideEncryptionByDefault.builder()
                            .sseAlgorithm(ServerSideEncryption.AES256).build())
                    .bucketKeyEnabled(false).build())
            .build();
    /** Since April 2023 every new bucket starts with all four Block Public Access settings on. */
    static final PublicAccessBlockConfiguration DEFAULT_PUBLIC_ACCESS_BLOCK = PublicAccessBlockConfiguration.builder()
            .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true).build();

    private final String name;
    private final String ownerAccount;
    private final String region;
    private final Instant created;
    private final ReentrantLock lock = new ReentrantLock();
    private final VersionStore objects = new VersionStore();
    private final Map<String, PendingUpload> uploads = new LinkedHashMap<>();
    private VersionState versioning = VersionState.UNVERSIONED;
    private String policyJson;
    private IamPolicy policy;
    private PublicAccessBlockConfiguration publicAccessBlock = DEFAULT_PUBLIC_ACCESS_BLOCK;
    private ServerSideEncryptionConfiguration encryption = DEFAULT_ENCRYPTION;
    private Map<String, String> tags;
    private boolean deleted;

    FakeBucket(String name, String ownerAccount, String region, Instant created) {
        this.name = name;
        this.ownerAccount = ownerAccount;
        this.region = region;
        this.created = created;
    }

    String name() {
        return name;
    }

    String ownerAccount() {
        return ownerAccount;
    }

    String region() {
        return region;
    }

    Instant created() {
        return created;
    }

    ReentrantLock lock() {
        return lock;
    }

    VersionStore objects() {
        return objects;
    }

    Map<String, PendingUpload> uploads() {
        return uploads;
    }

    VersionState versioning() {
        return versioning;
    }

    void versioning(VersionState state) {
        this.versioning = state;
    }

    String policyJson() {
        return policyJson;
    }

    IamPolicy policy() {
        return policy;
    }

    void policy(String json, IamPolicy parsed) {
        this.policyJson = json;
        this.policy = parsed;
    }

    /** Returns the bucket's public access block, or null once it was deleted. */
    PublicAccessBlockConfiguration publicAccessBlock() {
        return publicAccessBlock;
    }

    void publicAccessBlock(PublicAccessBlockConfiguration configuration) {
        this.publicAccessBlock = configuration;
    }

    ServerSideEncryptionConfiguration encryption() {
        return encryption;
    }

    void encryption(ServerSideEncryptionConfiguration configuration) {
        this.encryption = configuration;
    }

    /** Returns the bucket's tag set, or null when it has none (GetBucketTagging: NoSuchTagSet). */
    Map<String, String> tags() {
        return tags;
    }

    void tags(Map<String, String> tagSet) {
        this.tags = tagSet;
    }

    boolean deleted() {
        return deleted;
    }

    void markDeleted() {
        this.deleted = true;
    }
}
