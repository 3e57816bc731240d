package io.dataplatform.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class S3NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "acme-raw", "acme.raw.2024", "a1b", "012345678901234567890123456789012345678901234567890123456789012"})
    void bucket_acceptsValidNames(String name) {
        assertThat(S3Names.bucket(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Acme_Raw|Invalid bucket name 'Acme_Raw': must be 3-63 characters of lowercase letters, digits, '.' and '-'",
        "ab|Invalid bucket name 'ab': must be 3-63 characters of lowercase letters, digits, '.' and '-'",
        "0123456789012345678901234567890123456789012345678901234567890123|Invalid bucket name '0123456789012345678901234567890123456789012345678901234567890123': must be 3-63 characters of lowercase letters, digits, '.' and '-'",
        "-acme|Invalid bucket name '-acme': must begin and end with a letter or digit",
        "acme.|Invalid bucket name 'acme.': must begin and end with a letter or digit",
        "acme..raw|Invalid bucket name 'acme..raw': must not contain two adjacent periods",
        "192.168.5.4|Invalid bucket name '192.168.5.4': must not be formatted as an IP address",
        "xn--acme|Invalid bucket name 'xn--acme': must not start with the reserved prefix 'xn--'",
        "sthree-acme|Invalid bucket name 'sthree-acme': must not start with the reserved prefix 'sthree-'",
        "amzn-s3-demo-acme|Invalid bucket name 'amzn-s3-demo-acme': must not start with the reserved prefix 'amzn-s3-demo-'",
        "acme-s3alias|Invalid bucket name 'acme-s3alias': must not end with the reserved suffix '-s3alias'",
        "acme--ol-s3|Invalid bucket name 'acme--ol-s3': must not end with the reserved suffix '--ol-s3'",
        "acme.mrap|Invalid bucket name 'acme.mrap': must not end with the reserved suffix '.mrap'",
        "acme--x-s3|Invalid bucket name 'acme--x-s3': must not end with the reserved suffix '--x-s3'",
        "acme--table-s3|Invalid bucket name 'acme--table-s3': must not end with the reserved suffix '--table-s3'",
    })
    void bucket_rejectsEachRuleWithItsMessage(String name, String message) {
        assertThatThrownBy(() -> S3Names.bucket(name)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void bucket_rejectsNull() {
        assertThatThrownBy(() -> S3Names.bucket(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bucket name must not be null");
    }

    @Test
    void key_rejectsEmptyNullAndTooLong() {
        assertThatThrownBy(() -> S3Names.key("")).hasMessage("key must not be empty");
        assertThatThrownBy(() -> S3Names.key(null)).hasMessage("key must not be null");
        String tooLong = "é".repeat(513); // 1,026 bytes in UTF-8
        assertThatThrownBy(() -> S3Names.key(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("key must be at most 1024 bytes in UTF-8, but was 1026 bytes: '");
    }

    @Test
    void key_countsUtf8BytesOfThreeAndFourByteCharacters() {
        assertThatThrownBy(() -> S3Names.key("\u20ac".repeat(342))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("key must be at most 1024 bytes in UTF-8, but was 1026 bytes: '");
        assertThatThrownBy(() -> S3Names.key("\ud83d\ude00".repeat(257))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("key must be at most 1024 bytes in UTF-8, but was 1028 bytes: '");
        assertThat(S3Names.key("\u20ac".repeat(341))).hasSize(341);
        assertThat(S3Names.key("\ud83d\ude00".repeat(256))).hasSize(512);
    }

    @Test
    void key_acceptsExactly1024Bytes() {
        String key = "k".repeat(1024);
        assertThat(S3Names.key(key)).isEqualTo(key);
    }

    @Test
    void prefix_allowsEmptyButNotNull() {
        assertThat(S3Names.prefix("")).isEmpty();
        assertThatThrownBy(() -> S3Names.prefix(null))
                .hasMessage("prefix must not be null (use \"\" for the whole bucket)");
    }
}
