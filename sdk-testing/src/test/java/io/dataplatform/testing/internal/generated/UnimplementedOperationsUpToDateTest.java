package io.dataplatform.testing.internal.generated;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The committed NotImplemented base classes are what the generator writes for today's SDK and fakes. */
class UnimplementedOperationsUpToDateTest {

    @Test
    void generatedBaseClasses_matchTheClientInterfacesAndTheFakes() throws Exception {
        for (UnimplementedOperationsGenerator.Target target : UnimplementedOperationsGenerator.targets()) {
            assertThat(UnimplementedOperationsGenerator.read(target.file(UnimplementedOperationsGenerator.SOURCE_ROOT)))
                    .as("%s is out of date: run UnimplementedOperationsGenerator.main from sdk-testing's directory "
                            + "(mvn -B -q -pl sdk-testing -am test-compile exec:java is not needed: any IDE run works)",
                            target.className())
                    .isEqualTo(UnimplementedOperationsGenerator.source(target));
        }
    }
}
