package dev.sysbuild.cli;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.store.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks the bundled {@code <sysbuild/os/options.nix>} about a configuration's options and hands
 * back plain JSON values: the reference list, or one option in detail. The language stays on
 * that side; this side only formats.
 */
final class OptionsQuery {
    private final Evaluator ev;
    private final String call;

    /** {@code configuration}: an absolute path to system.conf, or null for the bundled options alone. */
    OptionsQuery(Evaluator ev, String configuration) {
        this.ev = ev;
        String conf = configuration == null ? "null" : "(/. + " + nixString(configuration) + ")";
        this.call = "(import <sysbuild/os/options.nix> { configuration = " + conf + "; })";
    }

    /** Every visible option: name, type, description, default, example, declarations. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list() {
        return (List<Map<String, Object>>) Json.parse(json(call + ".list"));
    }

    /** One option by its path ({@code a.b."c/d".e}), or a map with {@code error}. */
    Map<String, Object> show(List<String> path) {
        StringBuilder list = new StringBuilder("[");
        for (String part : path) list.append(' ').append(nixString(part));
        list.append(" ]");
        String show = "(" + call + ".show " + list + ")";
        Map<String, Object> record = new java.util.LinkedHashMap<>(
                Json.parseObject(json("if " + show + " ? error then " + show + " else removeAttrs " + show + " [ \"value\" ]")));
        if (record.containsKey("error")) return record;
        try {
            record.put("value", json(show + ".value"));
            record.put("value", Json.parse((String) record.get("value")));
        } catch (EvalException e) {
            // The option's definitions do not merge (a conflict, a wrong type): show why.
            record.put("value", null);
            record.put("valueError", Bytes.decode(e.getMessage()).strip());
        }
        return record;
    }

    private String json(String expr) {
        String nix = "builtins.unsafeDiscardStringContext (builtins.toJSON (" + expr + "))";
        String bytes = Force.plainString(ev.evalString(Session.STRING_SOURCE, Bytes.encode(nix), Session.cwd()), null);
        return Bytes.decode(bytes);
    }

    /** A Nix string literal of Java text (as the evaluator's byte string). */
    static String nixString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"', '\\' -> b.append('\\').append(c);
                case '$' -> b.append("\\$");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * An option name split into its path: dots separate, except inside double quotes
     * ({@code environment.etc."ssh/sshd_config".mode}).
     */
    static List<String> splitName(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == '.' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else cur.append(c);
        }
        parts.add(cur.toString());
        return parts;
    }
}
