package dev.sysbuild.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** How {@code sysbuild options} prints options: a listing, one option in detail, or docs/options.md. */
final class OptionsText {
    /** Where the bundled files are unpacked ({@code .../bundled-HASH/}): shown as {@code <sysbuild/...>}. */
    private static final Pattern BUNDLED = Pattern.compile("^.*/bundled-[0-9a-f]+/([^:]*)");

    private OptionsText() {}

    /** A file (or file:line) as a reader can find it: bundled files by their {@code <sysbuild/...>} name. */
    static String location(String file) {
        return BUNDLED.matcher(file).replaceFirst("<sysbuild/$1>");
    }

    /** The option with its file lists as {@link #location} shows them (for --json). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readable(Map<String, Object> option) {
        Map<String, Object> o = new java.util.LinkedHashMap<>(option);
        for (String key : List.of("declarations", "declarationFiles", "definitions")) {
            if (o.get(key) instanceof List<?> l) o.put(key, ((List<String>) l).stream().map(OptionsText::location).toList());
        }
        return o;
    }

    /** One option of the listing: name, type, default, description, each option a paragraph. */
    static String entry(Map<String, Object> o) {
        StringBuilder b = new StringBuilder();
        b.append(o.get("name")).append('\n');
        b.append("    type: ").append(o.get("type")).append('\n');
        if (o.get("default") != null) b.append("    default: ").append(indent((String) o.get("default"), "    ")).append('\n');
        if (o.get("description") != null) b.append("    ").append(indent((String) o.get("description"), "    ")).append('\n');
        return b.toString();
    }

    /** One option in detail: its value here and every place that declared or defined it. */
    @SuppressWarnings("unchecked")
    static String detail(Map<String, Object> o) {
        StringBuilder b = new StringBuilder();
        b.append(o.get("name")).append('\n');
        b.append("  type:        ").append(o.get("type")).append('\n');
        if (o.get("default") != null) b.append("  default:     ").append(indent((String) o.get("default"), "               ")).append('\n');
        Object value = o.get("value");
        if (o.get("valueError") != null) value = "(cannot be computed) " + o.get("valueError");
        b.append("  value:       ").append(value == null ? "(none)" : indent((String) value, "               ")).append('\n');
        if (o.get("description") != null) b.append("  description: ").append(indent((String) o.get("description"), "               ")).append('\n');
        List<String> declared = (List<String>) o.get("declarations");
        if (declared.isEmpty()) declared = (List<String>) o.get("declarationFiles");
        b.append("  declared in:\n");
        for (String d : declared) b.append("    ").append(location(d)).append('\n');
        List<String> defined = (List<String>) o.get("definitions");
        b.append("  defined in").append(o.get("definedVia") == null ? "" : " (as part of " + o.get("definedVia") + ")").append(':');
        b.append(defined.isEmpty() ? " nowhere (the default applies)\n" : "\n");
        for (String d : defined) b.append("    ").append(location(d)).append('\n');
        return b.toString();
    }

    /** docs/options.md: every bundled option with the empty configuration. */
    @SuppressWarnings("unchecked")
    static String markdown(List<Map<String, Object>> options) {
        StringBuilder b = new StringBuilder();
        b.append("# Options of the bundled OS modules\n\n");
        b.append("Generated from the option declarations by `sysbuild options --markdown > docs/options.md`;\n");
        b.append("`OptionsDocTest` fails when this file is stale. `sysbuild options show NAME` shows one\n");
        b.append("option's value in a configuration and where it was declared and defined.\n");
        for (Map<String, Object> o : options) {
            b.append("\n## `").append(o.get("name")).append("`\n\n");
            if (o.get("description") != null) b.append(o.get("description")).append("\n\n");
            b.append("- Type: ").append(o.get("type")).append('\n');
            if (o.get("default") != null) b.append("- Default: ").append(code((String) o.get("default"))).append('\n');
            if (o.get("example") != null) b.append("- Example: ").append(code((String) o.get("example"))).append('\n');
            if (Boolean.TRUE.equals(o.get("readOnly"))) b.append("- Read-only\n");
            List<String> declared = (List<String>) o.get("declarations");
            for (String d : declared) b.append("- Declared in: `").append(location(d)).append("`\n");
        }
        return b.toString();
    }

    private static String code(String value) {
        if (!value.contains("\n")) return "`` " + value + " ``";
        return "\n\n  ```nix\n  " + value.replace("\n", "\n  ") + "\n  ```\n";
    }

    private static String indent(String text, String prefix) {
        return text.strip().replace("\n", "\n" + prefix);
    }
}
