package io.portpush.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void iniWithRangesChildrenVarsAndPrecedence() throws Exception {
        Path inv = write("hosts", """
                # edge firewalls
                [edge]
                fw[01:03].dc1 ansible_port=2200 site=dc1

                [edge:vars]
                ansible_network_os=cisco.asa.asa
                level=group-inventory

                [core]
                r9 ansible_host=10.0.0.9

                [dc:children]
                edge
                core
                """);
        write("group_vars/all.yml", "level: all\nntp: 10.0.0.1\n");
        write("group_vars/edge/main.yml", "level: group_vars-edge\n");
        write("host_vars/fw02.dc1.yml", "level: host_vars\n");
        Inventory i = InventoryLoader.load(inv);
        assertThat(i.hostNames()).containsExactly("fw01.dc1", "fw02.dc1", "fw03.dc1", "r9");
        assertThat(i.hostsOf("dc")).containsExactly("fw01.dc1", "fw02.dc1", "fw03.dc1", "r9");
        assertThat(i.varsFor("fw01.dc1")).containsEntry("level", "group_vars-edge").containsEntry("ansible_port", 2200)
                .containsEntry("ntp", "10.0.0.1").containsEntry("site", "dc1");
        assertThat(i.varsFor("fw02.dc1")).containsEntry("level", "host_vars");
        assertThat(i.varsFor("r9")).containsEntry("level", "all");
        HostConnection c = HostConnection.of("fw01.dc1", i.varsFor("fw01.dc1"), i.source(), ASA_ONLY);
        assertThat(c.platform()).isEqualTo("cisco_asa");
        assertThat(c.port()).isEqualTo(2200);
        assertThat(i.groupsOf("r9")).containsExactly("all", "dc", "core");
    }

    @Test
    void yamlInventoryAndPatterns() throws Exception {
        Path inv = write("lab.yml", """
                all:
                  vars: { ansible_user: admin }
                  children:
                    routers:
                      hosts:
                        r1: { ansible_network_os: cisco.ios.ios }
                        r2:
                    firewalls:
                      hosts:
                        fw1: { platform: cisco_asa }
                    canary:
                      hosts:
                        r2:
                """);
        Inventory i = InventoryLoader.load(inv);
        assertThat(i.select("all")).containsExactly("r1", "r2", "fw1");
        assertThat(i.select("routers:firewalls")).containsExactly("r1", "r2", "fw1");
        assertThat(i.select("routers:&canary")).containsExactly("r2");
        assertThat(i.select("all:!canary")).containsExactly("r1", "fw1");
        assertThat(i.select("r*")).containsExactly("r1", "r2");
        assertThat(i.select("~f.*")).containsExactly("fw1");
        assertThat(i.select("ungrouped")).isEmpty();
        assertThat(i.graph()).contains("--@routers:").contains("--r1");
    }

    @Test
    void badInventoriesNameFileAndLine() throws Exception {
        Path ini = write("bad", "[edge]\nfw1 ansible_port=22 stray\n");
        assertThatThrownBy(() -> InventoryLoader.load(ini)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(ini + ":2:").hasMessageContaining("expected key=value after the host name, found 'stray'");
        Path yml = write("bad.yml", "all:\n  children:\n    g:\n      hostz: {}\n");
        assertThatThrownBy(() -> InventoryLoader.load(yml)).hasMessageContaining(yml + ":4: all.children.g.hostz: unknown key 'hostz'");
        Path os = write("os.yml", "all:\n  hosts:\n    x: { ansible_network_os: vyos.vyos.vyos }\n");
        Inventory i = InventoryLoader.load(os);
        assertThatThrownBy(() -> HostConnection.of("x", i.varsFor("x"), i.source(), ASA_ONLY))
                .hasMessageContaining("x.ansible_network_os").hasMessageContaining("'vyos.vyos.vyos' is not a platform portpush drives")
                .hasMessageContaining("known: cisco_asa").hasMessageContaining("cisco.asa.asa");
    }

    /**
     * One platform known by name and by its Ansible name (core has no platforms of its own; the
     * real ones are registered by the modules and tested there).
     */
    private static final io.portpush.core.platform.PlatformRegistry ASA_ONLY = io.portpush.core.platform.PlatformRegistry.of(List.of(
            new io.portpush.core.platform.Platform() {
                @Override
                public String name() {
                    return "cisco_asa";
                }

                @Override
                public java.util.Set<String> aliases() {
                    return java.util.Set.of("cisco.asa.asa", "asa");
                }

                @Override
                public io.portpush.core.platform.Capabilities capabilities() {
                    return new io.portpush.core.platform.Capabilities(List.of(io.portpush.core.platform.AclStrategy.SWAP), true, true, true,
                            io.portpush.core.platform.CommitModel.IMMEDIATE, "");
                }

                @Override
                public java.util.Optional<io.portpush.core.device.Dialect> dialect() {
                    return java.util.Optional.empty();
                }
            }));

    @Test
    void aliasesNameOnePlatformAndTwoPlatformsCannotShareAName() {
        assertThat(ASA_ONLY.find("cisco.asa.asa").map(io.portpush.core.platform.Platform::name)).hasValue("cisco_asa");
        assertThat(ASA_ONLY.find("asa")).isEqualTo(ASA_ONLY.named("cisco_asa"));
        assertThat(ASA_ONLY.named("asa")).isEmpty();
        assertThatThrownBy(() -> io.portpush.core.platform.PlatformRegistry.of(List.of(ASA_ONLY.named("cisco_asa").orElseThrow(),
                ASA_ONLY.named("cisco_asa").orElseThrow()))).hasMessageContaining("two platforms are named cisco_asa");
    }
}
