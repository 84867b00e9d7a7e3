package io.portpush.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.policy.AclEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample of real device output in {@code src/test/resources/real/<platform>/<command>/}
 * is read by the product's reader and compared, record by record and field by field, with the
 * records a person wrote beside it after reading the text ({@code NAME.expect}). Nothing here is
 * produced by running the parser: a wrong reading fails against the person's.
 */
class RealOutputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/real");

    /** A sample with the records expected of it and where it comes from. */
    record Sample(Path text, String platform, String command, String source, List<String> records) {
        @Override
        public String toString() {
            return CORPUS.relativize(text).toString();
        }

        static Sample of(Path text) throws IOException {
            Path expect = Path.of(text.toString().replaceFirst("\\.txt$", ".expect"));
            String source = "";
            List<String> records = new ArrayList<>();
            for (String l : Files.readAllLines(expect)) {
                if (l.startsWith("source: ")) {
                    source = l.substring(8);
                } else if (!l.isBlank() && !l.startsWith("#") && l.contains(" | ")) {
                    records.add(l.strip());
                }
            }
            return new Sample(text, text.getParent().getParent().getFileName().toString(),
                    text.getParent().getFileName().toString().replace('_', ' '), source, records);
        }
    }

    static List<Sample> samples() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            List<Sample> out = new ArrayList<>();
            for (Path p : s.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                out.add(Sample.of(p));
            }
            return out;
        }
    }

    /** What the reader made of a sample, in the expectation's form: {@code LIST | describe()}. */
    static List<String> read(Sample s) throws IOException {
        String text = Files.readString(s.text());
        List<String> out = new ArrayList<>();
        var routes = Platforms.readRoutes(s.platform(), s.command(), text);
        if (routes.isPresent()) {
            routes.get().forEach(r -> out.add(r.describe()));
            return out;
        }
        var counters = Platforms.readCounters(s.platform(), s.command(), text);
        if (counters.isPresent()) {
            counters.get().forEach((filter, list) -> {
                if (list.isEmpty()) {
                    out.add(filter + " | (no counters)");
                }
                list.forEach(c -> out.add(filter + " | " + c.describe()));
            });
            return out;
        }
        var attached = Platforms.readInterfaces(s.platform(), s.command(), text);
        if (attached.isPresent()) {
            attached.get().forEach((where, list) -> {
                if (list.isEmpty()) {
                    out.add(where + " | (nothing applied)");
                }
                list.forEach(r -> out.add(where + " | " + r));
            });
            return out;
        }
        Map<String, List<AclEntry>> acls = Platforms.readAcls(s.platform(), s.command(), text)
                .orElseThrow(() -> new AssertionError(s.text() + ": no reader for " + s.platform() + " '" + s.command() + "'"));
        acls.forEach((list, entries) -> {
            if (entries.isEmpty()) {
                out.add(list + " | (no entries)"); // a list header is a list of its own, even empty
            }
            entries.forEach(e -> out.add(list + " | " + e.describe()));
        });
        return out;
    }

    // a parameterized test rather than a test factory: mutation testing (PIT) sees each sample as a test of its own
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleReadsAsThePersonWroteIt(Sample s) throws IOException {
        assertThat(s.source()).as(s.text() + " names its source").isNotBlank();
        assertThat(s.records()).as(s.text() + " has records").isNotEmpty();
        assertThat(read(s)).as(s.text() + " (source: " + s.source() + ")").containsExactlyElementsOf(s.records());
    }

    @Test
    void theCorpusCoversEveryPlatformAndSaysWhereEachSampleComesFrom() throws IOException {
        List<Sample> all = samples();
        assertThat(all).extracting(Sample::platform).contains("cisco_ios", "cisco_asa", "juniper_junos");
        assertThat(all).allSatisfy(s -> assertThat(s.source()).as(s.text().toString()).matches("(https?://|.*\\(.*\\)).*"));
    }
}
