package vn.binhdan.campaign.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.binhdan.campaign.ComplianceForm;
import vn.binhdan.campaign.ComplianceRule;
import vn.binhdan.campaign.Indicator;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.people.TargetGroup;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.shared.shipped.ShippedReleases;
import vn.binhdan.shared.shipped.ShippedUpdate;

/**
 * Installs the indicator set shipped with the release, and brings the indicators and compliance
 * conditions a province left as installed up to a new release, in place (targets, values and
 * report forms point at the code); a province that retired an indicator or changed its conditions
 * keeps its choice, and the release waits for it beside its own copy
 * (GET /api/v1/indicators/shipped-updates). The emulation table starts by weighing the certified
 * share of every group and the reported headline shares equally.
 */
@Component
@Order(20)
public class ShippedIndicators implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedIndicators.class);
    static final String INDICATOR = "INDICATOR";
    static final String COMPLIANCE = "COMPLIANCE";

    private final IndicatorRepository repo;
    private final Indicators indicators;
    private final ShippedReleases releases;
    private final AuditLog audit;

    ShippedIndicators(IndicatorRepository repo, Indicators indicators, ShippedReleases releases, AuditLog audit) {
        this.repo = repo;
        this.indicators = indicators;
        this.releases = releases;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        List<Indicator> shipped = read();
        Map<String, List<ComplianceRule>> compliance = readCompliance();
        Map<String, ShippedReleases.Outcome> outcomes = SystemUser.call(SystemUser.SYSTEM, () -> install(shipped, compliance));
        outcomes.forEach((what, outcome) -> {
            switch (outcome) {
                case UPGRADED -> log.info("Brought {} up to this release", what);
                case KEPT_LOCAL_EDITS -> log.warn("{} was changed here, so this release's version of it is not installed; "
                        + "compare them: GET /api/v1/indicators/shipped-updates", what);
                default -> { }
            }
        });
        if (repo.criteria().isEmpty()) {
            List<Indicators.Criterion> criteria = new ArrayList<>();
            for (TargetGroup g : TargetGroup.values()) {
                criteria.add(new Indicators.Criterion("CERTIFIED_SHARE", g.name(), BigDecimal.ONE));
            }
            // the plans' reported headline shares weigh as much: a unit is not ranked on certificates alone
            criteria.add(new Indicators.Criterion("VNEID_CONFIRMED_SHARE", "ADULT", BigDecimal.ONE));
            criteria.add(new Indicators.Criterion("DIGITAL_SIGNATURE_SHARE", "CIVIL_SERVANT", BigDecimal.ONE));
            criteria.add(new Indicators.Criterion("MOOC_SELF_STUDY_SHARE", "CIVIL_SERVANT", BigDecimal.ONE));
            repo.replaceCriteria(criteria);
        }
    }

    /**
     * Installs a release's indicators and compliance conditions: new codes added, untouched ones
     * upgraded, edited or retired ones kept with the release waiting. Keys: kind and code.
     */
    @Transactional
    public Map<String, ShippedReleases.Outcome> install(List<Indicator> shipped, Map<String, List<ComplianceRule>> compliance) {
        releases.lock();
        Map<String, ShippedReleases.Outcome> out = new LinkedHashMap<>();
        int order = 0;
        for (Indicator s : shipped) {
            order += 10;
            Indicator i = new Indicator(s.code(), s.nameVi(), s.nameEn(), s.measure(), s.source(), s.metric(),
                    s.groups(), s.targetLevel(), s.frequency(), order);
            String hash = hash(i);
            Optional<IndicatorRepository.Row> row = repo.row(i.code());
            ShippedReleases.Outcome outcome = ShippedReleases.Outcome.UNCHANGED;
            if (row.isEmpty()) {
                repo.insert(i);
                releases.installed(INDICATOR, i.code(), hash);
                outcome = ShippedReleases.Outcome.INSTALLED;
            } else {
                // indicators have no editing page: one that differs from what was installed was changed by hand
                switch (ShippedReleases.decide(releases.release(INDICATOR, i.code()), hash, hash(row.get().indicator()),
                        true, !row.get().active())) {
                    case RECORD -> releases.installed(INDICATOR, i.code(), hash);
                    case NOTHING -> { }
                    case WAIT -> {
                        releases.waiting(INDICATOR, i.code(), hash);
                        outcome = ShippedReleases.Outcome.KEPT_LOCAL_EDITS;
                    }
                    case UPGRADE -> {
                        repo.update(i);
                        releases.installed(INDICATOR, i.code(), hash);
                        audit.record("UPGRADE", "indicator", i.code(), "/", hash.substring(0, 12));
                        outcome = ShippedReleases.Outcome.UPGRADED;
                    }
                }
            }
            out.put(INDICATOR + " " + i.code(), outcome);
        }
        Map<String, List<ComplianceRule>> installed = repo.complianceRules();
        compliance.forEach((code, rules) -> {
            if (!repo.exists(code)) {
                return;
            }
            String hash = hash(rules);
            ShippedReleases.Outcome outcome = ShippedReleases.Outcome.UNCHANGED;
            List<ComplianceRule> local = installed.get(code);
            if (local == null) {
                repo.replaceCompliance(code, rules);
                releases.installed(COMPLIANCE, code, hash);
                outcome = ShippedReleases.Outcome.INSTALLED;
            } else {
                // conditions are edited through the API: without a record, conditions unlike the release's are the province's
                switch (ShippedReleases.decide(releases.release(COMPLIANCE, code), hash, hash(local), false, false)) {
                    case RECORD -> releases.installed(COMPLIANCE, code, hash);
                    case NOTHING -> { }
                    case WAIT -> {
                        releases.waiting(COMPLIANCE, code, hash);
                        outcome = ShippedReleases.Outcome.KEPT_LOCAL_EDITS;
                    }
                    case UPGRADE -> {
                        repo.replaceCompliance(code, rules);
                        releases.installed(COMPLIANCE, code, hash);
                        audit.record("UPGRADE", "COMPLIANCE", code, "/", hash.substring(0, 12));
                        outcome = ShippedReleases.Outcome.UPGRADED;
                    }
                }
            }
            out.put(COMPLIANCE + " " + code, outcome);
        });
        indicators.catalogueChanged();
        return out;
    }

    /** The release's indicators and conditions waiting because the province changed its own, each beside the local copy. */
    public List<ShippedUpdate> compare(List<Indicator> shipped, Map<String, List<ComplianceRule>> compliance) {
        AppUser user = CurrentUser.require();
        if (!user.has(Role.PROVINCE_ADMIN) && !user.has(Role.SYSTEM_ADMIN)) {
            throw new ForbiddenException("ranking.forbidden");
        }
        List<ShippedUpdate> out = new ArrayList<>();
        Map<String, java.time.Instant> waiting = releases.waiting(INDICATOR);
        for (Indicator i : shipped) {
            Optional<IndicatorRepository.Row> row = repo.row(i.code());
            if (waiting.containsKey(i.code()) && row.isPresent()
                    && (!row.get().active() || !hash(row.get().indicator()).equals(hash(i)))) {
                out.add(new ShippedUpdate(INDICATOR, i.code(), waiting.get(i.code()),
                        row.get().active() ? row.get().indicator() : null, i));
            }
        }
        Map<String, java.time.Instant> waitingRules = releases.waiting(COMPLIANCE);
        Map<String, List<ComplianceRule>> installed = repo.complianceRules();
        compliance.forEach((code, rules) -> {
            List<ComplianceRule> local = installed.get(code);
            if (waitingRules.containsKey(code) && local != null && !hash(local).equals(hash(rules))) {
                out.add(new ShippedUpdate(COMPLIANCE, code, waitingRules.get(code), local, rules));
            }
        });
        return out;
    }

    /** What waits in this release for a province's administrator. */
    public List<ShippedUpdate> waiting() throws IOException {
        return compare(read(), readCompliance());
    }

    /** An indicator's content as shipped; its place in the list is not something a province edits. */
    static String hash(Indicator i) {
        return ShippedReleases.hash(i.code(), i.nameVi(), i.nameEn(), i.measure(), i.source(), i.metric(),
                new TreeSet<>(i.groups()), i.targetLevel(), i.frequency());
    }

    static String hash(List<ComplianceRule> rules) {
        return ShippedReleases.hash(rules.toArray());
    }

    /** The shipped conditions per compliance indicator, checked as a province's own would be. */
    public static Map<String, List<ComplianceRule>> readCompliance() throws IOException {
        Map<String, List<ComplianceRule>> out = new LinkedHashMap<>();
        for (String[] f : rows("campaign/compliance.csv", 8)) {
            try {
                out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Indicators.rule(new ComplianceForm(f[1],
                        f[2].isBlank() ? List.of() : List.of(f[2].split(",")), f[3], Long.valueOf(f[4]), f[5], f[6],
                        Boolean.valueOf(f[7]))));
            } catch (BusinessException | NumberFormatException e) {
                throw new IllegalStateException("campaign/compliance.csv: " + String.join(";", f) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The data rows of a shipped file ("#" comments and blank lines skipped), each with exactly {@code fields} fields. */
    private static List<String[]> rows(String path, int fields) throws IOException {
        List<String[]> out = new ArrayList<>();
        ClassPathResource file = new ClassPathResource(path);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", -1);
                if (f.length != fields) {
                    throw new IllegalStateException(path + ": " + fields + " fields expected in " + line);
                }
                out.add(f);
            }
        }
        return out;
    }

    public static List<Indicator> read() throws IOException {
        List<Indicator> out = new ArrayList<>();
        for (String[] f : rows("campaign/indicators.csv", 9)) {
            List<TargetGroup> groups = f[4].isBlank() ? List.of()
                    : Arrays.stream(f[4].split(",")).map(String::trim).map(TargetGroup::valueOf).toList();
            out.add(new Indicator(f[0], f[7], f[8], Indicator.Measure.valueOf(f[1]), Indicator.Source.valueOf(f[2]),
                    f[3].isBlank() ? null : f[3], groups, f[5].isBlank() ? null : f[5],
                    Indicator.Frequency.valueOf(f[6]), 0));
        }
        return out;
    }
}
