package io.portpush.lab.asa;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.portpush.lab.shell.CommandTree;
import io.portpush.lab.shell.CommandTree.Invocation;
import io.portpush.lab.shell.CommandTree.Match;
import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.OutputFilter;
import io.portpush.lab.shell.Personality;
import io.portpush.lab.shell.Reply;
import io.portpush.lab.shell.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Cisco ASA 9.x as its CLI answers over SSH: extended access-lists with line numbers and
 * remarks, service and network object-groups, access-group bindings, {@code show access-list}
 * with hit counts, hashes and expanded object-group lines, and a Cryptochecksum that follows
 * the configuration.
 */
public final class AsaPersonality implements Personality {
    private static final String INVALID = "ERROR: % Invalid input detected at '^' marker.";
    /** ICMP type names the firewall accepts after the addresses (ASA command reference, "ICMP types"). */
    private static final Set<String> ICMP_TYPES = Set.of("echo-reply", "unreachable", "source-quench", "redirect",
            "alternate-address", "echo", "router-advertisement", "router-solicitation", "time-exceeded", "parameter-problem",
            "timestamp-request", "timestamp-reply", "information-request", "information-reply", "mask-request", "mask-reply",
            "traceroute", "conversion-error", "mobile-redirect");
    private static final Set<String> PROTOCOLS = Set.of("ip", "tcp", "udp", "icmp", "gre", "esp", "ah", "sctp", "ospf", "eigrp", "pim");

    /** One object-group: {@code type} service or network; {@code protocol} for service groups. */
    private static final class ObjectGroup {
        final String type;
        final String protocol;
        final List<String> members = new ArrayList<>();

        ObjectGroup(String type, String protocol) {
            this.type = type;
            this.protocol = protocol;
        }
    }

    private record Binding(String acl, String direction, String nameif) {
    }

    private final DeviceContext ctx;
    private String hostname;
    private final Map<String, List<String>> acls = new LinkedHashMap<>();
    private final Map<String, ObjectGroup> groups = new LinkedHashMap<>();
    private final List<Binding> bindings = new ArrayList<>();
    private final Map<String, String> nameifs = new LinkedHashMap<>();
    private final Map<String, inet.ipaddr.IPAddress> addresses = new LinkedHashMap<>();
    private String startup = "";
    private final CommandTree user = new CommandTree();
    private final CommandTree exec = new CommandTree();
    private final CommandTree config = new CommandTree();
    private final CommandTree serviceGroup = new CommandTree();
    private final CommandTree networkGroup = new CommandTree();
    private final CommandTree applet = new CommandTree();
    private final AsaEventManager eem = new AsaEventManager();
    private Session current;

    public AsaPersonality(DeviceContext ctx) {
        this.ctx = ctx;
        this.hostname = ctx.hostname();
        int o = ctx.profile().octet();
        List<io.portpush.lab.DeviceProfile.Iface> defaults = List.of(
                new io.portpush.lab.DeviceProfile.Iface("GigabitEthernet0/0", "10." + o + ".0.1/24", "outside"),
                new io.portpush.lab.DeviceProfile.Iface("GigabitEthernet0/1", "10." + o + ".1.1/24", "inside"),
                new io.portpush.lab.DeviceProfile.Iface("GigabitEthernet0/2", "10." + o + ".2.1/24", "dmz"));
        for (io.portpush.lab.DeviceProfile.Iface f : ctx.profile().interfacesOr(defaults)) {
            if (f.nameif() != null) {
                nameifs.put(f.name(), f.nameif());
            }
            if (f.address() != null) {
                addresses.put(f.name(), new inet.ipaddr.IPAddressString(f.address()).getAddress());
            }
        }
        build();
        startup = runningConfig();
    }

    @Override
    public String banner(Session s) {
        return "";
    }

    @Override
    public String prompt(Session s) {
        String ask = s.get("ask");
        if (ask != null) {
            return ask;
        }
        synchronized (this) {
            return switch (s.mode()) {
                case "" -> hostname + (s.privilege() >= 15 ? "# " : "> ");
                default -> hostname + "(" + s.mode() + ")# ";
            };
        }
    }

    @Override
    public String mode(Session s) {
        return s.mode().isEmpty() ? (s.privilege() >= 15 ? "exec" : "user") : s.mode();
    }

    @Override
    public Reply handle(Session s, String line) {
        String pending = s.get("pending");
        if (pending != null) {
            s.put("pending", null);
            s.put("ask", null);
            if (pending.equals("enable")) {
                if (line.equals(ctx.enableSecret())) {
                    s.privilege(15);
                    return Reply.NOTHING;
                }
                return Reply.of("Invalid password\n");
            }
            synchronized (this) {
                startup = runningConfig();
            }
            return Reply.of("Cryptochecksum: " + checksum() + " \n\n4519 bytes copied in 0.220 secs\n");
        }
        if (line.isBlank()) {
            return Reply.NOTHING;
        }
        if (ctx.faults().get().refuses(line)) {
            return invalid(s, 0);
        }
        synchronized (this) {
            current = s;
            return dispatch(s, line);
        }
    }

    private Reply dispatch(Session s, String line) {
        String[] parts = OutputFilter.split(line);
        CommandTree t = switch (s.mode()) {
            case "" -> s.privilege() >= 15 ? exec : user;
            case "config" -> config;
            case "config-service-object-group" -> serviceGroup;
            case "config-network-object-group" -> networkGroup;
            case "config-applet" -> applet;
            default -> config;
        };
        Match m = t.match(parts[0]);
        if (!s.mode().isEmpty() && !s.mode().equals("config") && m instanceof Match.Invalid) {
            Match g = config.match(parts[0]);
            if (g instanceof Match.Found) {
                s.leave();
                m = g;
            }
        }
        Reply r;
        if (m instanceof Match.Found f) {
            r = f.handler().handle(f.invocation());
        } else if (m instanceof Match.Invalid inv) {
            r = invalid(s, inv.column());
        } else if (m instanceof Match.Ambiguous) {
            r = Reply.of("ERROR: % Ambiguous command:  \"" + line.strip() + "\"\n");
        } else if (m instanceof Match.Incomplete) {
            r = Reply.of("ERROR: % Incomplete command\n");
        } else {
            r = Reply.NOTHING;
        }
        if (parts[1] != null && !r.output().startsWith("ERROR")) {
            String filtered = OutputFilter.apply(r.output(), parts[1]);
            return filtered == null ? invalid(s, line.indexOf('|') + 2) : Reply.of(filtered);
        }
        return r;
    }

    private Reply invalid(Session s, int column) {
        return Reply.of(" ".repeat(prompt(s).length() + column) + "^\n" + INVALID + "\n");
    }

    private void build() {
        for (CommandTree t : List.of(user, exec)) {
            t.add("enable", inv -> {
                if (current.privilege() >= 15) {
                    return Reply.NOTHING;
                }
                current.put("pending", "enable");
                current.put("ask", "Password: ");
                return Reply.askSecret("");
            });
            t.add("exit", inv -> Reply.close("\nLogoff\n"));
            t.add("quit", inv -> Reply.close("\nLogoff\n"));
            t.add("logout", inv -> Reply.close("\nLogoff\n"));
            t.add("terminal pager <n>", inv -> Reply.NOTHING);
            t.add("terminal pager lines <n>", inv -> Reply.NOTHING);
            t.add("terminal width <n>", inv -> Reply.NOTHING);
            t.add("no terminal pager", inv -> Reply.NOTHING);
            t.add("show version", inv -> Reply.of(showVersion()));
            t.add("show curpriv", inv -> Reply.of("Username : " + current.user() + "\nCurrent privilege level : "
                    + current.privilege() + "\nCurrent Mode/s : " + (current.privilege() >= 15 ? "P_PRIV" : "P_UNPR") + "\n"));
        }
        exec.add("disable", inv -> {
            current.privilege(1);
            return Reply.NOTHING;
        });
        for (CommandTree t : List.of(exec, config, serviceGroup, networkGroup)) {
            t.add("show running-config", true, inv -> showRunning(inv));
            t.add("show startup-config", inv -> Reply.of(startup));
            t.add("show access-list", true, inv -> showAccessList(inv.args()));
            t.add("show route", inv -> Reply.of(showRoute()));
            t.add("write memory", inv -> saveStartup());
            t.add("copy running-config startup-config", inv -> {
                current.put("pending", "copy");
                current.put("ask", "Source filename [running-config]? ");
                return Reply.NOTHING;
            });
        }
        exec.add("configure terminal", inv -> {
            current.enter("config");
            return Reply.NOTHING;
        });
        for (CommandTree t : List.of(config, serviceGroup, networkGroup, applet)) {
            t.add("exit", inv -> {
                current.leave();
                return Reply.NOTHING;
            });
            t.add("end", inv -> {
                current.leaveAll();
                return Reply.NOTHING;
            });
        }
        config.add("terminal pager <n>", inv -> Reply.NOTHING);
        buildEventManager();
        config.add("hostname <word>", inv -> {
            hostname = inv.word(1);
            return Reply.NOTHING;
        });
        config.add("access-list <word> extended", true, inv -> addAce(inv, inv.word(1), -1, 3));
        config.add("access-list <word> line <n> extended", true, inv -> addAce(inv, inv.word(1), Integer.parseInt(inv.word(3)), 5));
        config.add("access-list <word> remark", true, inv -> addLine(inv.word(1), -1, "remark " + inv.rest(0)));
        config.add("access-list <word> line <n> remark", true,
                inv -> addLine(inv.word(1), Integer.parseInt(inv.word(3)), "remark " + inv.rest(0)));
        config.add("no access-list <word> extended", true, inv -> removeAce(inv, inv.word(2), 4));
        config.add("no access-list <word> line <n> extended", true, inv -> removeAce(inv, inv.word(2), 6));
        config.add("no access-list <word> remark", true, inv -> {
            List<String> l = acls.get(inv.word(2));
            if (l != null) {
                l.remove("remark " + inv.rest(0));
            }
            return Reply.NOTHING;
        });
        config.add("clear configure access-list <word>", inv -> {
            acls.remove(inv.word(3));
            bindings.removeIf(b -> b.acl().equals(inv.word(3)));
            return Reply.NOTHING;
        });
        for (String dir : List.of("in", "out")) {
            config.add("access-group <word> " + dir + " interface <word>", inv -> bind(inv.word(1), dir, inv.word(4)));
            config.add("no access-group <word> " + dir + " interface <word>", inv -> {
                bindings.remove(new Binding(inv.word(2), dir, inv.word(5)));
                return Reply.NOTHING;
            });
        }
        for (String proto : List.of("tcp", "udp", "tcp-udp")) {
            config.add("object-group service <word> " + proto, inv -> enterGroup(inv.word(2), "service", proto));
        }
        config.add("object-group network <word>", inv -> enterGroup(inv.word(2), "network", null));
        config.add("no object-group service <word>", true, inv -> removeGroup(inv.word(3)));
        config.add("no object-group network <word>", inv -> removeGroup(inv.word(3)));
        serviceGroup.add("port-object eq <word>", inv -> groupMember(inv, "eq", 2, 1));
        serviceGroup.add("port-object range <word> <word>", inv -> groupMember(inv, "range", 2, 2));
        serviceGroup.add("no port-object eq <word>", inv -> removeMember("port-object eq " + portWord(inv.word(3))));
        networkGroup.add("network-object host <word>", inv -> networkMember(inv, "host", 2));
        networkGroup.add("network-object <word> <word>", inv -> networkMember(inv, "net", 1));
        networkGroup.add("no network-object host <word>", inv -> removeMember("network-object host " + inv.word(3)));
        networkGroup.add("no network-object <word> <word>", inv -> removeMember("network-object " + inv.word(2) + " " + inv.word(3)));
    }

    private Reply saveStartup() {
        startup = runningConfig();
        return Reply.of("Building configuration...\nCryptochecksum: " + checksum() + " \n\n4519 bytes copied in 0.220 secs\n[OK]\n");
    }

    private Reply enterGroup(String name, String type, String proto) {
        ObjectGroup g = groups.get(name);
        if (g != null && !g.type.equals(type)) {
            return Reply.of("ERROR: Object-group " + name + " is already defined as a different type\n");
        }
        groups.computeIfAbsent(name, k -> new ObjectGroup(type, proto));
        current.put("group", name);
        current.enter(type.equals("service") ? "config-service-object-group" : "config-network-object-group");
        return Reply.NOTHING;
    }

    private Reply removeGroup(String name) {
        boolean used = acls.values().stream().flatMap(List::stream).anyMatch(l -> (" " + l + " ").contains(" object-group " + name + " "));
        if (used) {
            return Reply.of("ERROR: unable to remove object-group " + name + ": it is being used\n");
        }
        groups.remove(name);
        return Reply.NOTHING;
    }

    private String portWord(String w) {
        ObjectGroup g = groups.get((String) current.get("group"));
        OptionalInt n = AsaPortWords.number(g.protocol, w);
        return n.isPresent() ? AsaPortWords.display(g.protocol, n.getAsInt()) : w;
    }

    private Reply groupMember(Invocation inv, String op, int firstWord, int count) {
        ObjectGroup g = groups.get((String) current.get("group"));
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OptionalInt n = AsaPortWords.number(g.protocol, inv.word(firstWord + i).toLowerCase(Locale.ROOT));
            if (n.isEmpty()) {
                return invalid(current, inv.offsets().get(firstWord + i));
            }
            ports.add(AsaPortWords.display(g.protocol, n.getAsInt()));
        }
        String member = "port-object " + op + " " + String.join(" ", ports);
        if (!g.members.contains(member) && !ctx.faults().get().ignores(inv.line())) {
            g.members.add(member);
        }
        return Reply.NOTHING;
    }

    private Reply networkMember(Invocation inv, String kind, int firstWord) {
        ObjectGroup g = groups.get((String) current.get("group"));
        String member;
        IPAddress a = ipv4(inv.word(firstWord));
        if (a == null) {
            return invalid(current, inv.offsets().get(firstWord));
        }
        if (kind.equals("host")) {
            member = "network-object host " + a;
        } else {
            IPAddress mask = ipv4(inv.word(firstWord + 1));
            if (mask == null || mask.getBlockMaskPrefixLength(true) == null) {
                return invalid(current, inv.offsets().get(firstWord + 1));
            }
            member = "network-object " + a.mask(mask) + " " + mask;
        }
        if (!g.members.contains(member)) {
            g.members.add(member);
        }
        return Reply.NOTHING;
    }

    private Reply removeMember(String member) {
        groups.get((String) current.get("group")).members.remove(member);
        return Reply.NOTHING;
    }

    private static IPAddress ipv4(String w) {
        if (!w.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
            return null;
        }
        IPAddress a = new IPAddressString(w).getAddress();
        return a != null && a.isIPv4() ? a : null;
    }

    private Reply bind(String acl, String dir, String nameif) {
        if (!nameifs.containsValue(nameif)) {
            return Reply.of("ERROR: Interface " + nameif + " does not exist\n");
        }
        if (!acls.containsKey(acl)) {
            return Reply.of("ERROR: access-list <" + acl + "> does not exist\n");
        }
        if (ctx.faults().get().ignores("access-group " + acl)) {
            return Reply.NOTHING;
        }
        bindings.removeIf(b -> b.direction().equals(dir) && b.nameif().equals(nameif));
        bindings.add(new Binding(acl, dir, nameif));
        return Reply.NOTHING;
    }

    /** Parses and normalises an ACE; returns the text or sets {@code bad[0]} to the bad word index. */
    private String ace(List<String> w, int[] bad) {
        List<String> out = new ArrayList<>();
        int i = 0;
        try {
            String action = w.get(i).toLowerCase(Locale.ROOT);
            if (!action.equals("permit") && !action.equals("deny")) {
                bad[0] = i;
                return null;
            }
            out.add(action);
            i++;
            String proto = w.get(i).toLowerCase(Locale.ROOT);
            if (!PROTOCOLS.contains(proto) && !proto.matches("\\d{1,3}")) {
                bad[0] = i;
                return null;
            }
            out.add(proto);
            i++;
            for (int side = 0; side < 2; side++) {
                i = address(w, i, out, bad);
                if (i < 0) {
                    return null;
                }
                if ((proto.equals("tcp") || proto.equals("udp")) && i < w.size()) {
                    i = port(w, i, proto, out, bad);
                    if (i < 0) {
                        return null;
                    }
                }
            }
            if (proto.equals("icmp") && i < w.size() && (ICMP_TYPES.contains(w.get(i).toLowerCase(Locale.ROOT)) || w.get(i).matches("\\d{1,3}"))) {
                out.add(w.get(i++).toLowerCase(Locale.ROOT));
                if (i < w.size() && w.get(i).matches("\\d{1,3}")) {
                    out.add(w.get(i++)); // an ICMP code after the type
                }
            }
            while (i < w.size()) {
                String k = w.get(i).toLowerCase(Locale.ROOT);
                if (k.equals("log") && i + 1 < w.size() && (w.get(i + 1).equalsIgnoreCase("disable") || w.get(i + 1).equalsIgnoreCase("default"))) {
                    out.add("log " + w.get(i + 1).toLowerCase(Locale.ROOT));
                    i += 2;
                } else if (k.equals("time-range") && i + 1 < w.size()) {
                    out.add("time-range " + w.get(i + 1));
                    i += 2;
                } else if (k.equals("log")) {
                    out.add("log");
                    i++;
                    if (i < w.size() && w.get(i).matches("informational|debugging|notifications|warnings|errors|critical|alerts|emergencies|\\d")) {
                        out.set(out.size() - 1, "log " + w.get(i).toLowerCase(Locale.ROOT));
                        i++;
                    }
                    if (i + 1 < w.size() && w.get(i).equalsIgnoreCase("interval")) {
                        out.set(out.size() - 1, out.get(out.size() - 1) + " interval " + w.get(i + 1));
                        i += 2;
                    }
                } else if (k.equals("inactive")) {
                    out.add("inactive");
                    i++;
                } else {
                    bad[0] = i;
                    return null;
                }
            }
            return "extended " + String.join(" ", out);
        } catch (IndexOutOfBoundsException e) {
            bad[0] = -1;
            return null;
        }
    }

    private int address(List<String> w, int i, List<String> out, int[] bad) {
        String k = w.get(i).toLowerCase(Locale.ROOT);
        switch (k) {
            case "any", "any4" -> {
                out.add(k);
                return i + 1;
            }
            case "host" -> {
                IPAddress a = ipv4(w.get(i + 1));
                if (a == null) {
                    bad[0] = i + 1;
                    return -1;
                }
                out.add("host " + a);
                return i + 2;
            }
            case "object-group", "object" -> {
                String name = w.get(i + 1);
                ObjectGroup g = groups.get(name);
                if (k.equals("object-group") && (g == null || !g.type.equals("network"))) {
                    bad[0] = i + 1;
                    return -1;
                }
                out.add(k + " " + name);
                return i + 2;
            }
            default -> {
                IPAddress a = ipv4(w.get(i));
                IPAddress m = ipv4(w.get(i + 1));
                if (a == null) {
                    bad[0] = i;
                    return -1;
                }
                if (m == null || m.getBlockMaskPrefixLength(true) == null) {
                    bad[0] = i + 1;
                    return -1;
                }
                out.add(a.mask(m) + " " + m);
                return i + 2;
            }
        }
    }

    private int port(List<String> w, int i, String proto, List<String> out, int[] bad) {
        String k = w.get(i).toLowerCase(Locale.ROOT);
        switch (k) {
            case "eq", "neq", "lt", "gt" -> {
                OptionalInt n = AsaPortWords.number(proto, w.get(i + 1).toLowerCase(Locale.ROOT));
                if (n.isEmpty()) {
                    bad[0] = i + 1;
                    return -1;
                }
                out.add(k + " " + AsaPortWords.display(proto, n.getAsInt()));
                return i + 2;
            }
            case "range" -> {
                OptionalInt a = AsaPortWords.number(proto, w.get(i + 1).toLowerCase(Locale.ROOT));
                OptionalInt b = AsaPortWords.number(proto, w.get(i + 2).toLowerCase(Locale.ROOT));
                if (a.isEmpty() || b.isEmpty()) {
                    bad[0] = a.isEmpty() ? i + 1 : i + 2;
                    return -1;
                }
                out.add("range " + AsaPortWords.display(proto, a.getAsInt()) + " " + AsaPortWords.display(proto, b.getAsInt()));
                return i + 3;
            }
            case "object-group" -> {
                ObjectGroup g = groups.get(w.get(i + 1));
                if (g != null && g.type.equals("service")) {
                    out.add("object-group " + w.get(i + 1));
                    return i + 2;
                }
                return i; // a network group: the next address
            }
            default -> {
                return i;
            }
        }
    }

    private Reply addAce(Invocation inv, String acl, int line, int firstWord) {
        List<String> w = inv.words().subList(firstWord, inv.words().size());
        int[] bad = {0};
        String text = ace(w, bad);
        if (text == null) {
            return bad[0] < 0 ? Reply.of("ERROR: % Incomplete command\n") : invalid(current, inv.offsets().get(firstWord + bad[0]));
        }
        if (ctx.faults().get().ignores(inv.line())) {
            acls.computeIfAbsent(acl, k -> new ArrayList<>());
            return Reply.NOTHING;
        }
        List<String> l = acls.computeIfAbsent(acl, k -> new ArrayList<>());
        if (l.contains(text)) {
            return Reply.of("WARNING: <" + acl + "> found duplicate element\n");
        }
        return addLine(acl, line, text);
    }

    private Reply addLine(String acl, int line, String text) {
        List<String> l = acls.computeIfAbsent(acl, k -> new ArrayList<>());
        if (line > 0 && line <= l.size()) {
            l.add(line - 1, text);
        } else if (line > l.size() + 1) {
            return Reply.of("ERROR: line number " + line + " is out of range\n");
        } else {
            l.add(text);
        }
        return Reply.NOTHING;
    }

    private Reply removeAce(Invocation inv, String acl, int firstWord) {
        int[] bad = {0};
        String text = ace(inv.words().subList(firstWord, inv.words().size()), bad);
        List<String> l = acls.get(acl);
        if (text == null || l == null || !l.remove(text)) {
            return Reply.of("ERROR: specified access-list entry does not exist\n");
        }
        if (l.isEmpty()) {
            acls.remove(acl);
            bindings.removeIf(b -> b.acl().equals(acl));
        }
        return Reply.NOTHING;
    }

    private Reply showRunning(Invocation inv) {
        List<String> a = inv.args();
        String all = runningConfig();
        if (a.isEmpty()) {
            return Reply.of(all);
        }
        String what = a.get(0).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        if ("access-list".startsWith(what)) {
            acls.forEach((name, lines) -> {
                if (a.size() < 2 || a.get(1).equals(name)) {
                    lines.forEach(l -> sb.append("access-list ").append(name).append(' ').append(l).append('\n'));
                }
            });
        } else if ("access-group".startsWith(what)) {
            bindings.forEach(b -> sb.append("access-group ").append(b.acl()).append(' ').append(b.direction())
                    .append(" interface ").append(b.nameif()).append('\n'));
        } else if ("object-group".startsWith(what)) {
            sb.append(objectGroups());
        } else {
            return invalid(current, inv.argOffset(0));
        }
        return Reply.of(sb.toString());
    }

    private String objectGroups() {
        StringBuilder sb = new StringBuilder();
        groups.forEach((name, g) -> {
            sb.append("object-group ").append(g.type).append(' ').append(name);
            if (g.protocol != null) {
                sb.append(' ').append(g.protocol);
            }
            sb.append('\n');
            g.members.forEach(m -> sb.append(' ').append(m).append('\n'));
        });
        return sb.toString();
    }

    /** The addressed interfaces by nameif: the names an ASA prints in routes. */
    private Map<String, inet.ipaddr.IPAddress> byNameif() {
        Map<String, inet.ipaddr.IPAddress> out = new LinkedHashMap<>();
        nameifs.forEach((iface, nameif) -> {
            if (addresses.get(iface) != null) {
                out.put(nameif, addresses.get(iface));
            }
        });
        return out;
    }

    /** {@code show route} as ASA 9.x prints it: address and mask, the nameif last. */
    private String showRoute() {
        List<io.portpush.lab.LabRoutes.Entry> table = io.portpush.lab.LabRoutes.of(byNameif(), ctx.profile().routes());
        StringBuilder sb = new StringBuilder("""

                Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP
                       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area\s
                       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2
                       E1 - OSPF external type 1, E2 - OSPF external type 2, V - VPN
                       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2
                       ia - IS-IS inter area, * - candidate default, U - per-user static route
                       o - ODR, P - periodic downloaded static route, + - replicated route
                       SI - Static InterVRF, BI - BGP InterVRF
                """);
        String gw = io.portpush.lab.LabRoutes.gateway(table);
        sb.append(gw.isEmpty() ? "Gateway of last resort is not set\n\n" : "Gateway of last resort is " + gw + " to network 0.0.0.0\n\n");
        for (io.portpush.lab.LabRoutes.Entry r : table) {
            sb.append(String.format("%-9s", r.code())).append(r.prefix().getLower().withoutPrefixLength()).append(' ')
                    .append(r.prefix().getNetworkMask().withoutPrefixLength())
                    .append(r.nextHop().isEmpty() ? " is directly connected, " + r.iface() : " [1/0] via " + r.nextHop() + ", " + r.iface())
                    .append('\n');
        }
        return sb.append('\n').toString();
    }

    private String body() {
        StringBuilder sb = new StringBuilder();
        sb.append(":\n: Serial Number: ").append(ctx.profile().serialOr("9A"))
                .append("\n: Hardware:   ASAv, 2048 MB RAM, CPU Xeon 4100/6100/8100 series 2200 MHz\n:\n");
        sb.append("ASA Version ").append(ctx.profile().versionOr("9.18(3)")).append(" \n!\nhostname ").append(hostname).append("\nenable password ***** pbkdf2\nnames\n");
        sb.append("no mac-address auto\n\n");
        for (Map.Entry<String, String> e : nameifs.entrySet()) {
            inet.ipaddr.IPAddress a = addresses.get(e.getKey());
            sb.append("interface ").append(e.getKey()).append("\n nameif ").append(e.getValue()).append("\n security-level ")
                    .append(e.getValue().equals("inside") ? 100 : e.getValue().equals("dmz") ? 50 : 0)
                    .append(a == null ? "\n no ip address\n!\n" : "\n ip address " + a.withoutPrefixLength() + " " + a.getNetworkMask().withoutPrefixLength() + " \n!\n");
        }
        sb.append("ftp mode passive\n");
        sb.append(objectGroups());
        acls.forEach((name, lines) -> lines.forEach(l -> sb.append("access-list ").append(name).append(' ')
                .append(l.replaceAll(" log informational interval 300$", " log")).append('\n')));
        sb.append("pager lines 24\n");
        nameifs.values().forEach(n -> sb.append("mtu ").append(n).append(" 1500\n"));
        bindings.forEach(b -> sb.append("access-group ").append(b.acl()).append(' ').append(b.direction())
                .append(" interface ").append(b.nameif()).append('\n'));
        for (io.portpush.lab.LabRoutes.Entry r : io.portpush.lab.LabRoutes.of(byNameif(), ctx.profile().routes())) {
            if (r.code().startsWith("S") && !r.nextHop().isEmpty()) {
                sb.append("route ").append(r.iface()).append(' ').append(r.prefix().getLower().withoutPrefixLength()).append(' ')
                        .append(r.prefix().getNetworkMask().withoutPrefixLength()).append(' ').append(r.nextHop()).append(" 1\n");
            }
        }
        sb.append("timeout xlate 3:00:00\nssh version 2\nssh timeout 5\n");
        sb.append(eem.block());
        return sb.toString();
    }

    private String checksum() {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(body().getBytes(StandardCharsets.UTF_8));
            String h = HexFormat.of().formatHex(d);
            return h.substring(0, 8) + " " + h.substring(8, 16) + " " + h.substring(16, 24) + " " + h.substring(24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String runningConfig() {
        return ": Saved\n" + body() + "Cryptochecksum:" + checksum().replace(" ", "") + "\n: end\n";
    }

    private static String hash(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return String.format("0x%08x", c.getValue());
    }

    private Reply showAccessList(List<String> args) {
        StringBuilder sb = new StringBuilder();
        if (args.isEmpty()) {
            sb.append("access-list cached ACL log flows: total 0, denied 0 (deny-flow-max 4096)\n            alert-interval 300\n");
        }
        for (Map.Entry<String, List<String>> e : acls.entrySet()) {
            if (!args.isEmpty() && !args.get(0).equals(e.getKey())) {
                continue;
            }
            String name = e.getKey();
            List<String> body = new ArrayList<>();
            int elements = 0;
            int n = 0;
            for (String l : e.getValue()) {
                n++;
                String shown = l.endsWith(" log") ? l + " informational interval 300" : l;
                if (l.startsWith("remark ")) {
                    body.add("access-list " + name + " line " + n + " " + l);
                    continue;
                }
                List<String> expanded = expand(l);
                String head = "access-list " + name + " line " + n + " " + shown;
                if (expanded.size() == 1 && expanded.get(0).equals(l)) {
                    body.add(head + " (hitcnt=0) " + hash(head));
                    elements++;
                } else {
                    body.add(head + " " + hash(head));
                    for (String x : expanded) {
                        String xs = x.endsWith(" log") ? x + " informational interval 300" : x;
                        body.add("  access-list " + name + " line " + n + " " + xs + " (hitcnt=0) " + hash(name + x));
                        elements++;
                    }
                }
            }
            sb.append("access-list ").append(name).append("; ").append(elements).append(" elements; name hash: ")
                    .append(hash(name)).append('\n');
            body.forEach(b -> sb.append(b).append('\n'));
        }
        if (!args.isEmpty() && sb.length() == 0) {
            return Reply.of("ERROR: access-list <" + args.get(0) + "> does not exist\n");
        }
        return Reply.of(sb.toString());
    }

    /** The ACE with every object-group replaced by each of its members, as ASA expands them. */
    private List<String> expand(String ace) {
        List<String> out = new ArrayList<>();
        out.add(ace);
        boolean changed = true;
        while (changed) {
            changed = false;
            List<String> next = new ArrayList<>();
            for (String a : out) {
                int at = a.indexOf("object-group ");
                if (at < 0) {
                    next.add(a);
                    continue;
                }
                int end = a.indexOf(' ', at + 13);
                String name = end < 0 ? a.substring(at + 13) : a.substring(at + 13, end);
                ObjectGroup g = groups.get(name);
                String before = a.substring(0, at);
                String after = end < 0 ? "" : a.substring(end);
                for (String m : g.members) {
                    String repl = m.startsWith("port-object ") ? m.substring(12) : m.startsWith("network-object host ") ? m.substring(15)
                            : m.substring(15);
                    next.add(before + repl + after);
                }
                changed = true;
            }
            out = next;
        }
        return out;
    }

    private String showVersion() {
        return """

                Cisco Adaptive Security Appliance Software Version %s
                SSP Operating System Version 2.12(1.115)
                Device Manager Version 7.18(1)

                Compiled on Thu 10-Nov-22 11:06 GMT by builders
                System image file is "boot:/asa9183-smp-k8.bin"
                Config file at boot was "startup-config"

                %s up 26 days 3 hours

                Hardware:   ASAv, 2048 MB RAM, CPU Xeon 4100/6100/8100 series 2200 MHz,
                Model Id:   ASAv10
                Internal ATA Compact Flash, 8192MB
                Slot 1: ATA Compact Flash, 8192MB
                BIOS Flash Firmware Hub @ 0x0, 0KB

                 0: Ext: GigabitEthernet0/0  : address is 5254.0012.3401, irq 10
                 1: Ext: GigabitEthernet0/1  : address is 5254.0012.3402, irq 10
                 2: Ext: GigabitEthernet0/2  : address is 5254.0012.3403, irq 10

                Serial Number: %s
                Configuration register is 0x1
                Configuration last modified by %s at 20:00:00.000 UTC Thu Nov 26 2026
                """.formatted(ctx.profile().versionOr("9.18(3)"), hostname, ctx.profile().serialOr("9A"), ctx.hostname());
    }

    // ---------------------------------------------------------------- Embedded Event Manager

    private void buildEventManager() {
        config.add("event manager applet <word>", inv -> {
            String name = inv.word(3);
            if (name.length() > 32) {
                return invalid(current, inv.offsets().get(3));
            }
            eem.edit(name);
            current.put("applet", name);
            current.enter("config-applet");
            return Reply.NOTHING;
        });
        config.add("no event manager applet <word>", inv -> {
            eem.remove(inv.word(4));
            return Reply.NOTHING;
        });
        applet.add("description", true, inv -> {
            eem.edit(current.get("applet")).description = inv.rest(0);
            return Reply.NOTHING;
        });
        applet.add("event timer countdown time <n>", inv -> {
            AsaEventManager.Applet a = eem.edit(current.get("applet"));
            int seconds = Integer.parseInt(inv.word(4));
            if (seconds < 1 || seconds > 604800) {
                return invalid(current, inv.offsets().get(4));
            }
            if (a.timer != null) {
                a.timer.cancel(false);
            }
            a.countdown = seconds;
            // a one-shot timer: it starts when configured and fires once
            a.timer = ctx.scheduler().schedule(() -> fire(a.name), Math.max(1, ctx.minute().toMillis() * seconds / 60),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            return Reply.NOTHING;
        });
        applet.add("action <n> cli command", true, inv -> {
            String q = inv.rest(0);
            if (q.length() < 2 || !q.startsWith("\"") || !q.endsWith("\"")) {
                return Reply.of("ERROR: % Incomplete command\n");
            }
            eem.edit(current.get("applet")).actions.put(Integer.parseInt(inv.word(1)), q.substring(1, q.length() - 1));
            return Reply.NOTHING;
        });
        applet.add("output none", inv -> {
            eem.edit(current.get("applet")).output = "none";
            return Reply.NOTHING;
        });
        applet.add("output console", inv -> {
            eem.edit(current.get("applet")).output = "console";
            return Reply.NOTHING;
        });
    }

    /** The countdown ran out: the applet's actions run in order, each as a line typed in global configuration mode. */
    private synchronized void fire(String name) {
        AsaEventManager.Applet a = eem.applets.get(name);
        if (a == null) {
            return;
        }
        a.timer = null;
        Session run = new Session(0, "eem-" + name, 15);
        run.enter("config");
        Session was = current;
        current = run;
        try {
            for (String c : a.actions.values()) {
                Reply r = dispatch(run, c);
                ctx.log().add(0, "eem", "applet " + name + ": " + c + (r.output().isBlank() ? "" : " -> " + r.output().strip()));
            }
        } finally {
            current = was;
        }
    }

    @Override
    public synchronized String savedConfig() {
        return runningConfig();
    }

    @Override
    public synchronized String restore(String saved) {
        Session boot = new Session(0, "startup", 15);
        boot.enter("config");
        current = boot;
        StringBuilder problems = new StringBuilder();
        for (String raw : saved.split("\n")) {
            String line = raw.stripTrailing();
            if (line.startsWith("object-group ")) {
                while (boot.depth() > 1) {
                    boot.leave();
                }
            } else if (!line.startsWith(" port-object") && !line.startsWith(" network-object")) {
                while (boot.depth() > 1) {
                    boot.leave();
                }
                if (!line.startsWith("access-list ") && !line.startsWith("access-group ") && !line.startsWith("hostname ")) {
                    continue;
                }
            }
            Reply r = dispatch(boot, line.strip());
            if (r.output().contains("ERROR")) {
                problems.append("'").append(line.strip()).append("': ").append(r.output().strip()).append("; ");
            }
        }
        startup = runningConfig();
        return problems.toString();
    }
}
