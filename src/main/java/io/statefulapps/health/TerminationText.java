package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;

/**
 * How a container's run ended, in words: the exit code, what the codes that confuse people mean
 * (128 + signal), and the container's own termination message when it left one.
 */
final class TerminationText {

    private static final int MAX_MESSAGE = 200;

    private TerminationText() {
    }

    /** {@code ", last exit code 137 (Error) = killed by SIGKILL: …; termination message: …"}, or empty. */
    static String lastRun(ContainerStateTerminated last) {
        return last == null ? "" : ", last exit code " + exitCode(last);
    }

    /** {@code "137 (Error) = killed by SIGKILL: …; termination message: …"}. */
    static String exitCode(ContainerStateTerminated run) {
        String reason = run.getReason() == null || run.getReason().isBlank() ? "" : " (" + run.getReason() + ")";
        String meaning = run.getExitCode() == null ? "" : meaning(run.getExitCode());
        return run.getExitCode() + reason + (meaning.isEmpty() ? "" : " = " + meaning) + message(run);
    }

    /** What an exit code says beyond "non-zero"; empty for codes that only the app can explain. */
    static String meaning(int exitCode) {
        return switch (exitCode) {
            case 126 -> "the command cannot be executed (permissions, or built for another CPU)";
            case 127 -> "the command is not in the image";
            case 137 -> "killed by SIGKILL: out of memory (the kernel's OOM killer), or stopped by force"
                    + " (a failed liveness probe, or a stop that outlasted the grace period)";
            case 139 -> "crashed with SIGSEGV (segmentation fault)";
            case 143 -> "ended by SIGTERM: asked to stop (a failed liveness probe, a deletion, a node drain)";
            default -> "";
        };
    }

    private static String message(ContainerStateTerminated last) {
        String text = last.getMessage();
        if (text == null || text.isBlank()) {
            return "";
        }
        return "; termination message: " + OneLine.of(text, MAX_MESSAGE);
    }
}
