package dev.sysbuild.generations;

import dev.sysbuild.generations.boot.BootEntries;
import dev.sysbuild.generations.boot.BootGeneration;
import dev.sysbuild.generations.boot.BootResult;
import dev.sysbuild.generations.boot.BootSettings;
import dev.sysbuild.store.local.StoreLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** {@link BootEntriesWriter} over the boot-entries code, saying in one or two lines what it did. */
final class StandardBootEntries implements BootEntriesWriter {
    private final BootEntries entries;
    private final Consumer<String> log;

    StandardBootEntries(StoreLayout layout, BootSettings settings, Consumer<String> log) {
        this.entries = new BootEntries(layout, settings);
        this.log = log;
    }

    @Override
    public void write(List<GenerationInfo> generations, int defaultGeneration, OptionalInt current) throws IOException {
        List<BootGeneration> gens = new ArrayList<>(generations.size());
        for (GenerationInfo g : generations) gens.add(new BootGeneration(g.number(), g.created(), g.boot()));
        BootResult r = entries.write(gens, defaultGeneration, current);
        if (!r.written()) {
            log.accept("generation " + defaultGeneration + " has no kernel: no boot entries written");
            return;
        }
        log.accept("boot entries (" + r.loaderType() + "): generation" + (r.entries().size() == 1 ? " " : "s ")
                + join(r.entries()) + ", default " + r.defaultGeneration());
        if (!r.overLimit().isEmpty()) log.accept("  left out by configurationLimit: " + join(r.overLimit()));
        if (!r.prunedForSpace().isEmpty()) log.accept("  left out to make room on the boot partition: " + join(r.prunedForSpace()));
        if (!r.withoutKernel().isEmpty()) log.accept("  without a kernel, so without an entry: " + join(r.withoutKernel()));
    }

    private static String join(List<Integer> ns) {
        return ns.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
