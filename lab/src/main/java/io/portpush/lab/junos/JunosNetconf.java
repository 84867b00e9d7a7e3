package io.portpush.lab.junos;

import io.portpush.core.transport.NetconfFrames;
import io.portpush.lab.netconf.NetconfServer;
import io.portpush.lab.shell.Reply;
import io.portpush.lab.shell.Session;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Junos NETCONF server of a lab device, answering as the Junos NETCONF XML Management Protocol
 * Developer Guide describes: {@code <get-configuration>} (xml, text, set; candidate or committed;
 * {@code compare="rollback"}), {@code <get-config>}, {@code <load-configuration>} (action merge,
 * replace, override, set; rollback), {@code <lock>}/{@code <unlock>}, {@code <open-configuration>}
 * (private), {@code <validate>}, {@code <commit-configuration>} (check, confirmed, confirm-timeout,
 * log) and the standard {@code <commit>}, {@code <discard-changes>}, {@code <command>},
 * {@code <get-software-information>}, {@code <get-chassis-inventory>} and
 * {@code <get-firewall-filter-information>}. It shares the device's configuration, candidate and
 * commit history with the CLI personality.
 */
public final class JunosNetconf implements NetconfServer.NetconfDevice {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final List<String> CAPABILITIES = List.of(
            NetconfFrames.BASE_1_0,
            NetconfFrames.BASE_1_1,
            "urn:ietf:params:netconf:capability:candidate:1.0",
            "urn:ietf:params:netconf:capability:confirmed-commit:1.0",
            "urn:ietf:params:netconf:capability:validate:1.0",
            "urn:ietf:params:xml:ns:netconf:base:1.0",
            "urn:ietf:params:xml:ns:netconf:capability:candidate:1.0",
            "urn:ietf:params:xml:ns:netconf:capability:confirmed-commit:1.0",
            "urn:ietf:params:xml:ns:netconf:capability:validate:1.0",
            "http://xml.juniper.net/netconf/junos/1.0",
            "http://xml.juniper.net/dmi/system/1.0");

    private final JunosPersonality device;
    private final java.time.Duration minute;

    /** @param minute how long a device minute lasts (confirm timeouts), as the CLI's */
    public JunosNetconf(JunosPersonality device, java.time.Duration minute) {
        this.device = device;
        this.minute = minute;
    }

    @Override
    public List<String> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String replyNamespace() {
        return "http://xml.juniper.net/junos/" + device.version().replaceFirst("R.*", "R0") + "/junos";
    }

    @Override
    public void closed(Session session) {
        device.closed(session);
    }

    @Override
    public String handle(Session s, Element op) {
        return switch (op.getLocalName()) {
            case "get-configuration" -> getConfiguration(s, op);
            case "get-config" -> getConfig(s, op);
            case "load-configuration" -> loadConfiguration(s, op);
            case "lock", "lock-configuration" -> {
                String why = device.lock(s);
                yield why == null ? "<ok/>\n" : NetconfServer.error("protocol", "lock-denied", why, "");
            }
            case "unlock", "unlock-configuration" -> {
                String why = device.unlock(s);
                yield why == null ? "<ok/>\n" : NetconfServer.error("protocol", "operation-failed", why, "");
            }
            case "open-configuration" -> openConfiguration(s, op);
            case "close-configuration" -> {
                device.closePrivate(s);
                yield "<ok/>\n";
            }
            case "validate" -> {
                String problems = device.checkCandidate(s);
                yield problems.isEmpty() ? "<ok/>\n" : checkOutErrors(problems);
            }
            case "commit-configuration" -> commitConfiguration(s, op);
            case "commit" -> commit(s, op);
            case "discard-changes" -> {
                device.discard(s);
                yield "<ok/>\n";
            }
            case "command" -> command(s, op);
            case "get-software-information" -> softwareInformation(op);
            case "get-chassis-inventory" -> chassisInventory();
            case "get-firewall-filter-information" -> firewallInformation(s, op);
            // Junos answers an RPC it does not know with a syntax error naming the element
            default -> NetconfServer.error("protocol", "operation-failed", "syntax error", op.getLocalName());
        };
    }

    private String openConfiguration(Session s, Element op) {
        if (child(op, "private") != null) {
            device.openPrivate(s);
            return "<ok/>\n";
        }
        return NetconfServer.error("protocol", "operation-not-supported", "the lab opens private configurations only", "open-configuration");
    }

    // ---- reading the configuration ----

    private String getConfiguration(Session s, Element op) {
        boolean committed = "committed".equals(op.getAttribute("database"));
        String format = op.getAttribute("format").isEmpty() ? "xml" : op.getAttribute("format");
        if (op.getAttribute("compare").equals("rollback")) {
            int n = op.getAttribute("rollback").isEmpty() ? 0 : Integer.parseInt(op.getAttribute("rollback"));
            List<List<String>> base = device.rollbackPaths(n);
            if (base == null) {
                return NetconfServer.error("protocol", "operation-failed", "Cannot find rollback " + n, "rollback");
            }
            String diff = JunosTree.compare(JunosTree.build(base), JunosTree.build(device.paths(s, committed)));
            return "<configuration-information>\n<configuration-output>\n" + JunosTree.esc(diff) + "</configuration-output>\n"
                    + "</configuration-information>\n";
        }
        Element filter = child(op, "configuration");
        return configuration(select(device.paths(s, committed), filter), format, committed);
    }

    private String getConfig(Session s, Element op) {
        Element source = child(op, "source");
        boolean committed = source == null || child(source, "running") != null;
        Element filter = child(op, "filter");
        Element conf = filter == null ? null : child(filter, "configuration");
        return "<data>\n" + configuration(select(device.paths(s, committed), conf), "xml", committed) + "</data>\n";
    }

    /** The paths under the hierarchies a {@code <configuration>} filter names (all when no filter). */
    private static List<List<String>> select(List<List<String>> paths, Element filter) {
        if (filter == null || JunosTree.fromXml(filter).isEmpty()) {
            return paths;
        }
        List<List<String>> prefixes = JunosTree.fromXml(filter).stream().map(JunosTree.Change::words).toList();
        return paths.stream().filter(p -> prefixes.stream().anyMatch(x -> p.size() >= x.size() && p.subList(0, x.size()).equals(x)))
                .toList();
    }

    private String configuration(List<List<String>> paths, String format, boolean committed) {
        JunosTree.Node root = JunosTree.build(paths);
        return switch (format) {
            case "text" -> "<configuration-text>\n" + JunosTree.esc(JunosTree.hierarchy(root)) + "</configuration-text>\n";
            case "set" -> "<configuration-set>\n" + JunosTree.esc(String.join("\n", JunosTree.displaySet(root)))
                    + (root.children.isEmpty() ? "" : "\n") + "</configuration-set>\n";
            case "xml" -> {
                long secs = device.lastCommit().getEpochSecond();
                String attrs = committed
                        ? " junos:commit-seconds=\"" + secs + "\" junos:commit-localtime=\"" + LOCAL.format(device.lastCommit())
                                + "\" junos:commit-user=\"" + device.lastCommitUser() + "\""
                        : " junos:changed-seconds=\"" + secs + "\" junos:changed-localtime=\"" + LOCAL.format(device.lastCommit()) + "\"";
                yield "<configuration" + attrs + ">\n" + JunosTree.xml(root) + "\n</configuration>\n";
            }
            default -> NetconfServer.error("protocol", "operation-failed", "invalid value for format: " + format, "format");
        };
    }

    // ---- changing the candidate ----

    private String loadConfiguration(Session s, Element op) {
        if (!op.getAttribute("rollback").isEmpty()) {
            int n;
            try {
                n = Integer.parseInt(op.getAttribute("rollback"));
            } catch (NumberFormatException e) {
                return NetconfServer.error("protocol", "bad-attribute", "invalid rollback number", "rollback");
            }
            return device.loadRollback(s, n) ? "<load-configuration-results>\n<ok/>\n</load-configuration-results>\n"
                    : NetconfServer.error("protocol", "operation-failed", "Cannot find rollback " + n, "rollback");
        }
        String action = op.getAttribute("action").isEmpty() ? "merge" : op.getAttribute("action");
        String format = op.getAttribute("format").isEmpty() ? "xml" : op.getAttribute("format");
        if (!List.of("merge", "replace", "override", "set", "update").contains(action)) {
            return NetconfServer.error("protocol", "bad-attribute", "invalid value for action: " + action, "action");
        }
        List<String> errors = new ArrayList<>();
        if (action.equals("set")) {
            Element set = child(op, "configuration-set");
            if (!format.equals("text") || set == null) {
                return NetconfServer.error("protocol", "operation-failed", "action set needs format=\"text\" and <configuration-set>",
                        "load-configuration");
            }
            for (String line : set.getTextContent().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JunosPersonality.LoadError e = device.loadLine(s, line.strip());
                if (e != null) {
                    errors.add(NetconfServer.error("protocol", "operation-failed", e.message(), e.badElement()));
                }
            }
        } else {
            List<JunosTree.Change> changes;
            try {
                if (format.equals("text")) {
                    Element text = child(op, "configuration-text");
                    if (text == null) {
                        return NetconfServer.error("protocol", "operation-failed", "format text needs <configuration-text>", "load-configuration");
                    }
                    changes = JunosTree.fromText(text.getTextContent());
                } else if (format.equals("xml")) {
                    Element conf = child(op, "configuration");
                    if (conf == null) {
                        return NetconfServer.error("protocol", "operation-failed", "format xml needs <configuration>", "load-configuration");
                    }
                    changes = JunosTree.fromXml(conf);
                } else {
                    return NetconfServer.error("protocol", "bad-attribute", "invalid value for format: " + format, "format");
                }
            } catch (IllegalArgumentException e) {
                return "<load-configuration-results>\n" + NetconfServer.error("protocol", "operation-failed", "syntax error: " + e.getMessage(), "")
                        + "<load-error-count>1</load-error-count>\n</load-configuration-results>\n";
            }
            if (action.equals("override")) {
                device.clearCandidate(s);
            }
            for (JunosTree.Change c : changes) {
                switch (c.op()) {
                    case REPLACE -> {
                        if (action.equals("replace")) {
                            device.clearUnder(s, c.words());
                        }
                    }
                    case DELETE -> device.clearUnder(s, c.words());
                    case SET -> {
                        JunosPersonality.LoadError e = device.loadPath(s, c.words(), true);
                        if (e != null) {
                            errors.add(NetconfServer.error("protocol", "operation-failed", e.message(), e.badElement()));
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }
        if (errors.isEmpty()) {
            return "<load-configuration-results>\n<ok/>\n</load-configuration-results>\n";
        }
        return "<load-configuration-results>\n" + String.join("", errors) + "<load-error-count>" + errors.size()
                + "</load-error-count>\n</load-configuration-results>\n";
    }

    // ---- committing ----

    private String commitConfiguration(Session s, Element op) {
        if (child(op, "check") != null) {
            String problems = device.checkCandidate(s);
            return problems.isEmpty()
                    ? "<commit-results>\n<routing-engine junos:style=\"normal\">\n<name>re0</name>\n<commit-check-success/>\n</routing-engine>\n"
                            + "</commit-results>\n"
                    : "<commit-results>\n" + checkOutErrors(problems) + "</commit-results>\n";
        }
        if (child(op, "at-time") != null) {
            return NetconfServer.error("protocol", "operation-not-supported", "the lab does not schedule commits", "at-time");
        }
        int minutes = 0;
        if (child(op, "confirmed") != null) {
            minutes = 10; // Junos's default for commit confirmed
            Element t = child(op, "confirm-timeout");
            if (t != null) {
                try {
                    minutes = Integer.parseInt(t.getTextContent().strip());
                } catch (NumberFormatException e) {
                    return NetconfServer.error("protocol", "invalid-value", "invalid confirm-timeout: " + t.getTextContent().strip(),
                            "confirm-timeout");
                }
                if (minutes < 1 || minutes > 65535) {
                    return NetconfServer.error("protocol", "invalid-value", "confirm-timeout must be 1..65535 minutes", "confirm-timeout");
                }
            }
        }
        Element log = child(op, "log");
        String why = device.commitFrom(s, log == null ? "" : log.getTextContent().strip(), minute.toMillis() * minutes, minutes);
        if (why != null) {
            return "<commit-results>\n" + checkOutErrors(why) + "</commit-results>\n";
        }
        return "<commit-results>\n<routing-engine junos:style=\"normal\">\n<name>re0</name>\n<commit-success/>\n</routing-engine>\n"
                + "</commit-results>\n";
    }

    /** RFC 6241 {@code <commit>}: confirm-timeout in seconds (default 600). */
    private String commit(Session s, Element op) {
        long millis = 0;
        int minutes = 0;
        if (child(op, "confirmed") != null) {
            long secs = 600;
            Element t = child(op, "confirm-timeout");
            if (t != null) {
                try {
                    secs = Long.parseLong(t.getTextContent().strip());
                } catch (NumberFormatException e) {
                    return NetconfServer.error("protocol", "invalid-value", "invalid confirm-timeout", "confirm-timeout");
                }
            }
            millis = minute.toMillis() * secs / 60;
            minutes = (int) Math.max(1, secs / 60);
        }
        if (child(op, "persist") != null || child(op, "persist-id") != null) {
            return NetconfServer.error("protocol", "operation-not-supported", "the lab does not keep confirmed commits across sessions", "persist");
        }
        String why = device.commitFrom(s, "", millis, minutes);
        return why == null ? "<ok/>\n" : checkOutErrors(why);
    }

    /** Check-out text ("[edit path]", "'statement'", "message" blocks) as rpc-errors, as Junos reports a failed commit. */
    private static String checkOutErrors(String problems) {
        StringBuilder sb = new StringBuilder();
        String path = "";
        String bad = "";
        for (String raw : problems.split("\n")) {
            String l = raw.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("[edit")) {
                path = l;
            } else if (l.startsWith("'") && l.endsWith("'")) {
                bad = l.substring(1, l.length() - 1);
            } else {
                String message = l.startsWith("error: ") ? l.substring(7) : l;
                sb.append("<rpc-error>\n<error-type>protocol</error-type>\n<error-tag>operation-failed</error-tag>\n")
                        .append("<error-severity>error</error-severity>\n")
                        .append(path.isEmpty() ? "" : "<error-path>" + JunosTree.esc(path) + "</error-path>\n")
                        .append(bad.isEmpty() ? "" : "<error-info>\n<bad-element>" + JunosTree.esc(bad) + "</bad-element>\n</error-info>\n")
                        .append("<error-message>").append(JunosTree.esc(message)).append("</error-message>\n</rpc-error>\n");
                path = "";
                bad = "";
            }
        }
        sb.append("<rpc-error>\n<error-type>protocol</error-type>\n<error-tag>operation-failed</error-tag>\n<error-severity>error</error-severity>\n"
                + "<error-message>configuration check-out failed</error-message>\n</rpc-error>\n");
        return sb.toString();
    }

    // ---- operational requests ----

    private String command(Session s, Element op) {
        String cli = op.getTextContent().strip();
        Reply r = device.operational(s, cli);
        if (r == null || r.output().contains("syntax error")) {
            String bad = cli.isEmpty() ? "command" : cli.split("\\s+")[Math.min(cli.split("\\s+").length - 1, 1)];
            return NetconfServer.error("protocol", "operation-failed", "syntax error, expecting <command>", bad);
        }
        if (!"text".equals(op.getAttribute("format")) && cli.matches("show version\\s*")) {
            return softwareInformation(op);
        }
        return "<output>\n" + JunosTree.esc(r.output()) + "</output>\n";
    }

    private String softwareInformation(Element op) {
        if ("text".equals(op.getAttribute("format"))) {
            return "<output>\nHostname: " + device.hostnameNow() + "\nModel: " + device.model() + "\nJunos: " + device.version() + "\n</output>\n";
        }
        return "<software-information>\n<host-name>" + JunosTree.esc(device.hostnameNow()) + "</host-name>\n<product-model>" + device.model()
                + "</product-model>\n<product-name>" + device.model() + "</product-name>\n<junos-version>" + device.version()
                + "</junos-version>\n<package-information>\n<name>os-kernel</name>\n<comment>JUNOS OS Kernel 64-bit  "
                + "[20221208.f4ab2ab_builder_stable_12_224]</comment>\n</package-information>\n</software-information>\n";
    }

    private String chassisInventory() {
        // a serial per device name, so that two lab devices never share one
        String serial = "VM" + Integer.toHexString(device.hostnameNow().hashCode() & 0x7fffffff).toUpperCase(Locale.ROOT);
        return "<chassis-inventory xmlns=\"http://xml.juniper.net/junos/" + device.version().replaceFirst("R.*", "R0")
                + "/junos-chassis\">\n<chassis junos:style=\"inventory\">\n<name>Chassis</name>\n<serial-number>" + serial
                + "</serial-number>\n<description>" + device.model().toUpperCase(Locale.ROOT) + "</description>\n</chassis>\n</chassis-inventory>\n";
    }

    private String firewallInformation(Session s, Element op) {
        Element name = child(op, "filtername");
        String only = name == null ? null : name.getTextContent().strip();
        if ("text".equals(op.getAttribute("format"))) {
            Reply r = device.operational(s, only == null ? "show firewall" : "show firewall filter " + only);
            return "<output>\n" + JunosTree.esc(r == null ? "" : r.output()) + "</output>\n";
        }
        StringBuilder sb = new StringBuilder("<firewall-information xmlns=\"http://xml.juniper.net/junos/"
                + device.version().replaceFirst("R.*", "R0") + "/junos-filter\">\n");
        for (Map.Entry<String, List<String>> f : device.filterCounters().entrySet()) {
            if (only != null && !only.equals(f.getKey())) {
                continue;
            }
            sb.append("<filter-information>\n<filter-name>").append(JunosTree.esc(f.getKey())).append("</filter-name>\n");
            for (String c : f.getValue()) {
                sb.append("<counter>\n<counter-name>").append(JunosTree.esc(c)).append("</counter-name>\n<packet-count>0</packet-count>\n")
                        .append("<byte-count>0</byte-count>\n</counter>\n");
            }
            sb.append("</filter-information>\n");
        }
        return sb.append("</firewall-information>\n").toString();
    }

    private static Element child(Element e, String localName) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && localName.equals(c.getLocalName())) {
                return c;
            }
        }
        return null;
    }
}
