package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Makes the outputs a builder produced in place valid, in the two halves of
 * {@link LocalStore#prepareRegistration} and {@link LocalStore#commitRegistration}: unlike an add,
 * nothing is staged, since the output is already at its place and locked by the builder.
 */
final class OutputRegistrar {
    private final PathRegistry registry;

    OutputRegistrar(PathRegistry registry) {
        this.registry = registry;
    }

    private StoreDir storeDir() {
        return registry.storeDir();
    }

    /** {@link LocalStore#prepareRegistration}: canonicalises and scans, makes nothing valid. */
    LocalStore.PreparedRegistration prepare(Collection<StorePath> outputs, Collection<StorePath> candidates,
            Optional<StorePath> deriver) throws IOException {
        try (GcLock.Held gc = registry.gcLock().shared()) {
            List<StorePath> scanFor = new ArrayList<>(candidates);
            scanFor.addAll(outputs);
            List<PathInfo> infos = new ArrayList<>();
            for (StorePath p : outputs) {
                Optional<PathInfo> existing = registry.db().query(p);
                if (existing.isPresent()) {
                    infos.add(existing.get());
                    continue;
                }
                Path physical = registry.layout().physical(p);
                if (!Files.exists(physical, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("cannot register '" + storeDir().print(p) + "': the builder did not create "
                            + physical);
                }
                Canonicaliser.canonicalise(physical);
                NarSummary nar = NarSummary.of(physical, scanFor);
                infos.add(new PathInfo(p, nar.narHash(), nar.narSize(), nar.references(), deriver, registry.clock().instant()));
            }
            return new LocalStore.PreparedRegistration(ReferenceOrder.dependenciesFirst(infos));
        }
    }

    /** {@link LocalStore#commitRegistration}: syncs the outputs not valid yet, then commits them in order. */
    List<PathInfo> commit(LocalStore.PreparedRegistration prepared) throws IOException {
        try (GcLock.Held gc = registry.gcLock().shared()) {
            List<PathInfo> todo = new ArrayList<>();
            for (PathInfo info : prepared.infos()) {
                if (!registry.isValid(info.path())) todo.add(info);
            }
            for (PathInfo info : todo) FileTrees.syncTree(registry.layout().physical(info.path()));
            for (PathInfo info : todo) registry.commit(info);
            return prepared.infos();
        }
    }
}
