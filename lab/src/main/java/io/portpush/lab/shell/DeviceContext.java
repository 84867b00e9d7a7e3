package io.portpush.lab.shell;

import io.portpush.lab.CommandLog;
import io.portpush.lab.Faults;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * What a personality may read about the device it runs in: its name, secrets, faults and log,
 * a scheduler for timed events (Junos {@code commit confirmed}) and the length of a device
 * "minute" (shortened in tests so an automatic rollback can be watched), and the profile that
 * makes it unlike other devices (version, interfaces).
 */
public record DeviceContext(String hostname, String enableSecret, Supplier<Faults> faults, CommandLog log,
                            ScheduledExecutorService scheduler, Duration minute, io.portpush.lab.DeviceProfile profile) {
}
