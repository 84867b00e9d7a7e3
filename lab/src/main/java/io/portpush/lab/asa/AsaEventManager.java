package io.portpush.lab.asa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;

/**
 * The firewall's Embedded Event Manager applets, as ASA 9.2 and later keep them (Cisco ASA
 * General Operations CLI Configuration Guide, "Embedded Event Manager"; TAC document 117883,
 * "ASA Embedded Event Manager Configuration Example"): {@code event manager applet NAME}, a
 * {@code description}, a one-shot {@code event timer countdown time SECONDS} (it does not restart
 * unless removed and added again), numbered {@code action N cli command "..."} run in order, and
 * {@code output none} (the default). The lab runs the actions in global configuration mode.
 */
final class AsaEventManager {
    static final class Applet {
        final String name;
        String description;
        int countdown;
        String output = "none";
        final TreeMap<Integer, String> actions = new TreeMap<>();
        ScheduledFuture<?> timer;

        Applet(String name) {
            this.name = name;
        }
    }

    final Map<String, Applet> applets = new LinkedHashMap<>();

    Applet edit(String name) {
        return applets.computeIfAbsent(name, Applet::new);
    }

    void remove(String name) {
        Applet a = applets.remove(name);
        if (a != null && a.timer != null) {
            a.timer.cancel(false);
        }
    }

    /** The applets as {@code show running-config} prints them. */
    String block() {
        StringBuilder sb = new StringBuilder();
        for (Applet a : applets.values()) {
            sb.append("event manager applet ").append(a.name).append('\n');
            if (a.description != null) {
                sb.append(" description ").append(a.description).append('\n');
            }
            if (a.countdown > 0) {
                sb.append(" event timer countdown time ").append(a.countdown).append('\n');
            }
            a.actions.forEach((n, c) -> sb.append(" action ").append(n).append(" cli command \"").append(c).append("\"\n"));
            sb.append(" output ").append(a.output).append('\n');
        }
        return sb.toString();
    }
}
