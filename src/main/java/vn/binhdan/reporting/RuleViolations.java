package vn.binhdan.reporting;

import java.util.List;

/**
 * A report held back by its rules: every error, and every warning still without an explanation,
 * each beside its field. 422: the request is well formed, the figures are what stop it.
 */
public class RuleViolations extends InvalidReport {

    private final transient List<Violation> violations;

    public RuleViolations(List<Violation> violations) {
        super(violations.stream().map(v -> v.error()
                ? new FieldError(v.field(), "rules.violation", v.message())
                : new FieldError(v.explanationField(), "rules.explanationMissing", v.message())).toList());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public int status() {
        return 422;
    }
}
