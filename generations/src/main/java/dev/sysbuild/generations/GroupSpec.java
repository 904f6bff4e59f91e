package dev.sysbuild.generations;

import java.util.List;

/** One group of {@code users.json}; a null {@code gid} means the id ledger picks one. */
public record GroupSpec(String name, Long gid, List<String> members) {
    static GroupSpec from(JsonFields f) {
        return new GroupSpec(f.string("name"), f.longOrNull("gid"), f.strings("members"));
    }
}
