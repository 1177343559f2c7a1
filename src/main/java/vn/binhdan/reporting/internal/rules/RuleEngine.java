package vn.binhdan.reporting.internal.rules;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.reporting.Figure;
import vn.binhdan.reporting.InvalidReport;
import vn.binhdan.reporting.ValidationRule;
import vn.binhdan.reporting.Violation;

/**
 * Checks a report's figures against the rules, in memory: the caller reads the figures (one
 * report, or every report of a province in one query) and this only compares numbers, so a
 * province-wide run costs one read and a loop.
 */
@Component
public class RuleEngine {

    /** A rule ready to run: its sides parsed once, and the path of the province it belongs to (null: everyone's). */
    public record Compiled(ValidationRule rule, Expression left, Expression right, String unitPath) {

        boolean covers(String path) {
            return unitPath == null || (path != null && path.startsWith(unitPath));
        }
    }

    /**
     * What one report's rules read: its indicators, its figures as they stand (or as frozen), the
     * previous period's frozen figures, and the registry's population by group, all keyed
     * {@code CODE/GROUP} (population by group name).
     */
    public record Subject(String unitPath, List<Indicator> items, Map<String, Figure> figures,
                          Map<String, Figure> previous, Map<String, Long> registry) {
    }

    /** Why a rule cannot be kept: the field of the rule and a message key with its arguments. */
    public static final class BadRule extends RuntimeException {
        public final String field;
        public final String messageKey;
        public final transient Object[] args;

        BadRule(String field, String messageKey, Object... args) {
            super(field + ": " + messageKey);
            this.field = field;
            this.messageKey = messageKey;
            this.args = args;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z.]+)}");

    private final Indicators indicators;
    private final MessageSource messages;

    RuleEngine(Indicators indicators, MessageSource messages) {
        this.indicators = indicators;
        this.messages = messages;
    }

    /** Parses the sides and checks that every indicator and group the rule names exists. */
    public Compiled compile(ValidationRule rule, String unitPath) {
        if (!ValidationRule.EVERY_INDICATOR.equals(rule.indicatorCode())) {
            Indicator i = indicators.find(rule.indicatorCode())
                    .orElseThrow(() -> new BadRule("indicatorCode", "rules.bad.indicator", rule.indicatorCode()));
            if (rule.group() != null && !i.groupKeys().contains(rule.group())) {
                throw new BadRule("group", "rules.bad.group", rule.group(), i.code());
            }
        }
        if (rule.operator() == null) {
            throw new BadRule("operator", "rules.bad.operator");
        }
        Expression left = side("leftSide", rule.leftSide());
        Expression right = side("rightSide", rule.rightSide());
        return new Compiled(rule, left, right, unitPath);
    }

    private Expression side(String field, String text) {
        Expression e;
        try {
            e = Expression.parse(text);
        } catch (IllegalArgumentException ex) {
            throw new BadRule(field, "rules.bad.expression", text == null ? "" : text, ex.getMessage());
        }
        for (Expression.Ref r : e.refs()) {
            if (r.indicator() == null) {
                continue;
            }
            Indicator i = indicators.find(r.indicator())
                    .orElseThrow(() -> new BadRule(field, "rules.bad.indicator", r.indicator()));
            if (!i.groupKeys().contains(r.group())) {
                throw new BadRule(field, "rules.bad.group", r.group(), i.code());
            }
        }
        return e;
    }

    /** Every violation of the subject's figures, in rule order then form order; explanations not filled in. */
    public List<Violation> evaluate(List<Compiled> rules, Subject s, Locale locale) {
        List<Violation> out = new ArrayList<>();
        for (Compiled c : rules) {
            ValidationRule rule = c.rule();
            if (!rule.active() || !c.covers(s.unitPath())) {
                continue;
            }
            for (Indicator i : s.items()) {
                if (!applies(rule, i)) {
                    continue;
                }
                for (String g : i.groupKeys()) {
                    if (rule.group() != null && !rule.group().equals(g)) {
                        continue;
                    }
                    BigDecimal left = c.left().evaluate(r -> value(s, i.code(), g, r));
                    BigDecimal right = c.right().evaluate(r -> value(s, i.code(), g, r));
                    if (left == null || right == null || rule.operator().holds(left, right)) {
                        continue;
                    }
                    out.add(new Violation(rule.code() + "/" + i.code() + "/" + g, rule.code(), rule.importance(),
                            i.code(), g, field(c, i.code(), g), render(rule.message(locale), s, i, g, left, right, locale),
                            left, right, null));
                }
            }
        }
        return out;
    }

    private static boolean applies(ValidationRule rule, Indicator i) {
        if (ValidationRule.EVERY_INDICATOR.equals(rule.indicatorCode())) {
            return rule.measure() == null || rule.measure() == i.measure();
        }
        return rule.indicatorCode().equals(i.code());
    }

    /** The figure a violation is shown beside: the first one its left side (else right side) reads. */
    private static String field(Compiled c, String code, String group) {
        List<Expression.Ref> refs = new ArrayList<>(c.left().refs());
        refs.addAll(c.right().refs());
        Expression.Ref first = refs.stream().filter(r -> !r.field().startsWith("previous.")).findFirst()
                .orElse(refs.isEmpty() ? null : refs.getFirst());
        if (first == null) {
            return InvalidReport.numeratorField(code, group);
        }
        String ic = first.indicator() == null ? code : first.indicator();
        String g = first.indicator() == null ? group : first.group();
        return first.numeratorSide() ? InvalidReport.numeratorField(ic, g) : InvalidReport.denominatorField(ic, g);
    }

    static BigDecimal value(Subject s, String code, String group, Expression.Ref r) {
        String c = r.indicator() == null ? code : r.indicator();
        String g = r.indicator() == null ? group : r.group();
        String key = Figure.key(c, g);
        return switch (r.field()) {
            case "numerator" -> big(s.figures().get(key), true, false);
            case "denominator" -> big(s.figures().get(key), false, false);
            case "share" -> share(s.figures().get(key));
            case "typed.numerator" -> big(s.figures().get(key), true, true);
            case "typed.denominator" -> big(s.figures().get(key), false, true);
            case "registry" -> {
                Long v = s.registry().get(g);
                yield v == null ? null : BigDecimal.valueOf(v);
            }
            case "previous.numerator" -> big(s.previous().get(key), true, false);
            case "previous.denominator" -> big(s.previous().get(key), false, false);
            case "previous.share" -> share(s.previous().get(key));
            default -> null;
        };
    }

    private static BigDecimal big(Figure f, boolean numerator, boolean typedOnly) {
        if (f == null) {
            return null;
        }
        Long v = numerator ? f.numerator() : f.denominator();
        Figure.Source source = numerator ? f.numeratorSource() : f.denominatorSource();
        if (v == null || (typedOnly && source != Figure.Source.DECLARED)) {
            return null;
        }
        return BigDecimal.valueOf(v);
    }

    private static BigDecimal share(Figure f) {
        return f == null ? null : Figure.share(f.numerator(), f.denominator());
    }

    private String render(String template, Subject s, Indicator i, String group, BigDecimal left, BigDecimal right,
                          Locale locale) {
        String groupName = Indicator.ALL.equals(group)
                ? messages.getMessage("report.group.ALL", null, group, locale)
                : messages.getMessage("group." + group, null, group, locale);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "indicator" -> i.name(locale);
                case "group" -> groupName;
                case "left" -> number(left, locale);
                case "right" -> number(right, locale);
                default -> Expression.FIELDS.contains(name)
                        ? number(value(s, i.code(), group, new Expression.Ref(null, null, name)), locale) : m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** As the reader writes numbers: 1.351,4 in Vietnamese, 1,351.4 in English; a dash for none. */
    static String number(BigDecimal n, Locale locale) {
        if (n == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance("en".equals(locale.getLanguage()) ? Locale.UK
                : Locale.forLanguageTag("vi-VN"));
        f.setMaximumFractionDigits(1);
        return f.format(n);
    }
}
