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

/**
 * Installs the indicator set shipped with the release: missing codes only, so a province that
 * renamed or retired one keeps its choice. The emulation table starts by weighing the certified
 * share of every group and the reported headline shares equally.
 */
@Component
@Order(20)
class ShippedIndicators implements ApplicationRunner {

    private final IndicatorRepository repo;
    private final Indicators indicators;

    ShippedIndicators(IndicatorRepository repo, Indicators indicators) {
        this.repo = repo;
        this.indicators = indicators;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        List<Indicator> shipped = read();
        int order = 0;
        for (Indicator i : shipped) {
            order += 10;
            if (!repo.exists(i.code())) {
                repo.insert(new Indicator(i.code(), i.nameVi(), i.nameEn(), i.measure(), i.source(), i.metric(),
                        i.groups(), i.targetLevel(), i.frequency(), order));
            }
        }
        Map<String, List<ComplianceRule>> installed = repo.complianceRules();
        readCompliance().forEach((code, rules) -> {
            if (!installed.containsKey(code) && repo.exists(code)) {
                repo.replaceCompliance(code, rules);
            }
        });
        indicators.catalogueChanged();
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

    /** The shipped conditions per compliance indicator, checked as a province's own would be. */
    static Map<String, List<ComplianceRule>> readCompliance() throws IOException {
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

    static List<Indicator> read() throws IOException {
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
