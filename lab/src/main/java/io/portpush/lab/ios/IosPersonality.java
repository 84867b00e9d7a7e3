package io.portpush.lab.ios;

import io.portpush.lab.shell.CommandTree;
import io.portpush.lab.shell.CommandTree.Invocation;
import io.portpush.lab.shell.CommandTree.Match;
import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.OutputFilter;
import io.portpush.lab.shell.Personality;
import io.portpush.lab.shell.Reply;
import io.portpush.lab.shell.Session;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cisco IOS-XE 17 as a router's CLI answers over SSH: user and privileged exec, global and
 * sub-mode configuration, named and numbered extended ACLs with sequence numbers, interface
 * bindings, MQC class-maps and policy-maps, and their show commands in the vendor's formats.
 */
public final class IosPersonality implements Personality {
    private static final String INVALID = "% Invalid input detected at '^' marker.";
    private static final DateTimeFormatter CHANGE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC' EEE MMM d yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern IFNAME = Pattern.compile("(?i)^(g|gi|gig|giga|gigabit|gigabitethernet)\\s*(\\d+(?:/\\d+)*)$|^(?i)(lo|loop|loopback)\\s*(\\d+)$");
    private static final Set<String> DSCP = Set.of("default", "ef", "af11", "af12", "af13", "af21", "af22", "af23", "af31",
            "af32", "af33", "af41", "af42", "af43", "cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7");

    private final DeviceContext ctx;
    private final IosConfig cfg;
    private final Instant booted = Instant.now().minus(Duration.ofHours(26).plusMinutes(3));
    private final CommandTree user = new CommandTree();
    private final CommandTree exec = new CommandTree();
    private final CommandTree global = new CommandTree();
    private final CommandTree snacl = new CommandTree();
    private final CommandTree nacl = new CommandTree();
    private final CommandTree iface = new CommandTree();
    private final CommandTree cmap = new CommandTree();
    private final CommandTree pmap = new CommandTree();
    private final CommandTree pmapc = new CommandTree();
    private final CommandTree netgroup = new CommandTree();
    private final CommandTree svcgroup = new CommandTree();
    private final CommandTree archiveMode = new CommandTree();
    private final IosArchive archive = new IosArchive();

    public IosPersonality(DeviceContext ctx) {
        this.ctx = ctx;
        this.cfg = new IosConfig(ctx.profile());
        // the lab's routers keep a configuration archive, as the revert timer needs ('no archive' takes it away)
        this.archive.path = "bootflash:archive";
        this.cfg.startup = runningConfigBody();
        buildExec();
        buildConfig();
        if (!ctx.profile().traffic().isEmpty()) {
            carried = new double[ctx.profile().traffic().size()];
            ctx.scheduler().scheduleAtFixedRate(this::traffic, TICK_MS, TICK_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private static final long TICK_MS = 100;
    /** Packets of each {@code lab_traffic} flow still owed (rates below one per tick add up). */
    private double[] carried;

    // ---------------------------------------------------------------- session plumbing

    @Override
    public String banner(Session s) {
        return "\n" + cfg.hostname + " - portpush lab device (Cisco IOS-XE " + ctx.profile().versionOr("17.9.4a") + " personality)\n";
    }

    @Override
    public String prompt(Session s) {
        String ask = s.get("ask");
        if (ask != null) {
            return ask;
        }
        synchronized (cfg) {
            return switch (s.mode()) {
                case "" -> cfg.hostname + (s.privilege() >= 15 ? "#" : ">");
                default -> cfg.hostname + "(" + s.mode() + ")#";
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
            return pending(s, pending, line);
        }
        if (line.isBlank()) {
            return Reply.NOTHING;
        }
        if (ctx.faults().get().refuses(line)) {
            return invalid(s, 0);
        }
        synchronized (cfg) {
            return dispatch(s, line);
        }
    }

    private Reply pending(Session s, String what, String line) {
        switch (what) {
            case "enable" -> {
                if (line.equals(ctx.enableSecret())) {
                    s.privilege(15);
                    return Reply.NOTHING;
                }
                return Reply.of("% Bad secrets\n\n");
            }
            case "copy" -> {
                if (!line.isBlank() && !line.strip().equals("startup-config")) {
                    return Reply.of("%Error opening " + line.strip() + " (Permission denied)\n");
                }
                synchronized (cfg) {
                    cfg.startup = runningConfigBody();
                }
                return Reply.of("Building configuration...\n[OK]\n");
            }
            default -> {
                return Reply.NOTHING;
            }
        }
    }

    private CommandTree tree(Session s) {
        return switch (s.mode()) {
            case "" -> s.privilege() >= 15 ? exec : user;
            case "config" -> global;
            case "config-ext-nacl" -> nacl;
            case "config-std-nacl" -> snacl;
            case "config-if" -> iface;
            case "config-cmap" -> cmap;
            case "config-pmap" -> pmap;
            case "config-pmap-c" -> pmapc;
            case "config-network-group" -> netgroup;
            case "config-service-group" -> svcgroup;
            case "config-archive" -> archiveMode;
            default -> global;
        };
    }

    private Reply dispatch(Session s, String line) {
        current = s;
        boolean configMode = !s.mode().isEmpty();
        String[] parts = configMode ? new String[] {line, null} : OutputFilter.split(line);
        Match m = tree(s).match(parts[0]);
        if (configMode && !s.mode().equals("config") && m instanceof Match.Invalid) {
            // IOS runs a global command typed in a sub-mode, and leaves the sub-mode; the sub-mode may
            // know the first word ("no" in an ACL: "no ip access-list extended X" is still global)
            Match g = global.match(line);
            if (g instanceof Match.Found) {
                while (s.depth() > 1) {
                    s.leave();
                }
                m = g;
            }
        }
        Reply r;
        if (m instanceof Match.Found f) {
            r = f.handler().handle(f.invocation());
        } else if (m instanceof Match.Invalid inv) {
            r = invalid(s, inv.column());
        } else if (m instanceof Match.Ambiguous) {
            r = Reply.of("% Ambiguous command:  \"" + line.strip() + "\"\n");
        } else if (m instanceof Match.Incomplete) {
            r = Reply.of("% Incomplete command.\n\n");
        } else {
            r = Reply.NOTHING;
        }
        if (configMode && r.output().isEmpty()) {
            cfg.changed(s.user());
        }
        if (parts[1] != null && !r.output().startsWith("%")) {
            String filtered = OutputFilter.apply(r.output(), parts[1]);
            if (filtered == null) {
                return invalid(s, line.indexOf('|') + 2);
            }
            return new Reply(filtered, r.close(), r.secretNext());
        }
        return r;
    }

    private Reply invalid(Session s, int column) {
        return Reply.of(" ".repeat(prompt(s).length() + column) + "^\n" + INVALID + "\n\n");
    }

    /** The session being served; handlers run under the configuration lock, one at a time. */
    private Session current;

    // ---------------------------------------------------------------- exec commands

    private void buildExec() {
        for (CommandTree t : List.of(user, exec)) {
            t.add("enable", inv -> {
                if (current.privilege() >= 15) {
                    return Reply.NOTHING;
                }
                current.put("pending", "enable");
                current.put("ask", "Password: ");
                return Reply.askSecret("");
            });
            t.add("exit", inv -> Reply.close(""));
            t.add("logout", inv -> Reply.close(""));
            t.add("quit", inv -> Reply.close(""));
            t.add("terminal length <n>", inv -> Reply.NOTHING);
            t.add("terminal width <n>", inv -> Reply.NOTHING);
            t.add("terminal no monitor", inv -> Reply.NOTHING);
            t.add("show version", inv -> Reply.of(showVersion()));
            t.add("show privilege", inv -> Reply.of("Current privilege level is " + current.privilege() + "\n"));
            t.add("show clock", inv -> Reply.of(DateTimeFormatter.ofPattern("'*'HH:mm:ss.SSS 'UTC' EEE MMM d yyyy", Locale.ROOT)
                    .withZone(ZoneOffset.UTC).format(Instant.now()) + "\n"));
        }
        exec.add("disable", inv -> {
            current.privilege(1);
            return Reply.NOTHING;
        });
        exec.add("configure terminal", inv -> {
            current.enter("config");
            return Reply.of("Enter configuration commands, one per line.  End with CNTL/Z.\n");
        });
        exec.add("configure terminal revert timer <n>", inv -> revertTimer(Integer.parseInt(inv.word(4)), inv.offsets().get(4)));
        exec.add("configure confirm", inv -> {
            archive.disarm();
            return Reply.NOTHING;
        });
        exec.add("configure revert now", inv -> {
            String file = archive.disarm();
            return Reply.of(file == null ? "" : rollBack(file));
        });
        exec.add("show archive", inv -> Reply.of(archive.show()));
        exec.add("show running-config", true, inv -> runningConfigArgs(inv));
        exec.add("show startup-config", inv -> Reply.of(cfg.startup.isEmpty() ? "startup-config is not present\n"
                : "Using " + cfg.startup.length() + " out of 33554432 bytes\n" + cfg.startup));
        exec.add("show ip access-lists", true, inv -> showAccessLists(inv.args(), true));
        exec.add("show access-lists", true, inv -> showAccessLists(inv.args(), false));
        exec.add("show ip interface", true, inv -> showIpInterface(inv));
        exec.add("show ip interface brief", inv -> Reply.of(showIpInterfaceBrief()));
        exec.add("show ip route", inv -> Reply.of(showIpRoute()));
        exec.add("show policy-map", true, inv -> showPolicyMaps(inv.args()));
        exec.add("show policy-map interface", true, inv -> showPolicyMapInterface(inv));
        exec.add("show class-map", true, inv -> showClassMaps(inv.args()));
        exec.add("write", inv -> saveStartup());
        exec.add("write memory", inv -> saveStartup());
        exec.add("copy running-config startup-config", inv -> {
            current.put("pending", "copy");
            current.put("ask", "Destination filename [startup-config]? ");
            return Reply.NOTHING;
        });
    }

    private Reply saveStartup() {
        cfg.startup = runningConfigBody();
        return Reply.of("Building configuration...\n[OK]\n");
    }

    private Reply runningConfigArgs(Invocation inv) {
        List<String> a = inv.args();
        if (a.isEmpty()) {
            return Reply.of(runningConfig());
        }
        if ("interface".startsWith(a.get(0).toLowerCase(Locale.ROOT)) && a.size() >= 2) {
            String name = ifName(String.join("", a.subList(1, a.size())));
            IosConfig.Interface itf = name == null ? null : cfg.interfaces.get(name);
            if (itf == null) {
                return invalid(current, inv.argOffset(1));
            }
            return Reply.of("Building configuration...\n\nCurrent configuration : 120 bytes\n!\n" + interfaceBlock(itf) + "end\n");
        }
        return invalid(current, inv.argOffset(0));
    }

    // ---------------------------------------------------------------- configuration commands

    private void buildConfig() {
        for (CommandTree t : List.of(global, nacl, snacl, iface, cmap, pmap, pmapc, netgroup, svcgroup, archiveMode)) {
            t.add("end", inv -> {
                current.leaveAll();
                return Reply.NOTHING;
            });
            t.add("exit", inv -> {
                current.leave();
                return Reply.NOTHING;
            });
            t.add("do", true, inv -> {
                String rest = inv.rest(0);
                if (rest.isEmpty()) {
                    return Reply.of("% Incomplete command.\n\n");
                }
                String[] parts = OutputFilter.split(rest);
                Match m = exec.match(parts[0]);
                if (m instanceof Match.Found f) {
                    Reply r = f.handler().handle(f.invocation());
                    String filtered = OutputFilter.apply(r.output(), parts[1]);
                    return Reply.of(filtered == null ? r.output() : filtered);
                }
                if (m instanceof Match.Invalid i) {
                    return invalid(current, inv.argOffset(0) + i.column());
                }
                return Reply.of("% Incomplete command.\n\n");
            });
        }
        buildArchive();
        global.add("hostname <word>", inv -> {
            cfg.hostname = inv.word(1);
            return Reply.NOTHING;
        });
        global.add("enable secret", true, inv -> Reply.NOTHING);
        // secrets as IOS keeps them: a community in clear, a user's secret hashed (type 9)
        global.add("snmp-server community <word>", true, inv -> {
            String access = inv.args().isEmpty() ? "RO" : inv.args().get(0).toUpperCase(java.util.Locale.ROOT);
            cfg.snmpCommunities.put(inv.word(2), access);
            return Reply.NOTHING;
        });
        global.add("no snmp-server community <word>", true, inv -> {
            cfg.snmpCommunities.remove(inv.word(3));
            return Reply.NOTHING;
        });
        global.add("username <word>", true, inv -> {
            List<String> a = inv.args();
            int at = a.indexOf("secret");
            if (at < 0 || at + 1 >= a.size()) {
                return Reply.of("% Incomplete command.\n\n");
            }
            String privilege = a.contains("privilege") ? "privilege " + a.get(a.indexOf("privilege") + 1) + " " : "";
            String clear = a.get(a.size() - 1);
            boolean hashed = at + 2 < a.size() && List.of("5", "8", "9").contains(a.get(at + 1));
            cfg.users.put(inv.word(1), privilege + "secret 9 " + (hashed ? clear : hash(clear)));
            return Reply.NOTHING;
        });
        global.add("ip access-list extended <word>", inv -> {
            String name = inv.word(3);
            if (cfg.acls.containsKey(name) && cfg.acls.get(name).standard) {
                return Reply.of("% A named standard IP access list with this name already exists\n");
            }
            cfg.acls.computeIfAbsent(name, IosConfig.Acl::new);
            current.put("acl", name);
            current.enter("config-ext-nacl");
            return Reply.NOTHING;
        });
        global.add("ip access-list standard <word>", inv -> {
            String name = inv.word(3);
            IosConfig.Acl acl = cfg.acls.computeIfAbsent(name, n -> new IosConfig.Acl(n, true));
            if (!acl.standard) {
                return Reply.of("% A named extended IP access list with this name already exists\n");
            }
            current.put("acl", name);
            current.enter("config-std-nacl");
            return Reply.NOTHING;
        });
        global.add("no ip access-list standard <word>", inv -> {
            cfg.acls.remove(inv.word(4));
            return Reply.NOTHING;
        });
        global.add("no ip access-list extended <word>", inv -> {
            cfg.acls.remove(inv.word(4));
            return Reply.NOTHING;
        });
        global.add("access-list <n>", true, inv -> numberedAce(inv));
        for (String type : List.of("network", "service")) {
            global.add("object-group " + type + " <word>", inv -> {
                IosConfig.ObjectGroup g = cfg.objectGroups.get(inv.word(2));
                if (g != null && !g.type.equals(type)) {
                    return Reply.of("% object-group " + inv.word(2) + " exists with another type\n");
                }
                cfg.objectGroups.computeIfAbsent(inv.word(2), k -> new IosConfig.ObjectGroup(type));
                current.put("group", inv.word(2));
                current.enter(type.equals("network") ? "config-network-group" : "config-service-group");
                return Reply.NOTHING;
            });
            global.add("no object-group " + type + " <word>", inv -> {
                cfg.objectGroups.remove(inv.word(3));
                return Reply.NOTHING;
            });
        }
        netgroup.add("host <word>", inv -> groupMember(inv, 1, true));
        netgroup.add("<word> <word>", inv -> groupMember(inv, 0, false));
        netgroup.add("no host <word>", inv -> removeGroupMember("host " + inv.word(2)));
        for (String proto : List.of("tcp", "udp", "tcp-udp")) {
            svcgroup.add(proto + " eq", true, inv -> servicePorts(inv, proto, "eq"));
            svcgroup.add(proto + " range", true, inv -> servicePorts(inv, proto, "range"));
            svcgroup.add("no " + proto + " eq", true, inv -> removeGroupMember(proto + " eq " + inv.rest(0)));
        }
        global.add("no access-list <n>", inv -> {
            cfg.acls.remove(inv.word(2));
            return Reply.NOTHING;
        });
        global.add("interface", true, inv -> {
            String name = ifName(inv.rest(0).replace(" ", ""));
            if (name == null) {
                return inv.args().isEmpty() ? Reply.of("% Incomplete command.\n\n") : invalid(current, inv.argOffset(0));
            }
            if (!cfg.interfaces.containsKey(name)) {
                if (!name.startsWith("Loopback")) {
                    return invalid(current, inv.argOffset(0));
                }
                cfg.interfaces.put(name, new IosConfig.Interface(name));
            }
            current.put("if", name);
            current.enter("config-if");
            return Reply.NOTHING;
        });
        for (String type : List.of("match-any", "match-all")) {
            global.add("class-map " + type + " <word>", inv -> classMap(inv.word(2), type));
            global.add("no class-map " + type + " <word>", inv -> {
                cfg.classMaps.remove(inv.word(3));
                return Reply.NOTHING;
            });
        }
        global.add("class-map <word>", inv -> classMap(inv.word(1), "match-all"));
        global.add("no class-map <word>", inv -> {
            cfg.classMaps.remove(inv.word(2));
            return Reply.NOTHING;
        });
        global.add("policy-map <word>", inv -> {
            String name = inv.word(1);
            cfg.policyMaps.computeIfAbsent(name, IosConfig.PolicyMap::new);
            current.put("pmap", name);
            current.enter("config-pmap");
            return Reply.NOTHING;
        });
        global.add("no policy-map <word>", inv -> {
            String name = inv.word(2);
            boolean used = cfg.interfaces.values().stream().anyMatch(i -> name.equals(i.policyIn) || name.equals(i.policyOut));
            if (used) {
                return Reply.of("Policy map " + name + " is being used\n");
            }
            cfg.policyMaps.remove(name);
            return Reply.NOTHING;
        });

        // ACL sub-mode
        nacl.add("permit", true, inv -> aclEntry(inv, -1, 0));
        nacl.add("deny", true, inv -> aclEntry(inv, -1, 0));
        nacl.add("remark", true, inv -> remark(-1, inv.rest(0)));
        nacl.add("<n> permit", true, inv -> aclEntry(inv, Integer.parseInt(inv.word(0)), 1));
        nacl.add("<n> deny", true, inv -> aclEntry(inv, Integer.parseInt(inv.word(0)), 1));
        nacl.add("<n> remark", true, inv -> remark(Integer.parseInt(inv.word(0)), inv.rest(0)));
        nacl.add("no <n>", inv -> {
            IosConfig.Acl acl = cfg.acls.get((String) current.get("acl"));
            acl.entries.remove(Integer.parseInt(inv.word(1)));
            return Reply.NOTHING;
        });
        snacl.add("permit", true, inv -> standardEntry(inv, -1, 0));
        snacl.add("deny", true, inv -> standardEntry(inv, -1, 0));
        snacl.add("remark", true, inv -> remark(-1, inv.rest(0)));
        snacl.add("<n> permit", true, inv -> standardEntry(inv, Integer.parseInt(inv.word(0)), 1));
        snacl.add("<n> deny", true, inv -> standardEntry(inv, Integer.parseInt(inv.word(0)), 1));
        snacl.add("no <n>", inv -> {
            cfg.acls.get((String) current.get("acl")).entries.remove(Integer.parseInt(inv.word(1)));
            return Reply.NOTHING;
        });
        nacl.add("no permit", true, inv -> removeByText(inv));
        nacl.add("no deny", true, inv -> removeByText(inv));

        // interface sub-mode
        iface.add("ip access-group <word> in", inv -> bindAcl(inv.word(2), true));
        iface.add("ip access-group <word> out", inv -> bindAcl(inv.word(2), false));
        iface.add("no ip access-group <word> in", inv -> unbindAcl(true));
        iface.add("no ip access-group <word> out", inv -> unbindAcl(false));
        iface.add("no ip access-group in", inv -> unbindAcl(true));
        iface.add("no ip access-group out", inv -> unbindAcl(false));
        iface.add("service-policy input <word>", inv -> bindPolicy(inv.word(2), true));
        iface.add("service-policy output <word>", inv -> bindPolicy(inv.word(2), false));
        iface.add("no service-policy input <word>", inv -> unbindPolicy(true));
        iface.add("no service-policy output <word>", inv -> unbindPolicy(false));
        iface.add("description", true, inv -> {
            itf().description = inv.rest(0);
            return Reply.NOTHING;
        });
        iface.add("no description", inv -> {
            itf().description = null;
            return Reply.NOTHING;
        });
        iface.add("ip address <word> <word>", inv -> {
            itf().address = inv.word(2);
            itf().mask = inv.word(3);
            return Reply.NOTHING;
        });
        iface.add("negotiation auto", inv -> Reply.NOTHING);
        iface.add("no ip address", inv -> {
            itf().address = null;
            itf().mask = null;
            return Reply.NOTHING;
        });
        iface.add("shutdown", inv -> {
            itf().shutdown = true;
            return Reply.NOTHING;
        });
        iface.add("no shutdown", inv -> {
            itf().shutdown = false;
            return Reply.NOTHING;
        });

        // class-map sub-mode
        cmap.add("match access-group name <word>", inv -> cmapMatch("access-group name " + inv.word(3), false));
        cmap.add("no match access-group name <word>", inv -> cmapMatch("access-group name " + inv.word(4), true));
        cmap.add("match dscp", true, inv -> dscpMatch(inv, false));
        cmap.add("no match dscp", true, inv -> dscpMatch(inv, true));
        cmap.add("match any", inv -> cmapMatch("any", false));
        cmap.add("no match any", inv -> cmapMatch("any", true));

        // policy-map sub-modes
        pmap.add("class <word>", inv -> {
            String name = inv.word(1);
            if (!name.equals("class-default") && !cfg.classMaps.containsKey(name)) {
                return Reply.of("% class map " + name + " not configured\n");
            }
            cfg.policyMaps.get((String) current.get("pmap")).classes.computeIfAbsent(name, k -> new ArrayList<>());
            current.put("pclass", name);
            current.enter("config-pmap-c");
            return Reply.NOTHING;
        });
        pmap.add("no class <word>", inv -> {
            cfg.policyMaps.get((String) current.get("pmap")).classes.remove(inv.word(2));
            return Reply.NOTHING;
        });
        pmapc.add("set dscp <word>", inv -> pclassAction(inv, "set dscp " + inv.word(2), false, 2));
        pmapc.add("no set dscp <word>", inv -> pclassAction(inv, "set dscp " + inv.word(3), true, 3));
        pmapc.add("bandwidth percent <n>", inv -> pclassAction(inv, "bandwidth percent " + inv.word(2), false, -1));
        pmapc.add("no bandwidth percent <n>", inv -> pclassAction(inv, "bandwidth percent " + inv.word(3), true, -1));
        pmapc.add("priority percent <n>", inv -> pclassAction(inv, "priority percent " + inv.word(2), false, -1));
        pmapc.add("no priority percent <n>", inv -> pclassAction(inv, "priority percent " + inv.word(3), true, -1));
    }

    private Reply groupMember(Invocation inv, int first, boolean host) {
        String addrWord = inv.word(first);
        inet.ipaddr.IPAddress a = new inet.ipaddr.IPAddressString(addrWord).getAddress();
        if (a == null || !a.isIPv4() || !addrWord.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
            return invalid(current, inv.offsets().get(first));
        }
        String member;
        if (host) {
            member = "host " + a;
        } else {
            inet.ipaddr.IPAddress mask = new inet.ipaddr.IPAddressString(inv.word(1)).getAddress();
            if (mask == null || mask.getBlockMaskPrefixLength(true) == null) {
                return invalid(current, inv.offsets().get(1));
            }
            member = a.mask(mask) + " " + mask;
        }
        List<String> m = cfg.objectGroups.get((String) current.get("group")).members;
        if (!m.contains(member) && !ignored(member)) {
            m.add(member);
        }
        return Reply.NOTHING;
    }

    private Reply servicePorts(Invocation inv, String proto, String op) {
        List<String> ports = new ArrayList<>();
        String table = proto.equals("udp") ? "udp" : "tcp";
        for (int i = 0; i < inv.args().size(); i++) {
            java.util.OptionalInt n = IosPortWords.number(table, inv.args().get(i).toLowerCase(Locale.ROOT));
            if (n.isEmpty()) {
                return invalid(current, inv.argOffset(i));
            }
            ports.add(IosPortWords.display(table, n.getAsInt()));
        }
        if (ports.isEmpty() || (op.equals("range") && ports.size() != 2)) {
            return Reply.of("% Incomplete command.\n\n");
        }
        List<String> m = cfg.objectGroups.get((String) current.get("group")).members;
        String member = proto + " " + op + " " + String.join(" ", ports);
        if (!m.contains(member)) {
            m.add(member);
        }
        return Reply.NOTHING;
    }

    private Reply removeGroupMember(String member) {
        cfg.objectGroups.get((String) current.get("group")).members.remove(member);
        return Reply.NOTHING;
    }

    private boolean hasGroup(String type, String name) {
        IosConfig.ObjectGroup g = cfg.objectGroups.get(name);
        return g != null && g.type.equals(type);
    }

    private Reply classMap(String name, String type) {
        IosConfig.ClassMap c = cfg.classMaps.computeIfAbsent(name, k -> new IosConfig.ClassMap(k, type));
        c.matchType = type;
        current.put("cmap", name);
        current.enter("config-cmap");
        return Reply.NOTHING;
    }

    private boolean ignored(String line) {
        return ctx.faults().get().ignores(line);
    }

    private Reply aclEntry(Invocation inv, int seq, int actionWord) {
        List<String> words = inv.words().subList(actionWord, inv.words().size());
        IosAce.Result r = IosAce.parse(words, this::hasGroup);
        if (r instanceof IosAce.Result.Bad b) {
            return invalid(current, inv.offsets().get(actionWord + b.word()));
        }
        if (r instanceof IosAce.Result.Incomplete) {
            return Reply.of("% Incomplete command.\n\n");
        }
        String text = ((IosAce.Result.Ok) r).text();
        IosConfig.Acl acl = cfg.acls.get((String) current.get("acl"));
        if (acl.entries.values().stream().anyMatch(e -> e.text.equals(text))) {
            return Reply.NOTHING; // IOS keeps one copy of an identical entry
        }
        int s = seq < 0 ? acl.nextSeq() : seq;
        if (acl.entries.containsKey(s)) {
            return Reply.of("% Duplicate sequence number\n");
        }
        if (!ignored(inv.line())) {
            acl.entries.put(s, new IosConfig.Ace(s, text));
        }
        return Reply.NOTHING;
    }

    /**
     * A standard entry: {@code permit|deny any | host A | A [WILDCARD] [log]}, stored as IOS keeps
     * it ({@code permit 10.1.2.0 0.0.0.255}, a host as its address alone, host bits cleared).
     */
    private Reply standardEntry(Invocation inv, int seq, int actionWord) {
        List<String> w = inv.words();
        int i = actionWord + 1;
        if (i >= w.size()) {
            return Reply.of("% Incomplete command.\n\n");
        }
        String action = w.get(actionWord);
        String source;
        String first = w.get(i).toLowerCase(Locale.ROOT);
        if (first.equals("any")) {
            source = "any";
            i++;
        } else {
            if (first.equals("host")) {
                i++;
                if (i >= w.size()) {
                    return Reply.of("% Incomplete command.\n\n");
                }
            }
            IPAddress a = new IPAddressString(w.get(i)).getAddress();
            if (a == null || !a.isIPv4()) {
                return invalid(current, inv.offsets().get(i));
            }
            i++;
            String wildcard = "0.0.0.0";
            if (!first.equals("host") && i < w.size() && !w.get(i).equalsIgnoreCase("log")) {
                IPAddress wc = new IPAddressString(w.get(i)).getAddress();
                if (wc == null || !wc.isIPv4()) {
                    return invalid(current, inv.offsets().get(i));
                }
                wildcard = wc.toCanonicalString();
                i++;
            }
            long mask = ~new IPAddressString(wildcard).getAddress().getValue().longValue() & 0xffffffffL;
            long v = a.getValue().longValue() & mask;
            String address = ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
            source = wildcard.equals("0.0.0.0") ? address : address + " " + wildcard;
        }
        boolean log = false;
        if (i < w.size()) {
            if (!w.get(i).equalsIgnoreCase("log")) {
                return invalid(current, inv.offsets().get(i));
            }
            log = true;
            i++;
        }
        if (i < w.size()) {
            return invalid(current, inv.offsets().get(i));
        }
        String text = action + " " + source + (log ? " log" : "");
        IosConfig.Acl acl = cfg.acls.get((String) current.get("acl"));
        if (acl.entries.values().stream().anyMatch(e -> e.text.equals(text))) {
            return Reply.NOTHING;
        }
        int s = seq < 0 ? acl.nextSeq() : seq;
        if (acl.entries.containsKey(s)) {
            return Reply.of("% Duplicate sequence number\n");
        }
        acl.entries.put(s, new IosConfig.Ace(s, text));
        return Reply.NOTHING;
    }

    /** How IOS shows a standard entry: {@code permit 10.1.2.0, wildcard bits 0.0.0.255}, {@code deny   10.9.9.9}. */
    private static String standardShow(String text) {
        String[] w = text.split(" ");
        StringBuilder sb = new StringBuilder(w[0].equals("deny") ? "deny  " : "permit");
        sb.append(' ').append(w[1]);
        int next = 2;
        if (w.length > 2 && !w[2].equals("log")) {
            sb.append(", wildcard bits ").append(w[2]);
            next = 3;
        }
        for (int k = next; k < w.length; k++) {
            sb.append(' ').append(w[k]);
        }
        return sb.toString();
    }

    private Reply remark(int seq, String text) {
        if (text.length() > 100) {
            return Reply.of("% Remark text is too long (100 characters maximum)\n");
        }
        IosConfig.Acl acl = cfg.acls.get((String) current.get("acl"));
        int s = seq < 0 ? acl.nextSeq() : seq;
        if (acl.entries.containsKey(s)) {
            return Reply.of("% Duplicate sequence number\n");
        }
        acl.entries.put(s, new IosConfig.Ace(s, "remark " + text));
        return Reply.NOTHING;
    }

    private Reply removeByText(Invocation inv) {
        IosAce.Result r = IosAce.parse(inv.words().subList(1, inv.words().size()), this::hasGroup);
        if (r instanceof IosAce.Result.Ok ok) {
            IosConfig.Acl acl = cfg.acls.get((String) current.get("acl"));
            acl.entries.values().removeIf(e -> e.text.equals(ok.text()));
            return Reply.NOTHING;
        }
        return r instanceof IosAce.Result.Bad b ? invalid(current, inv.offsets().get(1 + b.word())) : Reply.of("% Incomplete command.\n\n");
    }

    private Reply numberedAce(Invocation inv) {
        int n = Integer.parseInt(inv.word(1));
        if (!((n >= 100 && n <= 199) || (n >= 2000 && n <= 2699))) {
            return invalid(current, inv.offsets().get(1));
        }
        if (inv.args().isEmpty()) {
            return Reply.of("% Incomplete command.\n\n");
        }
        IosConfig.Acl acl = cfg.acls.computeIfAbsent(String.valueOf(n), IosConfig.Acl::new);
        if (inv.args().get(0).equalsIgnoreCase("remark")) {
            acl.entries.put(acl.nextSeq(), new IosConfig.Ace(acl.nextSeq(), "remark " + inv.rest(1)));
            return Reply.NOTHING;
        }
        IosAce.Result r = IosAce.parse(inv.args(), this::hasGroup);
        if (r instanceof IosAce.Result.Bad b) {
            return invalid(current, inv.argOffset(b.word()));
        }
        if (r instanceof IosAce.Result.Incomplete) {
            return Reply.of("% Incomplete command.\n\n");
        }
        if (!ignored(inv.line())) {
            int s = acl.nextSeq();
            acl.entries.put(s, new IosConfig.Ace(s, ((IosAce.Result.Ok) r).text()));
        }
        return Reply.NOTHING;
    }

    private IosConfig.Interface itf() {
        return cfg.interfaces.get((String) current.get("if"));
    }

    private Reply bindAcl(String name, boolean in) {
        if (!ignored((in ? "ip access-group " + name + " in" : "ip access-group " + name + " out"))) {
            if (in) {
                itf().aclIn = name;
            } else {
                itf().aclOut = name;
            }
        }
        return Reply.NOTHING;
    }

    private Reply unbindAcl(boolean in) {
        if (in) {
            itf().aclIn = null;
        } else {
            itf().aclOut = null;
        }
        return Reply.NOTHING;
    }

    private Reply bindPolicy(String name, boolean in) {
        if (!cfg.policyMaps.containsKey(name)) {
            return Reply.of("policy map " + name + " not configured\n");
        }
        if (in) {
            itf().policyIn = name;
        } else {
            itf().policyOut = name;
        }
        return Reply.NOTHING;
    }

    private Reply unbindPolicy(boolean in) {
        if (in) {
            itf().policyIn = null;
        } else {
            itf().policyOut = null;
        }
        return Reply.NOTHING;
    }

    private Reply cmapMatch(String what, boolean remove) {
        IosConfig.ClassMap c = cfg.classMaps.get((String) current.get("cmap"));
        if (remove) {
            c.matches.remove(what);
        } else if (!c.matches.contains(what) && !ignored("match " + what)) {
            c.matches.add(what);
        }
        return Reply.NOTHING;
    }

    private Reply dscpMatch(Invocation inv, boolean remove) {
        if (inv.args().isEmpty()) {
            return Reply.of("% Incomplete command.\n\n");
        }
        for (int i = 0; i < inv.args().size(); i++) {
            if (!DSCP.contains(inv.args().get(i).toLowerCase(Locale.ROOT)) && !inv.args().get(i).matches("\\d{1,2}")) {
                return invalid(current, inv.argOffset(i));
            }
        }
        return cmapMatch("dscp " + String.join(" ", inv.args()).toLowerCase(Locale.ROOT), remove);
    }

    private Reply pclassAction(Invocation inv, String action, boolean remove, int dscpWord) {
        if (dscpWord >= 0 && !DSCP.contains(inv.word(dscpWord).toLowerCase(Locale.ROOT))
                && !inv.word(dscpWord).matches("\\d{1,2}")) {
            return invalid(current, inv.offsets().get(dscpWord));
        }
        List<String> actions = cfg.policyMaps.get((String) current.get("pmap")).classes.get((String) current.get("pclass"));
        if (remove) {
            actions.remove(action);
        } else if (!ignored(action)) {
            actions.removeIf(a -> a.startsWith(action.substring(0, action.lastIndexOf(' '))));
            actions.add(action.toLowerCase(Locale.ROOT));
        }
        return Reply.NOTHING;
    }

    static String ifName(String typed) {
        Matcher m = IFNAME.matcher(typed.strip());
        if (!m.matches()) {
            return null;
        }
        return m.group(2) != null ? "GigabitEthernet" + m.group(2) : "Loopback" + m.group(4);
    }

    // ---------------------------------------------------------------- show output

    private String showVersion() {
        Duration up = Duration.between(booted, Instant.now());
        String uptime = up.toDays() + " day" + (up.toDays() == 1 ? "" : "s") + ", " + up.toHoursPart() + " hours, "
                + up.toMinutesPart() + " minutes";
        String v = ctx.profile().versionOr("17.9.4a");
        return """
                Cisco IOS XE Software, Version %s
                Cisco IOS Software [Cupertino], Virtual XE Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version %s, RELEASE SOFTWARE (fc3)
                Technical Support: http://www.cisco.com/techsupport
                Copyright (c) 1986-2023 by Cisco Systems, Inc.
                Compiled Fri 20-Oct-23 10:44 by mcpre


                Cisco IOS-XE software, Copyright (c) 2005-2023 by cisco Systems, Inc.
                All rights reserved.  Certain components of Cisco IOS-XE software are
                licensed under the GNU General Public License ("GPL") Version 2.0.

                ROM: IOS-XE ROMMON

                %s uptime is %s
                Uptime for this control processor is %s
                System returned to ROM by reload
                System image file is "bootflash:packages.conf"
                Last reload reason: reload



                License Level: network-advantage
                License Type: Perpetual
                Next reload license Level: network-advantage

                cisco C8000V (VXE) processor (revision VXE) with 1987161K/3075K bytes of memory.
                Processor board ID %s
                Router operating mode: Autonomous
                %d Gigabit Ethernet interfaces
                32768K bytes of non-volatile configuration memory.
                3965124K bytes of physical memory.
                5234688K bytes of virtual hard disk at bootflash:.

                Configuration register is 0x2102

                """.formatted(padded(v), v, cfg.hostname, uptime, uptime, ctx.profile().serialOr("9"),
                cfg.interfaces.keySet().stream().filter(n -> n.startsWith("GigabitEthernet")).count());
    }

    /** IOS XE prints its version twice: {@code 17.09.04a} on the first line, {@code 17.9.4a} on the second. */
    static String padded(String version) {
        String[] parts = version.split("\\.");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            sb.append('.').append(p.matches("\\d.*") && !p.matches("\\d\\d.*") ? "0" + p : p);
        }
        return sb.toString();
    }

    private Reply showAccessLists(List<String> args, boolean ipOnly) {
        StringBuilder sb = new StringBuilder();
        for (IosConfig.Acl acl : cfg.acls.values()) {
            if (!args.isEmpty() && !acl.name.equals(args.get(0))) {
                continue;
            }
            sb.append(acl.standard ? "Standard IP access list " : "Extended IP access list ").append(acl.name).append('\n');
            for (IosConfig.Ace e : acl.entries.values()) {
                if (e.text.startsWith("remark ")) {
                    continue; // IOS shows remarks only in the running configuration
                }
                sb.append("    ").append(e.seq).append(' ').append(acl.standard ? standardShow(e.text) : e.text);
                if (e.matches > 0) {
                    sb.append(" (").append(e.matches).append(" match").append(e.matches == 1 ? "" : "es").append(')');
                }
                sb.append('\n');
            }
        }
        return Reply.of(sb.toString());
    }

    private Reply showIpInterface(Invocation inv) {
        List<IosConfig.Interface> list = interfaces(inv);
        if (list == null) {
            return invalid(current, inv.argOffset(0));
        }
        StringBuilder sb = new StringBuilder();
        for (IosConfig.Interface i : list) {
            String state = i.shutdown ? "administratively down, line protocol is down" : "up, line protocol is up";
            sb.append(i.name).append(" is ").append(state).append('\n');
            if (i.address != null) {
                sb.append("  Internet address is ").append(i.address).append('/').append(prefix(i.mask)).append('\n');
                sb.append("  Broadcast address is 255.255.255.255\n");
            } else {
                sb.append("  Internet protocol processing disabled\n");
                continue;
            }
            sb.append("  Address determined by non-volatile memory\n");
            sb.append("  MTU is 1500 bytes\n");
            sb.append("  Helper address is not set\n");
            sb.append("  Directed broadcast forwarding is disabled\n");
            sb.append("  Outgoing Common access list is not set \n");
            sb.append("  Outgoing access list is ").append(i.aclOut == null ? "not set" : i.aclOut).append('\n');
            sb.append("  Inbound Common access list is not set \n");
            sb.append("  Inbound  access list is ").append(i.aclIn == null ? "not set" : i.aclIn).append('\n');
            sb.append("  Proxy ARP is enabled\n");
            sb.append("  Local Proxy ARP is disabled\n");
            sb.append("  Security level is default\n");
            sb.append("  Split horizon is enabled\n");
            sb.append("  ICMP redirects are always sent\n");
            sb.append("  ICMP unreachables are always sent\n");
            sb.append("  ICMP mask replies are never sent\n");
            sb.append("  IP fast switching is enabled\n");
            sb.append("  IP Flow switching is disabled\n");
            sb.append("  IP CEF switching is enabled\n");
        }
        return Reply.of(sb.toString());
    }

    /** The interfaces a show command names (all without an argument); null when the name is unknown. */
    private List<IosConfig.Interface> interfaces(Invocation inv) {
        if (inv.args().isEmpty()) {
            return new ArrayList<>(cfg.interfaces.values());
        }
        String name = ifName(String.join("", inv.args()));
        return name == null || !cfg.interfaces.containsKey(name) ? null : List.of(cfg.interfaces.get(name));
    }

    private static int prefix(String mask) {
        int bits = 0;
        for (String o : mask.split("\\.")) {
            bits += Integer.bitCount(Integer.parseInt(o));
        }
        return bits;
    }

    /**
     * {@code show ip route} as IOS-XE prints it: the legend, the gateway of last resort, routes of
     * one major network under a "is subnetted" (one mask: prefixes printed without their length) or
     * "is variably subnetted" header, a lone classful route without one.
     */
    private String showIpRoute() {
        List<io.portpush.lab.LabRoutes.Entry> table = routes();
        StringBuilder sb = new StringBuilder("""
                Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP
                       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area\s
                       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2
                       E1 - OSPF external type 1, E2 - OSPF external type 2, m - OMP
                       n - NAT, Ni - NAT inside, No - NAT outside, Nd - NAT DIA
                       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2
                       ia - IS-IS inter area, * - candidate default, U - per-user static route
                       H - NHRP, G - NHRP registered, g - NHRP registration summary
                       o - ODR, P - periodic downloaded static route, l - LISP
                       a - application route
                       + - replicated route, % - next hop override, p - overrides from PfR
                       & - replicated local route overrides by connected

                """);
        String gw = io.portpush.lab.LabRoutes.gateway(table);
        sb.append(gw.isEmpty() ? "Gateway of last resort is not set\n\n" : "Gateway of last resort is " + gw + " to network 0.0.0.0\n\n");
        Map<inet.ipaddr.IPAddress, List<io.portpush.lab.LabRoutes.Entry>> byMajor = new LinkedHashMap<>();
        for (io.portpush.lab.LabRoutes.Entry e : table) {
            byMajor.computeIfAbsent(major(e.prefix()), k -> new ArrayList<>()).add(e);
        }
        byMajor.forEach((net, routes) -> {
            java.util.Set<Integer> masks = new java.util.TreeSet<>();
            routes.forEach(r -> masks.add(r.prefix().getNetworkPrefixLength()));
            boolean lone = routes.size() == 1 && masks.contains(net.getNetworkPrefixLength());
            boolean one = masks.size() == 1;
            if (!lone) {
                sb.append("      ").append(net.getLower().withoutPrefixLength()).append('/').append(one ? masks.iterator().next() : net.getNetworkPrefixLength())
                        .append(one ? " is subnetted, " + routes.size() + " subnets\n"
                                : " is variably subnetted, " + routes.size() + " subnets, " + masks.size() + " masks\n");
            }
            for (io.portpush.lab.LabRoutes.Entry r : routes) {
                String code = String.format(lone ? "%-6s" : "%-9s", r.code());
                String dest = one && !lone ? r.prefix().getLower().withoutPrefixLength().toString() : r.prefix().toString();
                sb.append(code).append(dest).append(r.nextHop().isEmpty() ? " is directly connected, " + r.iface()
                        : " [1/0] via " + r.nextHop()).append('\n');
            }
        });
        return sb.toString();
    }

    /** The classful network a prefix belongs to (A /8, B /16, C /24; the default stands alone). */
    private static inet.ipaddr.IPAddress major(inet.ipaddr.IPAddress p) {
        int first = p.getSegment(0).getSegmentValue();
        int len = p.getNetworkPrefixLength() == 0 ? 0 : first < 128 ? 8 : first < 192 ? 16 : 24;
        return p.getLower().withoutPrefixLength().setPrefixLength(len, false).toPrefixBlock();
    }

    private String showIpInterfaceBrief() {
        StringBuilder sb = new StringBuilder(String.format("%-27s%-16s%-4s%-7s%-22s%s%n", "Interface", "IP-Address", "OK?",
                "Method", "Status", "Protocol"));
        for (IosConfig.Interface i : cfg.interfaces.values()) {
            sb.append(String.format("%-27s%-16s%-4s%-7s%-22s%s%n", i.name, i.address == null ? "unassigned" : i.address, "YES",
                    i.address == null ? "unset" : "NVRAM", i.shutdown ? "administratively down" : "up", i.shutdown ? "down" : "up"));
        }
        return sb.toString();
    }

    private Reply showClassMaps(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (IosConfig.ClassMap c : cfg.classMaps.values()) {
            if (!args.isEmpty() && !c.name.equals(args.get(0))) {
                continue;
            }
            sb.append(" Class Map ").append(c.matchType).append(' ').append(c.name).append(" (id ")
                    .append(Math.abs(c.name.hashCode() % 100)).append(")\n");
            for (String m : c.matches) {
                sb.append("   Match ").append(m).append(" \n");
            }
            sb.append('\n');
        }
        sb.append(" Class Map match-any class-default (id 0)\n   Match any \n\n");
        return Reply.of(sb.toString());
    }

    private Reply showPolicyMaps(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (IosConfig.PolicyMap p : cfg.policyMaps.values()) {
            if (!args.isEmpty() && !p.name.equals(args.get(0))) {
                continue;
            }
            sb.append("  Policy Map ").append(p.name).append('\n');
            for (Map.Entry<String, List<String>> c : p.classes.entrySet()) {
                sb.append("    Class ").append(c.getKey()).append('\n');
                for (String a : c.getValue()) {
                    sb.append("      ").append(a).append('\n');
                }
            }
            sb.append('\n');
        }
        return Reply.of(sb.toString());
    }

    private Reply showPolicyMapInterface(Invocation inv) {
        List<IosConfig.Interface> list = interfaces(inv);
        if (list == null) {
            return invalid(current, inv.argOffset(0));
        }
        StringBuilder sb = new StringBuilder();
        for (IosConfig.Interface i : list) {
            if (i.policyIn == null && i.policyOut == null) {
                continue;
            }
            sb.append(" ").append(i.name).append(" \n\n");
            if (i.policyIn != null) {
                policyBlock(sb, "input", cfg.policyMaps.get(i.policyIn));
            }
            if (i.policyOut != null) {
                policyBlock(sb, "output", cfg.policyMaps.get(i.policyOut));
            }
        }
        return Reply.of(sb.toString());
    }

    private void policyBlock(StringBuilder sb, String direction, IosConfig.PolicyMap p) {
        sb.append("  Service-policy ").append(direction).append(": ").append(p.name).append("\n\n");
        for (Map.Entry<String, List<String>> c : p.classes.entrySet()) {
            if (c.getKey().equals("class-default")) {
                continue;
            }
            IosConfig.ClassMap cm = cfg.classMaps.get(c.getKey());
            classBlock(sb, c.getKey(), cm == null ? "match-all" : cm.matchType, cm == null ? List.of() : cm.matches, c.getValue());
        }
        classBlock(sb, "class-default", "match-any", List.of("any"), p.classes.getOrDefault("class-default", List.of()));
    }

    private static void classBlock(StringBuilder sb, String name, String type, List<String> matches, List<String> actions) {
        sb.append("    Class-map: ").append(name).append(" (").append(type).append(")  \n");
        sb.append("      0 packets, 0 bytes\n");
        sb.append("      5 minute offered rate 0000 bps, drop rate 0000 bps\n");
        for (String m : matches) {
            sb.append("      Match: ").append(m).append(" \n");
        }
        List<String> sets = actions.stream().filter(a -> a.startsWith("set ")).toList();
        if (!sets.isEmpty()) {
            sb.append("      QoS Set\n");
            for (String s : sets) {
                String[] w = s.split(" ");
                sb.append("        ").append(w[1]).append(' ').append(w[2]).append('\n');
                sb.append("          Packets marked 0\n");
            }
        }
        for (String a : actions) {
            if (a.startsWith("priority percent ")) {
                sb.append("      Priority: ").append(a.substring(17)).append("% (0 kbps), burst bytes 0, b/w exceed drops: 0\n");
            } else if (a.startsWith("bandwidth percent ")) {
                sb.append("      Queueing\n      queue limit 64 packets\n      bandwidth ").append(a.substring(18))
                        .append("% (0 kbps)\n");
            }
        }
        sb.append('\n');
    }

    // ---------------------------------------------------------------- running configuration

    private String runningConfig() {
        String body = runningConfigBody();
        return "Building configuration...\n\nCurrent configuration : " + body.getBytes(StandardCharsets.UTF_8).length
                + " bytes\n" + body;
    }

    private String secretHash() {
        return hash(ctx.enableSecret());
    }

    /** A type-9-looking hash of {@code secret} (not scrypt: the lab only needs a stable, secret-derived string). */
    static String hash(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("portpush-lab:" + secret).getBytes(StandardCharsets.UTF_8));
            return "$9$" + Base64.getEncoder().withoutPadding().encodeToString(d).replace('+', '.').substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The running configuration without the "Building configuration" header (also the startup-config). */
    String runningConfigBody() {
        StringBuilder sb = new StringBuilder();
        sb.append("!\n! Last configuration change at ").append(CHANGE_TIME.format(cfg.lastChange)).append(" by ")
                .append(cfg.lastChangeBy).append("\n!\n");
        // the running configuration names the train only: "version 17.9" for 17.9.4a
        String[] v = ctx.profile().versionOr("17.9.4a").split("\\.");
        sb.append("version ").append(v[0]).append(v.length > 1 ? "." + v[1] : "").append("\nservice timestamps debug datetime msec\nservice timestamps log datetime msec\n");
        sb.append("platform qfp utilization monitor load 80\nplatform punt-keepalive disable-kernel-core\nplatform console serial\n!\n");
        sb.append("hostname ").append(cfg.hostname).append("\n!\nboot-start-marker\nboot-end-marker\n!\n!\n");
        sb.append("enable secret 9 ").append(secretHash()).append("\n!\nno aaa new-model\n!\n!\n");
        cfg.users.forEach((u, tail) -> sb.append("username ").append(u).append(' ').append(tail).append('\n'));
        if (!cfg.users.isEmpty()) {
            sb.append("!\n");
        }
        sb.append(archive.block());
        sb.append("login on-success log\n!\nsubscriber templating\n!\n!\nmultilink bundle-name authenticated\n!\n!\n");
        for (Map.Entry<String, IosConfig.ObjectGroup> g : cfg.objectGroups.entrySet()) {
            sb.append("object-group ").append(g.getValue().type).append(' ').append(g.getKey()).append('\n');
            g.getValue().members.forEach(m -> sb.append(' ').append(m).append('\n'));
            sb.append("!\n");
        }
        for (IosConfig.ClassMap c : cfg.classMaps.values()) {
            sb.append("class-map ").append(c.matchType).append(' ').append(c.name).append('\n');
            for (String m : c.matches) {
                sb.append(" match ").append(m).append('\n');
            }
            sb.append("!\n");
        }
        for (IosConfig.PolicyMap p : cfg.policyMaps.values()) {
            sb.append("policy-map ").append(p.name).append('\n');
            for (Map.Entry<String, List<String>> c : p.classes.entrySet()) {
                sb.append(" class ").append(c.getKey()).append('\n');
                for (String a : c.getValue()) {
                    sb.append("  ").append(a).append('\n');
                }
            }
            sb.append("!\n");
        }
        sb.append("!\n");
        for (IosConfig.Interface i : cfg.interfaces.values()) {
            sb.append(interfaceBlock(i));
        }
        sb.append("ip forward-protocol nd\nno ip http server\nip http secure-server\n!\n");
        cfg.snmpCommunities.forEach((c, access) -> sb.append("snmp-server community ").append(c).append(' ').append(access).append('\n'));
        for (IosConfig.Acl acl : cfg.acls.values()) {
            if (acl.numbered()) {
                continue;
            }
            sb.append(acl.standard ? "ip access-list standard " : "ip access-list extended ").append(acl.name).append('\n');
            for (IosConfig.Ace e : acl.entries.values()) {
                sb.append(' ').append(e.seq).append(' ').append(padDeny(e.text)).append('\n');
            }
            sb.append("!\n");
        }
        for (IosConfig.Acl acl : cfg.acls.values()) {
            if (acl.numbered()) {
                for (IosConfig.Ace e : acl.entries.values()) {
                    sb.append("access-list ").append(acl.name).append(' ').append(padDeny(e.text)).append('\n');
                }
            }
        }
        sb.append("!\n!\ncontrol-plane\n!\n!\nline con 0\n stopbits 1\nline vty 0 4\n login local\n transport input ssh\n!\n!\nend\n");
        return sb.toString();
    }

    private static String padDeny(String text) {
        return text.startsWith("deny ") ? "deny   " + text.substring(5) : text;
    }

    private String interfaceBlock(IosConfig.Interface i) {
        StringBuilder sb = new StringBuilder("interface ").append(i.name).append('\n');
        if (i.description != null) {
            sb.append(" description ").append(i.description).append('\n');
        }
        if (i.address != null) {
            sb.append(" ip address ").append(i.address).append(' ').append(i.mask).append('\n');
        } else {
            sb.append(" no ip address\n");
        }
        if (i.aclIn != null) {
            sb.append(" ip access-group ").append(i.aclIn).append(" in\n");
        }
        if (i.aclOut != null) {
            sb.append(" ip access-group ").append(i.aclOut).append(" out\n");
        }
        if (i.shutdown) {
            sb.append(" shutdown\n");
        }
        if (i.name.startsWith("Gigabit")) {
            sb.append(" negotiation auto\n");
        }
        if (i.policyIn != null) {
            sb.append(" service-policy input ").append(i.policyIn).append('\n');
        }
        if (i.policyOut != null) {
            sb.append(" service-policy output ").append(i.policyOut).append('\n');
        }
        sb.append("!\n");
        return sb.toString();
    }

    // ---------------------------------------------------------------- the router's own filter

    /**
     * With {@code lab_filter_logins}, a new SSH login is a TCP SYN from the client's address to
     * port 22 of the address it reached: the routing table names the interface the client is
     * reached through, and the list bound inbound there decides, first match, implicit deny, its
     * entry counting the packet as the router's "(N matches)" does. To-the-router traffic meets no
     * outbound list. Sessions already open are not judged again (a simplification: a stateless
     * router would drop their packets too, and the revert timer covers that case as well).
     */
    @Override
    public boolean admits(java.net.InetSocketAddress client, java.net.InetSocketAddress local) {
        if (!ctx.profile().filterLogins()) {
            return true;
        }
        IPAddress from = new IPAddressString(client.getAddress().getHostAddress()).getAddress();
        IPAddress to = new IPAddressString(local.getAddress().getHostAddress()).getAddress();
        synchronized (cfg) {
            String ingress = ingress(routes(), from);
            IosConfig.Interface itf = ingress == null ? null : cfg.interfaces.get(ingress);
            if (itf == null || itf.aclIn == null || !cfg.acls.containsKey(itf.aclIn)) {
                return true; // no list in the way (IOS: a bound name without a list filters nothing)
            }
            IosConfig.Ace hit = new IosPacketFilter(cfg.objectGroups).first(cfg.acls.get(itf.aclIn),
                    io.portpush.lab.LabPacket.tcpSyn(from, client.getPort(), to, 22));
            if (hit != null) {
                hit.matches++;
            }
            return IosPacketFilter.permits(hit);
        }
    }

    /**
     * One tick of {@code lab_traffic}: each flow's packets arrive on the interface the routing
     * table reaches their source through and leave by the one it reaches their destination
     * through; the list bound inbound on the first, then outbound on the second, decides (first
     * match, implicit deny) and the deciding entry counts them.
     */
    private void traffic() {
        synchronized (cfg) {
            List<io.portpush.lab.DeviceProfile.Traffic> flows = ctx.profile().traffic();
            IosPacketFilter filter = new IosPacketFilter(cfg.objectGroups);
            List<io.portpush.lab.LabRoutes.Entry> table = routes();
            for (int k = 0; k < flows.size(); k++) {
                carried[k] += flows.get(k).perSecond() * TICK_MS / 1000.0;
                long n = (long) carried[k];
                if (n == 0) {
                    continue;
                }
                carried[k] -= n;
                io.portpush.lab.LabPacket p = flows.get(k).packet();
                String in = ingress(table, p.source());
                String out = ingress(table, p.destination());
                if (in == null || out == null || in.equals(out)) {
                    continue; // not through this router
                }
                if (!passes(filter, cfg.interfaces.get(in).aclIn, p, n)) {
                    continue;
                }
                passes(filter, cfg.interfaces.get(out).aclOut, p, n);
            }
        }
    }

    private boolean passes(IosPacketFilter filter, String aclName, io.portpush.lab.LabPacket p, long n) {
        IosConfig.Acl acl = aclName == null ? null : cfg.acls.get(aclName);
        if (acl == null) {
            return true;
        }
        IosConfig.Ace hit = filter.first(acl, p);
        if (hit != null) {
            hit.matches += n;
        }
        return IosPacketFilter.permits(hit);
    }

    /** The routing table as it stands: the interfaces that are up and the profile's static routes. */
    private List<io.portpush.lab.LabRoutes.Entry> routes() {
        Map<String, IPAddress> up = new LinkedHashMap<>();
        for (IosConfig.Interface i : cfg.interfaces.values()) {
            if (i.address != null && !i.shutdown) {
                up.put(i.name, new IPAddressString(i.address + "/" + i.mask).getAddress());
            }
        }
        return io.portpush.lab.LabRoutes.of(up, ctx.profile().routes());
    }

    /** The interface of the longest route of {@code table} that holds {@code a}, or null. */
    private static String ingress(List<io.portpush.lab.LabRoutes.Entry> table, IPAddress a) {
        return table.stream().filter(e -> e.prefix().contains(a) && !e.iface().isEmpty())
                .max(java.util.Comparator.comparing(e -> e.prefix().getNetworkPrefixLength())).map(io.portpush.lab.LabRoutes.Entry::iface)
                .orElse(null);
    }

    // ---------------------------------------------------------------- archive and revert timer

    private void buildArchive() {
        global.add("archive", inv -> {
            current.enter("config-archive");
            return Reply.NOTHING;
        });
        global.add("no archive", inv -> {
            archive.path = null;
            archive.maximum = 10;
            archive.writeMemory = false;
            return Reply.NOTHING;
        });
        archiveMode.add("path <word>", inv -> {
            archive.path = inv.word(1);
            return Reply.NOTHING;
        });
        archiveMode.add("maximum <n>", inv -> {
            int n = Integer.parseInt(inv.word(1));
            if (n < 1 || n > 14) {
                return invalid(current, inv.offsets().get(1));
            }
            archive.maximum = n;
            return Reply.NOTHING;
        });
        archiveMode.add("write-memory", inv -> {
            archive.writeMemory = true;
            return Reply.NOTHING;
        });
        archiveMode.add("time-period <n>", inv -> Reply.NOTHING);
    }

    /**
     * {@code configure terminal revert timer N} (1-120 minutes): the running configuration is
     * archived first, then configuration mode opens; unless {@code configure confirm} follows
     * within N device minutes the router rolls back to that archive file by itself. Without an
     * archive path there is nothing to roll back to and no timer starts.
     */
    private Reply revertTimer(int minutes, int column) {
        if (minutes < 1 || minutes > 120) {
            return invalid(current, column);
        }
        current.enter("config");
        String banner = "Enter configuration commands, one per line.  End with CNTL/Z.\n";
        if (archive.path == null) {
            return Reply.of(banner);
        }
        String file = archive.save(runningConfigBody(), Instant.now());
        archive.arm(file, ctx.scheduler().schedule(() -> {
            synchronized (cfg) {
                if (file.equals(archive.disarm())) {
                    rollBack(file);
                }
            }
        }, ctx.minute().toMillis() * minutes, java.util.concurrent.TimeUnit.MILLISECONDS));
        return Reply.of("Rollback Confirmed Change: Backing up current running config to " + file + "\n\n" + banner);
    }

    /**
     * Configuration replace to an archive file: what is not in the file goes, what is comes
     * back; returns the device's account of it.
     */
    private String rollBack(String file) {
        String text = archive.text(file);
        if (text == null) {
            return "%Error opening " + file + " (No such file or directory)\n";
        }
        String hostname = cfg.hostname;
        cfg.reset(new IosConfig(ctx.profile()));
        cfg.hostname = hostname;
        String problems = replay(text); // the archive block is in the file: its path comes back with it
        cfg.changed("rollback");
        ctx.log().add(0, "rollback", "Rollback Confirmed Change: rolling to:" + file);
        return "Rollback Confirmed Change: rolling to:" + file + "\n" + (problems.isEmpty() ? "" : problems + "\n") + "Rollback Done\n";
    }

    // ---------------------------------------------------------------- persistence

    @Override
    public String savedConfig() {
        synchronized (cfg) {
            return runningConfigBody();
        }
    }

    @Override
    public String restore(String saved) {
        synchronized (cfg) {
            String problems = replay(saved);
            cfg.startup = runningConfigBody();
            return problems;
        }
    }

    /** Replays a saved configuration line by line in configuration mode, as a router boots. */
    private String replay(String saved) {
        Session boot = new Session(0, "startup", 15);
        boot.enter("config");
        StringBuilder problems = new StringBuilder();
        synchronized (cfg) {
            boolean skipping = false;
            for (String raw : saved.split("\n")) {
                String line = raw.stripTrailing();
                if (line.isBlank() || line.startsWith("!") || line.equals("end")) {
                    continue;
                }
                boolean child = line.startsWith(" ");
                if (!child) {
                    while (boot.depth() > 1) {
                        boot.leave();
                    }
                    // fixed boilerplate of the rendering, with its children
                    skipping = !line.matches("^(hostname|ip access-list|access-list|interface|class-map|policy-map|object-group|snmp-server community|username) .*|^archive$");
                    if (skipping) {
                        continue;
                    }
                } else if (skipping) {
                    continue;
                } else if (line.startsWith("  ") && !boot.mode().equals("config-pmap-c") && !boot.mode().equals("config-pmap")) {
                    continue;
                }
                if (line.startsWith(" class ") && boot.mode().equals("config-pmap-c")) {
                    boot.leave();
                }
                Reply r = dispatch(boot, line.strip());
                if (r.output().startsWith(" ") || r.output().startsWith("%")) {
                    problems.append("'").append(line.strip()).append("': ").append(r.output().strip()).append("; ");
                }
            }
        }
        return problems.toString();
    }
}
