package io.dataplatform.glue.etl;

import java.util.Locale;

/** The file format an ETL mapping writes. */
public enum EtlFormat {
    /** Apache Parquet (Snappy-compressed, Spark's default). */
    PARQUET,
    /** Comma-separated text with a header line. */
    CSV,
    /** JSON lines. */
    JSON;

    /** Returns Spark's name of the format ({@code parquet}, {@code csv}, {@code json}). */
    public String sparkName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
