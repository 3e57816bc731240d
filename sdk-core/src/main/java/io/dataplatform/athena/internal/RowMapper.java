package io.dataplatform.athena.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dataplatform.DataPlatformException;
import io.dataplatform.athena.ResultColumn;
import io.dataplatform.internal.Lazy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps rows onto records and POJOs with Jackson: each row becomes a map of typed values (numbers,
 * booleans, dates, lists by Athena type) that Jackson converts, so it coerces as it would for JSON.
 * A {@code snake_case} column also answers to its {@code camelCase} name.
 */
final class RowMapper {
    /** Built on first use: Jackson's start costs a platform that never maps a row a few hundred milliseconds. */
    private final Lazy<ObjectMapper> mapper = Lazy.of(() -> JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build());

    <T> T map(DefaultRow row, Class<T> type) {
        List<ResultColumn> columns = row.columns();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn column = columns.get(i);
            Object value = AthenaValues.typed(column.type(), row.values().get(i));
            values.put(column.name(), value);
            String camel = camelCase(column.name());
            values.putIfAbsent(camel, value);
        }
        try {
            return mapper.get().convertValue(values, type);
        } catch (IllegalArgumentException e) {
            throw new DataPlatformException("Cannot map row " + row.values() + " with columns "
                    + columns.stream().map(ResultColumn::name).toList() + " onto " + type.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    static String camelCase(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
