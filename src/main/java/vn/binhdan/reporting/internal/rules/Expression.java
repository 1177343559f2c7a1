package vn.binhdan.reporting.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One side of a validation rule, parsed once: numbers, references to figures, {@code + - * /},
 * parentheses and {@code abs(...)}. A reference is a field of the figure the rule is checking
 * ({@code numerator}, {@code denominator}, {@code share}, {@code typed.numerator},
 * {@code typed.denominator}, {@code registry}, {@code previous.numerator},
 * {@code previous.denominator}, {@code previous.share}) or the same field of another figure of
 * the form, {@code CODE.GROUP.field}. A side with a missing value is missing as a whole, and the
 * rule is then skipped, as DHIS2 does by default: "no data" is not a violation.
 */
public final class Expression {

    public static final Set<String> FIELDS = Set.of("numerator", "denominator", "share", "typed.numerator",
            "typed.denominator", "registry", "previous.numerator", "previous.denominator", "previous.share");

    /** A figure a side reads: of the checked indicator and group when {@code indicator} is null. */
    public record Ref(String indicator, String group, String field) {

        /** Whether it reads the count/numerator (else the denominator or population). */
        public boolean numeratorSide() {
            return !field.endsWith("denominator") && !field.equals("registry");
        }
    }

    private sealed interface Node permits Num, Var, Bin, Abs {
    }

    private record Num(BigDecimal value) implements Node {
    }

    private record Var(Ref ref) implements Node {
    }

    private record Bin(char op, Node left, Node right) implements Node {
    }

    private record Abs(Node inner) implements Node {
    }

    private final String text;
    private final Node root;
    private final List<Ref> refs;

    private Expression(String text, Node root, List<Ref> refs) {
        this.text = text;
        this.root = root;
        this.refs = List.copyOf(refs);
    }

    /** Parses a side; {@link IllegalArgumentException} says where it goes wrong. */
    public static Expression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        Parser p = new Parser(text.strip());
        Node n = p.sum();
        p.skipSpace();
        if (p.pos < p.s.length()) {
            throw new IllegalArgumentException("unexpected '" + p.s.charAt(p.pos) + "' at " + (p.pos + 1));
        }
        return new Expression(text.strip(), n, p.refs);
    }

    public String text() {
        return text;
    }

    public List<Ref> refs() {
        return refs;
    }

    /** The value, or null when a figure it reads is missing or it divides by zero. */
    public BigDecimal evaluate(Function<Ref, BigDecimal> figures) {
        return eval(root, figures);
    }

    private static BigDecimal eval(Node n, Function<Ref, BigDecimal> figures) {
        return switch (n) {
            case Num num -> num.value();
            case Var v -> figures.apply(v.ref());
            case Abs a -> {
                BigDecimal x = eval(a.inner(), figures);
                yield x == null ? null : x.abs();
            }
            case Bin b -> {
                BigDecimal l = eval(b.left(), figures);
                BigDecimal r = eval(b.right(), figures);
                if (l == null || r == null) {
                    yield null;
                }
                yield switch (b.op()) {
                    case '+' -> l.add(r);
                    case '-' -> l.subtract(r);
                    case '*' -> l.multiply(r);
                    default -> r.signum() == 0 ? null : l.divide(r, 6, RoundingMode.HALF_UP);
                };
            }
        };
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        final String s;
        int pos;
        final List<Ref> refs = new ArrayList<>();

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(char c) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        Node sum() {
            Node n = product();
            while (true) {
                if (eat('+')) {
                    n = new Bin('+', n, product());
                } else if (eat('-')) {
                    n = new Bin('-', n, product());
                } else {
                    return n;
                }
            }
        }

        Node product() {
            Node n = factor();
            while (true) {
                if (eat('*')) {
                    n = new Bin('*', n, factor());
                } else if (eat('/')) {
                    n = new Bin('/', n, factor());
                } else {
                    return n;
                }
            }
        }

        Node factor() {
            skipSpace();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("a value is missing at the end");
            }
            char c = s.charAt(pos);
            if (eat('(')) {
                Node n = sum();
                if (!eat(')')) {
                    throw new IllegalArgumentException("')' missing at " + (pos + 1));
                }
                return n;
            }
            if (eat('-')) {
                return new Bin('-', new Num(BigDecimal.ZERO), factor());
            }
            if (Character.isDigit(c)) {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                try {
                    return new Num(new BigDecimal(s.substring(start, pos)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad number at " + (start + 1));
                }
            }
            if (Character.isLetter(c)) {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                        || s.charAt(pos) == '.')) {
                    pos++;
                }
                String word = s.substring(start, pos);
                if (word.equals("abs")) {
                    if (!eat('(')) {
                        throw new IllegalArgumentException("'(' expected after abs");
                    }
                    Node n = sum();
                    if (!eat(')')) {
                        throw new IllegalArgumentException("')' missing at " + (pos + 1));
                    }
                    return new Abs(n);
                }
                Ref ref = ref(word, start);
                refs.add(ref);
                return new Var(ref);
            }
            throw new IllegalArgumentException("unexpected '" + c + "' at " + (pos + 1));
        }

        private static Ref ref(String word, int at) {
            if (FIELDS.contains(word)) {
                return new Ref(null, null, word);
            }
            String[] parts = word.split("\\.", 3);
            if (parts.length == 3 && FIELDS.contains(parts[2]) && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                return new Ref(parts[0], parts[1], parts[2]);
            }
            throw new IllegalArgumentException("unknown figure '" + word + "' at " + (at + 1));
        }
    }
}
