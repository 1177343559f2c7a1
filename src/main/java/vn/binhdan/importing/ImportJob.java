package vn.binhdan.importing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * @param headerRow the row of the file the column names were read from
 * @param retriable nothing was applied and the job ended through no fault of the file (a crash,
 *                  another import writing the same rows): importing the same file again is the fix
 */
public record ImportJob(String id, String kind, String fileName, String format, Status status, long totalRows,
                        long processedRows, long errorRows, long createdRows, long updatedRows, long unchangedRows,
                        String message, String createdBy, Instant createdAt, Instant finishedAt, long headerRow,
                        boolean retriable) {

    public enum Status {
        /** uploaded, waiting for the user to confirm the column mapping */
        UPLOADED,
        RUNNING,
        /** applied in full */
        DONE,
        /** some rows are wrong: nothing was applied, the error report says which */
        REJECTED,
        /** the file as a whole could not be read, or the run was cut off: nothing was applied */
        FAILED,
        /** never started: withdrawn by the user or abandoned; the file is deleted */
        CANCELLED
    }

    @JsonProperty
    public boolean finished() {
        return status != Status.UPLOADED && status != Status.RUNNING;
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
