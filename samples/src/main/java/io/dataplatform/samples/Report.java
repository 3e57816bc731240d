package io.dataplatform.samples;

import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.Money;
import io.dataplatform.cost.S3Prices;
import io.dataplatform.s3.ObjectVersion;
import java.io.PrintStream;
import java.util.List;

/** Prints the pipeline's steps and tallies the requests and bytes it paid for. */
final class Report {
    private final PrintStream out;
    private final String target;
    private final S3Prices prices = S3Prices.standardUsEast1();
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

    void countPut(long bytes) {
        writes++;
        storedBytes += bytes;
    }

    void countCopy(long bytes) {
        writes++;
        storedBytes += bytes;
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
        Money requests = prices.requests(writes, reads);
        Money storage = prices.storagePerMonth(DataSize.ofBytes(summary.storedBytes()));
        out.println("Summary");
        out.printf("  objects under sales/        %,d%n", summary.objects());
        out.printf("  orders                      %,d%n", summary.rows());
        out.printf("  current data                %s%n", DataSize.ofBytes(summary.currentBytes()));
        out.printf("  versions kept               %,d (%s billed as storage)%n", summary.versions(),
                DataSize.ofBytes(summary.storedBytes()));
        out.println("What it would cost on AWS (S3 Standard, us-east-1 list prices)");
        out.printf("  requests                    %s (%,d PUT/COPY/LIST, %,d GET/other)%n", requests, writes, reads);
        out.printf("  storage                     %s per month%n", storage);
        out.printf("  total for this run         %s + %s per month%n", requests, storage);
    }
}
