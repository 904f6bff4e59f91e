package dev.sysbuild.store.debian;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Reads Debian {@code Packages} indexes: plain, {@code .gz}, {@code .xz} or {@code .lz4} (as apt keeps them). */
public final class PackagesIndex {
    private PackagesIndex() {}

    /** Every package stanza of {@code file}, in file order; the compression is told by the first bytes. */
    public static List<DebPackage> read(Path file) throws IOException {
        try (InputStream in = decompressed(new BufferedInputStream(Files.newInputStream(file)))) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.toString());
        }
    }

    static InputStream decompressed(BufferedInputStream in) throws IOException {
        in.mark(8);
        byte[] magic = in.readNBytes(6);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) return new GZIPInputStream(in);
        if (magic.length >= 6 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X') {
            return new XZCompressorInputStream(in, true);
        }
        if (magic.length >= 4 && (magic[0] & 0xff) == 0x04 && (magic[1] & 0xff) == 0x22 && (magic[2] & 0xff) == 0x4d
                && (magic[3] & 0xff) == 0x18) {
            return new FramedLZ4CompressorInputStream(in, true);
        }
        return in;
    }

    /** Parses index text; {@code where} names it in errors. */
    public static List<DebPackage> parse(String text, String where) {
        List<DebPackage> out = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        int line = 0;
        int stanzaLine = 1;
        for (String l : text.split("\n", -1)) {
            line++;
            if (l.isBlank()) {
                if (!fields.isEmpty()) out.add(toPackage(fields, where, stanzaLine));
                fields = new LinkedHashMap<>();
                last = null;
                stanzaLine = line + 1;
                continue;
            }
            if (l.startsWith(" ") || l.startsWith("\t")) {
                if (last == null) throw new IllegalArgumentException(where + ":" + line + ": continuation line without a field");
                fields.put(last, fields.get(last) + "\n" + l.substring(1));
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException(where + ":" + line + ": expected 'Field: value', got '" + l + "'");
            last = l.substring(0, colon);
            fields.put(last, l.substring(colon + 1).trim());
        }
        if (!fields.isEmpty()) out.add(toPackage(fields, where, stanzaLine));
        return out;
    }

    private static DebPackage toPackage(Map<String, String> f, String where, int line) {
        for (String required : List.of("Package", "Version", "Filename", "SHA256")) {
            if (!f.containsKey(required)) {
                throw new IllegalArgumentException(where + ":" + line + ": package stanza without '" + required + "'"
                        + (f.containsKey("Package") ? " (package " + f.get("Package") + ")" : ""));
            }
        }
        List<DebPackage.Relation> depends = new ArrayList<>();
        // Pre-Depends must be unpacked first; for a store path both are simply dependencies.
        for (String field : List.of("Pre-Depends", "Depends")) {
            String v = f.get(field);
            if (v != null) depends.addAll(clauses(v));
        }
        List<DebPackage.Relation> provides = new ArrayList<>();
        if (f.containsKey("Provides")) {
            for (String p : f.get("Provides").split(",")) provides.add(relation(p.trim()));
        }
        long size = f.containsKey("Size") ? Long.parseLong(f.get("Size")) : -1;
        return new DebPackage(f.get("Package"), f.get("Version"), f.getOrDefault("Architecture", "all"),
                f.get("Filename"), f.get("SHA256"), size, depends, provides, Map.copyOf(f));
    }

    /**
     * A dependency field as one relation per clause; alternatives of a clause ({@code a | b}) are
     * kept as one relation whose name holds them joined by {@code |}, resolved by
     * {@link DependencyResolver}.
     */
    static List<DebPackage.Relation> clauses(String field) {
        List<DebPackage.Relation> out = new ArrayList<>();
        for (String clause : field.split(",")) {
            String c = clause.trim();
            if (!c.isEmpty()) out.add(new DebPackage.Relation(c, null, null));
        }
        return out;
    }

    /** {@code name[:arch] [(op version)]} */
    static DebPackage.Relation relation(String s) {
        String t = s.trim();
        String op = null;
        String version = null;
        int paren = t.indexOf('(');
        if (paren >= 0) {
            String inner = t.substring(paren + 1, t.indexOf(')', paren)).trim();
            t = t.substring(0, paren).trim();
            int k = 0;
            while (k < inner.length() && "<>=".indexOf(inner.charAt(k)) >= 0) k++;
            op = inner.substring(0, k);
            version = inner.substring(k).trim();
        }
        int bracket = t.indexOf('[');
        if (bracket >= 0) t = t.substring(0, bracket).trim();
        int colon = t.indexOf(':');
        if (colon >= 0) t = t.substring(0, colon);
        return new DebPackage.Relation(t, op, version);
    }
}
