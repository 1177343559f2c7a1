package vn.binhdan.assessment;

import java.util.Optional;
import vn.binhdan.shared.VietnameseText;

/** Kinds of question; "pick the safe one" options describe pictures (their alt text). */
public enum QuestionType {
    SINGLE, MULTIPLE, TRUE_FALSE, ORDERING, PICK_SAFE;

    /** Reads a type as authors write it in Excel, in Vietnamese or by its code. */
    public static Optional<QuestionType> parse(String text) {
        String t = VietnameseText.fold(text == null ? "" : text).replaceAll("[^a-z_ ]", " ").trim();
        return Optional.ofNullable(switch (t) {
            case "single", "mot lua chon", "mot dap an", "chon mot" -> SINGLE;
            case "multiple", "nhieu lua chon", "nhieu dap an", "chon nhieu" -> MULTIPLE;
            case "true_false", "true false", "dung sai", "dung hay sai" -> TRUE_FALSE;
            case "ordering", "sap xep", "sap xep thu tu" -> ORDERING;
            case "pick_safe", "pick safe", "chon hinh an toan", "chon an toan" -> PICK_SAFE;
            default -> null;
        });
    }
}
