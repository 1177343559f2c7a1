package vn.binhdan.people;

import java.util.Optional;
import vn.binhdan.shared.VietnameseText;

public enum Sex {
    MALE, FEMALE, OTHER;

    public static Optional<Sex> parse(String text) {
        return switch (VietnameseText.fold(text)) {
            case "nam", "m", "male", "1" -> Optional.of(MALE);
            case "nu", "f", "female", "0", "2" -> Optional.of(FEMALE);
            case "khac", "other" -> Optional.of(OTHER);
            default -> Optional.empty();
        };
    }
}
