package io.portpush.lab.nxos;

import io.portpush.lab.DeviceProfile;
import io.portpush.lab.shell.CommandTree;
import io.portpush.lab.shell.CommandTree.Invocation;
import io.portpush.lab.shell.CommandTree.Match;
import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.Personality;
import io.portpush.lab.shell.Reply;
import io.portpush.lab.shell.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cisco NX-OS as its CLI answers over SSH, after the Cisco Nexus 9000 NX-OS Security and System
 * Management configuration guides and the NX-OS output in genieparser's and ntc-templates'
 * samples: users log in at {@code switch#}; {@code configure terminal} and configuration sessions
 * ({@code configure session NAME}: nothing applies until {@code commit}, which applies it all;
 * {@code verify}; {@code abort}); IPv4 access lists ({@code ip access-list NAME}, rules applied as
 * typed outside a session), {@code ip access-group} on interfaces, and {@code show ip access-lists}
 * / {@code show running-config aclmgr} in NX-OS's layouts. Errors are
 * {@code % Invalid command at '^' marker.}.
 */
public final class NxosPersonality implements Personality {
    /** One configuration: what running-config holds, or a session's copy of it. */
    static final class Config {
        String hostname;
        final Map<String, TreeMap<Integer, String>> acls = new LinkedHashMap<>();
        final Map<String, Boolean> counting = new LinkedHashMap<>();
        final Map<String, Iface> interfaces = new LinkedHashMap<>();
        /** EEM applets: name -> description, countdown seconds (0: none), actions by label. */
        final Map<String, Applet> applets = new LinkedHashMap<>();

        Config copy() {
            Config c = new Config();
            c.hostname = hostname;
            applets.forEach((k, v) -> c.applets.put(k, v.copy()));
            acls.forEach((k, v) -> c.acls.put(k, new TreeMap<>(v)));
            c.counting.putAll(counting);
            interfaces.forEach((k, v) -> c.interfaces.put(k, v.copy()));
            return c;
        }
    }

    static final class Applet {
        String description;
        int countdown;
        String timerName;
        final TreeMap<String, String> actions = new TreeMap<>();

        Applet copy() {
            Applet a = new Applet();
            a.description = description;
            a.countdown = countdown;
            a.timerName = timerName;
            a.actions.putAll(actions);
            return a;
        }
    }

    static final class Iface {
        final String name;
        String address;
        String aclIn;
        String aclOut;
        String description;

        Iface(String name) {
            this.name = name;
        }

        Iface copy() {
            Iface i = new Iface(name);
            i.address = address;
            i.aclIn = aclIn;
            i.aclOut = aclOut;
            i.description = description;
            return i;
        }

        /** The short form (Ethernet1/1 -> Eth1/1). */
        String shortName() {
            return name.replaceFirst("^Ethernet", "Eth").replaceFirst("^port-channel", "Po").replaceFirst("^Vlan", "Vlan");
        }
    }

    /** A configuration session: its copy of the configuration. */
    private static final class ConfigSession {
        Config config;
    }

    private final DeviceContext ctx;
    private Config running;
    private final Map<String, ConfigSession> sessions = new LinkedHashMap<>();
    private final CommandTree user = new CommandTree();
    private final CommandTree exec = new CommandTree();
    private final CommandTree global = new CommandTree();
    private final CommandTree acl = new CommandTree();
    private final CommandTree iface = new CommandTree();
    private final CommandTree applet = new CommandTree();
    /** Named checkpoints of running-config ({@code checkpoint NAME}), and the countdowns of applets in force. */
    private final Map<String, Config> checkpoints = new LinkedHashMap<>();
    private final Map<String, java.util.concurrent.ScheduledFuture<?>> timers = new LinkedHashMap<>();
    private Session current;

    public NxosPersonality(DeviceContext ctx) {
        this.ctx = ctx;
        this.running = new Config();
        running.hostname = ctx.hostname();
        int o = ctx.profile().octet();
        List<DeviceProfile.Iface> defaults = List.of(new DeviceProfile.Iface("Ethernet1/1", "10." + o + ".0.1/24", null),
                new DeviceProfile.Iface("Ethernet1/2", "10." + o + ".1.1/24", null), new DeviceProfile.Iface("Ethernet1/3", null, null),
                new DeviceProfile.Iface("mgmt0", "192.168.0." + o + "/24", null));
        for (DeviceProfile.Iface f : ctx.profile().interfacesOr(defaults)) {
            Iface i = new Iface(f.name());
            i.address = f.address();
            running.interfaces.put(i.name, i);
        }
        build();
    }

    // ---------------------------------------------------------------- prompts and dispatch

    @Override
    public String banner(Session s) {
        return "";
    }

    @Override
    public synchronized String prompt(Session s) {
        String base = running.hostname;
        if (s.mode().isEmpty()) {
            return base + "# ";
        }
        String head = s.get("session") == null ? "config" : "config-s";
        return switch (s.mode()) {
            case "acl" -> base + "(" + head + "-acl)# ";
            case "if" -> base + "(" + head + "-if)# ";
            case "applet" -> base + "(config-applet)# ";
            default -> base + "(" + head + ")# ";
        };
    }

    @Override
    public String mode(Session s) {
        if (s.mode().isEmpty()) {
            return "exec";
        }
        return s.mode().equals("config") ? (s.get("session") == null ? "config" : "config-s") : "config-" + s.mode();
    }

    @Override
    public Reply handle(Session s, String line) {
        if (line.isBlank()) {
            return Reply.NOTHING;
        }
        if (ctx.faults().get().refuses(line)) {
            return invalid();
        }
        synchronized (this) {
            current = s;
            return dispatch(s, line.strip());
        }
    }

    private CommandTree tree(Session s) {
        return switch (s.mode()) {
            case "" -> exec;
            case "acl" -> acl;
            case "if" -> iface;
            case "applet" -> applet;
            default -> global;
        };
    }

    private Reply dispatch(Session s, String line) {
        String[] pipe = line.split("\\|", 2);
        Match m = tree(s).match(pipe[0]);
        if (!s.mode().isEmpty() && !s.mode().equals("config") && m instanceof Match.Invalid) {
            // a command of the configuration mode typed in a sub-mode: the sub-mode is left (an ACL's edits saved) and it runs
            Match g = global.match(pipe[0]);
            if (g instanceof Match.Found) {
                leaveSubMode(s, true);
                m = g;
            }
        }
        if (!s.mode().isEmpty() && m instanceof Match.Invalid && pipe[0].startsWith("show ")) {
            m = exec.match(pipe[0]); // EOS runs show commands in every configuration mode
        }
        Reply r;
        if (m instanceof Match.Found f) {
            r = f.handler().handle(f.invocation());
        } else if (m instanceof Match.Ambiguous) {
            r = Reply.of("% Ambiguous command at '^' marker.\n");
        } else if (m instanceof Match.Incomplete) {
            r = Reply.of("% Incomplete command at '^' marker.\n");
        } else if (m instanceof Match.Invalid) {
            r = invalid();
        } else {
            r = Reply.NOTHING;
        }
        if (pipe.length > 1 && !r.output().startsWith("%")) {
            String[] f = pipe[1].strip().split("\\s+", 2);
            String arg = f.length > 1 ? f[1] : "";
            String out = switch (f[0]) {
                case "include", "grep" -> r.output().lines().filter(l -> l.contains(arg)).map(l -> l + "\n").reduce("", String::concat);
                case "exclude" -> r.output().lines().filter(l -> !l.contains(arg)).map(l -> l + "\n").reduce("", String::concat);
                default -> null;
            };
            return out == null ? invalid() : Reply.of(out);
        }
        return r;
    }

    /** NX-OS marks where it stopped understanding the line, as IOS does. */
    private static Reply invalid() {
        return Reply.of("% Invalid command at '^' marker.\n");
    }

    /** The configuration the session edits: a configuration session's copy, or running-config. */
    private Config target(Session s) {
        String name = s.get("session");
        return name == null ? running : sessions.get(name).config;
    }

    // ---------------------------------------------------------------- commands

    private void build() {
        for (CommandTree t : List.of(user, exec)) {
            t.add("enable", inv -> Reply.NOTHING);
            t.add("show version", inv -> Reply.of(showVersion()));
            t.add("terminal length <n>", inv -> Reply.NOTHING);
            t.add("terminal width <n>", inv -> Reply.NOTHING);
            t.add("exit", inv -> Reply.close(""));
            t.add("logout", inv -> Reply.close(""));
        }
        exec.add("show running-config", inv -> Reply.of(runningConfig(running)));
        exec.add("show running-config aclmgr", inv -> Reply.of(aclmgr(running)));
        exec.add("show access-lists", true, inv -> Reply.of(showAccessLists(inv.args().isEmpty() ? null : inv.args().get(0))));
        exec.add("show ip access-lists", true, inv -> Reply.of(showAccessLists(inv.args().isEmpty() ? null : inv.args().get(0))));
        exec.add("show configuration sessions", inv -> Reply.of(showSessions()));
        exec.add("show hostname", inv -> Reply.of(running.hostname + "\n"));
        exec.add("configure", inv -> enter(null));
        exec.add("configure terminal", inv -> enter(null));
        exec.add("configure session <word>", inv -> enter(inv.word(2)));
        exec.add("copy running-config startup-config", inv -> Reply.of("[########################################] 100%\nCopy complete.\n"));

        // what a saved running-config holds besides lists and interfaces: accepted as it is
        buildRollback();
        global.add("feature <word>", inv -> Reply.NOTHING);
        global.add("version", true, inv -> Reply.NOTHING);
        global.add("hostname <word>", inv -> {
            target(current).hostname = inv.word(1);
            return Reply.NOTHING;
        });
        global.add("ip access-list <word>", inv -> {
            String name = inv.word(2);
            if (!name.matches("[A-Za-z][A-Za-z0-9_.:-]{0,99}")) {
                return invalid();
            }
            TreeMap<Integer, String> existing = target(current).acls.get(name);
            current.put("acl", name);
            current.put("aclEdit", existing == null ? new TreeMap<Integer, String>() : new TreeMap<>(existing));
            current.put("aclCounting", target(current).counting.getOrDefault(name, false));
            current.enter("acl");
            return Reply.NOTHING;
        });
        global.add("no ip access-list <word>", inv -> {
            Config c = target(current);
            c.acls.remove(inv.word(3));
            c.counting.remove(inv.word(3));
            return Reply.NOTHING;
        });
        // "interface ethernet 3" and "interface Ethernet3" name the same port (Arista EOS User Manual examples)
        global.add("interface", true, inv -> {
            String name = interfaceName(String.join("", inv.args()));
            Iface i = target(current).interfaces.get(name);
            if (i == null) {
                return invalid();
            }
            current.put("if", i);
            current.enter("if");
            return Reply.NOTHING;
        });
        global.add("end", inv -> {
            leaveSubMode(current, true);
            current.put("session", null);
            current.leaveAll();
            return Reply.NOTHING;
        });
        global.add("exit", inv -> {
            current.put("session", null);
            current.leaveAll();
            return Reply.NOTHING;
        });
        global.add("commit", inv -> commit(current));
        global.add("verify", inv -> current.get("session") == null ? invalid() : Reply.of("Verification Successful\n"));
        global.add("abort", inv -> {
            String name = current.get("session");
            if (name == null) {
                return invalid();
            }
            abort(name);
            current.put("session", null);
            current.leaveAll();
            return Reply.NOTHING;
        });

        acl.add("permit", true, inv -> rule(null, "permit", inv.rest(0)));
        acl.add("deny", true, inv -> rule(null, "deny", inv.rest(0)));
        acl.add("remark", true, inv -> rule(null, "remark", inv.rest(0)));
        acl.add("<n>", true, inv -> {
            List<String> a = inv.args();
            if (a.isEmpty() || !List.of("permit", "deny", "remark").contains(a.get(0))) {
                return invalid();
            }
            return rule(Integer.parseInt(inv.word(0)), a.get(0), inv.rest(1));
        });
        acl.add("no <n>", inv -> {
            TreeMap<Integer, String> edit = current.get("aclEdit");
            edit.remove(Integer.parseInt(inv.word(1)));
            writeThrough();
            return Reply.NOTHING;
        });
        acl.add("no permit", true, inv -> unrule("permit " + inv.rest(0)));
        acl.add("no deny", true, inv -> unrule("deny " + inv.rest(0)));
        acl.add("statistics per-entry", inv -> {
            current.put("aclCounting", true);
            writeThrough();
            return Reply.NOTHING;
        });
        acl.add("show", inv -> Reply.of(listText(current.get("acl"), current.get("aclEdit"), current.get("aclCounting"), null)));
        acl.add("exit", inv -> {
            leaveSubMode(current, true);
            return Reply.NOTHING;
        });
        acl.add("abort", inv -> {
            leaveSubMode(current, false);
            return Reply.NOTHING;
        });

        iface.add("ip access-group <word> in", inv -> group(inv.word(2), true, true));
        iface.add("ip access-group <word> out", inv -> group(inv.word(2), false, true));
        iface.add("no ip access-group <word> in", inv -> group(inv.word(3), true, false));
        iface.add("no ip access-group <word> out", inv -> group(inv.word(3), false, false));
        iface.add("description", true, inv -> {
            ((Iface) current.get("if")).description = inv.rest(0);
            return Reply.NOTHING;
        });
        iface.add("no switchport", inv -> Reply.NOTHING);
        iface.add("ip address <word>", inv -> {
            if (!inv.word(2).matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
                return invalid();
            }
            ((Iface) current.get("if")).address = inv.word(2);
            return Reply.NOTHING;
        });
        iface.add("exit", inv -> {
            leaveSubMode(current, true);
            return Reply.NOTHING;
        });
    }

    private static String interfaceName(String typed) {
        String t = typed.toLowerCase(Locale.ROOT);
        if (t.matches("e(t(h(e(r(n(e(t)?)?)?)?)?)?)?\\d+(/\\d+)*")) {
            return "Ethernet" + t.replaceFirst("^[a-z]+", "");
        }
        if (t.matches("ma(n(a(g(e(m(e(n(t)?)?)?)?)?)?)?)?\\d+")) {
            return "Management" + t.replaceFirst("^[a-z]+", "");
        }
        return typed;
    }

    private Reply enter(String session) {
        current.put("session", null);
        if (session != null) {
            if (!session.matches("[A-Za-z0-9_.-]{1,64}")) {
                return invalid();
            }
            ConfigSession cs = sessions.get(session);
            if (cs == null) {
                cs = new ConfigSession();
                // a session starts from a snapshot of running-config (Arista EOS User Manual, "Configure Session")
                cs.config = running.copy();
                sessions.put(session, cs);
            }
            current.put("session", session);
        }
        current.enter("config");
        return Reply.NOTHING;
    }

    /** Leaves an ACL or interface mode; an ACL's edits are kept ({@code exit}) or dropped ({@code abort}). */
    private void leaveSubMode(Session s, boolean keep) {
        if (s.mode().equals("acl")) {
            String name = s.get("acl");
            if (keep) {
                Config c = target(s);
                c.acls.put(name, s.get("aclEdit"));
                c.counting.put(name, s.get("aclCounting"));
            }
            s.put("acl", null);
            s.put("aclEdit", null);
            s.leave();
        } else if (s.mode().equals("if")) {
            s.put("if", null);
            s.leave();
        }
    }

    private Reply rule(Integer seq, String action, String rest) {
        TreeMap<Integer, String> edit = current.get("aclEdit");
        String text;
        if (action.equals("remark")) {
            if (rest.isBlank()) {
                return Reply.of("% Incomplete command\n");
            }
            text = "remark " + rest.strip();
        } else {
            String normal = NxosRules.normalise(rest);
            if (normal == null) {
                return invalid();
            }
            text = action + " " + normal;
        }
        if (ctx.faults().get().ignores(text)) {
            return Reply.NOTHING;
        }
        int s = seq != null ? seq : (edit.isEmpty() ? 10 : edit.lastKey() + 10);
        if (edit.containsKey(s) && !edit.get(s).equals(text)) {
            return Reply.of("ERROR: duplicate sequence number\n");
        }
        if (edit.containsValue(text) && !text.startsWith("remark ")) {
            return Reply.NOTHING; // the same rule twice is stored once
        }
        edit.put(s, text);
        writeThrough();
        return Reply.NOTHING;
    }

    /** Outside a session NX-OS applies each rule as it is typed (no group change, unlike EOS). */
    private void writeThrough() {
        if (current.get("session") == null && current.mode().equals("acl")) {
            running.acls.put(current.get("acl"), new TreeMap<>(current.<TreeMap<Integer, String>>get("aclEdit")));
            running.counting.put(current.get("acl"), current.get("aclCounting"));
        }
    }

    /** {@code no permit ...}: the rule with that text goes, whatever its number. */
    private Reply unrule(String text) {
        String[] a = text.split(" ", 2);
        String normal = a.length < 2 ? null : NxosRules.normalise(a[1]);
        if (normal == null) {
            return invalid();
        }
        TreeMap<Integer, String> edit = current.get("aclEdit");
        edit.values().removeIf(v -> v.equals(a[0] + " " + normal));
        writeThrough();
        return Reply.NOTHING;
    }

    private Reply group(String name, boolean in, boolean set) {
        Iface i = current.get("if");
        if (set && ctx.faults().get().ignores("ip access-group " + name)) {
            return Reply.NOTHING;
        }
        if (in) {
            i.aclIn = set ? name : (name.equals(i.aclIn) ? null : i.aclIn);
        } else {
            i.aclOut = set ? name : (name.equals(i.aclOut) ? null : i.aclOut);
        }
        return Reply.NOTHING;
    }

    // ---------------------------------------------------------------- checkpoints, rollback and EEM

    /**
     * Checkpoints and rollback (Cisco Nexus 9000 NX-OS System Management Configuration Guide,
     * "Configuring Rollback": {@code checkpoint NAME}, names unique, {@code no checkpoint NAME},
     * {@code rollback running-config checkpoint NAME}) and EEM applets with a one-shot
     * {@code event timer countdown} whose {@code action L cli command "..."} run as exec lines
     * ("Configuring the Embedded Event Manager"). A rollback replaces running-config with the
     * checkpoint, applets included. The texts the lab prints for these are its own (short, as the
     * guide's examples show them).
     */
    private void buildRollback() {
        exec.add("checkpoint <word>", inv -> {
            String name = inv.word(1);
            if (checkpoints.containsKey(name)) {
                return Reply.of("ERROR: Checkpoint name " + name + " is already in use\n");
            }
            checkpoints.put(name, running.copy());
            return Reply.of("Done\n");
        });
        exec.add("no checkpoint <word>", inv -> {
            checkpoints.remove(inv.word(2));
            return Reply.NOTHING;
        });
        exec.add("rollback running-config checkpoint <word>", inv -> rollback(inv.word(3)));
        global.add("event manager applet <word>", inv -> {
            if (current.get("session") != null) {
                return invalid();
            }
            running.applets.computeIfAbsent(inv.word(3), k -> new Applet());
            current.put("applet", inv.word(3));
            current.enter("applet");
            return Reply.NOTHING;
        });
        global.add("no event manager applet <word>", inv -> {
            running.applets.remove(inv.word(4));
            stopTimer(inv.word(4));
            return Reply.NOTHING;
        });
        applet.add("description", true, inv -> {
            running.applets.get((String) current.get("applet")).description = inv.rest(0).replaceAll("^\"|\"$", "");
            return Reply.NOTHING;
        });
        applet.add("event timer countdown time <n>", true, inv -> {
            String name = current.get("applet");
            Applet a = running.applets.get(name);
            a.countdown = Integer.parseInt(inv.word(4));
            List<String> rest = inv.args();
            a.timerName = rest.size() == 2 && rest.get(0).equals("name") ? rest.get(1) : null;
            stopTimer(name);
            timers.put(name, ctx.scheduler().schedule(() -> fire(name), Math.max(1, ctx.minute().toMillis() * a.countdown / 60),
                    java.util.concurrent.TimeUnit.MILLISECONDS));
            return Reply.NOTHING;
        });
        applet.add("action <word> cli command", true, inv -> {
            String q = inv.rest(0);
            if (q.length() < 2 || !q.startsWith("\"") || !q.endsWith("\"")) {
                return invalid();
            }
            running.applets.get((String) current.get("applet")).actions.put(inv.word(1), q.substring(1, q.length() - 1));
            return Reply.NOTHING;
        });
        applet.add("end", inv -> {
            current.leaveAll();
            return Reply.NOTHING;
        });
        applet.add("exit", inv -> {
            current.leave();
            return Reply.NOTHING;
        });
    }

    private void stopTimer(String applet) {
        java.util.concurrent.ScheduledFuture<?> f = timers.remove(applet);
        if (f != null) {
            f.cancel(false);
        }
    }

    private Reply rollback(String name) {
        Config cp = checkpoints.get(name);
        if (cp == null) {
            return Reply.of("ERROR: Checkpoint " + name + " does not exist\n");
        }
        running = cp.copy();
        // an applet the checkpoint does not hold is gone, and its countdown with it
        new java.util.ArrayList<>(timers.keySet()).stream().filter(a -> !running.applets.containsKey(a)).forEach(this::stopTimer);
        ctx.log().add(0, "rollback", "rollback running-config checkpoint " + name);
        return Reply.of("Rollback completed successfully.\n");
    }

    /** The countdown ran out: the applet's actions, in label order, each as a line typed at the exec prompt. */
    private synchronized void fire(String name) {
        timers.remove(name);
        Applet a = running.applets.get(name);
        if (a == null) {
            return;
        }
        Session run = new Session(0, "eem-" + name, 15);
        Session was = current;
        current = run;
        try {
            for (String cmd : new java.util.ArrayList<>(a.actions.values())) {
                Reply r = dispatch(run, cmd);
                ctx.log().add(0, "eem", "applet " + name + ": " + cmd + (r.output().isBlank() ? "" : " -> " + r.output().strip()));
            }
        } finally {
            current = was;
        }
    }

    // ---------------------------------------------------------------- sessions

    /** {@code commit}: the session's configuration replaces running-config, all at once (NX-OS has no commit timer). */
    private Reply commit(Session s) {
        String name = s.get("session");
        if (name == null) {
            return invalid();
        }
        leaveSubMode(s, true);
        running = sessions.remove(name).config.copy();
        s.put("session", null);
        s.leaveAll();
        return Reply.of("Commit Successful\n");
    }

    private void abort(String name) {
        sessions.remove(name);
    }

    private String showSessions() {
        StringBuilder sb = new StringBuilder("Maximum number of completed sessions: 1\nMaximum number of pending sessions: 5\n\n");
        sb.append("  Name          State                User    Terminal\n  ------------- -------------------- ------- --------\n");
        sessions.forEach((n, cs) -> sb.append(String.format("  %-13s %-20s %-7s %s%n", n, "pending", "admin", "")));
        return sb.toString();
    }

    // ---------------------------------------------------------------- output

    /** {@code show ip access-lists [NAME]} / {@code show access-lists}, as the NX-OS samples print it: lists one after another. */
    private String showAccessLists(String only) {
        StringBuilder sb = new StringBuilder();
        running.acls.forEach((name, rules) -> {
            if (only == null || only.equals(name)) {
                sb.append(listText(name, rules, running.counting.getOrDefault(name, false), running));
            }
        });
        return sb.toString();
    }

    private static String listText(String name, TreeMap<Integer, String> rules, boolean counting, Config where) {
        StringBuilder sb = new StringBuilder("IP access list ").append(name).append('\n');
        if (counting) {
            sb.append("        statistics per-entry\n");
        }
        rules.forEach((seq, text) -> sb.append("        ").append(seq).append(' ').append(text).append('\n'));
        return sb.toString();
    }

    private String header(String what) {
        return "!Command: " + what + "\n!Running configuration last done at: Wed Dec  2 04:00:00 2026\n!Time: Wed Dec  2 04:00:00 2026\n\n"
                + "version " + version() + " Bios:version  \n";
    }

    private String aclBlocks(Config c) {
        StringBuilder sb = new StringBuilder();
        c.acls.forEach((name, rules) -> {
            sb.append("ip access-list ").append(name).append('\n');
            if (c.counting.getOrDefault(name, false)) {
                sb.append("  statistics per-entry\n");
            }
            rules.forEach((seq, text) -> sb.append("  ").append(seq).append(' ').append(text).append('\n'));
        });
        return sb.toString();
    }

    /** {@code show running-config aclmgr}: the lists, and the interfaces that bind them. */
    private String aclmgr(Config c) {
        StringBuilder sb = new StringBuilder(header("show running-config aclmgr")).append(aclBlocks(c));
        for (Iface i : c.interfaces.values()) {
            if (i.aclIn != null || i.aclOut != null) {
                sb.append("\ninterface ").append(i.name).append('\n');
                if (i.aclIn != null) {
                    sb.append("  ip access-group ").append(i.aclIn).append(" in\n");
                }
                if (i.aclOut != null) {
                    sb.append("  ip access-group ").append(i.aclOut).append(" out\n");
                }
            }
        }
        return sb.toString();
    }

    private String runningConfig(Config c) {
        StringBuilder sb = new StringBuilder(header("show running-config")).append("hostname ").append(c.hostname).append('\n')
                .append("feature ssh\n\n").append(aclBlocks(c));
        for (Iface i : c.interfaces.values()) {
            sb.append("\ninterface ").append(i.name).append('\n');
            if (i.description != null) {
                sb.append("  description ").append(i.description).append('\n');
            }
            if (!i.name.startsWith("mgmt")) {
                sb.append("  no switchport\n");
            }
            if (i.address != null) {
                sb.append("  ip address ").append(i.address).append('\n');
            }
            if (i.aclIn != null) {
                sb.append("  ip access-group ").append(i.aclIn).append(" in\n");
            }
            if (i.aclOut != null) {
                sb.append("  ip access-group ").append(i.aclOut).append(" out\n");
            }
        }
        c.applets.forEach((name, a) -> {
            sb.append("\nevent manager applet ").append(name).append('\n');
            if (a.description != null) {
                sb.append("  description \"").append(a.description).append("\"\n");
            }
            if (a.countdown > 0) {
                sb.append("  event timer countdown time ").append(a.countdown).append(a.timerName == null ? "" : " name " + a.timerName).append('\n');
            }
            a.actions.forEach((l, cmd) -> sb.append("  action ").append(l).append(" cli command \"").append(cmd).append("\"\n"));
        });
        return sb.toString();
    }

    private String version() {
        return ctx.profile().versionOr("9.3(8)");
    }

    /** The parts of {@code show version} on a Nexus 9000v that clients read (software, hardware, device name). */
    private String showVersion() {
        return "Cisco Nexus Operating System (NX-OS) Software\nTAC support: http://www.cisco.com/tac\n\nSoftware\n  BIOS: version \n"
                + "  NXOS: version " + version() + "\n  NXOS image file is: bootflash:///nxos." + version().replace("(", ".").replace(")", "")
                + ".bin\n\nHardware\n  cisco " + ctx.profile().modelOr("Nexus9000 C9300v Chassis") + "\n  Processor Board ID "
                + ctx.profile().serialOr("9N") + "\n\n  Device name: " + running.hostname + "\n";
    }

    // ---------------------------------------------------------------- persistence

    @Override
    public synchronized String savedConfig() {
        return runningConfig(running);
    }

    @Override
    public synchronized String restore(String saved) {
        Session s = new Session(0, "restore", 15);
        s.enter("config");
        current = s;
        StringBuilder problems = new StringBuilder();
        for (String raw : saved.split("\n")) {
            String line = raw.stripTrailing();
            if (line.isBlank() || line.startsWith("!") || line.equals("end")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0)) && !s.mode().equals("config")) {
                leaveSubMode(s, true);
            }
            Reply r = dispatch(s, line.strip());
            if (r.output().startsWith("%")) {
                problems.append("'").append(line.strip()).append("': ").append(r.output().strip()).append("; ");
            }
        }
        leaveSubMode(s, true);
        return problems.toString();
    }
}
