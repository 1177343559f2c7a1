package vn.binhdan.reporting;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.campaign.ApprovedFigures;
import vn.binhdan.campaign.ApprovedFiguresSource;
import vn.binhdan.reporting.internal.ReportRepository;

/** The approved reports' figures read back from the reports themselves, a page of reports at a time. */
@Component
class ApprovedReplay implements ApprovedFiguresSource {

    private final ReportRepository repo;
    private final ReportScope scope;

    ApprovedReplay(ReportRepository repo, ReportScope scope) {
        this.repo = repo;
        this.scope = scope;
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachApproved(Consumer<ApprovedFigures> sink) {
        Map<String, ReportForm> forms = new java.util.HashMap<>();
        // a rebuild runs at start, for every province: no user's view of the forms applies
        scope.allForms().forEach(f -> forms.put(f.code(), f));
        List<ReportRepository.Row> rows = repo.approved();
        for (int from = 0; from < rows.size(); from += 500) {
            List<ReportRepository.Row> page = rows.subList(from, Math.min(rows.size(), from + 500));
            Map<Long, Map<String, Figure>> figures = repo.figures(page.stream().map(ReportRepository.Row::id).toList());
            for (ReportRepository.Row r : page) {
                ReportForm current = forms.get(r.formCode());
                if (current != null) {
                    // the indicators of the version the report was filed on
                    ReportForm form = scope.asFiled(current, r);
                    sink.accept(Reports.approvedFigures(scope.items(form), form, r.unitId(), r.unitPath(),
                            Period.parse(r.periodId()), r.id(), r.decidedBy(), r.decidedAt(),
                            figures.getOrDefault(r.id(), Map.of())));
                }
            }
        }
    }
}
