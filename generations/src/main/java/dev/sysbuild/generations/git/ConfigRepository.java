package dev.sysbuild.generations.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * The git repository a configuration lives in. Reads only: the work tree and the index are never
 * changed here (a revision is evaluated from an exported copy, see {@link #exportRevision}).
 */
public final class ConfigRepository implements AutoCloseable {
    private final Repository repo;
    private final Path workTree;

    private ConfigRepository(Repository repo) throws IOException {
        this.repo = repo;
        this.workTree = repo.getWorkTree().toPath().toRealPath();
    }

    /** The repository whose work tree holds {@code dir}, searching upwards, if there is one. */
    public static Optional<ConfigRepository> discover(Path dir) throws IOException {
        FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().setMustExist(true);
        b.findGitDir(dir.toAbsolutePath().toFile());
        if (b.getGitDir() == null) return Optional.empty();
        Repository r = b.build();
        if (r.isBare()) {
            r.close();
            return Optional.empty();
        }
        return Optional.of(new ConfigRepository(r));
    }

    public Path workTree() {
        return workTree;
    }

    /** The commit checked out, or empty in a repository without commits. */
    public Optional<CommitInfo> head() throws IOException {
        ObjectId id = repo.resolve(Constants.HEAD + "^{commit}");
        return id == null ? Optional.empty() : Optional.of(commit(id));
    }

    /** The branch checked out, or null when HEAD is detached. */
    public String branch() throws IOException {
        String full = repo.getFullBranch();
        return full != null && full.startsWith(Constants.R_HEADS) ? Repository.shortenRefName(full) : null;
    }

    /**
     * Resolves a revision ({@code HEAD~1}, a branch, a tag, an abbreviated id) to its commit.
     *
     * @throws IOException naming the revision when git does not know it
     */
    public CommitInfo resolve(String rev) throws IOException {
        ObjectId id;
        try {
            id = repo.resolve(rev + "^{commit}");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException e) {
            throw new IOException("cannot resolve revision '" + rev + "' in " + workTree + ": " + e.getMessage());
        }
        if (id == null) {
            throw new IOException("unknown revision '" + rev + "' in " + workTree
                    + "; see 'git log' for the commits there");
        }
        return commit(id);
    }

    /**
     * What a generation built from the work tree records: HEAD, and for the files evaluation read
     * (absolute paths; those outside the work tree are ignored) which differ from HEAD, their
     * diff, and which git does not track.
     */
    public Provenance capture(Collection<Path> filesRead, String sysbuildVersion, Instant now) throws IOException {
        List<String> read = relativeTo(filesRead);
        Optional<CommitInfo> head = head();
        SortedSet<String> changed = new TreeSet<>();
        SortedSet<String> untracked = new TreeSet<>();
        if (!read.isEmpty()) {
            try (Git git = new Git(repo)) {
                StatusCommand sc = git.status();
                read.forEach(sc::addPath);
                Status s = sc.call();
                for (Collection<String> c : List.of(s.getModified(), s.getChanged(), s.getAdded(), s.getRemoved(),
                        s.getMissing())) {
                    for (String p : c) if (covered(read, p)) changed.add(p);
                }
                for (String p : s.getUntracked()) if (covered(read, p)) untracked.add(p);
            } catch (GitAPIException e) {
                throw new IOException("reading the status of " + workTree + ": " + e.getMessage(), e);
            }
        }
        String diff = changed.isEmpty() ? "" : workTreeDiff(head.map(CommitInfo::id).orElse(null), changed);
        return new Provenance(workTree.toString(), head.map(CommitInfo::id).orElse(null), branch(),
                head.map(CommitInfo::subject).orElse(null), head.map(CommitInfo::time).orElse(null), null,
                !changed.isEmpty() || !untracked.isEmpty(), List.copyOf(changed), diff, List.copyOf(untracked),
                sysbuildVersion, now);
    }

    /** Provenance of a generation evaluated from {@code rev} (a clean tree by construction). */
    public Provenance captureRevision(String rev, String sysbuildVersion, Instant now) throws IOException {
        CommitInfo c = resolve(rev);
        String branch = repo.findRef(Constants.R_HEADS + rev) != null ? rev : null;
        return new Provenance(workTree.toString(), c.id(), branch, c.subject(), c.time(), rev, false, List.of(), "",
                List.of(), sysbuildVersion, now);
    }

    /**
     * Writes the tree of {@code rev} into {@code target} (which must not exist), with executable
     * bits and symbolic links as committed; submodules are skipped. The work tree and the index
     * are not touched.
     */
    public CommitInfo exportRevision(String rev, Path target) throws IOException {
        CommitInfo c = resolve(rev);
        Files.createDirectories(target.getParent());
        Files.createDirectory(target);
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            RevCommit commit = rw.parseCommit(ObjectId.fromString(c.id()));
            tw.addTree(commit.getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                FileMode mode = tw.getFileMode(0);
                Path out = target.resolve(tw.getPathString());
                if (!out.normalize().startsWith(target)) throw new IOException("refusing path '" + tw.getPathString() + "'");
                Files.createDirectories(out.getParent());
                if (mode == FileMode.SYMLINK) {
                    String link = new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
                    Files.createSymbolicLink(out, Path.of(link));
                } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    try (OutputStream os = Files.newOutputStream(out)) {
                        repo.open(tw.getObjectId(0)).copyTo(os);
                    }
                    if (mode == FileMode.EXECUTABLE_FILE) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        return c;
    }

    /** Commits reachable from {@code to} but not from {@code from}, newest first; all of them when from is null. */
    public List<CommitInfo> commitsBetween(String from, String to) throws IOException {
        List<CommitInfo> out = new ArrayList<>();
        try (RevWalk rw = new RevWalk(repo)) {
            rw.markStart(rw.parseCommit(ObjectId.fromString(resolve(to).id())));
            if (from != null) rw.markUninteresting(rw.parseCommit(ObjectId.fromString(resolve(from).id())));
            for (RevCommit rc : rw) out.add(info(rc));
        }
        return out;
    }

    /** The newest {@code max} commits of HEAD's history, newest first (empty without commits). */
    public List<CommitInfo> log(int max) throws IOException {
        Optional<CommitInfo> head = head();
        if (head.isEmpty()) return List.of();
        List<CommitInfo> out = new ArrayList<>();
        try (RevWalk rw = new RevWalk(repo)) {
            rw.markStart(rw.parseCommit(ObjectId.fromString(head.get().id())));
            for (RevCommit rc : rw) {
                if (out.size() >= max) break;
                out.add(info(rc));
            }
        }
        return out;
    }

    /** The unified diff of the configuration between two commits (a file-by-file git diff). */
    public String diffBetween(String fromRev, String toRev) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DiffFormatter df = new DiffFormatter(buf); ObjectReader reader = repo.newObjectReader();
                RevWalk rw = new RevWalk(repo)) {
            df.setRepository(repo);
            df.format(tree(reader, rw, resolve(fromRev).id()), tree(reader, rw, resolve(toRev).id()));
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private String workTreeDiff(String headId, Collection<String> paths) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DiffFormatter df = new DiffFormatter(buf); ObjectReader reader = repo.newObjectReader();
                RevWalk rw = new RevWalk(repo)) {
            df.setRepository(repo);
            df.setPathFilter(PathFilterGroup.createFromStrings(paths));
            AbstractTreeIterator old = headId == null ? new EmptyTreeIterator() : tree(reader, rw, headId);
            df.format(old, new FileTreeIterator(repo));
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static AbstractTreeIterator tree(ObjectReader reader, RevWalk rw, String commitId) throws IOException {
        CanonicalTreeParser p = new CanonicalTreeParser();
        p.reset(reader, rw.parseCommit(ObjectId.fromString(commitId)).getTree());
        return p;
    }

    /** Whether {@code path} was read: it, or a directory above it that was copied whole. */
    private static boolean covered(List<String> read, String path) {
        for (String r : read) {
            if (path.equals(r) || path.startsWith(r + "/")) return true;
        }
        return false;
    }

    private List<String> relativeTo(Collection<Path> files) {
        SortedSet<String> rel = new TreeSet<>();
        for (Path f : files) {
            Path p;
            try {
                p = f.toAbsolutePath().toRealPath();
            } catch (IOException gone) {
                p = f.toAbsolutePath().normalize();
            }
            if (!p.startsWith(workTree) || p.equals(workTree)) continue;
            String r = workTree.relativize(p).toString().replace('\\', '/');
            if (r.equals(".git") || r.startsWith(".git/")) continue;
            rel.add(r);
        }
        return List.copyOf(rel);
    }

    private CommitInfo commit(ObjectId id) throws IOException {
        try (RevWalk rw = new RevWalk(repo)) {
            return info(rw.parseCommit(id));
        }
    }

    private static CommitInfo info(RevCommit rc) {
        return new CommitInfo(rc.getName(), rc.getShortMessage(), rc.getCommitterIdent().getWhenAsInstant(),
                rc.getAuthorIdent().getName() + " <" + rc.getAuthorIdent().getEmailAddress() + ">");
    }

    @Override
    public void close() {
        repo.close();
    }
}
