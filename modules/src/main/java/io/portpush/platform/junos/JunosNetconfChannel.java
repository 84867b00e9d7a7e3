package io.portpush.platform.junos;

import io.portpush.core.device.CommandChannel;
import io.portpush.core.transport.NetconfSession;
import io.portpush.core.transport.NetconfSession.RpcError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The Junos statements portpush sends, carried over NETCONF (Junos NETCONF XML Management Protocol
 * Developer Guide) instead of typed at the CLI: {@code configure private} opens a private
 * candidate ({@code <open-configuration><private/>}), each {@code set}/{@code delete} line is one
 * {@code <load-configuration action="set">} so a refusal names its line, {@code commit [confirmed N]
 * [comment C]} is {@code <commit-configuration>}, {@code rollback N} a {@code <load-configuration
 * rollback>}, {@code show | compare} a {@code compare="rollback"} request, {@code show configuration
 * PATH [| display set]} a {@code <get-configuration>} of the committed database filtered to PATH, and
 * any other operational command the {@code <command>} RPC. Answers come back as the CLI's texts
 * ({@code error: ...}, {@code commit complete}) so that the one {@link JunosDialect} reads both.
 * Every value goes into XML escaped: a statement cannot close its element or start another RPC.
 */
final class JunosNetconfChannel implements CommandChannel {
    private static final Pattern COMMIT = Pattern.compile("commit(?: (check))?(?: confirmed(?: (\\d+))?)?(?: comment \"([^\"]*)\")?(?: and-quit)?");
    private static final Pattern SHOW_CONFIG = Pattern.compile("show configuration((?: [^|]+?)?)\\s*(\\|\\s*display set)?\\s*");
    /** Junos keywords followed by an identifier ({@code filter NAME}); their XML is {@code <filter><name>NAME</name>}. */
    private static final List<String> NAMED = List.of("filter", "term", "unit", "policer", "prefix-list", "policy-statement",
            "scheduler-map", "scheduler", "forwarding-class", "classifier", "interface-set", "rewrite-rules");

    private final NetconfSession nc;

    JunosNetconfChannel(NetconfSession nc) {
        this.nc = nc;
    }

    @Override
    public String send(String line) {
        String l = line.strip();
        if (l.equals("configure private")) {
            return answer(nc.rpc("<open-configuration><private/></open-configuration>"), "");
        }
        if (l.equals("exit configuration-mode") || l.equals("exit") || l.equals("quit")) {
            return answer(nc.rpc("<close-configuration/>"), "");
        }
        if (l.startsWith("set ") || l.startsWith("delete ")) {
            return answer(nc.rpc("<load-configuration action=\"set\" format=\"text\"><configuration-set>" + NetconfSession.escape(l)
                    + "</configuration-set></load-configuration>"), "");
        }
        if (l.startsWith("rollback")) {
            String n = l.substring(8).strip();
            return answer(nc.rpc("<load-configuration rollback=\"" + (n.isEmpty() ? "0" : NetconfSession.escape(n)) + "\"/>"),
                    "load complete\n");
        }
        Matcher commit = COMMIT.matcher(l);
        if (commit.matches()) {
            return commit(commit.group(1) != null, l.contains(" confirmed"), commit.group(2), commit.group(3));
        }
        if (l.equals("show | compare")) {
            Element r = nc.rpc("<get-configuration compare=\"rollback\" rollback=\"0\" format=\"text\"/>");
            return answer(r, NetconfSession.first(r, "configuration-output").map(Element::getTextContent).orElse(""));
        }
        String op = l.startsWith("run ") ? l.substring(4).strip() : l;
        Matcher show = SHOW_CONFIG.matcher(op);
        if (show.matches()) {
            return showConfiguration(show.group(1).strip(), show.group(2) != null);
        }
        Element r = nc.rpc("<command format=\"text\">" + NetconfSession.escape(op) + "</command>");
        return answer(r, NetconfSession.first(r, "output").map(Element::getTextContent).orElse(""));
    }

    private String commit(boolean check, boolean confirmed, String minutes, String comment) {
        StringBuilder sb = new StringBuilder("<commit-configuration>");
        if (check) {
            sb.append("<check/>");
        }
        if (confirmed) {
            sb.append("<confirmed/>");
            if (minutes != null) {
                sb.append("<confirm-timeout>").append(minutes).append("</confirm-timeout>");
            }
        }
        if (comment != null && !comment.isEmpty()) {
            sb.append("<log>").append(NetconfSession.escape(comment)).append("</log>");
        }
        Element r = nc.rpc(sb.append("</commit-configuration>").toString());
        String ok = check ? "configuration check succeeds\n"
                : (confirmed ? "commit confirmed will be automatically rolled back in " + (minutes == null ? "10" : minutes)
                        + " minutes unless confirmed\n" : "") + "commit complete\n";
        return answer(r, ok);
    }

    /** {@code show configuration PATH}: the committed configuration under PATH, as set lines or as the hierarchy. */
    private String showConfiguration(String path, boolean set) {
        String format = set ? "set" : "text";
        Optional<String> filter = path.isEmpty() ? Optional.of("") : filter(path);
        Element r = nc.rpc("<get-configuration database=\"committed\" format=\"" + format + "\">"
                + (filter.isPresent() && !filter.get().isEmpty() ? "<configuration>" + filter.get() + "</configuration>" : "")
                + "</get-configuration>");
        String text = NetconfSession.first(r, set ? "configuration-set" : "configuration-text").map(Element::getTextContent).orElse("");
        if (filter.isEmpty() && set) {
            // a path whose XML shape portpush does not know: the whole configuration, cut here
            String prefix = "set " + path;
            StringBuilder sb = new StringBuilder();
            text.lines().filter(x -> x.equals(prefix) || x.startsWith(prefix + " ")).forEach(x -> sb.append(x).append('\n'));
            text = sb.toString();
        }
        String body = text.strip();
        return answer(r, body.isEmpty() ? "" : body + "\n");
    }

    /**
     * The Junos XML of a configuration path ({@code firewall family inet filter F} becomes
     * {@code <firewall><family><inet><filter><name>F</name></filter></inet></family></firewall>});
     * empty when the path holds a shape this mapping does not know.
     */
    static Optional<String> filter(String path) {
        String[] w = path.strip().split("\\s+");
        StringBuilder open = new StringBuilder();
        List<String> close = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            String k = w[i];
            if (!k.matches("[a-z][a-z0-9-]*")) {
                return Optional.empty();
            }
            if (k.equals("family") && i + 1 < w.length) {
                open.append("<family><").append(w[++i]).append('>');
                close.add(0, "</" + w[i] + "></family>");
            } else if (k.equals("interfaces") && i + 1 < w.length) {
                open.append("<interfaces><interface><name>").append(NetconfSession.escape(w[++i])).append("</name>");
                close.add(0, "</interface></interfaces>");
            } else if (NAMED.contains(k) && i + 1 < w.length) {
                open.append('<').append(k).append("><name>").append(NetconfSession.escape(w[++i])).append("</name>");
                close.add(0, "</" + k + ">");
            } else if (i == w.length - 1) {
                open.append('<').append(k).append("/>");
            } else {
                open.append('<').append(k).append('>');
                close.add(0, "</" + k + ">");
            }
        }
        return Optional.of(open + String.join("", close));
    }

    /** The reply as the CLI would have answered: its errors as {@code error: ...} lines, else {@code ok}. */
    private static String answer(Element reply, String ok) {
        List<RpcError> errors = NetconfSession.errors(reply);
        StringBuilder sb = new StringBuilder();
        for (RpcError e : errors) {
            sb.append(e.isError() ? "error: " : "warning: ").append(e.describe()).append('\n');
        }
        if (errors.stream().anyMatch(RpcError::isError)) {
            return sb.toString();
        }
        return sb + ok;
    }

    @Override
    public void close() {
        nc.close();
    }
}
