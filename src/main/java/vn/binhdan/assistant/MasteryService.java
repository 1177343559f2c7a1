package vn.binhdan.assistant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.assistant.internal.path.PathRepository;
import vn.binhdan.assistant.internal.path.PlacementModel;
import vn.binhdan.learning.LessonCompleted;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.Role;
import vn.binhdan.skills.Framework;
import vn.binhdan.skills.FrameworkService;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitService;

/**
 * What is believed about each learner's mastery of each competency, from placement checks and
 * completed lessons, and its average over a unit for officers.
 */
@Service
@Transactional(readOnly = true)
public class MasteryService {

    /** Officers who see their unit's competencies, as for the other officer views. */
    public static final List<Role> OFFICERS = List.of(Role.COMMUNE_OFFICER, Role.AGENCY_OFFICER, Role.PROVINCE_ADMIN,
            Role.SYSTEM_ADMIN);
    /**
     * A completed lesson counts as this many right answers at the mastery cut: passing a lesson's
     * checks after reading it says more than one placement question, but less than mastery.
     */
    static final int LESSON_WEIGHT = 2;

    private final PathRepository repo;
    private final FrameworkService frameworks;
    private final UnitService units;
    private final Clock clock;

    public MasteryService(PathRepository repo, FrameworkService frameworks, UnitService units, Clock clock) {
        this.repo = repo;
        this.frameworks = frameworks;
        this.units = units;
        this.clock = clock;
    }

    /** One competency for one learner; {@code percent} is the chance that it is mastered. */
    public record CompetencyMastery(String competency, String title, MasteryLevel level, int percent, int evidence,
                                    String source) {
    }

    public enum MasteryLevel {
        MASTERED, PARTIAL, NOT_YET, UNKNOWN
    }

    static long learner() {
        AppUser user = CurrentUser.require();
        if (user.personId() == null) {
            throw new BusinessException("learning.noPerson");
        }
        return user.personId();
    }

    /** My estimates for the competencies of the current framework that have one. */
    public List<CompetencyMastery> mine() {
        return of(learner(), frameworks.current());
    }

    List<CompetencyMastery> of(long personId, Framework framework) {
        Map<String, PathRepository.MasteryRow> rows = repo.mastery(personId, framework.version());
        List<CompetencyMastery> out = new ArrayList<>();
        for (Framework.Competency c : framework.competencies()) {
            PathRepository.MasteryRow r = rows.get(c.code());
            if (r != null) {
                out.add(new CompetencyMastery(c.code(), c.title().text(), level(r.mastery()),
                        (int) Math.round(r.mastery() * 100), r.evidence(), r.source()));
            }
        }
        return out;
    }

    static MasteryLevel level(double mastery) {
        return MasteryLevel.valueOf(PlacementModel.Level.of(mastery).name());
    }

    /** A completed lesson is evidence for each competency it teaches. */
    @EventListener
    @Transactional
    public void on(LessonCompleted e) {
        Map<String, PathRepository.MasteryRow> rows = repo.mastery(e.personId(), e.frameworkVersion());
        for (String c : e.competencies()) {
            PathRepository.MasteryRow r = rows.get(c);
            PlacementModel.Estimate est = r == null ? PlacementModel.prior(c)
                    : new PlacementModel.Estimate(c, r.ability(), r.spread(), r.mastery(), r.evidence());
            for (int i = 0; i < LESSON_WEIGHT; i++) {
                est = PlacementModel.update(c, est.ability(), est.spread(), est.answered(), PlacementModel.CUT, true);
            }
            repo.saveMastery(e.personId(), e.frameworkVersion(), est, "LESSON", clock.instant());
        }
    }

    /** A unit's learners per competency, weakest first. */
    public record UnitMastery(long unitId, String unitName, String frameworkVersion, List<UnitCompetency> competencies) {
    }

    public record UnitCompetency(String competency, String title, int learners, int meanPercent, int mastered,
                                 int notYet) {
    }

    public UnitMastery unit(long unitId) {
        AppUser user = CurrentUser.require();
        Unit unit = units.get(unitId);
        if (!user.canActOn(unit.path(), OFFICERS)) {
            throw new ForbiddenException("path.unitForbidden");
        }
        // the version most of the unit's estimates are for: the bank may lag a newly published framework
        Framework framework = repo.mostEstimatedVersion(unit.path()).flatMap(frameworks::find)
                .orElseGet(frameworks::current);
        List<UnitCompetency> out = new ArrayList<>();
        for (PathRepository.UnitRow r : repo.unitMastery(unit.path(), framework.version(), PlacementModel.CONFIDENCE)) {
            String title = framework.competency(r.competency()).map(c -> c.title().text()).orElse(r.competency());
            out.add(new UnitCompetency(r.competency(), title, r.learners(), (int) Math.round(r.meanMastery() * 100),
                    r.mastered(), r.notYet()));
        }
        out.sort(Comparator.comparingInt(UnitCompetency::meanPercent)
                .thenComparing(UnitCompetency::competency, Framework.CODE_ORDER));
        return new UnitMastery(unit.id(), unit.name(), framework.version(), out);
    }
}
