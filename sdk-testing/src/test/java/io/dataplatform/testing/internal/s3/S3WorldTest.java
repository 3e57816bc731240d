package io.dataplatform.testing.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class S3WorldTest {
    @Test
    void newVersionId_isTheScrambledCounterThenTheCounter_in32LowerCaseHexDigits() {
        S3World world = new S3World(Clock.systemUTC(), "123456789012", "us-east-1", null);
        HexFormat hex = HexFormat.of();
        for (long n = 1; n <= 5_000; n++) {
            assertThat(world.newVersionId()).isEqualTo(hex.toHexDigits(n * 0x9E3779B97F4A7C15L) + hex.toHexDigits(n));
        }
    }
}
