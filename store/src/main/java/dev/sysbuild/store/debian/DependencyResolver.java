package dev.sysbuild.store.debian;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Resolves {@code Depends} within one package universe (one or more indexes). A clause
 * {@code a (>= 1) | b} is satisfied by the first alternative that a real package of a suitable
 * version satisfies, else by the first alternative some package {@code Provides}; among several
 * providers the one whose name sorts first is taken, so the result depends only on the index.
 */
public final class DependencyResolver {
    private final SortedMap<String, DebPackage> packages = new TreeMap<>();
    private final Map<String, List<DebPackage>> providers = new HashMap<>();

    /** When a name occurs twice (several indexes), the newer version wins. */
    public DependencyResolver(Collection<DebPackage> universe) {
        for (DebPackage p : universe) {
            packages.merge(p.name(), p, (a, b) -> DebianVersion.compare(b.version(), a.version()) > 0 ? b : a);
        }
        for (DebPackage p : packages.values()) {
            for (DebPackage.Relation v : p.provides()) providers.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(p);
        }
        providers.values().forEach(l -> l.sort((a, b) -> a.name().compareTo(b.name())));
    }

    public SortedMap<String, DebPackage> packages() {
        return packages;
    }

    /** How a package's dependencies resolved: the packages chosen and the clauses nothing satisfies. */
    public record Resolved(List<String> depends, List<String> missing) {}

    public Resolved resolve(DebPackage p) {
        LinkedHashSet<String> deps = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (DebPackage.Relation clause : p.depends()) {
            Optional<String> chosen = satisfy(clause.name());
            if (chosen.isPresent()) {
                if (!chosen.get().equals(p.name())) deps.add(chosen.get());
            } else {
                missing.add(clause.name());
            }
        }
        return new Resolved(List.copyOf(deps), missing);
    }

    /** The package that satisfies one clause ({@code a (>= 1) | b:any | c}), if any. */
    public Optional<String> satisfy(String clause) {
        List<DebPackage.Relation> alternatives = new ArrayList<>();
        for (String alt : clause.split("\\|")) alternatives.add(PackagesIndex.relation(alt));
        for (DebPackage.Relation r : alternatives) {
            DebPackage real = packages.get(r.name());
            if (real != null && (r.op() == null || DebianVersion.satisfies(real.version(), r.op(), r.version()))) {
                return Optional.of(real.name());
            }
        }
        for (DebPackage.Relation r : alternatives) {
            for (DebPackage provider : providers.getOrDefault(r.name(), List.of())) {
                if (r.op() == null) return Optional.of(provider.name());
                for (DebPackage.Relation v : provider.provides()) {
                    if (v.name().equals(r.name()) && v.version() != null
                            && DebianVersion.satisfies(v.version(), r.op(), r.version())) {
                        return Optional.of(provider.name());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code roots} and everything they depend on, roots first then in discovery order.
     *
     * @throws UnresolvedDependencyException naming the chain from a root to the clause nothing
     *     satisfies, or the root that is not in the index
     */
    public List<String> closure(Collection<String> roots) {
        Map<String, String> parent = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String r : roots) {
            if (!packages.containsKey(r)) {
                throw new UnresolvedDependencyException(List.of(r), "'" + r + "' is not in the package index");
            }
            if (parent.putIfAbsent(r, null) == null) queue.add(r);
        }
        while (!queue.isEmpty()) {
            String n = queue.poll();
            Resolved res = resolve(packages.get(n));
            if (!res.missing().isEmpty()) {
                List<String> chain = chain(parent, n);
                chain.add(res.missing().get(0));
                throw new UnresolvedDependencyException(chain, "nothing in the index satisfies '" + res.missing().get(0)
                        + "', needed by " + String.join(" -> ", chain.subList(0, chain.size() - 1)));
            }
            for (String d : res.depends()) {
                if (!parent.containsKey(d)) {
                    parent.put(d, n);
                    queue.add(d);
                }
            }
        }
        return List.copyOf(parent.keySet());
    }

    private static List<String> chain(Map<String, String> parent, String last) {
        List<String> chain = new ArrayList<>();
        for (String n = last; n != null; n = parent.get(n)) chain.add(0, n);
        return chain;
    }

    /** A dependency nothing satisfies; {@link #chain()} leads from the package asked for to the clause. */
    public static final class UnresolvedDependencyException extends RuntimeException {
        private final List<String> chain;

        UnresolvedDependencyException(List<String> chain, String message) {
            super(message);
            this.chain = List.copyOf(chain);
        }

        public List<String> chain() {
            return chain;
        }
    }
}
