package io.portpush.lab.ios;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * The configuration archive of an IOS-XE router and its Configuration Rollback Confirmed Change
 * timer ({@code configure terminal revert timer N}, {@code configure confirm},
 * {@code configure revert now}). The texts are the device's own, as a router prints them
 * (byteworks.com, "Cisco configuration rollback and revert timer", IOS-XE session transcripts;
 * blog "How to configure Cisco devices remotely", 2017: {@code Rollback Confirmed Change: Backing
 * up current running config to bootflash:/Backup/backup-May--4-13-16-19.360-0}). The archive file
 * name is the path, the month, the day padded with '-' to two places, the time with milliseconds
 * and the archive's number.
 */
final class IosArchive {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH-mm-ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** {@code archive / path URL}; null when the archive is not configured. */
    String path;
    int maximum = 10;
    boolean writeMemory;
    /** Archived configurations by file name, oldest first. */
    private final Map<String, String> files = new LinkedHashMap<>();
    private int next;
    /** The armed revert, and the file it rolls back to. */
    private ScheduledFuture<?> timer;
    private String revertTo;

    /** Saves {@code running} as the next archive file and returns its name. */
    String save(String running, Instant now) {
        String name = path + "-" + STAMP.format(now) + "-" + pad(now.atZone(ZoneOffset.UTC).getDayOfMonth()) + "-" + TIME.format(now) + "-" + next++;
        files.put(name, running);
        while (files.size() > maximum) {
            files.remove(files.keySet().iterator().next());
        }
        return name;
    }

    private static String pad(int day) {
        return day < 10 ? "-" + day : String.valueOf(day);
    }

    boolean armed() {
        return timer != null;
    }

    void arm(String file, ScheduledFuture<?> f) {
        disarm();
        revertTo = file;
        timer = f;
    }

    /** Stops the timer; returns the file it would have rolled back to, or null when none was armed. */
    String disarm() {
        String was = revertTo;
        if (timer != null) {
            timer.cancel(false);
        }
        timer = null;
        revertTo = null;
        return was;
    }

    String text(String file) {
        return files.get(file);
    }

    /** The configuration block as {@code show running-config} prints it; empty when not configured. */
    String block() {
        if (path == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("archive\n path ").append(path).append('\n');
        if (maximum != 10) {
            sb.append(" maximum ").append(maximum).append('\n');
        }
        if (writeMemory) {
            sb.append(" write-memory\n");
        }
        return sb.append("!\n").toString();
    }

    /** {@code show archive}, as IOS-XE prints it (integrate.uk.com, "IOS-XE configuration archive"). */
    String show() {
        if (path == null) {
            // the lab's own words: no sample of a router without an archive path was found
            return "Archive feature not enabled\n";
        }
        List<String> names = new ArrayList<>(files.keySet());
        StringBuilder sb = new StringBuilder("The maximum archive configurations allowed is " + maximum + ".\n");
        sb.append("There are currently ").append(names.size()).append(" archive configurations saved.\n");
        sb.append("The next archive file will be named ").append(path).append("-<timestamp>-").append(next).append('\n');
        sb.append(" Archive #  Name\n");
        for (int i = 0; i < names.size(); i++) {
            sb.append(String.format("   %-9d%s%s%n", i + 1, names.get(i), i == names.size() - 1 ? " <- Most Recent" : ""));
        }
        return sb.toString();
    }
}
