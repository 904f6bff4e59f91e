package dev.sysbuild.store.derivation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code .drv} file as Nix 2.8's {@code parseDerivation} does: in a quoted string
 * {@code \n \r \t} are control characters and {@code \X} is X for any other X. Stricter than Nix
 * in two ways that only reject files Nix never writes: paths in path positions must be absolute,
 * and nothing may follow the closing parenthesis.
 */
final class ATermParser {
    private final byte[] in;
    private final String name;
    private int pos;

    ATermParser(byte[] in, String name) {
        this.in = in;
        this.name = name;
    }

    Derivation derivation() {
        expect("Derive(");
        Map<String, DerivationOutput> outputs = new LinkedHashMap<>();
        list(() -> {
            expect("(");
            String id = string();
            expect(",");
            String path = pathOrEmpty();
            expect(",");
            String hashAlgo = string();
            expect(",");
            String hash = string();
            expect(")");
            if (outputs.put(id, new DerivationOutput(path, hashAlgo, hash)) != null) fail("duplicate output '" + id + "'");
        });
        expect(",");
        Map<String, Set<String>> inputDrvs = new LinkedHashMap<>();
        list(() -> {
            expect("(");
            String path = path();
            expect(",");
            Set<String> wanted = new LinkedHashSet<>();
            list(() -> wanted.add(string()));
            expect(")");
            if (inputDrvs.put(path, wanted) != null) fail("duplicate input derivation '" + path + "'");
        });
        expect(",");
        Set<String> inputSrcs = new LinkedHashSet<>();
        list(() -> inputSrcs.add(path()));
        expect(",");
        String system = string();
        expect(",");
        String builder = string();
        expect(",");
        List<String> args = new ArrayList<>();
        list(() -> args.add(string()));
        expect(",");
        Map<String, String> env = new LinkedHashMap<>();
        list(() -> {
            expect("(");
            String key = string();
            expect(",");
            String value = string();
            expect(")");
            env.put(key, value);
        });
        expect(")");
        if (pos != in.length) fail("unexpected text after the end of the derivation");
        return new Derivation(name, outputs, inputDrvs, inputSrcs, system, builder, args, env);
    }

    private void list(Runnable item) {
        expect("[");
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            item.run();
            int c = next();
            if (c == ']') return;
            if (c != ',') {
                pos--;
                fail("expected ',' or ']'");
            }
        }
    }

    private String path() {
        String p = string();
        if (!p.startsWith("/")) fail("bad path '" + p + "' in derivation");
        return p;
    }

    private String pathOrEmpty() {
        return peekEmptyString() ? string() : path();
    }

    private boolean peekEmptyString() {
        return pos + 1 < in.length && in[pos] == '"' && in[pos + 1] == '"';
    }

    private String string() {
        expect("\"");
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = next();
            if (c == '"') return sb.toString();
            if (c == '\\') {
                c = next();
                c = switch (c) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> c;
                };
            }
            sb.append((char) c);
        }
    }

    private void expect(String token) {
        byte[] t = token.getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : t) {
            if (pos >= in.length || in[pos] != b) fail("expected '" + token + "'");
            pos++;
        }
    }

    private int peek() {
        return pos < in.length ? in[pos] & 0xff : -1;
    }

    private int next() {
        if (pos >= in.length) fail("unexpected end of file");
        return in[pos++] & 0xff;
    }

    private void fail(String what) {
        throw new DerivationFormatException("error parsing derivation '" + name + "' at byte " + pos + ": " + what);
    }
}
