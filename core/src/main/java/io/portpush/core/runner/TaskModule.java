package io.portpush.core.runner;

/**
 * A task module ({@code command}, {@code config}, {@code acl}...): one small class behind this
 * interface. It receives its arguments already rendered and must honour check mode: in check
 * mode it may read the device but never change it.
 */
public interface TaskModule {
    /** The name used in playbooks. */
    String name();

    /** Whether the module needs a device session (false for debug, set_fact, template...). */
    boolean needsConnection();

    /** Whether the module takes part in {@code verify} and {@code lint} runs (policy modules do). */
    default boolean audits() {
        return false;
    }

    /**
     * Checks the arguments for one host without connecting to it (the run does this for every
     * host and task before the first connection, and reports every problem at once). Throws an
     * {@link io.portpush.core.error.InvalidInputException} naming the field; the default accepts all.
     */
    default void validate(TaskContext ctx, Object args) {
    }

    /** Runs on one host. Throwing a {@link io.portpush.core.error.PortpushException} fails the host with its message. */
    TaskResult run(TaskContext ctx, Object args);
}
