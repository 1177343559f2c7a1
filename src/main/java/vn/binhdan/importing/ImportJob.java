package vn.binhdan.importing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

public record ImportJob(String id, String kind, String fileName, String format, Status status, long totalRows,
                        long processedRows, long errorRows, long createdRows, long updatedRows, long unchangedRows,
                        String message, String createdBy, Instant createdAt, Instant finishedAt) {

    public enum Status {
        /** uploaded, waiting for the user to confirm the column mapping */
        UPLOADED,
        RUNNING,
        /** applied in full */
        DONE,
        /** some rows are wrong: nothing was applied, the error report says which */
        REJECTED,
        /** the file as a whole could not be read: nothing was applied */
        FAILED
    }

    @JsonProperty
    public boolean finished() {
        return status == Status.DONE || status == Status.REJECTED || status == Status.FAILED;
    }

    @JsonProperty
    public int percent() {
        if (finished()) {
            return 100;
        }
        if (totalRows <= 0) {
            return 0;
        }
        return (int) Math.min(99, processedRows * 100 / totalRows);
    }
}
