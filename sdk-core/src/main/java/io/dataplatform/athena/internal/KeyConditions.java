package io.dataplatform.athena.internal;

import io.dataplatform.athena.sql.StatementReads.KeyCondition;
import io.dataplatform.athena.sql.StatementReads.Literal;
import io.trino.sql.tree.ArithmeticUnaryExpression;
import io.trino.sql.tree.BetweenPredicate;
import io.trino.sql.tree.Cast;
import io.trino.sql.tree.ComparisonExpression;
import io.trino.sql.tree.DecimalLiteral;
import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.DoubleLiteral;
import io.trino.sql.tree.Expression;
import io.trino.sql.tree.GenericDataType;
import io.trino.sql.tree.GenericLiteral;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.InListExpression;
import io.trino.sql.tree.InPredicate;
import io.trino.sql.tree.LogicalExpression;
import io.trino.sql.tree.LongLiteral;
import io.trino.sql.tree.Parameter;
import io.trino.sql.tree.StringLiteral;
import io.trino.sql.tree.TimestampLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the conditions that can prune partitions out of a WHERE or ON clause: the top-level
 * conjuncts of the form {@code column = literal}, {@code column IN (literal, ..)}, a comparison or
 * {@code column BETWEEN literal AND literal}. Anything else (OR, NOT, a function of the column, a
 * column compared with a column) is no condition, so it prunes nothing.
 */
final class KeyConditions {

    private KeyConditions() {
    }

    /**
     * A condition on a column as written.
     *
     * @param qualifier the alias or table name before the column, or null
     * @param column    the column
     */
    record ColumnCondition(String qualifier, String column, List<Literal> values, Literal lower, boolean lowerInclusive,
                           Literal upper, boolean upperInclusive) {
        KeyCondition toKeyCondition(boolean qualified) {
            return new KeyCondition(qualified, column, values, lower, lowerInclusive, upper, upperInclusive);
        }
    }

    private record Column(String qualifier, String name) {
    }

    /** Splits {@code a AND (b AND c)} into {@code a, b, c}. */
    static List<Expression> conjuncts(Expression expression) {
        List<Expression> out = new ArrayList<>();
        if (expression instanceof LogicalExpression logical && logical.getOperator() == LogicalExpression.Operator.AND) {
            logical.getTerms().forEach(term -> out.addAll(conjuncts(term)));
        } else {
            out.add(expression);
        }
        return out;
    }

    /** Reads one conjunct; {@code parameters} are the parsed literals of the {@code ?} placeholders. */
    static Optional<ColumnCondition> read(Expression conjunct, List<Optional<Expression>> parameters) {
        if (conjunct instanceof ComparisonExpression comparison) {
            return comparison(comparison, parameters);
        }
        if (conjunct instanceof InPredicate in && in.getValueList() instanceof InListExpression list) {
            Optional<Column> column = column(in.getValue());
            List<Literal> values = new ArrayList<>();
            for (Expression value : list.getValues()) {
                Optional<Literal> literal = literal(value, parameters);
                if (literal.isEmpty()) {
                    return Optional.empty();
                }
                values.add(literal.get());
            }
            return column.map(c -> new ColumnCondition(c.qualifier(), c.name(), values, null, false, null, false));
        }
        if (conjunct instanceof BetweenPredicate between) {
            Optional<Column> column = column(between.getValue());
            Optional<Literal> min = literal(between.getMin(), parameters);
            Optional<Literal> max = literal(between.getMax(), parameters);
            if (column.isPresent() && min.isPresent() && max.isPresent()) {
                return Optional.of(new ColumnCondition(column.get().qualifier(), column.get().name(), List.of(),
                        min.get(), true, max.get(), true));
            }
        }
        return Optional.empty();
    }

    private static Optional<ColumnCondition> comparison(ComparisonExpression comparison, List<Optional<Expression>> parameters) {
        ComparisonExpression.Operator operator = comparison.getOperator();
        Optional<Column> column = column(comparison.getLeft());
        Optional<Literal> literal = literal(comparison.getRight(), parameters);
        if (column.isEmpty()) {
            // literal op column reads as column (flipped op) literal.
            column = column(comparison.getRight());
            literal = literal(comparison.getLeft(), parameters);
            operator = operator.flip();
        }
        if (column.isEmpty() || literal.isEmpty()) {
            return Optional.empty();
        }
        String qualifier = column.get().qualifier();
        String name = column.get().name();
        Literal value = literal.get();
        return switch (operator) {
            case EQUAL -> Optional.of(new ColumnCondition(qualifier, name, List.of(value), null, false, null, false));
            case LESS_THAN -> Optional.of(new ColumnCondition(qualifier, name, List.of(), null, false, value, false));
            case LESS_THAN_OR_EQUAL -> Optional.of(new ColumnCondition(qualifier, name, List.of(), null, false, value, true));
            case GREATER_THAN -> Optional.of(new ColumnCondition(qualifier, name, List.of(), value, false, null, false));
            case GREATER_THAN_OR_EQUAL -> Optional.of(new ColumnCondition(qualifier, name, List.of(), value, true, null, false));
            default -> Optional.empty();
        };
    }

    /** {@code col} or {@code t.col}; a longer path ({@code db.t.col}, a row field) is not read. */
    private static Optional<Column> column(Expression expression) {
        if (expression instanceof Identifier identifier) {
            return Optional.of(new Column(null, SqlAnalyzer.lower(identifier.getValue())));
        }
        if (expression instanceof DereferenceExpression dereference && dereference.getBase() instanceof Identifier base
                && dereference.getField().isPresent()) {
            return Optional.of(new Column(SqlAnalyzer.lower(base.getValue()),
                    SqlAnalyzer.lower(dereference.getField().get().getValue())));
        }
        return Optional.empty();
    }

    /** A literal and the type Trino gives it; empty for anything whose value is not plain. */
    static Optional<Literal> literal(Expression expression, List<Optional<Expression>> parameters) {
        if (expression instanceof Parameter parameter) {
            int id = parameter.getId();
            return id < parameters.size() && parameters.get(id).isPresent() && !(parameters.get(id).get() instanceof Parameter)
                    ? literal(parameters.get(id).get(), parameters) : Optional.empty();
        }
        if (expression instanceof StringLiteral string) {
            return Optional.of(new Literal(Literal.Type.STRING, string.getValue()));
        }
        if (expression instanceof LongLiteral number) {
            return Optional.of(new Literal(Literal.Type.NUMBER, number.getValue().replace("_", "")));
        }
        if (expression instanceof DecimalLiteral number) {
            return Optional.of(new Literal(Literal.Type.NUMBER, number.getValue().replace("_", "")));
        }
        if (expression instanceof DoubleLiteral number) {
            return Optional.of(new Literal(Literal.Type.NUMBER, Double.toString(number.getValue())));
        }
        if (expression instanceof ArithmeticUnaryExpression unary) {
            return literal(unary.getValue(), List.of()).filter(l -> l.type() == Literal.Type.NUMBER)
                    .map(l -> unary.getSign() == ArithmeticUnaryExpression.Sign.MINUS ? negate(l) : l);
        }
        if (expression instanceof TimestampLiteral timestamp) {
            return Optional.of(new Literal(Literal.Type.TIMESTAMP, timestamp.getValue()));
        }
        if (expression instanceof GenericLiteral generic) {
            return typed(generic.getType(), generic.getValue());
        }
        if (expression instanceof Cast cast && !cast.isSafe() && cast.getType() instanceof GenericDataType type
                && type.getArguments().isEmpty()) {
            return literal(cast.getExpression(), parameters).flatMap(l -> cast(l, type.getName().getValue()));
        }
        return Optional.empty();
    }

    private static Literal negate(Literal number) {
        String text = number.text();
        return new Literal(Literal.Type.NUMBER, text.startsWith("-") ? text.substring(1) : "-" + text);
    }

    /** {@code DATE '..'}, {@code TIMESTAMP '..'}, {@code DECIMAL '..'}, {@code BIGINT '..'} ... */
    private static Optional<Literal> typed(String type, String value) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "date" -> Optional.of(new Literal(Literal.Type.DATE, value.trim()));
            case "timestamp" -> Optional.of(new Literal(Literal.Type.TIMESTAMP, value.trim()));
            case "tinyint", "smallint", "integer", "int", "bigint", "decimal", "double", "real" ->
                    Optional.of(new Literal(Literal.Type.NUMBER, value.trim()));
            case "varchar" -> Optional.of(new Literal(Literal.Type.STRING, value));
            default -> Optional.empty();
        };
    }

    /**
     * {@code CAST(literal AS type)} for the casts whose result is the literal's text: to varchar,
     * from a string to date or timestamp, and from an integer to an integer type. Others (a cast
     * that rounds, {@code CAST(2.5 AS integer)} = 3) are no literal.
     */
    private static Optional<Literal> cast(Literal literal, String type) {
        String target = type.toLowerCase(Locale.ROOT);
        boolean integer = literal.type() == Literal.Type.NUMBER && literal.text().matches("-?\\d+");
        return switch (target) {
            case "varchar" -> literal.type() == Literal.Type.STRING || integer
                    ? Optional.of(new Literal(Literal.Type.STRING, literal.text())) : Optional.empty();
            case "date", "timestamp" -> literal.type() == Literal.Type.STRING ? typed(target, literal.text()) : Optional.empty();
            case "tinyint", "smallint", "integer", "int", "bigint" -> integer ? Optional.of(literal) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
