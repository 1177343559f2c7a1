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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.TreeMap;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.shared.shipped.ShippedReleases;
import vn.binhdan.shared.shipped.ShippedUpdate;

/**
 * Installs the report forms shipped under {@code reporting/forms/} on start. Units may already
 * have filed reports on an installed form, so it is never rewritten under them: a new release of a
 * form the province left as shipped is added as the form's next version (reports keep the version
 * they were started on); a form the province edited or retired keeps its own version and the
 * release waits beside it (GET /api/v1/report-forms/shipped-updates). A form naming an unknown
 * indicator, period type or due rule stops the start, so a bad file is found on the first run rather than on a unit's due day. Runs after the indicator
 * catalogue is installed. {@code owner}: the official code of the province whose plan the form
 * follows (its units alone file it); none for a form of the whole platform.
 */
@Component
@Order(30)
public class ShippedForms implements ApplicationRunner {

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
    private final ShippedReleases releases;
    private final AuditLog audit;
    static final String KIND = "REPORT_FORM";

    ShippedForms(FormRepository forms, Indicators indicators, Clock clock, ShippedReleases releases, AuditLog audit) {
        this.forms = forms;
        this.indicators = indicators;
        this.clock = clock;
        this.releases = releases;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        List<ReportForm> release = shipped();
        SystemUser.call(SystemUser.SYSTEM, () -> install(release)).forEach((code, outcome) -> {
            switch (outcome) {
                case INSTALLED -> log.info("Installed report form {}", code);
                case UPGRADED -> log.info("Brought report form {} up to this release, as its next version", code);
                case KEPT_LOCAL_EDITS -> log.warn("Report form {} was edited here, so this release's version of it is "
                        + "not installed; compare them: GET /api/v1/report-forms/shipped-updates", code);
                default -> { }
            }
        });
    }

    /** The forms this release ships, checked. */
    public List<ReportForm> shipped() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:reporting/forms/*.json");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        List<ReportForm> out = new ArrayList<>();
        for (Resource file : files) {
            out.add(read(file.getContentAsByteArray(), file.getFilename()));
        }
        return out;
    }

    /** Installs a release's forms: new codes added, untouched ones given the release as their next version. */
    @Transactional
    public Map<String, ShippedReleases.Outcome> install(List<ReportForm> release) {
        releases.lock();
        Map<String, ShippedReleases.Outcome> out = new LinkedHashMap<>();
        for (ReportForm form : release) {
            String hash = hash(form);
            Optional<FormRepository.Current> current = forms.current(form.code());
            ShippedReleases.Outcome outcome = ShippedReleases.Outcome.UNCHANGED;
            if (current.isEmpty()) {
                forms.insert(form, "system", clock.instant());
                releases.installed(KIND, form.code(), hash);
                outcome = ShippedReleases.Outcome.INSTALLED;
            } else {
                FormRepository.Current c = current.get();
                // every edit writes a version under the editor's name: a current version the system wrote is untouched
                boolean bySystem = "system".equals(c.createdBy());
                switch (ShippedReleases.decide(releases.release(KIND, form.code()), hash, hash(c.form()), bySystem,
                        !bySystem || !c.active())) {
                    case RECORD -> releases.installed(KIND, form.code(), hash);
                    case NOTHING -> { }
                    case WAIT -> {
                        releases.waiting(KIND, form.code(), hash);
                        outcome = ShippedReleases.Outcome.KEPT_LOCAL_EDITS;
                    }
                    case UPGRADE -> {
                        int version = forms.addVersion(form, "system", clock.instant());
                        releases.installed(KIND, form.code(), hash);
                        audit.record("UPGRADE", "report_form", form.code(), "/", "version=" + version);
                        outcome = ShippedReleases.Outcome.UPGRADED;
                    }
                }
            }
            out.put(form.code(), outcome);
        }
        return out;
    }

    /** The release's forms waiting because the province edited or retired its own, each beside the current version. */
    public List<ShippedUpdate> compare(List<ReportForm> release) {
        AppUser user = CurrentUser.require();
        if (!user.has(Role.PROVINCE_ADMIN) && !user.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("form.forbidden");
        }
        Map<String, java.time.Instant> waiting = releases.waiting(KIND);
        List<ShippedUpdate> out = new ArrayList<>();
        for (ReportForm form : release) {
            Optional<FormRepository.Current> c = forms.current(form.code());
            if (waiting.containsKey(form.code()) && c.isPresent()
                    && (!c.get().active() || !hash(c.get().form()).equals(hash(form)))) {
                out.add(new ShippedUpdate(KIND, form.code(), waiting.get(form.code()),
                        c.get().active() ? c.get().form() : null, form));
            }
        }
        return out;
    }

    public List<ShippedUpdate> waiting() throws IOException {
        return compare(shipped());
    }

    /**
     * A form's content, whatever its version number. The owner is left out: a new version does not
     * move a form to another province, and forms installed before owners were kept have none.
     */
    static String hash(ReportForm f) {
        return ShippedReleases.hash(f.code(), f.nameVi(), f.nameEn(), f.periodType(), f.dueRule(),
                new TreeMap<>(f.levelDueRules()), f.reporters(), f.indicatorCodes(), f.sections(), f.reminderDays());
    }

    public ReportForm read(byte[] content, String fileName) {
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
