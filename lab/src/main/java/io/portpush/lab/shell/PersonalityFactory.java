package io.portpush.lab.shell;

/**
 * Makes the lab personality of one platform; found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.portpush.lab.shell.PersonalityFactory}), so that adding a platform
 * to the lab touches its own package and one service line.
 */
public interface PersonalityFactory {
    /** The portpush platform name the personality simulates ({@code cisco_ios}). */
    String platform();

    Personality create(DeviceContext ctx);
}
