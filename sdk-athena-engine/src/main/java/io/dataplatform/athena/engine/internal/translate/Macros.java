package io.dataplatform.athena.engine.internal.translate;

import java.util.List;

/**
 * DuckDB macros that give Trino's behaviour where DuckDB's differs (failing subscripts, NULL for no
 * match, division by zero as an error, ...). The engine creates them once on each new connection.
 */
final class Macros {
    private static final String SEQUENCE_DIRECTION = "sequence stop value should be greater than or equal to start value if "
            + "step is greater than zero otherwise stop should be less than or equal to start";
    private static final String SEQUENCE_LENGTH = "result of sequence function must not have more than 10000 entries";
    static final List<String> ALL = List.of(
            // java.lang.Math's answers outside the functions' domains, which Trino returns and DuckDB refuses.
            "CREATE OR REPLACE MACRO trino_sqrt(x) AS CASE WHEN x < 0 THEN CAST('NaN' AS DOUBLE) ELSE sqrt(x) END",
            "CREATE OR REPLACE MACRO trino_ln(x) AS CASE WHEN x < 0 THEN CAST('NaN' AS DOUBLE) "
                    + "WHEN x = 0 THEN CAST('-Infinity' AS DOUBLE) ELSE ln(x) END",
            "CREATE OR REPLACE MACRO trino_log2(x) AS CASE WHEN x < 0 THEN CAST('NaN' AS DOUBLE) "
                    + "WHEN x = 0 THEN CAST('-Infinity' AS DOUBLE) ELSE log2(x) END",
            "CREATE OR REPLACE MACRO trino_log10(x) AS CASE WHEN x < 0 THEN CAST('NaN' AS DOUBLE) "
                    + "WHEN x = 0 THEN CAST('-Infinity' AS DOUBLE) ELSE log10(x) END",
            "CREATE OR REPLACE MACRO trino_asin(x) AS CASE WHEN x < -1 OR x > 1 THEN CAST('NaN' AS DOUBLE) ELSE asin(x) END",
            "CREATE OR REPLACE MACRO trino_acos(x) AS CASE WHEN x < -1 OR x > 1 THEN CAST('NaN' AS DOUBLE) ELSE acos(x) END",
            // Trino compares doubles as Java does: NaN is equal to nothing, itself included, and neither less nor
            // greater than anything; DuckDB holds NaN equal to itself and above every number.
            "CREATE OR REPLACE MACRO trino_float_compare(a, b, compared, on_nan) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL "
                    + "WHEN isnan(CAST(a AS DOUBLE)) OR isnan(CAST(b AS DOUBLE)) THEN on_nan ELSE compared END",
            "CREATE OR REPLACE MACRO trino_array_eq(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN len(a) <> len(b) THEN false "
                    + "WHEN len(a) > 0 AND list_bool_or(list_transform(range(1, len(a) + 1), i -> a[i] IS NOT NULL AND b[i] IS NOT NULL "
                    + "AND a[i] <> b[i])) THEN false WHEN list_count(a) < len(a) OR list_count(b) < len(b) THEN NULL ELSE true END",
            "CREATE OR REPLACE MACRO trino_float_array_eq(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN len(a) <> len(b) THEN false "
                    + "WHEN len(a) > 0 AND list_bool_or(list_transform(range(1, len(a) + 1), i -> a[i] IS NOT NULL AND b[i] IS NOT NULL "
                    + "AND (a[i] <> b[i] OR isnan(a[i])))) THEN false WHEN list_count(a) < len(a) OR list_count(b) < len(b) THEN NULL ELSE true END",
            // Trino's Timestamps.roundDiv on epoch microseconds: a half rounds up (towards the future), before 1970 too.
            "CREATE OR REPLACE MACRO trino_round_timestamp(t, f) AS make_timestamp(((epoch_us(t) + f // 2) // f "
                    + "- CASE WHEN (epoch_us(t) + f // 2) % f < 0 THEN 1 ELSE 0 END) * f)",
            "CREATE OR REPLACE MACRO trino_idiv(a, b) AS CASE WHEN b = 0 THEN error('DIVISION_BY_ZERO: Division by zero') ELSE a // b END",
            // Trino's round(integral, n) for n < 0: half away from zero in a bigint, an overflow failing (10^19 and up
            // overflows as a factor, whatever x is); the caller checks the result against its narrower type.
            "CREATE OR REPLACE MACRO trino_round_integral(x, n) AS CASE WHEN n >= 0 THEN CAST(x AS HUGEINT) "
                    + "WHEN n < -18 OR abs(CAST(x AS HUGEINT)) + CAST(pow(10, -n) AS HUGEINT) // 2 >= CAST(pow(10, -n) AS HUGEINT) "
                    + "AND (abs(CAST(x AS HUGEINT)) + CAST(pow(10, -n) AS HUGEINT) // 2) // CAST(pow(10, -n) AS HUGEINT) "
                    + "* CAST(pow(10, -n) AS HUGEINT) > 9223372036854775807 "
                    + "THEN error('NUMERIC_VALUE_OUT_OF_RANGE: numerical overflow: ' || x) "
                    + "ELSE sign(x) * ((abs(CAST(x AS HUGEINT)) + CAST(pow(10, -n) AS HUGEINT) // 2) // CAST(pow(10, -n) AS HUGEINT) "
                    + "* CAST(pow(10, -n) AS HUGEINT)) END",
            "CREATE OR REPLACE MACRO trino_decimal_overflow_checked(v, int_digits) AS CASE WHEN v IS NOT NULL "
                    + "AND split_part(CAST(abs(v) AS VARCHAR), '.', 1) NOT IN ('', '0') "
                    + "AND length(split_part(CAST(abs(v) AS VARCHAR), '.', 1)) > int_digits "
                    + "THEN error('NUMERIC_VALUE_OUT_OF_RANGE: Decimal overflow') ELSE v END",
            // Trino's map_from_entries and transform_keys fail on a NULL key; DuckDB's map_from_entries with GENERIC_INTERNAL_ERROR.
            "CREATE OR REPLACE MACRO trino_map_from_keyed_entries(l) AS CASE WHEN list_count(list_transform(l, x -> x.key)) < len(l) "
                    + "THEN error('INVALID_FUNCTION_ARGUMENT: map key cannot be null') ELSE map_from_entries(l) END",
            "CREATE OR REPLACE MACRO trino_narrow(v, lo, hi, name) AS CASE WHEN v < lo OR v > hi "
                    + "THEN error('NUMERIC_VALUE_OUT_OF_RANGE: Out of range for ' || name || ': ' || v) ELSE v END",
            "CREATE OR REPLACE MACRO trino_mod(a, b) AS CASE WHEN b = 0 THEN error('DIVISION_BY_ZERO: Division by zero') ELSE a % b END",
            // Exact decimal division: unscaled integers divided with rounding half away from zero, as Trino's.
            "CREATE OR REPLACE MACRO trino_round_div(n, d) AS CASE WHEN d = 0 THEN error('DIVISION_BY_ZERO: Division by zero') "
                    + "ELSE (n // d) + CASE WHEN 2 * abs(n % d) >= abs(d) THEN sign(n) * sign(d) ELSE 0 END END",
            "CREATE OR REPLACE MACRO trino_round_div_or_null(n, d) AS CASE WHEN d = 0 THEN NULL "
                    + "ELSE (n // d) + CASE WHEN 2 * abs(n % d) >= abs(d) THEN sign(n) * sign(d) ELSE 0 END END",
            "CREATE OR REPLACE MACRO trino_padded(t, s) AS lpad(t, CAST(greatest(length(t), s + 1) AS INTEGER), '0')",
            "CREATE OR REPLACE MACRO trino_unscaled_text(q, s) AS (CASE WHEN q < 0 THEN '-' ELSE '' END) "
                    + "|| CASE WHEN s = 0 THEN CAST(abs(q) AS VARCHAR) ELSE "
                    + "left(trino_padded(CAST(abs(q) AS VARCHAR), s), length(trino_padded(CAST(abs(q) AS VARCHAR), s)) - s) "
                    + "|| '.' || right(trino_padded(CAST(abs(q) AS VARCHAR), s), s) END",
            "CREATE OR REPLACE MACRO trino_subscript(a, i) AS CASE "
                    + "WHEN i = 0 THEN error('INVALID_FUNCTION_ARGUMENT: SQL array indices start at 1') "
                    + "WHEN i < 0 THEN error('INVALID_FUNCTION_ARGUMENT: Array subscript is negative: ' || i) "
                    + "WHEN i > len(a) THEN error('INVALID_FUNCTION_ARGUMENT: Array subscript must be less than or equal to array length: ' "
                    + "|| i || ' > ' || len(a)) ELSE a[i] END",
            "CREATE OR REPLACE MACRO trino_subscript_or_null(a, i) AS CASE WHEN i BETWEEN 1 AND len(a) THEN a[i] END",
            "CREATE OR REPLACE MACRO trino_element_at(a, i) AS CASE "
                    + "WHEN i = 0 THEN error('INVALID_FUNCTION_ARGUMENT: SQL array indices start at 1') "
                    + "WHEN abs(i) > len(a) THEN NULL WHEN i > 0 THEN a[i] ELSE a[len(a) + i + 1] END",
            "CREATE OR REPLACE MACRO trino_map_subscript(m, k) AS CASE WHEN NOT list_contains(map_keys(m), k) "
                    + "THEN error('INVALID_FUNCTION_ARGUMENT: Key not present in map: ' || k) ELSE m[k] END",
            "CREATE OR REPLACE MACRO trino_element_at_map(m, k) AS m[k]",
            "CREATE OR REPLACE MACRO trino_map(k, v) AS CASE WHEN len(k) <> len(v) "
                    + "THEN error('INVALID_FUNCTION_ARGUMENT: Key and value arrays must be the same length') "
                    + "WHEN list_count(k) < len(k) THEN error('INVALID_FUNCTION_ARGUMENT: map key cannot be null') "
                    // Trino names the first key that repeats an earlier one.
                    + "WHEN len(list_distinct(k)) < len(k) THEN error('INVALID_FUNCTION_ARGUMENT: Duplicate map keys (' "
                    + "|| CAST(k[list_filter(range(1, len(k) + 1), i -> list_position(k, k[i]) < i)[1]] AS VARCHAR) || ') are not allowed') "
                    + "ELSE map(k, v) END",
            "CREATE OR REPLACE MACRO trino_lpad(s, n, p) AS CASE WHEN p = '' THEN "
                    + "error('INVALID_FUNCTION_ARGUMENT: Padding string must not be empty') WHEN n < 0 OR n > 2147483647 THEN "
                    + "error('INVALID_FUNCTION_ARGUMENT: Target length must be in the range [0..2147483647]') "
                    + "ELSE lpad(s, CAST(n AS INTEGER), p) END",
            "CREATE OR REPLACE MACRO trino_rpad(s, n, p) AS CASE WHEN p = '' THEN "
                    + "error('INVALID_FUNCTION_ARGUMENT: Padding string must not be empty') WHEN n < 0 OR n > 2147483647 THEN "
                    + "error('INVALID_FUNCTION_ARGUMENT: Target length must be in the range [0..2147483647]') "
                    + "ELSE rpad(s, CAST(n AS INTEGER), p) END",
            "CREATE OR REPLACE MACRO trino_substr(s, start, n) AS CASE "
                    + "WHEN start = 0 OR abs(start) > length(s) OR n <= 0 THEN '' "
                    + "WHEN n IS NULL THEN substr(s, CAST(CASE WHEN start < 0 THEN length(s) + start + 1 ELSE start END AS BIGINT)) "
                    // Trino saturates the length to an int; from the end, its int sum start + length overflows.
                    + "WHEN start < 0 AND length(s) + start + least(n, 2147483647) > 2147483647 THEN error('NOT_SUPPORTED: substring from the "
                    + "end with a length past 2147483647 characters is not supported by the fake Athena') "
                    + "ELSE substr(s, CAST(CASE WHEN start < 0 THEN length(s) + start + 1 ELSE start END AS BIGINT), CAST(least(n, 2147483647) AS BIGINT)) END",
            // substr of a varbinary counts bytes: each is two hex digits.
            "CREATE OR REPLACE MACRO trino_varbinary_substr(b, start, n) AS unhex(CASE "
                    + "WHEN start = 0 OR abs(start) > octet_length(b) OR n <= 0 THEN '' "
                    + "ELSE substr(hex(b), CAST(2 * (CASE WHEN start < 0 THEN octet_length(b) + start + 1 ELSE start END) - 1 AS BIGINT), "
                    + "CAST(2 * n AS BIGINT)) END)",
            "CREATE OR REPLACE MACRO trino_strpos_instance(s, sub, n) AS CASE "
                    + "WHEN n = 0 THEN error('INVALID_FUNCTION_ARGUMENT: ''instance'' must be a positive or negative number.') "
                    + "ELSE coalesce(list_filter(range(1, length(s) + 1), i -> substr(s, i, length(sub)) = sub)[n], 0) END",
            // Trino's sequence(start, stop, step) checks: SequenceFunction's messages. Integers are counted without
            // building the list (a sequence of a billion would otherwise be built before it is refused).
            "CREATE OR REPLACE MACRO trino_sequence(a, b, step) AS CASE "
                    + "WHEN step = 0 THEN error('INVALID_FUNCTION_ARGUMENT: step must not be zero') "
                    + "WHEN (step > 0 AND a > b) OR (step < 0 AND a < b) THEN error('INVALID_FUNCTION_ARGUMENT: " + SEQUENCE_DIRECTION + "') "
                    + "WHEN (CAST(b AS HUGEINT) - a) // step + 1 > 10000 THEN error('INVALID_FUNCTION_ARGUMENT: " + SEQUENCE_LENGTH + "') "
                    + "ELSE generate_series(a, b, step) END",
            "CREATE OR REPLACE MACRO trino_temporal_sequence(a, b, step) AS CASE "
                    + "WHEN step = INTERVAL 0 DAY THEN error('INVALID_FUNCTION_ARGUMENT: step must not be zero') "
                    + "WHEN (step > INTERVAL 0 DAY AND a > b) OR (step < INTERVAL 0 DAY AND a < b) THEN "
                    + "error('INVALID_FUNCTION_ARGUMENT: " + SEQUENCE_DIRECTION + "') "
                    + "WHEN len(generate_series(a, b, step)) > 10000 THEN error('INVALID_FUNCTION_ARGUMENT: " + SEQUENCE_LENGTH + "') "
                    + "ELSE generate_series(a, b, step) END",
            "CREATE OR REPLACE MACRO trino_split(s, d) AS CASE "
                    + "WHEN d = '' THEN error('INVALID_FUNCTION_ARGUMENT: The delimiter may not be the empty string') "
                    + "ELSE string_split(s, d) END",
            "CREATE OR REPLACE MACRO trino_split_limit(s, d, n) AS CASE "
                    + "WHEN d = '' THEN error('INVALID_FUNCTION_ARGUMENT: The delimiter may not be the empty string') "
                    + "WHEN n <= 0 THEN error('INVALID_FUNCTION_ARGUMENT: Limit must be positive') "
                    + "WHEN len(string_split(s, d)) <= n THEN string_split(s, d) "
                    + "ELSE list_concat(list_slice(string_split(s, d), 1, n - 1), "
                    + "[array_to_string(list_slice(string_split(s, d), n, len(string_split(s, d))), d)]) END",
            "CREATE OR REPLACE MACRO trino_split_part(s, d, n) AS CASE "
                    + "WHEN n <= 0 THEN error('INVALID_FUNCTION_ARGUMENT: Index must be greater than zero') "
                    + "WHEN n > len(string_split(s, d)) THEN NULL ELSE split_part(s, d, CAST(n AS BIGINT)) END",
            "CREATE OR REPLACE MACRO trino_regexp_extract(s, p, g) AS CASE WHEN regexp_matches(s, p) THEN regexp_extract(s, p, g) END",
            // Trino gives a JSON number's text as written (1.50); DuckDB only its value, written canonically (1.5). The canonical
            // text standing as a number in the source is taken as the text written; otherwise the answer is refused.
            "CREATE OR REPLACE MACRO trino_json_number_text(src, t) AS CASE WHEN regexp_matches(CAST(src AS VARCHAR), "
                    + "'(^|[^0-9.eE+-])' || regexp_escape(t) || '($|[^0-9.eE])') THEN t ELSE error('NOT_SUPPORTED: The text of the JSON "
                    + "number ' || t || ' as written in its document is not supported by the fake Athena') END",
            "CREATE OR REPLACE MACRO trino_json_extract_scalar(j, p) AS CASE WHEN NOT json_valid(j) THEN NULL "
                    + "WHEN json_type(j, p) IN ('OBJECT', 'ARRAY') THEN NULL "
                    + "WHEN json_type(j, p) = 'DOUBLE' THEN trino_json_number_text(j, json_extract_string(j, p)) "
                    + "ELSE json_extract_string(j, p) END",
            "CREATE OR REPLACE MACRO trino_json_parse(s) AS CASE WHEN json_valid(s) THEN json(s) "
                    + "ELSE error('INVALID_FUNCTION_ARGUMENT: Cannot convert value to JSON: ''' || s || '''') END",
            "CREATE OR REPLACE MACRO trino_json_array_contains(j, v) AS CASE WHEN json_type(j) = 'ARRAY' THEN "
                    + "list_contains(list_transform(json_extract(j, '$[*]'), e -> CAST(e AS VARCHAR)), CAST(v AS VARCHAR)) END",
            "CREATE OR REPLACE MACRO trino_json_size(j, p) AS CASE WHEN NOT json_valid(j) THEN NULL ELSE CASE json_type(j, p) WHEN 'ARRAY' THEN CAST(json_array_length(j, p) AS BIGINT) "
                    + "WHEN 'OBJECT' THEN CAST(len(json_keys(j, p)) AS BIGINT) WHEN NULL THEN NULL ELSE CAST(0 AS BIGINT) END END",
            "CREATE OR REPLACE MACRO trino_contains(a, x) AS CASE WHEN a IS NULL OR x IS NULL THEN NULL "
                    + "WHEN list_contains(a, x) THEN true WHEN list_count(a) < len(a) THEN NULL ELSE false END",
            "CREATE OR REPLACE MACRO trino_any_match(l) AS CASE WHEN list_contains(l, true) THEN true "
                    + "WHEN list_count(l) < len(l) THEN NULL ELSE false END",
            "CREATE OR REPLACE MACRO trino_all_match(l) AS CASE WHEN list_contains(l, false) THEN false "
                    + "WHEN list_count(l) < len(l) THEN NULL ELSE true END",
            "CREATE OR REPLACE MACRO trino_array_distinct(a) AS list_filter(a, (x, i) -> CASE WHEN x IS NULL "
                    + "THEN list_position(list_transform(a, y -> y IS NULL), true) = i ELSE list_position(a, x) = i END)",
            "CREATE OR REPLACE MACRO trino_slice(a, s, n) AS CASE "
                    + "WHEN n < 0 THEN error('INVALID_FUNCTION_ARGUMENT: length must be greater than or equal to 0') "
                    + "WHEN s = 0 THEN error('INVALID_FUNCTION_ARGUMENT: SQL array indices start at 1') "
                    + "WHEN s > 0 THEN list_slice(a, s, s + n - 1) "
                    + "WHEN len(a) + s < 0 THEN list_slice(a, 1, 0) ELSE list_slice(a, len(a) + s + 1, len(a) + s + n) END",
            "CREATE OR REPLACE MACRO trino_map_agg(ks, vs) AS map("
                    + "list_filter(ks, (k, i) -> k IS NOT NULL AND list_position(ks, k) = i), "
                    + "list_filter(vs, (v, i) -> ks[i] IS NOT NULL AND list_position(ks, ks[i]) = i))",
            "CREATE OR REPLACE MACRO trino_millisecond(t) AS millisecond(t) % 1000",
            // Trino 476 casts a double to varchar in scientific notation at every magnitude (1.5E0, 1.0E2, 0.0E0):
            // the shortest digits that read back as the same double, with at least one digit after the point.
            "CREATE OR REPLACE MACRO trino_sci_plain(t) AS "
                    + "substr(rtrim(ltrim(replace(t, '.', ''), '0'), '0'), 1, 1) || '.' || coalesce(nullif("
                    + "substr(rtrim(ltrim(replace(t, '.', ''), '0'), '0'), 2), ''), '0') || 'E' || "
                    + "((CASE WHEN strpos(t, '.') > 0 THEN strpos(t, '.') - 1 ELSE length(t) END) "
                    + "- (length(replace(t, '.', '')) - length(ltrim(replace(t, '.', ''), '0'))) - 1)",
            "CREATE OR REPLACE MACRO trino_sci_exp(t) AS "
                    + "split_part(t, 'e', 1) || CASE WHEN strpos(split_part(t, 'e', 1), '.') > 0 THEN '' ELSE '.0' END "
                    + "|| 'E' || CAST(CAST(split_part(t, 'e', 2) AS INTEGER) AS VARCHAR)",
            "CREATE OR REPLACE MACRO trino_double_to_varchar(x) AS CASE WHEN x IS NULL THEN NULL "
                    + "WHEN isnan(x) THEN 'NaN' WHEN isinf(x) THEN CASE WHEN x > 0 THEN 'Infinity' ELSE '-Infinity' END "
                    + "WHEN x = 0 THEN CASE WHEN starts_with(CAST(x AS VARCHAR), '-') THEN '-0.0E0' ELSE '0.0E0' END "
                    + "ELSE (CASE WHEN x < 0 THEN '-' ELSE '' END) || CASE WHEN strpos(CAST(x AS VARCHAR), 'e') > 0 "
                    + "THEN trino_sci_exp(ltrim(CAST(x AS VARCHAR), '-')) ELSE trino_sci_plain(ltrim(CAST(x AS VARCHAR), '-')) END END",
            // SQL/JSON path steps (SqlJsonFunctions) over a JSON[] sequence of items; NULL is the strict mode's structural error.
            "CREATE OR REPLACE MACRO trino_jp_checked(l) AS CASE WHEN list_count(l) < len(l) THEN NULL ELSE l END",
            "CREATE OR REPLACE MACRO trino_jp_member_lax(s, p) AS flatten(list_transform(s, x -> CASE json_type(x) "
                    + "WHEN 'OBJECT' THEN CASE WHEN json_exists(x, p) THEN [json_extract(x, p)] ELSE [] END "
                    + "WHEN 'ARRAY' THEN list_transform(list_filter(json_extract(x, '$[*]'), e -> json_type(e) = 'OBJECT' "
                    + "AND json_exists(e, p)), e -> json_extract(e, p)) ELSE [] END))",
            "CREATE OR REPLACE MACRO trino_jp_member_strict(s, p) AS trino_jp_checked(list_transform(s, x -> "
                    + "CASE WHEN json_type(x) = 'OBJECT' AND json_exists(x, p) THEN json_extract(x, p) END))",
            "CREATE OR REPLACE MACRO trino_jp_members_lax(s) AS flatten(list_transform(s, x -> CASE json_type(x) "
                    + "WHEN 'OBJECT' THEN json_extract(x, '$.*') WHEN 'ARRAY' THEN flatten(list_transform(list_filter("
                    + "json_extract(x, '$[*]'), e -> json_type(e) = 'OBJECT'), e -> json_extract(e, '$.*'))) ELSE [] END))",
            "CREATE OR REPLACE MACRO trino_jp_members_strict(s) AS flatten(trino_jp_checked(list_transform(s, x -> "
                    + "CASE WHEN json_type(x) = 'OBJECT' THEN json_extract(x, '$.*') END)))",
            // In lax mode a non-array is taken as an array of itself.
            "CREATE OR REPLACE MACRO trino_jp_element_lax(s, n, p) AS flatten(list_transform(s, x -> CASE "
                    + "WHEN json_type(x) = 'ARRAY' THEN CASE WHEN n < json_array_length(x) THEN [json_extract(x, p)] ELSE [] END "
                    + "WHEN n = 0 THEN [x] ELSE [] END))",
            "CREATE OR REPLACE MACRO trino_jp_element_strict(s, n, p) AS trino_jp_checked(list_transform(s, x -> "
                    + "CASE WHEN json_type(x) = 'ARRAY' AND n < json_array_length(x) THEN json_extract(x, p) END))",
            "CREATE OR REPLACE MACRO trino_jp_last_lax(s) AS flatten(list_transform(s, x -> CASE WHEN json_type(x) = 'ARRAY' "
                    + "THEN CASE WHEN json_array_length(x) > 0 THEN [json_extract(x, '$[#-1]')] ELSE [] END ELSE [x] END))",
            "CREATE OR REPLACE MACRO trino_jp_last_strict(s) AS trino_jp_checked(list_transform(s, x -> "
                    + "CASE WHEN json_type(x) = 'ARRAY' AND json_array_length(x) > 0 THEN json_extract(x, '$[#-1]') END))",
            "CREATE OR REPLACE MACRO trino_jp_elements_lax(s) AS flatten(list_transform(s, x -> "
                    + "CASE WHEN json_type(x) = 'ARRAY' THEN json_extract(x, '$[*]') ELSE [x] END))",
            "CREATE OR REPLACE MACRO trino_jp_elements_strict(s) AS flatten(trino_jp_checked(list_transform(s, x -> "
                    + "CASE WHEN json_type(x) = 'ARRAY' THEN json_extract(x, '$[*]') END)))",
            // json_value's SQL value of a JSON scalar, as varchar: Trino reads a fraction as a double, which it writes as 1.5E0.
            "CREATE OR REPLACE MACRO trino_jp_scalar_text(x) AS CASE json_type(x) WHEN 'NULL' THEN NULL "
                    + "WHEN 'VARCHAR' THEN json_extract_string(x, '$') WHEN 'BOOLEAN' THEN json_extract_string(x, '$') "
                    + "WHEN 'BIGINT' THEN json_extract_string(x, '$') "
                    + "WHEN 'UBIGINT' THEN CASE WHEN CAST(json_extract_string(x, '$') AS UBIGINT) <= 9223372036854775807 "
                    + "THEN json_extract_string(x, '$') ELSE error('NOT_SUPPORTED: json_value of an integer beyond bigint is not "
                    + "supported by the fake Athena') END "
                    + "WHEN 'DOUBLE' THEN trino_double_to_varchar(CAST(json_extract_string(x, '$') AS DOUBLE)) "
                    + "ELSE error('NOT_SUPPORTED: json_value of a JSON ' || json_type(x) || ' is not supported by the fake Athena') END",
            // Trino writes a JSON double as Java does (1.0E-4, 1.2345678E7); DuckDB writes it plainly in those ranges.
            "CREATE OR REPLACE MACRO trino_jp_query_text(t) AS CASE WHEN regexp_matches(t, '[0-9][eE]|[0-9]{8,}\\.[0-9]|(^|[^0-9.])0\\.000') "
                    + "THEN error('NOT_SUPPORTED: json_query of a number Trino writes in scientific notation is not supported by the fake Athena') "
                    + "ELSE t END",
            // json_array_get: a scalar element's text (a string unquoted, a number as written), a structure's JSON.
            "CREATE OR REPLACE MACRO trino_json_element_text(src, e) AS CASE json_type(e) WHEN 'NULL' THEN NULL "
                    + "WHEN 'DOUBLE' THEN trino_json_number_text(src, json_extract_string(e, '$')) "
                    + "WHEN 'OBJECT' THEN trino_jp_query_text(CAST(e AS VARCHAR)) WHEN 'ARRAY' THEN trino_jp_query_text(CAST(e AS VARCHAR)) "
                    + "ELSE json_extract_string(e, '$') END",
            "CREATE OR REPLACE MACRO trino_json_array_get_of_valid(j, i) AS CASE WHEN j IS NULL OR json_type(j) <> 'ARRAY' "
                    + "OR i >= json_array_length(j) OR -i > json_array_length(j) THEN NULL "
                    + "ELSE trino_json_element_text(j, json_extract(j, '$[' || CASE WHEN i >= 0 THEN i ELSE json_array_length(j) + i END || ']')) END",
            // Text that is not JSON is made NULL first: DuckDB may fold a constant's later branches, which would fail on it.
            "CREATE OR REPLACE MACRO trino_json_array_get(j, i) AS trino_json_array_get_of_valid(CASE WHEN json_valid(j) THEN j END, i)",
            "CREATE OR REPLACE MACRO trino_json_extract(j, p) AS CASE WHEN json_valid(j) THEN json_extract(j, p) END",
            // The bytes of a varbinary as integers 0..255.
            "CREATE OR REPLACE MACRO trino_bytes(b) AS list_transform(range(octet_length(b)), i -> "
                    + "CAST('0x' || substr(hex(b), CAST(2 * i + 1 AS BIGINT), 2) AS BIGINT))",
            // CRC-32 (the IEEE polynomial, reflected, as java.util.zip.CRC32 that Trino uses), bit by bit.
            "CREATE OR REPLACE MACRO trino_crc32(b) AS xor(list_reduce(trino_bytes(b), (c, x) -> list_reduce(range(8), "
                    + "(acc, k) -> CASE WHEN acc & 1 = 1 THEN xor(acc >> 1, 3988292384) ELSE acc >> 1 END, xor(c, x)), "
                    + "CAST(4294967295 AS BIGINT)), CAST(4294967295 AS BIGINT))",
            // XXH64 with seed 0 (Trino's xxhash64, airlift's XxHash64) in unsigned 64-bit arithmetic: products are taken in
            // 128 bits and reduced, as DuckDB's UBIGINT fails on overflow; a value used twice is bound once through a lambda.
            "CREATE OR REPLACE MACRO trino_u64_add(a, b) AS CAST((CAST(a AS UHUGEINT) + CAST(b AS UHUGEINT)) % "
                    + "CAST('18446744073709551616' AS UHUGEINT) AS UBIGINT)",
            "CREATE OR REPLACE MACRO trino_u64_mul(a, b) AS CAST((CAST(a AS UHUGEINT) * CAST(b AS UHUGEINT)) % "
                    + "CAST('18446744073709551616' AS UHUGEINT) AS UBIGINT)",
            "CREATE OR REPLACE MACRO trino_u64_rotl(x, r) AS list_transform([CAST(x AS UBIGINT)], y -> ((y % (CAST(1 AS "
                    + "UBIGINT) << CAST(64 - r AS UBIGINT))) << CAST(r AS UBIGINT)) | (y >> CAST(64 - r AS UBIGINT)))[1]",
            "CREATE OR REPLACE MACRO trino_xx_round(acc, lane) AS trino_u64_mul(trino_u64_rotl(trino_u64_add(acc, "
                    + "trino_u64_mul(lane, 14029467366897019727)), 31), 11400714785074694791)",
            "CREATE OR REPLACE MACRO trino_xx_merge(h, v) AS trino_u64_add(trino_u64_mul(xor(h, trino_xx_round(0, v)), "
                    + "11400714785074694791), 9650029242287828579)",
            "CREATE OR REPLACE MACRO trino_le_word(bs, off, width) AS list_reduce(list_transform(range(width), k -> "
                    + "CAST(bs[off + k + 1] AS UBIGINT) << CAST(8 * k AS UBIGINT)), (p, q) -> p | q)",
            "CREATE OR REPLACE MACRO trino_xx_stripes(bs, n) AS list_transform([list_reduce(list_transform(range(n // 32), "
                    + "s -> {'a': trino_le_word(bs, s * 32, 8), 'b': trino_le_word(bs, s * 32 + 8, 8), 'c': trino_le_word(bs, s * 32 "
                    + "+ 16, 8), 'd': trino_le_word(bs, s * 32 + 24, 8)}), (v, l) -> {'a': trino_xx_round(v.a, l.a), 'b': "
                    + "trino_xx_round(v.b, l.b), 'c': trino_xx_round(v.c, l.c), 'd': trino_xx_round(v.d, l.d)}, {'a': "
                    + "CAST(6983438078262162902 AS UBIGINT), 'b': CAST(14029467366897019727 AS UBIGINT), 'c': CAST(0 AS UBIGINT), "
                    + "'d': CAST(7046029288634856825 AS UBIGINT)})], v -> "
                    + "trino_xx_merge(trino_xx_merge(trino_xx_merge(trino_xx_merge(trino_u64_add(trino_u64_add(trino_u64_rotl(v.a, "
                    + "1), trino_u64_rotl(v.b, 7)), trino_u64_add(trino_u64_rotl(v.c, 12), trino_u64_rotl(v.d, 18))), v.a), v.b), "
                    + "v.c), v.d))[1]",
            "CREATE OR REPLACE MACRO trino_xx_avalanche(h0) AS list_transform([h0], h -> list_transform([trino_u64_mul(xor(h, h >> 33), "
                    + "14029467366897019727)], h1 -> list_transform([trino_u64_mul(xor(h1, h1 >> 29), 1609587929392839161)], h2 -> "
                    + "xor(h2, h2 >> 32))[1])[1])[1]",
            "CREATE OR REPLACE MACRO trino_xx_tail(bs, n, t, h0) AS list_reduce(list_transform(range(t + (n - t) // 8 * 8 "
                    + "+ CASE WHEN (n - t) % 8 >= 4 THEN 4 ELSE 0 END, n), i -> CAST(bs[i + 1] AS UBIGINT)), (h, x) -> "
                    + "trino_u64_mul(trino_u64_rotl(xor(h, trino_u64_mul(x, 2870177450012600261)), 11), 11400714785074694791), "
                    + "list_transform([list_reduce(list_transform(range((n - t) // 8), i -> trino_le_word(bs, t + 8 * i, 8)), (h, k) "
                    + "-> trino_u64_add(trino_u64_mul(trino_u64_rotl(xor(h, trino_xx_round(0, k)), 27), 11400714785074694791), "
                    + "9650029242287828579), h0)], h -> CASE WHEN (n - t) % 8 >= 4 THEN "
                    + "trino_u64_add(trino_u64_mul(trino_u64_rotl(xor(h, trino_u64_mul(trino_le_word(bs, t + (n - t) // 8 * 8, 4), "
                    + "11400714785074694791)), 23), 14029467366897019727), 1609587929392839161) ELSE h END)[1])",
            "CREATE OR REPLACE MACRO trino_xxhash64_of(bs, n) AS trino_xx_avalanche(trino_xx_tail(bs, n, n // 32 * 32, "
                    + "trino_u64_add(CASE WHEN n >= 32 THEN trino_xx_stripes(bs, n) ELSE CAST(2870177450012600261 AS UBIGINT) END, "
                    + "n)))",
            "CREATE OR REPLACE MACRO trino_xxhash64(b) AS unhex(lpad(hex(trino_xxhash64_of(trino_bytes(b), "
                    + "octet_length(b))), 16, '0'))",
            // airlift's XxHash64.hash(long), Trino's hash of an integer of any width: XXH64 of its 8 little-endian bytes.
            "CREATE OR REPLACE MACRO trino_xx_long(x) AS trino_xx_avalanche(trino_u64_add(trino_u64_mul(trino_u64_rotl(xor("
                    + "CAST(2870177450012600269 AS UBIGINT), trino_xx_round(0, CAST((CAST(x AS HUGEINT) + CAST('18446744073709551616' AS HUGEINT)) "
                    + "% CAST('18446744073709551616' AS HUGEINT) AS UBIGINT))), 27), 11400714785074694791), 9650029242287828579))",
            // Trino's checksum state: a 64-bit sum of hash * 0x9E3779B185EBCA87, that constant alone for a NULL.
            "CREATE OR REPLACE MACRO trino_checksum_term(h) AS list_transform([h], g -> CASE WHEN g IS NULL "
                    + "THEN CAST(11400714785074694791 AS UBIGINT) ELSE trino_u64_mul(g, 11400714785074694791) END)[1]",
            // The 8 bytes of the sum, little-endian, as Trino's Slices.wrappedLongArray writes them.
            "CREATE OR REPLACE MACRO trino_checksum_bytes(total) AS list_transform([lpad(hex(CAST(total % CAST('18446744073709551616' AS HUGEINT) "
                    + "AS UBIGINT)), 16, '0')], t -> unhex(array_to_string(list_reverse(list_transform(range(8), i -> "
                    + "substr(t, CAST(2 * i + 1 AS BIGINT), 2))), '')))[1]",
            "CREATE OR REPLACE MACRO trino_human_readable_seconds(x) AS CASE WHEN x IS NULL THEN NULL WHEN isnan(x) OR isinf(x) THEN "
                    + "error('INVALID_FUNCTION_ARGUMENT: Invalid argument found: ' || CASE WHEN isnan(x) THEN 'NaN' "
                    + "WHEN x > 0 THEN 'Infinity' ELSE '-Infinity' END) "
                    + "ELSE trino_period_text(CAST(floor(abs(x) + 0.5) AS BIGINT)) END",
            "CREATE OR REPLACE MACRO trino_period_unit(n, unit) AS CASE WHEN n = 0 THEN NULL WHEN n = 1 THEN '1 ' || unit "
                    + "ELSE n || ' ' || unit || 's' END",
            "CREATE OR REPLACE MACRO trino_period_text(s) AS coalesce(nullif(concat_ws(', ', trino_period_unit(s // 604800, 'week'), "
                    + "trino_period_unit(s % 604800 // 86400, 'day'), trino_period_unit(s % 86400 // 3600, 'hour'), "
                    + "trino_period_unit(s % 3600 // 60, 'minute'), trino_period_unit(s % 60, 'second')), ''), '0 seconds')",
            "CREATE OR REPLACE MACRO trino_map_of_pairs(ps) AS CASE WHEN len(list_distinct(list_transform(ps, p -> p[1]))) < len(ps) "
                    + "THEN error('INVALID_FUNCTION_ARGUMENT: Duplicate keys (' || list_transform(ps, p -> p[1])[list_filter(range(1, "
                    + "len(ps) + 1), i -> list_position(list_transform(ps, p -> p[1]), ps[i][1]) < i)[1]] || ') are not allowed') "
                    + "ELSE map(list_transform(ps, p -> p[1]), list_transform(ps, p -> p[2])) END",
            "CREATE OR REPLACE MACRO trino_split_to_map(s, ed, kd) AS CASE "
                    + "WHEN ed = '' THEN error('INVALID_FUNCTION_ARGUMENT: entryDelimiter is empty') "
                    + "WHEN kd = '' THEN error('INVALID_FUNCTION_ARGUMENT: keyValueDelimiter is empty') "
                    + "WHEN ed = kd THEN error('INVALID_FUNCTION_ARGUMENT: entryDelimiter and keyValueDelimiter must not be the same') "
                    // A trailing entry delimiter ends the last entry; it does not start an empty one.
                    + "ELSE trino_map_of_pairs(list_transform(CASE WHEN s = '' THEN [] WHEN ends_with(s, ed) "
                    + "THEN string_split(left(s, length(s) - length(ed)), ed) ELSE string_split(s, ed) END, e -> "
                    + "CASE WHEN len(string_split(e, kd)) = 2 THEN string_split(e, kd) ELSE error('INVALID_FUNCTION_ARGUMENT: "
                    + "Key-value delimiter must appear exactly once in each entry. Bad input: ''' || e || '''') END)) END",
            "CREATE OR REPLACE MACRO trino_url_extract_protocol(u) AS nullif(regexp_extract(u, '^([A-Za-z][A-Za-z0-9+.-]*):', 1), '')",
            "CREATE OR REPLACE MACRO trino_url_extract_host(u) AS "
                    + "nullif(regexp_extract(u, '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?([^:/?#]*)', 1), '')",
            "CREATE OR REPLACE MACRO trino_url_extract_port(u) AS "
                    + "TRY_CAST(nullif(regexp_extract(u, '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?[^:/?#]*:([0-9]+)', 1), '') AS BIGINT)",
            "CREATE OR REPLACE MACRO trino_url_extract_path(u) AS "
                    + "regexp_extract(u, '^(?:[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*)?([^?#]*)', 1)",
            "CREATE OR REPLACE MACRO trino_url_extract_query(u) AS CASE WHEN strpos(u, '?') > 0 "
                    + "THEN regexp_extract(u, '\\?([^#]*)', 1) END",
            "CREATE OR REPLACE MACRO trino_url_extract_fragment(u) AS CASE WHEN strpos(u, '#') > 0 "
                    + "THEN regexp_extract(u, '#(.*)$', 1) END",
            "CREATE OR REPLACE MACRO trino_url_extract_parameter(u, name) AS CASE WHEN regexp_matches(u, '[?&]' || name || '=') "
                    + "THEN regexp_extract(u, '[?&]' || name || '=([^&#]*)', 1) END");

    private Macros() {
    }
}
