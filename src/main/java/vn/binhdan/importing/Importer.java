package vn.binhdan.importing;

import java.util.List;
import vn.binhdan.shared.AppUser;

/**
 * One kind of import. {@link #run} must check every row, report every error through the run,
 * and apply nothing unless no row failed — the file is applied whole or not at all.
 */
public interface Importer {

    /** Stable name used in URLs and the job table, e.g. "PERSON". */
    String kind();

    List<ImportField> fields();

    /** Throws {@link vn.binhdan.shared.ForbiddenException} if the user may not import this kind. */
    void checkAllowed(AppUser user);

    ImportOutcome run(ImportRun run);

    /**
     * Removes what a run of this job left outside its transaction (staged rows) when the run was
     * cut off by a crash and will never finish. Called once, by whichever instance claimed the job.
     */
    default void abandon(String jobId) {
    }
}
