package dev.poddashboard.lesson;

import java.util.List;

/**
 * One step of the lesson, with its state on this cluster.
 *
 * @param teaches     two or three plain sentences
 * @param commands    what to type (kubectl)
 * @param page        where the dashboard shows the effect
 * @param versionNote what this API server's version decides for the step, or empty
 */
public record Step(String id, String title, String teaches, List<String> commands, String page, String versionNote,
                   StepState.State state, String evidence) {
    public Step {
        commands = List.copyOf(commands);
    }
}
