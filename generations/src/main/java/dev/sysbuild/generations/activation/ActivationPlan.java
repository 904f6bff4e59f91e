package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.Toplevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything an activation will do, worked out (and checked) before it changes anything:
 * the /etc entries with their contents and owners, the users files, the service plan.
 */
public final class ActivationPlan {
    final Toplevel target;
    final Optional<Toplevel> previous;
    final List<DesiredEtc> etc;
    final List<String> etcChanges;
    final UsersPlan users;
    final ServicePlan services;
    /** What {@code /usr} links to (the target's {@code sw/usr}), empty when it has no Debian packages. */
    final Optional<String> usr;
    final List<String> usrChanges;
    /** Said before activating: e.g. maintainer scripts of new Debian packages that are not run. */
    final List<String> warnings;

    ActivationPlan(Toplevel target, Optional<Toplevel> previous, List<DesiredEtc> etc, List<String> etcChanges,
            UsersPlan users, ServicePlan services, Optional<String> usr, List<String> usrChanges, List<String> warnings) {
        this.target = target;
        this.previous = previous;
        this.etc = List.copyOf(etc);
        this.etcChanges = List.copyOf(etcChanges);
        this.users = users;
        this.services = services;
        this.usr = usr;
        this.usrChanges = List.copyOf(usrChanges);
        this.warnings = List.copyOf(warnings);
    }

    public List<String> warnings() {
        return warnings;
    }

    public Toplevel target() {
        return target;
    }

    public Optional<Toplevel> previous() {
        return previous;
    }

    public ServicePlan services() {
        return services;
    }

    /** What a dry run prints: one line per change. */
    public List<String> describe() {
        return describe(true);
    }

    /**
     * One line per change; without the services when they are printed already (the generations
     * diff before {@code dry-activate} has them as its units section).
     */
    public List<String> describe(boolean withServices) {
        List<String> out = new ArrayList<>();
        out.add("activate " + target.logical());
        out.add(previous.map(p -> "  (active now: " + p.logical() + ")").orElse("  (nothing is active now)"));
        out.add("/etc:");
        if (etcChanges.isEmpty()) out.add("  no changes to managed links and files");
        etcChanges.forEach(l -> out.add("  " + l));
        if (!usrChanges.isEmpty()) {
            out.add("/usr:");
            usrChanges.forEach(l -> out.add("  " + l));
        }
        warnings.forEach(w -> out.add("warning: " + w));
        out.add("users and groups:");
        if (users.newIds().isEmpty()) out.add("  no new ids");
        users.newIds().forEach(l -> out.add("  new " + l));
        if (!withServices) return out;
        out.add("services:");
        if (services.reasons().isEmpty()) out.add("  no changes");
        services.describe().forEach(l -> out.add("  " + l));
        return out;
    }
}
