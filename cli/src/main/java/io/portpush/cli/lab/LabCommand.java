package io.portpush.cli.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.portpush.cli.TextTable;
import io.portpush.core.error.NotFoundException;
import io.portpush.core.inventory.Inventory;
import io.portpush.core.inventory.InventoryLoader;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portpush lab up|down|status}: simulated devices for the lab hosts of an inventory. */
@Command(name = "lab", description = "Run simulated SSH devices (IOS-XE, ASA, Junos) for an inventory's lab hosts.",
        subcommands = {LabCommand.Up.class, LabCommand.Down.class, LabCommand.Status.class, LabCommand.Log.class})
public final class LabCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Path state(Path stateDir) {
        return stateDir == null ? Path.of(".portpush").toAbsolutePath() : stateDir.toAbsolutePath();
    }

    /** The pid of the live process that recorded {@code lab.json}, if it is still running. */
    static java.util.Optional<Long> running(Path labJson) {
        if (!Files.exists(labJson)) {
            return java.util.Optional.empty();
        }
        try {
            long pid = JSON.readTree(labJson.toFile()).path("pid").asLong(-1);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    @Command(name = "up", description = {"Start a device for every host with portpush_lab: true; runs until stopped (Ctrl-C or 'lab down').",
            "Devices keep their configuration under STATE/lab between runs; host keys go to STATE/known_hosts."})
    static final class Up implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = {"-i", "--inventory"}, required = true) Path inventory;
        @Option(names = "--state-dir", paramLabel = "DIR") Path stateDir;

        @Override
        public void run() {
            Path state = state(stateDir);
            Inventory inv = InventoryLoader.load(inventory);
            if (LabInventory.labHosts(inv).isEmpty()) {
                throw new NotFoundException("no host of " + inventory + " is a lab device (set portpush_lab: true and a platform the lab "
                        + "simulates: " + String.join(", ", io.portpush.lab.Personalities.PLATFORMS) + ")");
            }
            Path lab = state.resolve("lab").resolve("lab.json");
            running(lab).ifPresent(pid -> {
                throw new io.portpush.core.error.LockedException("a lab is already running for " + state + " (pid " + pid
                        + "); use it as it is, or stop it first with 'portpush lab down" + (stateDir == null ? "" : " --state-dir " + stateDir)
                        + "'");
            });
            LabFleet fleet = new LabFleet(state.resolve("lab"));
            List<LabDevice> started = LabInventory.start(fleet, inv, state.resolve("known_hosts"));
            PrintWriter out = spec.commandLine().getOut();
            TextTable t = new TextTable(List.of("HOST", "PLATFORM", "ADDRESS", "FINGERPRINT"), 60);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (LabDevice d : started) {
                t.row(d.name(), d.spec().platform(), d.host() + ":" + d.port(), d.fingerprint());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", d.name());
                m.put("platform", d.spec().platform());
                m.put("host", d.host());
                m.put("port", d.port());
                rows.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("pid", ProcessHandle.current().pid());
            doc.put("devices", rows);
            out.print(t.render());
            out.printf("%n%d lab devices up (pid %d). Try: ssh -p %d %s@127.0.0.1   Stop with Ctrl-C or 'portpush lab down'.%n",
                    started.size(), ProcessHandle.current().pid(), started.isEmpty() ? 0 : started.get(0).port(),
                    started.isEmpty() ? "admin" : started.get(0).spec().username());
            out.flush();
            // lab.json last: whoever waits for it (a run, a test) finds the devices up and the banner printed
            try {
                Files.createDirectories(lab.getParent());
                Files.writeString(lab, JSON.writeValueAsString(doc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                fleet.close();
                try {
                    // only the lab that wrote the record removes it
                    if (running(lab).map(pid -> pid == ProcessHandle.current().pid()).orElse(false)) {
                        Files.deleteIfExists(lab);
                    }
                } catch (IOException e) {
                    // the next 'lab up' overwrites it
                }
                stop.countDown();
            }));
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Command(name = "down", description = "Stop the lab started by 'lab up' (its devices save their configuration).")
    static final class Down implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = "--state-dir", paramLabel = "DIR") Path stateDir;

        @Override
        public void run() {
            Path lab = state(stateDir).resolve("lab").resolve("lab.json");
            if (!Files.exists(lab)) {
                throw new NotFoundException("no lab is running here (" + lab + " is absent)");
            }
            try {
                long pid = JSON.readTree(lab.toFile()).get("pid").asLong();
                ProcessHandle.of(pid).ifPresent(p -> {
                    p.destroy();
                    p.onExit().join();
                });
                Files.deleteIfExists(lab);
                spec.commandLine().getOut().println("lab stopped (pid " + pid + ")");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "status", description = "Show the running lab's devices.")
    static final class Status implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = "--state-dir", paramLabel = "DIR") Path stateDir;

        @Override
        public void run() {
            Path lab = state(stateDir).resolve("lab").resolve("lab.json");
            if (!Files.exists(lab)) {
                throw new NotFoundException("no lab is running here");
            }
            try {
                spec.commandLine().getOut().print(Files.readString(lab) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "log", description = {"Print what clients sent a lab device and what it answered (secrets masked),",
            "from .portpush/lab/HOST/session.log; --follow keeps printing new lines until Ctrl-C."})
    static final class Log implements java.util.concurrent.Callable<Integer> {
        @Spec CommandSpec spec;
        @picocli.CommandLine.Parameters(paramLabel = "HOST", description = "The lab host, as named in the inventory.") String host;
        @Option(names = "--follow", description = "Keep printing lines as the device receives them.") boolean follow;
        @Option(names = "--state-dir", paramLabel = "DIR") Path stateDir;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (!host.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                throw new io.portpush.core.error.InvalidInputException(new io.portpush.core.error.SourceLocation("HOST", 0, ""),
                        "'" + host + "' is no host name");
            }
            Path log = state(stateDir).resolve("lab").resolve(host).resolve("session.log");
            if (!Files.isRegularFile(log) && !follow) {
                throw new NotFoundException("no session log for " + host + " (" + log + "): is " + host
                        + " a lab host, and has anything connected to it since 'lab up'?");
            }
            PrintWriter out = spec.commandLine().getOut();
            long at = 0;
            do {
                if (Files.isRegularFile(log) && Files.size(log) > at) {
                    byte[] b;
                    try (var f = new java.io.RandomAccessFile(log.toFile(), "r")) {
                        f.seek(at);
                        b = new byte[(int) (f.length() - at)];
                        f.readFully(b);
                    }
                    int end = b.length; // up to the last line feed: a line still being written waits for the next round
                    while (end > 0 && b[end - 1] != '\n') {
                        end--;
                    }
                    new String(b, 0, end, java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                            .forEach(l -> out.println(render(l)));
                    at += end;
                    out.flush();
                }
                if (follow) {
                    Thread.sleep(200);
                }
            } while (follow);
            return 0;
        }

        /** {@code TIME  #SESSION  MODE  COMMAND  -> ANSWER}; a line that is no JSON is printed as it is. */
        static String render(String json) {
            try {
                var n = JSON.readTree(json);
                return String.format("%s  #%s  %-15s  %s  -> %s", n.path("time").asText(), n.path("session").asText(), n.path("mode").asText(),
                        n.path("command").asText(), n.path("answer").asText());
            } catch (IOException e) {
                return json;
            }
        }
    }
}
