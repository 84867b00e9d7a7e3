package io.portpush.platform.asa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ASA objects and object-groups from the running configuration ({@code object network},
 * {@code object service}, {@code object-group network|service|protocol}; Cisco ASA Series
 * Command Reference), and the entries an access-list line naming them stands for: the same
 * expansion {@code show access-list} prints, done from the definitions. A name with no
 * definition in the text stays a named reference.
 */
public final class AsaObjects {
    private static final Pattern HEAD = Pattern.compile("^(object|object-group) (network|service|protocol) (\\S+)(?: (tcp|udp|tcp-udp))?$");
    private static final Set<String> PORT_OPS = Set.of("eq", "neq", "ne", "lt", "gt", "range");

    /** One definition: kind (network, service, protocol), the protocol of a typed service group, its member lines. */
    record Definition(String object, String kind, String typed, List<String> members) {
    }

    /** A service member: protocol, source port text, destination port text or ICMP type text ("" when none). */
    record Service(String protocol, String source, String destination) {
    }

    private final Map<String, Definition> definitions;

    private AsaObjects(Map<String, Definition> definitions) {
        this.definitions = definitions;
    }

    public static AsaObjects parse(String text) {
        Map<String, Definition> defs = new LinkedHashMap<>();
        Definition current = null;
        for (String raw : text.replace("\r", "").split("\n")) {
            Matcher m = HEAD.matcher(raw.strip());
            if (!raw.startsWith(" ") && m.matches()) {
                current = new Definition(m.group(1), m.group(2), m.group(4) == null ? "" : m.group(4), new ArrayList<>());
                defs.put(m.group(3), current);
            } else if (raw.startsWith(" ") && current != null) {
                String member = raw.strip();
                if (!member.startsWith("description")) {
                    current.members().add(member);
                }
            } else {
                current = null;
            }
        }
        return new AsaObjects(defs);
    }

    public boolean isEmpty() {
        return definitions.isEmpty();
    }

    /**
     * Each definition as the entries it stands for ({@code show running-config object} read on its
     * own): a network as {@code permit ip MEMBERS -> any}, a service group as one entry per member;
     * a member that cannot be expanded is kept as its own line.
     */
    public Map<String, List<io.portpush.core.policy.AclEntry>> entries() {
        Map<String, List<io.portpush.core.policy.AclEntry>> out = new LinkedHashMap<>();
        definitions.forEach((name, d) -> {
            List<io.portpush.core.policy.AclEntry> entries = new ArrayList<>();
            try {
                for (String one : expand(d.kind().equals("network") ? "permit ip object " + name + " any" : "permit object-group " + name + " any any")) {
                    String member = one.substring("permit ".length());
                    entries.add(member.startsWith("service-object ") || member.startsWith("group-object ")
                            ? io.portpush.core.policy.AclEntry.unrecognised(member.substring(0, member.indexOf(" any any")))
                            : AsaAclParser.entry(one, ""));
                }
            } catch (RuntimeException e) {
                entries.add(io.portpush.core.policy.AclEntry.unrecognised(d.object() + " " + d.kind() + " " + name + ": " + e.getMessage()));
            }
            out.put(name, entries);
        });
        return out;
    }

    /** Definition names in order, with their kind. */
    public Map<String, String> names() {
        Map<String, String> out = new LinkedHashMap<>();
        definitions.forEach((n, d) -> out.put(n, d.kind()));
        return out;
    }

    private List<String> addresses(String name, Set<String> seen) {
        Definition d = definitions.get(name);
        if (d == null || !d.kind().equals("network") || !seen.add(name)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String m : d.members()) {
            List<String> w = List.of(m.split("\\s+"));
            String k = w.get(0);
            if (k.equals("network-object")) {
                w = w.subList(1, w.size());
                k = w.get(0);
            }
            switch (k) {
                case "host", "range", "fqdn" -> out.add(String.join(" ", w));
                case "subnet" -> out.add(String.join(" ", w.subList(1, w.size())));
                case "object", "group-object" -> {
                    List<String> inner = addresses(w.get(1), seen);
                    if (inner == null) {
                        throw new IllegalArgumentException("'" + w.get(1) + "' in " + name + " is not defined here, or includes " + name + " again");
                    }
                    out.addAll(inner);
                }
                default -> out.add(String.join(" ", w)); // A MASK or P/len
            }
        }
        seen.remove(name);
        return out;
    }

    private List<Service> services(String name, Set<String> seen) {
        Definition d = definitions.get(name);
        if (d == null || d.kind().equals("network") || !seen.add(name)) {
            return null;
        }
        List<Service> out = new ArrayList<>();
        for (String m : d.members()) {
            List<String> w = List.of(m.split("\\s+"));
            String k = w.get(0);
            if (k.equals("group-object") || (k.equals("service-object") && w.get(1).equals("object"))) {
                String ref = w.get(w.size() - 1);
                List<Service> inner = services(ref, seen);
                // not defined here: kept as the member line itself, which no reader takes for an entry
                out.addAll(inner != null ? inner : List.of(new Service(m, "", "")));
            } else if (k.equals("protocol-object")) {
                out.add(new Service(w.get(1), "", ""));
            } else if (k.equals("port-object")) {
                String spec = String.join(" ", w.subList(1, w.size()));
                for (String p : d.typed().equals("tcp-udp") ? List.of("tcp", "udp") : List.of(d.typed())) {
                    out.add(new Service(p, "", spec));
                }
            } else if (k.equals("service-object") || k.equals("service")) {
                out.add(service(w.subList(1, w.size())));
            } else {
                throw new IllegalArgumentException("member '" + m + "' of " + name + " is not one portpush reads");
            }
        }
        seen.remove(name);
        return out;
    }

    /** {@code tcp source range A B destination eq C}, {@code icmp echo 0}, {@code 137}. */
    private static Service service(List<String> w) {
        String proto = w.get(0);
        String source = "";
        String destination = "";
        int i = 1;
        while (i < w.size()) {
            if (w.get(i).equals("source") || w.get(i).equals("destination")) {
                boolean src = w.get(i).equals("source");
                int j = i + 1;
                int end = Math.min(w.size(), j + (w.get(j).equals("range") ? 3 : 2));
                String spec = String.join(" ", w.subList(j, end));
                if (src) {
                    source = spec;
                } else {
                    destination = spec;
                }
                i = end;
            } else {
                destination = String.join(" ", w.subList(i, w.size())); // an ICMP type and code
                break;
            }
        }
        return new Service(proto.equals("tcp-udp") ? "tcp" : proto, source, destination);
    }

    /** How many words an address takes at {@code i}, and its alternatives (members of a known group). */
    private int address(List<String> w, int i, List<String> out) {
        String k = w.get(i);
        switch (k) {
            case "any", "any4", "any6" -> {
                out.add(k);
                return 1;
            }
            case "range" -> {
                out.add(String.join(" ", w.subList(i, i + 3)));
                return 3;
            }
            case "fqdn" -> {
                boolean family = w.get(i + 1).equals("v4") || w.get(i + 1).equals("v6");
                out.add("fqdn " + w.get(i + (family ? 2 : 1)));
                return family ? 3 : 2;
            }
            case "object", "object-group" -> {
                List<String> members = addresses(w.get(i + 1), new HashSet<>());
                out.addAll(members != null ? members : List.of(k + " " + w.get(i + 1)));
                return 2;
            }
            default -> {
                if (k.contains(":") || k.contains("/")) {
                    out.add(k);
                    return 1;
                }
                out.add(k + " " + w.get(i + 1)); // host A, interface X, A MASK
                return 2;
            }
        }
    }

    /** Whether the words at {@code i} are a port match (and not the next address: "range 10.1.1.3 ...", a network group). */
    private boolean startsPorts(List<String> w, int i) {
        String k = w.get(i);
        if (k.equals("object-group")) {
            Definition d = i + 1 < w.size() ? definitions.get(w.get(i + 1)) : null;
            return d != null && d.kind().equals("service");
        }
        if (k.equals("range")) {
            return i + 1 < w.size() && !w.get(i + 1).contains(".") && !w.get(i + 1).contains(":");
        }
        return PORT_OPS.contains(k);
    }

    private int ports(List<String> w, int i, List<String> out) {
        if (i >= w.size()) {
            out.add("");
            return 0;
        }
        String k = w.get(i);
        if (k.equals("object-group") && i + 1 < w.size() && definitions.containsKey(w.get(i + 1))) {
            List<Service> members = services(w.get(i + 1), new HashSet<>());
            members.forEach(s -> out.add(s.destination()));
            return 2;
        }
        if (k.equals("range")) {
            out.add(String.join(" ", w.subList(i, Math.min(w.size(), i + 3))));
            return 3;
        }
        if (PORT_OPS.contains(k)) {
            out.add(String.join(" ", w.subList(i, Math.min(w.size(), i + 2))));
            return 2;
        }
        out.add("");
        return 0;
    }

    /**
     * The entries an extended entry ({@code permit tcp object-group A object B eq 443}) stands for
     * with these definitions; the entry itself when it names nothing defined here.
     */
    public List<String> expand(String body) {
        List<String> w = List.of(body.strip().split("\\s+"));
        if (definitions.isEmpty() || (!w.contains("object") && !w.contains("object-group"))) {
            return List.of(body);
        }
        int i = 1;
        List<Service> services;
        if ((w.get(1).equals("object-group") || w.get(1).equals("object")) && definitions.containsKey(w.get(2))) {
            services = services(w.get(2), new HashSet<>());
            i = 3;
        } else {
            services = List.of(new Service(w.get(1), "", ""));
            i = 2;
        }
        boolean ports = services.stream().allMatch(s -> s.source().isEmpty() && s.destination().isEmpty())
                && List.of("tcp", "udp", "tcp-udp").contains(w.get(1));
        List<String> sources = new ArrayList<>();
        i += address(w, i, sources);
        List<String> sourcePorts = new ArrayList<>();
        if (ports && i < w.size() && startsPorts(w, i)) {
            i += ports(w, i, sourcePorts);
        } else {
            sourcePorts.add("");
        }
        List<String> destinations = new ArrayList<>();
        i += address(w, i, destinations);
        List<String> destinationPorts = new ArrayList<>();
        i += ports ? ports(w, i, destinationPorts) : 0;
        if (destinationPorts.isEmpty()) {
            destinationPorts.add("");
        }
        String rest = String.join(" ", w.subList(i, w.size()));
        List<String> out = new ArrayList<>();
        for (Service svc : services) {
            for (String s : sources) {
                for (String sp : sourcePorts) {
                    for (String d : destinations) {
                        for (String dp : destinationPorts) {
                            String src = svc.source().isEmpty() ? sp : svc.source();
                            String dst = svc.destination().isEmpty() ? dp : svc.destination();
                            out.add(String.join(" ", java.util.stream.Stream.of(w.get(0), svc.protocol(), s, src, d, dst, rest)
                                    .filter(x -> !x.isEmpty()).toList()));
                        }
                    }
                }
            }
        }
        return out;
    }
}
