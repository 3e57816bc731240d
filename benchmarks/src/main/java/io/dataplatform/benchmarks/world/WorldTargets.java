package io.dataplatform.benchmarks.world;

import io.dataplatform.DataPlatform;
import io.dataplatform.s3.Bucket;
import io.dataplatform.testing.FakeAws;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A timed harness (not a test) for issue 13's targets: what a test suite feels of FakeAws (fresh JVMs,
 * short runs) next to an in-process ceiling measured in the same run ({@link MapS3Client}: an S3Client
 * over a plain map, called with the same SDK request objects). Prints a Markdown table.
 *
 * <p>Run it with {@code benchmarks/scripts/world-targets.sh}, which gives the fresh JVMs the class path of
 * a project that depends on dataplatform-sdk-testing alone ({@code -Dworld.classpath}); without it they
 * get this JVM's, the benchmarks module's whole class path.
 */
public final class WorldTargets {
    private static final int FRESH_JVMS = 5;
    private static final int WARMUP_PAIRS = 1_000;
    private static final int PASS = 5_000;
    private static final byte[] KIB = new byte[1024];
    /**
     * The short runs also report ops per second of the measuring thread's CPU time, which on a shared machine
     * varies less than the wall clock (it still moves with how soon the JIT compiler threads get a core), and the
     * bytes it allocates per op, which the load does not move at all.
     */
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** The fresh JVMs' class path: a user's (see benchmarks/scripts/world-targets.sh), else this JVM's. */
    private static final String CHILD_CLASSPATH = System.getProperty("world.classpath", System.getProperty("java.class.path"));
    /**
     * {@code -Dworld.rows=short} prints only the short-run rows (a minute instead of the table's two or more),
     * {@code -Dworld.rows=athena} only the Athena rows.
     */
    private static final String ONLY_ROWS = System.getProperty("world.rows", "");
    /** Extra JVM options for the fresh JVMs ({@code -Dworld.childOptions="-XX:StartFlightRecording=..."}), split on spaces. */
    private static final String CHILD_OPTIONS = System.getProperty("world.childOptions", "");

    private WorldTargets() {
    }

    /** Without arguments prints the table; with a mode runs one fresh-JVM measurement and prints {@code name=value} lines. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            child(args[0]);
            return;
        }
        System.out.println("Load average at start: " + loadAverage() + " (" + Runtime.getRuntime().availableProcessors() + " CPUs), "
                + "Java " + System.getProperty("java.version") + "; fresh JVMs on " + CHILD_CLASSPATH.split(java.io.File.pathSeparator).length
                + " class path entries");
        System.out.println();
        System.out.println("| measurement | FakeAws | ceiling | ratio | target |");
        System.out.println("|---|---:|---:|---:|---|");
        if (!ONLY_ROWS.isEmpty()) {
            switch (ONLY_ROWS) {
                case "short" -> shortRuns();
                case "athena" -> {
                    athenaSideBySide();
                    athenaPerWorld();
                }
                default -> throw new IllegalArgumentException("world.rows is short or athena, not " + ONLY_ROWS);
            }
            System.out.println();
            System.out.println("Load average at end: " + loadAverage());
            System.exit(0);
        }
        Map<String, Double> coldFake = fresh("cold-fake");
        Map<String, Double> coldCeiling = fresh("cold-ceiling");
        row("`FakeAws.create()` cold (fresh JVM), ms", coldFake.get("create-ms"), coldCeiling.get("create-ms"), "< 100 ms");
        row("start -> first put (JVM start to first put done), ms", coldFake.get("first-put-ms"),
                coldCeiling.get("first-put-ms"), "<= 1.5x ceiling");
        row("RSS after the first put, MiB", coldFake.get("rss-mib"), coldCeiling.get("rss-mib"), "<= 60 MiB");
        row("classes loaded at the first put", coldFake.get("classes"), coldCeiling.get("classes"), "");
        double warmCreate = warmMicros(() -> {
            FakeAws aws = FakeAws.create();
            aws.close();
            return 1;
        }, 2_000);
        row("`FakeAws.create()` warm, us", warmCreate, null, "< 50 us");
        try (FakeAws aws = FakeAws.create()) {
            double platform = warmMicros(() -> {
                aws.dataPlatform();
                return 1;
            }, 20_000);
            row("`aws.dataPlatform()` warm, us", platform, null, "< 10 us");
        }
        shortRuns();
        versionedKey();
        largeObjects();
        athenaSideBySide();
        athenaPerWorld();
        System.out.println();
        System.out.println("Load average at end: " + loadAverage());
        System.exit(0);
    }

    /** The 1 KiB short-run rows, each mode in fresh JVMs. */
    private static void shortRuns() throws Exception {
        Map<String, Double> shortFake = fresh("short-fake");
        Map<String, Double> shortPlatform = fresh("short-platform");
        Map<String, Double> shortCeiling = fresh("short-ceiling");
        Map<String, Double> shortEtagCeiling = fresh("short-ceiling-etag");
        Map<String, Double> shortVersioned = fresh("short-fake-versioned");
        row("1 KiB put, short run (fresh JVM, " + PASS + " ops after " + WARMUP_PAIRS + " pairs), ops/s",
                shortFake.get("put-ops"), shortCeiling.get("put-ops"), ">= 70% of ceiling");
        row("1 KiB get, short run, ops/s", shortFake.get("get-ops"), shortCeiling.get("get-ops"), ">= 70% of ceiling");
        // A correct S3 computes the MD5 of every put for its ETag; against a ceiling that does too, the ratio is
        // the fake's overhead outside the digest.
        row("1 KiB put, short run, vs a ceiling that computes the ETag, ops/s", shortFake.get("put-ops"),
                shortEtagCeiling.get("put-ops"), "(reference)");
        row("1 KiB get, short run, vs a ceiling that computes the ETag, ops/s", shortFake.get("get-ops"),
                shortEtagCeiling.get("get-ops"), "(reference)");
        row("1 KiB put, short run, through `DataPlatform`, ops/s", shortPlatform.get("put-ops"), shortFake.get("put-ops"),
                "within 10% of raw (ratio vs raw)");
        row("1 KiB get, short run, through `DataPlatform`, ops/s", shortPlatform.get("get-ops"), shortFake.get("get-ops"),
                "within 10% of raw (ratio vs raw)");
        // DataPlatform creates its buckets versioned, so each of its puts also mints a version id: the raw client on a
        // versioned bucket is the same work in the fake.
        row("1 KiB put, short run, through `DataPlatform`, vs raw on a versioned bucket, ops/s", shortPlatform.get("put-ops"),
                shortVersioned.get("put-ops"), "(reference)");
        row("1 KiB get, short run, through `DataPlatform`, vs raw on a versioned bucket, ops/s", shortPlatform.get("get-ops"),
                shortVersioned.get("get-ops"), "(reference)");
    }

    private static void row(String name, Double fake, Double ceiling, String target) {
        String ratio = ceiling == null || ceiling == 0 ? "" : String.format(Locale.ROOT, "%.2f", fake / ceiling);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", name, format(fake), ceiling == null ? "" : format(ceiling),
                ratio, target);
        System.out.flush();
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** 1M puts to one key of a versioned bucket: the rate of the first and of the last 100k. */
    private static void versionedKey() {
        try (FakeAws aws = FakeAws.builder().callLogCapacity(1).build()) {
            S3Client s3 = aws.s3();
            s3.createBucket(b -> b.bucket("versioned"));
            s3.putBucketVersioning(b -> b.bucket("versioned").versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
            PutObjectRequest put = PutObjectRequest.builder().bucket("versioned").key("k").build();
            byte[] small = new byte[16];
            double first = 0;
            double last = 0;
            for (int block = 0; block < 10; block++) {
                long start = System.nanoTime();
                for (int i = 0; i < 100_000; i++) {
                    s3.putObject(put, RequestBody.fromBytes(small));
                }
                double rate = 100_000 / ((System.nanoTime() - start) / 1e9);
                if (block == 0) {
                    first = rate;
                }
                last = rate;
            }
            row("1M puts to one versioned key: last 100k vs first 100k, ops/s", last, first,
                    "last >= 80% of first (ratio vs first)");
        }
    }

    /** 256 MiB put and get, raw and through DataPlatform (from and to a file), against a plain in-memory copy. */
    private static void largeObjects() throws Exception {
        byte[] big = new byte[256 << 20];
        new java.util.Random(1).nextBytes(big);
        double mib = big.length / (double) (1 << 20);
        double copy = bestRate(() -> {
            byte[] copied = java.util.Arrays.copyOf(big, big.length);
            return copied.length;
        }, mib);
        // What any S3 that answers with the object's ETag must do at least: copy the bytes and digest them once.
        double copyAndDigest = bestRate(() -> {
            byte[] copied = java.util.Arrays.copyOf(big, big.length);
            return java.security.MessageDigest.getInstance("MD5").digest(copied).length;
        }, mib);
        Path file = Files.createTempFile("big-", ".bin");
        Files.write(file, big);
        try (FakeAws aws = FakeAws.create(); DataPlatform platform = aws.dataPlatform()) {
            S3Client s3 = aws.s3();
            s3.createBucket(b -> b.bucket("big"));
            PutObjectRequest put = PutObjectRequest.builder().bucket("big").key("o").build();
            GetObjectRequest get = GetObjectRequest.builder().bucket("big").key("o").build();
            double rawPut = bestRate(() -> {
                s3.putObject(put, RequestBody.fromBytes(big));
                return 1;
            }, mib);
            double rawGet = bestRate(() -> s3.getObject(get, ResponseTransformer.toBytes()).asByteArray().length, mib);
            Bucket bucket = platform.bucket("big");
            double platformPut = bestRate(() -> {
                bucket.put("p", file);
                return 1;
            }, mib);
            double platformGet = bestRate(() -> {
                try (var in = bucket.get("p").stream()) {
                    return (int) in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }, mib);
            // The ceiling client through the same SDK calls: what any S3Client reaches (the SDK copies the
            // request body, and toBytes() reads the response in 4 KiB chunks into a growing buffer).
            MapS3Client map = new MapS3Client();
            double mapPut = bestRate(() -> {
                map.putObject(put, RequestBody.fromBytes(big));
                return 1;
            }, mib);
            double mapGet = bestRate(() -> map.getObject(get, ResponseTransformer.toBytes()).asByteArray().length, mib);
            row("256 MiB put, ceiling client (same SDK calls), MiB/s", mapPut, copy, "(reference)");
            row("256 MiB get, ceiling client (toBytes), MiB/s", mapGet, copy, "(reference)");
            row("256 MiB put, raw client, MiB/s", rawPut, copy, ">= 50% of a plain copy");
            row("256 MiB put, raw client, vs the ceiling client, MiB/s", rawPut, mapPut, "");
            row("256 MiB put, raw client, vs a copy plus its MD5 (the ETag's floor), MiB/s", rawPut, copyAndDigest, "");
            row("256 MiB get, raw client (toBytes), MiB/s", rawGet, copy, ">= 50% of a plain copy");
            row("256 MiB get, raw client (toBytes), vs the ceiling client, MiB/s", rawGet, mapGet, "");
            row("256 MiB put, `DataPlatform.put(key, Path)`, MiB/s", platformPut, copy, ">= 50% of a plain copy");
            row("256 MiB put, `DataPlatform.put(key, Path)`, vs a copy plus its MD5, MiB/s", platformPut, copyAndDigest, "");
            row("256 MiB get, `DataPlatform` stream, MiB/s", platformGet, copy, ">= 50% of a plain copy");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One query alone, then two at once on one world: wall time of each (median). */
    /**
     * A test suite's Athena tests: a world each, a small table, two queries. The first query of a world pays for
     * the world's engine (its DuckDB databases come from a JVM-wide pool once an earlier world has closed).
     */
    private static void athenaPerWorld() throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        for (int world = 0; world < 40; world++) {
            try (FakeAws aws = FakeAws.create(); DataPlatform platform = aws.dataPlatformBuilder()
                    .costGuard(io.dataplatform.cost.CostGuard.none())
                    .athenaOutputLocation(io.dataplatform.s3.S3Location.parse("s3://bench-lake/results/")).build()) {
                io.dataplatform.benchmarks.athena.BenchLake.create(aws);
                long start = System.nanoTime();
                platform.athena().query("SELECT count(*) AS n FROM sales").database("bench").run().rows().count();
                double one = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                platform.athena().query(io.dataplatform.benchmarks.athena.BenchLake.SQL).database("bench").run().rows().count();
                if (world >= 10) {
                    first.add(one);
                    second.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        row("first Athena query of a fresh world (worlds 11-40 of a JVM), ms (median)", median(first), null, "(reference)");
        row("second query of that world, ms (median)", median(second), null, "(reference)");
    }

    /**
     * Rounds of one query then two at once, per warm-up level: enough that a level's rounds outlast one C2
     * compilation of the query path (300-400 ms for its largest method), now that a query takes 1-2 ms.
     */
    private static final int ROUNDS = 100;

    private static void athenaSideBySide() throws Exception {
        try (FakeAws aws = FakeAws.create(); DataPlatform platform = aws.dataPlatformBuilder()
                .costGuard(io.dataplatform.cost.CostGuard.none())
                .athenaOutputLocation(io.dataplatform.s3.S3Location.parse("s3://bench-lake/results/")).build()) {
            io.dataplatform.benchmarks.athena.BenchLake.create(aws);
            Callable<Integer> query = () -> (int) platform.athena().query(io.dataplatform.benchmarks.athena.BenchLake.SQL)
                    .database("bench").run().rows().count();
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                // One query leaves the second core to the JIT compiling behind it; two at once compete with it. A
                // statement runs once per query, so the JIT reaches C2 for the query path only after thousands of
                // queries, and recompiles when a pair first takes a branch a single query never did: the first rows
                // are JIT transients, the last is measured once the JIT has settled.
                int done = 0;
                for (int warmed : new int[] {10, 1_000, 3_000}) {
                    for (; done < warmed; done++) {
                        query.call();
                    }
                    sideBySide(query, two, "after " + warmed + " queries");
                    done += 3 * ROUNDS;
                }
                java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
                int settling = 0;
                for (double share = 1; share > JIT_SETTLED && settling < 60; settling++) {
                    long compiled = jit.getTotalCompilationTime();
                    long start = System.nanoTime();
                    for (int i = 0; i < ROUNDS; i++) {
                        query.call();
                        Future<Integer> a = two.submit(query);
                        Future<Integer> b = two.submit(query);
                        a.get();
                        b.get();
                    }
                    share = (jit.getTotalCompilationTime() - compiled) / ((System.nanoTime() - start) / 1e6);
                    done += 3 * ROUNDS;
                }
                double settled = sideBySide(query, two, "once the JIT settled (" + done + " queries)");
                // The machine's own answer to the same question: two threads of CPU-bound Java work (MD5 of 1 MiB, no
                // locks, no allocation) against one, alternated the same way. Two vCPUs of a shared host are not two
                // idle cores: this is the least any pair can reach here.
                List<Double> one = new ArrayList<>();
                List<Double> pair = new ArrayList<>();
                Callable<Integer> digest = WorldTargets::digestOneMiB;
                for (int i = 0; i < 3 * ROUNDS; i++) {
                    digest.call();
                    two.submit(digest).get();
                }
                for (int i = 0; i < ROUNDS; i++) {
                    long start = System.nanoTime();
                    digest.call();
                    one.add((System.nanoTime() - start) / 1e6);
                    start = System.nanoTime();
                    Future<Integer> a = two.submit(digest);
                    Future<Integer> b = two.submit(digest);
                    a.get();
                    b.get();
                    pair.add((System.nanoTime() - start) / 1e6);
                }
                row("the machine's peer: two threads of CPU-bound Java work (MD5 of 1 MiB) vs one, ms (median of " + ROUNDS
                        + ")", median(pair), median(one), "(reference)");
                row("two queries' ratio once the JIT settled vs the peer's ratio", settled, median(pair) / median(one),
                        "(reference: 1.0 adds nothing to the machine's)");
                // S3 gets from this thread while queries run on another: how long each waits.
                S3Client s3 = aws.s3();
                GetObjectRequest get = GetObjectRequest.builder().bucket("bench-lake").key("sales/part-0.csv").build();
                List<Double> during = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Future<Integer> running = two.submit(query);
                    while (!running.isDone()) {
                        long start = System.nanoTime();
                        s3.getObject(get, ResponseTransformer.toBytes());
                        during.add((System.nanoTime() - start) / 1e6);
                    }
                    running.get();
                }
                Collections.sort(during);
                row("S3 get (" + during.size() + " gets of 170 KB) while a query runs, ms: median", median(during), null, "< 1 ms");
                row("S3 get while a query runs, ms: 99th percentile", during.get((int) (during.size() * 0.99)), null, "");
            } finally {
                two.shutdownNow();
            }
        }
    }

    /** The JIT has settled when it compiles for less than this share of a round of queries' wall time. */
    private static final double JIT_SETTLED = 0.05;

    /**
     * Rounds of one query then two at once: prints the pair's and the single query's medians and the pair's CPU
     * floor, and returns the ratio of the medians.
     */
    private static double sideBySide(Callable<Integer> query, ExecutorService two, String when) throws Exception {
        List<Double> one = new ArrayList<>();
        List<Double> pair = new ArrayList<>();
        List<Double> pairCpu = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            query.call();
            one.add((System.nanoTime() - start) / 1e6);
            long cpu = processCpuNanos();
            start = System.nanoTime();
            Future<Integer> a = two.submit(query);
            Future<Integer> b = two.submit(query);
            a.get();
            b.get();
            pair.add((System.nanoTime() - start) / 1e6);
            pairCpu.add((processCpuNanos() - cpu) / 1e6);
        }
        row("two Athena queries in two threads vs one query, " + when + ", ms (median of " + ROUNDS + ")",
                median(pair), median(one), "<= 1.3x");
        // The JVM's CPU time over the pairs (both queries, the JIT and GC threads) spread over the machine's
        // cores: how long a pair must take if nothing waits. Pairs near it are CPU-bound, not serialised.
        // Summed over the rounds: the process CPU clock ticks in 10 ms steps.
        int cores = Runtime.getRuntime().availableProcessors();
        double pairMean = pair.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double floorMean = pairCpu.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN) / cores;
        row("  the same pairs' mean vs their CPU time / " + cores + " cores (1.0: nothing waits), ms", pairMean,
                floorMean, "");
        return median(pair) / median(one);
    }

    private static final byte[] MIB = new byte[1 << 20];

    private static int digestOneMiB() throws java.security.NoSuchAlgorithmException {
        return java.security.MessageDigest.getInstance("MD5").digest(MIB)[0];
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double bestRate(Callable<Integer> work, double mib) throws Exception {
        work.call();
        double best = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            work.call();
            best = Math.max(best, mib / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    private static double warmMicros(Callable<Integer> work, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            work.call();
        }
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            work.call();
            micros.add((System.nanoTime() - start) / 1e3);
        }
        return median(micros);
    }

    /** Runs {@code mode} in {@value #FRESH_JVMS} fresh JVMs; the median of each value. */
    private static Map<String, Double> fresh(String mode) throws Exception {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (int i = 0; i < FRESH_JVMS; i++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            if (!CHILD_OPTIONS.isBlank()) {
                command.addAll(List.of(CHILD_OPTIONS.trim().split(" +")));
            }
            command.addAll(List.of("-cp", CHILD_CLASSPATH, WorldTargets.class.getName(), mode));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    output.add(line);
                    int eq = line.indexOf('=');
                    if (eq > 0 && line.startsWith("bench:")) {
                        values.computeIfAbsent(line.substring(6, eq), k -> new ArrayList<>()).add(Double.parseDouble(line.substring(eq + 1)));
                    }
                }
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException(mode + " failed: " + String.join("\n", output));
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        values.forEach((k, v) -> medians.put(k, median(v)));
        return medians;
    }

    private static void child(String mode) throws Exception {
        switch (mode) {
            case "cold-fake", "cold-ceiling" -> {
                long start = System.nanoTime();
                S3Client s3;
                if (mode.equals("cold-fake")) {
                    FakeAws aws = FakeAws.create();
                    print("create-ms", (System.nanoTime() - start) / 1e6);
                    s3 = aws.s3();
                } else {
                    s3 = new MapS3Client();
                    print("create-ms", (System.nanoTime() - start) / 1e6);
                }
                // Both make the same SDK calls: a bucket, then the put.
                s3.createBucket(b -> b.bucket("bench"));
                s3.putObject(PutObjectRequest.builder().bucket("bench").key("k").build(), RequestBody.fromBytes(KIB));
                long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                print("first-put-ms", System.currentTimeMillis() - jvmStart);
                print("classes", ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
                print("rss-mib", rssMib());
            }
            case "short-fake", "short-fake-versioned", "short-ceiling", "short-ceiling-etag" -> {
                S3Client s3;
                if (mode.startsWith("short-fake")) {
                    s3 = FakeAws.create().s3();
                    s3.createBucket(b -> b.bucket("bench"));
                    if (mode.equals("short-fake-versioned")) {
                        s3.putBucketVersioning(b -> b.bucket("bench")
                                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
                    }
                } else {
                    s3 = mode.equals("short-ceiling") ? new MapS3Client() : MapS3Client.withETags();
                }
                PutObjectRequest[] puts = new PutObjectRequest[PASS];
                GetObjectRequest[] gets = new GetObjectRequest[PASS];
                for (int i = 0; i < PASS; i++) {
                    puts[i] = PutObjectRequest.builder().bucket("bench").key("key-" + i).build();
                    gets[i] = GetObjectRequest.builder().bucket("bench").key("key-" + i).build();
                }
                for (int i = 0; i < WARMUP_PAIRS; i++) {
                    s3.putObject(puts[i], RequestBody.fromBytes(KIB));
                    s3.getObject(gets[i], ResponseTransformer.toBytes());
                }
                long start = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                long allocated = THREADS.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < PASS; i++) {
                    s3.putObject(puts[i], RequestBody.fromBytes(KIB));
                }
                print("put-ops", PASS / ((System.nanoTime() - start) / 1e9));
                print("put-cpu-ops", PASS / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9));
                print("put-alloc-bytes", (THREADS.getCurrentThreadAllocatedBytes() - allocated) / (double) PASS);
                start = System.nanoTime();
                cpu = THREADS.getCurrentThreadCpuTime();
                allocated = THREADS.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < PASS; i++) {
                    s3.getObject(gets[i], ResponseTransformer.toBytes());
                }
                print("get-ops", PASS / ((System.nanoTime() - start) / 1e9));
                print("get-cpu-ops", PASS / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9));
                print("get-alloc-bytes", (THREADS.getCurrentThreadAllocatedBytes() - allocated) / (double) PASS);
            }
            case "short-platform" -> {
                FakeAws aws = FakeAws.create();
                Bucket bucket = aws.dataPlatform().bucket("bench").create();
                String[] keys = new String[PASS];
                for (int i = 0; i < PASS; i++) {
                    keys[i] = "key-" + i;
                }
                for (int i = 0; i < WARMUP_PAIRS; i++) {
                    bucket.put(keys[i], KIB);
                    bucket.get(keys[i]).bytes();
                }
                long start = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                long allocated = THREADS.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < PASS; i++) {
                    bucket.put(keys[i], KIB);
                }
                print("put-ops", PASS / ((System.nanoTime() - start) / 1e9));
                print("put-cpu-ops", PASS / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9));
                print("put-alloc-bytes", (THREADS.getCurrentThreadAllocatedBytes() - allocated) / (double) PASS);
                start = System.nanoTime();
                cpu = THREADS.getCurrentThreadCpuTime();
                allocated = THREADS.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < PASS; i++) {
                    bucket.get(keys[i]).bytes();
                }
                print("get-ops", PASS / ((System.nanoTime() - start) / 1e9));
                print("get-cpu-ops", PASS / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9));
                print("get-alloc-bytes", (THREADS.getCurrentThreadAllocatedBytes() - allocated) / (double) PASS);
            }
            default -> throw new IllegalArgumentException("Unknown mode " + mode);
        }
    }

    private static void print(String name, double value) {
        System.out.println("bench:" + name + "=" + value);
    }

    private static double rssMib() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
