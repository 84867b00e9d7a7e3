package io.portpush.cli.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets put into every place they can travel from (inventory credentials, group_vars, -e, the
 * device's own configuration as clear text and as hashes) are searched for in everything
 * portpush writes: the console at -vvv with diffs, stderr, --json, the HTML and JSON reports,
 * the history command, and every file and message of every commit of the history repository.
 * Over-masking is checked too: the surrounding configuration stays readable.
 */
class SecretsEverywhereTest {
    static final String COMMUNITY = "Comm-Zx81Pq";
    static final String OPS_SECRET = "$9$Hq3Zk8LmN2pR4tV6xW8yA0bC1dE3fG5hJ7kL9mN";
    static final String TOKEN = "Tok-Qq93Vm7a";

    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;
    LabDevice fw1;
    LabDevice mx1;

    @BeforeEach
    void lab() throws Exception {
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
        fw1 = fleet.start(DeviceSpec.of("fw1", "cisco_asa"));
        mx1 = fleet.start(DeviceSpec.of("mx1", "juniper_junos"));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
        Path inv = dir.resolve("inv");
        Files.createDirectories(inv.resolve("group_vars"));
        Files.writeString(inv.resolve("hosts.yml"), """
                all:
                  vars:
                    ansible_host: 127.0.0.1
                    ansible_user: admin
                    ansible_password: %s
                    ansible_become_password: %s
                    roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] }
                  hosts:
                    r1: { ansible_port: %d, ansible_network_os: cisco.ios.ios, edge_if: GigabitEthernet1 }
                    fw1: { ansible_port: %d, ansible_network_os: cisco.asa.asa, edge_if: outside }
                    mx1: { ansible_port: %d, ansible_network_os: junipernetworks.junos.junos, edge_if: ge-0/0/0.0 }
                """.formatted(DeviceSpec.DEFAULT_PASSWORD, DeviceSpec.DEFAULT_ENABLE, r1.port(), fw1.port(), mx1.port()));
        Files.writeString(inv.resolve("group_vars/all.yml"), "snmp_community: " + COMMUNITY + "\nops_secret: \"" + OPS_SECRET + "\"\n");
        Files.writeString(dir.resolve("site.yml"), """
                - hosts: r1
                  tasks:
                    - name: device secrets
                      config:
                        lines:
                          - "snmp-server community {{ snmp_community }} RO"
                          - "username ops privilege 15 secret 9 {{ ops_secret }}"
                - hosts: all
                  tasks:
                    - name: token in a message
                      debug: { msg: "calling the API with {{ api_token }} for {{ inventory_hostname }}" }
                    - name: edge
                      acl:
                        name: EDGE
                        bind: [{ interface: "{{ edge_if }}", direction: in }]
                        rules:
                          - permit: [xcp.client-access]
                """);
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private CliRun run(String... args) {
        return CliRun.inState(dir.resolve("state"), args);
    }

    /** Every secret and every hash of one that the lab devices hold after the run. */
    private List<String> secrets() {
        List<String> s = new ArrayList<>(List.of(DeviceSpec.DEFAULT_PASSWORD, DeviceSpec.DEFAULT_ENABLE, COMMUNITY, OPS_SECRET, TOKEN));
        Matcher m = Pattern.compile("(?m)^(?:enable secret 9|username \\S+ privilege 15 secret 9) (\\S+)$").matcher(r1.personality().savedConfig());
        while (m.find()) {
            s.add(m.group(1));
        }
        assertThat(s).as("the lab holds the hashes the test looks for").hasSize(7);
        return s;
    }

    /** The text of every file of every commit, and every commit message, of the history repository. */
    private String wholeHistory() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Git git = Git.open(dir.resolve("state/history").toFile())) {
            int commits = 0;
            for (RevCommit c : git.log().all().call()) {
                commits++;
                all.append(c.getFullMessage()).append('\n');
                try (TreeWalk w = new TreeWalk(git.getRepository())) {
                    w.addTree(c.getTree());
                    w.setRecursive(true);
                    while (w.next()) {
                        ObjectId id = w.getObjectId(0);
                        ByteArrayOutputStream b = new ByteArrayOutputStream();
                        git.getRepository().open(id).copyTo(b);
                        all.append(w.getPathString()).append('\n').append(b.toString(StandardCharsets.UTF_8)).append('\n');
                    }
                }
            }
            assertThat(commits).as("history has the baseline and the change").isGreaterThanOrEqualTo(2);
        }
        return all.toString();
    }

    @Test
    void noSecretLeavesPortpushAnywhere() throws Exception {
        Path html = dir.resolve("review.html");
        Path json = dir.resolve("report.json");
        CliRun push = run("run", dir.resolve("site.yml").toString(), "-i", dir.resolve("inv").toString(), "-e", "api_token=" + TOKEN,
                "-vvv", "--diff", "--report", html.toString());
        assertThat(push.code()).as(push.out() + push.err()).isZero();
        CliRun again = run("run", dir.resolve("site.yml").toString(), "-i", dir.resolve("inv").toString(), "-e", "api_token=" + TOKEN,
                "--json", "--report", json.toString(), "--check");
        assertThat(again.code()).as(again.err()).isZero();
        CliRun history = run("history", "r1");
        CliRun show = run("history", "show", "HEAD");
        CliRun wrongPassword = run("run", dir.resolve("site.yml").toString(), "-i", dir.resolve("inv").toString(), "-e",
                "api_token=" + TOKEN, "-e", "ansible_become_password=Wrong-" + DeviceSpec.DEFAULT_ENABLE, "-l", "r1", "-vvv");
        assertThat(wrongPassword.code()).isNotZero();

        // the secrets did reach the device, so there was something to leak
        assertThat(r1.personality().savedConfig()).contains("snmp-server community " + COMMUNITY + " RO");
        String everything = String.join("\n", push.out(), push.err(), again.out(), again.err(), Files.readString(html),
                Files.readString(json), history.out(), history.err(), show.out(), show.err(), wrongPassword.out(), wrongPassword.err(),
                wholeHistory());
        for (String secret : secrets()) {
            assertThat(everything).as("secret or hash %s", secret).doesNotContain(secret);
        }
        // masked where it was, and nothing else hidden: the lines around each secret stay readable
        assertThat(push.out()).contains("snmp-server community ******** RO", "username ops privilege 15 secret 9 ********",
                "calling the API with ******** for r1", "ip access-list extended EDGE");
        assertThat(wholeHistory()).contains("enable secret 9 ********", "username ops privilege 15 secret 9 ********",
                "snmp-server community ******** RO", "permit tcp 198.51.100.0 0.0.0.255 10.10.1.0 0.0.0.255 eq 5222",
                "hostname r1");
        assertThat(Files.readString(html)).contains("EDGE").contains("admin");
    }

    @Test
    void aSecretTooShortToMaskIsRefusedBeforeAnyConnection() throws Exception {
        CliRun r = run("run", dir.resolve("site.yml").toString(), "-i", dir.resolve("inv").toString(), "-e", "api_token=x7");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(5);
        assertThat(r.err()).contains("api_token: a secret of 2 character(s) cannot be masked").doesNotContain("x7 ");
        assertThat(r1.log().entries()).isEmpty();
    }
}
