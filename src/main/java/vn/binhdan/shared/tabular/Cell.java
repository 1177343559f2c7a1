package vn.binhdan.shared.tabular;

/** One cell as read from a file. {@code numeric} matters for IDs: Excel drops their leading zeros. */
public record Cell(String text, boolean numeric, boolean formula) {

    public static final Cell EMPTY = new Cell("", false, false);

    public static Cell text(String s) {
        return new Cell(s == null ? "" : s, false, false);
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    private static final java.time.LocalDate EXCEL_EPOCH = java.time.LocalDate.of(1899, 12, 30);
    private static final java.time.format.DateTimeFormatter DMY = java.time.format.DateTimeFormatter
            .ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /**
     * The cell as a date: an Excel date (stored as a day number), day/month/year as people write
     * it, or ISO; empty when it is none of these.
     */
    public java.util.Optional<java.time.LocalDate> date() {
        String t = text.trim();
        try {
            if (numeric && t.matches("\\d{1,6}")) {
                return java.util.Optional.of(EXCEL_EPOCH.plusDays(Long.parseLong(t)));
            }
            return java.util.Optional.of(t.matches("\\d{4}-\\d{2}-\\d{2}") ? java.time.LocalDate.parse(t)
                    : java.time.LocalDate.parse(t, DMY));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The cell as a 12-digit ID number: spaces dropped, and the leading zeros Excel drops from a
     * number put back (province codes 001–096).
     */
    public String idNumber() {
        String id = text.replace(" ", "");
        if (numeric && id.matches("\\d{9,11}")) {
            id = "0".repeat(12 - id.length()) + id;
        }
        return id;
    }
}
