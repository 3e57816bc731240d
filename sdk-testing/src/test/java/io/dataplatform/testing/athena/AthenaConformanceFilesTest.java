package io.dataplatform.testing.athena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The conformance files themselves: readable, unique names, enough cases, rows as wide as their types. */
class AthenaConformanceFilesTest {
    @Test
    void everyCategoryFile_parses_withUniqueNames_andRowsAsWideAsTheTypes() {
        int total = 0;
        for (String category : ConformanceCase.categories()) {
            List<ConformanceCase> cases = ConformanceCase.load(category);
            Set<String> names = new HashSet<>();
            for (ConformanceCase c : cases) {
                assertThat(names.add(c.name())).as("duplicate name %s/%s", category, c.name()).isTrue();
                assertThat(c.sql()).as("%s/%s", category, c.name()).isNotBlank().doesNotEndWith(";");
                if (c.expectsError()) {
                    assertThat(c.error()).as("%s/%s", category, c.name()).matches("[A-Z_]+: .+");
                } else {
                    assertThat(c.types()).as("%s/%s", category, c.name()).isNotEmpty().doesNotContain("?");
                    c.rows().forEach(row -> assertThat(row).as("%s/%s", category, c.name()).hasSameSizeAs(c.types()));
                }
            }
            total += cases.size();
        }
        assertThat(total).isGreaterThanOrEqualTo(300);
    }

    @Test
    void parseRow_readsNullEmptyAndEscapedBars() {
        assertThat(ConformanceCase.parseRow("1 | NULL | '' | a\\|b")).isEqualTo(Arrays.asList("1", null, "", "a|b"));
        assertThat(ConformanceCase.formatRow(Arrays.asList("1", null, "", "a|b"))).isEqualTo("1 | NULL | '' | a\\|b");
    }

    @Test
    void splitTypes_keepsDecimalPrecisionAndScaleTogether() {
        assertThat(ConformanceCase.splitTypes("integer, decimal(10,2), varchar")).containsExactly("integer", "decimal(10,2)",
                "varchar");
    }
}
