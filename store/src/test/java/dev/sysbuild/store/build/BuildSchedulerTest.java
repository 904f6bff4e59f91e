package dev.sysbuild.store.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sysbuild.store.derivation.InstantiatedDerivation;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.local.PathInfo;
import dev.sysbuild.store.local.SweepResult;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildSchedulerTest {
    @TempDir
    Path tmp;

    Path root;
    LocalStore store;
    Drvs drvs = new Drvs();
    BuildSettings settings;

    @BeforeEach
    void open() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        store = LocalStore.open(root, StoreDir.DEFAULT);
        settings = BuildSettings.defaults(Drvs.SYSTEM).withJobs(2).withTmpDir(Files.createDirectory(tmp.resolve("builds")));
    }

    BuildScheduler.Summary realise(InstantiatedDerivation... tops) throws Exception {
        return realise(new BuildScheduler(store, settings, BuildProgress.silent()), tops);
    }

    BuildScheduler.Summary realise(BuildScheduler s, InstantiatedDerivation... tops) throws Exception {
        return s.realise(java.util.Arrays.stream(tops).map(InstantiatedDerivation::drvPath).toList(), drvs.lookup());
    }

    @Test
    void outputsAreReadOnlyWithMtimeOneAndRecordTheirDeriver() throws Exception {
        InstantiatedDerivation d = drvs.sh("tree", "mkdir() { :; }; echo hi > $out");
        InstantiatedDerivation dir = drvs.sh("dir", "read x < $in0; test \"$x\" = hi || exit 9;"
                + " cd $TMPDIR; echo made > made; exec 3>$out; exec 3>&-", d);

        realise(d, dir);

        Path out = store.layout().physical(drvs.outPath(d));
        assertThat(Files.readString(out)).isEqualTo("hi\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("r--r--r--");
        assertThat(Files.getLastModifiedTime(out).toMillis()).isEqualTo(1000);
        PathInfo info = store.queryPathInfo(drvs.outPath(d)).orElseThrow();
        assertThat(info.deriver()).contains(d.drvPath());
        assertThat(store.isValid(drvs.outPath(dir))).isTrue();
    }

    @Test
    void theBuilderSeesTheUsualVariablesAndACleanEnvironment() throws Exception {
        InstantiatedDerivation d = drvs.sh("env", "{ echo \"$PATH|$HOME|$NIX_STORE|$NIX_BUILD_CORES|$name\";"
                + " test \"$NIX_BUILD_TOP\" = \"$TMPDIR\" && test \"$TMPDIR\" = \"$PWD\" && echo same-top;"
                + " test -n \"$JAVA_HOME$USER\" && echo leaked; read x && echo stdin-read; true; } > $out");

        realise(d);

        assertThat(Files.readString(store.layout().physical(drvs.outPath(d))))
                .isEqualTo("/path-not-set|/homeless-shelter|/sysbuild/store|" + settings.cores() + "|env\nsame-top\n");
    }

    @Test
    void passAsFileVariablesArriveAsFilesNamedAsInNix() throws Exception {
        InstantiatedDerivation d = drvs.make("pass", "/bin/sh", List.of("-c",
                "read x < $bigPath; { echo \"$x\"; echo \"${big:-unset} ${bigPath##*/}\"; } > $out"),
                java.util.Map.of("big", "the value", "passAsFile", "big"), List.of(), java.util.Set.of(), Optional.empty());

        realise(d);

        // Nix 2.8 names the file .attr-<nix32 of sha256("big")>.
        String name = ".attr-" + dev.sysbuild.store.NixBase32.encode(dev.sysbuild.store.hash.HashAlgo.SHA256
                .hash("big".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).bytes());
        assertThat(Files.readString(store.layout().physical(drvs.outPath(d)))).isEqualTo("the value\nunset " + name + "\n");
    }

    @Test
    void anOutputThatMentionsAnInputReferencesItAndOneThatDoesNotDoesNot() throws Exception {
        InstantiatedDerivation dep = drvs.sh("dep", "echo dep > $out");
        InstantiatedDerivation mentions = drvs.sh("mentions", "echo \"uses $in0\" > $out", dep);
        InstantiatedDerivation ignores = drvs.sh("ignores", "read x < $in0; echo \"$x\" > $out", dep);

        realise(mentions, ignores);

        assertThat(store.queryPathInfo(drvs.outPath(mentions)).orElseThrow().references())
                .containsExactly(drvs.outPath(dep));
        assertThat(store.queryPathInfo(drvs.outPath(ignores)).orElseThrow().references()).isEmpty();
    }

    @Test
    void aFailingBuilderReportsItsExitStatusAndLogTailAndRegistersNothing() throws Exception {
        StringBuilder script = new StringBuilder();
        for (int i = 1; i <= 25; i++) script.append("echo line-").append(i).append(";");
        InstantiatedDerivation bad = drvs.sh("bad", script + "echo half > $out; exit 3");

        assertThatThrownBy(() -> realise(bad))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("builder for '" + drvs.dir.print(bad.drvPath()) + "' failed with exit code 3")
                .hasMessageContaining("last 20 log lines:\n> line-6\n")
                .hasMessageContaining("> line-25")
                .hasMessageNotContaining("line-5\n");

        StorePath out = drvs.outPath(bad);
        assertThat(store.isValid(out)).isFalse();
        assertThat(store.layout().physical(out)).doesNotExist();
        assertThat(BuildLogs.logFile(root, bad.drvPath())).content().contains("line-25");
    }

    @Test
    void aBuilderThatMakesNoOutputFails() throws Exception {
        InstantiatedDerivation lazy = drvs.sh("lazy", "echo nothing");

        assertThatThrownBy(() -> realise(lazy)).hasMessageContaining("did not create its output 'out'");
    }

    @Test
    void afterAFailureRunningBuildsFinishAndNothingElseStarts() throws Exception {
        Path started = tmp.resolve("started");
        InstantiatedDerivation fails = drvs.sh("fails", "exit 1");
        InstantiatedDerivation slow = drvs.sh("slow", "/bin/sleep 0.5; echo slow > $out");
        // Ready only once slow is done, which is after fails has failed.
        InstantiatedDerivation later = drvs.sh("later", "echo later >> " + started + "; echo later > $out", slow);
        InstantiatedDerivation top = drvs.sh("top", "echo top > $out", fails, later);

        assertThatThrownBy(() -> realise(top))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining(drvs.dir.print(fails.drvPath()))
                .hasMessageContaining("not started");

        assertThat(store.isValid(drvs.outPath(slow))).isTrue();
        assertThat(store.isValid(drvs.outPath(later))).isFalse();
        assertThat(started).doesNotExist();
    }

    @Test
    void aChainIsCommittedInOrderAndEverythingIsValidAndUnlockedWhenRealiseReturns() throws Exception {
        // Outputs are committed in the background while the next build runs; none may be left uncommitted,
        // and each commit needs the previous one (a valid path's references must be valid).
        InstantiatedDerivation prev = drvs.sh("link-0", "echo 0 > $out");
        List<InstantiatedDerivation> chain = new java.util.ArrayList<>(List.of(prev));
        for (int i = 1; i < 25; i++) {
            prev = drvs.sh("link-" + i, "read x < $in0; echo $((x + 1)) > $out; echo $in0 >> $out", prev);
            chain.add(prev);
        }

        assertThat(realise(new BuildScheduler(store, settings.withJobs(1), BuildProgress.silent()), prev).built())
                .isEqualTo(25);

        try (var locks = Files.list(store.layout().locksDir())) {
            assertThat(locks.filter(f -> f.toString().endsWith(".lock")).toList()).isEmpty(); // deleted after each commit
        }
        for (int i = 0; i < chain.size(); i++) {
            StorePath out = drvs.outPath(chain.get(i));
            PathInfo info = store.queryPathInfo(out).orElseThrow();
            if (i > 0) assertThat(info.references()).contains(drvs.outPath(chain.get(i - 1)));
            assertThat(store.tryLockPath(out)).hasValueSatisfying(l -> {
                try {
                    l.close();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(Files.readAllLines(store.layout().physical(drvs.outPath(prev))).get(0)).isEqualTo("24");
    }

    @Test
    void validOutputsAreNotBuiltAgain() throws Exception {
        Path count = tmp.resolve("count");
        InstantiatedDerivation d = drvs.sh("once", "echo x >> " + count + "; echo once > $out");

        assertThat(realise(d).built()).isEqualTo(1);
        assertThat(realise(d).built()).isZero();
        assertThat(Files.readAllLines(count)).hasSize(1);
    }

    @Test
    void aFailedBackgroundCommitFailsTheRunAndLeavesNothingOfItOrWhatWasBuiltOnIt() throws Exception {
        // The dependent starts before its input is committed; when that commit fails, the dependent's
        // commit must fail too (its reference is not valid) and both leave nothing behind.
        Path started = tmp.resolve("top-started");
        InstantiatedDerivation base = drvs.sh("base", "echo base > $out");
        InstantiatedDerivation top = drvs.sh("top", ": > " + started + "; read x < $in0; echo \"$x $in0\" > $out", base);
        BuildScheduler s = new BuildScheduler(store, settings, BuildProgress.silent());
        s.beforeCommit = drv -> {
            if (!drv.equals(base.drvPath())) return;
            // Fail only once the dependent's builder has started on the uncommitted input.
            for (int i = 0; i < 500 && !Files.exists(started); i++) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new IllegalStateException("injected commit failure");
        };

        assertThatThrownBy(() -> realise(s, top))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("registering the outputs of '" + store.storeDir().print(base.drvPath()))
                .hasMessageContaining("injected commit failure")
                .hasMessageContaining("is not valid");
        assertThat(started).exists();

        for (InstantiatedDerivation d : List.of(base, top)) {
            assertThat(store.isValid(drvs.outPath(d))).isFalse();
            assertThat(store.layout().physical(drvs.outPath(d))).doesNotExist();
            var lock = store.tryLockPath(drvs.outPath(d));
            assertThat(lock).isPresent();
            lock.get().close();
        }
    }

    @Test
    void aFailureBetweenBuildAndRegistrationLeavesNothing() throws Exception {
        InstantiatedDerivation d = drvs.sh("injected", "echo done > $out");
        BuildScheduler s = new BuildScheduler(store, settings, BuildProgress.silent());
        s.beforeRegister = () -> {
            throw new IllegalStateException("injected failure");
        };

        assertThatThrownBy(() -> realise(s, d)).hasMessageContaining("injected failure");

        assertThat(store.isValid(drvs.outPath(d))).isFalse();
        assertThat(store.layout().physical(drvs.outPath(d))).doesNotExist();
    }

    @Test
    void aProcessKilledBetweenBuildAndRegistrationLeavesOnlyGarbageTheSweepRemoves() throws Exception {
        Process dying = BuildProcess.start("die-before-register", root.toString(), tmp.resolve("builds").toString());
        assertThat(dying.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dying.exitValue()).as(new String(dying.getInputStream().readAllBytes())).isEqualTo(3);

        StorePath out = drvs.outPath(BuildProcess.doomed(drvs));
        assertThat(store.layout().physical(out)).exists();
        assertThat(store.isValid(out)).isFalse();
        SweepResult swept = store.deleteInvalidPaths();
        assertThat(swept.invalidPaths()).contains(out);
        assertThat(store.layout().physical(out)).doesNotExist();

        realise(BuildProcess.doomed(drvs));
        assertThat(store.isValid(out)).isTrue();
    }

    @Test
    void twoSchedulersOnOverlappingGraphsBuildEachOutputOnce() throws Exception {
        Path count = tmp.resolve("count");
        InstantiatedDerivation shared = drvs.sh("shared", "/bin/sleep 0.3; echo shared >> " + count + "; echo s > $out");
        InstantiatedDerivation a = drvs.sh("a", "echo a >> " + count + "; echo a > $out", shared);
        InstantiatedDerivation b = drvs.sh("b", "echo b >> " + count + "; echo b > $out", shared);
        LocalStore second = LocalStore.open(root, StoreDir.DEFAULT);
        var other = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return realise(new BuildScheduler(second, settings, BuildProgress.silent()), b);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });

        realise(a);
        other.get(60, TimeUnit.SECONDS);

        assertThat(Files.readAllLines(count)).containsExactlyInAnyOrder("shared", "a", "b");
    }

    @Test
    void anUnknownSystemIsRefused() throws Exception {
        InstantiatedDerivation d = drvs.make("alien", "/bin/sh", List.of("-c", "echo > $out"), java.util.Map.of(),
                List.of(), java.util.Set.of(), Optional.empty());
        BuildSettings elsewhere = new BuildSettings(1, 1, Optional.empty(), List.of(), "other-system", settings.tmpDir());

        assertThatThrownBy(() -> realise(new BuildScheduler(store, elsewhere, BuildProgress.silent()), d))
                .hasMessageContaining("needs a 'test-system' machine, and this is a 'other-system'");
    }

    @Test
    void withoutASandboxUnderARootTheBuilderGetsPhysicalPaths() throws Exception {
        InstantiatedDerivation dep = drvs.sh("dep", "echo dep > $out");
        InstantiatedDerivation d = drvs.sh("uses", "read x < $in0; echo \"$x $out\" > $out", dep);

        realise(d);

        Path out = store.layout().physical(drvs.outPath(d));
        assertThat(Files.readString(out)).isEqualTo("dep " + out + "\n");
    }

    @Test
    void inTheSandboxTheBuilderSeesLogicalPathsAndOnlyItsClosure() throws Exception {
        Optional<Path> bwrap = BuildSettings.findBwrap(System.getenv("PATH"));
        assumeTrue(bwrap.isPresent(), "bubblewrap (bwrap) is not installed, so the sandbox cannot be tested");
        settings = settings.withSandbox(bwrap);
        InstantiatedDerivation dep = drvs.sh("dep", "echo dep > $out");
        InstantiatedDerivation stranger = drvs.sh("stranger", "echo s > $out");
        realise(stranger);
        String strangerPath = Drvs.out(stranger);
        InstantiatedDerivation d = drvs.sh("boxed", "read x < $in0; { echo \"$x $out $PWD\";"
                + " test -e " + strangerPath + " && echo sees-stranger; read u < /etc/passwd; echo \"$u\";"
                + " echo t > /tmp/t && echo tmp; true; } > $out", dep);

        realise(d);

        Path out = store.layout().physical(drvs.outPath(d));
        // Its own /etc (Nix's minimal passwd, not the host's) and a writable /tmp.
        assertThat(Files.readString(out)).isEqualTo("dep " + Drvs.out(d) + " /build\n"
                + "root:x:0:0:Nix build user:/build:/noshell\ntmp\n");
        // It names itself, not the input it only read.
        assertThat(store.queryPathInfo(drvs.outPath(d)).orElseThrow().references()).containsExactly(drvs.outPath(d));
        assertThat(store.layout().physicalStoreDir()).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".tmp-"));
    }

    @Test
    void aCollectionDuringASandboxedBuildLeavesItsChrootStoreAlone() throws Exception {
        Optional<Path> bwrap = BuildSettings.findBwrap(System.getenv("PATH"));
        assumeTrue(bwrap.isPresent(), "bubblewrap (bwrap) is not installed, so the sandbox cannot be tested");
        settings = settings.withSandbox(bwrap);
        InstantiatedDerivation slow = drvs.sh("slow", "/bin/sleep 1; echo done > $out");
        var build = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return realise(slow);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // The build has begun once its chroot store (a .tmp-build- entry) exists.
        java.util.function.BooleanSupplier begun = () -> {
            try (var entries = Files.list(store.layout().physicalStoreDir())) {
                return entries.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-build-"));
            } catch (java.io.IOException e) {
                return false;
            }
        };
        while (!begun.getAsBoolean() && System.nanoTime() < deadline) TimeUnit.MILLISECONDS.sleep(10);
        assertThat(begun.getAsBoolean()).as("the sandboxed build started").isTrue();

        store.deleteInvalidPaths();
        store.collectGarbage(false);

        build.get(60, TimeUnit.SECONDS);
        assertThat(Files.readString(store.layout().physical(drvs.outPath(slow)))).isEqualTo("done\n");
        assertThat(store.layout().physicalStoreDir()).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".tmp-"));
    }
}
