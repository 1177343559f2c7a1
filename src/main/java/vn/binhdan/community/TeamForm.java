package vn.binhdan.community;

import jakarta.validation.constraints.Size;
/** A new team, or changes to one. */
public record TeamForm(Long unitId, @Size(max = 200) String name, Team.Kind kind, @Size(max = 20) String phone,
                       @Size(max = 120) String email) {
}
