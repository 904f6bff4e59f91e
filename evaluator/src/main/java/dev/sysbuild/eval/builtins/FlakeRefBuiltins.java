package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code parseFlakeRef} and {@code flakeRefToString}: flake references as text and as the
 * attribute sets fetchers take. sysbuild fetches no flakes; these exist so expressions that
 * manipulate references (lock-file tooling, documentation generators) evaluate as in Nix.
 * Covered: {@code github:}/{@code gitlab:}/{@code sourcehut:}, {@code git+...}, {@code path:}
 * and absolute paths, {@code tarball+}/{@code file+} and archive URLs, and indirect ids.
 */
final class FlakeRefBuiltins {
    private static final Pattern REV = Pattern.compile("[0-9a-f]{40}");
    private static final Set<String> FORGES = Set.of("github", "gitlab", "sourcehut");
    private static final Pattern ARCHIVE = Pattern.compile(".*\\.(zip|tar|tgz|tar\\.gz|tar\\.xz|tar\\.bz2|tar\\.zst)$");

    private FlakeRefBuiltins() {}

    static void register(Registry r) {
        r.fn("parseFlakeRef", 1, new Fn(0, r));
        r.fn("flakeRefToString", 1, new Fn(1, r));
    }

    /** Text to attributes; values are strings except the few Nix keeps as numbers or booleans. */
    static Map<String, Object> parse(String ref) {
        Map<String, Object> m = new TreeMap<>();
        String base = ref;
        String query = "";
        int q = ref.indexOf('?');
        if (q >= 0) {
            base = ref.substring(0, q);
            query = ref.substring(q + 1);
        }
        int colon = base.indexOf(':');
        String scheme = colon > 0 && !base.startsWith("/") ? base.substring(0, colon) : "";
        if (FORGES.contains(scheme)) {
            String[] parts = base.substring(colon + 1).split("/", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw bad(ref, "expected '" + scheme + ":OWNER/REPO[/REF-OR-REV]'");
            }
            m.put("type", scheme);
            m.put("owner", parts[0]);
            m.put("repo", parts[1]);
            if (parts.length == 3) m.put(REV.matcher(parts[2]).matches() ? "rev" : "ref", parts[2]);
        } else if (scheme.equals("path") || base.startsWith("/")) {
            m.put("type", "path");
            m.put("path", scheme.equals("path") ? base.substring(colon + 1) : base);
        } else if (scheme.startsWith("git+")) {
            m.put("type", "git");
            m.put("url", base.substring(4));
        } else if (scheme.startsWith("tarball+") || scheme.startsWith("file+")) {
            int plus = scheme.indexOf('+');
            m.put("type", scheme.substring(0, plus));
            m.put("url", base.substring(plus + 1));
        } else if (scheme.equals("http") || scheme.equals("https") || scheme.equals("file")) {
            m.put("type", ARCHIVE.matcher(base).matches() ? "tarball" : "file");
            m.put("url", base);
        } else if (scheme.isEmpty() || scheme.equals("flake")) {
            String[] parts = base.substring(scheme.isEmpty() ? 0 : colon + 1).split("/", -1);
            if (parts.length > 3 || parts[0].isEmpty()) throw bad(ref, "expected 'ID[/REF[/REV]]'");
            m.put("type", "indirect");
            m.put("id", parts[0]);
            if (parts.length >= 2) m.put(REV.matcher(parts[1]).matches() ? "rev" : "ref", parts[1]);
            if (parts.length == 3) m.put("rev", parts[2]);
        } else {
            throw bad(ref, "unsupported flake reference type '" + scheme + "'");
        }
        if (!query.isEmpty()) {
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                String k = decode(eq < 0 ? kv : kv.substring(0, eq));
                String v = eq < 0 ? "" : decode(kv.substring(eq + 1));
                m.put(k, k.equals("revCount") || k.equals("lastModified") ? (Object) Long.parseLong(v) : v);
            }
        }
        return m;
    }

    static String render(Map<String, String> attrs) {
        Map<String, String> params = new TreeMap<>(attrs);
        String type = params.remove("type");
        if (type == null) throw EvalException.error("flake reference attributes lack 'type'", null);
        StringBuilder sb = new StringBuilder();
        switch (type) {
            case "github", "gitlab", "sourcehut" -> {
                sb.append(type).append(':').append(take(params, "owner", type)).append('/').append(take(params, "repo", type));
                String rev = params.remove("rev");
                String ref = params.remove("ref");
                if (rev != null && ref != null) throw EvalException.error("flake reference has both 'ref' and 'rev'", null);
                if (rev != null || ref != null) sb.append('/').append(rev != null ? rev : ref);
            }
            case "path" -> sb.append("path:").append(take(params, "path", type));
            case "git" -> sb.append("git+").append(take(params, "url", type));
            case "tarball", "file" -> {
                String url = take(params, "url", type);
                boolean implied = type.equals("tarball") ? ARCHIVE.matcher(url).matches() : !ARCHIVE.matcher(url).matches();
                sb.append(implied && !url.startsWith("file:") ? "" : type + "+").append(url);
            }
            case "indirect" -> {
                sb.append("flake:").append(take(params, "id", type));
                String ref = params.remove("ref");
                String rev = params.remove("rev");
                if (ref != null) sb.append('/').append(ref);
                if (rev != null) sb.append('/').append(rev);
            }
            default -> throw EvalException.error("unsupported flake reference type '" + type + "'", null);
        }
        char sep = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            sb.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    private static Map<String, String> fromAttrs(NixAttrs a) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < a.size(); i++) {
            String name = a.name(i);
            Value v = a.value(i).force();
            if (v instanceof NixString s) {
                m.put(name, ContextBuiltins.noContext(s));
            } else if (v instanceof NixInt n) {
                if (n.value < 0) {
                    throw EvalException.error("negative value given for flake ref attr " + name + ": " + n.value, null);
                }
                m.put(name, Long.toString(n.value));
            } else if (v instanceof NixBool b) {
                m.put(name, b.value ? "1" : "0");
            } else {
                throw EvalException.error("flake reference attribute '" + name + "' is " + v.showType()
                        + " while a string, an integer or a Boolean was expected", null);
            }
        }
        return m;
    }

    private static Value toAttrs(Map<String, Object> m) {
        AttrsBuilder b = new AttrsBuilder(m.size());
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            b.put(e.getKey(), v instanceof Long l ? NixInt.of(l) : NixString.of((String) v));
        }
        return b.build();
    }

    private static String take(Map<String, String> params, String name, String type) {
        String v = params.remove(name);
        if (v == null) throw EvalException.error("flake reference of type '" + type + "' lacks '" + name + "'", null);
        return v;
    }

    private static EvalException bad(String ref, String why) {
        return EvalException.error("'" + ref + "' is not a valid flake reference: " + why, null);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~/:@!$'()*+,;".indexOf(c) >= 0) sb.append(c);
            else sb.append(String.format("%%%02X", (int) c));
        }
        return sb.toString();
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinParseFlakeRef(a);
                case 1 -> builtinFlakeRefToString(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code parseFlakeRef} */
        private Value builtinParseFlakeRef(Value[] a) {
            return toAttrs(parse(ContextBuiltins.noContext(a[0])));
        }

        /** {@code flakeRefToString} */
        private Value builtinFlakeRefToString(Value[] a) {
            return NixString.of(render(fromAttrs(Force.attrs(a[0], null))));
        }
    }
}
