package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.GenerationsException;
import dev.sysbuild.generations.GroupSpec;
import dev.sysbuild.generations.ProfileLayout;
import dev.sysbuild.generations.TargetPaths;
import dev.sysbuild.generations.UserSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Works out {@code /etc/passwd}, {@code group}, {@code shadow} and {@code gshadow} from
 * {@code users.json} and the id ledger. The files are wholly generated (as NixOS does with
 * {@code mutableUsers = false}); the only thing kept from the old {@code shadow} is a password
 * hash for an account whose configuration gives none. Everything that can be refused (an id
 * the ledger gave to another name, a missing password secret, an undeclared group) is refused
 * here, before activation changes anything.
 */
final class UserDatabase {
    private UserDatabase() {}

    static UsersPlan plan(ProfileLayout layout, List<UserSpec> users, List<GroupSpec> groups) throws IOException {
        IdLedger ledger = IdLedger.read(layout.idLedger()).copy();
        List<String> newIds = new ArrayList<>();
        Map<String, Integer> gids = assignGroups(ledger, groups, newIds);
        Map<String, Integer> uids = assignUsers(ledger, users, newIds);
        Map<String, String> oldHashes = oldShadowHashes(layout.etcDir().resolve("shadow"));

        Map<String, Set<String>> members = new TreeMap<>();
        for (GroupSpec g : groups) members.put(g.name(), new TreeSet<>(g.members()));
        List<UsersPlan.Home> homes = new ArrayList<>();
        StringBuilder passwd = new StringBuilder();
        StringBuilder shadow = new StringBuilder();
        for (UserSpec u : byId(users, uids)) {
            if (u.group() == null || !gids.containsKey(u.group())) {
                throw new GenerationsException("user '" + u.name() + "' has group '" + u.group()
                        + "', which users.json does not declare; declare users.groups." + u.group());
            }
            int gid = gids.get(u.group());
            members.get(u.group()).add(u.name());
            for (String extra : u.extraGroups()) {
                if (!members.containsKey(extra)) {
                    throw new GenerationsException("user '" + u.name() + "' is in extra group '" + extra
                            + "', which users.json does not declare; declare users.groups." + extra);
                }
                members.get(extra).add(u.name());
            }
            passwd.append(String.join(":", u.name(), "x", String.valueOf(uids.get(u.name())), String.valueOf(gid),
                    clean(u.description()), u.home(), u.shell())).append('\n');
            String hash = passwordHash(layout, u, oldHashes.get(u.name()));
            shadow.append(u.name()).append(':').append(hash).append(":1::::::\n");
            if (u.createHome()) homes.add(new UsersPlan.Home(u.home(), u.name(), uids.get(u.name()), gid));
        }
        StringBuilder group = new StringBuilder();
        StringBuilder gshadow = new StringBuilder();
        List<GroupSpec> sortedGroups = new ArrayList<>(groups);
        sortedGroups.sort((a, b) -> Integer.compare(gids.get(a.name()), gids.get(b.name())));
        for (GroupSpec g : sortedGroups) {
            String m = String.join(",", members.get(g.name()));
            group.append(g.name()).append(":x:").append(gids.get(g.name())).append(':').append(m).append('\n');
            gshadow.append(g.name()).append(":!::").append(m).append('\n');
        }
        return new UsersPlan(passwd.toString(), group.toString(), shadow.toString(), gshadow.toString(), ledger,
                uids, gids, homes, newIds);
    }

    private static Map<String, Integer> assignGroups(IdLedger ledger, List<GroupSpec> groups, List<String> newIds) {
        Set<Integer> reserved = new HashSet<>();
        for (GroupSpec g : groups) if (g.gid() != null) reserved.add(g.gid().intValue());
        Map<String, Integer> gids = new HashMap<>();
        for (GroupSpec g : groups) {
            Integer declared = g.gid() == null ? null : g.gid().intValue();
            boolean known = ledger.groups().byName().containsKey(g.name());
            int gid = ledger.groups().assign(g.name(), declared, false, reserved);
            if (!known) newIds.add("group " + g.name() + ": gid " + gid);
            if (gids.containsValue(gid)) {
                throw new GenerationsException("group '" + g.name() + "' gets gid " + gid + ", which another group"
                        + " in users.json has too; give each group its own gid");
            }
            gids.put(g.name(), gid);
        }
        return gids;
    }

    private static Map<String, Integer> assignUsers(IdLedger ledger, List<UserSpec> users, List<String> newIds) {
        Set<Integer> reserved = new HashSet<>();
        for (UserSpec u : users) if (u.uid() != null) reserved.add(u.uid().intValue());
        Map<String, Integer> uids = new HashMap<>();
        // Declared ids first, so a fresh id never takes one that a later user declares.
        List<UserSpec> order = new ArrayList<>(users);
        order.sort((a, b) -> Boolean.compare(a.uid() == null, b.uid() == null));
        for (UserSpec u : order) {
            Integer declared = u.uid() == null ? null : u.uid().intValue();
            boolean known = ledger.users().byName().containsKey(u.name());
            int uid = ledger.users().assign(u.name(), declared, u.isNormalUser(), reserved);
            if (!known) newIds.add("user " + u.name() + ": uid " + uid);
            if (uids.containsValue(uid)) {
                throw new GenerationsException("user '" + u.name() + "' gets uid " + uid + ", which another user in"
                        + " users.json has too; give each user its own uid");
            }
            uids.put(u.name(), uid);
        }
        return uids;
    }

    private static List<UserSpec> byId(List<UserSpec> users, Map<String, Integer> uids) {
        List<UserSpec> sorted = new ArrayList<>(users);
        sorted.sort((a, b) -> Integer.compare(uids.get(a.name()), uids.get(b.name())));
        return sorted;
    }

    /** From the secret the build wrote, a file on the target, the old shadow, or locked. */
    private static String passwordHash(ProfileLayout layout, UserSpec u, String old) throws IOException {
        if (u.hashedPasswordRef() != null) {
            String ref = u.hashedPasswordRef();
            if (!ref.matches("sha256:[0-9a-f]{64}")) {
                throw new GenerationsException("user '" + u.name() + "': hashedPasswordRef '" + ref
                        + "' is not \"sha256:<64 hex digits>\"");
            }
            Path secret = layout.secretsDir().resolve(ref.substring("sha256:".length()));
            return firstLine(secret, "user '" + u.name() + "': its password secret " + secret
                    + " is missing; run the build (sysbuild switch) again to write it");
        }
        if (u.hashedPasswordFile() != null) {
            Path file = TargetPaths.resolve(layout.store(), u.hashedPasswordFile());
            return firstLine(file, "user '" + u.name() + "': hashedPasswordFile " + u.hashedPasswordFile()
                    + " does not exist on the target; create it or unset it");
        }
        return old != null ? old : "!";
    }

    private static String firstLine(Path file, String missing) throws IOException {
        try {
            String s = Files.readString(file).strip();
            if (s.contains("\n") || s.contains(":")) {
                throw new GenerationsException(file + " must hold one password hash on one line, without ':'");
            }
            return s;
        } catch (NoSuchFileException e) {
            throw new GenerationsException(missing);
        }
    }

    private static Map<String, String> oldShadowHashes(Path shadow) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(shadow)) return out;
        for (String line : Files.readAllLines(shadow)) {
            String[] f = line.split(":", -1);
            if (f.length >= 2 && !f[1].isEmpty() && !f[1].startsWith("!") && !f[1].equals("*")) out.put(f[0], f[1]);
        }
        return out;
    }

    /** A description with ':' or a newline would break the passwd line. */
    private static String clean(String s) {
        return s.replace(':', ' ').replace('\n', ' ');
    }
}
