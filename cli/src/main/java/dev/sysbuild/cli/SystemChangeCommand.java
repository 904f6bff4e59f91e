package dev.sysbuild.cli;

import dev.sysbuild.generations.Generation;
import dev.sysbuild.generations.git.Provenance;
import dev.sysbuild.generations.inspect.ProvenanceDiff;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code switch}, {@code boot} and {@code test}: build the system configuration, then act on the
 * toplevel through {@link dev.sysbuild.generations.activation.SystemSwitch}. They share all of
 * {@code build}'s options; the subclasses differ only in what happens after the build.
 */
abstract class SystemChangeCommand extends BuildCommand {
    boolean requireClean;

    boolean dryRun;

    SystemChangeCommand(SysbuildCommand parent) {
        super(parent);
    }

    @Override
    CommandSpec spec() {
        CommandSpec c = super.spec();
        c.addOption(Specs.flag("Refuse to build when files the configuration reads have uncommitted changes.", "--require-clean"));
        c.addOption(Specs.flag("Build, then print what activation would change; change nothing else.", "--dry-run"));
        return c;
    }

    @Override
    void load(CommandSpec c) {
        super.load(c);
        requireClean = Specs.value(c, "--require-clean");
        dryRun = Specs.value(c, "--dry-run");
    }

    @Override
    boolean systemOnly() {
        return true;
    }

    boolean dryRun() {
        return dryRun;
    }

    @Override
    int afterSystemBuild(LocalStore store, List<String> pathsRead, StorePath toplevel) throws Exception {
        if (dryRun()) {
            return SystemContext.run(parent.err, common.verbose, () -> {
                SystemContext ctx = new SystemContext(common, parent.err, timings);
                timings.mark("diff and plan");
                parent.out.println("would activate " + print(ctx, toplevel) + " (dry run: nothing changed)");
                PrintStream text = Output.text(parent.out);
                SwitchPreview.print(ctx, store, toplevel, text);
                for (String l : ctx.activator().plan(toplevel).describe(false)) text.println(l);
                return 0;
            });
        }
        timings.mark("provenance");
        Provenance p = rev != null ? SystemBuild.revisionProvenance(Session.absolute(configFile), rev)
                : SystemBuild.provenance(pathsRead, Session.absolute(configFile), parent.err);
        if (requireClean && p.dirty()) {
            parent.err.println("error: --require-clean: commit or stash the changes first; nothing was changed");
            return 1;
        }
        return SystemContext.run(parent.err, common.verbose, () -> {
            SystemContext ctx = new SystemContext(common, parent.err, timings);
            timings.mark("diff");
            // Before acting, so what is about to change is on the screen whatever happens next.
            if (!common.quiet) {
                SwitchPreview.print(ctx, store, toplevel, Output.text(parent.out));
                parent.out.flush();
            }
            return act(ctx, toplevel, Map.of(ProvenanceDiff.KEY, p.toJson()));
        });
    }

    abstract int act(SystemContext ctx, StorePath toplevel, Map<String, Object> provenance) throws Exception;

    String print(SystemContext ctx, StorePath p) {
        return ctx.layout.store().storeDir().print(p);
    }

    static final class Switch extends SystemChangeCommand {
        Switch(SysbuildCommand parent) {
            super(parent);
        }

        @Override
        String name() {
            return "switch";
        }

        @Override
        String description() {
            return "Build the system, make it a new generation, activate it now and make it the boot default.";
        }

        @Override
        int act(SystemContext ctx, StorePath toplevel, Map<String, Object> provenance) throws Exception {
            Generation g = ctx.systemSwitch().switchTo(toplevel, provenance);
            parent.out.println("switched to generation " + g.number() + " (" + print(ctx, toplevel) + ")");
            return 0;
        }
    }

    static final class DryActivate extends SystemChangeCommand {
        DryActivate(SysbuildCommand parent) {
            super(parent);
        }

        @Override
        String name() {
            return "dry-activate";
        }

        @Override
        String description() {
            return "Build the system and print what activating it would change (as switch --dry-run); change nothing.";
        }

        @Override
        boolean dryRun() {
            return true;
        }

        @Override
        int act(SystemContext ctx, StorePath toplevel, Map<String, Object> provenance) {
            throw new IllegalStateException("dry-activate never acts");
        }
    }

    static final class Boot extends SystemChangeCommand {
        Boot(SysbuildCommand parent) {
            super(parent);
        }

        @Override
        String name() {
            return "boot";
        }

        @Override
        String description() {
            return "Build the system, make it a new generation and the boot default; activate it at the next boot.";
        }

        @Override
        int act(SystemContext ctx, StorePath toplevel, Map<String, Object> provenance) throws Exception {
            Generation g = ctx.systemSwitch().boot(toplevel, provenance);
            parent.out.println("generation " + g.number() + " is the boot default (" + print(ctx, toplevel) + ")");
            return 0;
        }
    }

    static final class Test extends SystemChangeCommand {
        Test(SysbuildCommand parent) {
            super(parent);
        }

        @Override
        String name() {
            return "test";
        }

        @Override
        String description() {
            return "Build the system and activate it now, leaving the boot default as it is.";
        }

        @Override
        int act(SystemContext ctx, StorePath toplevel, Map<String, Object> provenance) throws Exception {
            ctx.systemSwitch().test(toplevel);
            parent.out.println("activated " + print(ctx, toplevel) + " (the boot default is unchanged)");
            return 0;
        }
    }
}
