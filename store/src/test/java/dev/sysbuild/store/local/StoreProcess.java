package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second sysbuild process for tests of what one JVM cannot show: OS file locks and two
 * processes adding to one store. {@code lock FILE} holds a {@link PathLock} until its input
 * closes; {@code add ROOT SOURCE NAME} adds a path and prints it; {@code add-then-die ROOT SOURCE
 * NAME} halts between moving the path into place and registering it; {@code hold-gc-shared FILE}
 * holds the global lock as an adder would until its input closes; {@code use ROOT NAME TEXT
 * [EXISTING]} adds a text path, asks whether the path whose base name is EXISTING is valid (so
 * both become its temporary roots), prints the new path and lives until its input closes;
 * {@code valid ROOT BASENAME} prints whether that path is valid.
 */
public final class StoreProcess {
    private StoreProcess() {}

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "lock" -> {
                try (PathLock lock = PathLock.acquire(Path.of(args[1]), java.time.Duration.ofSeconds(30))) {
                    System.out.println("locked");
                    System.out.flush();
                    System.in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            case "add" -> {
                LocalStore store = LocalStore.open(Path.of(args[1]), StoreDir.DEFAULT);
                System.out.println(store.addToStore(Path.of(args[2]), args[3]).baseName());
            }
            case "add-then-die" -> {
                // A real crash: halt skips finally blocks and shutdown hooks, as a power cut would.
                LocalStore store = LocalStore.open(Path.of(args[1]), StoreDir.DEFAULT);
                store.beforeRegister = () -> Runtime.getRuntime().halt(3);
                store.addToStore(Path.of(args[2]), args[3]);
            }
            case "hold-gc-shared" -> {
                try (GcLock.Held held = GcLock.of(Path.of(args[1])).shared()) {
                    System.out.println("holding");
                    System.out.flush();
                    System.in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            case "use" -> {
                LocalStore store = LocalStore.open(Path.of(args[1]), StoreDir.DEFAULT);
                StorePath added = store.addTextToStore(args[2], args[3].getBytes(StandardCharsets.UTF_8), List.of());
                if (args.length > 4 && !store.isValid(StorePath.parseBaseName(args[4]))) {
                    throw new IllegalStateException(args[4] + " is not valid");
                }
                System.out.println(added.baseName());
                System.out.flush();
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            case "valid" -> {
                LocalStore store = LocalStore.open(Path.of(args[1]), StoreDir.DEFAULT);
                System.out.println(store.isValid(StorePath.parseBaseName(args[2])));
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Starts {@code StoreProcess} with {@code args} on this JVM's class path. */
    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StoreProcess.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The first line the process prints. */
    static String firstLine(Process p) throws IOException {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
}
