package vn.binhdan.campaign;

import java.util.List;

/**
 * A condition of a compliance indicator as a province types it: comparison GE (at least) or GT
 * (more than), dates as 30/6 or 06-30.
 */
public record ComplianceForm(String metric, List<String> kinds, String comparison, Long threshold, String from,
                             String to, Boolean eachMonth) {
}
