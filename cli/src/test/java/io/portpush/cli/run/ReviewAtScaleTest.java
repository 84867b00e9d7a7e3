package io.portpush.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.cli.CliRun;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabClient;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The review at 4 and at 1,000 lab routers: most share one change, a few differ (another
 * interface through their own variable, a hand-made entry, one unreachable). The console, the
 * JSON and the HTML page show the ones that differ first and the shared change once; headless
 * Chromium renders the page's first screen, and what that screen holds is read back from the
 * rendered page itself (the differing routers' groups are on it, no row of the host table is).
 * The screenshot is kept in target/review-screens/ for a person to look at. Its load time is a
 * benchmark ({@code portpush bench report}), not asserted here.
 */
class ReviewAtScaleTest {
    @TempDir
    Path dir;

    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    @ParameterizedTest(name = "{0} routers")
    @ValueSource(ints = {4, 1000})
    void theRoutersThatDifferAreOnTheFirstScreenAndTheSharedChangeIsShownOnce(int n) throws Exception {
        try (LabFleet fleet = new LabFleet(null)) {
            StringBuilder hosts = new StringBuilder();
            // the shape of the fleet: one router in 100 binds another interface through its own variable (the same change,
            // named by the variable); one in 200 already holds the list bound by hand on another interface too (a change of
            // their own: that list's entry and binding go); one holds a hand-made entry; one is unreachable; the rest share the change
            int otherInterface = n / 100;
            int handBound = n / 200;
            for (int i = 1; i < n; i++) {
                String name = String.format("r%04d", i);
                LabDevice d = fleet.start(DeviceSpec.of(name, "cisco_ios"));
                hosts.append("    ").append(name).append(": { ansible_port: ").append(d.port()).append(", edge_if: GigabitEthernet")
                        .append(i > n - 2 - otherInterface ? 2 : 1).append(" }\n");
            }
            int closed;
            try (ServerSocket s = new ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            String down = String.format("r%04d", n);
            hosts.append("    ").append(down).append(": { ansible_port: ").append(closed).append(", edge_if: GigabitEthernet1 }\n");
            LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
            LabDevice handMade = fleet.devices().get(fleet.devices().size() - 1);
            try (LabClient c = new LabClient(handMade, Pattern.compile(handMade.name() + "(\\([\\w-]+\\))?[>#] ?$|Password: $"))) {
                c.login();
                c.raw("enable");
                c.raw(DeviceSpec.DEFAULT_ENABLE);
                c.cmd("configure terminal");
                c.cmd("ip access-list extended EDGE");
                c.cmd("permit ip host 192.0.2.99 any");
                c.cmd("end");
            }
            for (int i = 0; i < handBound; i++) {
                LabDevice d = fleet.devices().get(i);
                try (LabClient c = new LabClient(d, Pattern.compile(d.name() + "(\\([\\w-]+\\))?[>#] ?$|Password: $"))) {
                    c.login();
                    c.raw("enable");
                    c.raw(DeviceSpec.DEFAULT_ENABLE);
                    c.cmd("configure terminal");
                    c.cmd("ip access-list extended EDGE");
                    c.cmd("permit tcp any any eq 22");
                    c.cmd("exit");
                    c.cmd("interface GigabitEthernet3");
                    c.cmd("ip access-group EDGE in");
                    c.cmd("end");
                }
            }
            Path inv = dir.resolve("inv.yml");
            Files.writeString(inv, "all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                    + " ansible_become_password: labenable-R4t8Wn, ansible_network_os: ios,"
                    + " roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n  hosts:\n" + hosts);
            Path play = dir.resolve("edge.yml");
            Files.writeString(play, "- hosts: all\n  tasks:\n    - acl: { name: EDGE, bind: [{interface: '{{ edge_if }}', direction: in}],"
                    + " rules: [{ permit: [xcp.client-access] }] }\n");
            Path json = dir.resolve("review.json");
            Path html = dir.resolve("review.html");
            CliRun run = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", inv.toString(), "--check", "--diff", "-f", "100",
                    "--connect-timeout", "5", "--report", json.toString(), "--report", html.toString());
            String out = run.out();
            assertThat(run.code()).as(out.substring(Math.max(0, out.length() - 4000))).isEqualTo(4);
            int shared = n - 1 - 1 - handBound;
            int distinct = 2 + (handBound > 0 ? 1 : 0);

            // console: the unreachable one, the hand-made one, the other interface, then the shared change, each once
            String handName = handMade.name();
            int own = out.indexOf("  " + handName + ": a change of its own");
            int other = out.indexOf("  " + handBound + " hosts (r0001");
            int big = out.indexOf("  " + shared + " hosts (");
            assertThat(own).as("the hand-made entry's own change").isPositive();
            assertThat(big).as("the shared change").isGreaterThan(own);
            assertThat(out.split("--- a/", -1)).as("each distinct diff printed once").hasSize(1 + distinct);
            assertThat(out).contains("summary: " + n + " hosts: " + (n - 1) + " would change, 0 ok, 0 failed, 1 unreachable; " + distinct
                    + " distinct changes");
            if (handBound > 0) {
                assertThat(other).as("the routers bound by hand elsewhere").isPositive().isLessThan(big);
                assertThat(out.substring(other, big)).contains("interface GigabitEthernet3", "-");
            }

            // JSON: the same groups in the same order
            JsonNode groups = new ObjectMapper().readTree(json.toFile()).path("tasks").get(0).path("groups");
            assertThat(groups).hasSize(distinct + 1);
            assertThat(groups.get(0).path("hosts").toString()).isEqualTo("[\"" + down + "\"]");
            assertThat(groups.get(1).path("hosts").toString()).isEqualTo("[\"" + handName + "\"]");
            assertThat(groups.get(distinct).path("hosts")).hasSize(shared);
            if (otherInterface > 0) {
                assertThat(groups.get(distinct).path("diff").asText()).contains("interface {{ edge_if }}");
            }

            // HTML: one self-contained page; the shared change's text once, not once per router
            String page = Files.readString(html);
            assertThat(page).doesNotContain("src=\"http", "href=\"http", "<link ");
            assertThat(page.split("<pre class=\"diff\">", -1).length - 1).as("diffs on the page")
                    .isLessThanOrEqualTo(n > HtmlReport.SCALE ? distinct + 1 : 2 * n);

            if (otherInterface > 0) {
                // a router that shares the change through its own variable: its section names its value
                assertThat(page).contains("id=\"host-r0990\"").contains("with this host's values: edge_if = GigabitEthernet2");
            }
            Path chromium = Path.of("/usr/bin/chromium");
            Assumptions.assumeTrue(Files.isExecutable(chromium),
                    "screenshot skipped: /usr/bin/chromium is not installed (.ci/run installs Debian's chromium)");
            Path screens = Path.of("target", "review-screens");
            Files.createDirectories(screens);
            Path png = screens.resolve("first-screen-" + n + ".png").toAbsolutePath();
            Files.deleteIfExists(png);
            HeadlessChromium.screenshot(chromium, html, png, WIDTH, HEIGHT, dir.resolve("profile-shot"));
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).isEqualTo(WIDTH);
            assertThat(img.getHeight()).isEqualTo(HEIGHT);
            assertThat(HeadlessChromium.distinctColours(img)).as("a rendered page, not a blank one").isGreaterThan(8);

            // what the first screen holds, read from the rendered page's own layout
            String firstScreen = HeadlessChromium.firstScreen(chromium, html, WIDTH, HEIGHT, dir.resolve("profile-dom"));
            assertThat(firstScreen).as(firstScreen).contains("summary: " + n + " hosts", "group 1 acl unreachable 1", "group 2 acl changed 1",
                    down, handName).doesNotContain("tr.row");
            // every group is on it, the shared one last with its count of hosts
            assertThat(firstScreen).as(firstScreen).containsPattern("group " + (distinct + 1) + " acl changed " + shared + " ");
        }
    }
}
