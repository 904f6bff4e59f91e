package dev.sysbuild.eval.builtins;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions: {@code match} and {@code split}, with POSIX extended syntax as Nix reads
 * it (see {@link PosixRegex} for the translation and what it does not reproduce).
 */
final class RegexBuiltins {
    private RegexBuiltins() {}

    static void register(Registry r) {
        // nixpkgs matches the same few patterns over and over; compile each once per evaluator.
        // The cache is made on first use: most evaluations never match a regex.
        java.util.function.Supplier<Cache<String, Pattern>> patterns = new java.util.function.Supplier<>() {
            private Cache<String, Pattern> cache;

            @Override
            public synchronized Cache<String, Pattern> get() {
                if (cache == null) cache = Caffeine.newBuilder().maximumSize(4096).build();
                return cache;
            }
        };
        r.fn("match", 2, new Fn(0, r, patterns));
        r.fn("split", 2, new Fn(1, r, patterns));
    }

    private static Pattern compile(Cache<String, Pattern> patterns, String re) {
        Pattern cached = patterns.getIfPresent(re);
        if (cached != null) return cached;
        Pattern p;
        try {
            p = Pattern.compile(PosixRegex.toJava(re));
        } catch (PosixRegex.SyntaxError e) {
            if (e.tooBig) throw EvalException.error("memory limit exceeded by regular expression '" + re + "'", null);
            throw EvalException.error("invalid regular expression '" + re + "': " + e.getMessage(), null);
        }
        patterns.put(re, p);
        return p;
    }

    /** Capture groups 1..n of the last match; null for a group that took no part. */
    private static NixList groups(Matcher m) {
        Value[] out = new Value[m.groupCount()];
        for (int i = 0; i < out.length; i++) {
            String g = m.group(i + 1);
            out[i] = g == null ? NixNull.NULL : NixString.of(g);
        }
        return NixList.wrap(out);
    }

    /**
     * The text between matches alternating with the groups of each match, found the way
     * {@code std::regex_iterator} walks: after an empty match the search resumes one byte later.
     * With no match at all the result is the input itself, context included.
     */
    private static Value split(Pattern p, NixString input) {
        String s = input.value;
        Matcher m = p.matcher(s);
        if (!m.find()) return NixList.wrap(new Value[] {input});
        List<Value> out = new ArrayList<>();
        int prefixStart = 0;
        while (true) {
            out.add(NixString.of(s.substring(prefixStart, m.start())));
            out.add(groups(m));
            prefixStart = m.end();
            int next = m.end();
            if (m.start() == m.end()) {
                if (next == s.length()) break;
                next++;
            }
            if (!m.find(next)) break;
        }
        out.add(NixString.of(s.substring(prefixStart)));
        return NixList.wrap(out.toArray(new Value[0]));
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {
        private final java.util.function.Supplier<Cache<String, Pattern>> patterns;

        Fn(int id, Registry r, java.util.function.Supplier<Cache<String, Pattern>> patterns) {
            super(id, r);
            this.patterns = patterns;
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinMatch(a);
                case 1 -> builtinSplit(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code match} */
        private Value builtinMatch(Value[] a) {
            Pattern p = compile(patterns.get(), ContextBuiltins.noContext(a[0]));
            Matcher m = p.matcher(Force.plainString(a[1], null));
            return m.matches() ? groups(m) : NixNull.NULL;
        }

        /** {@code split} */
        private Value builtinSplit(Value[] a) {
            Pattern p = compile(patterns.get(), ContextBuiltins.noContext(a[0]));
            return split(p, Force.string(a[1], null));
        }
    }
}
