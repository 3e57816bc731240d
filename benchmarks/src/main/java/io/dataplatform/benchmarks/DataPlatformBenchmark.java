package io.dataplatform.benchmarks;

import io.dataplatform.DataPlatform;
import io.dataplatform.s3.Bucket;
import io.dataplatform.s3.PutResult;
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

/**
 * Small-object put and get through {@link DataPlatform} on FakeAws: the fluent API's validation,
 * retry wrapper and request mapping on top of the same fake client that {@link RawFakeS3Benchmark}
 * calls directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DataPlatformBenchmark {
    private final byte[] payload = SmallObject.payload();
    private FakeAws aws;
    private DataPlatform platform;
    private Bucket bucket;

    /**
     * Creates a world and the bucket. The bucket is made through the raw client, unversioned, as in
     * the other two columns: {@code Bucket.create()} would turn versioning on, and millions of kept
     * versions of the put key would measure the garbage collector rather than the API.
     */
    @Setup(Level.Trial)
    public void createWorld() {
        aws = FakeAws.create();
        aws.s3().createBucket(r -> r.bucket(SmallObject.BUCKET));
        aws.s3().putObject(r -> r.bucket(SmallObject.BUCKET).key(SmallObject.GET_KEY), RequestBody.fromBytes(payload));
        platform = aws.dataPlatform();
        bucket = platform.bucket(SmallObject.BUCKET);
    }

    /** Empties the world's call log, which records every call and would otherwise grow for the whole run. */
    @Setup(Level.Iteration)
    public void forgetCalls() {
        aws.calls().clear();
    }

    /** Puts 1 KiB, overwriting the same key. */
    @Benchmark
    public PutResult put() {
        return bucket.put(SmallObject.PUT_KEY, payload);
    }

    /** Gets 1 KiB as a byte array. */
    @Benchmark
    public byte[] get() {
        return bucket.get(SmallObject.GET_KEY).bytes();
    }

    /** Closes the platform and the world. */
    @TearDown(Level.Trial)
    public void close() {
        platform.close();
        aws.close();
    }
}
