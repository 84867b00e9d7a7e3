package io.portpush.platform.nxos;

import java.util.Map;
import java.util.Optional;

/**
 * The port names Cisco NX-OS prints in access lists, as far as NX-OS's own output shows them
 * (genieparser and ntc-templates NX-OS samples: {@code eq www}, {@code range time bgp},
 * {@code neq finger}, {@code eq pim-auto-rp}; the running configurations in the cisco.nxos Ansible
 * collection's tests: {@code eq ftp-data}, {@code eq domain}, {@code range ftp-data ftp},
 * {@code range telnet time}); other ports print as numbers there. A name not here is not guessed.
 */
final class NxosPortNames {
    private static final Map<String, Integer> PORTS = Map.of("www", 80, "bgp", 179, "time", 37, "finger", 79, "pim-auto-rp", 496,
            "ftp-data", 20, "ftp", 21, "telnet", 23, "domain", 53);

    private NxosPortNames() {
    }

    static Optional<Integer> port(String word) {
        if (word.matches("\\d{1,5}")) {
            int p = Integer.parseInt(word);
            return p <= 65535 ? Optional.of(p) : Optional.empty();
        }
        return Optional.ofNullable(PORTS.get(word));
    }
}
