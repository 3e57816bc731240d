package io.dataplatform.testing;

/** The AWS services {@link FakeAws} fakes; used to aim faults and to read the call record. */
public enum AwsService {
    /** Amazon S3. */
    S3,
    /** AWS Glue. */
    GLUE,
    /** Amazon Athena. */
    ATHENA,
    /** Amazon EMR. */
    EMR,
    /** Amazon Simple Email Service (the v2 API). */
    SES
}
