package io.portpush.core.history;

import io.portpush.core.error.HistoryRemoteException;
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
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.transport.URIish;
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

    /** A baseline waiting for its commit: path, content, the line its revision says, who. */
    private record Pending(String path, String content, String message, String user) {
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<Pending> baselines = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Commits {@code content} when the history has no version of the file yet, so that the state
     * before portpush's first change is a revision one can go back to; it is committed before this
     * returns, so before the change it precedes reaches the device.
     *
     * <p>Group commit: hosts that ask while another host's baseline is being written are committed
     * together by the next one in, as one revision (a first push to 5,000 routers made 5,000
     * commits, each rewriting the whole index: half the run). A lone baseline keeps its own message.
     */
    public void baseline(String relativePath, String content, String message, String user) {
        Pending mine = new Pending(relativePath, scrub.apply(content), message, user);
        baselines.add(mine);
        synchronized (this) {
            if (!baselines.contains(mine)) {
                return; // another caller committed it with its own
            }
            try {
                Map<String, Pending> byPath = new LinkedHashMap<>();
                boolean hasHead = git.getRepository().resolve("HEAD") != null;
                for (Pending p = baselines.poll(); p != null; p = baselines.poll()) {
                    if (!(hasHead && read("HEAD", p.path()).isPresent())) {
                        byPath.putIfAbsent(p.path(), p);
                    }
                }
                List<Pending> batch = new ArrayList<>(byPath.values());
                if (batch.isEmpty()) {
                    return;
                }
                Map<String, String> keep = new LinkedHashMap<>(staged);
                List<String> keepNotes = new ArrayList<>(notes);
                staged.clear();
                notes.clear();
                batch.forEach(b -> staged.put(b.path(), b.content()));
                String text = batch.size() == 1 ? batch.get(0).message()
                        : "baseline of " + batch.size() + " objects: the state found before portpush's first change\n\n"
                        + String.join("\n", batch.stream().map(Pending::message).toList()) + "\n";
                try {
                    commit(text, batch.get(0).user());
                } catch (RuntimeException e) {
                    // the others whose baselines this was wait on the lock: back in the queue, each tries (and fails) itself
                    baselines.addAll(batch);
                    throw e;
                } finally {
                    staged.putAll(keep);
                    notes.addAll(keepNotes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    /**
     * Names the team repository this history is shared through ({@code origin}), replacing an
     * earlier URL. Credentials in the URL ({@code https://user:token@host/...}) are used for
     * fetch and push and never printed: messages show the URL without them.
     */
    public synchronized void remote(String url) {
        try {
            URIish uri = new URIish(url);
            // an https user and token stay in memory for this run's fetch and push: git's config on disk gets the URL without
            // them (an ssh URL keeps its user, which names the account the key logs in to)
            boolean http = uri.getScheme() != null && uri.getScheme().startsWith("http");
            credentials = !http || uri.getUser() == null ? null
                    : new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider(uri.getUser(), uri.getPass() == null ? "" : uri.getPass());
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", REMOTE, "url", (http ? uri.setUser(null).setPass(null) : uri.setPass(null)).toString());
            config.setString("remote", REMOTE, "fetch", "+refs/heads/*:refs/remotes/" + REMOTE + "/*");
            config.save();
        } catch (java.net.URISyntaxException e) {
            throw new HistoryRemoteException("--history-remote '" + shown(url) + "' is not a git URL: " + e.getReason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest revision's short id (as {@link Revision#shortId()}), or null in a history with none. */
    public String head() {
        try {
            ObjectId id = git.getRepository().resolve(Constants.HEAD);
            return id == null ? null : id.getName().substring(0, 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the history is shared through a remote. */
    public boolean hasRemote() {
        return git.getRepository().getConfig().getString("remote", REMOTE, "url") != null;
    }

    /**
     * Brings the remote's revisions in before a run: fetches, then replays the revisions only this
     * history has (an earlier push that failed) on top of the remote's, so that a run reads the
     * team's latest revision of every device it touches (its baseline and "previous"). A history
     * with no revision of its own simply takes the remote's.
     *
     * <p>Replaying, not merging: each shard of a split run records only its own hosts' paths, so
     * its revisions apply to the remote's tip without conflict, and the history stays a line that
     * {@code git log} reads as one revision per run batch. The replay is JGit's in-memory three-way
     * merge per revision (no work tree involved); a revision that touches a path the remote also
     * changed since (two runs recorded the same device) stops the sync and names the paths.
     *
     * @return what happened, for the console
     * @throws HistoryRemoteException when the remote cannot be fetched or a revision conflicts
     */
    public synchronized String sync() {
        if (!hasRemote()) {
            return "the history has no remote; nothing fetched";
        }
        Repository repo = git.getRepository();
        try {
            String branch = branch();
            fetch();
            Ref theirs = repo.exactRef("refs/remotes/" + REMOTE + "/" + branch);
            if (theirs == null) {
                return "the history remote " + shown(url()) + " has no branch " + branch + " yet; this run starts it";
            }
            int replayed = replayOnto(theirs.getObjectId());
            return replayed == 0 ? "history up to date with " + shown(url())
                    : "history: " + replayed + " local revision(s) replayed on " + shown(url());
        } catch (IOException | GitAPIException e) {
            throw new HistoryRemoteException("cannot fetch the history from " + shown(url()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pushes to the history's remote, when it has one. When the remote moved on (another shard
     * or run pushed first), fetches, replays this history's revisions on top and tries again, up
     * to {@code attempts} times with a growing, jittered pause.
     *
     * @return what happened, for the console
     * @throws HistoryRemoteException when the push failed every time or a revision conflicts
     */
    public synchronized String push(int attempts) {
        if (!hasRemote()) {
            return "the history has no remote; nothing pushed";
        }
        Repository repo = git.getRepository();
        String why = "";
        try {
            String branch = branch();
            if (repo.resolve(Constants.HEAD) == null) {
                return "the history has no revision yet; nothing pushed";
            }
            java.util.Random jitter = new java.util.Random();
            for (int attempt = 1; attempt <= attempts; attempt++) {
                if (attempt > 1) {
                    Thread.sleep(Math.min(2_000, 50L << Math.min(attempt, 6)) + jitter.nextInt(100));
                    fetch();
                    Ref theirs = repo.exactRef("refs/remotes/" + REMOTE + "/" + branch);
                    if (theirs != null) {
                        replayOnto(theirs.getObjectId());
                    }
                }
                try {
                    why = pushOnce(branch);
                } catch (org.eclipse.jgit.api.errors.TransportException e) {
                    // another pusher holds the remote's ref lock, or the connection dropped: try again
                    why = e.getMessage();
                }
                if (why == null) {
                    return "history pushed to " + shown(url()) + (attempt == 1 ? "" : " (attempt " + attempt + ": the remote had moved on)");
                }
            }
        } catch (IOException | GitAPIException e) {
            throw new HistoryRemoteException("history push to " + shown(url()) + " failed: " + e.getMessage()
                    + "; the run's revisions are in " + dir + " and the next --push-history sends them", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        throw new HistoryRemoteException("history push to " + shown(url()) + " failed " + attempts + " times (" + why
                + "); the run's revisions are in " + dir + " and the next --push-history sends them");
    }

    /** Pushes with the default number of attempts (10). */
    public String push() {
        return push(10);
    }

    private static final String REMOTE = "origin";

    /** The branch this history records on ({@code main} for a new history; a clone's own otherwise). */
    private String branch() throws IOException {
        String b = git.getRepository().getBranch();
        return b == null ? "main" : b;
    }

    private String url() {
        return git.getRepository().getConfig().getString("remote", REMOTE, "url");
    }

    /** A URL as messages show it: without user or password. */
    static String shown(String url) {
        if (url == null) {
            return "(none)";
        }
        try {
            return new URIish(url).setUser(null).setPass(null).toString();
        } catch (java.net.URISyntaxException e) {
            return url.replaceAll("//[^/@]*@", "//");
        }
    }

    /** The credentials {@link #remote} was given, or null: JGit then uses what the URL in git's config says. */
    private org.eclipse.jgit.transport.CredentialsProvider credentials;

    /**
     * What of a git URL must never be printed: its password or token, or, with no password, its
     * user part (a token given as the user, {@code https://TOKEN@host/...}). A user beside a
     * password is an account name, shown as any other word.
     */
    public static java.util.Optional<String> secretOf(String url) {
        try {
            URIish uri = new URIish(url);
            return java.util.Optional.ofNullable(uri.getPass() != null ? uri.getPass() : uri.getUser())
                    .filter(v -> uri.getPass() != null || uri.getScheme() != null && uri.getScheme().startsWith("http"));
        } catch (java.net.URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    private void fetch() throws GitAPIException {
        git.fetch().setRemote(REMOTE).setCredentialsProvider(credentials).call();
    }

    /** One push of the branch; null when the remote took it, else why not. */
    private String pushOnce(String branch) throws GitAPIException {
        String ref = "refs/heads/" + branch;
        for (org.eclipse.jgit.transport.PushResult r : git.push().setRemote(REMOTE).setCredentialsProvider(credentials)
                .setRefSpecs(new org.eclipse.jgit.transport.RefSpec(ref + ":" + ref)).call()) {
            for (org.eclipse.jgit.transport.RemoteRefUpdate u : r.getRemoteUpdates()) {
                switch (u.getStatus()) {
                    case OK, UP_TO_DATE -> {
                    }
                    default -> {
                        return u.getStatus() + (u.getMessage() == null ? "" : ": " + u.getMessage());
                    }
                }
            }
        }
        return null;
    }

    /**
     * Replays the revisions only the local branch has on top of {@code theirs} and moves the branch,
     * index and work tree there; returns how many were replayed (0: the local branch was behind or equal).
     */
    private int replayOnto(ObjectId theirs) throws IOException, GitAPIException {
        Repository repo = git.getRepository();
        ObjectId ours = repo.resolve(Constants.HEAD);
        List<RevCommit> mine = new ArrayList<>();
        ObjectId tip = theirs;
        try (RevWalk walk = new RevWalk(repo); ObjectInserter inserter = repo.newObjectInserter()) {
            if (ours != null) {
                walk.markStart(walk.parseCommit(ours));
                walk.markUninteresting(walk.parseCommit(theirs));
                walk.sort(org.eclipse.jgit.revwalk.RevSort.TOPO, true);
                walk.sort(org.eclipse.jgit.revwalk.RevSort.REVERSE, true);
                walk.forEach(mine::add);
            }
            ObjectId emptyTree = inserter.insert(Constants.OBJ_TREE, new byte[0]);
            inserter.flush();
            for (RevCommit c : mine) {
                org.eclipse.jgit.merge.ResolveMerger merger = (org.eclipse.jgit.merge.ResolveMerger)
                        org.eclipse.jgit.merge.MergeStrategy.RECURSIVE.newMerger(repo, true);
                merger.setBase(c.getParentCount() == 0 ? emptyTree : walk.parseCommit(c.getParent(0)).getTree());
                if (!merger.merge(tip, c)) {
                    throw new HistoryRemoteException("the history revision " + c.abbreviate(10).name() + " (" + c.getShortMessage()
                            + ") changes what " + shown(url()) + " changed too: " + String.join(", ", merger.getUnmergedPaths())
                            + ". Two runs recorded the same device: keep the one that reflects the device (git -C " + dir
                            + " rebase origin/" + branch() + ") before the next run");
                }
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(merger.getResultTreeId());
                commit.setParentId(tip);
                commit.setAuthor(c.getAuthorIdent());
                commit.setCommitter(c.getCommitterIdent());
                commit.setMessage(c.getFullMessage());
                tip = inserter.insert(commit);
                inserter.flush();
            }
        }
        // the branch, its index and its files now show the replayed line
        RefUpdate ref = repo.updateRef(Constants.HEAD);
        ref.setNewObjectId(tip);
        ref.setForceUpdate(true);
        ref.setRefLogMessage("portpush sync: " + mine.size() + " revision(s) replayed on " + REMOTE, false);
        ref.update();
        git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(tip.name()).call();
        return mine.size();
    }

    @Override
    public void close() {
        git.close();
    }
}
