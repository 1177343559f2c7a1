package vn.binhdan.reporting.internal.rules;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.reporting.ValidationRule;

/**
 * Installs the rules shipped in {@code reporting/rules.json} on start, missing codes only: a
 * province may have changed or switched off a shipped rule, and a new release must not undo that.
 * A bad rule in the file stops the start, so it is found on the first run, not on a due day.
 */
@Component
@Order(31)
class ShippedRules implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedRules.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record RuleFile(String code, String indicator, String measure, String group, String left, String operator,
                    String right, String importance, Map<String, String> message) {
    }

    private final RuleRepository rules;
    private final RuleEngine engine;
    private final Clock clock;

    ShippedRules(RuleRepository rules, RuleEngine engine, Clock clock) {
        this.rules = rules;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        List<RuleFile> files = JSON.readValue(new ClassPathResource("reporting/rules.json").getContentAsByteArray(),
                new TypeReference<List<RuleFile>>() { });
        int order = 0;
        for (RuleFile f : files) {
            order += 10;
            ValidationRule rule = new ValidationRule(f.code(), f.indicator(),
                    f.measure() == null ? null : Indicator.Measure.valueOf(f.measure()), f.group(), f.left(),
                    ValidationRule.Operator.parse(f.operator()), f.right(),
                    ValidationRule.Importance.valueOf(f.importance()), f.message().get("vi"),
                    f.message().getOrDefault("en", f.message().get("vi")), null, true, order, "system", clock.instant());
            try {
                engine.compile(rule, null);
            } catch (RuleEngine.BadRule e) {
                throw new IllegalStateException("reporting/rules.json: rule " + f.code() + ": " + e.getMessage(), e);
            }
            if (!rules.exists(rule.code())) {
                rules.insert(rule);
                log.info("Installed validation rule {}", rule.code());
            }
        }
    }
}
