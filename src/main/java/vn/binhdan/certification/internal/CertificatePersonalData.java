package vn.binhdan.certification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.binhdan.certification.Certificate;
import vn.binhdan.certification.Certificates;
import vn.binhdan.shared.privacy.PersonalDataSection;
import vn.binhdan.shared.privacy.PersonalDataSource;

/** A person's certificates, for "Dữ liệu của tôi". */
@Component
class CertificatePersonalData implements PersonalDataSource {

    private final Certificates certificates;

    CertificatePersonalData(Certificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public List<PersonalDataSection> about(long personId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Certificate c : certificates.mine()) {
            if (c.personId() != personId) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("privacy.f.certificateNumber", c.number());
            row.put("privacy.f.achievement", c.achievementName());
            row.put("privacy.f.score", c.scorePercent());
            row.put("privacy.f.issuedAt", c.issuedAt());
            row.put("privacy.f.issuer", c.issuerName());
            row.put("privacy.f.revokedAt", c.revokedAt());
            rows.add(row);
        }
        return List.of(new PersonalDataSection("certificates", 40, "privacy.section.certificates", rows));
    }
}
