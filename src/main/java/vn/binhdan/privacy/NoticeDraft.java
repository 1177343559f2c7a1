package vn.binhdan.privacy;

import jakarta.validation.constraints.Size;

/** @param unitId the province (or unit) whose people the notice speaks to */
public record NoticeDraft(Long unitId, @Size(max = 200) String title, @Size(max = 20000) String body,
                          @Size(max = 500) String contact) {
}
