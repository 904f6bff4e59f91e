package dev.sysbuild.generations;

import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.StoreDir;
import java.nio.file.Path;

/**
 * Where the profile, the activation state and the id ledger live under a target root R
 * (DESIGN.md, on-disk layout). Everything here is physical (under R); the links it names hold
 * logical paths.
 */
public record ProfileLayout(StoreLayout store) {
    public static ProfileLayout of(Path root, StoreDir storeDir) {
        return new ProfileLayout(new StoreLayout(root, storeDir));
    }

    public Path root() {
        return store.root();
    }

    /** {@code R/sysbuild/var/profiles}. */
    public Path profilesDir() {
        return root().resolve("sysbuild/var/profiles");
    }

    /** {@code system-N-link}: generation N, a link to its toplevel. */
    public Path generationLink(int n) {
        return profilesDir().resolve(linkName(n));
    }

    public static String linkName(int n) {
        return "system-" + n + "-link";
    }

    /** {@code system-N.json}: when generation N was made, and later where from (provenance). */
    public Path metadataFile(int n) {
        return profilesDir().resolve("system-" + n + ".json");
    }

    /** {@code system}: the boot default, a link to {@code system-N-link}. */
    public Path bootDefaultLink() {
        return profilesDir().resolve("system");
    }

    /** The one lock that serialises every change to the profile and to the live system. */
    public Path lockFile() {
        return profilesDir().resolve(".lock");
    }

    /** The highest generation number ever given out, so a deleted number is never reused. */
    public Path counterFile() {
        return profilesDir().resolve(".last-generation");
    }

    /** {@code R/run/current-system}: the toplevel that is active now. */
    public Path currentSystemLink() {
        return root().resolve("run/current-system");
    }

    /** {@code R/etc}. */
    public Path etcDir() {
        return root().resolve("etc");
    }

    /** {@code R/sysbuild/var/activation}: the /etc manifest, the last service plan. */
    public Path activationDir() {
        return root().resolve("sysbuild/var/activation");
    }

    /** The /etc entries activation manages now (written ahead of every change to them). */
    public Path etcManifest() {
        return activationDir().resolve("etc-managed.json");
    }

    /** The service plan of the last activation that did not run systemctl. */
    public Path lastPlan() {
        return activationDir().resolve("last-plan.json");
    }

    /** Written before activation changes anything, removed when it completes. */
    public Path inProgress() {
        return activationDir().resolve("in-progress.json");
    }

    /** {@code R/sysbuild/var/ids.json}: every uid and gid ever assigned. */
    public Path idLedger() {
        return root().resolve("sysbuild/var/ids.json");
    }

    /** {@code R/sysbuild/var/secrets}: password hashes the build put beside the store. */
    public Path secretsDir() {
        return root().resolve("sysbuild/var/secrets");
    }
}
