package io.dataplatform.athena.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Groups tokens by query scope: a parenthesis that opens a subquery ({@code (SELECT}, {@code (WITH},
 * {@code (VALUES}) starts a new scope whose tokens are kept apart, so within one scope a subquery
 * shows as an empty {@code ( )}. Other parentheses are grouping or function calls and stay in the
 * scope, counted in {@code depth}; function-call ones also in {@code callDepth}.
 */
final class ScopedTokens {
    /** Words after which a parenthesis is not a function call. */
    private static final Set<String> NOT_CALLS = Set.of("and", "or", "not", "in", "exists", "where", "on", "when",
            "then", "else", "as", "from", "join", "select", "by", "having", "between", "like", "is", "case",
            "using", "values", "with", "all", "any", "some");

    /** A token and where it sits. */
    record Scoped(SqlToken token, int depth, int callDepth) {
    }

    private ScopedTokens() {
    }

    /** Returns the tokens of each scope in order; scope 0 is the outermost statement. */
    static List<List<Scoped>> split(List<SqlToken> tokens) {
        List<List<Scoped>> scopes = new ArrayList<>();
        scopes.add(new ArrayList<>());
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(new Frame(0, Paren.SUBQUERY));
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            Frame top = frames.peek();
            if (token.isSymbol("(")) {
                scopes.get(top.scope).add(scoped(token, frames));
                SqlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                SqlToken previous = i > 0 ? tokens.get(i - 1) : null;
                if (next != null && (next.isWord("select") || next.isWord("with") || next.isWord("values"))) {
                    scopes.add(new ArrayList<>());
                    frames.push(new Frame(scopes.size() - 1, Paren.SUBQUERY));
                } else if (previous != null && (previous.kind() == SqlToken.Kind.QUOTED_ID
                        || (previous.kind() == SqlToken.Kind.WORD && !NOT_CALLS.contains(previous.text())))) {
                    frames.push(new Frame(top.scope, Paren.CALL));
                } else {
                    frames.push(new Frame(top.scope, Paren.GROUP));
                }
            } else if (token.isSymbol(")") && frames.size() > 1) {
                frames.pop();
                scopes.get(frames.peek().scope).add(scoped(token, frames));
            } else {
                scopes.get(top.scope).add(scoped(token, frames));
            }
        }
        return scopes;
    }

    private static Scoped scoped(SqlToken token, Deque<Frame> frames) {
        int depth = 0;
        int calls = 0;
        for (Frame frame : frames) {
            if (frame.paren == Paren.SUBQUERY) {
                break;
            }
            depth++;
            if (frame.paren == Paren.CALL) {
                calls++;
            }
        }
        return new Scoped(token, depth, calls);
    }

    private enum Paren { SUBQUERY, CALL, GROUP }

    private record Frame(int scope, Paren paren) {
    }
}
