package io.dataplatform.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JSON keys are lower-cased at every depth so they match Glue's lower-case columns; values are untouched. */
class JsonLinesTest {
    @Test
    void lowerKeys_nestedObjectsAndArrays_valuesKeepTheirCase() {
        assertThat(JsonLines.lowerKeys("{\"Id\":1,\"Customer\":{\"City\":\"York\"},\"Items\":[{\"SKU\":\"A-1\"}],\"Tag\":\"MiXeD\"}"))
                .isEqualTo("{\"id\":1,\"customer\":{\"city\":\"York\"},\"items\":[{\"sku\":\"A-1\"}],\"tag\":\"MiXeD\"}");
    }

    @Test
    void lowerKeys_malformedLine_isLeftForThePermissiveParser() {
        assertThat(JsonLines.lowerKeys("{\"Id\": oops")).isEqualTo("{\"Id\": oops");
        assertThat(JsonLines.lowerKeys(null)).isNull();
    }
}
