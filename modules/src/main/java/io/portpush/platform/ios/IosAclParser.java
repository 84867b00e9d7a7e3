package io.portpush.platform.ios;

import io.portpush.core.policy.Action;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.policy.PortRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Cisco IOS / IOS-XE ACLs back into the vendor-neutral model, from {@code show ip
 * access-lists}, {@code show ipv6 access-list} and the running configuration: sequence numbers,
 * remarks, hit counters, {@code host}/wildcard masks, {@code any}, {@code eq}/{@code neq}/
 * {@code range}/{@code gt}/{@code lt} with port keywords, {@code established}, {@code log},
 * IPv6 prefixes, and lines wrapped by a narrow terminal.
 */
public final class IosAclParser {
    private static final Pattern SEQ_LINE = Pattern.compile("^\\s*(\\d+)\\s+(permit|deny|remark)\\b(.*)$");
    private static final Pattern LIST_HEAD = Pattern.compile("^([A-Z][A-Za-z0-9 -]*?)\\s+access list (\\S+)(?:\\s.*)?$");
    private static final Pattern STARTS_LIST = Pattern.compile("^[A-Z][A-Za-z0-9 -]*?\\s+access list \\S+.*");
    // a numbered line of any kind ("10 Dynamic TESTLIST permit ..."), or an entry keyword, starts a line of its own
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)\\s.*");
    private static final Pattern NAMED_ACL = Pattern.compile("^(ip|ipv6) access-list (?:(extended|standard|role-based|resequence) )?(\\S+)$");
    private static final Pattern NUMBERED_ACL = Pattern.compile("^access-list (\\d+) (.*)$");
    private static final Pattern BINDING = Pattern.compile("^(?:ip|ipv6) (?:access-group|traffic-filter) (\\S+) (in|out)$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Four groups of one to three digits joined by dots (the DOTTED pattern, by hand: every address passes here). */
    private static boolean dotted(String w) {
        int groups = 0;
        int digits = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
            } else if (c == '.' && digits > 0 && groups < 3) {
                groups++;
                digits = 0;
            } else {
                return false;
            }
        }
        return groups == 3 && digits > 0;
    }

    /**
     * One line of an ACL as the device numbers it; {@code hits} is the device's counter
     * ({@code (17 matches)} in show output), -1 where the output has none (running-config).
     */
    public record Line(int seq, String text, AclEntry entry, long hits) {
        public Line(int seq, String text, AclEntry entry) {
            this(seq, text, entry, -1);
        }

        public boolean remark() {
            return entry == null;
        }
    }

    /** An entry the model cannot hold (object-groups, non-contiguous wildcards): named, never guessed. */
    public static final class UnsupportedEntry extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UnsupportedEntry(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // a value, not a fault: the line is kept as unrecognised, and a stack trace per line costs
        }
    }

    private IosAclParser() {
    }

    /** Parses one IPv4 ACE ({@code permit tcp host 192.0.2.1 any eq www log}); {@code origin} is kept. */
    public static AclEntry ace(String text, String origin) {
        return ace(text, origin, false);
    }

    /**
     * Parses one ACE of an IPv4 or IPv6 list. Every word must be understood: a protocol, port,
     * ICMP message or option the tables do not know makes the line fail (the caller keeps it as
     * unrecognised), so nothing is read as something else.
     */
    public static AclEntry ace(String text, String origin, boolean v6) {
        return ace(text, origin, v6, null);
    }

    /**
     * As {@link #ace(String, String, boolean)}; {@code seen} (may be null) holds the addresses a
     * read has already parsed, by their text: real lists name the same hosts and networks again
     * and again, and an address set is an immutable value.
     */
    private static AclEntry ace(String text, String origin, boolean v6, Map<String, AddressSet> seen) {
        String t = text.strip();
        int counter = counterStart(t);
        List<String> w = words(counter < 0 ? t : t.substring(0, counter));
        int[] i = {0};
        Action action = switch (next(w, i)) {
            case "permit" -> Action.PERMIT;
            case "deny" -> Action.DENY;
            default -> throw new IllegalArgumentException("not an ACE: " + text);
        };
        String word = next(w, i);
        String proto = IosKeywords.protocol(word)
                .orElseThrow(() -> new IllegalArgumentException("unknown protocol '" + word + "' in '" + text + "'"));
        boolean ports = proto.equals("tcp") || proto.equals("udp");
        AddressSet src = address(w, i, text, seen);
        PortMatch srcPorts = ports ? ports(w, i, proto, text) : PortMatch.ANY;
        AddressSet dst = address(w, i, text, seen);
        PortMatch dstPorts = ports ? ports(w, i, proto, text) : PortMatch.ANY;
        boolean established = false;
        boolean log = false;
        List<String> qualifiers = new ArrayList<>();
        if (proto.equals("icmp") && i[0] < w.size()) {
            icmp(w, i, v6).ifPresent(qualifiers::add);
        }
        while (i[0] < w.size()) {
            String k = w.get(i[0]++).toLowerCase(Locale.ROOT);
            switch (k) {
                case "established" -> established = true;
                case "log", "log-input" -> {
                    log = true;
                    if (k.equals("log-input")) {
                        qualifiers.add("log-input");
                    }
                    // "log (tag = NAME)": the syslog cookie, not an option of the entry ("established" there is a name)
                    if (i[0] + 2 < w.size() && w.get(i[0]).equals("(tag") && w.get(i[0] + 1).equals("=") && w.get(i[0] + 2).endsWith(")")) {
                        String tag = w.get(i[0] + 2);
                        qualifiers.add("log-tag " + tag.substring(0, tag.length() - 1));
                        i[0] += 3;
                    } else if (i[0] < w.size() && !w.get(i[0]).startsWith("(") && k.equals("log") && isCookie(w.get(i[0]))) {
                        qualifiers.add("log-tag " + w.get(i[0]++)); // running-config: "log NAME"
                    }
                }
                case "sequence" -> i[0]++; // IPv6 lists print their sequence number at the end
                case "dscp" -> qualifiers.add("dscp " + header(w, i, IosKeywords.DSCP, 63, text));
                case "precedence" -> qualifiers.add("precedence " + header(w, i, IosKeywords.PRECEDENCE, 7, text));
                case "tos" -> qualifiers.add("tos " + header(w, i, IosKeywords.TOS, 15, text));
                case "option" -> qualifiers.add(k + " " + next(w, i).toLowerCase(Locale.ROOT));
                case "time-range" -> {
                    qualifiers.add(k + " " + next(w, i)); // names are case-sensitive
                    // show output adds the range's state now, "(active)" or "(inactive)": a state of the clock, not of the entry
                    if (i[0] < w.size() && (w.get(i[0]).equals("(active)") || w.get(i[0]).equals("(inactive)"))) {
                        i[0]++;
                    }
                }
                case "ttl" -> {
                    String op = next(w, i).toLowerCase(Locale.ROOT);
                    qualifiers.add("ttl " + op + " " + next(w, i) + (op.equals("range") ? " " + next(w, i) : ""));
                }
                case "match-any", "match-all" -> {
                    StringBuilder flags = new StringBuilder(k);
                    while (i[0] < w.size() && (w.get(i[0]).startsWith("+") || w.get(i[0]).startsWith("-"))) {
                        flags.append(' ').append(w.get(i[0]++).toLowerCase(Locale.ROOT));
                    }
                    qualifiers.add(flags.toString());
                }
                case "fragments", "inactive" -> qualifiers.add(k);
                case "reflect" -> {
                    StringBuilder r = new StringBuilder("reflect ").append(next(w, i));
                    if (i[0] + 1 < w.size() && w.get(i[0]).equals("timeout")) {
                        r.append(" timeout ").append(w.get(i[0] + 1));
                        i[0] += 2;
                    }
                    qualifiers.add(r.toString());
                }
                default -> {
                    if (IosKeywords.TCP_FLAGS.contains(k) && proto.equals("tcp")) {
                        qualifiers.add(k); // a single TCP flag: established psh
                    } else {
                        throw new IllegalArgumentException("'" + k + "' in '" + text + "' is no option portpush knows");
                    }
                }
            }
        }
        return new AclEntry(action, proto, src, srcPorts, dst, dstPorts, established, log, origin, qualifiers);
    }

    /** The words of a line, split on runs of spaces (no regular expression: every line passes here). */
    static List<String> words(String t) {
        List<String> out = new ArrayList<>(16);
        int n = t.length();
        int i = 0;
        while (i < n) {
            while (i < n && space(t.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !space(t.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(t.substring(start, i));
            }
        }
        return out;
    }

    /** Whitespace, the common space decided first. */
    private static boolean space(char c) {
        return c == ' ' || (c < ' ' || c > 127) && Character.isWhitespace(c);
    }

    private static boolean isCookie(String word) {
        return !List.of("time-range", "dscp", "precedence", "tos", "ttl", "fragments", "option", "sequence", "inactive", "log-input")
                .contains(word.toLowerCase(Locale.ROOT));
    }

    /** An ICMP message after the addresses: a name, or a type with an optional code, as {@code icmp TYPE[/CODE]}. */
    private static java.util.Optional<String> icmp(List<String> w, int[] i, boolean v6) {
        String k = w.get(i[0]).toLowerCase(Locale.ROOT);
        String prefix = v6 ? "icmp6 " : "icmp ";
        String named = (v6 ? IosKeywords.ICMP6 : IosKeywords.ICMP).get(k);
        if (named != null) {
            i[0]++;
            return java.util.Optional.of(prefix + named);
        }
        if (io.portpush.core.policy.IpProtocols.number(k, 255) >= 0) {
            i[0]++;
            if (i[0] < w.size() && io.portpush.core.policy.IpProtocols.number(w.get(i[0]), 255) >= 0) {
                return java.util.Optional.of(prefix + k + "/" + w.get(i[0]++));
            }
            return java.util.Optional.of(prefix + k);
        }
        return java.util.Optional.empty();
    }

    private static int header(List<String> w, int[] i, Map<String, Integer> names, int max, String text) {
        String v = next(w, i);
        return IosKeywords.value(names, v, max)
                .orElseThrow(() -> new IllegalArgumentException("unknown value '" + v + "' in '" + text + "'"));
    }

    /**
     * One entry of a standard list: {@code permit 10.1.2.3 log}, {@code deny 192.168.1.0, wildcard bits 0.0.0.255}
     * (show), {@code permit 192.168.1.0 0.0.0.255} (running-config), {@code permit host A}, {@code deny any}: a source only.
     */
    public static AclEntry standardAce(String text, String origin) {
        String stripped = text.strip();
        int counter = counterStart(stripped);
        String t = (counter < 0 ? stripped : stripped.substring(0, counter)).replace(", wildcard bits ", " ").strip();
        List<String> w = words(t);
        int[] i = {0};
        Action action = switch (next(w, i)) {
            case "permit" -> Action.PERMIT;
            case "deny" -> Action.DENY;
            default -> throw new IllegalArgumentException("not an entry: " + text);
        };
        AddressSet src;
        String first = next(w, i);
        if (first.equals("any")) {
            src = AddressSet.ANY;
        } else if (first.equals("host")) {
            src = AddressSet.of(next(w, i));
        } else if (i[0] < w.size() && dotted(w.get(i[0]))) {
            i[0]--;
            src = address(w, i, text, null);
        } else {
            src = AddressSet.of(first);
        }
        boolean log = false;
        List<String> qualifiers = new ArrayList<>();
        while (i[0] < w.size()) {
            String k = w.get(i[0]++).toLowerCase(Locale.ROOT);
            if (k.equals("log")) {
                log = true;
            } else {
                throw new IllegalArgumentException("'" + k + "' in standard entry '" + text + "' is no option portpush knows");
            }
        }
        return new AclEntry(action, "ip", src, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, log, origin, qualifiers);
    }

    /** The kinds of list portpush reads entry by entry; other kinds' entries are kept as unrecognised lines. */
    enum Kind { EXTENDED, IPV6, STANDARD, OTHER }

    /** One entry of a list of {@code kind}; a line that does not parse becomes an unrecognised entry, never an aborted read. */
    static AclEntry entry(Kind kind, String text, String origin) {
        return entry(kind, text, origin, null);
    }

    private static AclEntry entry(Kind kind, String text, String origin, Map<String, AddressSet> seen) {
        try {
            return switch (kind) {
                case EXTENDED -> ace(text, origin, false, seen);
                case IPV6 -> ace(text, origin, true, seen);
                case STANDARD -> standardAce(text, origin);
                case OTHER -> AclEntry.unrecognised(text);
            };
        } catch (RuntimeException e) {
            return AclEntry.unrecognised(text);
        }
    }

    static Kind kindOfHeader(String kind) {
        String k = kind.toLowerCase(Locale.ROOT).strip();
        if (k.equals("extended ip") || k.equals("extended") || k.equals("fqdn ip")) {
            return Kind.EXTENDED;
        }
        if (k.equals("ipv6") || k.equals("ipv6 fqdn")) {
            return Kind.IPV6;
        }
        return k.equals("standard ip") || k.equals("standard") ? Kind.STANDARD : Kind.OTHER;
    }

    private static String next(List<String> w, int[] i) {
        if (i[0] >= w.size()) {
            throw new IllegalArgumentException("entry ends too early: " + String.join(" ", w));
        }
        return w.get(i[0]++);
    }

    private static AddressSet address(List<String> w, int[] i, String text, Map<String, AddressSet> seen) {
        String k = next(w, i);
        switch (k.toLowerCase(Locale.ROOT)) {
            case "any" -> {
                return AddressSet.ANY;
            }
            case "host" -> {
                String h = next(w, i);
                // FQDN lists: "host dynamic www.example.com", a name resolved at run time
                if (h.equals("dynamic")) {
                    return AddressSet.named("fqdn", next(w, i));
                }
                return seen == null ? AddressSet.of(h) : seen.computeIfAbsent(h, AddressSet::of);
            }
            case "object-group", "addrgroup" -> throw new UnsupportedEntry("object-group in '" + text + "': expand it before comparing");
            default -> {
                if (k.contains("/")) {
                    // IPv6 prefix, or a group member's range as its blocks
                    return seen == null ? AddressSet.parse(List.of(k.split(","))) : seen.computeIfAbsent(k, x -> AddressSet.parse(List.of(x.split(","))));
                }
                String wildcard = next(w, i);
                if (!dotted(k) || !dotted(wildcard)) {
                    throw new IllegalArgumentException("'" + k + " " + wildcard + "' in '" + text + "' is no address and wildcard");
                }
                return seen == null ? AddressSet.ofWildcard(k, wildcard) : seen.computeIfAbsent(k + " " + wildcard, x -> AddressSet.ofWildcard(k, wildcard));
            }
        }
    }

    private static PortMatch ports(List<String> w, int[] i, String proto, String text) {
        if (i[0] >= w.size()) {
            return PortMatch.ANY;
        }
        String op = w.get(i[0]).toLowerCase(Locale.ROOT);
        switch (op) {
            case "eq" -> {
                i[0]++;
                List<PortRange> r = new ArrayList<>();
                r.add(PortRange.of(port(next(w, i), proto, text)));
                int more;
                while (i[0] < w.size() && (more = IosPortNames.port(proto, w.get(i[0]).toLowerCase(Locale.ROOT))) >= 0) {
                    i[0]++;
                    r.add(PortRange.of(more));
                }
                return new PortMatch(r);
            }
            case "range" -> {
                i[0]++;
                int a = port(next(w, i), proto, text);
                int b = port(next(w, i), proto, text);
                return new PortMatch(List.of(new PortRange(a, b)));
            }
            case "gt" -> {
                i[0]++;
                return new PortMatch(List.of(new PortRange(port(next(w, i), proto, text) + 1, 65535)));
            }
            case "lt" -> {
                i[0]++;
                return new PortMatch(List.of(new PortRange(0, port(next(w, i), proto, text) - 1)));
            }
            case "neq" -> {
                // neq takes up to ten ports on IOS-XE ("neq telnet ssh"): every port but those
                i[0]++;
                java.util.TreeSet<Integer> not = new java.util.TreeSet<>();
                not.add(port(next(w, i), proto, text));
                int more;
                while (i[0] < w.size() && (more = IosPortNames.port(proto, w.get(i[0]).toLowerCase(Locale.ROOT))) >= 0) {
                    i[0]++;
                    not.add(more);
                }
                List<PortRange> r = new ArrayList<>();
                int from = 0;
                for (int p : not) {
                    if (p > from) {
                        r.add(new PortRange(from, p - 1));
                    }
                    from = p + 1;
                }
                if (from <= 65535) {
                    r.add(new PortRange(from, 65535));
                }
                return new PortMatch(r);
            }
            default -> {
                return PortMatch.ANY;
            }
        }
    }

    private static int port(String word, String proto, String text) {
        int n = IosPortNames.port(proto, word.toLowerCase(Locale.ROOT));
        if (n < 0) {
            throw new IllegalArgumentException("unknown port '" + word + "' in '" + text + "'");
        }
        return n;
    }

    /**
     * The stripped, non-blank lines of an output, joining lines a narrow terminal wrapped: an
     * indented line that starts neither a list nor an entry continues the previous one. Lines are
     * cut straight out of the output (no split, no second copy to strip): every line of a read
     * passes here.
     */
    static List<String> unwrap(String output) {
        String text = output.indexOf('\r') < 0 ? output : output.replace("\r", "");
        List<String> out = new ArrayList<>();
        int n = text.length();
        int pos = 0;
        while (pos < n) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = n;
            }
            int a = pos;
            int b = end;
            while (a < b && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            if (a < b) {
                String s = text.substring(a, b);
                boolean starts = text.charAt(pos) != ' ' || startsEntry(s) || STARTS_LIST.matcher(s).matches();
                if (!starts && !out.isEmpty()) {
                    out.set(out.size() - 1, out.get(out.size() - 1) + " " + s);
                } else {
                    out.add(s);
                }
            }
            pos = end + 1;
        }
        return out;
    }

    /**
     * Whether a stripped line starts an entry: a number, spaces and a word ({@code 10 permit}), or
     * {@code permit}, {@code deny}, {@code remark}, {@code evaluate}, {@code dynamic} as a word.
     */
    static boolean startsEntry(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > 0) {
            int digits = i;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i > digits && i < n;
        }
        for (String k : STARTING_WORDS) {
            if (s.startsWith(k) && (s.length() == k.length() || !isWordChar(s.charAt(k.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static final List<String> STARTING_WORDS = List.of("permit", "deny", "remark", "evaluate", "dynamic", "Dynamic");

    /**
     * Where a trailing hit counter {@code (N matches)} / {@code (1 match)} of a stripped line
     * starts, or -1: the MATCHES pattern by hand (a search with it cost more than the rest of a
     * read).
     */
    static int counterStart(String s) {
        if (!(s.endsWith(" matches)") || s.endsWith(" match)"))) {
            return -1;
        }
        int open = s.lastIndexOf('(');
        int space = s.indexOf(' ', open);
        if (open < 0 || space <= open + 1) {
            return -1;
        }
        for (int i = open + 1; i < space; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return -1;
            }
        }
        String word = s.substring(space + 1);
        return word.equals("matches)") || word.equals("match)") ? open : -1;
    }

    /**
     * Where the entry of a stripped numbered line ({@code 10 permit ...}, {@code 20 remark ...})
     * starts; 0 when the line is no such entry. The same as {@code SEQ_LINE}, without a regular
     * expression: it runs on every line of a read.
     */
    private static int numberedEntry(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0 || i >= n || s.charAt(i) != ' ') {
            return 0;
        }
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        for (String k : ENTRY_WORDS) {
            int end = i + k.length();
            if (s.startsWith(k, i) && (end == n || !isWordChar(s.charAt(end)))) {
                return i;
            }
        }
        return 0;
    }

    private static final List<String> ENTRY_WORDS = List.of("permit", "deny", "remark");

    /** The decimal number in {@code s[from, to)}, which the caller has checked holds digits only. */
    private static long digits(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /** {@code show ip access-lists} / {@code show ipv6 access-list}: list name to its numbered lines. */
    public static Map<String, List<Line>> showAccessLists(String output) {
        return showAccessLists(output, Map.of());
    }

    /**
     * As {@link #showAccessLists(String)}, resolving object-group references with the groups of
     * {@code show object-group} or the running configuration ({@link #objectGroups}): an entry
     * naming groups becomes the entries IOS evaluates, each with the line's number and counter.
     * Without its groups such a line stays unrecognised: show output does not expand them.
     */
    public static Map<String, List<Line>> showAccessLists(String output, Map<String, List<String>> groups) {
        Map<String, List<Line>> out = new LinkedHashMap<>();
        Map<String, AddressSet> seen = new java.util.HashMap<>();
        List<Line> current = null;
        Kind kind = Kind.OTHER;
        for (String l : unwrap(output)) {
            Matcher head = l.contains("access list ") ? LIST_HEAD.matcher(l) : null;
            if (head != null && head.matches()) {
                // every kind of list starts a list of its own, so no entry is ever attached to the list before it
                kind = kindOfHeader(head.group(1));
                // an FQDN list shares its name with the extended list IOS programs from it: both are kept, apart
                String key = head.group(1).toLowerCase(Locale.ROOT).contains("fqdn") ? head.group(2) + " [fqdn]" : head.group(2);
                current = out.computeIfAbsent(key, k -> new ArrayList<>());
                continue;
            }
            if (current == null) {
                continue;
            }
            long hits = 0;
            String s = l;
            int counter = counterStart(s);
            int cut = s.length();
            if (counter >= 0) {
                hits = digits(s, counter + 1, s.indexOf(' ', counter));
                cut = counter;
                while (cut > 0 && s.charAt(cut - 1) == ' ') {
                    cut--;
                }
            }
            int body = numberedEntry(s);
            if (body > 0) {
                String text = s.substring(body, Math.max(body, cut));
                int n = (int) digits(s, 0, s.indexOf(' '));
                if (!groups.isEmpty() && text.contains("object-group") && (kind == Kind.EXTENDED || kind == Kind.IPV6)) {
                    List<String> ones;
                    try {
                        ones = expand(text, groups);
                    } catch (RuntimeException e) {
                        current.add(new Line(n, text, AclEntry.unrecognised(text), hits));
                        continue;
                    }
                    if (ones.isEmpty()) {
                        // an empty group matches nothing: the line is kept, as what it is, never dropped
                        current.add(new Line(n, text, AclEntry.unrecognised(text + " (an object-group in it is empty)"), hits));
                    }
                    for (String one : ones) {
                        current.add(new Line(n, text, entry(kind, one, "", seen), hits));
                    }
                    continue;
                }
                current.add(new Line(n, text, text.startsWith("remark") ? null : entry(kind, text, "", seen), hits));
            } else if (s.startsWith("permit") || s.startsWith("deny")) {
                s = cut == s.length() ? s : s.substring(0, cut);
                // IPv6 lists print "permit tcp any any eq www sequence 10"
                int at = s.lastIndexOf(" sequence ");
                String number = at < 0 ? "" : s.substring(at + 10);
                boolean numbered = !number.isEmpty() && number.length() <= 10 && number.chars().allMatch(Character::isDigit);
                int n = numbered ? Integer.parseInt(number) : (current.size() + 1) * 10;
                String text = numbered ? s.substring(0, at) : s;
                // IPv6 lists print the counter before the sequence: "permit tcp any any eq bgp (8 matches) sequence 10"
                int before = counterStart(text);
                if (before >= 0) {
                    hits = Long.parseLong(text.substring(text.lastIndexOf('(') + 1, text.indexOf(' ', text.lastIndexOf('('))));
                    text = text.substring(0, before).strip();
                }
                current.add(new Line(n, text, entry(kind, text, "", seen), hits));
            } else {
                s = cut == s.length() ? s : s.substring(0, cut);
                // a line of a list that is no entry portpush knows (dynamic, reflexive, evaluate...): kept, never read as one
                Matcher number = LEADING_NUMBER.matcher(s);
                current.add(new Line(number.matches() ? Integer.parseInt(number.group(1)) : (current.size() + 1) * 10, s,
                        AclEntry.unrecognised(s), hits));
            }
        }
        return out;
    }

    private static final Pattern GROUP_HEAD = Pattern.compile("^object-group (service|network) (\\S+)$");
    /** {@code show object-group}: "Network object group NAME", "V6-Service object group NAME". */
    private static final Pattern SHOW_GROUP_HEAD = Pattern.compile("^(?:V6-)?(Network|Service) object group (\\S+)$");
    private static final java.util.Set<String> PORT_OPS = java.util.Set.of("eq", "neq", "range", "gt", "lt");

    /**
     * Object-group name to its members, {@code "service tcp eq 5222"} or {@code "network host 10.1.1.1"},
     * from the running configuration ({@code object-group network NAME}) or from {@code show
     * object-group} ({@code Network object group NAME}); descriptions are left out.
     */
    public static Map<String, List<String>> objectGroups(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        String type = null;
        for (String raw : text.replace("\r", "").split("\n")) {
            Matcher m = GROUP_HEAD.matcher(raw.stripTrailing());
            Matcher shown = SHOW_GROUP_HEAD.matcher(raw.stripTrailing());
            if (m.matches() || shown.matches()) {
                type = m.matches() ? m.group(1) : shown.group(1).toLowerCase(Locale.ROOT);
                current = out.computeIfAbsent(m.matches() ? m.group(2) : shown.group(2), k -> new ArrayList<>());
            } else if (raw.startsWith(" ") && current != null) {
                String member = raw.strip();
                if (!member.toLowerCase(Locale.ROOT).startsWith("description")) {
                    current.add(type + " " + member);
                }
            } else {
                current = null;
            }
        }
        return out;
    }

    /** A service member: protocol, source port text, destination port text or ICMP message (null when none). */
    private record Service(String proto, String source, String rest) {
    }

    private static List<Service> services(String group, Map<String, List<String>> groups, java.util.Set<String> seen) {
        List<String> members = groups.get(group);
        if (members == null || !members.stream().allMatch(x -> x.startsWith("service ")) || !seen.add(group)) {
            throw new UnsupportedEntry("service object-group '" + group + "' is not known here (read show object-group with it)");
        }
        List<Service> out = new ArrayList<>();
        for (String m : members) {
            List<String> w = List.of(SPACES.split(m.substring(8)));
            if (w.get(0).equals("group-object")) {
                out.addAll(services(w.get(1), groups, seen));
                continue;
            }
            List<String> protos = w.get(0).equals("tcp-udp") ? List.of("tcp", "udp") : List.of(w.get(0));
            int i = 1;
            String source = null;
            if (i < w.size() && w.get(i).equals("source")) {
                int j = portEnd(w, i + 1);
                source = String.join(" ", w.subList(i + 1, j));
                i = j;
            }
            String rest = i < w.size() ? String.join(" ", w.subList(i, w.size())) : null;
            for (String p : protos) {
                out.add(new Service(p, source, rest));
            }
        }
        seen.remove(group);
        return out;
    }

    /** The address words each member of a network group stands for ({@code host A}, {@code A WILDCARD}, {@code P/len}). */
    private static List<String> networks(String group, Map<String, List<String>> groups, java.util.Set<String> seen) {
        List<String> members = groups.get(group);
        if (members == null || !members.stream().allMatch(x -> x.startsWith("network ")) || !seen.add(group)) {
            throw new UnsupportedEntry("network object-group '" + group + "' is not known here (read show object-group with it)");
        }
        List<String> out = new ArrayList<>();
        for (String m : members) {
            String member = m.substring(8);
            List<String> w = List.of(SPACES.split(member));
            switch (w.get(0)) {
                case "any", "host" -> out.add(member);
                case "group-object" -> out.addAll(networks(w.get(1), groups, seen));
                case "range" -> {
                    inet.ipaddr.IPAddress a = new inet.ipaddr.IPAddressString(w.get(1)).getAddress();
                    inet.ipaddr.IPAddress b = new inet.ipaddr.IPAddressString(w.get(2)).getAddress();
                    // one member, one address: the prefix blocks that span the range, comma-joined
                    List<String> blocks = new ArrayList<>();
                    for (inet.ipaddr.IPAddress block : a.spanWithRange(b).spanWithPrefixBlocks()) {
                        blocks.add(block.toPrefixLengthString());
                    }
                    out.add(String.join(",", blocks));
                }
                default -> out.add(w.size() == 1 ? member : wildcardOf(member)); // P/len, or A MASK
            }
        }
        seen.remove(group);
        return out;
    }

    /** Where a port match that starts at {@code i} ({@code eq www 8080}, {@code range 1 2}) ends. */
    private static int portEnd(List<String> w, int i) {
        if (i >= w.size() || !PORT_OPS.contains(w.get(i))) {
            return i;
        }
        String op = w.get(i);
        int j = i + 1;
        if (op.equals("range")) {
            return Math.min(j + 2, w.size());
        }
        if (op.equals("gt") || op.equals("lt")) {
            return Math.min(j + 1, w.size());
        }
        j++;
        while (j < w.size() && (IosPortNames.number("tcp", w.get(j)).isPresent() || IosPortNames.number("udp", w.get(j)).isPresent())) {
            j++;
        }
        return j;
    }

    /** One address of an entry starting at {@code i}: its words, each member's for a group, and where it ends. */
    private static int groupAddress(List<String> w, int i, Map<String, List<String>> groups, List<String> out) {
        String k = w.get(i);
        if (k.equals("any")) {
            out.add("any");
            return i + 1;
        }
        if (k.equals("object-group")) {
            out.addAll(networks(w.get(i + 1), groups, new java.util.HashSet<>()));
            return i + 2;
        }
        if (k.contains("/")) {
            out.add(k);
            return i + 1;
        }
        out.add(k + " " + w.get(i + 1)); // host A, or A WILDCARD
        return i + 2;
    }

    /**
     * An entry naming object-groups, as the entries IOS evaluates: one per service member and
     * address member combination ("Object Groups for ACLs"). Nested groups ({@code group-object})
     * are followed; a group that is not known, or a cycle, is refused by name.
     */
    static List<String> expand(String body, Map<String, List<String>> groups) {
        List<String> w = List.of(SPACES.split(body.strip()));
        if (!w.contains("object-group")) {
            return List.of(body);
        }
        String action = w.get(0);
        int i;
        List<Service> services;
        if (w.get(1).equals("object-group")) {
            services = services(w.get(2), groups, new java.util.HashSet<>());
            i = 3;
        } else {
            services = List.of(new Service(w.get(1), null, null));
            i = 2;
        }
        List<String> sources = new ArrayList<>();
        i = groupAddress(w, i, groups, sources);
        int sp = portEnd(w, i);
        String sourcePorts = String.join(" ", w.subList(i, sp));
        List<String> destinations = new ArrayList<>();
        i = groupAddress(w, sp, groups, destinations);
        int dp = portEnd(w, i);
        String destinationPorts = String.join(" ", w.subList(i, dp));
        String rest = String.join(" ", w.subList(dp, w.size()));
        List<String> out = new ArrayList<>();
        for (Service svc : services) {
            if ((svc.source() != null && !sourcePorts.isEmpty()) || (svc.rest() != null && !destinationPorts.isEmpty())) {
                throw new UnsupportedEntry("ports both in service object-group and in '" + body + "'");
            }
            String src = svc.source() != null ? svc.source() : sourcePorts;
            String dst = svc.rest() != null ? svc.rest() : destinationPorts;
            for (String a : sources) {
                for (String b : destinations) {
                    out.add(String.join(" ", java.util.stream.Stream.of(action, svc.proto(), a, src, b, dst, rest)
                            .filter(x -> !x.isEmpty()).toList()));
                }
            }
        }
        return out;
    }

    /**
     * Each group as the entries it stands for ({@code show object-group} read on its own): a
     * network group as {@code permit ip MEMBERS -> any}, a service group as one entry per member.
     */
    public static Map<String, List<AclEntry>> groupEntries(Map<String, List<String>> groups) {
        Map<String, List<AclEntry>> out = new LinkedHashMap<>();
        groups.forEach((name, members) -> {
            boolean service = members.stream().anyMatch(m -> m.startsWith("service "));
            List<AclEntry> entries = new ArrayList<>();
            if (!members.isEmpty()) {
                String as = service ? "permit object-group " + name + " any any" : "permit ip object-group " + name + " any";
                try {
                    expand(as, groups).forEach(one -> entries.add(entry(Kind.EXTENDED, one, "")));
                } catch (RuntimeException e) {
                    entries.add(AclEntry.unrecognised("object-group " + name + ": " + e.getMessage()));
                }
            }
            out.put(name, entries);
        });
        return out;
    }

    private static String wildcardOf(String addressAndMask) {
        String[] p = addressAndMask.split(" ");
        long mask = new inet.ipaddr.IPAddressString(p[1]).getAddress().getValue().longValue();
        long wc = ~mask & 0xffffffffL;
        return p[0] + " " + ((wc >> 24) & 0xff) + "." + ((wc >> 16) & 0xff) + "." + ((wc >> 8) & 0xff) + "." + (wc & 0xff);
    }

    /** What the running configuration says about ACLs: named lists with remarks, and bindings. */
    public record Running(Map<String, List<Line>> acls, Map<String, List<Binding>> bindings) {
    }

    /** Parses a {@code show running-config} for ACL blocks, numbered ACL lines and {@code ip access-group} bindings. */
    public static Running runningConfig(String text) {
        Map<String, List<String>> groups = objectGroups(text);
        Map<String, List<Line>> acls = new LinkedHashMap<>();
        Map<String, List<Binding>> bindings = new LinkedHashMap<>();
        List<Line> current = null;
        Kind kind = Kind.EXTENDED;
        String iface = null;
        String pendingRemark = "";
        for (String raw : text.replace("\r", "").split("\n")) {
            String line = raw.stripTrailing();
            if (!line.startsWith(" ")) {
                current = null;
                iface = null;
                pendingRemark = "";
                Matcher acl = NAMED_ACL.matcher(line);
                Matcher numbered = NUMBERED_ACL.matcher(line);
                if (acl.matches()) {
                    current = acls.computeIfAbsent(acl.group(3), k -> new ArrayList<>());
                    kind = acl.group(1).equals("ipv6") ? Kind.IPV6
                            : acl.group(2) == null || acl.group(2).equals("extended") ? Kind.EXTENDED
                            : acl.group(2).equals("standard") ? Kind.STANDARD : Kind.OTHER;
                } else if (numbered.matches()) {
                    List<Line> l = acls.computeIfAbsent(numbered.group(1), k -> new ArrayList<>());
                    String body = numbered.group(2).strip();
                    int number = Integer.parseInt(numbered.group(1));
                    // 1-99 and 1300-1999 are standard lists (Cisco IOS IP access list numbering)
                    Kind k = number < 100 || (number >= 1300 && number <= 1999) ? Kind.STANDARD : Kind.EXTENDED;
                    l.add(new Line((l.size() + 1) * 10, body, body.startsWith("remark") ? null : entry(k, body, "")));
                } else if (line.startsWith("interface ")) {
                    iface = line.substring(10).strip();
                }
                continue;
            }
            String s = line.strip();
            if (current != null) {
                Matcher seq = SEQ_LINE.matcher(s);
                String body;
                int n;
                if (seq.matches()) {
                    n = Integer.parseInt(seq.group(1));
                    body = seq.group(2) + seq.group(3);
                } else {
                    n = (current.size() + 1) * 10;
                    body = s;
                }
                if (body.startsWith("remark")) {
                    pendingRemark = body.substring(6).strip().replaceFirst("^portpush ", "");
                    current.add(new Line(n, body, null));
                } else {
                    List<String> ones;
                    try {
                        ones = kind == Kind.EXTENDED || kind == Kind.IPV6 ? expand(body, groups) : List.of(body);
                    } catch (RuntimeException e) {
                        ones = List.of();
                        current.add(new Line(n, body.replaceAll("\\s+", " "), AclEntry.unrecognised(body)));
                    }
                    if (ones.isEmpty() && current.stream().noneMatch(l -> l.seq() == n && l.entry() != null && l.entry().unrecognised())) {
                        // an entry whose group is empty matches nothing: kept as a line, never dropped
                        current.add(new Line(n, body.replaceAll("\\s+", " "), AclEntry.unrecognised(body + " (an object-group in it is empty)")));
                    }
                    for (String one : ones) {
                        current.add(new Line(n, body.replaceAll("\\s+", " "), entry(kind, one, pendingRemark)));
                    }
                }
            } else if (iface != null) {
                Matcher b = BINDING.matcher(s);
                if (b.matches()) {
                    bindings.computeIfAbsent(b.group(1), k -> new ArrayList<>())
                            .add(new Binding(iface, b.group(2).equals("in") ? Binding.Direction.IN : Binding.Direction.OUT));
                }
            }
        }
        return new Running(acls, bindings);
    }
}
