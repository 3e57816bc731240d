package io.dataplatform.testing.internal.glue;

import java.util.List;

/**
 * One file the crawler sampled, relative to its crawl target.
 *
 * @param folders the folders between the target and the file
 * @param name    the file name
 * @param size    its size in bytes
 * @param schema  what its sample showed
 */
record CrawledFile(List<String> folders, String name, long size, FileSchema schema) {

    CrawledFile {
        folders = List.copyOf(folders);
    }

    /** Splits a key relative to the target ({@code year=2024/a.csv}) into folders and name. */
    static CrawledFile of(String relativeKey, long size, FileSchema schema) {
        List<String> parts = List.of(relativeKey.split("/"));
        return new CrawledFile(parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1), size, schema);
    }
}
