package io.portpush.cli.bench;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.catalogue.CatalogueLoader;
import io.portpush.core.inventory.Inventory;
import io.portpush.core.inventory.InventoryLoader;
import io.portpush.core.playbook.Play;
import io.portpush.core.playbook.PlaybookLoader;
import io.portpush.core.playbook.Task;
import io.portpush.core.runner.Redactor;
import io.portpush.core.runner.RunListener;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.RunReport;
import io.portpush.core.runner.Runner;
import io.portpush.core.runner.TaskResult;
import io.portpush.core.template.TemplateEngine;
import io.portpush.core.transport.InteractiveShell;
import io.portpush.core.transport.KnownHostsVerifier;
import io.portpush.core.transport.SshConnection;
import io.portpush.core.transport.SshTarget;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import io.portpush.modules.TaskModules;
import io.portpush.platform.Platforms;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code portpush bench lab|engine}: figures for docs/PERFORMANCE.md, measured on this machine.
 * They print medians and percentiles; run them a few times, machines here are noisy.
 */
@Command(name = "bench", description = "Measure the lab and the engine (prints figures for docs/PERFORMANCE.md).",
        subcommands = {BenchCommand.Lab.class, BenchCommand.Engine.class, AclBench.class, ReportLoad.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final Pattern IOS_PROMPT = Pattern.compile("[\\w.\\-]+(\\([\\w-]+\\))?[>#] ?$");

    /** Starts {@code n} IOS devices; returns them after measuring heap per device. */
    static List<LabDevice> startFleet(LabFleet fleet, int n, PrintWriter out) {
        long before = Stats.usedHeapAfterGc();
        long t0 = System.nanoTime();
        List<LabDevice> devices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            devices.add(fleet.start(DeviceSpec.of(String.format("r%04d", i), "cisco_ios")));
        }
        double startS = (System.nanoTime() - t0) / 1e9;
        long after = Stats.usedHeapAfterGc();
        out.printf("lab: %d devices started in %.1f s (%.0f devices/s); heap %.1f MiB for the fleet, %.1f KiB per device%n", n, startS,
                n / startS, (after - before) / 1048576.0, (after - before) / 1024.0 / n);
        out.flush();
        return devices;
    }

    static Path knownHosts(LabFleet fleet) {
        try {
            Path kh = Files.createTempFile("portpush-bench", "known_hosts");
            kh.toFile().deleteOnExit();
            LabInventory.recordKeys(fleet.devices(), kh);
            return kh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SSHJ floor: connect, log in, open a shell, run one command, close; per device latency in ms. */
    static List<Double> floor(List<LabDevice> devices, int parallel, Path kh, String command) throws Exception {
        return floor(devices.stream().map(d -> Map.entry(d.host(), d.port())).toList(), parallel, kh,
                command == null ? List.of() : List.of(command));
    }

    /** The same for devices named by address and port, running {@code commands} after the first prompt. */
    static List<Double> floor(List<Map.Entry<String, Integer>> devices, int parallel, Path kh, List<String> commands) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Double> lat = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> fs = new ArrayList<>();
        KnownHostsVerifier v = new KnownHostsVerifier(List.of(kh), false, null);
        for (Map.Entry<String, Integer> d : devices) {
            fs.add(pool.submit(() -> {
                long t = System.nanoTime();
                try (SshConnection c = SshConnection.open(SshTarget.password(d.getKey(), d.getValue(), "admin", DeviceSpec.DEFAULT_PASSWORD)
                        .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(120)), v, 2, Duration.ofMillis(200));
                     InteractiveShell sh = c.shell()) {
                    sh.readUntil(IOS_PROMPT, Duration.ofSeconds(120));
                    for (String command : commands) {
                        sh.command(command, IOS_PROMPT, Duration.ofSeconds(120));
                    }
                }
                lat.add((System.nanoTime() - t) / 1e6);
                return null;
            }));
        }
        try {
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return lat;
    }

    @Command(name = "lab", description = "Start N simulated devices in this JVM; measure memory per device and logins per second.")
    static final class Lab implements java.util.concurrent.Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--devices", defaultValue = "1000") int devices;
        @Option(names = "--parallel", defaultValue = "50") int parallel;
        @Option(names = "--rounds", defaultValue = "3") int rounds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (LabFleet fleet = new LabFleet(null)) {
                List<LabDevice> ds = startFleet(fleet, devices, out);
                Path kh = knownHosts(fleet);
                for (int r = 1; r <= rounds; r++) {
                    long t = System.nanoTime();
                    List<Double> lat = floor(ds, parallel, kh, null);
                    double s = (System.nanoTime() - t) / 1e9;
                    out.printf("round %d: %d logins (SSH connect + password + shell + first prompt) with %d in parallel in %.1f s: "
                            + "%.0f logins/s; latency median %.0f ms, p95 %.0f ms%n", r, lat.size(), parallel, s, lat.size() / s,
                            Stats.percentile(lat, 50), Stats.percentile(lat, 95));
                    out.flush();
                }
            }
            return 0;
        }
    }

    @Command(name = "engine", description = "Run command and config playbooks against N lab devices; compare with the SSHJ floor.")
    static final class Engine implements java.util.concurrent.Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--devices", defaultValue = "1000") int devices;
        @Option(names = "--forks", defaultValue = "50") int forks;
        @Option(names = "--rounds", defaultValue = "3") int rounds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path work = Files.createTempDirectory("portpush-bench");
            try (LabFleet fleet = new LabFleet(null)) {
                List<LabDevice> ds = startFleet(fleet, devices, out);
                LabInventory.recordKeys(fleet.devices(), work.resolve("state/known_hosts"));
                StringBuilder inv = new StringBuilder("[routers]\n");
                for (LabDevice d : ds) {
                    inv.append(d.name()).append(" ansible_port=").append(d.port()).append('\n');
                }
                inv.append("[routers:vars]\nansible_host=127.0.0.1\nansible_user=admin\nansible_password=labpw-K7q2Xz9\n"
                        + "ansible_become_password=labenable-R4t8Wn\nansible_network_os=cisco.ios.ios\n");
                Files.writeString(work.resolve("hosts"), inv);
                Files.writeString(work.resolve("command.yml"), "- hosts: routers\n  tasks:\n    - command: show version\n");
                Files.writeString(work.resolve("config.yml"), "- hosts: routers\n  tasks:\n    - config:\n        lines:\n"
                        + "          - \"access-list 101 permit tcp any any eq {{ 5000 + run }}\"\n");
                Inventory inventory = InventoryLoader.load(work.resolve("hosts"));
                Path kh = work.resolve("state/known_hosts");
                for (int r = 1; r <= rounds; r++) {
                    List<Double> fl = null;
                    long t = System.nanoTime();
                    fl = floor(ds, forks, kh, "show version");
                    double floorS = (System.nanoTime() - t) / 1e9;
                    out.printf("round %d floor (SSHJ connect+login+shell+'show version', %d parallel): %.1f s, %.0f devices/s, "
                            + "median %.0f ms, p95 %.0f ms%n", r, forks, floorS, devices / floorS, Stats.percentile(fl, 50),
                            Stats.percentile(fl, 95));
                    for (String play : List.of("command.yml", "config.yml")) {
                        Map<String, Double> perHost = new ConcurrentHashMap<>();
                        AtomicLong peak = new AtomicLong();
                        long start = System.nanoTime();
                        RunListener timing = new RunListener() {
                            @Override
                            public void hostResult(Task task, String host, TaskResult result) {
                                perHost.put(host, (System.nanoTime() - start) / 1e6);
                                Runtime rt = Runtime.getRuntime();
                                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                            }
                        };
                        List<Play> plays = new PlaybookLoader(TaskModules.all().keySet()).load(work.resolve(play));
                        RunOptions o = new RunOptions(forks, null, List.of(), List.of(), null, Map.of("run", r), RunOptions.Mode.RUN, false, 0,
                                false, Duration.ofSeconds(30), Duration.ofSeconds(60), 2, null, work, work.resolve("state"));
                        Redactor red = new Redactor();
                        Catalogue cat = new CatalogueLoader().load(List.of());
                        Runner runner = new Runner(inventory, TaskModules.all(), Platforms::dialect, o, timing,
                                new TemplateEngine(List.of()), red, Map.of(Catalogue.class, cat));
                        RunReport rep = runner.run(plays, work.resolve(play), "bench");
                        double s = (System.nanoTime() - start) / 1e9;
                        long bad = rep.recap().values().stream().filter(c -> c.failed + c.unreachable > 0).count();
                        out.printf("round %d engine %-11s %.1f s, %.0f devices/s (%.2fx the floor), completion median %.0f ms, p95 %.0f ms, "
                                + "peak heap %.0f MiB, %d hosts failed%n", r, play, s, devices / s, s / floorS,
                                Stats.percentile(new ArrayList<>(perHost.values()), 50), Stats.percentile(new ArrayList<>(perHost.values()), 95),
                                peak.get() / 1048576.0, bad);
                        out.flush();
                    }
                }
            }
            return 0;
        }
    }
}
