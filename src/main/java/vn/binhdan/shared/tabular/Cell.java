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
}
