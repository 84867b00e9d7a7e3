package io.portpush.lab.junos;

import io.portpush.lab.shell.CommandTree;
import io.portpush.lab.shell.CommandTree.Invocation;
import io.portpush.lab.shell.CommandTree.Match;
import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.Personality;
import io.portpush.lab.shell.Reply;
import io.portpush.lab.shell.Session;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Juniper Junos as its CLI answers over SSH: operational and configuration modes, a candidate
 * configuration ({@code configure}, {@code configure private}), {@code set}/{@code delete} checked
 * against the hierarchy, {@code show | compare}, {@code commit check}, {@code commit confirmed N}
 * that rolls back by itself when not confirmed, {@code rollback N} and the commit history.
 */
public final class JunosPersonality implements Personality {
    private static final DateTimeFormatter COMMIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One entry of the commit history; {@code config} is the set paths that became active. */
    private record Commit(List<List<String>> config, Instant at, String user, String via, String comment, int confirmMinutes) {
    }

    /** A candidate configuration: the shared one, or a session's private copy. */
    static final class Candidate {
        List<List<String>> paths;
        final boolean isPrivate;

        Candidate(List<List<String>> paths, boolean isPrivate) {
            this.paths = copy(paths);
            this.isPrivate = isPrivate;
        }
    }

    private final DeviceContext ctx;
    private final String model;
    private final String version;
    private List<List<String>> active = new ArrayList<>();
    private final List<Commit> history = new ArrayList<>();
    private Candidate shared;
    private ScheduledFuture<?> pendingRollback;
    /** The session holding the exclusive lock of the shared candidate ({@code <lock>} over NETCONF), if any. */
    private Integer lockedBy;
    private String lockedUser;
    private final CommandTree op = new CommandTree();
    private final CommandTree conf = new CommandTree();
    private Session current;

    public JunosPersonality(DeviceContext ctx) {
        this.ctx = ctx;
        this.netconf = new JunosNetconf(this, ctx.minute());
        this.model = ctx.profile().modelOr("vmx");
        this.version = ctx.profile().versionOr("22.4R1.10");
        int o = ctx.profile().octet();
        List<io.portpush.lab.DeviceProfile.Iface> defaults = List.of(
                new io.portpush.lab.DeviceProfile.Iface("ge-0/0/0", "10." + o + ".0.1/24", null),
                new io.portpush.lab.DeviceProfile.Iface("ge-0/0/1", "10." + o + ".1.1/24", null),
                new io.portpush.lab.DeviceProfile.Iface("ge-0/0/2", "10." + o + ".2.1/24", null),
                new io.portpush.lab.DeviceProfile.Iface("lo0", "10.255." + o + ".1/32", null));
        active.add(List.of("system", "host-name", ctx.hostname()));
        for (io.portpush.lab.DeviceProfile.Iface f : ctx.profile().interfacesOr(defaults)) {
            // Junos keeps the unit's address as typed: host address and prefix length
            active.add(f.address() == null ? List.of("interfaces", f.name(), "unit", "0", "family", "inet")
                    : List.of("interfaces", f.name(), "unit", "0", "family", "inet", "address", f.address()));
        }
        history.add(0, new Commit(copy(active), Instant.now().minusSeconds(86400), "root", "other", "", 0));
        build();
    }

    private static List<List<String>> copy(List<List<String>> paths) {
        List<List<String>> out = new ArrayList<>();
        paths.forEach(p -> out.add(List.copyOf(p)));
        return out;
    }

    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        var m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    private String hostname() {
        JunosTree.Node sys = JunosTree.build(active).children.get("system");
        JunosTree.Node hn = sys == null ? null : sys.children.get("host-name");
        return hn == null ? ctx.hostname() : hn.values.get(0);
    }

    private final JunosNetconf netconf;

    @Override
    public java.util.Optional<io.portpush.lab.netconf.NetconfServer.NetconfDevice> netconf() {
        return java.util.Optional.of(netconf);
    }

    @Override
    public String banner(Session s) {
        return "--- JUNOS " + version + " Kernel 64-bit  JNPR-12.1-20221208.f4ab2ab_buil\n";
    }

    @Override
    public synchronized String prompt(Session s) {
        String ask = s.get("ask");
        if (ask != null) {
            return ask;
        }
        String base = s.user() + "@" + hostname();
        return s.mode().isEmpty() ? base + "> " : "\n[edit]\n" + base + "# ";
    }

    @Override
    public String mode(Session s) {
        return s.mode().isEmpty() ? "exec" : "configure";
    }

    @Override
    public Reply handle(Session s, String line) {
        if (s.get("ask") != null) {
            s.put("ask", null);
            synchronized (this) {
                current = s;
                String answer = line.strip().toLowerCase(Locale.ROOT);
                return answer.isEmpty() || answer.equals("yes") || answer.equals("y") ? reallyLeave() : Reply.NOTHING;
            }
        }
        if (line.isBlank()) {
            return Reply.NOTHING;
        }
        if (ctx.faults().get().refuses(line)) {
            return syntaxError(s, 0);
        }
        synchronized (this) {
            current = s;
            return dispatch(s, line);
        }
    }

    private Reply dispatch(Session s, String line) {
        current = s;
        String[] pipes = line.split("\\|");
        Match m = (s.mode().isEmpty() ? op : conf).match(pipes[0]);
        Reply r;
        if (m instanceof Match.Found f) {
            current.put("pipes", List.of(pipes).subList(1, pipes.length));
            r = f.handler().handle(f.invocation());
        } else if (m instanceof Match.Invalid inv) {
            r = syntaxError(s, inv.column());
        } else if (m instanceof Match.Ambiguous) {
            r = Reply.of("'" + line.strip() + "' is ambiguous.\n");
        } else if (m instanceof Match.Incomplete) {
            r = Reply.of(" ".repeat(promptWidth() + line.stripTrailing().length() + 1) + "^\nsyntax error, expecting <command>.\n");
        } else {
            r = Reply.NOTHING;
        }
        return r;
    }

    private Reply syntaxError(Session s, int column) {
        String p = prompt(s);
        int promptWidth = p.length() - p.lastIndexOf('\n') - 1;
        return Reply.of(" ".repeat(promptWidth + column) + "^\n" + (s.mode().isEmpty() ? "syntax error, expecting <command>.\n" : "syntax error.\n"));
    }

    private List<String> pipes() {
        List<String> p = current.get("pipes");
        return p == null ? List.of() : p.stream().map(String::strip).toList();
    }

    /** Applies {@code | match}, {@code | except}, {@code | count}, {@code | no-more} to output. */
    private String filter(String out) {
        String text = out;
        for (String p : pipes()) {
            String[] w = p.split("\\s+", 2);
            switch (w[0]) {
                case "match" -> text = text.lines().filter(l -> Pattern.compile(w[1]).matcher(l).find())
                        .map(l -> l + "\n").reduce("", String::concat);
                case "except" -> text = text.lines().filter(l -> !Pattern.compile(w[1]).matcher(l).find())
                        .map(l -> l + "\n").reduce("", String::concat);
                case "count" -> text = "Count: " + text.lines().count() + " lines\n";
                default -> { // display set / compare / no-more are handled by the command
                }
            }
        }
        return text;
    }

    private boolean piped(String word) {
        return pipes().stream().anyMatch(p -> p.startsWith(word));
    }

    private void build() {
        op.add("show version", inv -> Reply.of(filter("Hostname: " + hostname() + "\nModel: " + model + "\nJunos: " + version + "\n"
                + "JUNOS OS Kernel 64-bit  [20221208.f4ab2ab_builder_stable_12_224]\nJUNOS OS libs [20221208.f4ab2ab_builder_stable_12_224]\n"
                + "JUNOS OS runtime [20221208.f4ab2ab_builder_stable_12_224]\nJUNOS OS time zone information [20221208.f4ab2ab_builder_stable_12_224]\n"
                + "JUNOS network stack and utilities [20221213.190811_builder_junos_224_r1]\n")));
        op.add("show configuration", true, inv -> showConfig(active, inv.args()));
        op.add("show system commit", inv -> Reply.of(filter(showCommits())));
        op.add("show firewall", true, inv -> Reply.of(filter(showFirewall(inv.args()))));
        op.add("set cli screen-length <n>", inv -> Reply.of("Screen length set to " + inv.word(3) + "\n"));
        op.add("set cli screen-width <n>", inv -> Reply.of("Screen width set to " + inv.word(3) + "\n"));
        op.add("set cli complete-on-space <word>", inv -> Reply.of(inv.word(3).equals("off") ? "Disabling complete-on-space\n"
                : "Enabling complete-on-space\n"));
        op.add("set cli terminal <word>", inv -> Reply.NOTHING);
        // Ansible's junos terminal plugin sends this as the shell opens and fails on "syntax error,"
        // (Junos CLI reference: set cli timestamp (format F | disable)); the lab answers nothing, the
        // exact text a router prints here is not in any document found
        op.add("set cli timestamp disable", inv -> Reply.NOTHING);
        op.add("exit", inv -> Reply.close(""));
        op.add("quit", inv -> Reply.close(""));
        op.add("configure", inv -> enterConfig(false));
        op.add("configure private", inv -> enterConfig(true));
        op.add("configure exclusive", inv -> enterConfig(false));

        conf.add("set", true, inv -> setOrDelete(inv, true));
        conf.add("delete", true, inv -> setOrDelete(inv, false));
        conf.add("show", true, inv -> {
            Candidate c = current.get("cand");
            if (piped("compare")) {
                return Reply.of(filter(JunosTree.compare(JunosTree.build(active), JunosTree.build(c.paths))));
            }
            // in configuration mode "show" takes a statement path: a word the schema does not know
            // ("show bogus", "show configuration firewall") is a syntax error, not an empty hierarchy
            List<String> words = inv.args().stream().filter(a -> !a.isBlank()).toList();
            JunosSchema.Check check = JunosSchema.check(words);
            if (check.error() >= 0) {
                return syntaxError(current, inv.argOffset(check.error()));
            }
            return showConfig(c.paths, inv.args());
        });
        conf.add("commit", true, inv -> commit(inv));
        conf.add("rollback", true, inv -> {
            int n = inv.args().isEmpty() ? 0 : Integer.parseInt(inv.args().get(0));
            if (n >= history.size()) {
                return Reply.of("error: Cannot find rollback " + n + "\n");
            }
            Candidate c = current.get("cand");
            c.paths = copy(history.get(n).config());
            return Reply.of("load complete\n");
        });
        conf.add("run", true, inv -> {
            Match m = op.match(inv.rest(0));
            return m instanceof Match.Found f ? f.handler().handle(f.invocation()) : syntaxError(current, inv.argOffset(0));
        });
        conf.add("top", inv -> Reply.NOTHING);
        for (String w : List.of("exit", "quit")) {
            conf.add(w, inv -> leaveConfig());
            conf.add(w + " configuration-mode", inv -> leaveConfig());
        }
    }

    private Reply enterConfig(boolean priv) {
        Candidate c;
        String msg = "";
        if (priv) {
            c = new Candidate(active, true);
            msg = "warning: uncommitted changes will be discarded on exit\n";
        } else {
            if (shared == null) {
                shared = new Candidate(active, false);
            } else if (!JunosTree.same(JunosTree.build(shared.paths), JunosTree.build(active))) {
                msg = "The configuration has been changed but not committed\n";
            }
            c = shared;
        }
        current.put("cand", c);
        current.enter("configure");
        // Junos CLI User Guide, "Overview of the Configure Command": configure prints "Entering
        // configuration mode" first and then "The configuration has been changed but not committed";
        // configure private/exclusive print their warning before it
        return Reply.of(priv ? msg + "Entering configuration mode\n" : "Entering configuration mode\n" + msg);
    }

    private Reply leaveConfig() {
        Candidate c = current.get("cand");
        boolean dirty = !JunosTree.same(JunosTree.build(c.paths), JunosTree.build(active));
        if (dirty) {
            // Junos asks before leaving uncommitted changes behind
            current.put("ask", "Exit with uncommitted changes? [yes,no] (yes) ");
            return Reply.of("The configuration has been changed but not committed\n");
        }
        return reallyLeave();
    }

    private Reply reallyLeave() {
        current.put("cand", null);
        current.leaveAll();
        return Reply.of("Exiting configuration mode\n");
    }

    @Override
    public synchronized void closed(Session s) {
        // a private candidate dies with its session; the shared one stays, as on a real router,
        // unless the session held its lock: Junos discards what was changed under the lock
        s.put("cand", null);
        if (lockedBy != null && lockedBy == s.id()) {
            lockedBy = null;
            lockedUser = null;
            shared = null;
        }
    }

    private Reply setOrDelete(Invocation inv, boolean set) {
        List<String> path = words(inv.rest(0));
        JunosSchema.Check c = JunosSchema.check(path);
        if (c.error() >= 0) {
            return syntaxError(current, column(inv, c.error()));
        }
        if (c.incomplete() && set) {
            return Reply.of(" ".repeat(promptWidth() + inv.line().stripTrailing().length() + 1) + "^\nmissing argument.\n");
        }
        Candidate cand = current.get("cand");
        if (set && ctx.faults().get().ignores(inv.line())) {
            return Reply.NOTHING;
        }
        return applyPath(cand, c, path, set) ? Reply.NOTHING : Reply.of("warning: statement not found\n");
    }

    /** Sets or deletes a checked path in a candidate; false when a delete found nothing. */
    private static boolean applyPath(Candidate cand, JunosSchema.Check c, List<String> path, boolean set) {
        if (set) {
            JunosSchema.Seg last = c.segs().isEmpty() ? null : c.segs().get(c.segs().size() - 1);
            if (last != null && last.kind() == JunosSchema.Kind.LEAF) {
                // a leaf holds one value: the new one replaces the old
                List<String> keyPath = path.subList(0, path.size() - 1);
                cand.paths.removeIf(p -> p.size() == path.size() && p.subList(0, p.size() - 1).equals(keyPath));
            }
            if (!cand.paths.contains(path)) {
                cand.paths.add(List.copyOf(path));
            }
            return true;
        }
        return cand.paths.removeIf(p -> p.size() >= path.size() && p.subList(0, path.size()).equals(path));
    }

    // ---- what the NETCONF server (JunosNetconf) asks of the device, under this object's monitor ----

    /** A statement NETCONF could not load: the message Junos gives and the word it names. */
    record LoadError(String message, String badElement) {
    }

    /** The candidate a NETCONF session edits: its private one after open-configuration, else the shared one. */
    synchronized Candidate candidate(Session s) {
        Candidate c = s.get("cand");
        if (c == null) {
            if (shared == null) {
                shared = new Candidate(active, false);
            }
            c = shared;
        }
        return c;
    }

    synchronized void openPrivate(Session s) {
        s.put("cand", new Candidate(active, true));
    }

    synchronized void closePrivate(Session s) {
        s.put("cand", null);
    }

    /** One {@code set}/{@code delete} line of {@code <load-configuration action="set">}; null when it loaded. */
    synchronized LoadError loadLine(Session s, String line) {
        List<String> w = words(line);
        if (w.isEmpty()) {
            return null;
        }
        boolean set = w.get(0).equals("set");
        if (!set && !w.get(0).equals("delete")) {
            return new LoadError("syntax error", w.get(0));
        }
        return loadPath(s, w.subList(1, w.size()), set);
    }

    /** Sets or deletes one path in the session's candidate; null when it loaded. */
    synchronized LoadError loadPath(Session s, List<String> path, boolean set) {
        JunosSchema.Check c = JunosSchema.check(path);
        if (c.error() >= 0) {
            return new LoadError("syntax error", path.get(c.error()));
        }
        if (c.incomplete() && set) {
            return new LoadError("missing argument", path.get(path.size() - 1));
        }
        if (set && ctx.faults().get().ignores("set " + String.join(" ", path))) {
            return null;
        }
        if (!applyPath(candidate(s), c, path, set) && !set) {
            return new LoadError("statement not found", path.get(path.size() - 1));
        }
        return null;
    }

    /** Removes everything under {@code prefix} from the session's candidate (a {@code replace:} tag). */
    synchronized void clearUnder(Session s, List<String> prefix) {
        candidate(s).paths.removeIf(p -> p.size() >= prefix.size() && p.subList(0, prefix.size()).equals(prefix));
    }

    /** {@code load override}: the candidate starts empty. */
    synchronized void clearCandidate(Session s) {
        candidate(s).paths.clear();
    }

    /** The candidate takes rollback {@code n}; false when there is no such commit. */
    synchronized boolean loadRollback(Session s, int n) {
        if (n < 0 || n >= history.size()) {
            return false;
        }
        candidate(s).paths = copy(history.get(n).config());
        return true;
    }

    synchronized void discard(Session s) {
        candidate(s).paths = copy(active);
    }

    synchronized List<List<String>> paths(Session s, boolean committed) {
        return copy(committed ? active : candidate(s).paths);
    }

    /** The commit {@code n} back (0 is the active configuration), or null. */
    synchronized List<List<String>> rollbackPaths(int n) {
        return n >= 0 && n < history.size() ? copy(history.get(n).config()) : null;
    }

    /** Problems a commit would refuse, in the text {@code commit check} prints; empty when none. */
    synchronized String checkCandidate(Session s) {
        return checkOut(candidate(s).paths);
    }

    /** Commits the session's candidate; returns null, or why not (check-out problems, a lock). */
    synchronized String commitFrom(Session s, String comment, long confirmMillis, int confirmMinutes) {
        Candidate c = candidate(s);
        String problems = checkOut(c.paths);
        if (!problems.isEmpty()) {
            return problems;
        }
        String locked = lockedAgainst(s, c);
        if (locked != null) {
            return locked;
        }
        activate(c, s, comment, confirmMillis, confirmMinutes);
        return null;
    }

    /** {@code <lock>} of the shared candidate; null when granted, else the refusal. */
    synchronized String lock(Session s) {
        if (lockedBy != null && lockedBy != s.id()) {
            return "configuration database locked by: " + lockedUser + " (session " + lockedBy + ")";
        }
        if (shared != null && !JunosTree.same(JunosTree.build(shared.paths), JunosTree.build(active))) {
            // Junos refuses the lock while the shared candidate holds someone's uncommitted changes
            return "configuration database modified";
        }
        lockedBy = s.id();
        lockedUser = s.user();
        return null;
    }

    /** {@code <unlock>}: uncommitted changes made under the lock are discarded, as Junos does. */
    synchronized String unlock(Session s) {
        if (lockedBy == null || lockedBy != s.id()) {
            return "configuration database is not locked by this session";
        }
        lockedBy = null;
        lockedUser = null;
        shared = null;
        return null;
    }

    String model() {
        return model;
    }

    String version() {
        return version;
    }

    synchronized String hostnameNow() {
        return hostname();
    }

    /** An operational command typed at the CLI prompt, for the {@code <command>} RPC. */
    synchronized Reply operational(Session s, String command) {
        current = s;
        Match m = op.match(command.split("\\|")[0]);
        if (m instanceof Match.Found) {
            return dispatch(s, command);
        }
        return null;
    }

    /** The filters of the active configuration with their counter names, in order. */
    synchronized java.util.Map<String, List<String>> filterCounters() {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        JunosTree.Node fw = JunosTree.build(active).children.get("firewall");
        if (fw == null) {
            return out;
        }
        List<JunosTree.Node> filters = new ArrayList<>();
        fw.children.values().forEach(n -> {
            if (n.label.startsWith("family")) {
                n.children.values().stream().filter(f -> f.label.startsWith("filter ")).forEach(filters::add);
            } else if (n.label.startsWith("filter ")) {
                filters.add(n);
            }
        });
        for (JunosTree.Node f : filters) {
            List<String> counters = new ArrayList<>();
            f.children.values().forEach(t -> {
                JunosTree.Node then = t.children.get("then");
                if (then != null && then.children.containsKey("count")) {
                    counters.add(then.children.get("count").values.get(0));
                }
            });
            out.put(f.label.substring(7), counters);
        }
        return out;
    }

    /** When the active configuration was committed, and by whom. */
    synchronized Instant lastCommit() {
        return history.get(0).at();
    }

    synchronized String lastCommitUser() {
        return history.get(0).user();
    }

    private int promptWidth() {
        String p = prompt(current);
        return p.length() - p.lastIndexOf('\n') - 1;
    }

    /** Column of word {@code i} of the path typed after set/delete (quoted values count as one word). */
    private static int column(Invocation inv, int i) {
        return inv.argOffset(Math.min(i, inv.args().size()));
    }

    private Reply showConfig(List<List<String>> paths, List<String> args) {
        List<String> sel = args.stream().filter(a -> !a.isBlank()).toList();
        JunosTree.Node root = JunosTree.build(paths);
        JunosTree.Node n = root;
        List<String> walked = new ArrayList<>();
        for (int i = 0; i < sel.size() && n != null; i++) {
            JunosTree.Node next = n.children.get(sel.get(i));
            if (next == null && i + 1 < sel.size()) {
                next = n.children.get(sel.get(i) + " " + sel.get(i + 1));
                if (next != null) {
                    walked.add(sel.get(i));
                    i++;
                }
            }
            walked.add(sel.get(i));
            n = next;
        }
        if (n == null && sel.size() == 1) {
            // a keyword whose statements carry a name ("interfaces ge-0/0/0"): all of them
            JunosTree.Node holder = new JunosTree.Node("", JunosSchema.Kind.CONTAINER);
            root.children.values().stream().filter(c -> c.label.startsWith(sel.get(0) + " "))
                    .forEach(c -> holder.children.put(c.label, c));
            if (!holder.children.isEmpty()) {
                n = holder;
                walked.clear();
            }
        }
        if (n == null) {
            return Reply.NOTHING;
        }
        String out;
        if (piped("display set")) {
            String prefix = walked.isEmpty() ? "set" : "set " + String.join(" ", walked);
            List<String> lines = new ArrayList<>();
            if (walked.isEmpty()) {
                lines.addAll(JunosTree.displaySet(n));
            } else {
                JunosTree.Node holder = new JunosTree.Node("", JunosSchema.Kind.CONTAINER);
                holder.children.putAll(n.children);
                JunosTree.displaySet(holder).forEach(l -> lines.add(prefix + l.substring(3)));
            }
            out = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        } else {
            out = (n == root ? "## Last commit: " + COMMIT_TIME.format(history.get(0).at()) + " by "
                    + history.get(0).user() + "\nversion " + version + ";\n" : "") + JunosTree.hierarchy(n);
        }
        return Reply.of(filter(out));
    }

    private String checkOut(List<List<String>> paths) {
        StringBuilder sb = new StringBuilder();
        JunosTree.Node root = JunosTree.build(paths);
        List<String> filters = new ArrayList<>();
        JunosTree.Node fw = root.children.get("firewall");
        if (fw != null) {
            for (JunosTree.Node fam : fw.children.values()) {
                collectFilters(fam, fam.label.startsWith("family") ? "firewall " + fam.label : "firewall", filters, sb);
            }
            collectFilters(fw, "firewall", filters, sb);
        }
        for (JunosTree.Node itf : root.children.values()) {
            if (!itf.label.startsWith("interfaces ")) {
                continue;
            }
            for (JunosTree.Node unit : itf.children.values()) {
                for (JunosTree.Node fam : unit.children.values()) {
                    JunosTree.Node f = fam.children.get("filter");
                    if (f == null) {
                        continue;
                    }
                    for (JunosTree.Node dir : f.children.values()) {
                        String name = dir.values.get(0);
                        if (!filters.contains(name)) {
                            sb.append("[edit ").append(itf.label).append(' ').append(unit.label).append(' ')
                                    .append(fam.label).append(" filter]\n  '").append(dir.label).append(' ').append(name)
                                    .append("'\n    Referenced filter '").append(name).append("' is not defined\n");
                        }
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void collectFilters(JunosTree.Node parent, String path, List<String> filters, StringBuilder problems) {
        for (JunosTree.Node f : parent.children.values()) {
            if (!f.label.startsWith("filter ")) {
                continue;
            }
            filters.add(f.label.substring(7));
            for (JunosTree.Node term : f.children.values()) {
                JunosTree.Node then = term.children.get("then");
                if (then == null) {
                    continue;
                }
                long terminating = then.children.keySet().stream().filter(k -> k.equals("accept") || k.equals("discard")
                        || k.equals("reject")).count();
                if (terminating > 1) {
                    problems.append("[edit ").append(path).append(' ').append(f.label).append(' ').append(term.label)
                            .append(" then]\n  'discard'\n    Multiple terminating actions are not allowed in a term\n");
                }
            }
        }
    }

    private Reply commit(Invocation inv) {
        Candidate c = current.get("cand");
        List<String> a = words(inv.rest(0));
        String problems = checkOut(c.paths);
        if (!problems.isEmpty()) {
            return Reply.of(problems + "error: configuration check-out failed\n");
        }
        if (!a.isEmpty() && a.get(0).equals("check")) {
            return Reply.of("configuration check succeeds\n");
        }
        int confirm = 0;
        String comment = "";
        boolean andQuit = false;
        for (int i = 0; i < a.size(); i++) {
            switch (a.get(i)) {
                case "confirmed" -> {
                    confirm = 10;
                    if (i + 1 < a.size() && a.get(i + 1).matches("\\d+")) {
                        confirm = Integer.parseInt(a.get(++i));
                    }
                }
                case "comment" -> {
                    if (i + 1 >= a.size()) {
                        return Reply.of(" ".repeat(promptWidth() + inv.line().stripTrailing().length() + 1) + "^\nmissing argument.\n");
                    }
                    comment = a.get(++i);
                }
                case "and-quit" -> andQuit = true;
                default -> {
                    return syntaxError(current, inv.argOffset(0));
                }
            }
        }
        String locked = lockedAgainst(current, c);
        if (locked != null) {
            return Reply.of(locked);
        }
        String out = activate(c, current, comment, ctx.minute().toMillis() * confirm, confirm);
        if (confirm > 0) {
            out = "commit confirmed will be automatically rolled back in " + confirm + " minutes unless confirmed\n" + out;
        }
        if (andQuit) {
            current.put("cand", null);
            current.leaveAll();
            out += "Exiting configuration mode\n";
        }
        return Reply.of(out);
    }

    /**
     * The candidate becomes the active configuration; {@code confirmMillis} above 0 arms the
     * automatic rollback of {@code commit confirmed} ({@code confirmMinutes} is what the history shows).
     */
    String activate(Candidate c, Session s, String comment, long confirmMillis, int confirmMinutes) {
        if (pendingRollback != null) {
            pendingRollback.cancel(false);
            pendingRollback = null;
        }
        active = copy(c.paths);
        String via = s.get("via") == null ? "cli" : s.get("via");
        history.add(0, new Commit(copy(active), Instant.now(), s.user(), via, comment, confirmMinutes));
        if (shared != null && shared != c) {
            shared = null; // a private commit makes the shared candidate stale
        } else if (shared != null) {
            shared = new Candidate(active, false);
            s.put("cand", shared);
        }
        if (c.isPrivate) {
            s.put("cand", new Candidate(active, true));
        }
        if (confirmMillis > 0) {
            pendingRollback = ctx.scheduler().schedule(this::confirmTimeout, confirmMillis, TimeUnit.MILLISECONDS);
        }
        return "commit complete\n";
    }

    /** Junos refuses to commit the shared candidate while another session holds its lock. */
    String lockedAgainst(Session s, Candidate c) {
        if (lockedBy != null && lockedBy != s.id() && !c.isPrivate) {
            return "error: configuration database locked by:\n  " + lockedUser + " using netconf (pid " + lockedBy + ")\n";
        }
        return null;
    }

    /** Nobody confirmed in time: the previous configuration comes back, as Junos does it. */
    private synchronized void confirmTimeout() {
        pendingRollback = null;
        if (history.size() < 2) {
            return;
        }
        active = copy(history.get(1).config());
        history.add(0, new Commit(copy(active), Instant.now(), "root", "other", "commit confirmed rollback", 0));
        // the shared candidate is the rolled-back configuration for every session that edits it
        if (shared != null) {
            shared.paths = copy(active);
        }
    }

    private String showCommits() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < history.size() && i < 50; i++) {
            Commit c = history.get(i);
            sb.append(String.format("%-4d%s by %s via %s", i, COMMIT_TIME.format(c.at()), c.user(), c.via()));
            if (c.confirmMinutes() > 0) {
                sb.append(" commit confirmed, rollback in ").append(c.confirmMinutes()).append("mins");
            }
            sb.append('\n');
            if (!c.comment().isEmpty()) {
                sb.append("    ").append(c.comment()).append('\n');
            }
        }
        return sb.toString();
    }

    private String showFirewall(List<String> args) {
        StringBuilder sb = new StringBuilder();
        filterCounters().forEach((name, counters) -> {
            if (args.size() >= 2 && !args.get(1).equals(name)) {
                return;
            }
            sb.append("\nFilter: ").append(name).append('\n');
            if (!counters.isEmpty()) {
                sb.append("Counters:\n").append(String.format("%-52s%-19s%s%n", "Name", "Bytes", "Packets"));
                counters.forEach(cn -> sb.append(String.format("%-40s%20d%21d%n", cn, 0, 0)));
            }
        });
        return sb.toString();
    }

    @Override
    public synchronized String savedConfig() {
        return String.join("\n", JunosTree.displaySet(JunosTree.build(active))) + "\n";
    }

    @Override
    public synchronized String restore(String saved) {
        StringBuilder problems = new StringBuilder();
        List<List<String>> paths = new ArrayList<>();
        for (String line : saved.split("\n")) {
            if (!line.startsWith("set ")) {
                continue;
            }
            List<String> w = words(line);
            List<String> path = w.subList(1, w.size());
            if (!JunosSchema.check(path).ok()) {
                problems.append("'").append(line).append("' does not load; ");
                continue;
            }
            paths.add(List.copyOf(path));
        }
        active = paths;
        history.add(0, new Commit(copy(active), Instant.now(), "root", "other", "restored by the lab", 0));
        return problems.toString();
    }
}
