package io.dataplatform.testing.internal.glue;

import io.dataplatform.glue.Column;
import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a Parquet file's schema from its footer only (the last 8 bytes give the footer's length),
 * so the cost does not depend on the file's size, and maps it to Glue types as Glue does.
 */
final class ParquetFooter {
    /** Every Parquet file starts and ends with these 4 bytes. */
    static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private ParquetFooter() {
    }

    static boolean isParquet(byte[] head) {
        return head.length >= 4 && head[0] == MAGIC[0] && head[1] == MAGIC[1] && head[2] == MAGIC[2] && head[3] == MAGIC[3];
    }

    static FileSchema read(InputFile file) {
        try (ParquetFileReader reader = ParquetFileReader.open(file)) {
            ParquetMetadata footer = reader.getFooter();
            MessageType schema = footer.getFileMetaData().getSchema();
            List<Column> columns = new ArrayList<>();
            for (Type field : schema.getFields()) {
                columns.add(Column.of(ValueTypes.columnName(field.getName(), columns.size()), typeOf(field)));
            }
            long rows = footer.getBlocks().stream().mapToLong(b -> b.getRowCount()).sum();
            // The footer's row count is exact; sizing the "sample" as the whole file keeps the estimate exact too.
            return new FileSchema(DataFormat.parquet(), columns, "none", rows, file.getLength(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GlueType typeOf(Type type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (!type.isPrimitive()) {
            GroupType group = type.asGroupType();
            if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && group.getFieldCount() == 1) {
                Type repeated = group.getType(0);
                // Standard 3-level list: repeated group "list" with one "element"; legacy 2-level: the repeated field itself.
                Type element = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1
                        ? repeated.asGroupType().getType(0) : repeated;
                return GlueType.array(typeOf(element));
            }
            if ((logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                    || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) && group.getFieldCount() == 1) {
                GroupType entry = group.getType(0).asGroupType();
                return GlueType.map(typeOf(entry.getType(0)), typeOf(entry.getType(1)));
            }
            List<GlueType.Field> fields = new ArrayList<>();
            for (Type field : group.getFields()) {
                fields.add(GlueType.Field.of(field.getName(), typeOf(field)));
            }
            GlueType struct = GlueType.struct(fields);
            return type.isRepetition(Type.Repetition.REPEATED) ? GlueType.array(struct) : struct;
        }
        GlueType primitive = primitive(type.asPrimitiveType(), logical);
        return type.isRepetition(Type.Repetition.REPEATED) ? GlueType.array(primitive) : primitive;
    }

    private static GlueType primitive(PrimitiveType type, LogicalTypeAnnotation logical) {
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            return GlueType.decimal(decimal.getPrecision(), decimal.getScale());
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return GlueType.DATE;
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
            return GlueType.TIMESTAMP;
        }
        if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer) {
            return switch (integer.getBitWidth()) {
                case 8 -> GlueType.TINYINT;
                case 16 -> GlueType.SMALLINT;
                case 32 -> GlueType.INT;
                default -> GlueType.BIGINT;
            };
        }
        if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
            return GlueType.STRING;
        }
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> GlueType.BOOLEAN;
            case INT32 -> GlueType.INT;
            case INT64 -> GlueType.BIGINT;
            case INT96 -> GlueType.TIMESTAMP;
            case FLOAT -> GlueType.FLOAT;
            case DOUBLE -> GlueType.DOUBLE;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> GlueType.BINARY;
        };
    }
}
