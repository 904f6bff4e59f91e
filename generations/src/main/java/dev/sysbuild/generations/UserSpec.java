package dev.sysbuild.generations;

import java.util.List;

/** One user of {@code users.json}; a null {@code uid} means the id ledger picks one. */
public record UserSpec(String name, Long uid, boolean isNormalUser, boolean isSystemUser, String group,
        List<String> extraGroups, String description, String home, boolean createHome, String shell,
        String hashedPasswordRef, String hashedPasswordFile, List<String> authorizedKeys) {

    static UserSpec from(JsonFields f) {
        return new UserSpec(f.string("name"), f.longOrNull("uid"), f.bool("isNormalUser", false),
                f.bool("isSystemUser", false), f.stringOrNull("group"), f.strings("extraGroups"),
                orEmpty(f.stringOrNull("description")), orDefault(f.stringOrNull("home"), "/var/empty"),
                f.bool("createHome", false), orDefault(f.stringOrNull("shell"), "/run/current-system/sw/bin/nologin"),
                f.stringOrNull("hashedPasswordRef"), f.stringOrNull("hashedPasswordFile"), f.strings("authorizedKeys"));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orDefault(String s, String d) {
        return s == null ? d : s;
    }
}
