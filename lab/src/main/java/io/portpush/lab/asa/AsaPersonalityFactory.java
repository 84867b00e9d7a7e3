package io.portpush.lab.asa;

import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.Personality;
import io.portpush.lab.shell.PersonalityFactory;

/** Registers the Asa personality with the lab. */
public final class AsaPersonalityFactory implements PersonalityFactory {
    @Override
    public String platform() {
        return "cisco_asa";
    }

    @Override
    public Personality create(DeviceContext ctx) {
        return new AsaPersonality(ctx);
    }
}
