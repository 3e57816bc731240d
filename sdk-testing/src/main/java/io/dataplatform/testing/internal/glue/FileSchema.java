package io.dataplatform.testing.internal.glue;

import io.dataplatform.glue.Column;
import io.dataplatform.glue.DataFormat;
import java.util.List;

/**
 * What the crawler learned from one file's sample.
 *
 * @param format         the format and SerDe a table of such files gets
 * @param columns        the inferred columns, in file order
 * @param compression    {@code none} or {@code gzip}
 * @param records        records read from the sample
 * @param sampleBytes    decoded bytes those records took (for the average record size)
 * @param malformedLines lines skipped because they did not parse
 */
record FileSchema(DataFormat format, List<Column> columns, String compression, long records, long sampleBytes,
                  int malformedLines) {

    FileSchema {
        columns = List.copyOf(columns);
    }

    /** Returns the column names. */
    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }
}
