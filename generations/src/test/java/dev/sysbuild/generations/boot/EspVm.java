package dev.sysbuild.generations.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Boots a boot directory in QEMU the way a PC would: the tree is copied into a FAT image with
 * mtools (no mount needed), UEFI firmware (OVMF) starts the boot loader from
 * {@code EFI/BOOT/BOOTX64.EFI} (systemd-boot unless the tree brings its own, e.g. GRUB), and the
 * serial console is read until the test initrd prints the kernel command line. Software
 * emulation (TCG) only: KVM is not usable in every sandbox. As
 * {@code shared/validators/boot-esp-vm} does, in Java so the test needs no script from this machine.
 */
final class EspVm {
    static final Path OVMF_CODE = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
    static final Path OVMF_VARS = Path.of("/usr/share/OVMF/OVMF_VARS_4M.fd");
    static final Path SYSTEMD_BOOT = Path.of("/usr/lib/systemd/boot/efi/systemd-bootx64.efi");
    static final String CMDLINE_MARK = "SYSBUILD-VM-CMDLINE: ";

    /** What is missing for a boot, or empty when everything is there. */
    static Optional<String> missing() {
        for (String tool : List.of("qemu-system-x86_64", "mkfs.vfat", "mcopy", "mmd", "mdir")) {
            if (Tools.find(tool).isEmpty()) return Optional.of(tool + " is not installed (see .ci/install-validators)");
        }
        for (Path p : List.of(OVMF_CODE, OVMF_VARS, SYSTEMD_BOOT)) {
            if (!Files.isRegularFile(p)) return Optional.of(p + " is missing (apt-get install ovmf systemd-boot)");
        }
        return Optional.empty();
    }

    /** A booted machine's console and the ESP image as the boot loader left it. */
    record Boot(String commandLine, Path image, String serial) {
        /** File names in a directory of the image (after the boot loader's renames). */
        List<String> list(String dir) throws IOException, InterruptedException {
            Tools.Run r = Tools.run(List.of("mdir", "-b", "-i", image.toString(), "::/" + dir), Map.of(), 30);
            List<String> names = new ArrayList<>();
            for (String line : r.out().split("\n")) {
                if (line.isBlank()) continue;
                String name = line.trim().replaceAll("/$", "");
                names.add(name.substring(name.lastIndexOf('/') + 1));
            }
            names.sort(null);
            return names;
        }
    }

    /** Boots {@code espDir} (its contents are the partition's root) and returns the kernel command line printed. */
    static Boot boot(Path espDir, Path work, long timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path image = work.resolve("esp.img");
        Files.deleteIfExists(image);
        long kib = sizeKib(espDir) * 12 / 10 + 40_960;
        check(Tools.run(List.of("mkfs.vfat", "-C", "-n", "SYSBUILDESP", image.toString(), Long.toString(kib)), Map.of(), 60), "mkfs.vfat");
        List<String> copy = new ArrayList<>(List.of("mcopy", "-s", "-i", image.toString()));
        try (Stream<Path> s = Files.list(espDir)) {
            s.sorted().forEach(p -> copy.add(p.toString()));
        }
        copy.add("::/");
        check(Tools.run(copy, Map.of(), 120), "mcopy");
        if (!Files.exists(espDir.resolve("EFI/BOOT/BOOTX64.EFI"))) {
            Tools.run(List.of("mmd", "-i", image.toString(), "::/EFI", "::/EFI/BOOT"), Map.of(), 30);
            check(Tools.run(List.of("mcopy", "-o", "-i", image.toString(), SYSTEMD_BOOT.toString(), "::/EFI/BOOT/BOOTX64.EFI"), Map.of(), 30), "mcopy");
        }
        Path vars = work.resolve("vars.fd");
        Files.copy(OVMF_VARS, vars, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path serial = work.resolve("serial.log");
        Files.deleteIfExists(serial);
        Process qemu = new ProcessBuilder("qemu-system-x86_64", "-nographic", "-no-reboot", "-accel", "tcg", "-m", "1024",
                "-drive", "if=pflash,format=raw,readonly=on,file=" + OVMF_CODE,
                "-drive", "if=pflash,format=raw,file=" + vars,
                "-drive", "file=" + image + ",format=raw,if=virtio",
                "-serial", "file:" + serial, "-monitor", "none", "-display", "none")
                .redirectErrorStream(true).redirectOutput(work.resolve("qemu.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (System.nanoTime() < deadline) {
                Optional<String> line = commandLine(serial);
                if (line.isPresent()) {
                    qemu.waitFor(20, TimeUnit.SECONDS); // the test init powers off: let the loader's writes settle
                    return new Boot(line.get(), image, read(serial));
                }
                if (!qemu.isAlive()) break;
                Thread.sleep(250);
            }
            throw new AssertionError("no kernel command line on the serial console within " + timeoutSeconds + " s; it ends with:\n"
                    + tail(read(serial)) + "\nqemu: " + read(work.resolve("qemu.out")));
        } finally {
            qemu.destroyForcibly().waitFor();
        }
    }

    private static Optional<String> commandLine(Path serial) throws IOException {
        for (String line : read(serial).split("\r?\n")) {
            int i = line.indexOf(CMDLINE_MARK);
            if (i >= 0) return Optional.of(line.substring(i + CMDLINE_MARK.length()).strip());
        }
        return Optional.empty();
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1) : "";
    }

    private static String tail(String s) {
        String clean = s.replaceAll("\u001b\\[[0-9;=?]*[A-Za-z]", "").replace("\r", "");
        List<String> lines = clean.lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static long sizeKib(Path dir) throws IOException {
        long bytes = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) bytes += Files.size(p);
        }
        return bytes / 1024 + 1;
    }

    private static void check(Tools.Run r, String what) {
        if (r.exit() != 0) throw new AssertionError(what + " failed (exit " + r.exit() + "): " + r.out() + r.err());
    }
}
