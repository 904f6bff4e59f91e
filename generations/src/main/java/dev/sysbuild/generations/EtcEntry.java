package dev.sysbuild.generations;

/**
 * One managed {@code /etc} entry of {@code etc.json}: {@code /etc/TARGET} is a link through
 * {@code /etc/static} ({@code mode} "symlink") or a copy of {@code source} with that octal mode.
 */
public record EtcEntry(String target, String source, String mode, String user, String group) {
    public static final String SYMLINK = "symlink";

    public EtcEntry {
        if (target.isEmpty() || target.startsWith("/") || target.endsWith("/")
                || ("/" + target + "/").contains("/../") || ("/" + target + "/").contains("/./")
                || target.contains("//")) {
            throw new GenerationsException("etc.json: target '" + target + "' must be a relative path under /etc"
                    + " without '.' or '..' components");
        }
        if (!mode.equals(SYMLINK) && !mode.matches("0?[0-7]{3,4}")) {
            throw new GenerationsException("etc.json: entry '" + target + "' has mode '" + mode
                    + "'; expected \"symlink\" or an octal mode such as \"0644\"");
        }
    }

    public boolean isSymlink() {
        return mode.equals(SYMLINK);
    }

    /** The permission bits of a copied entry. */
    public int permissions() {
        return Integer.parseInt(mode, 8) & 07777;
    }
}
