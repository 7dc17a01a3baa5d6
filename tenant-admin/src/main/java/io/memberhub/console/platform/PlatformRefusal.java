package io.memberhub.console.platform;

/** The platform refused a call; pages show its problem, or ask the person to sign in again. */
public class PlatformRefusal extends RuntimeException {

    private final PlatformProblem problem;

    public PlatformRefusal(PlatformProblem problem) {
        super(problem.status() + " " + problem.code() + ": " + problem.detail());
        this.problem = problem;
    }

    public PlatformProblem problem() {
        return problem;
    }

    public boolean is(String code) {
        return code.equals(problem.code());
    }
}
