package vn.binhdan.people;

/** Vietnamese mobile and landline numbers, stored as 10 or 11 digits starting with 0. */
public final class Phones {

    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s.()-]");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("0\\d{9,10}");

    private Phones() {
    }

    /** The normalised number, or null when blank or not a Vietnamese phone number. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String d = SEPARATORS.matcher(raw).replaceAll("");
        if (d.startsWith("+84")) {
            d = "0" + d.substring(3);
        } else if (d.startsWith("84") && d.length() == 11) {
            d = "0" + d.substring(2);
        }
        if (!NUMBER.matcher(d).matches()) {
            return null;
        }
        return d;
    }
}
