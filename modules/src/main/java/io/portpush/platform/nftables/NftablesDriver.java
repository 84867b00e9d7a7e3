package io.portpush.platform.nftables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.core.device.DeviceCommandException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclTemplateModel;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.policy.HostFirewallDriver;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.policy.PortRange;
import io.portpush.core.template.TemplateEngine;
import io.portpush.core.transport.SshConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Linux nftables over SSH: each ACL is a base chain of the portpush-owned table
 * {@code inet portpush}, written with one {@code nft -f -} transaction (all or nothing, by
 * the kernel) and read back with {@code nft -j list chain}.
 */
public final class NftablesDriver implements HostFirewallDriver {
    static final String TEMPLATE = "linux_nftables/acl.j2";
    private static final ObjectMapper JSON = new ObjectMapper();


    /** The whole portpush table as it is now, as a script that replaces whatever the table holds then (or removes it). */
    @Override
    public Optional<String> snapshot(SshConnection c, Duration timeout) {
        SshConnection.ExecResult r = c.exec("nft list table inet portpush", null, timeout);
        // 'table inet portpush {}' first makes the delete valid whether or not the table exists by then
        String reset = "table inet portpush {}\ndelete table inet portpush\n";
        return Optional.of(r.status() == 0 ? reset + r.stdout() : reset);
    }

    @Override
    public String loadFile(String path) {
        return "nft -f " + path;
    }

    @Override
    public String probe() {
        return "nft list tables";
    }

    @Override
    public boolean filtersTransit(Binding b) {
        return b.target().equals("forward");
    }

    @Override
    public boolean stateful() {
        return true;
    }

    @Override
    public Optional<DeviceAcl> read(SshConnection c, String name, Duration timeout) {
        SshConnection.ExecResult r = c.exec("nft -j list chain inet portpush " + name, null, timeout);
        if (r.status() != 0) {
            if (r.stderr().contains("No such file or directory") || r.stderr().contains("does not exist")) {
                return Optional.empty();
            }
            throw new DeviceCommandException(c.target().host(), "nft -j list chain inet portpush " + name, r.stderr().strip());
        }
        // the counters change with every packet: diffs and history keep the rule, not its count
        String text = COUNTS.matcher(c.exec("nft list chain inet portpush " + name, null, timeout).stdout()).replaceAll("counter");
        return Optional.of(parse(r.stdout(), name, text));
    }

    private static final java.util.regex.Pattern COUNTS = java.util.regex.Pattern.compile("counter packets \\d+ bytes \\d+");

    /** Each rule's {@code counter} packets (-1 for a rule without one), in the order {@link #parse} reads the rules. */
    @Override
    public List<Long> counters(SshConnection c, String name, Duration timeout) {
        SshConnection.ExecResult r = c.exec("nft -j list chain inet portpush " + name, null, timeout);
        if (r.status() != 0) {
            return List.of();
        }
        return counters(r.stdout());
    }

    static List<Long> counters(String json) {
        try {
            List<Long> out = new ArrayList<>();
            for (JsonNode item : JSON.readTree(json).path("nftables")) {
                if (item.has("rule") && rule(item.get("rule")).isPresent()) {
                    long n = -1;
                    for (JsonNode e : item.get("rule").path("expr")) {
                        if (e.has("counter")) {
                            n = e.get("counter").path("packets").asLong(-1);
                        }
                    }
                    out.add(n);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code nft -j list chain} output into the model (the conntrack rule portpush adds is left out). */
    public static DeviceAcl parse(String json, String name, String text) {
        try {
            List<AclEntry> entries = new ArrayList<>();
            List<Binding> bindings = new ArrayList<>();
            String policy = "";
            for (JsonNode item : JSON.readTree(json).path("nftables")) {
                if (item.has("chain") && item.get("chain").has("hook")) {
                    bindings.add(new Binding(item.get("chain").get("hook").asText(), Binding.Direction.IN));
                    policy = item.get("chain").path("policy").asText("accept");
                }
                if (item.has("rule")) {
                    rule(item.get("rule")).ifPresent(entries::add);
                }
            }
            // a base chain that no rule ends decides by its policy (nft(8), CHAINS: "policy"): that is the list's last entry, as
            // Cisco's implicit deny is; portpush's own chains end with their default rule, so nothing is added to them
            if (!policy.isEmpty() && (entries.isEmpty() || !entries.get(entries.size() - 1).catchAll())) {
                entries.add(new AclEntry(policy.equals("drop") ? Action.DENY : Action.PERMIT, "ip", AddressSet.ANY, PortMatch.ANY,
                        AddressSet.ANY, PortMatch.ANY, false, false, "policy " + policy));
            }
            return new DeviceAcl(name, entries, bindings, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connection states a stateful list lets back in: the rule that says only that is return traffic, as portpush's own is. */
    private static final java.util.Set<String> RETURN_STATES = java.util.Set.of("established", "related");

    /** One rule as an entry: its matches and verdict (a marking rule without verdict reads as permit). */
    static Optional<AclEntry> rule(JsonNode rule) {
        String proto = "ip";
        // what a rule matches beyond the model (an interface, a ct state, TCP flags, an ICMP type): kept as qualifiers, so
        // the entry never reads broader than the rule is; a verdict the model has no word for makes the rule unrecognised
        List<String> qualifiers = new ArrayList<>();
        boolean returnTraffic = false;
        List<String> src = new ArrayList<>();
        List<String> dst = new ArrayList<>();
        PortMatch sp = PortMatch.ANY;
        PortMatch dp = PortMatch.ANY;
        boolean log = false;
        Action action = null;
        for (JsonNode e : rule.path("expr")) {
            if (e.has("match")) {
                JsonNode left = e.get("match").get("left");
                JsonNode right = e.get("match").get("right");
                String op = e.get("match").path("op").asText("==");
                if (left.has("ct") && "state".equals(left.get("ct").path("key").asText()) && List.of("in", "==").contains(op)
                        && states(right).stream().allMatch(RETURN_STATES::contains)) {
                    returnTraffic = true; // the conntrack rule: return traffic, not an entry of the intent
                    continue;
                }
                if (left.has("meta") && "l4proto".equals(left.get("meta").path("key").asText()) && op.equals("==")) {
                    proto = right.asText();
                } else if (left.has("payload") && !List.of("==", "in").contains(op)) {
                    qualifiers.add("nft " + e.get("match"));
                } else if (left.has("payload") && left.get("payload").has("protocol")
                        && List.of("protocol", "nexthdr").contains(left.get("payload").path("field").asText())) {
                    proto = right.asText(); // ip protocol tcp, ip6 nexthdr udp
                } else if (left.has("payload") && left.get("payload").has("protocol")) {
                    String p = left.get("payload").get("protocol").asText();
                    String field = left.get("payload").get("field").asText();
                    switch (field) {
                        case "saddr" -> src.add(address(right));
                        case "daddr" -> dst.add(address(right));
                        case "sport" -> {
                            proto = p;
                            sp = ports(right);
                        }
                        case "dport" -> {
                            proto = p;
                            dp = ports(right);
                        }
                        default -> qualifiers.add("nft " + e.get("match")); // tcp flags, icmp type, ip dscp ...
                    }
                } else {
                    qualifiers.add("nft " + e.get("match")); // iifname, ct state new, meta mark ...
                }
            } else if (e.has("jump") || e.has("goto") || e.has("return") || e.has("queue") || e.has("continue")) {
                return Optional.of(AclEntry.unrecognised("nft rule " + rule.path("expr")));
            } else if (e.has("log")) {
                log = true;
            } else if (e.has("accept")) {
                action = Action.PERMIT;
            } else if (e.has("drop") || e.has("reject")) {
                action = Action.DENY;
            } else if (e.has("mangle") && action == null) {
                action = Action.PERMIT;
            }
        }
        if (action == null) {
            return Optional.empty(); // a counter or a log line alone decides nothing
        }
        if (returnTraffic && action == Action.PERMIT && qualifiers.isEmpty() && src.isEmpty() && dst.isEmpty() && sp.any() && dp.any()
                && proto.equals("ip")) {
            return Optional.empty();
        }
        if (returnTraffic) {
            qualifiers.add(0, "ct state established,related"); // the state match, with more: the entry matches less than its fields say
        }
        return Optional.of(new AclEntry(action, proto, AddressSet.parse(src), sp, AddressSet.parse(dst), dp, false, log,
                rule.path("comment").asText(""), qualifiers));
    }

    private static List<String> states(JsonNode right) {
        List<String> out = new ArrayList<>();
        if (right.isArray()) {
            right.forEach(x -> out.add(x.asText()));
        } else if (right.has("set")) {
            right.get("set").forEach(x -> out.add(x.asText()));
        } else {
            out.add(right.asText());
        }
        return out;
    }

    private static String address(JsonNode right) {
        if (right.has("prefix")) {
            return right.get("prefix").get("addr").asText() + "/" + right.get("prefix").get("len").asInt();
        }
        return right.asText();
    }

    private static PortMatch ports(JsonNode right) {
        List<PortRange> r = new ArrayList<>();
        if (right.isInt()) {
            r.add(PortRange.of(right.asInt()));
        } else if (right.has("range")) {
            r.add(new PortRange(right.get("range").get(0).asInt(), right.get("range").get(1).asInt()));
        } else if (right.has("set")) {
            for (JsonNode x : right.get("set")) {
                if (x.isInt()) {
                    r.add(PortRange.of(x.asInt()));
                } else if (x.has("range")) {
                    r.add(new PortRange(x.get("range").get(0).asInt(), x.get("range").get(1).asInt()));
                }
            }
        }
        return new PortMatch(r);
    }

    @Override
    public String render(AclIntent intent, TemplateEngine templates) {
        if (intent.bindings().size() > 1 || intent.bindings().stream().anyMatch(b -> !List.of("input", "forward", "output")
                .contains(b.target()))) {
            throw new io.portpush.core.policy.IntentException("on linux_nftables an ACL is one chain: bind it to one hook "
                    + "(interface: input, forward or output), not " + intent.bindings());
        }
        for (io.portpush.core.policy.AclEntry e : intent.entries()) {
            quotable(e.origin());
        }
        return templates.renderDevice(TEMPLATE, Map.of("acl", AclTemplateModel.of(intent)),
                new SourceLocation("templates/" + TEMPLATE, 0, "acl"));
    }

    /**
     * nft's quoted strings have no escape: a {@code "} would end the comment and let the rest of
     * the value be read as rule syntax ({@code "; flush ruleset; "}). Comments are also limited
     * to 128 bytes (nftables wiki, "Comments": NFT_USERDATA_MAXLEN).
     */
    static void quotable(String text) {
        if (text == null) {
            return;
        }
        if (text.indexOf('"') >= 0) {
            throw new io.portpush.core.wire.UnsafeLineException("refused: the remark '" + io.portpush.core.wire.UnsafeLineException.visible(text)
                    + "' holds '\"', which ends an nftables comment (nft has no escape for it); nothing was sent");
        }
        if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 128) {
            throw new io.portpush.core.wire.UnsafeLineException("refused: the remark '" + io.portpush.core.wire.UnsafeLineException.visible(text)
                    + "' is longer than the 128 bytes nftables keeps in a comment; nothing was sent");
        }
    }

    @Override
    public String removal(String name) {
        return "flush chain inet portpush " + name + "\ndelete chain inet portpush " + name + "\n";
    }

    @Override
    public void apply(SshConnection c, String script, Duration timeout) {
        SshConnection.ExecResult r = c.exec("nft -f -", script, timeout);
        if (r.status() != 0) {
            throw new DeviceCommandException(c.target().host(), "nft -f -", r.stderr().strip());
        }
    }
}
