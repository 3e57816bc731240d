package io.dataplatform.emr;

import io.dataplatform.internal.Checks;
import java.util.List;

/**
 * A step that runs a command on the master node through EMR's {@code command-runner.jar}
 * ({@code spark-submit ...}, {@code hadoop distcp ...}, a script). Allowed on every release: the SDK
 * cannot tell what it runs. Immutable: each method returns a changed copy.
 *
 * <pre>{@code
 * cluster.submit(CommandStep.of("spark-submit", "--class", "com.acme.Legacy", "s3://acme-code/legacy.jar"));
 * }</pre>
 */
public final class CommandStep implements Step {
    private final List<String> command;
    private final String name;
    private final ActionOnFailure actionOnFailure;

    private CommandStep(List<String> command, String name, ActionOnFailure actionOnFailure) {
        this.command = List.copyOf(command);
        this.name = name;
        this.actionOnFailure = actionOnFailure;
    }

    /** Returns a step running {@code command} (the program, then its arguments). */
    public static CommandStep of(String... command) {
        Checks.notNull(command, "command");
        Checks.require(command.length > 0 && command[0] != null && !command[0].isBlank(),
                "Invalid command: must name a program, such as spark-submit");
        for (String part : command) {
            Checks.notNull(part, "command argument");
        }
        return new CommandStep(List.of(command), command[0], ActionOnFailure.CONTINUE);
    }

    /** Returns a copy named {@code name} (default: the program). */
    public CommandStep name(String name) {
        Checks.notEmpty(name, "name");
        return new CommandStep(command, name, actionOnFailure);
    }

    /** Returns a copy with {@code action} on failure (default CONTINUE). */
    public CommandStep actionOnFailure(ActionOnFailure action) {
        Checks.notNull(action, "actionOnFailure");
        return new CommandStep(command, name, action);
    }

    /** Returns the command: the program, then its arguments. */
    public List<String> command() {
        return command;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ActionOnFailure actionOnFailure() {
        return actionOnFailure;
    }

    @Override
    public String toString() {
        return "CommandStep{" + name + ": " + command.get(0) + " (" + (command.size() - 1) + " args), " + actionOnFailure + "}";
    }
}
