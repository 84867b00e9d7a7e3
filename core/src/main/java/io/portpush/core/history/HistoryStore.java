package io.portpush.core.history;

import io.portpush.core.error.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Revisions of device policy in a real git repository (JGit), one file per device and object:
 * {@code devices/<host>/<kind>/<name>} in the device's own syntax beside
 * {@code devices/<host>/<kind>/<name>.json} in the vendor-neutral model, and
 * {@code devices/<host>/running-config} backups taken before a change. One commit per run
 * batch, whose message says the playbook, user, time, run id and result; {@code git log} on the
 * folder reads naturally. Changes are staged by several forks at once and committed together.
 */
public final class HistoryStore implements AutoCloseable {
    /** A revision: commit id, time, subject, full message, the files it touched. */
    public record Revision(String id, Instant time, String subject, String message, List<String> files) {
        public String shortId() {
            return id.substring(0, 10);
        }
    }

    private final Path dir;
    private final Git git;
    private final Map<String, String> staged = new LinkedHashMap<>();
    private final UnaryOperator<String> scrub;
    private final List<String> notes = new ArrayList<>();

    private HistoryStore(Path dir, Git git, UnaryOperator<String> scrub) {
        this.dir = dir;
        this.git = git;
        this.scrub = scrub;
    }

    /** Opens the history for reading (and for writing text that holds no secret). */
    public static HistoryStore open(Path dir) {
        return open(dir, UnaryOperator.identity());
    }

    /**
     * Opens the history folder, creating the repository on first use; a clone of a team
     * repository works as is. {@code scrub} is applied to every file and commit message before
     * it is written: history is pushed to team remotes, so it must never hold a secret.
     */
    public static HistoryStore open(Path dir, UnaryOperator<String> scrub) {
        try {
            Files.createDirectories(dir);
            // a run killed during a commit leaves git's own lock behind; only one portpush run writes here (RunLock)
            Files.deleteIfExists(dir.resolve(".git/index.lock"));
            Git git = Files.isDirectory(dir.resolve(".git")) ? Git.open(dir.toFile())
                    : Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            return new HistoryStore(dir, git, scrub);
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot open the history in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The path of an object's file: {@code devices/r1/acl/IMP-EDGE-IN}. */
    public static String path(String host, String object) {
        return "devices/" + host + "/" + object;
    }

    /** Stages a file's new content, to go into the next commit. */
    public synchronized void stage(String relativePath, String content) {
        staged.put(relativePath, scrub.apply(content));
    }

    public synchronized boolean hasStaged() {
        return !staged.isEmpty();
    }

    /**
     * Commits {@code content} at once when the history has no version of the file yet, so that
     * the state before portpush's first change is a revision one can go back to.
     */
    public synchronized void baseline(String relativePath, String content, String message, String user) {
        try {
            if (git.getRepository().resolve("HEAD") != null && read("HEAD", relativePath).isPresent()) {
                return;
            }
            Map<String, String> keep = new LinkedHashMap<>(staged);
            staged.clear();
            staged.put(relativePath, scrub.apply(content));
            commit(message, user);
            staged.putAll(keep);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes and commits everything staged; returns the new revision, or empty when nothing changed.
     *
     * <p>One index edit and one tree per commit, whatever the number of files: {@code git add} per
     * file and {@code git status} both walk the whole index and work tree, which made a batch's
     * commit quadratic in the devices recorded (a thousand hosts, four files each). The work tree
     * is written too, and the index entries carry its files' sizes and times, so the repository
     * stays clean for {@code git status}.
     */
    public synchronized Optional<Revision> commit(String message, String user) {
        if (staged.isEmpty()) {
            return Optional.empty();
        }
        Repository repo = git.getRepository();
        try {
            DirCache index = repo.lockDirCache();
            try (ObjectInserter inserter = repo.newObjectInserter(); RevWalk walk = new RevWalk(repo)) {
                DirCacheEditor editor = index.editor();
                for (Map.Entry<String, String> e : staged.entrySet()) {
                    byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
                    Path f = dir.resolve(e.getKey());
                    Files.createDirectories(f.getParent());
                    Files.write(f, bytes);
                    ObjectId blob = inserter.insert(Constants.OBJ_BLOB, bytes);
                    Instant modified = Files.getLastModifiedTime(f).toInstant();
                    editor.add(new DirCacheEditor.PathEdit(e.getKey()) {
                        @Override
                        public void apply(DirCacheEntry entry) {
                            entry.setFileMode(FileMode.REGULAR_FILE);
                            entry.setObjectId(blob);
                            entry.setLength(bytes.length);
                            entry.setLastModified(modified);
                        }
                    });
                }
                staged.clear();
                editor.finish();
                ObjectId tree = index.writeTree(inserter);
                inserter.flush(); // the objects first, then the index that names them
                index.write();
                index.commit();
                ObjectId head = repo.resolve(Constants.HEAD);
                RevCommit parent = head == null ? null : walk.parseCommit(head);
                if (parent != null && parent.getTree().getId().equals(tree)) {
                    return Optional.empty(); // every file as the last revision has it
                }
                PersonIdent who = new PersonIdent(user, user + "@portpush");
                String full = notes.isEmpty() ? message : message.stripTrailing() + "\n\n" + String.join("\n", notes) + "\n";
                notes.clear();
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(tree);
                if (parent != null) {
                    commit.setParentId(parent);
                }
                commit.setAuthor(who);
                commit.setCommitter(who);
                commit.setMessage(scrub.apply(full));
                ObjectId id = inserter.insert(commit);
                inserter.flush();
                RefUpdate ref = repo.updateRef(Constants.HEAD);
                ref.setNewObjectId(id);
                ref.setExpectedOldObjectId(head == null ? ObjectId.zeroId() : head);
                ref.setRefLogMessage("commit: " + scrub.apply(full).lines().findFirst().orElse(""), false);
                RefUpdate.Result result = ref.update(walk);
                if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                    throw new IllegalStateException("history commit failed: HEAD could not be moved to the new revision (" + result + ")");
                }
                return Optional.of(revision(walk.parseCommit(id)));
            } finally {
                index.unlock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Revisions, newest first, optionally only those touching a path prefix ({@code devices/r1})
     * or an object ({@code devices/r1/acl/X}: its device text and its {@code .json}, so the
     * baseline, which records only the latter, is listed too). With a prefix, a revision's files
     * are those under it, as {@code git log --stat -- PATH} counts them.
     */
    public List<Revision> log(String pathPrefix) {
        List<Revision> out = new ArrayList<>();
        try {
            if (git.getRepository().resolve("HEAD") == null) {
                return out;
            }
            var cmd = git.log();
            if (pathPrefix != null) {
                cmd.addPath(pathPrefix);
                cmd.addPath(pathPrefix + ".json");
            }
            for (RevCommit c : cmd.call()) {
                Revision r = revision(c);
                if (pathPrefix != null) {
                    r = new Revision(r.id(), r.time(), r.subject(), r.message(), r.files().stream()
                            .filter(f -> f.equals(pathPrefix) || f.equals(pathPrefix + ".json") || f.startsWith(pathPrefix + "/")).toList());
                }
                out.add(r);
            }
            return out;
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot read the history: " + e.getMessage(), e);
        }
    }

    private Revision revision(RevCommit c) throws IOException {
        List<String> files = new ArrayList<>();
        try (DiffFormatter f = new DiffFormatter(new ByteArrayOutputStream())) {
            f.setRepository(git.getRepository());
            ObjectId parent = c.getParentCount() > 0 ? c.getParent(0).getTree() : null;
            for (DiffEntry d : f.scan(parent, c.getTree())) {
                files.add(d.getChangeType() == DiffEntry.ChangeType.DELETE ? d.getOldPath() : d.getNewPath());
            }
        }
        return new Revision(c.getName(), Instant.ofEpochSecond(c.getCommitTime()), c.getShortMessage(), c.getFullMessage(), files);
    }

    /** Resolves a revision name (id prefix, HEAD, HEAD~1, a tag) to its commit id. */
    public String resolve(String rev) {
        try {
            ObjectId id = git.getRepository().resolve(rev);
            if (id == null) {
                throw new NotFoundException("no revision '" + rev + "' in the history at " + dir + " (see 'portpush history')");
            }
            return id.getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's content at a revision, if it existed there. */
    public Optional<String> read(String rev, String relativePath) {
        Repository repo = git.getRepository();
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(resolve(rev)));
            try (TreeWalk tw = TreeWalk.forPath(repo, relativePath, c.getTree())) {
                if (tw == null) {
                    return Optional.empty();
                }
                return Optional.of(new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's content in the revision before its latest change ("previous"), if any. */
    public Optional<String> previous(String relativePath) {
        return previousRevision(relativePath).flatMap(r -> read(r.id(), relativePath));
    }

    /**
     * What "previous" means for a file: one step back from the state it is in now, and a further
     * step each time it is used again. Normally the revision before the newest; when the newest
     * revision is a rollback (its message says {@code restored PATH from ID}), the revision
     * before the one it restored, so that two rollbacks in a row go two steps back instead of
     * undoing each other.
     */
    public Optional<Revision> previousRevision(String relativePath) {
        List<Revision> revs = log(relativePath);
        if (revs.size() < 2) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^restored " + java.util.regex.Pattern.quote(relativePath)
                + " from ([0-9a-f]{40})$").matcher(revs.get(0).message());
        if (m.find()) {
            String restored = m.group(1);
            for (int i = 0; i < revs.size(); i++) {
                if (revs.get(i).id().equals(restored)) {
                    return i + 1 < revs.size() ? Optional.of(revs.get(i + 1)) : Optional.empty();
                }
            }
        }
        return Optional.of(revs.get(1));
    }

    /** The oldest revision of a file: for an object, the baseline kept before portpush's first change. */
    public Optional<Revision> baselineRevision(String relativePath) {
        List<Revision> revs = log(relativePath);
        return revs.isEmpty() ? Optional.empty() : Optional.of(revs.get(revs.size() - 1));
    }

    /** Adds a line to the next commit's message (a rollback says what it restored). */
    public synchronized void annotate(String line) {
        notes.add(line);
    }

    /** A unified diff of the whole tree (or one path prefix) between two revisions. */
    public String diff(String from, String to, String pathPrefix) {
        Repository repo = git.getRepository();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader(); DiffFormatter f = new DiffFormatter(out)) {
            f.setRepository(repo);
            if (pathPrefix != null) {
                f.setPathFilter(org.eclipse.jgit.treewalk.filter.PathFilter.create(pathPrefix));
            }
            CanonicalTreeParser a = new CanonicalTreeParser();
            a.reset(reader, walk.parseCommit(ObjectId.fromString(resolve(from))).getTree());
            CanonicalTreeParser b = new CanonicalTreeParser();
            b.reset(reader, walk.parseCommit(ObjectId.fromString(resolve(to))).getTree());
            f.format(a, b);
            f.flush();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pushes to the history's remote (a team's shared repository), when it has one. */
    public String push() {
        try {
            if (git.getRepository().getConfig().getSubsections("remote").isEmpty()) {
                return "the history has no remote; nothing pushed";
            }
            git.push().setPushAll().call();
            return "history pushed";
        } catch (GitAPIException e) {
            return "history push failed: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
