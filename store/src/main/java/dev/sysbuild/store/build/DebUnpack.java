package dev.sysbuild.store.build;

import dev.sysbuild.store.debian.DebControl;
import dev.sysbuild.store.json.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;

/**
 * {@code builtin:unpack-deb}: a Debian binary package {@code src} (an {@code ar} archive of
 * {@code debian-binary}, {@code control.tar.*} and {@code data.tar.*}) as a store path: its
 * {@code data} tree at the top with the merged-/usr layout ({@link MergedUsr}), its control
 * member under {@code nix-support/deb-control/} and a summary in {@code nix-support/deb.json}
 * ({@code package}, {@code version}, {@code architecture}, {@code depends}, {@code provides},
 * {@code maintainerScripts}). Maintainer scripts are never run; each one present is a warning in
 * the build log, and activation names them (docs/packages.md).
 */
final class DebUnpack implements Builder {
    /** The control files that dpkg would run; sysbuild runs none of them. */
    static final List<String> SCRIPTS = List.of("preinst", "postinst", "prerm", "postrm", "config");

    @Override
    public void build(BuildRequest req, BuildContext ctx) throws BuildException, IOException {
        String src = BuiltinBuilders.required(req, "src");
        Path deb = BuiltinBuilders.input(req, ctx, src);
        Path out = BuiltinBuilders.output(req, ctx, "out");
        String what = "'" + src + "'";
        if (!Files.isRegularFile(deb)) throw new BuildException("builtin:unpack-deb for '" + req.name() + "': " + what + " is not a file");
        Files.createDirectory(out);
        byte[] control = null;
        boolean data = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(deb), 1 << 16)) {
            ArArchiveInputStream ar = new ArArchiveInputStream(in);
            ArArchiveEntry e = ar.getNextEntry();
            if (e == null || !e.getName().equals("debian-binary")) throw notADeb(req, what, "it does not start with 'debian-binary'");
            String format = new String(ar.readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!format.startsWith("2.")) throw notADeb(req, what, "its format is '" + format + "', not 2.x");
            while ((e = ar.getNextEntry()) != null) {
                String name = e.getName();
                if (name.startsWith("control.tar")) {
                    // Kept in memory (it is small) and written after the data, so nothing in the data can reach it.
                    control = ar.readAllBytes();
                } else if (name.startsWith("data.tar")) {
                    ArchiveExtractor x = new ArchiveExtractor(out, "the data of " + what, true);
                    x.tar(Unpack.decompressed(new BufferedInputStream(ar)));
                    for (String s : x.skipped()) ctx.log("unpack-deb: skipped '" + s + "' (not a file, directory or symlink)");
                    data = true;
                }
            }
        } catch (IOException e) {
            if (e.getCause() instanceof BuildException b) throw b;
            throw new BuildException("builtin:unpack-deb for '" + req.name() + "': cannot read " + what + ": " + e.getMessage(), e);
        }
        if (control == null) throw notADeb(req, what, "it has no control.tar member");
        if (!data) throw notADeb(req, what, "it has no data.tar member");
        for (String note : MergedUsr.apply(out, what)) ctx.log("unpack-deb: " + note);
        if (Files.exists(out.resolve("nix-support"), LinkOption.NOFOLLOW_LINKS)) {
            throw new BuildException("builtin:unpack-deb for '" + req.name() + "': the data of " + what
                    + " has a top-level 'nix-support', where the package's metadata goes");
        }
        Path controlDir = out.resolve("nix-support/deb-control");
        Files.createDirectories(controlDir);
        new ArchiveExtractor(controlDir, "the control part of " + what).tar(Unpack.decompressed(new ByteArrayInputStream(control)));
        writeSummary(req, ctx, out, controlDir, what);
    }

    private static void writeSummary(BuildRequest req, BuildContext ctx, Path out, Path controlDir, String what)
            throws IOException, BuildException {
        Path controlFile = controlDir.resolve("control");
        if (!Files.isRegularFile(controlFile, LinkOption.NOFOLLOW_LINKS)) throw notADeb(req, what, "its control member has no 'control' file");
        DebControl c;
        try {
            c = DebControl.parse(Files.readString(controlFile, StandardCharsets.UTF_8), what + " control");
        } catch (IllegalArgumentException e) {
            throw new BuildException("builtin:unpack-deb for '" + req.name() + "': " + e.getMessage());
        }
        List<String> scripts = new ArrayList<>();
        for (String s : SCRIPTS) if (Files.isRegularFile(controlDir.resolve(s), LinkOption.NOFOLLOW_LINKS)) scripts.add(s);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("package", c.name());
        summary.put("version", c.version());
        summary.put("architecture", c.architecture());
        summary.put("depends", c.depends());
        summary.put("provides", c.provides());
        summary.put("maintainerScripts", scripts);
        summary.put("triggers", Files.exists(controlDir.resolve("triggers")));
        Files.writeString(out.resolve("nix-support/deb.json"), Json.writePretty(summary) + "\n");
        for (String s : scripts) {
            ctx.log("warning: package '" + c.name() + "' " + c.version() + " has a " + s
                    + " script, which sysbuild does not run");
        }
        ctx.log("unpacked " + c.name() + " " + c.version() + " from " + what);
    }

    private static BuildException notADeb(BuildRequest req, String what, String why) {
        return new BuildException("builtin:unpack-deb for '" + req.name() + "': " + what + " is not a Debian package: " + why);
    }
}
