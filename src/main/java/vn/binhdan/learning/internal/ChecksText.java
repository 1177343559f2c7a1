package vn.binhdan.learning.internal;

import java.util.ArrayList;
import java.util.List;
import vn.binhdan.learning.Check;
import vn.binhdan.shared.BusinessException;

/**
 * Check questions as plain text, so an author can write them in a text box:
 * <pre>
 * ? Question
 * - a wrong option
 * + a right option
 * &gt; explanation shown after answering
 * </pre>
 * Questions are separated by a blank line.
 */
public final class ChecksText {

    private ChecksText() {
    }

    public static List<Check> parse(String text) {
        List<Check> checks = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return checks;
        }
        String prompt = null;
        List<String> options = new ArrayList<>();
        List<Integer> correct = new ArrayList<>();
        StringBuilder explanation = new StringBuilder();
        int lineNo = 0;
        for (String raw : (text + "\n\n").split("\\R", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty()) {
                if (prompt != null) {
                    checks.add(build(prompt, options, correct, explanation, checks.size() + 1));
                }
                prompt = null;
                options = new ArrayList<>();
                correct = new ArrayList<>();
                explanation = new StringBuilder();
                continue;
            }
            char kind = line.charAt(0);
            String rest = line.substring(1).strip();
            switch (kind) {
                case '?' -> {
                    if (prompt != null) {
                        checks.add(build(prompt, options, correct, explanation, checks.size() + 1));
                        options = new ArrayList<>();
                        correct = new ArrayList<>();
                        explanation = new StringBuilder();
                    }
                    prompt = rest;
                }
                case '-', '+' -> {
                    if (prompt == null) {
                        throw new BusinessException("lesson.checksText.optionFirst", lineNo);
                    }
                    if (kind == '+') {
                        correct.add(options.size());
                    }
                    options.add(rest);
                }
                case '>' -> {
                    if (prompt == null) {
                        throw new BusinessException("lesson.checksText.optionFirst", lineNo);
                    }
                    explanation.append(explanation.isEmpty() ? "" : " ").append(rest);
                }
                default -> throw new BusinessException("lesson.checksText.badLine", lineNo);
            }
        }
        return checks;
    }

    private static Check build(String prompt, List<String> options, List<Integer> correct, StringBuilder explanation,
                               int n) {
        if (prompt.isBlank() || options.size() < 2 || correct.isEmpty() || options.stream().anyMatch(String::isBlank)) {
            throw new BusinessException("lesson.checksText.incomplete", n);
        }
        return new Check(prompt, options, correct, explanation.isEmpty() ? null : explanation.toString());
    }

    public static String format(List<Check> checks) {
        StringBuilder out = new StringBuilder();
        for (Check c : checks) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("? ").append(c.prompt()).append('\n');
            for (int i = 0; i < c.options().size(); i++) {
                out.append(c.correct().contains(i) ? "+ " : "- ").append(c.options().get(i)).append('\n');
            }
            if (c.explanation() != null) {
                out.append("> ").append(c.explanation()).append('\n');
            }
        }
        return out.toString();
    }
}
