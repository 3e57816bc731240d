/**
 * Athena's SQL run in-process: statements are read with Trino's parser (Athena engine v3's
 * grammar), translated with Trino's semantics and run on DuckDB over the objects an S3 client
 * holds under the catalog's table locations. The engine behind the fake Athena; it needs no Spark.
 */
package io.dataplatform.athena.engine;
