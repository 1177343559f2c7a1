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

    private static final java.time.format.DateTimeFormatter DMY = java.time.format.DateTimeFormatter
            .ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /**
     * The cell as a date: day/month/year as people write it (an Excel date cell arrives so), or
     * ISO; empty when it is none of these. A bare number is never a date: Excel stores dates as
     * day numbers, but only a date-formatted cell means one, and the reader has turned those into
     * text already — read as a day number, a birth year 1975 became 28/05/1905.
     */
    public java.util.Optional<java.time.LocalDate> date() {
        String t = text.trim();
        try {
            return java.util.Optional.of(t.matches("\\d{4}-\\d{2}-\\d{2}") ? java.time.LocalDate.parse(t)
                    : java.time.LocalDate.parse(t, DMY));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** A bare four-digit year ("1975"), typed as a number or as text. */
    public boolean isYearOnly() {
        String t = text.trim();
        return t.length() == 4 && t.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * The cell as a 12-digit ID number: spaces dropped, and the leading zeros Excel drops from a
     * number put back (province codes 001–096).
     */
    public String idNumber() {
        String id = text.replace(" ", "").replace("\u00A0", "");
        if (numeric && id.matches("\\d{9,11}")) {
            id = "0".repeat(12 - id.length()) + id;
        }
        return id;
    }
}
