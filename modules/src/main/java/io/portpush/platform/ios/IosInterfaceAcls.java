package io.portpush.platform.ios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the access lists applied to each interface from IOS / IOS-XE {@code show ip interface}:
 * {@code Inbound  access list is NAME} / {@code Outgoing access list is NAME} (and the IOS-XE
 * {@code Common} lists), {@code is not set} meaning none. Interfaces are recognised by their
 * status line ({@code NAME is up, line protocol is up}), not by indentation: some collectors
 * indent the whole output.
 */
public final class IosInterfaceAcls {
    /** One applied list: direction {@code in}/{@code out}, {@code common} for an IOS-XE common ACL. */
    public record AppliedAcl(String direction, boolean common, String name) {
        @Override
        public String toString() {
            return direction + (common ? " common " : " ") + name;
        }
    }

    private static final Pattern STATUS = Pattern.compile("^(\\S+) is (?:up|down|administratively down|deleted)(?:, line protocol is .*)?$");
    private static final Pattern LIST = Pattern.compile("^(Inbound|Outgoing)\\s+(Common\\s+)?access list is (.+)$");

    private IosInterfaceAcls() {
    }

    /** Interface to the lists applied on it, every interface of the output (an empty list where none is set). */
    public static Map<String, List<AppliedAcl>> read(String output) {
        Map<String, List<AppliedAcl>> out = new LinkedHashMap<>();
        List<AppliedAcl> current = null;
        for (String raw : output.replace("\r", "").split("\n")) {
            String s = raw.strip();
            Matcher st = STATUS.matcher(s);
            if (st.matches()) {
                current = out.computeIfAbsent(st.group(1), k -> new ArrayList<>());
                continue;
            }
            Matcher l = LIST.matcher(s);
            if (current != null && l.matches()) {
                String name = l.group(3).strip();
                if (!name.equals("not set")) {
                    current.add(new AppliedAcl(l.group(1).equals("Inbound") ? "in" : "out", l.group(2) != null, name));
                }
            }
        }
        return out;
    }
}
