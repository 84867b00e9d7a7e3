package io.portpush.lab;

import java.util.HashMap;
import java.util.Map;

/**
 * A lab personality's port keywords, written as the vendor lists them: {@code name port t|u|tu;}
 * rows (t: tcp, u: udp). Each personality keeps its own table; this only reads the format.
 */
public record PortTable(Map<String, Integer> tcp, Map<String, Integer> udp) {
    public static PortTable parse(String table) {
        Map<String, Integer> tcp = new HashMap<>();
        Map<String, Integer> udp = new HashMap<>();
        for (String row : table.replace("\n", " ").split(";")) {
            String[] f = row.strip().split(" ");
            if (f[2].contains("t")) {
                tcp.put(f[0], Integer.parseInt(f[1]));
            }
            if (f[2].contains("u")) {
                udp.put(f[0], Integer.parseInt(f[1]));
            }
        }
        return new PortTable(Map.copyOf(tcp), Map.copyOf(udp));
    }
}
