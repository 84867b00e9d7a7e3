package io.portpush.lab.shell;

import io.portpush.lab.CommandLog;
import io.portpush.lab.Faults;
import java.util.function.Supplier;

/** What a personality may read about the device it runs in: its name, secrets, faults and log. */
public record DeviceContext(String hostname, String enableSecret, Supplier<Faults> faults, CommandLog log) {
}
