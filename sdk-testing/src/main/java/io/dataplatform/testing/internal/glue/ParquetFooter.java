package io.dataplatform.testing.internal.glue;

import io.dataplatform.glue.Column;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;

/**
 * Reads a Parquet file's schema from its footer only (the last 8 bytes give the footer's length),
 * so the cost does not depend on the file's size, and maps it to Glue types as Glue does.
 *
 * <p>The footer is Parquet's Thrift {@code FileMetaData}, decoded with {@code parquet-format-structures}
 * (no Hadoop); its schema is the depth-first flattened tree that {@link ParquetSchema} rebuilds.
 */
final class ParquetFooter {
    /** Every Parquet file starts and ends with these 4 bytes. */
    static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    /** The tail: the footer's length (4 bytes, little-endian) and the magic. */
    private static final int TAIL = 8;

    private ParquetFooter() {
    }

    static boolean isParquet(byte[] head) {
        return head.length >= 4 && head[0] == MAGIC[0] && head[1] == MAGIC[1] && head[2] == MAGIC[2] && head[3] == MAGIC[3];
    }

    static FileSchema read(RangedInputFile file) {
        FileMetaData metadata = metadata(file);
        List<Column> columns = new ArrayList<>();
        for (ParquetSchema.Node field : ParquetSchema.tree(metadata.getSchema()).children()) {
            columns.add(Column.of(ValueTypes.columnName(field.element().getName(), columns.size()), ParquetSchema.typeOf(field)));
        }
        // The footer's row count is exact; sizing the "sample" as the whole file keeps the estimate exact too.
        return new FileSchema(DataFormat.parquet(), columns, "none", metadata.getNum_rows(), file.length(), 0);
    }

    private static FileMetaData metadata(RangedInputFile file) {
        long length = file.length();
        if (length < MAGIC.length + TAIL) {
            throw notParquet(length + " bytes is too short for a Parquet file");
        }
        byte[] tail = file.readFully(length - TAIL, TAIL);
        if (!isParquet(Arrays.copyOfRange(tail, 4, TAIL))) {
            throw notParquet("the last 4 bytes are not the magic PAR1 (an encrypted footer ends in PARE)");
        }
        long footerLength = (tail[0] & 0xffL) | (tail[1] & 0xffL) << 8 | (tail[2] & 0xffL) << 16 | (tail[3] & 0xffL) << 24;
        if (footerLength == 0 || footerLength > length - TAIL - MAGIC.length) {
            throw notParquet("its footer length " + footerLength + " does not fit in " + length + " bytes");
        }
        byte[] footer = file.readFully(length - TAIL - footerLength, (int) footerLength);
        try {
            // Row groups (column chunks, statistics) are skipped: the schema and num_rows are all a crawler needs.
            return Util.readFileMetaData(new ByteArrayInputStream(footer), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Unable to decode the Parquet footer: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException notParquet(String why) {
        return new IllegalArgumentException("Not a readable Parquet file: " + why);
    }
}
