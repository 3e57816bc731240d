package io.dataplatform.athena.internal;

import java.util.Locale;

/**
 * One lexical token of a SQL statement.
 *
 * @param kind     what it is
 * @param text     identifiers lowercased (Athena's catalog names are case-insensitive), literal
 *                 contents unescaped, symbols as written
 * @param position offset in the SQL, for messages
 * @param param    for {@link Kind#PARAM}: the 0-based index of the {@code ?} in the statement, else -1
 */
record SqlToken(Kind kind, String text, int position, int param) {

    /** Token kinds. */
    enum Kind { WORD, QUOTED_ID, STRING, NUMBER, PARAM, SYMBOL }

    static SqlToken of(Kind kind, String text, int position) {
        return new SqlToken(kind, kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text, position, -1);
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** Returns true for a word or quoted identifier. */
    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_ID;
    }
}
