package dev.sysbuild.language.internal;

import dev.sysbuild.language.ast.Expr;
import dev.sysbuild.language.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The indentation rule of {@code ''...''} strings, as Nix's parser applies it: the smallest
 * indentation of the non-blank lines is removed from every line; interpolations and escapes
 * count as non-whitespace; a final line of only spaces is dropped.
 */
final class IndentedStrings {
    private IndentedStrings() {}

    /** A piece of an indented string: literal text (hasIndentation false for escapes) or an expression. */
    record Part(Span span, String text, boolean hasIndentation, Expr expr) {}

    static Part text(Span span, String text, boolean hasIndentation) {
        return new Part(span, text, hasIndentation, null);
    }

    static Part interpolation(Expr e) {
        return new Part(e.span(), null, false, e);
    }

    static Expr strip(Span span, List<Part> parts) {
        if (parts.isEmpty()) return new Expr.Str(span, "");
        boolean atStartOfLine = true;
        int minIndent = 1000000;
        int curIndent = 0;
        for (Part p : parts) {
            if (p.expr != null || !p.hasIndentation) {
                if (atStartOfLine) {
                    atStartOfLine = false;
                    if (curIndent < minIndent) minIndent = curIndent;
                }
                continue;
            }
            String s = p.text;
            for (int j = 0; j < s.length(); j++) {
                char c = s.charAt(j);
                if (atStartOfLine) {
                    if (c == ' ') {
                        curIndent++;
                    } else if (c == '\n') {
                        curIndent = 0;
                    } else {
                        atStartOfLine = false;
                        if (curIndent < minIndent) minIndent = curIndent;
                    }
                } else if (c == '\n') {
                    atStartOfLine = true;
                    curIndent = 0;
                }
            }
        }

        List<Expr> out = new ArrayList<>();
        atStartOfLine = true;
        int curDropped = 0;
        int n = parts.size();
        for (Part p : parts) {
            if (p.expr != null) {
                atStartOfLine = false;
                curDropped = 0;
                out.add(p.expr);
            } else {
                StringBuilder s2 = new StringBuilder();
                String s = p.text;
                for (int j = 0; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (atStartOfLine) {
                        if (c == ' ') {
                            if (curDropped++ >= minIndent) s2.append(c);
                        } else if (c == '\n') {
                            curDropped = 0;
                            s2.append(c);
                        } else {
                            atStartOfLine = false;
                            curDropped = 0;
                            s2.append(c);
                        }
                    } else {
                        s2.append(c);
                        if (c == '\n') atStartOfLine = true;
                    }
                }
                String str = s2.toString();
                if (n == 1) {
                    int nl = str.lastIndexOf('\n');
                    if (nl >= 0 && str.substring(nl + 1).chars().allMatch(ch -> ch == ' ')) {
                        str = str.substring(0, nl + 1);
                    }
                }
                out.add(new Expr.Str(p.span, str));
            }
            n--;
        }
        // Merge neighbouring literals so the evaluator sees as few parts as possible.
        List<Expr> merged = new ArrayList<>();
        for (Expr e : out) {
            if (e instanceof Expr.Str s && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Expr.Str prev) {
                merged.set(merged.size() - 1, new Expr.Str(prev.span(), prev.value() + s.value()));
            } else {
                merged.add(e);
            }
        }
        if (merged.size() == 1 && merged.get(0) instanceof Expr.Str s) return new Expr.Str(span, s.value());
        return new Expr.Interpolation(span, List.copyOf(merged), false);
    }
}
