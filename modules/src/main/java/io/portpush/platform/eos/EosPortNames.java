package io.portpush.platform.eos;

import java.util.Map;
import java.util.Optional;

/**
 * The port names Arista EOS prints in access lists instead of numbers, as far as EOS's own
 * output shows them (Arista EOS User Manual, "ACLs and Route Maps": the default control-plane ACL
 * and the rule examples; ntc-templates' EOS {@code show ip access-lists} sample). A name not here
 * is not guessed: the entry that holds it stays unrecognised.
 */
final class EosPortNames {
    private static final Map<String, Integer> PORTS = Map.ofEntries(
            Map.entry("ssh", 22), Map.entry("telnet", 23), Map.entry("www", 80), Map.entry("snmp", 161), Map.entry("bgp", 179),
            Map.entry("https", 443), Map.entry("msdp", 639), Map.entry("bfd", 3784), Map.entry("bfd-echo", 3785),
            Map.entry("bootps", 67), Map.entry("bootpc", 68), Map.entry("rip", 520), Map.entry("ntp", 123), Map.entry("mlag", 4432),
            // in a field sample too, with the numbers the IANA registry gives these names
            Map.entry("z39-50", 210), Map.entry("ups", 401), Map.entry("time", 37), Map.entry("uucp", 540), Map.entry("vmnet", 175));

    private EosPortNames() {
    }

    /** The port of a number or of a name EOS prints. */
    static Optional<Integer> port(String word) {
        if (word.matches("\\d{1,5}")) {
            int p = Integer.parseInt(word);
            return p <= 65535 ? Optional.of(p) : Optional.empty();
        }
        return Optional.ofNullable(PORTS.get(word));
    }
}
