package io.dataplatform.samples;

import io.dataplatform.DataPlatform;
import io.dataplatform.s3.Bucket;
import io.dataplatform.s3.ObjectContent;
import io.dataplatform.s3.ObjectSummary;
import io.dataplatform.s3.ObjectVersion;
import io.dataplatform.s3.PutResult;
import io.dataplatform.s3.S3Location;
import io.dataplatform.testing.FakeAws;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.UUID;

/**
 * The sales pipeline: generates a year of sales orders as monthly CSV files, uploads them to a
 * versioned bucket, corrects one month, deletes one by mistake and restores it, then prints the
 * version history, catalogs the data with a Glue crawler, queries it with Athena under the cost
 * guard, and prints a summary and what it would have cost on AWS.
 *
 * <p>Runs on an embedded {@link FakeAws} world by default; with the argument {@code aws} it runs
 * against real AWS (region and credentials from the usual AWS settings) in a new bucket.
 */
public final class SalesPipeline {
    static final String PREFIX = "sales/";
    private final DataPlatform platform;
    private final String bucketName;
    private final String crawlerRole;
    private final Report report;
    private Night night;

    /**
     * @param crawlerRole the IAM role the Glue crawler runs as, or null to skip cataloguing
     */
    SalesPipeline(DataPlatform platform, String bucketName, String crawlerRole, Report report) {
        this.platform = platform;
        this.bucketName = bucketName;
        this.crawlerRole = crawlerRole;
        this.report = report;
    }

    /**
     * What the compute half of the night needs: the jar that holds {@link CleanSales} (null when this
     * class runs from a jar itself) and the report email's sender and recipient (null: no email).
     */
    record Night(java.nio.file.Path jar, String reportFrom, String reportTo) {
    }

    /** Also runs the compute half of the night (EMR step, Glue job, curated crawl and query, email) after the rest. */
    SalesPipeline withNight(Night night) {
        this.night = night;
        return this;
    }

    /** Runs the pipeline: {@code aws} as the first argument targets real AWS, otherwise the embedded fakes. */
    public static void main(String[] args) {
        boolean realAws = args.length > 0 && args[0].equals("aws");
        if (realAws) {
            String bucket = "dataplatform-sample-" + UUID.randomUUID().toString().substring(0, 8);
            // Athena needs a result location; a new account's primary workgroup has none.
            try (DataPlatform platform = DataPlatform.builder()
                    .athenaOutputLocation(S3Location.parse("s3://" + bucket + "/athena-results/")).build()) {
                // The crawler needs an IAM role Glue can assume and that may read the bucket.
                String role = System.getenv("DATAPLATFORM_GLUE_ROLE");
                new SalesPipeline(platform, bucket, role, new Report(System.out, "AWS " + platform.region())).run();
            }
        } else {
            FakeAws aws = FakeAws.create();
            // The fake SES starts in the sandbox, as a new account does: sender and recipient are verified identities.
            aws.sesAccount().verify("reports@acme.example").verify("data-team@acme.example");
            try (DataPlatform platform = aws.dataPlatform()) {
                String role = "arn:aws:iam::" + aws.accountId() + ":role/AWSGlueServiceRole-sales";
                new SalesPipeline(platform, "acme-raw", role, new Report(System.out, "embedded FakeAws (no AWS account)"))
                        .withNight(new Night(ComputeStep.jarFromProperty(), "reports@acme.example",
                                "data-team@acme.example"))
                        .run();
                aws.sesOutbox().messages().forEach(mail -> System.out.println("  (fake SES outbox) to "
                        + mail.to() + ": " + mail.subject()));
                report(aws);
            }
        }
    }

    private static void report(FakeAws aws) {
        Map<String, Long> byOperation = aws.calls().all().stream().collect(Collectors.groupingBy(
                c -> c.service() + " " + c.operation(), TreeMap::new, Collectors.counting()));
        System.out.println();
        System.out.println("AWS calls made, from the fake's call record: " + byOperation);
    }

    /** Runs every step and returns the summary it printed. */
    Summary run() {
        report.title("DataPlatform SDK sample: sales pipeline on " + report.target());
        Bucket bucket = platform.bucket(bucketName).create();
        report.step("Created bucket '%s' (versioning on, public access blocked, SSE-S3 encryption)", bucketName);

        SalesData data = new SalesData(2024);
        long rows = 0;
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(2024, m);
            String csv = data.month(month);
            rows += SalesData.rows(csv);
            bucket.put(key(month), ObjectContent.of(csv), o -> o.contentType("text/csv"));
            report.countPut(csv.length());
        }
        report.step("Uploaded 12 monthly CSV files, %,d orders, under s3://%s/%s", rows, bucketName, PREFIX);

        YearMonth march = YearMonth.of(2024, 3);
        String corrected = SalesData.withoutRegion(data.month(march), "central");
        PutResult fix = bucket.put(key(march), ObjectContent.of(corrected), o -> o.contentType("text/csv"));
        rows -= SalesData.rows(data.month(march)) - SalesData.rows(corrected);
        report.countPut(corrected.length());
        report.step("Overwrote %s with a correction (central region withdrawn): new version %s", key(march),
                shortId(fix.versionId()));

        YearMonth july = YearMonth.of(2024, 7);
        bucket.delete(key(july)); // DELETE requests are free
        List<String> deleted = bucket.deletedObjects(PREFIX).map(d -> d.key()).toList();
        report.countList(1);
        report.step("Deleted %s by mistake; deleted objects now: %s", key(july), deleted);
        ObjectVersion restored = bucket.restore(key(july));
        report.countList(1);
        report.countCopy(restored.size());
        report.step("Restored %s from its latest version (history kept)", key(july));

        report.history(key(march), bucket.versions(key(march)));
        report.history(key(july), bucket.versions(key(july)));

        if (crawlerRole != null) {
            String table = new CatalogStep(platform, report).run(bucket, crawlerRole).name();
            new QueryStep(platform, report).run(table);
            if (night != null) {
                new ComputeStep(platform, report, night.jar()).run(bucketName, crawlerRole, night.reportFrom(),
                        night.reportTo());
            }
        } else {
            report.step("Skipped cataloguing: set DATAPLATFORM_GLUE_ROLE to a Glue service role ARN to crawl on AWS");
        }

        List<ObjectSummary> objects = bucket.list(PREFIX).toList();
        long versions = objects.stream().mapToLong(o -> bucket.versions(o.key()).size()).sum();
        report.countList(1 + objects.size());
        Summary summary = new Summary(objects.size(), rows, objects.stream().mapToLong(ObjectSummary::size).sum(),
                versions, report.storedBytes());
        report.summary(summary);
        return summary;
    }

    static String key(YearMonth month) {
        return String.format(Locale.ROOT, "%syear=%d/month=%02d/sales.csv", PREFIX, month.getYear(), month.getMonthValue());
    }

    private static String shortId(String versionId) {
        return versionId.length() > 12 ? versionId.substring(0, 12) + "..." : versionId;
    }

    /**
     * What the pipeline ended with.
     *
     * @param objects      current objects under the prefix
     * @param rows         orders in the current objects
     * @param currentBytes bytes of the current versions
     * @param versions     versions and delete markers kept
     * @param storedBytes  bytes of every version kept (what S3 bills storage for)
     */
    record Summary(int objects, long rows, long currentBytes, long versions, long storedBytes) {
    }
}
