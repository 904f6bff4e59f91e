package dev.sysbuild.generations.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.UserConfig;

/** {@code sysbuild init}: a new configuration repository with its first commit. */
public final class ConfigInit {
    /** The identity of the first commit when git has none configured. */
    public static final PersonIdent FALLBACK = new PersonIdent("sysbuild", "sysbuild@localhost");

    private ConfigInit() {
    }

    /**
     * Creates {@code dir} if missing, writes {@code files} (relative name to contents), runs
     * {@code git init} and commits them with {@code message}.
     *
     * @throws IOException when {@code dir} is a file or a non-empty directory: an existing
     *     configuration is never touched
     */
    public static CommitInfo create(Path dir, Map<String, String> files, String message) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("'" + dir + "' exists and is not a directory; choose another place");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IOException("'" + dir + "' is not empty; sysbuild init only creates a new configuration"
                            + " (give an empty or new directory)");
                }
            }
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = identity(git);
            git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IOException("git init in '" + dir + "' failed: " + e.getMessage(), e);
        }
        try (ConfigRepository repo = ConfigRepository.discover(dir).orElseThrow()) {
            return repo.head().orElseThrow();
        }
    }

    /** The configured git identity, or {@link #FALLBACK} when name or e-mail would be guessed. */
    static PersonIdent identity(Git git) {
        UserConfig uc = git.getRepository().getConfig().get(UserConfig.KEY);
        if (uc.isAuthorNameImplicit() || uc.isAuthorEmailImplicit()) return FALLBACK;
        return new PersonIdent(uc.getAuthorName(), uc.getAuthorEmail());
    }
}
