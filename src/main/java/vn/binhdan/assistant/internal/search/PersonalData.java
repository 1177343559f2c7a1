package vn.binhdan.assistant.internal.search;

import java.util.regex.Pattern;

/**
 * Removes what identifies a person from a question before it is logged, stored or sent: ID card
 * numbers (9 or 12 digits), tax and insurance numbers (10–13) and phone numbers, also when
 * typed with spaces, dots or dashes between the digits.
 */
public final class PersonalData {

    public static final String MASK = "[số đã ẩn]";
    private static final Pattern PHONE_INTL = Pattern.compile("\\+\\s?84(?:[\\s.\\-]?\\d){8,10}(?!\\d)");
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d(?:[\\s.\\-]?\\d){8,12}(?!\\d)");

    private PersonalData() {
    }

    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = PHONE_INTL.matcher(text).replaceAll(MASK);
        return DIGIT_RUN.matcher(out).replaceAll(MASK);
    }
}
