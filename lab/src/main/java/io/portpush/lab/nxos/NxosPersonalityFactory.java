package io.portpush.lab.nxos;

import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.Personality;
import io.portpush.lab.shell.PersonalityFactory;

/** Registers the Cisco NX-OS personality with the lab. */
public final class NxosPersonalityFactory implements PersonalityFactory {
    @Override
    public String platform() {
        return "cisco_nxos";
    }

    @Override
    public Personality create(DeviceContext ctx) {
        return new NxosPersonality(ctx);
    }
}
