package io.portpush.lab.ios;

import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.Personality;
import io.portpush.lab.shell.PersonalityFactory;

/** Registers the Ios personality with the lab. */
public final class IosPersonalityFactory implements PersonalityFactory {
    @Override
    public String platform() {
        return "cisco_ios";
    }

    @Override
    public Personality create(DeviceContext ctx) {
        return new IosPersonality(ctx);
    }
}
