package io.portpush.lab;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Fault injection for one lab device. Immutable; a device holds the current value and tests or
 * the inventory swap it.
 *
 * @param commandLatencyMillis delay before each command's answer
 * @param loginDelayMillis delay before the banner and first prompt
 * @param dropAfterCommands close the connection when this many lines have been received in one
 *        session (0 = never)
 * @param dropAfterConfigLines close the connection after this many configuration lines in one
 *        session (0 = never)
 * @param refuseCommands lines matching any of these are refused as invalid input
 * @param ignoreLines configuration lines matching any of these are accepted but silently not
 *        applied (a device whose show output disagrees with what was configured)
 * @param refuseLogins every login is refused
 * @param stallCommands lines matching any of these never get an answer (a device that hangs)
 * @param stallAfter how many matching lines are answered normally before the device hangs
 * @param refuseLeft how many more matching lines are refused ({@code -1}: all of them), so a test can
 *        make one step of a change fail while the restore that follows goes through
 */
public record Faults(long commandLatencyMillis, long loginDelayMillis, int dropAfterCommands, int dropAfterConfigLines,
                     List<Pattern> refuseCommands, List<Pattern> ignoreLines, boolean refuseLogins, List<Pattern> stallCommands,
                     java.util.concurrent.atomic.AtomicInteger stallAfter, java.util.concurrent.atomic.AtomicInteger refuseLeft) {

    public static final Faults NONE = new Faults(0, 0, 0, 0, List.of(), List.of(), false, List.of(),
            new java.util.concurrent.atomic.AtomicInteger(), new java.util.concurrent.atomic.AtomicInteger(-1));

    public Faults {
        refuseCommands = List.copyOf(refuseCommands);
        ignoreLines = List.copyOf(ignoreLines);
        stallCommands = List.copyOf(stallCommands);
    }

    /** The device hangs once on a line matching {@code regex}, after answering {@code answered} of them normally. */
    public Faults withStalledCommand(String regex, int answered) {
        List<Pattern> l = new java.util.ArrayList<>(stallCommands);
        l.add(Pattern.compile(regex));
        return new Faults(commandLatencyMillis, loginDelayMillis, dropAfterCommands, dropAfterConfigLines, refuseCommands, ignoreLines,
                refuseLogins, l, new java.util.concurrent.atomic.AtomicInteger(answered), refuseLeft);
    }

    /** Whether the device hangs on this line now (counts down the lines still answered). */
    public boolean stalls(String line) {
        return stallCommands.stream().anyMatch(p -> p.matcher(line).find()) && stallAfter.getAndDecrement() == 0;
    }

    public Faults withCommandLatency(long millis) {
        return new Faults(millis, loginDelayMillis, dropAfterCommands, dropAfterConfigLines, refuseCommands, ignoreLines, refuseLogins, stallCommands, stallAfter, refuseLeft);
    }

    public Faults withLoginDelay(long millis) {
        return new Faults(commandLatencyMillis, millis, dropAfterCommands, dropAfterConfigLines, refuseCommands, ignoreLines, refuseLogins, stallCommands, stallAfter, refuseLeft);
    }

    public Faults withDropAfterCommands(int n) {
        return new Faults(commandLatencyMillis, loginDelayMillis, n, dropAfterConfigLines, refuseCommands, ignoreLines, refuseLogins, stallCommands, stallAfter, refuseLeft);
    }

    public Faults withDropAfterConfigLines(int n) {
        return new Faults(commandLatencyMillis, loginDelayMillis, dropAfterCommands, n, refuseCommands, ignoreLines, refuseLogins, stallCommands, stallAfter, refuseLeft);
    }

    public Faults withRefusedCommand(String regex) {
        List<Pattern> l = new java.util.ArrayList<>(refuseCommands);
        l.add(Pattern.compile(regex));
        return new Faults(commandLatencyMillis, loginDelayMillis, dropAfterCommands, dropAfterConfigLines, l, ignoreLines, refuseLogins, stallCommands, stallAfter, refuseLeft);
    }

    public Faults withIgnoredLine(String regex) {
        List<Pattern> l = new java.util.ArrayList<>(ignoreLines);
        l.add(Pattern.compile(regex));
        return new Faults(commandLatencyMillis, loginDelayMillis, dropAfterCommands, dropAfterConfigLines, refuseCommands, l, refuseLogins, stallCommands, stallAfter, refuseLeft);
    }

    public Faults withRefuseLogins(boolean refuse) {
        return new Faults(commandLatencyMillis, loginDelayMillis, dropAfterCommands, dropAfterConfigLines, refuseCommands, ignoreLines, refuse, stallCommands, stallAfter, refuseLeft);
    }

    public boolean refuses(String line) {
        if (refuseCommands.stream().noneMatch(p -> p.matcher(line).find())) {
            return false;
        }
        return refuseLeft.get() < 0 || refuseLeft.getAndDecrement() > 0;
    }

    /** Lines matching {@code regex} are refused once: the first such line fails, later ones (a restore) go through. */
    public Faults withRefusedOnce(String regex) {
        List<Pattern> l = new java.util.ArrayList<>(refuseCommands);
        l.add(Pattern.compile(regex));
        return new Faults(commandLatencyMillis, loginDelayMillis, dropAfterCommands, dropAfterConfigLines, l, ignoreLines, refuseLogins,
                stallCommands, stallAfter, new java.util.concurrent.atomic.AtomicInteger(1));
    }

    public boolean ignores(String line) {
        return ignoreLines.stream().anyMatch(p -> p.matcher(line).find());
    }
}
