package io.portpush.lab.shell;

/**
 * What a personality answers to one line.
 *
 * @param output text to print before the next prompt, lines separated by {@code \n}; empty for none
 * @param close end the session after printing
 * @param secretNext the next line is a password: do not echo it, log it as a secret
 */
public record Reply(String output, boolean close, boolean secretNext) {
    public static final Reply NOTHING = new Reply("", false, false);

    public static Reply of(String output) {
        return new Reply(output, false, false);
    }

    public static Reply close(String output) {
        return new Reply(output, true, false);
    }

    public static Reply askSecret(String output) {
        return new Reply(output, false, true);
    }
}
