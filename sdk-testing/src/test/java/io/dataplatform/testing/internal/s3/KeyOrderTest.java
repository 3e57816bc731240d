package io.dataplatform.testing.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** S3's key order (UTF-8 binary = code point order) and the per-key version order. */
class KeyOrderTest {

    @Test
    void keyOrder_isCodePointOrder_forRandomStringsWithSurrogatePairsAndHighBmpChars() {
        // Keys are UTF-8, so surrogates only come in pairs.
        String[] alphabet = {"a", "b", "/", "\uD7FF", "\uE000", "\uFF5E", "\uFFFF", "\uD83D\uDE00", "\uD800\uDC00",
            "\uDBFF\uDFFF"};
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            String a = random(random, alphabet);
            String b = random(random, alphabet);
            assertThat(Integer.signum(Names.compareCodePoints(a, b))).as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(byCodePoints(a, b)));
        }
    }

    @Test
    void keyVersions_appendNewest_listNewestFirst_andRemoveByNewestFirstIndex() {
        KeyVersions versions = new KeyVersions();
        for (int i = 1; i <= 5; i++) {
            versions.addNewest(StoredObject.marker("k", "v" + i, Instant.EPOCH));
        }
        versions.remove(1);   // v4
        versions.removeIf(v -> v.versionId().equals("v1"));

        assertThat(versions).extracting(StoredObject::versionId).containsExactly("v5", "v3", "v2");
        assertThat(versions.get(0).versionId()).isEqualTo("v5");
    }

    private static String random(Random random, String[] alphabet) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            s.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return s.toString();
    }

    /** The reference: compare code point by code point (lone surrogates are code points of their own). */
    private static int byCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
