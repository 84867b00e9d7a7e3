package io.portpush.core.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One or more problems in input files (catalogue, inventory, playbook). Every problem names the
 * file, the line and the field, so a person can go straight to it.
 */
public final class InvalidInputException extends PortpushException {
    private static final long serialVersionUID = 1L;
    private final transient List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(SourceLocation where, String message) {
        this(List.of(new InputProblem(where, message)));
    }

    public List<InputProblem> problems() {
        return problems;
    }

    @Override
    public int exitCode() {
        return ExitCodes.INVALID_INPUT;
    }
}
