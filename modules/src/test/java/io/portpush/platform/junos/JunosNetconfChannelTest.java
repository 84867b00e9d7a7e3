package io.portpush.platform.junos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JunosNetconfChannelTest {
    @Test
    void configurationPathsBecomeJunosXmlFilters() {
        assertThat(JunosNetconfChannel.filter("firewall family inet filter IMP-EDGE-IN")).hasValue(
                "<firewall><family><inet><filter><name>IMP-EDGE-IN</name></filter></inet></family></firewall>");
        assertThat(JunosNetconfChannel.filter("interfaces")).hasValue("<interfaces/>");
        assertThat(JunosNetconfChannel.filter("interfaces ge-0/0/0 unit 0")).hasValue(
                "<interfaces><interface><name>ge-0/0/0</name><unit><name>0</name></unit></interface></interfaces>");
        assertThat(JunosNetconfChannel.filter("class-of-service")).hasValue("<class-of-service/>");
        // a word that is no Junos keyword where one is expected: no filter, the caller cuts the whole configuration
        assertThat(JunosNetconfChannel.filter("firewall <x>")).isEmpty();
    }
}
