package vn.binhdan.shared.secrets;

import java.util.List;
import java.util.stream.Collectors;

/** Start-up refused: a secret is missing, too short, or one whose value has been published. */
public class UnsafeSecretsException extends IllegalStateException {

    private final List<Secrets.Finding> findings;

    UnsafeSecretsException(List<Secrets.Finding> findings) {
        super("Unsafe secrets: " + findings.stream().map(f -> f.secret().variable() + " " + f.problem())
                .collect(Collectors.joining(", ")));
        this.findings = List.copyOf(findings);
    }

    public List<Secrets.Finding> findings() {
        return findings;
    }
}
