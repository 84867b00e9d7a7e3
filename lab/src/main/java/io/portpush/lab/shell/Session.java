package io.portpush.lab.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * One SSH shell session: the logged-in user, privilege, the mode stack and per-session scratch
 * values (an open candidate, a pending prompt). Only the session's own thread touches it.
 */
public final class Session {
    private final int id;
    private final String user;
    private final Deque<String> modes = new ArrayDeque<>();
    private final Map<String, Object> values = new HashMap<>();
    private int privilege;
    private int configLines;

    public Session(int id, String user, int privilege) {
        this.id = id;
        this.user = user;
        this.privilege = privilege;
    }

    public int id() {
        return id;
    }

    public String user() {
        return user;
    }

    public int privilege() {
        return privilege;
    }

    public void privilege(int level) {
        privilege = level;
    }

    /** The innermost mode, or "" in the top-level (exec) mode. */
    public String mode() {
        return modes.isEmpty() ? "" : modes.peek();
    }

    public void enter(String mode) {
        modes.push(mode);
    }

    public void leave() {
        if (!modes.isEmpty()) {
            modes.pop();
        }
    }

    public void leaveAll() {
        modes.clear();
    }

    public int depth() {
        return modes.size();
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) values.get(key);
    }

    public void put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    public int countConfigLine() {
        return ++configLines;
    }
}
