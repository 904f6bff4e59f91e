package dev.sysbuild.generations.inspect;

/**
 * A package's name and version from its store path name, as Nix's {@code parseDrvName} splits
 * them: the version starts after the first dash that is not followed by a letter
 * ({@code hello-2.12.1} is hello 2.12.1, {@code xorg-server-21.1} is xorg-server 21.1).
 */
public record PackageName(String name, String version) {
    /** From a logical store path, {@code /sysbuild/store/<hash>-hello-2.12}. */
    public static PackageName ofStorePath(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        int dash = base.indexOf('-');
        return parse(dash >= 0 ? base.substring(dash + 1) : base);
    }

    public static PackageName parse(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '-' && !Character.isLetter(s.charAt(i + 1))) {
                return new PackageName(s.substring(0, i), s.substring(i + 1));
            }
        }
        return new PackageName(s, "");
    }
}
