package vn.binhdan.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The population of a target group in a unit for a year: counted from the registry, or
 * declared from official statistics. A declared figure wins; {@code counted} is kept beside it.
 */
public record Denominator(long unitId, TargetGroup group, int year, long counted, Long declared,
                          String source, String declaredBy, Instant declaredAt) {

    @JsonProperty
    public long value() {
        return declared != null ? declared : counted;
    }

    @JsonProperty("isDeclared")
    public boolean isDeclared() {
        return declared != null;
    }
}
