package io.portpush.cli.run;

import io.portpush.core.error.InputProblem;
import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.template.TemplateEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The project's {@code .j2} templates, checked for syntax before a run connects to anything. */
final class TemplateFiles {
    private static final Pattern LINE = Pattern.compile("^line (\\d+), (.*)$");

    private TemplateFiles() {
    }

    /** Refuses the run (exit 5) when any {@code .j2} file under {@code dirs} has a syntax problem, naming file:line:column. */
    static void check(TemplateEngine templates, List<Path> dirs) {
        List<InputProblem> problems = new ArrayList<>();
        for (Path d : dirs.stream().distinct().toList()) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(d)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".j2") && Files.isRegularFile(x)).sorted().toList()) {
                    for (String problem : templates.syntaxProblems(Files.readString(f, StandardCharsets.UTF_8))) {
                        Matcher m = LINE.matcher(problem);
                        int line = m.matches() ? Integer.parseInt(m.group(1)) : 0;
                        problems.add(new InputProblem(new SourceLocation(f.toString(), line, "template syntax"),
                                m.matches() ? m.group(2) : problem));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
