package io.dataplatform.testing.athena;

import static org.assertj.core.api.Assertions.assertThat;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.QueryResult;
import io.dataplatform.cost.DataSize;
import io.dataplatform.testing.FakeAws;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A table location is a literal folder: Athena reads every visible object under it and nothing
 * else, whatever characters it holds, and never a single named object.
 */
class FakeAthenaTableLocationTest {
    private final FakeAws aws = FakeAws.create();
    private final CsvTables tables = new CsvTables(aws);
    private final DataPlatform platform = aws.dataPlatform();

    private QueryResult names(String table) {
        return platform.athena().query("SELECT name FROM " + table + " ORDER BY name").database("lake").run();
    }

    private static List<String> rows(QueryResult result) {
        return result.rows().map(row -> row.string("name")).toList();
    }

    @Test
    void location_withoutTrailingSlash_readsThatFolder_notKeysThatMerelyStartWithIt() {
        long big = tables.put("big/x.csv", "1,big\n");
        tables.put("big1/x.csv", "2,big1\n");
        tables.put("bigger.csv", "3,bigger\n");
        tables.table("t", "s3://data/big", Map.of());

        QueryResult result = names("t");

        assertThat(rows(result)).containsExactly("big");
        assertThat(result.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(big));
    }

    @Test
    void location_withStar_isALiteralFolder_soItMatchesNoOtherFolders() {
        tables.put("big1/x.csv", "1,big1\n");
        tables.put("big/x.csv", "2,big\n");
        tables.table("t", "s3://data/big*", Map.of());

        QueryResult result = names("t");

        assertThat(rows(result)).isEmpty();
        assertThat(result.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(0));
    }

    @Test
    void location_withBracketsAndBraces_readsOnlyKeysThatLiterallyStartWithIt() {
        tables.put("big/x.csv", "1,big\n");
        tables.put("sig/x.csv", "2,sig\n");
        long brackets = tables.put("[bs]ig/x.csv", "3,brackets\n");
        tables.put("a/x.csv", "4,a\n");
        long braces = tables.put("{a,b}/x.csv", "5,braces\n");
        tables.table("brackets", "s3://data/[bs]ig/", Map.of());
        tables.table("braces", "s3://data/{a,b}/", Map.of());

        QueryResult bracketed = names("brackets");
        QueryResult braced = names("braces");

        assertThat(rows(bracketed)).containsExactly("brackets");
        assertThat(bracketed.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(brackets));
        assertThat(rows(braced)).containsExactly("braces");
        assertThat(braced.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(braces));
    }

    @Test
    void location_namingOneObject_readsNothing() {
        tables.put("big/file.csv", "1,file\n");
        tables.table("t", "s3://data/big/file.csv", Map.of());

        QueryResult result = names("t");

        assertThat(rows(result)).isEmpty();
        assertThat(result.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(0));
    }

    @Test
    void hiddenFiles_andFilesInHiddenFolders_areNotRead_butNestedFoldersAre() {
        long top = tables.put("t/x.csv", "1,top\n");
        long nested = tables.put("t/2024/y.csv", "2,nested\n");
        tables.put("t/_SUCCESS", "9,success\n");
        tables.put("t/.x.csv.crc", "9,crc\n");
        tables.put("t/_temporary/0/part.csv", "9,temporary\n");
        tables.put("t/2024/.hidden.csv", "9,hidden\n");
        tables.table("t", "s3://data/t/", Map.of());

        QueryResult result = names("t");

        assertThat(rows(result)).containsExactly("nested", "top");
        assertThat(result.statistics().bytesScanned()).isEqualTo(DataSize.ofBytes(top + nested));
    }
}
