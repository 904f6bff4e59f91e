package dev.sysbuild.store.debian;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code control} file of one {@code .deb}: a single deb822 stanza. Unlike an index stanza it
 * has no {@code Filename} or {@code SHA256}; those belong to the archive, not the package.
 *
 * @param depends the {@code Pre-Depends} and {@code Depends} clauses as written ({@code a (>= 1) | b})
 * @param provides the names of the virtual packages it provides
 */
public record DebControl(String name, String version, String architecture, List<String> depends,
        List<String> provides, Map<String, String> fields) {

    /** Parses the text of a control file; {@code where} names it in errors. */
    public static DebControl parse(String text, String where) {
        Map<String, String> f = new LinkedHashMap<>();
        String last = null;
        int line = 0;
        for (String l : text.split("\n")) {
            line++;
            if (l.isBlank()) {
                if (!f.isEmpty()) break;
                continue;
            }
            if (l.startsWith(" ") || l.startsWith("\t")) {
                if (last == null) throw new IllegalArgumentException(where + ":" + line + ": continuation line without a field");
                f.put(last, f.get(last) + "\n" + l.substring(1));
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException(where + ":" + line + ": expected 'Field: value', got '" + l + "'");
            last = l.substring(0, colon);
            f.put(last, l.substring(colon + 1).trim());
        }
        for (String required : List.of("Package", "Version")) {
            if (!f.containsKey(required)) throw new IllegalArgumentException(where + ": no '" + required + "' field");
        }
        List<String> depends = new ArrayList<>();
        for (String field : List.of("Pre-Depends", "Depends")) {
            if (f.containsKey(field)) {
                for (DebPackage.Relation r : PackagesIndex.clauses(f.get(field))) depends.add(r.name());
            }
        }
        List<String> provides = new ArrayList<>();
        if (f.containsKey("Provides")) {
            for (String p : f.get("Provides").split(",")) {
                if (!p.isBlank()) provides.add(PackagesIndex.relation(p).name());
            }
        }
        return new DebControl(f.get("Package"), f.get("Version"), f.getOrDefault("Architecture", "all"),
                List.copyOf(depends), List.copyOf(provides), Map.copyOf(f));
    }
}
