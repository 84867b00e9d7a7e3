package io.portpush.platform.junos;

import io.portpush.core.policy.HitCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Junos {@code show firewall}: per filter, its counters and policers with bytes and packets
 * (Junos CLI reference, {@code show firewall}: "Filter:", "Counters:", "Policers:" tables). A line
 * inside a filter that is none of these is kept as an unrecognised counter.
 */
public final class JunosFirewallCounters {
    private static final Pattern FILTER = Pattern.compile("^Filter: (\\S+)$");
    private static final Pattern ROW = Pattern.compile("^(\\S+)\\s+(\\d+)\\s+(\\d+)$");

    private JunosFirewallCounters() {
    }

    public static Map<String, List<HitCounter>> read(String output) {
        Map<String, List<HitCounter>> out = new LinkedHashMap<>();
        List<HitCounter> current = null;
        String kind = "counter";
        for (String raw : output.replace("\r", "").split("\n")) {
            String s = raw.strip();
            if (s.isEmpty() || s.equals("show firewall")) {
                continue;
            }
            Matcher f = FILTER.matcher(s);
            if (f.matches()) {
                current = out.computeIfAbsent(f.group(1), k -> new ArrayList<>());
                continue;
            }
            if (current == null) {
                continue; // the echoed command or a banner before the first filter
            }
            if (s.equals("Counters:") || s.equals("Policers:")) {
                kind = s.equals("Counters:") ? "counter" : "policer";
                continue;
            }
            if (s.matches("Name\\s+Bytes\\s+Packets")) {
                continue;
            }
            Matcher r = ROW.matcher(s);
            current.add(r.matches() ? new HitCounter(r.group(1), kind, Long.parseLong(r.group(2)), Long.parseLong(r.group(3)))
                    : HitCounter.unrecognised(s));
        }
        return out;
    }
}
