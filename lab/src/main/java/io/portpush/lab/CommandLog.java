package io.portpush.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.core.device.SecretForms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every line each session sent to a device, in order, with the mode it was typed in. Tests use it
 * to prove, for example, that a dry run sent no configuration command. Secrets typed at a
 * password prompt are logged as {@code <secret>}.
 *
 * <p>A device with a state directory also appends each line and a summary of its answer to
 * {@code session.log} there, one JSON object per line ({@code time}, {@code session}, {@code mode},
 * {@code command}, {@code answer}), so a person who ran {@code lab up} can see what a run sent
 * ({@code portpush lab log HOST}). Secrets are masked in the file: the device's own password and
 * enable secret wherever they appear, and the secret forms of the lab's platforms in commands and
 * answers ({@code secret 9 ...}, {@code password 7 ...}, SNMP communities, keys, Junos {@code $9$}).
 */
public final class CommandLog {
    /** One line typed by a client. {@code mode} is the prompt's mode word, e.g. {@code exec}, {@code config-if}. */
    public record Entry(Instant at, int session, String mode, String line) {
        /** Whether the line was typed in a configuration mode (it may have changed the device). */
        public boolean configMode() {
            return mode.startsWith("config") || mode.equals("configure") || mode.equals("netconf-configure");
        }
    }

    /** The lab's own reading of where its platforms keep secrets (never the product's tables). */
    static final SecretForms FORMS = SecretForms.of(
            "((?:secret|password)\\s+(?:\\d\\s+)?)\\S+",
            "(snmp-server community\\s+)\\S+",
            "((?:pre-shared-key|key-string|key)\\s+(?:\\d\\s+)?)\\S+",
            "(\\b(?:secret|encrypted-password|authentication-key|pre-shared-key ascii-text)\\s+\"?)\\$9\\$[^\"\\s;]*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ANSWER_WIDTH = 120;

    private final List<Entry> entries = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();
    private final Path file;
    private final List<String> known;

    /** A log kept in memory only. */
    public CommandLog() {
        this(null, List.of());
    }

    /** A log that also appends to {@code file} (may be null), masking {@code secrets} (the device's password, enable secret). */
    public CommandLog(Path file, List<String> secrets) {
        this.file = file;
        this.known = secrets.stream().filter(s -> s != null && s.length() >= 3).toList();
    }

    /** A new session number on this device (CLI and NETCONF sessions count together, as a device's process ids do). */
    public int newSession() {
        return sessions.incrementAndGet();
    }

    public synchronized void add(int session, String mode, String line) {
        entries.add(new Entry(Instant.now(), session, mode, line));
    }

    /** Appends the line and a summary of what the device answered to the file (no-op without one). */
    public synchronized void answered(int session, String mode, String line, String answer) {
        if (file == null) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", Instant.now().toString());
        m.put("session", session);
        m.put("mode", mode);
        m.put("command", mask(line));
        m.put("answer", mask(summary(answer)));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(m) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is for people; a full disk must not take the device down with it
        }
    }

    /** The first line of an answer (past a caret marker), shortened, and how many lines followed it; {@code (nothing)} for none. */
    static String summary(String answer) {
        // the caret line under a refused command says where, not what: the message after it is the summary
        List<String> lines = answer.replace("\r", "").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("^")).toList();
        if (lines.isEmpty()) {
            return "(nothing)";
        }
        String first = lines.get(0).length() > ANSWER_WIDTH ? lines.get(0).substring(0, ANSWER_WIDTH) + "..." : lines.get(0);
        return lines.size() == 1 ? first : first + " (+" + (lines.size() - 1) + " lines)";
    }

    private String mask(String text) {
        String out = FORMS.mask(text);
        for (String s : known) {
            out = out.replace(s, SecretForms.MASK);
        }
        return out;
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<Entry> matching(Predicate<Entry> p) {
        return entries.stream().filter(p).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
