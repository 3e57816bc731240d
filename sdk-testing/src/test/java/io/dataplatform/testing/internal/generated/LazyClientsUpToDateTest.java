package io.dataplatform.testing.internal.generated;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The committed lazily-built clients are what the generator writes for today's SDK. */
class LazyClientsUpToDateTest {

    @Test
    void generatedLazyClients_matchTheClientInterfaces() throws Exception {
        for (LazyClientGenerator.Target target : LazyClientGenerator.targets()) {
            assertThat(UnimplementedOperationsGenerator.read(target.file(UnimplementedOperationsGenerator.SOURCE_ROOT)))
                    .as("%s is out of date: run LazyClientGenerator.main from sdk-testing's directory", target.className())
                    .isEqualTo(LazyClientGenerator.source(target));
        }
    }
}
