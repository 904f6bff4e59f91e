package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.CrashPoints;
import dev.sysbuild.generations.GenerationsException;
import dev.sysbuild.generations.ProfileLayout;
import dev.sysbuild.generations.ProfileLock;
import dev.sysbuild.generations.SystemProfile;
import dev.sysbuild.generations.TargetPaths;
import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.local.AtomicFile;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Moves the live system under a root onto a toplevel. Everything that can be refused is checked
 * first ({@link #plan}); then, holding the profile lock, the steps run in this order, each one
 * idempotent: stop services, swap {@code /etc/static}, install and remove managed {@code /etc}
 * entries, write users files, create homes, point {@code /usr} and its top-level links at the
 * generation's packages ({@link UsrActivation}), apply or record the service plan, and last swap
 * {@code current-system} (the commit point). A failure restores the previous generation's
 * state; a crash is recovered by running activation again, which converges on its target.
 */
public final class Activator {
    /** The crash points, in the order activation reaches them ({@code SYSBUILD_FAIL_AT}). */
    public static final List<String> STEPS = List.of("stop-services", "static", "etc", "etc-midway", "users", "homes",
            "usr", "services", "current-system", "finish");

    private final SystemProfile profile;
    private final ProfileLayout layout;
    private final Optional<Systemctl> systemctl;
    private final CrashPoints crashPoints;
    private final Consumer<String> log;
    private final Clock clock;

    /**
     * @param systemctl present only when the root is the running system's and systemd runs
     * @param log       where progress and warnings go, one line each
     */
    public Activator(SystemProfile profile, Optional<Systemctl> systemctl, CrashPoints crashPoints,
            Consumer<String> log, Clock clock) {
        this.profile = profile;
        this.layout = profile.layout();
        this.systemctl = systemctl;
        this.crashPoints = crashPoints;
        this.log = log;
        this.clock = clock;
    }

    /** Works out and checks what activating {@code toplevel} does; changes nothing. */
    public ActivationPlan plan(StorePath toplevel) throws IOException {
        Toplevel target = open(toplevel);
        Optional<Toplevel> previous = Optional.empty();
        Optional<StorePath> current = profile.currentSystem();
        if (current.isPresent()) {
            Toplevel p = new Toplevel(layout.store(), current.get());
            if (Files.isDirectory(p.physical())) previous = Optional.of(p);
            else log.accept("warning: the active system " + p.logical() + " is gone from the store; comparing with nothing");
        }
        UsersPlan users = UserDatabase.plan(layout, target.users(), target.groups());
        List<DesiredEtc> etc = desiredEtc(target, users);
        List<String> etcChanges = new EtcActivation(layout, w -> {}, CrashPoints.none()).preview(etc);
        UsrActivation usr = new UsrActivation(layout);
        Optional<String> wantedUsr = usr.wanted(target);
        usr.check(wantedUsr);
        return new ActivationPlan(target, previous, etc, etcChanges, users, ServicePlanner.plan(previous, target),
                wantedUsr, usr.preview(wantedUsr), MaintainerScripts.warnings(target, previous));
    }

    /** {@link #plan} when {@code dryRun}, else {@link #activate(StorePath)}. */
    public ActivationPlan activate(StorePath toplevel, boolean dryRun) throws IOException {
        return dryRun ? plan(toplevel) : activate(toplevel);
    }

    /** Activates {@code toplevel}; returns what was done. */
    public ActivationPlan activate(StorePath toplevel) throws IOException {
        try (ProfileLock lock = ProfileLock.acquire(layout)) {
            noteUnfinished();
            ActivationPlan plan = plan(toplevel);
            plan.warnings.forEach(this::warn);
            writeInProgress(plan);
            EtcActivation etc = new EtcActivation(layout, this::warn, crashPoints);
            UsersFiles usersFiles = new UsersFiles(layout.etcDir(), this::warn);
            Map<String, byte[]> usersBefore = usersFiles.snapshot();
            List<String> stopped = new ArrayList<>();
            String step = STEPS.get(0);
            try {
                crashPoints.reach(step);
                if (systemctl.isPresent()) {
                    for (String unit : plan.services.stop()) {
                        systemctl.get().run(List.of("stop", unit));
                        stopped.add(unit);
                    }
                }
                crashPoints.reach(step = "static");
                etc.swapStatic(Optional.of(plan.target.logical() + "/etc"));
                crashPoints.reach(step = "etc");
                etc.apply(plan.etc);
                crashPoints.reach(step = "users");
                if (!Files.exists(layout.idLedger()) || !plan.users.ledger().equals(IdLedger.read(layout.idLedger()))) {
                    plan.users.ledger().write(layout.idLedger());
                }
                usersFiles.write(plan.users);
                crashPoints.reach(step = "homes");
                createHomes(plan.users);
                crashPoints.reach(step = "usr");
                new UsrActivation(layout).apply(plan.usr);
                crashPoints.reach(step = "services");
                services(plan);
                crashPoints.reach(step = "current-system");
                profile.setCurrentSystem(toplevel);
                crashPoints.reach(step = "finish");
                Files.deleteIfExists(layout.inProgress());
            } catch (IOException | RuntimeException e) {
                String problem = restore(plan, etc, usersFiles, usersBefore, stopped);
                throw new ActivationFailedException(plan.target.logical(), step, e, problem);
            }
            return plan;
        }
    }

    private Toplevel open(StorePath toplevel) {
        Toplevel t = new Toplevel(layout.store(), toplevel);
        if (!Files.isDirectory(t.physical())) {
            throw new GenerationsException(t.logical() + " is not in the store under " + layout.root()
                    + " (was it deleted by gc?); build the system again or pick another generation");
        }
        return t;
    }

    private List<DesiredEtc> desiredEtc(Toplevel t, UsersPlan users) throws IOException {
        List<DesiredEtc> out = new ArrayList<>();
        for (var e : t.etcEntries()) {
            String first = e.target().split("/")[0];
            if (first.equals("static") || EtcActivation.GENERATED.contains(e.target())) {
                throw new GenerationsException(t.file("etc.json") + ": /etc/" + e.target() + " cannot be an entry; "
                        + "activation owns it (see docs/toplevel-format.md)");
            }
            if (e.isSymlink()) {
                out.add(DesiredEtc.link(e.target()));
                continue;
            }
            Path source = TargetPaths.resolve(layout.store(), e.source());
            if (!Files.isRegularFile(source)) {
                throw new GenerationsException("/etc/" + e.target() + ": its source " + e.source()
                        + " is not a file in the store under " + layout.root() + "; only files can be copied with a mode");
            }
            byte[] contents = Files.readAllBytes(source);
            out.add(new DesiredEtc(e.target(), false, contents, e.permissions(), users.uidOf(e.user()),
                    users.gidOf(e.group()), Sha256.of(contents)));
        }
        return out;
    }

    private void createHomes(UsersPlan users) throws IOException {
        for (UsersPlan.Home h : users.homes()) {
            Path p = TargetPaths.resolve(layout.store(), h.path());
            if (Files.exists(p)) continue;
            Files.createDirectories(p.getParent());
            Path temp = p.resolveSibling(p.getFileName() + AtomicFile.TEMP_INFIX + "home");
            if (Files.exists(temp)) Files.delete(temp);
            // Made complete under a temporary name, so a crash never leaves a home with the wrong owner.
            Files.createDirectory(temp);
            OwnedFile.setMode(temp, 0700);
            OwnedFile.chown(temp, h.uid(), h.gid(), p, this::warn);
            Files.move(temp, p, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Applies the plan with systemctl when systemd runs this root; records it either way. */
    private void services(ActivationPlan plan) throws IOException {
        ServicePlan s = plan.services;
        if (systemctl.isPresent()) {
            Systemctl ctl = systemctl.get();
            if (s.daemonReload()) ctl.run(List.of("daemon-reload"));
            for (String u : s.reload()) ctl.run(List.of("reload", u));
            for (String u : s.restart()) ctl.run(List.of("restart", u));
            for (String u : s.start()) ctl.run(List.of("start", u));
        } else if (!s.isEmpty()) {
            log.accept("services (not applied: systemd does not run this root; recorded in "
                    + layout.root().relativize(layout.lastPlan()) + "):");
            s.describe().forEach(l -> log.accept("  " + l));
        }
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("target", plan.target.logical());
        rec.put("previous", plan.previous.map(Toplevel::logical).orElse(null));
        rec.put("applied", systemctl.isPresent());
        rec.put("plan", s.toJson());
        Files.createDirectories(layout.activationDir());
        AtomicFile.write(layout.lastPlan(), Json.writePretty(rec).getBytes(StandardCharsets.UTF_8));
    }

    /** Puts back what the previous generation had; returns "" or what could not be restored. */
    private String restore(ActivationPlan plan, EtcActivation etc, UsersFiles usersFiles, Map<String, byte[]> usersBefore,
            List<String> stopped) {
        List<String> problems = new ArrayList<>();
        try {
            etc.swapStatic(plan.previous.map(p -> p.logical() + "/etc"));
            List<DesiredEtc> previousEtc = List.of();
            if (plan.previous.isPresent()) {
                Toplevel p = plan.previous.get();
                previousEtc = desiredEtc(p, UserDatabase.plan(layout, p.users(), p.groups()));
            }
            new EtcActivation(layout, this::warn, CrashPoints.none()).apply(previousEtc);
        } catch (IOException | RuntimeException e) {
            problems.add("/etc: " + ActivationFailedException.message(e));
        }
        try {
            UsrActivation usr = new UsrActivation(layout);
            usr.apply(plan.previous.isPresent() ? usr.wanted(plan.previous.get()) : Optional.empty());
        } catch (IOException | RuntimeException e) {
            problems.add("/usr: " + ActivationFailedException.message(e));
        }
        try {
            usersFiles.restore(usersBefore);
        } catch (IOException | RuntimeException e) {
            problems.add("users files: " + ActivationFailedException.message(e));
        }
        for (String unit : stopped) {
            try {
                systemctl.get().run(List.of("start", unit));
            } catch (IOException | RuntimeException e) {
                problems.add("starting " + unit + " again: " + ActivationFailedException.message(e));
            }
        }
        try {
            Files.deleteIfExists(layout.inProgress());
        } catch (IOException e) {
            problems.add(ActivationFailedException.message(e));
        }
        return String.join("; ", problems);
    }

    private void writeInProgress(ActivationPlan plan) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", plan.target.logical());
        m.put("previous", plan.previous.map(Toplevel::logical).orElse(null));
        m.put("started", clock.instant().toString());
        Files.createDirectories(layout.activationDir());
        AtomicFile.write(layout.inProgress(), Json.writePretty(m).getBytes(StandardCharsets.UTF_8));
    }

    /** Says so when an earlier activation died half-way; this one brings the system to one generation. */
    private void noteUnfinished() throws IOException {
        if (!Files.exists(layout.inProgress())) return;
        try {
            Object target = Json.parseObject(Files.readString(layout.inProgress())).get("target");
            log.accept("note: an earlier activation of " + target + " did not finish; completing the change now");
        } catch (RuntimeException e) {
            log.accept("note: an earlier activation did not finish; completing the change now");
        }
    }

    private void warn(String message) {
        log.accept("warning: " + message);
    }
}
