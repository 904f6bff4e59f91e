package dev.sysbuild.language;

/** Lexical path canonicalisation as Nix's canonPath does it: no symlinks are followed. */
public final class Paths {
    private Paths() {}

    public static String canonical(String path) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = path.length();
        while (i < n) {
            while (i < n && path.charAt(i) == '/') i++;
            if (i >= n) break;
            int j = i;
            while (j < n && path.charAt(j) != '/') j++;
            String seg = path.substring(i, j);
            if (seg.equals(".")) {
                // skip
            } else if (seg.equals("..")) {
                int slash = out.lastIndexOf("/");
                if (slash >= 0) out.setLength(slash);
            } else {
                out.append('/').append(seg);
            }
            i = j;
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
