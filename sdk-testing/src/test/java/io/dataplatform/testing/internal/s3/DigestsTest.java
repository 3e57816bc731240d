package io.dataplatform.testing.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigestsTest {
    @Test
    void etag_isTheQuotedLowerCaseHexMd5() {
        assertThat(Digests.etag("x".getBytes(StandardCharsets.UTF_8))).isEqualTo("\"9dd4e461268c8034f5c8564e155c67a6\"");
        assertThat(Digests.etag(new byte[0])).isEqualTo("\"d41d8cd98f00b204e9800998ecf8427e\"");
    }

    @Test
    void etagOfMd5_matchesHexFormatForEveryByteValue() {
        Random random = new Random(13);
        for (int i = 0; i < 1_000; i++) {
            byte[] md5 = new byte[16];
            random.nextBytes(md5);
            assertThat(Digests.etagOfMd5(md5)).isEqualTo("\"" + HexFormat.of().formatHex(md5) + "\"");
        }
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        assertThat(Digests.etagOfMd5(all)).isEqualTo("\"" + HexFormat.of().formatHex(all) + "\"");
    }
}
