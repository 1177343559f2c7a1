package vn.binhdan.importing;

public record ImportOutcome(long rows, long created, long updated, long unchanged) {

    public static ImportOutcome rejected(long rows) {
        return new ImportOutcome(rows, 0, 0, 0);
    }
}
