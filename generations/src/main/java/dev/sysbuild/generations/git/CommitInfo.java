package dev.sysbuild.generations.git;

import java.time.Instant;

/** One commit of the configuration repository, as listings show it. */
public record CommitInfo(String id, String subject, Instant time, String author) {
    public String shortId() {
        return id.substring(0, Math.min(8, id.length()));
    }
}
