package vn.binhdan.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.campaign.internal.BudgetRepository;
import vn.binhdan.campaign.internal.PartnerRepository;
import vn.binhdan.campaign.internal.PartnerRepository.CommitmentRow;
import vn.binhdan.campaign.internal.PartnerRepository.PartnerRow;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.Role;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;

/**
 * The register of partners (đối tác): telecoms, banks, enterprises and organisations that the
 * province mobilises, what each committed (classes, volunteers, devices, data packages, prizes,
 * money) over which dates, and what it delivered against that. A commitment in money or kind can
 * name the sponsorship line of a plan's budget it pays into, and by id the class, event or contest
 * prize it supported (those live in other modules; the id is kept as given).
 */
@Service
public class Partners {

    static final Set<Role> WRITERS = EnumSet.of(Role.PROVINCE_ADMIN);
    static final Set<Role> READERS = EnumSet.of(Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER, Role.AGENCY_OFFICER);
    static final Set<String> SUPPORTS = Set.of("CLASS", "EVENT", "CONTEST_PRIZE");
    static final long MAX_QUANTITY = 1_000_000_000_000L;

    private final PartnerRepository repo;
    private final BudgetRepository budget;
    private final Units units;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Partners(PartnerRepository repo, BudgetRepository budget, Units units, AuditLog audit, TransactionTemplate tx,
                    Clock clock) {
        this.repo = repo;
        this.budget = budget;
        this.units = units;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The partners registered in the reader's scope, under {@code unitId} when given. */
    public List<Partner> list(Long unitId) {
        AppUser user = CurrentUser.require();
        List<String> roots;
        if (unitId != null) {
            Unit unit = units.find(unitId).filter(u -> user.canActOn(u.path(), READERS))
                    .orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
            roots = List.of(unit.path());
        } else {
            roots = user.scopePaths(READERS);
        }
        List<Partner> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (String root : roots) {
            for (PartnerRow p : repo.partnersWithin(root)) {
                if (seen.add(p.id())) {
                    out.add(view(user, p));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Partner::name));
        return out;
    }

    public Partner get(long id) {
        AppUser user = CurrentUser.require();
        return view(user, readable(user, id));
    }

    /** The units the reader may register partners for. */
    public List<Unit> registrars() {
        AppUser user = CurrentUser.require();
        return user.scopePaths(WRITERS).stream().flatMap(p -> "/".equals(p) ? units.roots().stream()
                : units.find(lastId(p)).stream()).toList();
    }

    public Partner register(PartnerForm form) {
        AppUser user = CurrentUser.require();
        if (form == null || form.unitId() == null) {
            throw new BusinessException("partner.field", "unitId");
        }
        Unit unit = units.find(form.unitId()).filter(u -> user.canActOn(u.path(), WRITERS))
                .orElseThrow(() -> new NotFoundException("unit.notFound", form.unitId()));
        String name = text(form.name(), "name", 300);
        if (form.kind() == null) {
            throw new BusinessException("partner.field", "kind");
        }
        String contact = form.contact() == null || form.contact().isBlank() ? null : text(form.contact(), "contact", 300);
        if (repo.byName(unit.id(), name).isPresent()) {
            throw new ConflictException("partner.duplicate", name);
        }
        long id = tx.execute(s -> {
            long created = repo.insertPartner(unit.id(), unit.path(), name, form.kind().name(), contact, user.username(),
                    clock.instant());
            audit.record("CREATE", "partner", Long.toString(created), unit.path(), name);
            return created;
        });
        return get(id);
    }

    public Partner commit(long partnerId, CommitmentForm form) {
        AppUser user = CurrentUser.require();
        PartnerRow partner = writable(user, partnerId);
        if (form == null || form.kind() == null) {
            throw new BusinessException("partner.field", "kind");
        }
        String description = text(form.description(), "description", 500);
        long quantity = quantity(form.quantity());
        if (form.kind() == CommitmentKind.MONEY) {
            vnd(form.currency());
        } else if (form.currency() != null && !form.currency().isBlank()) {
            throw new BusinessException("partner.field", "currency");
        }
        if (form.startsOn() == null) {
            throw new BusinessException("partner.field", "startsOn");
        }
        if (form.endsOn() == null) {
            throw new BusinessException("partner.field", "endsOn");
        }
        if (form.endsOn().isBefore(form.startsOn())) {
            java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
            throw new BusinessException("partner.endBeforeStart", day.format(form.endsOn()), day.format(form.startsOn()));
        }
        Long lineId = form.budgetLineId();
        if (lineId != null) {
            BudgetRepository.LineRow line = budget.line(lineId).filter(l -> user.canActOn(l.unitPath(), READERS))
                    .orElseThrow(() -> new BusinessException("partner.field", "budgetLineId"));
            if (!BudgetSource.SPONSORSHIP.name().equals(line.source())) {
                throw new BusinessException("partner.notSponsorship", line.title());
            }
        }
        String supports = form.supportsKind() == null || form.supportsKind().isBlank() ? null
                : form.supportsKind().strip().toUpperCase(java.util.Locale.ROOT);
        if (supports != null && (!SUPPORTS.contains(supports) || form.supportsId() == null || form.supportsId() < 1)) {
            throw new BusinessException("partner.field", supports == null || SUPPORTS.contains(supports) ? "supportsId"
                    : "supportsKind");
        }
        if (supports == null && form.supportsId() != null) {
            throw new BusinessException("partner.field", "supportsKind");
        }
        tx.executeWithoutResult(s -> {
            long id = repo.insertCommitment(partnerId, form.kind().name(), description, quantity, form.startsOn(),
                    form.endsOn(), lineId, supports, supports == null ? null : form.supportsId(), user.username(),
                    clock.instant());
            audit.record("COMMIT", "partner", Long.toString(partnerId), partner.unitPath(),
                    "commitment=" + id + " " + form.kind() + " " + quantity);
        });
        return get(partnerId);
    }

    /** Records a delivery; the same hand-over note sent twice is recorded once. */
    public Partner deliver(long commitmentId, DeliveryForm form) {
        AppUser user = CurrentUser.require();
        CommitmentRow c = repo.commitment(commitmentId)
                .orElseThrow(() -> new NotFoundException("partner.commitmentNotFound"));
        PartnerRow partner = repo.partner(c.partnerId()).filter(p -> user.canActOn(p.unitPath(), WRITERS))
                .orElseThrow(() -> new NotFoundException("partner.commitmentNotFound"));
        if (form == null) {
            throw new BusinessException("partner.field", "quantity");
        }
        if (CommitmentKind.valueOf(c.kind()) == CommitmentKind.MONEY) {
            vnd(form.currency());
        }
        long quantity = quantity(form.quantity());
        LocalDate on = form.deliveredOn();
        if (on == null || on.isAfter(LocalDate.now(clock))) {
            throw new BusinessException("partner.deliveredOn");
        }
        String doc = text(form.documentRef(), "documentRef", 200);
        tx.executeWithoutResult(s -> {
            boolean again = repo.deliveries(commitmentId).stream()
                    .anyMatch(d -> d.documentRef().equals(doc) && d.quantity() == quantity && d.deliveredOn().equals(on));
            if (!again) {
                repo.insertDelivery(commitmentId, on, quantity, doc, user.username(), clock.instant());
                audit.record("DELIVER", "partner", Long.toString(partner.id()), partner.unitPath(),
                        "commitment=" + commitmentId + " " + quantity + " " + doc);
            }
        });
        return get(partner.id());
    }

    /** The partners' commitments paying into a budget line, with what each delivered. */
    public List<Partner.Pledge> pledges(long lineId) {
        AppUser user = CurrentUser.require();
        budget.line(lineId).filter(l -> user.canActOn(l.unitPath(), READERS))
                .orElseThrow(() -> new NotFoundException("budget.lineNotFound"));
        List<Partner.Pledge> out = new ArrayList<>();
        for (CommitmentRow c : repo.commitmentsOfLine(lineId)) {
            String name = repo.partner(c.partnerId()).map(PartnerRow::name).orElse("");
            long delivered = repo.deliveries(c.id()).stream().mapToLong(PartnerRepository.DeliveryRow::quantity).sum();
            out.add(new Partner.Pledge(c.partnerId(), name, CommitmentKind.valueOf(c.kind()), c.description(), c.quantity(),
                    delivered));
        }
        return out;
    }

    /** The sponsorship lines the reader may link a commitment to. */
    public List<BudgetLine> sponsorshipLines(long partnerId) {
        AppUser user = CurrentUser.require();
        PartnerRow partner = readable(user, partnerId);
        return budget.sponsorshipLinesWithin(partner.unitPath()).stream()
                .filter(l -> user.canActOn(l.unitPath(), READERS))
                .map(l -> new BudgetLine(l.id(), l.planId(), l.taskId(), l.unitId(), "", BudgetSource.SPONSORSHIP, l.title(),
                        l.estimate(), l.allocated(), 0, null, List.of()))
                .toList();
    }

    private PartnerRow readable(AppUser user, long id) {
        return repo.partner(id).filter(p -> user.canActOn(p.unitPath(), READERS))
                .orElseThrow(() -> new NotFoundException("partner.notFound"));
    }

    private PartnerRow writable(AppUser user, long id) {
        return repo.partner(id).filter(p -> user.canActOn(p.unitPath(), WRITERS))
                .orElseThrow(() -> new NotFoundException("partner.notFound"));
    }

    private Partner view(AppUser user, PartnerRow p) {
        List<Partner.Commitment> commitments = new ArrayList<>();
        for (CommitmentRow c : repo.commitments(p.id())) {
            List<Partner.Delivery> deliveries = repo.deliveries(c.id()).stream()
                    .map(d -> new Partner.Delivery(d.id(), d.deliveredOn(), d.quantity(), d.documentRef())).toList();
            String lineTitle = c.budgetLineId() == null ? null
                    : budget.line(c.budgetLineId()).map(BudgetRepository.LineRow::title).orElse(null);
            commitments.add(new Partner.Commitment(c.id(), CommitmentKind.valueOf(c.kind()), c.description(), c.quantity(),
                    deliveries.stream().mapToLong(Partner.Delivery::quantity).sum(), c.startsOn(), c.endsOn(),
                    c.budgetLineId(), lineTitle, c.supportsKind(), c.supportsId(), deliveries));
        }
        return new Partner(p.id(), p.unitId(), units.find(p.unitId()).map(Unit::name).orElse(""), p.name(),
                PartnerKind.valueOf(p.kind()), p.contact(), commitments, user.canActOn(p.unitPath(), WRITERS));
    }

    private static String text(String value, String field, int max) {
        String t = value == null ? "" : vn.binhdan.shared.VietnameseText.clean(value);
        if (t == null || t.isEmpty() || t.length() > max) {
            throw new BusinessException("partner.field", field);
        }
        return t;
    }

    private static long quantity(Long value) {
        if (value == null) {
            throw new BusinessException("partner.field", "quantity");
        }
        if (value <= 0) {
            throw new BusinessException("partner.quantity");
        }
        if (value > MAX_QUANTITY) {
            throw new BusinessException("partner.field", "quantity");
        }
        return value;
    }

    private static void vnd(String currency) {
        if (currency != null && !currency.isBlank() && !"VND".equalsIgnoreCase(currency.strip())) {
            throw new BusinessException("budget.currency", currency.strip());
        }
    }

    private static long lastId(String path) {
        String[] parts = path.split("/");
        return Long.parseLong(parts[parts.length - 1]);
    }
}
