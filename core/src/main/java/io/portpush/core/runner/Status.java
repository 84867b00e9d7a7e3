package io.portpush.core.runner;

/** A task's outcome on one host, as Ansible names them. */
public enum Status {
    OK, CHANGED, FAILED, UNREACHABLE, SKIPPED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
