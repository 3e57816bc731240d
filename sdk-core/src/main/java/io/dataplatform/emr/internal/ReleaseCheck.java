package io.dataplatform.emr.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which EMR releases can run a {@code SparkJob} built with sdk-spark (Spark 4.0, Scala 2.13, JDK 17):
 * the {@code emr-spark-8.x} line and later. EMR 7.x runs Spark 3.5 on Scala 2.12 (EMR release guide,
 * "Spark release history"), 6.x Spark 3.x on 2.12, 5.x Spark 2.x: a jar built here fails there with
 * linkage errors at run time, so the SDK refuses before anything is started.
 */
final class ReleaseCheck {
    static final Pattern LABEL = Pattern.compile("emr-(spark-)?(\\d+)\\.(\\d+)\\.(\\d+)(-[A-Za-z0-9.-]+)?");

    private ReleaseCheck() {
    }

    /** Fails if {@code label} is not a release label's form. */
    static void checkForm(String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("Invalid release label '" + label + "': must look like "
                    + "emr-spark-8.0.0 or emr-7.10.0");
        }
    }

    /** Fails, saying why and what to pick, if {@code label} cannot run the SparkJob {@code jobClass}. */
    static void checkSparkJob(String label, String jobClass) {
        Matcher m = LABEL.matcher(label == null ? "" : label);
        String fix = ": pick release emr-spark-8.0.0 (the default) or later, or, for a jar built for that release's"
                + " Spark, submit it as a CommandStep";
        if (!m.matches()) {
            throw new IllegalArgumentException("EMR release '" + label + "' cannot run SparkJob " + jobClass
                    + ": the SDK cannot tell which Spark it runs" + fix);
        }
        int major = Integer.parseInt(m.group(2));
        boolean sparkLine = m.group(1) != null;
        if (sparkLine && major >= 8) {
            return;
        }
        String runs = sparkLine ? "an older Spark" : major >= 7 ? "Spark 3.5 on Scala 2.12"
                : major == 6 ? "Spark 3.x on Scala 2.12" : "Spark 2.x";
        throw new IllegalArgumentException("EMR release " + label + " runs " + runs + ", but SparkJob " + jobClass
                + " is built with dataplatform-sdk-spark on Spark 4.0 / Scala 2.13 (JDK 17) and cannot run there" + fix);
    }
}
