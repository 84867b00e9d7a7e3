package io.portpush.lab.eos;

import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.Personality;
import io.portpush.lab.shell.PersonalityFactory;

/** Registers the Arista EOS personality with the lab. */
public final class EosPersonalityFactory implements PersonalityFactory {
    @Override
    public String platform() {
        return "arista_eos";
    }

    @Override
    public Personality create(DeviceContext ctx) {
        return new EosPersonality(ctx);
    }
}
