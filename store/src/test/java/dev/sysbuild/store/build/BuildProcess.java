package dev.sysbuild.store.build;

import dev.sysbuild.store.derivation.InstantiatedDerivation;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StoreDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM for build tests of what one process cannot show. {@code die-before-register ROOT
 * TMP} builds {@link #doomed} and halts (as a power cut would: no finally blocks) after the
 * builder succeeded and before the output is registered.
 */
public final class BuildProcess {
    private BuildProcess() {}

    /** The derivation the dying process builds; the test computes the same paths. */
    static InstantiatedDerivation doomed(Drvs drvs) {
        return drvs.sh("doomed", "echo complete-looking > $out");
    }

    public static void main(String[] args) throws Exception {
        if (!args[0].equals("die-before-register")) throw new IllegalArgumentException(args[0]);
        LocalStore store = LocalStore.open(Path.of(args[1]), StoreDir.DEFAULT);
        Drvs drvs = new Drvs();
        InstantiatedDerivation d = doomed(drvs);
        BuildSettings settings = BuildSettings.defaults(Drvs.SYSTEM).withTmpDir(Path.of(args[2]));
        BuildScheduler scheduler = new BuildScheduler(store, settings, BuildProgress.silent());
        scheduler.beforeRegister = () -> Runtime.getRuntime().halt(3);
        scheduler.realise(List.of(d.drvPath()), drvs.lookup());
    }

    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BuildProcess.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

}
