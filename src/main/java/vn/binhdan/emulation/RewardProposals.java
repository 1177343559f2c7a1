package vn.binhdan.emulation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.community.Nomination;
import vn.binhdan.community.NominationStatus;
import vn.binhdan.community.Recognition;
import vn.binhdan.emulation.internal.RewardRepository;
import vn.binhdan.emulation.internal.RewardRepository.CampaignRow;
import vn.binhdan.emulation.internal.RewardRepository.DecisionRow;
import vn.binhdan.emulation.internal.RewardRepository.ProposalRow;
import vn.binhdan.monitoring.Dashboard;
import vn.binhdan.monitoring.Dashboards;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.PersonDirectory.PersonRef;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * Commendation campaigns: the province sets one up; a unit proposes itself, units under it and
 * people living there, and submits; the province's emulation office (the Department of Home
 * Affairs' role, held here by the provincial administrator) appraises each proposal and decides
 * the accepted ones with a numbered, dated decision whose annex lists the rewarded.
 */
@Service
public class RewardProposals {

    private static final Logger log = LoggerFactory.getLogger(RewardProposals.class);
    static final Set<Role> PROPOSERS = YearEndReviews.OFFICERS;
    static final Set<Role> APPRAISERS = EnumSet.of(Role.PROVINCE_ADMIN);

    private final RewardRepository repo;
    private final Units units;
    private final PersonDirectory persons;
    private final Dashboards dashboards;
    private final Recognition recognition;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public RewardProposals(RewardRepository repo, Units units, PersonDirectory persons, Dashboards dashboards,
                           Recognition recognition, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.repo = repo;
        this.units = units;
        this.persons = persons;
        this.dashboards = dashboards;
        this.recognition = recognition;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- who may do what ----------------------------------------------------------------------

    /** Officers whose area overlaps the campaign's unit take part in it. */
    static boolean sees(AppUser user, CampaignRow c) {
        return user.has(Role.SYSTEM_ADMIN) || user.grants().stream().anyMatch(g -> PROPOSERS.contains(g.role())
                && (g.unitPath().startsWith(c.unitPath()) || c.unitPath().startsWith(g.unitPath())));
    }

    static boolean appraises(AppUser user, CampaignRow c) {
        return user.canActOn(c.unitPath(), APPRAISERS);
    }

    /** The proposer's officers read a proposal; the appraisers once it has been sent up. */
    static boolean sees(AppUser user, CampaignRow c, ProposalRow p) {
        return user.canActOn(p.proposerPath(), PROPOSERS) || (appraises(user, c) && !"DRAFT".equals(p.status()));
    }

    private CampaignRow visible(long campaignId) {
        CampaignRow c = repo.campaign(campaignId).orElseThrow(() -> new NotFoundException("emulation.campaign.notFound"));
        if (!sees(CurrentUser.require(), c)) {
            throw new NotFoundException("emulation.campaign.notFound");
        }
        return c;
    }

    private CampaignRow appraised(long campaignId) {
        CampaignRow c = visible(campaignId);
        if (!appraises(CurrentUser.require(), c)) {
            throw new ForbiddenException("emulation.appraiserOnly");
        }
        return c;
    }

    private record Pair(CampaignRow campaign, ProposalRow proposal) {
    }

    private Pair visibleProposal(long id) {
        AppUser user = CurrentUser.require();
        ProposalRow p = repo.proposal(id).orElseThrow(() -> new NotFoundException("emulation.proposal.notFound"));
        CampaignRow c = repo.campaign(p.campaignId()).orElseThrow();
        if (!sees(user, c, p)) {
            throw new NotFoundException("emulation.proposal.notFound");
        }
        return new Pair(c, p);
    }

    // ---- campaigns ----------------------------------------------------------------------------

    public RewardCampaign createCampaign(CampaignForm form) {
        AppUser user = CurrentUser.require();
        if (form == null || form.unitId() == null) {
            throw new BusinessException("emulation.field", "unitId");
        }
        Unit unit = units.find(form.unitId()).orElseThrow(() -> new NotFoundException("unit.notFound", form.unitId()));
        if (!user.canActOn(unit.path(), APPRAISERS)) {
            throw new ForbiddenException("emulation.appraiserOnly");
        }
        String title = YearEndReviews.text(form.title(), "title", 300, true);
        int year = form.year() == null ? LocalDate.now(clock).getYear() : form.year();
        if (year < 2020 || year > LocalDate.now(clock).getYear() + 1) {
            throw new BusinessException("emulation.field", "year");
        }
        long id = tx.execute(s -> {
            long created = repo.insertCampaign(unit.id(), unit.path(), title, year, user.username(), clock.instant());
            audit.record("CREATE", "reward_campaign", Long.toString(created), unit.path(), title);
            return created;
        });
        return campaign(id);
    }

    public List<RewardCampaign> campaigns() {
        AppUser user = CurrentUser.require();
        return repo.campaigns().stream().filter(c -> sees(user, c))
                .map(c -> new RewardCampaign(c.id(), c.unitId(), unitName(c.unitId()), c.title(), c.year(),
                        appraises(user, c), List.of(), List.of())).toList();
    }

    public RewardCampaign campaign(long id) {
        AppUser user = CurrentUser.require();
        CampaignRow c = visible(id);
        List<Proposal> proposals = repo.proposals(id).stream().filter(p -> sees(user, c, p))
                .map(p -> view(user, c, p)).toList();
        audit.listed("reward_proposals", Long.toString(id), null, AuditLog.query("campaign", id),
                (int) proposals.stream().filter(p -> p.personId() != null).count());
        List<RewardDecision> decisions = appraises(user, c)
                ? repo.decisions(id).stream().map(d -> decisionView(c, d)).toList()
                : List.of();
        return new RewardCampaign(c.id(), c.unitId(), unitName(c.unitId()), c.title(), c.year(), appraises(user, c),
                proposals, decisions);
    }

    // ---- proposals ----------------------------------------------------------------------------

    public Proposal propose(long campaignId, ProposalForm form) {
        AppUser user = CurrentUser.require();
        CampaignRow c = visible(campaignId);
        if (form == null || form.proposerUnitId() == null) {
            throw new BusinessException("emulation.field", "proposerUnitId");
        }
        // a unit outside one's own area is not confirmed to exist; one of one's own outside the campaign is a mistake
        Unit proposer = units.find(form.proposerUnitId()).filter(u -> user.canActOn(u.path(), PROPOSERS))
                .orElseThrow(() -> new NotFoundException("unit.notFound", form.proposerUnitId()));
        if (!proposer.path().startsWith(c.unitPath())) {
            throw new BusinessException("emulation.proposal.proposerOutside", "proposerUnitId");
        }
        if ((form.candidateUnitId() == null) == (form.personId() == null)) {
            throw new BusinessException("emulation.proposal.oneCandidate");
        }
        if (form.rewardForm() == null) {
            throw new BusinessException("emulation.field", "rewardForm");
        }
        String reason = YearEndReviews.text(form.reason(), "reason", 4000, true);
        String name;
        String path;
        if (form.candidateUnitId() != null) {
            // the unit itself or one under it; anything else is outside its area, named or not
            Unit candidate = units.find(form.candidateUnitId()).filter(u -> u.path().startsWith(proposer.path()))
                    .orElseThrow(() -> new BusinessException("emulation.proposal.outside", "candidateUnitId"));
            name = candidate.name();
            path = candidate.path();
        } else {
            PersonRef person = persons.find(form.personId()).filter(p -> p.residenceUnitPath().startsWith(proposer.path()))
                    .orElseThrow(() -> new BusinessException("emulation.proposal.outside", "personId"));
            name = person.fullName();
            path = person.residenceUnitPath();
        }
        if (form.candidateUnitId() != null) {
            meetsCriteria(c, form.candidateUnitId(), name);
        }
        if (repo.proposed(c.id(), form.candidateUnitId(), form.personId())) {
            throw new ConflictException("emulation.proposal.duplicate", name);
        }
        long id;
        try {
            id = tx.execute(s -> {
                long created = repo.insertProposal(c.id(), proposer.id(), proposer.path(), form.candidateUnitId(),
                        form.personId(), name, path, form.rewardForm().name(), reason, user.username(), clock.instant());
                audit.record("CREATE", "reward_proposal", Long.toString(created), proposer.path(),
                        form.personId() == null ? "unit " + form.candidateUnitId() : "person " + form.personId());
                return created;
            });
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("emulation.proposal.duplicate", name);
        }
        return get(id);
    }

    /**
     * The proposal letter of a unit in a campaign: the proposals it has sent up, for its own
     * officers and for the appraisers. A unit that has sent nothing up has no letter to print.
     */
    public ProposalLetter letter(long campaignId, long unitId) {
        AppUser user = CurrentUser.require();
        CampaignRow c = visible(campaignId);
        Unit unit = units.find(unitId).filter(u -> user.canActOn(u.path(), PROPOSERS) || appraises(user, c))
                .filter(u -> u.path().startsWith(c.unitPath()))
                .orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
        List<Proposal> sent = repo.proposals(campaignId).stream()
                .filter(p -> p.proposerUnitId() == unit.id() && !"DRAFT".equals(p.status()))
                .map(p -> view(user, c, p)).toList();
        if (sent.isEmpty()) {
            throw new BusinessException("emulation.letter.empty", unit.name());
        }
        audit.listed("reward_proposals", Long.toString(campaignId), unit.path(), AuditLog.query("letter", unit.id()),
                (int) sent.stream().filter(p -> p.personId() != null).count());
        return new ProposalLetter(c.id(), c.title(), c.year(), unit.id(), unit.name(), unitName(c.unitId()), sent);
    }

    public RewardCriteria criteria(long campaignId) {
        CampaignRow c = visible(campaignId);
        return new RewardCriteria(repo.minTargetsMet(c.id()).orElse(null));
    }

    /** Sets (or with null clears) the campaign's criteria; the province's emulation office only. */
    public RewardCriteria setCriteria(long campaignId, RewardCriteria form) {
        AppUser user = CurrentUser.require();
        CampaignRow c = appraised(campaignId);
        Integer min = form == null ? null : form.minTargetsMetPercent();
        if (min != null && (min < 0 || min > 100)) {
            throw new BusinessException("emulation.field", "minTargetsMetPercent");
        }
        tx.executeWithoutResult(s -> {
            repo.setMinTargetsMet(c.id(), min, user.username(), clock.instant());
            audit.record("CRITERIA", "reward_campaign", Long.toString(c.id()), c.unitPath(), "minTargetsMet=" + min);
        });
        return criteria(campaignId);
    }

    /**
     * A unit proposed must have met the campaign's share of its targets in the campaign's year:
     * of its indicators with a target and a figure, those met. Without any, it has shown nothing.
     */
    private void meetsCriteria(CampaignRow c, long unitId, String name) {
        Integer min = repo.minTargetsMet(c.id()).orElse(null);
        if (min == null) {
            return;
        }
        int met = 0;
        int of = 0;
        try {
            for (Dashboard.Kpi k : dashboards.of(unitId, c.year(), Locale.forLanguageTag("vi")).kpis()) {
                if (k.status() == Dashboard.Status.MET || k.status() == Dashboard.Status.ON_TRACK
                        || k.status() == Dashboard.Status.BEHIND) {
                    of++;
                    met += k.status() == Dashboard.Status.MET ? 1 : 0;
                }
            }
        } catch (BusinessException e) {
            log.debug("no dashboard for unit {} in {}: {}", unitId, c.year(), e.getMessage());
        }
        int share = of == 0 ? 0 : met * 100 / of;
        if (share < min) {
            throw new BusinessException("emulation.criterion.notMet", name, met, of, share, min, Integer.toString(c.year()));
        }
    }

    public Proposal get(long id) {
        Pair p = visibleProposal(id);
        return view(CurrentUser.require(), p.campaign(), p.proposal());
    }

    /** Sends the proposal up; sending it again changes nothing. */
    public Proposal submit(long id) {
        AppUser user = CurrentUser.require();
        Pair p = visibleProposal(id);
        if (!user.canActOn(p.proposal().proposerPath(), PROPOSERS)) {
            throw new ForbiddenException("emulation.proposerOnly");
        }
        if ("DRAFT".equals(p.proposal().status())) {
            tx.executeWithoutResult(s -> {
                if (repo.submit(id, user.username(), clock.instant())) {
                    audit.record("SUBMIT", "reward_proposal", Long.toString(id), p.proposal().proposerPath(), null);
                }
            });
        }
        return get(id);
    }

    public Proposal appraise(long id, AppraisalForm form) {
        AppUser user = CurrentUser.require();
        Pair p = visibleProposal(id);
        if (!appraises(user, p.campaign())) {
            throw new ForbiddenException("emulation.appraiserOnly");
        }
        if (form == null || form.accepted() == null) {
            throw new BusinessException("emulation.field", "accepted");
        }
        String note = YearEndReviews.text(form.note(), "note", 2000, !form.accepted());
        if (!"SUBMITTED".equals(p.proposal().status())) {
            throw new ConflictException("emulation.proposal.notSubmitted", p.proposal().id());
        }
        boolean done = Boolean.TRUE.equals(tx.execute(s -> {
            boolean moved = repo.appraise(id, form.accepted(), note, user.username(), clock.instant());
            if (moved) {
                audit.record(form.accepted() ? "ACCEPT" : "REJECT", "reward_proposal", Long.toString(id),
                        p.proposal().proposerPath(), note);
            }
            return moved;
        }));
        if (!done) {
            throw new ConflictException("emulation.proposal.notSubmitted", id);
        }
        return get(id);
    }

    // ---- decisions ----------------------------------------------------------------------------

    /**
     * Decides accepted proposals under one decision number. Every listed proposal must have been
     * accepted at appraisal, or nothing is decided; the same number sent again returns the decision.
     */
    public RewardDecision decide(long campaignId, DecisionForm form) {
        AppUser user = CurrentUser.require();
        CampaignRow c = appraised(campaignId);
        if (form == null) {
            throw new BusinessException("emulation.field", "number");
        }
        String number = YearEndReviews.text(form.number(), "number", 60, true);
        if (form.decidedOn() == null || form.decidedOn().isAfter(LocalDate.now(clock))) {
            throw new BusinessException("emulation.field", "decidedOn");
        }
        Optional<DecisionRow> existing = repo.decisionByNumber(c.id(), number);
        if (existing.isPresent()) {
            return decisionView(c, existing.get());
        }
        if (form.proposalIds() == null || form.proposalIds().isEmpty()) {
            throw new BusinessException("emulation.field", "proposalIds");
        }
        Map<Long, ProposalRow> byId = new HashMap<>();
        repo.proposals(c.id()).forEach(p -> byId.put(p.id(), p));
        for (int i = 0; i < form.proposalIds().size(); i++) {
            Long pid = form.proposalIds().get(i);
            ProposalRow p = pid == null ? null : byId.get(pid);
            if (p == null) {
                throw new BusinessException("emulation.field", "proposalIds[" + i + "]");
            }
            if (!"ACCEPTED".equals(p.status())) {
                throw new ConflictException("emulation.decision.notAppraised", "proposalIds[" + i + "]", p.id());
            }
        }
        long id;
        try {
            id = tx.execute(s -> {
                long created = repo.insertDecision(c.id(), number, form.decidedOn(), user.username(), clock.instant());
                for (Long pid : form.proposalIds().stream().distinct().toList()) {
                    if (!repo.decide(pid, created)) {
                        // appraised differently between the check and now: nothing of the decision stays
                        throw new ConflictException("emulation.decision.notAppraised", "proposalIds", pid);
                    }
                }
                audit.record("DECIDE", "reward_decision", Long.toString(created), c.unitPath(), number);
                return created;
            });
        } catch (DuplicateKeyException raced) {
            return decisionView(c, repo.decisionByNumber(c.id(), number).orElseThrow());
        }
        return decision(id);
    }

    public RewardDecision decision(long id) {
        DecisionRow d = repo.decision(id).orElseThrow(() -> new NotFoundException("emulation.decision.notFound"));
        CampaignRow c = repo.campaign(d.campaignId()).orElseThrow();
        AppUser user = CurrentUser.require();
        if (!sees(user, c) || !appraises(user, c)) {
            throw new NotFoundException("emulation.decision.notFound");
        }
        RewardDecision view = decisionView(c, d);
        audit.listed("reward_decision_annex", Long.toString(id), c.unitPath(), AuditLog.query("decision", id),
                (int) view.annex().stream().filter(l -> "PERSON".equals(l.kind())).count());
        return view;
    }

    private RewardDecision decisionView(CampaignRow c, DecisionRow d) {
        List<RewardDecision.Line> lines = new ArrayList<>();
        int n = 1;
        for (ProposalRow p : repo.proposalsOfDecision(d.id())) {
            lines.add(new RewardDecision.Line(n++, p.candidateName(), p.personId() == null ? "UNIT" : "PERSON",
                    unitName(p.proposerUnitId()), RewardForm.valueOf(p.rewardForm()), p.reason()));
        }
        return new RewardDecision(d.id(), c.id(), c.title(), d.number(), d.decidedOn(), lines);
    }

    // ---- history and suggestions -------------------------------------------------------------

    /** A person's rewards: for the officers of where they live, and for the person. */
    public List<Reward> rewardsOfPerson(long personId) {
        AppUser user = CurrentUser.require();
        PersonRef person = persons.find(personId).orElseThrow(() -> new NotFoundException("emulation.person.notFound"));
        if (!Long.valueOf(personId).equals(user.personId())
                && !user.canActOn(person.residenceUnitPath(), EnumSet.of(Role.COMMUNE_OFFICER, Role.PROVINCE_ADMIN,
                Role.AGENCY_OFFICER, Role.TEAM_MEMBER))) {
            throw new NotFoundException("emulation.person.notFound");
        }
        return repo.rewardsOfPerson(personId).stream().map(RewardProposals::reward).toList();
    }

    public List<Reward> rewardsOfUnit(long unitId) {
        AppUser user = CurrentUser.require();
        Unit unit = units.find(unitId).filter(u -> user.canActOn(u.path(), PROPOSERS))
                .orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
        return repo.rewardsOfUnit(unit.id()).stream().map(RewardProposals::reward).toList();
    }

    private static Reward reward(RewardRepository.RewardRow r) {
        return new Reward(r.campaignTitle(), r.year(), RewardForm.valueOf(r.rewardForm()), r.number(), r.decidedOn(),
                r.reason());
    }

    /**
     * Candidates the data points at for a proposing unit: the top three of its sub-units in the
     * emulation ranking of the campaign's year, and model citizens the province recognised there.
     */
    public List<Suggestion> suggestions(long campaignId, long unitId, Locale locale) {
        AppUser user = CurrentUser.require();
        CampaignRow c = visible(campaignId);
        Unit unit = units.find(unitId).filter(u -> user.canActOn(u.path(), PROPOSERS))
                .orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
        List<Suggestion> out = new ArrayList<>();
        try {
            Dashboard d = dashboards.of(unit.id(), c.year(), locale);
            d.ranking().stream().filter(r -> r.rank() > 0 && r.rank() <= 3).forEach(r -> out.add(new Suggestion(
                    "RANKING", r.unit().id(), null, r.unit().name(), "#" + r.rank() + " · " + r.score())));
        } catch (BusinessException e) {
            log.debug("no ranking for unit {} in {}: {}", unit.id(), c.year(), e.getMessage());
        }
        try {
            Map<Long, String> seen = new LinkedHashMap<>();
            for (Nomination n : recognition.list()) {
                if (n.status() == NominationStatus.PUBLISHED && n.personId() != null && !seen.containsKey(n.personId())
                        && persons.find(n.personId()).map(p -> p.residenceUnitPath().startsWith(unit.path()))
                        .orElse(false)) {
                    seen.put(n.personId(), n.nomineeName());
                    out.add(new Suggestion("MODEL_CITIZEN", null, n.personId(), n.nomineeName(),
                            n.recognisedOn() == null ? "" : n.recognisedOn().toString()));
                }
            }
        } catch (ForbiddenException e) {
            log.debug("recognition not readable for {}", user.username());
        }
        return out;
    }

    // ---- views --------------------------------------------------------------------------------

    private Proposal view(AppUser user, CampaignRow c, ProposalRow p) {
        boolean proposerSide = user.canActOn(p.proposerPath(), PROPOSERS);
        boolean appraiser = appraises(user, c);
        ProposalStatus status = ProposalStatus.valueOf(p.status());
        return new Proposal(p.id(), p.campaignId(), p.proposerUnitId(), unitName(p.proposerUnitId()),
                p.personId() == null ? "UNIT" : "PERSON", p.candidateUnitId(), p.personId(), p.candidateName(),
                RewardForm.valueOf(p.rewardForm()), p.reason(), status, p.submittedAt(), p.appraisalNote(),
                p.decisionId(), p.decisionNumber(), p.decidedOn(),
                new Proposal.Actions(proposerSide && status == ProposalStatus.DRAFT,
                        appraiser && status == ProposalStatus.SUBMITTED,
                        appraiser && status == ProposalStatus.ACCEPTED));
    }

    private String unitName(long id) {
        return units.find(id).map(Unit::name).orElse("");
    }
}
