package dev.sysbuild.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The launcher's class-data sharing training run ({@code java -XX:DumpLoadedClassList=... -jar
 * sysbuild.jar --cds-training}, whose class list then makes a static archive): loads, without
 * initialising, every class of sysbuild and picocli in the jar, so the archive serves every
 * command, not only the one that happened to run first after a rebuild. Loading a class cannot run any of our code; a class that does not load (an
 * optional dependency missing) is skipped.
 */
final class CdsTraining {
    static final String FLAG = "--cds-training";

    private CdsTraining() {}

    static int run() {
        ClassLoader loader = CdsTraining.class.getClassLoader();
        int loaded = 0;
        try (JarFile jar = new JarFile(ownJar().toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (!name.endsWith(".class") || name.contains("-") || !(name.startsWith("dev/sysbuild/")
                        || name.startsWith("picocli/") || name.startsWith("org/antlr/v4/runtime/"))) {
                    continue;
                }
                try {
                    Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                    loaded++;
                } catch (Throwable t) {
                    // not loadable here; the archive just goes without it
                }
            }
        } catch (IOException | URISyntaxException e) {
            System.err.println("sysbuild: class-data training skipped: " + e.getMessage());
            return 0;
        }
        exercise();
        System.err.println("sysbuild: class-data archive trained with " + loaded + " classes");
        return 0;
    }

    /** Runs {@link #exercise(Path)} on a throwaway root. */
    private static void exercise() {
        Path root = null;
        try {
            root = java.nio.file.Files.createTempDirectory("sysbuild-cds-training-");
            exercise(root);
        } catch (IOException | RuntimeException e) {
            // training is best effort
        } finally {
            if (root != null) {
                try {
                    dev.sysbuild.store.local.FileTrees.deleteRecursively(root);
                } catch (IOException ignored) {
                    // a temporary directory left behind
                }
            }
        }
    }

    /**
     * Runs a few harmless commands on {@code root}, so the JDK classes they use at run time
     * (streams, NIO, digests, threads) and the lambda and method-handle classes their code paths
     * spin are in the archive too (a real switch spun ~500 classes outside it without the daily
     * loop below). Returns the daily-loop commands that failed: none, unless training has fallen
     * behind the commands it runs.
     */
    static java.util.List<String> exercise(Path root) throws IOException {
        java.io.PrintStream none = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        java.io.InputStream in = java.io.InputStream.nullInputStream();
        String r = root.toString();
        // On the empty root (some of these fail there by design: nothing to roll back to).
        Main.run(in, none, none, "eval", "--strict", "-E", "builtins.toJSON { a = [ 1 \"x\" ]; b = builtins.hashString \"sha256\" \"\"; }");
        Main.run(in, none, none, "generations", "list", "--root", r);
        Main.run(in, none, none, "gc", "--dry-run", "--root", r);
        Main.run(in, none, none, "log", "--root", r, "-f", root.resolve("system.conf").toString());
        Main.run(in, none, none, "rollback", "--root", r);
        // The daily loop: two generations, a no-change switch (the eval cache), a diff, a rollback.
        java.util.List<String> failed = new java.util.ArrayList<>();
        Path conf = root.resolve("system.conf");
        for (String host : new String[] {"training-a", "training-b", "training-b"}) {
            java.nio.file.Files.writeString(conf, "{ ... }: { networking.hostName = \"" + host + "\";"
                    + " users.users.alice.isNormalUser = true; environment.etc.\"training\".text = \"" + host + "\"; }\n");
            expect(failed, in, none, "switch", "--root", r, "-f", conf.toString(), "--no-sandbox");
        }
        expect(failed, in, none, "generations", "diff", "--root", r);
        expect(failed, in, none, "generations", "list", "--root", r);
        expect(failed, in, none, "rollback", "--root", r);
        return failed;
    }

    private static void expect(java.util.List<String> failed, java.io.InputStream in, java.io.PrintStream none, String... args) {
        if (Main.run(in, none, none, args) != 0) failed.add(String.join(" ", args));
    }

    private static Path ownJar() throws URISyntaxException {
        return Path.of(CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
