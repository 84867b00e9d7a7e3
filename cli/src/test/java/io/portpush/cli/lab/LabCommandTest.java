package io.portpush.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.PortpushCommand;
import io.portpush.core.transport.InteractiveShell;
import io.portpush.core.transport.KnownHostsVerifier;
import io.portpush.core.transport.SshConnection;
import io.portpush.core.transport.SshTarget;
import io.portpush.cli.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'portpush lab up' in its own process, a plain SSH client to it, then 'portpush lab down'. */
class LabCommandTest {
    @TempDir
    Path dir;

    @Test
    void labUpServesTheInventoryAndLabDownStopsItKeepingTheConfiguration() throws Exception {
        // no port in the inventory: the lab takes a free one itself and records it (a port found free here and
        // bound later by the child could be taken in between)
        Path inv = dir.resolve("lab.yml");
        Files.writeString(inv, "all:\n  vars: { portpush_lab: true, ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                + " ansible_become_password: labenable-R4t8Wn }\n  hosts:\n    r1: { ansible_network_os: cisco.ios.ios }\n");
        Path state = dir.resolve("state");
        Process up = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PortpushCommand.class.getName(), "lab", "up", "-i", inv.toString(), "--state-dir",
                state.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("up.log").toFile()).start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while ((!Files.exists(state.resolve("lab/lab.json")) || !Files.readString(dir.resolve("up.log")).contains("lab devices up"))
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            int port = new com.fasterxml.jackson.databind.ObjectMapper().readTree(state.resolve("lab/lab.json").toFile())
                    .path("devices").get(0).path("port").asInt();
            assertThat(port).isPositive();
            assertThat(Files.readString(dir.resolve("up.log"))).contains("1 lab devices up", "ssh -p " + port + " admin@127.0.0.1");
            KnownHostsVerifier v = new KnownHostsVerifier(List.of(state.resolve("known_hosts")), false, null);
            Pattern prompt = Pattern.compile("r1(\\([\\w-]+\\))?[>#] ?$|Password: $");
            try (SshConnection c = SshConnection.open(SshTarget.password("127.0.0.1", port, "admin", io.portpush.lab.DeviceSpec.DEFAULT_PASSWORD), v, 0, Duration.ZERO);
                 InteractiveShell sh = c.shell()) {
                assertThat(sh.readUntil(prompt, Duration.ofSeconds(10))).endsWith("r1>");
                sh.command("enable", prompt, Duration.ofSeconds(5));
                sh.command(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE, prompt, Duration.ofSeconds(5));
                sh.command("configure terminal", prompt, Duration.ofSeconds(5));
                sh.command("ip access-list extended KEPT", prompt, Duration.ofSeconds(5));
                sh.command("10 permit tcp any any eq 5222", prompt, Duration.ofSeconds(5));
                sh.command("end", prompt, Duration.ofSeconds(5));
                assertThat(sh.command("show version", prompt, Duration.ofSeconds(5))).contains("Cisco IOS XE Software");
            }
            // what the session sent, as a person who ran 'lab up' reads it: the enable secret masked
            CliRun log = CliRun.of("lab", "log", "r1", "--state-dir", state.toString());
            assertThat(log.code()).as(log.err()).isZero();
            assertThat(log.out()).contains("config-ext-nacl  10 permit tcp any any eq 5222  -> (nothing)", "<secret>",
                    "show version  -> Cisco IOS XE Software").doesNotContain(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE);
            CliRun none = CliRun.of("lab", "log", "r9", "--state-dir", state.toString());
            assertThat(none.code()).isEqualTo(6);
            assertThat(none.err()).contains("no session log for r9");
            // a second 'lab up' of the same state is refused and leaves the first one reachable and recorded
            long firstPid = up.pid();
            CliRun second = CliRun.of("lab", "up", "-i", inv.toString(), "--state-dir", state.toString());
            assertThat(second.code()).as(second.out() + second.err()).isEqualTo(7);
            assertThat(second.err()).contains("a lab is already running").contains("pid " + firstPid).contains("portpush lab down");
            assertThat(Files.readString(state.resolve("lab/lab.json"))).contains("\"pid\" : " + firstPid);
            StringWriter out = new StringWriter();
            int code = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(out), "lab", "down", "--state-dir", state.toString());
            assertThat(code).as(out.toString()).isZero();
            assertThat(up.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(state.resolve("lab/r1/running-config.txt"))).contains("ip access-list extended KEPT");
        } finally {
            up.destroyForcibly();
        }
    }

    @Test
    void logFollowPrintsLinesAsTheyArriveAndNeverHalfALine(@org.junit.jupiter.api.io.TempDir Path state) throws Exception {
        Path log = state.resolve("lab/r1/session.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "{\"time\":\"T1\",\"session\":1,\"mode\":\"exec\",\"command\":\"show version\",\"answer\":\"A1\"}\n");
        StringWriter out = new StringWriter();
        Thread follow = new Thread(() -> PortpushCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "lab", "log", "r1",
                "--follow", "--state-dir", state.toString()));
        follow.setDaemon(true);
        follow.start();
        try {
            waitFor(() -> out.toString().contains("show version  -> A1"));
            // a line still being written is not printed until its line feed arrives
            Files.writeString(log, "{\"time\":\"T2\",\"session\":1,\"mode\":\"config\",\"command\":\"hostname R9\",", java.nio.file.StandardOpenOption.APPEND);
            Thread.sleep(600);
            assertThat(out.toString()).doesNotContain("hostname R9").doesNotContain("\"time\":\"T2\"");
            Files.writeString(log, "\"answer\":\"(nothing)\"}\n", java.nio.file.StandardOpenOption.APPEND);
            waitFor(() -> out.toString().contains("hostname R9  -> (nothing)"));
            assertThat(out.toString().lines().filter(l -> l.contains("show version")).count()).as("printed once").isEqualTo(1);
        } finally {
            follow.interrupt();
            follow.join(5000);
        }
        assertThat(follow.isAlive()).as("Ctrl-C (an interrupt) ends --follow").isFalse();
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).isTrue();
    }

    @Test
    void labHostsWithoutPortsGetFreePortsThatTheRunUses() throws Exception {
        Path inv = dir.resolve("auto.yml");
        Files.writeString(inv, "all:\n  vars: { portpush_lab: true, ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                + " ansible_become_password: labenable-R4t8Wn }\n  hosts:\n    r7: { ansible_network_os: cisco.ios.ios }\n"
                + "    mx7: { ansible_network_os: junipernetworks.junos.junos }\n");
        Path play = dir.resolve("p.yml");
        Files.writeString(play, "- hosts: all\n  tasks:\n    - command: show version\n");
        StringWriter out = new StringWriter();
        int code = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(out), "run", play.toString(), "-i", inv.toString(),
                "--state-dir", dir.resolve("state").toString());
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("ok: [r7]", "ok: [mx7]");
    }

    @Test
    void aPortTakenByAnotherProgramOrOutOfRangeIsAOneLineInputError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Path inv = dir.resolve("busy.yml");
            Files.writeString(inv, "all:\n  vars: { portpush_lab: true, ansible_host: 127.0.0.1, ansible_user: admin }\n  hosts:\n"
                    + "    r1: { ansible_port: " + taken.getLocalPort() + ", ansible_network_os: cisco.ios.ios }\n");
            Path play = dir.resolve("p.yml");
            Files.writeString(play, "- hosts: all\n  tasks:\n    - command: show version\n");
            CliRun busy = CliRun.of("run", play.toString(), "-i", inv.toString(), "--state-dir", dir.resolve("state").toString());
            assertThat(busy.code()).as(busy.out() + busy.err()).isEqualTo(5);
            assertThat(busy.err()).contains("r1.ansible_port: lab device r1 cannot start on 127.0.0.1:" + taken.getLocalPort())
                    .contains("give r1 another ansible_port").doesNotContain("Exception").doesNotContain("\tat ");
            Files.writeString(inv, "all:\n  hosts:\n    r1: { ansible_host: 127.0.0.1, ansible_port: 70000, ansible_network_os: ios }\n");
            CliRun range = CliRun.of("run", play.toString(), "-i", inv.toString(), "--state-dir", dir.resolve("state").toString());
            assertThat(range.code()).as(range.out() + range.err()).isEqualTo(5);
            assertThat(range.err()).contains("r1.ansible_port: 70000 is not a TCP port (1-65535)").doesNotContain("Exception");
            assertThat(range.out()).doesNotContain("TASK");
        }
    }
}
