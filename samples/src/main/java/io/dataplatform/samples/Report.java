package io.dataplatform.samples;

import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.Money;
import io.dataplatform.cost.PriceList;
import io.dataplatform.s3.ObjectVersion;
import io.dataplatform.glue.Partition;
import io.dataplatform.glue.Schema;
import io.dataplatform.glue.TableInfo;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Prints the pipeline's steps and tallies the requests and bytes it paid for. */
final class Report {
    private final PrintStream out;
    private final String target;
    private final PriceList prices = PriceList.standard();
    private final List<Duration> crawlTimes = new ArrayList<>();
    private int athenaQueries;
    private Money athenaSpent = Money.ZERO;
    private int step;
    private long writes;
    private long reads;
    private long storedBytes;

    Report(PrintStream out, String target) {
        this.out = out;
        this.target = target;
    }

    String target() {
        return target;
    }

    void title(String title) {
        out.println(title);
        out.println("=".repeat(title.length()));
    }

    void step(String format, Object... args) {
        out.printf("%2d. %s%n", ++step, String.format(format, args));
    }

    /** Prints an indented detail line under the current step. */
    void detail(String text) {
        out.println("      " + text);
    }

    void countAthena(int queries, Money spent) {
        athenaQueries += queries;
        athenaSpent = athenaSpent.plus(spent);
    }

    void countCrawl(Duration crawlTime) {
        crawlTimes.add(crawlTime);
    }

    void table(TableInfo table, List<Partition> partitions) {
        Schema schema = table.definition().schema();
        out.println();
        out.printf("    Table %s.%s  (%s, %s)%n", table.database(), table.name(), table.definition().format().classification(),
                table.definition().location());
        schema.columns().forEach(c -> out.printf("      %-14s %s%n", c.name(), c.type().toGlueString()));
        schema.partitionKeys().forEach(c -> out.printf("      %-14s %s  (partition key)%n", c.name(),
                c.type().toGlueString()));
        out.printf("    %d partitions: %s ... %s%n%n", partitions.size(),
                partitions.isEmpty() ? "-" : partitions.get(0).values(),
                partitions.isEmpty() ? "-" : partitions.get(partitions.size() - 1).values());
    }

    void countPut(long bytes) {
        writes++;
        storedBytes += bytes;
    }

    void countCopy(long bytes) {
        writes++;
        storedBytes += bytes;
    }

    private final java.util.List<String[]> computeLines = new java.util.ArrayList<>();
    private Money computeSpent = Money.ZERO;

    /** Adds a compute line (EMR cluster, Glue job, another query) to the cost summary. */
    void countCompute(String label, Money cost, String detail) {
        computeLines.add(new String[] {label, cost.toString(), detail});
        computeSpent = computeSpent.plus(cost);
    }

    void countList(long listings) {
        writes += listings;
    }

    long storedBytes() {
        return storedBytes;
    }

    void history(String key, List<ObjectVersion> versions) {
        out.println();
        out.println("    Version history of " + key + " (newest first):");
        for (ObjectVersion v : versions) {
            out.printf("      %-14s %s %-13s %10s%n", v.versionId().length() > 12 ? v.versionId().substring(0, 12) + ".."
                    : v.versionId(), v.lastModified(), v.deleteMarker() ? "delete marker" : v.latest() ? "current" : "",
                    v.deleteMarker() ? "" : DataSize.ofBytes(v.size()).toString());
        }
        out.println();
        reads++;
    }

    void summary(SalesPipeline.Summary summary) {
        Money requests = prices.s3().requests(writes, reads);
        Money storage = prices.s3().storagePerMonth(DataSize.ofBytes(summary.storedBytes()));
        out.println("Summary");
        out.printf("  objects under sales/        %,d%n", summary.objects());
        out.printf("  orders                      %,d%n", summary.rows());
        out.printf("  current data                %s%n", DataSize.ofBytes(summary.currentBytes()));
        out.printf("  versions kept               %,d (%s billed as storage)%n", summary.versions(),
                DataSize.ofBytes(summary.storedBytes()));
        out.println("What it would cost on AWS (us-east-1 list prices)");
        out.printf("  S3 requests                 %s (%,d PUT/COPY/LIST, %,d GET/other)%n", requests, writes, reads);
        out.printf("  S3 storage                  %s per month%n", storage);
        Money crawls = Money.ZERO;
        for (Duration crawl : crawlTimes) {
            // A crawler's DPU count is only known after the run; the sample reports one DPU.
            crawls = crawls.plus(prices.glue().crawlerRun(crawl, 1));
        }
        if (!crawlTimes.isEmpty()) {
            out.printf("  Glue crawler                %s (%d crawl(s) at $0.44 per DPU-hour, 10-minute minimum, 1 DPU)%n",
                    crawls, crawlTimes.size());
        }
        if (athenaQueries > 0) {
            out.printf("  Athena                      %s (%d queries at $5 per TB scanned, 10 MB minimum each)%n",
                    athenaSpent, athenaQueries);
        }
        for (String[] line : computeLines) {
            out.printf("  %-27s %s (%s)%n", line[0], line[1], line[2]);
        }
        out.printf("  total for this run          %s + %s per month%n",
                requests.plus(crawls).plus(athenaSpent).plus(computeSpent), storage);
    }
}
