package io.portpush.core.runner;

import io.portpush.core.playbook.Play;
import io.portpush.core.playbook.Task;

/** Receives the run's progress, for the console and reports. Calls come from several threads. */
public interface RunListener {
    default void playStarted(Play play, java.util.List<String> hosts) {
    }

    default void taskStarted(Task task) {
    }

    default void hostResult(Task task, String host, TaskResult result) {
    }

    /** Every task of a batch has run (the place to record the batch in history). */
    /** Every host of the batch finished {@code task}: its results in run order (for reviews that group them). */
    default void taskFinished(io.portpush.core.playbook.Task task, java.util.Map<String, TaskResult> results) {
    }

    default void batchFinished(Play play, java.util.List<String> hosts) {
    }

    /** A line for -vv: a command sent to a host (already redacted). */
    default void sent(String host, String line) {
    }

    /** A device's answer for -vvv (already redacted). */
    default void received(String host, String output) {
    }

    default void warning(String message) {
    }

    /** A plain line for the person (where history was recorded, what was verified). */
    default void note(String message) {
    }
}
