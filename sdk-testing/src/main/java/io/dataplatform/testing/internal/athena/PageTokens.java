package io.dataplatform.testing.internal.athena;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque GetQueryResults tokens: the query id and the next row, so a token of another query is rejected. */
final class PageTokens {
    private PageTokens() {
    }

    static String token(String queryId, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((queryId + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the row a token points at; a token naming no row of the result ({@code rows} long) is invalid. */
    static int offset(String token, String queryId, int rows, AthenaErrors errors) {
        if (token == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = decoded.lastIndexOf(':');
            if (colon > 0 && decoded.substring(0, colon).equals(queryId)) {
                int offset = Integer.parseInt(decoded.substring(colon + 1));
                if (offset >= 0 && offset < rows) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to Athena's error
        }
        throw errors.invalid("The token is not valid for this query");
    }
}
