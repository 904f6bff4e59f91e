package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.BootEntriesWriter;
import dev.sysbuild.generations.Generation;
import dev.sysbuild.generations.GenerationInfo;
import dev.sysbuild.generations.GenerationsException;
import dev.sysbuild.generations.ProfileLock;
import dev.sysbuild.generations.SystemDirectory;
import dev.sysbuild.generations.SystemProfile;
import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.generations.boot.BootSpec;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The daily loop on a built toplevel: {@code switch} (new generation, boot default and entries,
 * activate), {@code boot} (without activating), {@code test} (activate only), {@code rollback}
 * and deleting generations. Every step is idempotent, so running the same command again after
 * a crash converges; a failed activation puts the boot default (and its entries) back.
 */
public final class SystemSwitch {
    private final SystemProfile profile;
    private final Activator activator;
    private final Optional<BootEntriesWriter> bootWriter;
    private final Consumer<String> log;
    private final Consumer<String> phases;

    public SystemSwitch(SystemProfile profile, Activator activator, Optional<BootEntriesWriter> bootWriter,
            Consumer<String> log) {
        this(profile, activator, bootWriter, log, phase -> {});
    }

    /**
     * @param phases told each phase as it begins ({@code generation}, {@code boot entries},
     *               {@code activation}), so {@code -v} can say where the time of a switch goes
     */
    public SystemSwitch(SystemProfile profile, Activator activator, Optional<BootEntriesWriter> bootWriter,
            Consumer<String> log, Consumer<String> phases) {
        this.profile = profile;
        this.activator = activator;
        this.bootWriter = bootWriter;
        this.log = log;
        this.phases = phases;
    }

    /** {@code switch}: returns the generation that is now the boot default and active. */
    public Generation switchTo(StorePath toplevel, Map<String, Object> provenance) throws IOException {
        try (ProfileLock lock = ProfileLock.acquire(profile.layout())) {
            OptionalInt oldDefault = profile.bootDefault();
            Generation g = makeDefault(toplevel, provenance, false);
            phases.accept("activation");
            try {
                // Always: activation is idempotent, and running it repairs /etc drift and finishes a crashed switch.
                activator.activate(toplevel);
            } catch (IOException | RuntimeException e) {
                if (oldDefault.isPresent() && oldDefault.getAsInt() != g.number()) {
                    profile.setBootDefault(oldDefault.getAsInt());
                    writeBootEntries();
                    log.accept("the boot default is generation " + oldDefault.getAsInt() + " again");
                }
                throw e;
            }
            return g;
        }
    }

    /** {@code boot}: the generation that becomes the boot default; nothing live changes. */
    public Generation boot(StorePath toplevel, Map<String, Object> provenance) throws IOException {
        try (ProfileLock lock = ProfileLock.acquire(profile.layout())) {
            return makeDefault(toplevel, provenance, true);
        }
    }

    /** {@code test}: activate now; the boot default stays. */
    public void test(StorePath toplevel) throws IOException {
        phases.accept("activation");
        activator.activate(toplevel);
    }

    /**
     * {@code rollback [--to N]}: generation N, or the newest one before the boot default, becomes
     * the boot default and is activated. If activation fails the old boot default comes back.
     */
    public Generation rollback(OptionalInt to) throws IOException {
        try (ProfileLock lock = ProfileLock.acquire(profile.layout())) {
            OptionalInt def = profile.bootDefault();
            Generation target;
            if (to.isPresent()) {
                target = profile.require(to.getAsInt());
            } else {
                if (def.isEmpty()) throw new GenerationsException("there is no boot default to roll back from; use --to N");
                target = profile.generations().stream().filter(g -> g.number() < def.getAsInt())
                        .reduce((x, y) -> y).orElseThrow(() -> new GenerationsException(
                                "generation " + def.getAsInt() + " is the oldest; there is nothing to roll back to"));
            }
            Toplevel t = new Toplevel(profile.layout().store(), target.toplevel());
            if (!Files.isDirectory(t.physical())) {
                throw new GenerationsException("generation " + target.number() + "'s toplevel " + t.logical()
                        + " is gone from the store; roll back to another generation");
            }
            profile.setBootDefault(target.number());
            phases.accept("boot entries");
            writeBootEntries();
            phases.accept("activation");
            try {
                activator.activate(target.toplevel());
            } catch (IOException | RuntimeException e) {
                if (def.isPresent()) {
                    profile.setBootDefault(def.getAsInt());
                    writeBootEntries();
                    log.accept("the boot default is generation " + def.getAsInt() + " again");
                }
                throw e;
            }
            return target;
        }
    }

    /** {@code activate}: what a generation's init runs at boot; activates the boot default. */
    public Generation activateBootDefault() throws IOException {
        OptionalInt def = profile.bootDefault();
        if (def.isEmpty()) throw new GenerationsException("there is no boot default (" + profile.layout().bootDefaultLink()
                + "); run 'sysbuild switch' or 'sysbuild boot' first");
        Generation g = profile.require(def.getAsInt());
        activator.activate(g.toplevel());
        return g;
    }

    /**
     * {@code activate DIR}: what a generation's init runs at boot, with the directory it ran
     * from; activates the generation DIR is (which need not be the boot default: the boot
     * loader may have started an older entry).
     */
    public SystemDirectory activate(String dir) throws IOException {
        SystemDirectory d = SystemDirectory.resolve(profile, dir);
        activator.activate(d.toplevel());
        return d;
    }

    /** Deletes generations (never the boot default or the active one) and rewrites the boot entries. */
    public void delete(Collection<Integer> numbers) throws IOException {
        try (ProfileLock lock = ProfileLock.acquire(profile.layout())) {
            profile.delete(numbers);
            writeBootEntries();
        }
    }

    /** Gives the boot writer every generation and the default; says so when there is no writer. */
    public void writeBootEntries() throws IOException {
        OptionalInt def = profile.bootDefault();
        if (def.isEmpty()) return;
        if (bootWriter.isEmpty()) {
            log.accept("no boot loader is connected: boot entries were not written");
            return;
        }
        List<GenerationInfo> infos = new ArrayList<>();
        for (Generation g : profile.generations()) {
            Toplevel t = new Toplevel(profile.layout().store(), g.toplevel());
            if (!Files.isDirectory(t.physical())) {
                log.accept("warning: generation " + g.number() + "'s toplevel is gone from the store; it gets no boot entry");
                continue;
            }
            infos.add(new GenerationInfo(g.number(), g.toplevel(), t.physical(), t.boot(), g.created()));
        }
        Optional<StorePath> running = profile.currentSystem();
        OptionalInt current = OptionalInt.empty();
        for (GenerationInfo g : infos) if (running.isPresent() && g.toplevel().equals(running.get())) current = OptionalInt.of(g.number());
        bootWriter.get().write(infos, def.getAsInt(), current);
    }

    private Generation makeDefault(StorePath toplevel, Map<String, Object> provenance, boolean needKernel) throws IOException {
        phases.accept("generation");
        BootSpec boot = new Toplevel(profile.layout().store(), toplevel).boot();
        if (needKernel && !boot.hasKernel()) {
            throw new GenerationsException("this configuration has no kernel (boot.json names none), so there is nothing"
                    + " to boot; use 'sysbuild switch' or 'sysbuild test' to activate it now");
        }
        OptionalInt oldDefault = profile.bootDefault();
        Optional<Generation> added = profile.addGeneration(toplevel, provenance);
        Generation g = added.isPresent() ? added.get() : profile.require(oldDefault.getAsInt());
        if (added.isEmpty()) log.accept("no change: generation " + g.number() + " already has this configuration");
        else log.accept("generation " + g.number() + " made");
        profile.setBootDefault(g.number());
        if (!boot.hasKernel()) {
            log.accept("this configuration has no kernel: no boot entries written");
            return g;
        }
        phases.accept("boot entries");
        try {
            writeBootEntries();
        } catch (IOException | RuntimeException e) {
            // The entries were left as they were (the writer's promise): the profile must agree with them.
            if (oldDefault.isPresent() && oldDefault.getAsInt() != g.number()) profile.setBootDefault(oldDefault.getAsInt());
            throw e;
        }
        return g;
    }
}
