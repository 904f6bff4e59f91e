package dev.sysbuild.generations.activation;

import java.util.List;
import java.util.Map;

/**
 * The users step worked out before anything changes: the four files' contents, the ledger with
 * any new ids, the resolved ids by name (for owners of copied {@code /etc} files) and the home
 * directories to create.
 */
record UsersPlan(String passwd, String group, String shadow, String gshadow, IdLedger ledger,
        Map<String, Integer> uids, Map<String, Integer> gids, List<Home> homes, List<String> newIds) {

    /** A home directory to create (logical path) for {@code uid}:{@code gid}. */
    record Home(String path, String user, int uid, int gid) {}

    /** The numeric owner for an etc.json {@code user} or {@code group}: a name or decimal id. */
    int uidOf(String user) {
        return idOf(user, uids, "user");
    }

    int gidOf(String group) {
        return idOf(group, gids, "group");
    }

    private static int idOf(String s, Map<String, Integer> ids, String what) {
        if (s.matches("[0-9]+")) return Integer.parseInt(s);
        Integer id = ids.get(s);
        if (id != null) return id;
        if (s.equals("root")) return 0;
        throw new dev.sysbuild.generations.GenerationsException("etc.json names " + what + " '" + s
                + "', which users.json does not declare; declare it or use a numeric id");
    }
}
