package io.portpush.cli.bench;

import io.portpush.cli.PortpushCommand;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabClient;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code portpush bench report}: the review page of a check run over N lab routers (most share
 * one change; one holds a hand-made entry, one in 200 a hand-made binding, one is unreachable),
 * opened in headless Chromium: its size, and per round the page's own load time (navigation
 * start to the end of the load event, from the browser's Navigation Timing) and the wall time of
 * the whole Chromium process against a blank page's.
 */
@Command(name = "report", description = "Write the HTML review of a check run over N lab routers and time it loading in headless Chromium.")
final class ReportLoad implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--devices", defaultValue = "1000") int devices;
    @Option(names = "--rounds", defaultValue = "5") int rounds;
    @Option(names = "--chromium", defaultValue = "/usr/bin/chromium") Path chromium;

    private static final Pattern TIMING = Pattern.compile("<pre id=\"portpush-timing\">(\\d+(?:\\.\\d+)?) (\\d+(?:\\.\\d+)?)</pre>");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isExecutable(chromium)) {
            out.println("bench report: " + chromium + " is not there (apt-get install chromium)");
            return 2;
        }
        Path work = Files.createTempDirectory("portpush-bench-report");
        Path html = work.resolve("review.html");
        try (LabFleet fleet = new LabFleet(null)) {
            StringBuilder hosts = new StringBuilder();
            List<LabDevice> ds = new ArrayList<>();
            for (int i = 1; i < devices; i++) {
                LabDevice d = fleet.start(DeviceSpec.of(String.format("r%04d", i), "cisco_ios"));
                ds.add(d);
                hosts.append("    ").append(d.name()).append(": { ansible_port: ").append(d.port()).append(" }\n");
            }
            int closed;
            try (ServerSocket s = new ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            hosts.append("    ").append(String.format("r%04d", devices)).append(": { ansible_port: ").append(closed).append(" }\n");
            LabInventory.recordKeys(fleet.devices(), work.resolve("state/known_hosts"));
            for (int i = 0; i < ds.size(); i++) {
                if (i == ds.size() - 1 || i < devices / 200) {
                    LabDevice d = ds.get(i);
                    try (LabClient c = new LabClient(d, Pattern.compile(d.name() + "(\\([\\w-]+\\))?[>#] ?$|Password: $"))) {
                        c.login();
                        c.raw("enable");
                        c.raw(DeviceSpec.DEFAULT_ENABLE);
                        c.cmd("configure terminal");
                        c.cmd("ip access-list extended EDGE");
                        c.cmd(i == ds.size() - 1 ? "permit ip host 192.0.2.99 any" : "permit tcp any any eq 22");
                        c.cmd("end");
                    }
                }
            }
            Files.writeString(work.resolve("inv.yml"), "all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                    + " ansible_become_password: labenable-R4t8Wn, ansible_network_os: ios,"
                    + " roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n  hosts:\n" + hosts);
            Files.writeString(work.resolve("edge.yml"), "- hosts: all\n  tasks:\n    - acl: { name: EDGE, bind: [{interface: GigabitEthernet1, direction: in}],"
                    + " rules: [{ permit: [xcp.client-access] }] }\n");
            long t = System.nanoTime();
            StringWriter sink = new StringWriter();
            int code = PortpushCommand.execute(new PrintWriter(sink), new PrintWriter(sink), "run", work.resolve("edge.yml").toString(), "-i",
                    work.resolve("inv.yml").toString(), "--check", "-f", "100", "--connect-timeout", "5", "--state-dir", work.resolve("state").toString(),
                    "--report", html.toString());
            out.printf("check run over %d lab routers: %.1f s, exit %d%n", devices, (System.nanoTime() - t) / 1e9, code);
        }
        String page = Files.readString(html, StandardCharsets.UTF_8);
        out.printf("page: %.2f MiB, %d diffs, %d host rows%n", page.length() / 1048576.0, count(page, "<pre class=\"diff\">"),
                count(page, "<tr class=\"row\">"));
        Path probe = work.resolve("review.probe.html");
        Files.writeString(probe, page.replace("</body>", "<script>window.addEventListener('load',function(){setTimeout(function(){"
                + "var n=performance.getEntriesByType('navigation')[0];var p=document.createElement('pre');p.id='portpush-timing';"
                + "p.textContent=n.domContentLoadedEventEnd+' '+n.loadEventEnd;document.body.appendChild(p);},0);});</script></body>"));
        Path blank = work.resolve("blank.html");
        Files.writeString(blank, "<!DOCTYPE html><html><body><p>blank</p></body></html>");
        List<Double> load = new ArrayList<>();
        List<Double> dcl = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        List<Double> blankWall = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            long b0 = System.nanoTime();
            chrome(blank, work.resolve("profile-blank-" + r));
            double bw = (System.nanoTime() - b0) / 1e6;
            long p0 = System.nanoTime();
            String dom = chrome(probe, work.resolve("profile-" + r));
            double pw = (System.nanoTime() - p0) / 1e6;
            Matcher m = TIMING.matcher(dom);
            if (!m.find()) {
                out.println("round " + r + ": the page did not report its timing");
                return 1;
            }
            dcl.add(Double.parseDouble(m.group(1)));
            load.add(Double.parseDouble(m.group(2)));
            wall.add(pw);
            blankWall.add(bw);
            out.printf("round %d: DOMContentLoaded %.0f ms, load event end %.0f ms; chromium process %.0f ms (blank page %.0f ms)%n", r,
                    dcl.get(r - 1), load.get(r - 1), pw, bw);
            out.flush();
        }
        out.printf("median of %d: load %.0f ms (DOMContentLoaded %.0f ms); process %.0f ms, %.0f ms over a blank page%n", rounds,
                Stats.percentile(load, 50), Stats.percentile(dcl, 50), Stats.percentile(wall, 50),
                Stats.percentile(wall, 50) - Stats.percentile(blankWall, 50));
        return 0;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    private String chrome(Path page, Path profile) throws Exception {
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1280,900", "--virtual-time-budget=30000", "--dump-dom", page.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] dom;
        try {
            dom = p.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in 120 s");
        }
        return new String(dom, StandardCharsets.UTF_8);
    }
}
