package io.portpush.lab.junos;

import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.Personality;
import io.portpush.lab.shell.PersonalityFactory;

/** Registers the Junos personality with the lab. */
public final class JunosPersonalityFactory implements PersonalityFactory {
    @Override
    public String platform() {
        return "juniper_junos";
    }

    @Override
    public Personality create(DeviceContext ctx) {
        return new JunosPersonality(ctx);
    }
}
