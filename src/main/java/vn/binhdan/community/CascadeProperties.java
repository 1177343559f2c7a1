package vn.binhdan.community;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param learnersPerGuide how many learners one guide takes (the movement says five)
 * @param basicCourses     course codes whose completion lets a learner guide others
 * @param stuckAfterDays   a guide none of whose learners completed this long after the first link is stuck
 * @param fullAfterDays    a guide with fewer learners than {@code learnersPerGuide} this long after
 *                         becoming a guide is stuck
 * @param marketCriteria   the checklist of the digital market, in order (codes; labels in the message bundle)
 * @param criteriaFile     the model citizen and village criteria (CSV: kind,code,label_vi,label_en)
 */
@ConfigurationProperties("binhdan.cascade")
public record CascadeProperties(Integer learnersPerGuide, List<String> basicCourses, Integer stuckAfterDays,
                                Integer fullAfterDays, List<String> marketCriteria, String criteriaFile) {

    public CascadeProperties {
        learnersPerGuide = learnersPerGuide == null ? 5 : learnersPerGuide;
        basicCourses = basicCourses == null || basicCourses.isEmpty() ? List.of("KNS-NGUOI-DAN") : List.copyOf(basicCourses);
        stuckAfterDays = stuckAfterDays == null ? 30 : stuckAfterDays;
        fullAfterDays = fullAfterDays == null ? 60 : fullAfterDays;
        marketCriteria = marketCriteria == null || marketCriteria.isEmpty()
                ? List.of("ECOMMERCE", "CASHLESS", "DIGITAL_SAVINGS") : List.copyOf(marketCriteria);
        criteriaFile = criteriaFile == null || criteriaFile.isBlank() ? "community/recognition-criteria.csv" : criteriaFile;
    }
}
