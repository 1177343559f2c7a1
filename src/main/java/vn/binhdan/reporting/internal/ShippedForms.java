package vn.binhdan.reporting.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.reporting.DueRule;
import vn.binhdan.reporting.Period;
import vn.binhdan.reporting.ReportForm;
import vn.binhdan.unit.UnitType;

/**
 * Installs the report forms shipped under {@code reporting/forms/} on start, missing codes only:
 * units may already have filed reports on an installed form, so it is never rewritten under
 * them. A form naming an unknown indicator, period type or due rule stops the start, so a bad
 * file is found on the first run rather than on a unit's due day. Runs after the indicator
 * catalogue is installed. {@code owner}: the official code of the province whose plan the form
 * follows (its units alone file it); none for a form of the whole platform.
 */
@Component
@Order(30)
class ShippedForms implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedForms.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A form file as written. */
    record FormFile(String code, String owner, Map<String, String> name, String periodType, String dueRule,
                    Map<String, String> levelDueRules, List<String> reporters, List<String> indicators,
                    List<String> sections, List<Integer> reminderDays) {
    }

    private final FormRepository forms;
    private final Indicators indicators;
    private final Clock clock;

    ShippedForms(FormRepository forms, Indicators indicators, Clock clock) {
        this.forms = forms;
        this.indicators = indicators;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:reporting/forms/*.json");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            ReportForm form = read(file.getContentAsByteArray(), file.getFilename());
            if (!forms.exists(form.code())) {
                forms.insert(form, "system", clock.instant());
                log.info("Installed report form {}", form.code());
            }
        }
    }

    ReportForm read(byte[] content, String fileName) {
        FormFile f = JSON.readValue(content, FormFile.class);
        String where = "reporting/forms/" + fileName + ": ";
        if (f.code() == null || f.name() == null || f.name().get("vi") == null || f.indicators() == null
                || f.indicators().isEmpty()) {
            throw new IllegalStateException(where + "code, name.vi and at least one indicator are required");
        }
        Period.Type type = Period.Type.valueOf(f.periodType());
        DueRule due = DueRule.parse(f.dueRule());
        if (!due.fits(type)) {
            throw new IllegalStateException(where + "due rule " + due + " does not apply to " + type + " periods");
        }
        Map<UnitType, DueRule> levels = new EnumMap<>(UnitType.class);
        if (f.levelDueRules() != null) {
            f.levelDueRules().forEach((level, rule) -> levels.put(UnitType.valueOf(level), DueRule.parse(rule)));
        }
        levels.forEach((level, rule) -> {
            if (!rule.fits(type)) {
                throw new IllegalStateException(where + "due rule " + rule + " of " + level + " does not apply to " + type
                        + " periods");
            }
        });
        for (String code : f.indicators()) {
            if (indicators.find(code).isEmpty()) {
                throw new IllegalStateException(where + "indicator " + code + " is not in the catalogue");
            }
        }
        if (f.indicators().stream().distinct().count() != f.indicators().size()) {
            throw new IllegalStateException(where + "an indicator is listed twice");
        }
        return new ReportForm(f.code(), 1, f.owner(), f.name().get("vi"), f.name().getOrDefault("en", f.name().get("vi")),
                type, due, levels, f.reporters().stream().map(UnitType::valueOf).toList(), List.copyOf(f.indicators()),
                (f.sections() == null ? List.<String>of() : f.sections()).stream().map(ReportForm.Section::valueOf).toList(),
                f.reminderDays());
    }
}
