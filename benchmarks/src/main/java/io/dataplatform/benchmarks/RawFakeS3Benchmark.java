package io.dataplatform.benchmarks;

import io.dataplatform.testing.FakeAws;
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

/** Small-object put and get through FakeAws's {@link S3Client}, called as raw AWS SDK code would call it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RawFakeS3Benchmark {
    private final byte[] payload = SmallObject.payload();
    private FakeAws aws;
    private S3Client s3;

    /** Creates a world with an unversioned bucket and the object the get benchmark reads. */
    @Setup(Level.Trial)
    public void createWorld() {
        aws = FakeAws.create();
        s3 = aws.s3();
        s3.createBucket(r -> r.bucket(SmallObject.BUCKET));
        s3.putObject(r -> r.bucket(SmallObject.BUCKET).key(SmallObject.GET_KEY), RequestBody.fromBytes(payload));
    }

    /** Empties the world's call log, which records every call and would otherwise grow for the whole run. */
    @Setup(Level.Iteration)
    public void forgetCalls() {
        aws.calls().clear();
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

    /** Releases the world, which owns its client. */
    @TearDown(Level.Trial)
    public void close() {
        aws.close();
    }
}
