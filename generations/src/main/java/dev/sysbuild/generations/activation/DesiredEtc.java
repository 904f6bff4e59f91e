package dev.sysbuild.generations.activation;

/**
 * One {@code /etc} entry as activation will install it: a link through {@code /etc/static}, or
 * a copy with its contents, mode and numeric owner already resolved (so nothing is looked up
 * half-way through a change).
 */
record DesiredEtc(String target, boolean link, byte[] contents, int mode, int uid, int gid, String sha256) {
    static DesiredEtc link(String target) {
        return new DesiredEtc(target, true, null, 0, 0, 0, null);
    }

    EtcManifest.Managed managed() {
        return link ? new EtcManifest.Managed(EtcManifest.Managed.LINK, java.util.Set.of())
                : new EtcManifest.Managed(EtcManifest.Managed.COPY, java.util.Set.of(sha256));
    }
}
