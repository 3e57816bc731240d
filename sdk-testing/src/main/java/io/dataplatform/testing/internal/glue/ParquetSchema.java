package io.dataplatform.testing.internal.glue;

import io.dataplatform.glue.GlueType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;

/**
 * A Parquet footer's schema as a tree, and its Glue types. The footer stores the schema flattened
 * depth-first: each group gives its {@code num_children}, and its children follow it.
 */
final class ParquetSchema {

    /** One field of the schema: a group (no physical type) with its children, or a primitive. */
    record Node(SchemaElement element, List<Node> children) {
        boolean isGroup() {
            return !element.isSetType();
        }

        boolean isRepeated() {
            return element.getRepetition_type() == FieldRepetitionType.REPEATED;
        }
    }

    /** What a converted type or logical type annotates, as far as Glue's types tell apart. */
    private enum Kind { LIST, MAP, DECIMAL, DATE, TIMESTAMP, INTEGER, STRING, NONE }

    private record Annotation(Kind kind, int bits, int precision, int scale) {
        static Annotation of(Kind kind) {
            return new Annotation(kind, 0, 0, 0);
        }
    }

    private ParquetSchema() {
    }

    /** Rebuilds the tree from the flattened {@code elements}; the first is the root (the message). */
    static Node tree(List<SchemaElement> elements) {
        if (elements == null || elements.isEmpty()) {
            throw new IllegalArgumentException("The Parquet footer has no schema");
        }
        int[] next = {0};
        Node root = node(elements, next);
        if (next[0] != elements.size()) {
            throw new IllegalArgumentException("The Parquet footer's schema has " + elements.size()
                    + " elements but its root's num_children cover " + next[0]);
        }
        return root;
    }

    private static Node node(List<SchemaElement> elements, int[] next) {
        if (next[0] >= elements.size()) {
            throw new IllegalArgumentException("The Parquet footer's schema ends inside a group: num_children promise more than "
                    + elements.size() + " elements");
        }
        SchemaElement element = elements.get(next[0]++);
        int count = element.isSetNum_children() ? element.getNum_children() : 0;
        List<Node> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            children.add(node(elements, next));
        }
        return new Node(element, List.copyOf(children));
    }

    /** Returns the Glue type of {@code node}; a REPEATED field outside a LIST or MAP is an array of its type. */
    static GlueType typeOf(Node node) {
        GlueType type = ownType(node);
        return node.isRepeated() ? GlueType.array(type) : type;
    }

    /** The type of {@code node} disregarding its own repetition. */
    private static GlueType ownType(Node node) {
        Annotation annotation = annotation(node.element());
        if (!node.isGroup()) {
            return primitive(node.element(), annotation);
        }
        List<Node> children = node.children();
        if (annotation.kind() == Kind.LIST && children.size() == 1) {
            Node repeated = children.get(0);
            // Standard 3-level list: repeated group "list" with one "element"; legacy 2-level: the repeated field itself.
            return repeated.isGroup() && repeated.children().size() == 1
                    ? GlueType.array(typeOf(repeated.children().get(0)))
                    : GlueType.array(ownType(repeated));
        }
        if (annotation.kind() == Kind.MAP && children.size() == 1) {
            Node entry = children.get(0);
            if (!entry.isGroup() || entry.children().size() != 2) {
                throw new IllegalArgumentException("Parquet map '" + node.element().getName()
                        + "' must hold one repeated group of a key and a value, but holds '" + entry.element().getName() + "'");
            }
            return GlueType.map(typeOf(entry.children().get(0)), typeOf(entry.children().get(1)));
        }
        List<GlueType.Field> fields = new ArrayList<>();
        for (Node child : children) {
            fields.add(GlueType.Field.of(child.element().getName(), typeOf(child)));
        }
        return GlueType.struct(fields);
    }

    private static GlueType primitive(SchemaElement element, Annotation annotation) {
        switch (annotation.kind()) {
            case DECIMAL:
                return GlueType.decimal(annotation.precision(), annotation.scale());
            case DATE:
                return GlueType.DATE;
            case TIMESTAMP:
                return GlueType.TIMESTAMP;
            case INTEGER:
                return switch (annotation.bits()) {
                    case 8 -> GlueType.TINYINT;
                    case 16 -> GlueType.SMALLINT;
                    case 32 -> GlueType.INT;
                    default -> GlueType.BIGINT;
                };
            case STRING:
                return GlueType.STRING;
            default:
                break;
        }
        return switch (element.getType()) {
            case BOOLEAN -> GlueType.BOOLEAN;
            case INT32 -> GlueType.INT;
            case INT64 -> GlueType.BIGINT;
            case INT96 -> GlueType.TIMESTAMP;
            case FLOAT -> GlueType.FLOAT;
            case DOUBLE -> GlueType.DOUBLE;
            case BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY -> GlueType.BINARY;
        };
    }

    /**
     * The annotation as Parquet's own reader resolves it: a converted type, when present, wins (a
     * writer sets both to agree); otherwise the logical type.
     */
    private static Annotation annotation(SchemaElement element) {
        if (element.isSetConverted_type()) {
            return converted(element.getConverted_type(), element);
        }
        return element.isSetLogicalType() ? logical(element.getLogicalType()) : Annotation.of(Kind.NONE);
    }

    private static Annotation converted(ConvertedType type, SchemaElement element) {
        return switch (type) {
            case LIST -> Annotation.of(Kind.LIST);
            case MAP, MAP_KEY_VALUE -> Annotation.of(Kind.MAP);
            case DECIMAL -> new Annotation(Kind.DECIMAL, 0, element.getPrecision(), element.getScale());
            case DATE -> Annotation.of(Kind.DATE);
            case TIMESTAMP_MILLIS, TIMESTAMP_MICROS -> Annotation.of(Kind.TIMESTAMP);
            case INT_8, UINT_8 -> new Annotation(Kind.INTEGER, 8, 0, 0);
            case INT_16, UINT_16 -> new Annotation(Kind.INTEGER, 16, 0, 0);
            case INT_32, UINT_32 -> new Annotation(Kind.INTEGER, 32, 0, 0);
            case INT_64, UINT_64 -> new Annotation(Kind.INTEGER, 64, 0, 0);
            case UTF8, ENUM, JSON -> Annotation.of(Kind.STRING);
            default -> Annotation.of(Kind.NONE);
        };
    }

    private static Annotation logical(LogicalType type) {
        if (type.isSetLIST()) {
            return Annotation.of(Kind.LIST);
        }
        if (type.isSetMAP()) {
            return Annotation.of(Kind.MAP);
        }
        if (type.isSetDECIMAL()) {
            return new Annotation(Kind.DECIMAL, 0, type.getDECIMAL().getPrecision(), type.getDECIMAL().getScale());
        }
        if (type.isSetDATE()) {
            return Annotation.of(Kind.DATE);
        }
        if (type.isSetTIMESTAMP()) {
            return Annotation.of(Kind.TIMESTAMP);
        }
        if (type.isSetINTEGER()) {
            return new Annotation(Kind.INTEGER, type.getINTEGER().getBitWidth(), 0, 0);
        }
        if (type.isSetSTRING() || type.isSetENUM() || type.isSetJSON()) {
            return Annotation.of(Kind.STRING);
        }
        return Annotation.of(Kind.NONE);
    }
}
