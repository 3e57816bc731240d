package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** String functions, LIKE and regular expressions. */
class TrinoToDuckDbStringTest extends DuckDbHarness {

    @Test
    void length_isBigint() {
        assertThat(value("SELECT length('héllo')")).isEqualTo("5");
        assertThat(type("SELECT length('abc')")).isEqualTo("bigint");
    }

    @Test
    void strposAndPosition_areOneBased() {
        assertThat(rows("SELECT strpos('abcabc', 'c'), position('c' IN 'abcabc'), strpos('abc', 'z')"))
                .containsExactly(List.of("3", "3", "0"));
        assertThat(rows("SELECT strpos('abcabc', 'c', 2), strpos('abcabc', 'a', -1), strpos('abc', 'c', 2)"))
                .containsExactly(List.of("6", "4", "0"));
    }

    @Test
    void substr_isOneBased_withNegativeStartFromTheEnd() {
        assertThat(rows("SELECT substr('hello', 2, 3), substr('hello', -3), substr('hello', 0, 2), substr('hello', 9), "
                + "substring('hello' FROM 2 FOR 2)")).containsExactly(List.of("ell", "llo", "", "", "el"));
    }

    @Test
    void split_andSplitPart_withNullBeyondTheLastPart() {
        assertThat(value("SELECT split('a,b,c', ',')")).isEqualTo("[a, b, c]");
        assertThat(rows("SELECT split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 4)"))
                .containsExactly(java.util.Arrays.asList("b", null));
        assertThat(type("SELECT split('a,b', ',')")).isEqualTo("array(varchar)");
    }

    @Test
    void regexpExtract_wholeMatchByDefault_nullWithoutMatch() {
        assertThat(rows("SELECT regexp_extract('abc123def', '[0-9]+'), regexp_extract('abc123', '([a-z]+)([0-9]+)', 2), "
                + "regexp_extract('abc', '[0-9]+')")).containsExactly(java.util.Arrays.asList("123", "123", null));
    }

    @Test
    void regexpLikeAndReplace_useTrinoGroupReferences() {
        assertThat(rows("SELECT regexp_like('abc', 'b'), regexp_replace('abc abc', '(b)', '[$1]'), regexp_replace('a1b2', '[0-9]')"))
                .containsExactly(List.of("true", "a[b]c a[b]c", "ab"));
    }

    @Test
    void regexpWithLookahead_isNotSupported() {
        assertThat(error("SELECT regexp_like('abc', 'a(?=b)')").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT regexp_like('abc', '(a)\\1')").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT regexp_like('abc', 'a++')").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(value("SELECT regexp_like('a+', 'a\\+')")).isEqualTo("true");
    }

    @Test
    void caseAndTrimAndPadFunctions() {
        assertThat(rows("SELECT lower('AbC'), upper('abc'), trim('  x '), ltrim('  x'), rtrim('x  '), lpad('7', 3, '0'), "
                + "rpad('ab', 4, '-'), reverse('abc'), replace('aXbX', 'X', '-'), replace('aXb', 'X')"))
                .containsExactly(List.of("abc", "ABC", "x", "x", "x", "007", "ab--", "cba", "a-b-", "ab"));
    }

    @Test
    void concat_isNullWhenAnyArgumentIsNull() {
        assertThat(rows("SELECT concat('a', 'b', 'c'), 'a' || 'b', concat('a', NULL)"))
                .containsExactly(java.util.Arrays.asList("abc", "ab", null));
        assertThat(type("SELECT 'ab' || 'c'")).isEqualTo("varchar(3)");
    }

    @Test
    void chrCodepointAndUtf8() {
        assertThat(rows("SELECT chr(65), codepoint('A'), from_utf8(to_utf8('hé')), length(to_utf8('hé'))"))
                .containsExactly(List.of("A", "65", "hé", "3"));
    }

    @Test
    void like_withEscape() {
        assertThat(rows("SELECT 'a_b' LIKE 'a\\_b' ESCAPE '\\', 'axb' LIKE 'a\\_b' ESCAPE '\\', 'abc' LIKE 'a%'"))
                .containsExactly(List.of("true", "false", "true"));
    }

    @Test
    void urlFunctions() {
        String url = "'https://user@example.com:8080/path/to?x=1&y=two#frag'";
        assertThat(rows("SELECT url_extract_protocol(" + url + "), url_extract_host(" + url + "), url_extract_port(" + url
                + "), url_extract_path(" + url + "), url_extract_query(" + url + "), url_extract_fragment(" + url
                + "), url_extract_parameter(" + url + ", 'y')"))
                .containsExactly(List.of("https", "example.com", "8080", "/path/to", "x=1&y=two", "frag", "two"));
    }

    @Test
    void regexpReplace_readsJavasReplacementSyntax() {
        assertThat(rows("SELECT regexp_replace('aaa', 'a', '\\$'), regexp_replace('ab', '(a)(b)', '$2$1'), "
                + "regexp_replace('a', 'a', '\\\\')")).containsExactly(List.of("$$$", "ba", "\\"));
    }

    @Test
    void substr_withANonPositiveLength_isEmpty() {
        assertThat(rows("SELECT substr('abc', 2, -1), substr('abc', 2, 0)")).containsExactly(List.of("", ""));
    }

    @Test
    void format_writesJavaStyleSpecifiers() {
        assertThat(rows("SELECT format('%s-%d', 'a', 5), format('%.2f', 3.14159e0), format('%5s|', 'x')"))
                .containsExactly(List.of("a-5", "3.14", "    x|"));
        assertThat(error("SELECT format('%,d', 1000)").errorType()).isEqualTo("NOT_SUPPORTED");
    }

    @Test
    void splitWithALimit_keepsTheRestInTheLastElement() {
        assertThat(rows("SELECT cardinality(split('a,b,c', ',', 2)), split('a,b,c', ',', 2)[2], split('a,b', ',', 5)"))
                .containsExactly(List.of("2", "b,c", "[a, b]"));
    }

    @Test
    void varbinaryConcatAndSubstr_countBytes() {
        assertThat(rows("SELECT to_hex(X'01' || X'02'), to_hex(concat(X'01', X'02', X'03')), to_hex(substr(X'01020304', 2, 2)), "
                + "to_hex(substr(X'01020304', -1)), to_hex(substr(X'01020304', 5, 1)), typeof(substr(X'01', 1, 1))"))
                .containsExactly(List.of("0102", "010203", "0203", "04", "", "varbinary"));
    }

    @Test
    void splitByTheEmptyString_andPaddingToANegativeLength_failAsInTrino() {
        assertThat(error("SELECT split('abc', '')").getMessage()).contains("The delimiter may not be the empty string");
        assertThat(error("SELECT split('abc', '', 2)").errorType()).isEqualTo("INVALID_FUNCTION_ARGUMENT");
        assertThat(error("SELECT lpad('a', -1, 'x')").getMessage()).contains("Target length must be in the range [0..2147483647]");
        assertThat(rows("SELECT lpad('a', 3, 'x'), rpad('a', 2, 'xy')")).containsExactly(List.of("xxa", "ax"));
    }

    @Test
    void fromUtf8OfInvalidBytes_isNotSupported_notACastError() {
        // Trino answers 'a\uFFFDb' (StringFunctions.fromUtf8 replaces invalid sequences); DuckDB's decode fails.
        AthenaSqlException e = error("SELECT from_utf8(X'61FF62')");
        assertThat(e.errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(e.getMessage()).contains("from_utf8 of bytes that are not valid UTF-8");
        assertThat(rows("SELECT from_utf8(X'61C3A962'), from_utf8(CAST(NULL AS varbinary))")).containsExactly(java.util.Arrays.asList("aéb", null));
    }

    @Test
    void bitwiseShifts_areNotSupported_notUnknownFunctions() {
        assertThat(error("SELECT bitwise_left_shift(1, 3)").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT bitwise_right_shift_arithmetic(-8, 1)").errorType()).isEqualTo("NOT_SUPPORTED");
    }

    @Test
    void formatOfAValueItsSpecifierDoesNotTake_isNotSupported_notAnInternalError() {
        // Java's %s of a Double is Double.toString and %d of a BigDecimal fails: neither is DuckDB's printf.
        assertThat(error("SELECT format('%s', 1.5E0)").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(error("SELECT format('%d', 3.5)").errorType()).isEqualTo("NOT_SUPPORTED");
        assertThat(value("SELECT format('%s-%s', 7, 'a')")).isEqualTo("7-a");
    }
}
