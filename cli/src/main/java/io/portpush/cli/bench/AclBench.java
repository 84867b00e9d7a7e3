package io.portpush.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code portpush bench acl}: the job people run, measured as they run it. The edge ACL of
 * {@code playbooks/imp-edge.yml} pushed to N lab IOS routers by {@code portpush run} in its own
 * process (the launcher's default heap): every device read, planned, pushed, read again and
 * verified, history recorded. Each round pushes one of two ACL versions (so every round is a real
 * change), then runs it again (no change, still reading and verifying every device). The lab runs
 * in its own process ({@code portpush lab up}, as a user starts it) or inside the run
 * ({@code --lab inline}: the README's main job). Figures: wall, engine CPU, peak RSS and threads,
 * devices per second, per-device latency percentiles (each host's time from its first connect to
 * its recorded result, from the run's JSON report), and the ratio to the SSHJ floor measured in
 * the same round (connect, password login, shell, {@code show running-config}, close).
 */
@Command(name = "acl", description = "Push the edge ACL to N lab routers with portpush run (verify and history on); compare with the SSHJ floor.")
final class AclBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--devices", split = ",", defaultValue = "100,1000", description = "Fleet sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--forks", defaultValue = "50", description = "portpush run -f (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--rounds", defaultValue = "3", description = "Push + no-change pairs per size (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--lab", defaultValue = "process", description = "process: 'portpush lab up' in its own JVM; inline: the run starts the lab itself.")
    String lab;

    @Option(names = "--login-delay-ms", defaultValue = "0", description = "Lab fault: each login takes this long (real devices: 1000-3000).")
    long loginDelay;

    @Option(names = "--command-latency-ms", defaultValue = "0", description = "Lab fault: each command's answer waits this long (real devices: tens of ms).")
    long commandLatency;

    @Option(names = "--base-port", defaultValue = "20001", description = "First device port; keep below the ephemeral range (32768).")
    int basePort;

    @Option(names = "--engine-opts", description = "JVM options of the run (default: the launcher's, -Xmx640m -XX:+UseSerialGC -Xss512k).")
    String engineOpts = "-Xmx640m -XX:+UseSerialGC -Xss512k";

    @Option(names = "--keep", description = "Keep the work folder (inventory, state, reports, logs) and print where it is.")
    boolean keep;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_LAB = 2500;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("bench acl: edge ACL push with verify and history, -f %d, lab %s, login delay %d ms, command latency %d ms, "
                + "engine %s, %d cores%n", forks, lab, loginDelay, commandLatency, engineOpts, Runtime.getRuntime().availableProcessors());
        for (int n : sizes) {
            size(n, out);
        }
        return 0;
    }

    private void size(int n, PrintWriter out) throws Exception {
        Path work = Files.createTempDirectory("portpush-bench-acl");
        // one lab process holds at most PER_LAB devices (each takes a few file descriptors; 20,000 per process here);
        // past that the labs split the fleet and the run reaches them as plain SSH hosts, as it would real devices
        boolean split = lab.equals("process") && n > PER_LAB;
        Path inv = inventory(work, "inv", 1, n, !split);
        Path state = work.resolve("state");
        List<Path> labStates = new ArrayList<>();
        List<Process> labs = new ArrayList<>();
        try {
            if (lab.equals("process")) {
                long t = System.nanoTime();
                for (int from = 1, k = 0; from <= n; from += PER_LAB, k++) {
                    int to = Math.min(n, from + PER_LAB - 1);
                    Path labState = split ? work.resolve("lab-state-" + k) : state;
                    Path labInv = split ? inventory(work, "lab-inv-" + k, from, to, true) : inv;
                    labs.add(java(List.of("-Xmx" + (1024 + (to - from + 1)) + "m"), List.of("lab", "up", "-i", labInv.toString(), "--state-dir",
                            labState.toString()), work.resolve("lab-" + k + ".log")));
                    labStates.add(labState);
                }
                for (int k = 0; k < labs.size(); k++) {
                    try {
                        waitForLab(labStates.get(k), Math.min(PER_LAB, n - k * PER_LAB), labs.get(k));
                    } catch (IllegalStateException e) {
                        keep = true;
                        throw new IllegalStateException(e.getMessage() + ":\n" + tail(work.resolve("lab-" + k + ".log")), e);
                    }
                }
                if (split) {
                    StringBuilder keys = new StringBuilder();
                    for (Path ls : labStates) {
                        keys.append(Files.readString(ls.resolve("known_hosts")));
                    }
                    Files.createDirectories(state);
                    Files.writeString(state.resolve("known_hosts"), keys);
                }
                out.printf("%n%d devices: lab up in %d process(es) of its own in %.1f s%s%n", n, labs.size(), (System.nanoTime() - t) / 1e9,
                        split ? " (the run reaches them as plain SSH hosts)" : "");
            } else {
                out.printf("%n%d devices: the lab starts inside each run (its start is in the run's wall time)%n", n);
            }
            out.flush();
            Map<String, List<Double>> wall = new LinkedHashMap<>();
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            for (int r = 1; r <= rounds; r++) {
                String version = r % 2 == 1 ? "edge-a.yml" : "edge-b.yml";
                for (String kind : List.of("push", "no change")) {
                    double floor = Double.NaN;
                    List<Double> floorLat = List.of();
                    if (lab.equals("process")) {
                        long t = System.nanoTime();
                        floorLat = floor(labStates, state);
                        floor = (System.nanoTime() - t) / 1e9;
                    }
                    Path report = work.resolve("r" + r + "-" + kind.replace(' ', '-') + ".json");
                    Measured m = run(work, inv, state, work.resolve(version), report);
                    JsonNode doc = JSON.readTree(report.toFile());
                    List<Double> lat = new ArrayList<>();
                    int changed = 0;
                    int bad = 0;
                    for (JsonNode c : doc.path("recap")) {
                        lat.add(c.path("elapsed_ms").asDouble());
                        changed += c.path("changed").asInt();
                        bad += c.path("failed").asInt() + c.path("unreachable").asInt();
                    }
                    out.printf("round %d %-9s wall %6.1f s, %5.0f devices/s, CPU %5.1f s (%.0f ms/device), peak RSS %.2f GiB, peak threads %d; "
                                    + "device latency p50 %.0f ms, p95 %.0f, p99 %.0f, max %.0f; %d changed, %d failed or unreachable, exit %d%s%n",
                            r, kind, m.wall, n / m.wall, m.cpu, m.cpu * 1000 / n, m.rssKib / 1048576.0, m.threads,
                            Stats.percentile(lat, 50), Stats.percentile(lat, 95), Stats.percentile(lat, 99), Stats.percentile(lat, 100),
                            changed, bad, m.exit, Double.isNaN(floor) ? "" : String.format("; floor %.1f s (p50 %.0f ms): %.2fx the floor",
                                    floor, Stats.percentile(floorLat, 50), m.wall / floor));
                    out.flush();
                    wall.computeIfAbsent(kind, k -> new ArrayList<>()).add(m.wall);
                    if (!Double.isNaN(floor)) {
                        ratios.computeIfAbsent(kind, k -> new ArrayList<>()).add(m.wall / floor);
                    }
                    if (m.exit != 0 || (kind.equals("push") ? changed != n : changed != 0)) {
                        out.printf("  the run did not do what the bench measures (see %s)%n", work);
                        keep = true;
                    }
                }
            }
            for (String kind : wall.keySet()) {
                out.printf("%d devices, %s: median wall %.1f s over %d rounds%s%n", n, kind, Stats.percentile(wall.get(kind), 50),
                        wall.get(kind).size(), ratios.containsKey(kind) ? String.format(", median %.2fx the floor", Stats.percentile(ratios.get(kind), 50)) : "");
            }
            out.flush();
        } finally {
            for (Process labProcess : labs) {
                labProcess.destroy();
            }
            for (Process labProcess : labs) {
                labProcess.waitFor(30, TimeUnit.SECONDS);
                labProcess.destroyForcibly();
            }
            if (keep) {
                out.println("work folder kept: " + work);
            } else {
                delete(work);
            }
        }
    }

    /** What one engine run cost, as the kernel counts it. */
    record Measured(double wall, double cpu, long rssKib, int threads, int exit) {
    }

    private Measured run(Path work, Path inv, Path state, Path play, Path report) throws Exception {
        List<String> opts = List.of(engineOpts.trim().split("\\s+"));
        long t = System.nanoTime();
        Process p = java(opts, List.of("run", play.toString(), "-i", inv.toString(), "--state-dir", state.toString(), "-f",
                String.valueOf(forks), "--report", report.toString(), "--timeout", "120", "--connect-timeout", "60"), work.resolve(
                report.getFileName() + ".log"));
        long pid = p.pid();
        long rss = 0;
        int threads = 0;
        long ticks = 0;
        // /proc while it runs: peak RSS (VmHWM), threads, and CPU ticks up to the last sample
        while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
            Path status = Path.of("/proc", String.valueOf(pid), "status");
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        rss = Math.max(rss, Long.parseLong(line.replaceAll("\\D", "")));
                    } else if (line.startsWith("Threads:")) {
                        threads = Math.max(threads, Integer.parseInt(line.replaceAll("\\D", "")));
                    }
                }
                String[] stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat")).replaceAll("^.*\\) ", "").split(" ");
                ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            } catch (IOException | RuntimeException e) {
                // it ended between two samples
            }
        }
        double wall = (System.nanoTime() - t) / 1e9;
        // the children's CPU once it ended: the JVM's own count in the last sample misses at most 200 ms
        double cpu = ticks / 100.0;
        return new Measured(wall, cpu, rss, threads, p.exitValue());
    }

    private static Process java(List<String> jvm, List<String> args, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), io.portpush.cli.PortpushCommand.class.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitForLab(Path state, int n, Process lab) throws Exception {
        Path record = state.resolve("lab/lab.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!lab.isAlive()) {
                throw new IllegalStateException("portpush lab up ended (exit " + lab.exitValue() + "); see its log");
            }
            if (Files.exists(record) && JSON.readTree(record.toFile()).path("devices").size() >= n) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the lab did not start " + n + " devices in 10 minutes");
    }

    /** The SSHJ floor in this JVM: connect, log in, shell, {@code show running-config}, close, for every device. */
    private List<Double> floor(List<Path> labStates, Path state) throws Exception {
        List<Map.Entry<String, Integer>> devices = new ArrayList<>();
        for (Path ls : labStates) {
            for (JsonNode d : JSON.readTree(ls.resolve("lab/lab.json").toFile()).path("devices")) {
                devices.add(Map.entry("127.0.0.1", d.path("port").asInt()));
            }
        }
        return BenchCommand.floor(devices, forks, state.resolve("known_hosts"), List.of("terminal length 0", "show running-config"));
    }

    /** The fleet, its group variables (the lab's own, without traffic) and the two ACL versions. */
    private Path inventory(Path work, String name, int from, int n, boolean labHosts) throws IOException {
        Path inv = work.resolve(name);
        Files.createDirectories(inv.resolve("group_vars"));
        StringBuilder hosts = new StringBuilder("all:\n  vars:\n" + (labHosts ? "    portpush_lab: true\n" : "") + "    ansible_host: 127.0.0.1\n"
                + "    ansible_user: admin\n    ansible_password: " + io.portpush.lab.DeviceSpec.DEFAULT_PASSWORD + "\n    ansible_become_password: "
                + io.portpush.lab.DeviceSpec.DEFAULT_ENABLE + "\n");
        if (loginDelay > 0 || commandLatency > 0) {
            hosts.append("    lab_faults: { login_delay_ms: ").append(loginDelay).append(", command_latency_ms: ").append(commandLatency).append(" }\n");
        }
        hosts.append("  children:\n    routers:\n      vars:\n        ansible_network_os: cisco.ios.ios\n      hosts:\n");
        for (int i = from; i <= n; i++) {
            hosts.append(String.format("        r%04d: { ansible_port: %d }%n", i, basePort + i - 1));
        }
        Files.writeString(inv.resolve("hosts.yml"), hosts);
        Path lab = Path.of("inventories", "lab", "group_vars");
        if (!Files.isDirectory(lab)) {
            throw new IllegalStateException("run the bench from the repository root (it reads inventories/lab/group_vars)");
        }
        Files.copy(lab.resolve("all.yml"), inv.resolve("group_vars/all.yml"));
        YAMLMapper yaml = new YAMLMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> routers = yaml.readValue(lab.resolve("routers.yml").toFile(), Map.class);
        routers.remove("lab_traffic"); // traffic is for --soak; the bench does not soak
        yaml.writeValue(inv.resolve("group_vars/routers.yml").toFile(), routers);
        String acl = "- name: IM and Presence edge ACL\n  hosts: routers\n  tasks:\n    - name: Edge ACL from the catalogue\n      acl:\n"
                + "        name: IMP-EDGE-IN\n        bind:\n          - { interface: \"{{ edge_interface }}\", direction: in }\n"
                + "        rules:\n          - permit: [xcp.client-access, xcp.bosh%s]\n"
                + "          - permit: [sip-proxy.tls-server-auth, sip-proxy.default-listener]\n        default: deny\n        default_log: true\n";
        Files.writeString(work.resolve("edge-a.yml"), acl.formatted(", tomcat-web"));
        Files.writeString(work.resolve("edge-b.yml"), acl.formatted(""));
        return inv;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void delete(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
