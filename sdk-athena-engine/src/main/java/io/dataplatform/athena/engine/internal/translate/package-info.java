/**
 * Trino's SQL (Athena engine v3) translated to DuckDB SQL with Trino's semantics.
 *
 * <p>Entry point: {@link io.dataplatform.athena.engine.internal.translate.TrinoToDuckDb}. A statement
 * is parsed with Trino's own parser, type-checked with Trino's rules (result types, implicit
 * coercions, Trino's error names and messages with line and column), and written as DuckDB SQL that
 * calls a few macros ({@code TrinoToDuckDb.macros()}, run once per connection) where DuckDB behaves
 * differently. Runtime errors the SQL raises carry Trino's error name; {@code
 * AthenaSqlException.fromDuckDbMessage} recognises them.
 *
 * <p>Supported: SELECT with FROM (tables, subqueries, VALUES, joins with ON/USING, CROSS/LEFT JOIN
 * UNNEST of arrays, arrays of rows and maps WITH ORDINALITY, LATERAL), WHERE, GROUP BY (expressions,
 * ordinals, GROUPING SETS, ROLLUP, CUBE, grouping()), HAVING, named windows, ORDER BY (Trino's NULLS
 * LAST default, select aliases, ordinals), OFFSET, LIMIT, FETCH FIRST (WITH TIES), WITH, UNION /
 * INTERSECT / EXCEPT (ALL and DISTINCT), scalar/IN/EXISTS subqueries; the operators, CAST/TRY_CAST,
 * try(), CASE/IF/COALESCE/NULLIF, IS DISTINCT FROM, LIKE .. ESCAPE, lambdas, and the string, regexp,
 * URL, math, binary, date/time, JSON, array, map, aggregate and window functions listed in
 * {@code Scalars}, {@code DateTimeFunctions}, {@code CollectionFunctions}, {@code JsonFunctions},
 * {@code Lambdas} and {@code Aggregates}.
 *
 * <p>For the engine: {@code TrinoToDuckDb.translate(statement, resolver, parameters)} fills Athena's
 * execution parameters ({@code ?}, read with {@code parseParameter}); the DuckDB variable
 * {@code athena_query_start} gives {@code current_date} and {@code now()} the fake world's clock;
 * {@link io.dataplatform.athena.engine.internal.translate.HiveTypes} turns Glue's column types into Trino's and
 * {@code TrinoToDuckDb.duckDbType} Trino's into DuckDB's; {@code TableResolver.columnRead} reports the
 * table columns a statement reads (what Athena scans of a columnar file).
 *
 * <p>Approximations, by design: {@code approx_distinct} counts exactly and {@code approx_percentile}
 * is the exact discrete quantile (both within Athena's error bounds); regular expressions run on RE2,
 * so look-around, back references, atomic groups and possessive quantifiers are rejected as
 * NOT_SUPPORTED; char(n) values are padded but compare as varchar; {@code timestamp with time zone}
 * values are held in UTC, with the zone they print in (a literal's, AT TIME ZONE's) carried beside them,
 * so functions and casts that would read such a value's fields are NOT_SUPPORTED. DuckDB's JSON holds
 * numbers as values, not text: where Trino gives a number's text as written (json_extract_scalar,
 * json_array_get of a column) and DuckDB's canonical text is not found in the document, the query
 * fails at run time with NOT_SUPPORTED rather than answering differently.
 *
 * <p>Not supported (NOT_SUPPORTED, never a DuckDB error): statements other than queries, WITH
 * RECURSIVE, AT TIME ZONE with a zone that is not a literal region or offset, row pattern recognition, TABLESAMPLE, table functions, NATURAL JOIN,
 * interval literals with an end field other than Y-M and D HH:MM:SS, listagg ON OVERFLOW TRUNCATE, FETCH FIRST WITH TIES combined
 * with DISTINCT or OFFSET, non-literal date formats, JSON paths or regexp_replace replacements, the
 * SQL/JSON path features {@link SqlJsonFunctions} lists, checksum of types other than varchar,
 * varbinary and integers, and
 * the Trino functions listed in {@code Functions.UNSUPPORTED}. Other names fail as Trino fails them:
 * FUNCTION_NOT_FOUND "Function 'x' not registered".
 */
package io.dataplatform.athena.engine.internal.translate;
