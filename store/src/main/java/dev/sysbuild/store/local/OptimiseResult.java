package dev.sysbuild.store.local;

/** What {@code store optimise} did: files replaced by a hard link, and the bytes that freed. */
public record OptimiseResult(int filesLinked, long bytesSaved) {}
