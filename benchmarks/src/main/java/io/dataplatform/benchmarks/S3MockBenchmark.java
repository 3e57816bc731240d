package io.dataplatform.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Small-object put and get through the AWS SDK's real {@link S3Client} (Apache HttpClient 5, over
 * localhost) against Adobe S3Mock running in the same JVM: the peer a test suite would otherwise use.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class S3MockBenchmark {
    private final byte[] payload = SmallObject.payload();
    private EmbeddedS3Mock s3mock;
    private S3Client s3;

    /** Starts S3Mock and stores the bucket and the object the get benchmark reads. */
    @Setup(Level.Trial)
    public void startS3Mock() {
        s3mock = EmbeddedS3Mock.start();
        s3 = s3mock.client();
        s3.createBucket(r -> r.bucket(SmallObject.BUCKET));
        s3.putObject(r -> r.bucket(SmallObject.BUCKET).key(SmallObject.GET_KEY), RequestBody.fromBytes(payload));
    }

    /** Puts 1 KiB, overwriting the same key. */
    @Benchmark
    public PutObjectResponse put() {
        return SmallObject.put(s3, payload);
    }

    /** Gets 1 KiB as a byte array. */
    @Benchmark
    public byte[] get() {
        return SmallObject.get(s3);
    }

    /** Stops S3Mock and deletes its files. */
    @TearDown(Level.Trial)
    public void stopS3Mock() {
        s3mock.close();
    }
}
