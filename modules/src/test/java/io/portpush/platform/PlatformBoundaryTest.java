package io.portpush.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A platform is one folder: nothing outside {@code platform/<name>/} imports it, and platforms do
 * not import each other (what they share lives in {@code io.portpush.platform} itself). Read from
 * the sources, so a new import across the line fails the build instead of waiting for a review.
 */
class PlatformBoundaryTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern IMPORT = Pattern.compile("(?m)(?:^import\\s+|\\bnew\\s+|[\\s(])io\\.portpush\\.platform\\.([a-z]+)\\.");

    private static List<Path> sources() throws IOException {
        List<Path> out = new ArrayList<>();
        // the benchmarks measure named platforms' parsers on purpose; they ship nothing
        for (String module : List.of("core", "modules", "lab", "cli")) {
            Path main = ROOT.resolve(module).resolve("src/main/java");
            if (Files.isDirectory(main)) {
                try (Stream<Path> s = Files.walk(main)) {
                    s.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
                }
            }
        }
        return out;
    }

    /** The platform package a source file belongs to, or "" when it is outside every platform. */
    private static String owner(Path source) {
        String s = source.toString().replace('\\', '/');
        Matcher m = Pattern.compile("/io/portpush/platform/([a-z]+)/").matcher(s);
        return m.find() ? m.group(1) : "";
    }

    @Test
    void nothingOutsideAPlatformReachesIntoIt() throws IOException {
        List<String> crossings = new ArrayList<>();
        List<Path> files = sources();
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                if (!m.group(1).equals(owner(f))) {
                    crossings.add(ROOT.relativize(f) + " uses io.portpush.platform." + m.group(1));
                }
            }
        }
        assertThat(files).as("the sources were found").hasSizeGreaterThan(100);
        assertThat(crossings).isEmpty();
    }
}
