package vn.binhdan.community.outreach;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.campaign.ComplianceRule;
import vn.binhdan.campaign.Indicators;
import vn.binhdan.community.Tally;
import vn.binhdan.campaign.Target;
import vn.binhdan.community.internal.Access;
import vn.binhdan.community.internal.outreach.OutreachRepository;
import vn.binhdan.community.internal.outreach.OutreachRepository.ItemRow;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ConflictException;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.Units;
import vn.binhdan.shared.TextLimits;

/**
 * Outreach items of a unit's subtree, recorded by its officers and teams after they went out
 * (never ahead: a future date is refused). An online item needs its address, checked to be a
 * web link; a poster or a broadcast may have none. Withdrawing an item takes its count back.
 */
@Service
public class Outreach {

    /** The compliance indicator whose rule says what a month's "news items or videos" are. */
    static final String POSTS_RULE = "POSTS_EVERY_MONTH";

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final OutreachRepository repo;
    private final Units units;
    private final Indicators indicators;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Outreach(OutreachRepository repo, Units units, Indicators indicators, AuditLog audit,
                    ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.units = units;
        this.indicators = indicators;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** One unit's month: its items (its subtree's) and the counts against the monthly targets. */
    @Transactional(readOnly = true)
    public OutreachMonth month(long unitId, YearMonth month) {
        AppUser user = Access.requireManager();
        Unit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("unit.notFound", unitId));
        Access.requireManager(user, unit.path());
        YearMonth m = month == null ? YearMonth.now(clock) : month;
        List<OutreachItem> items = repo.between(unit.path(), m.atDay(1), m.atEndOfMonth()).stream()
                .map(Outreach::item).toList();
        // which channels are "news items or videos", and whether 10 must be passed or reached, is the
        // province's compliance rule; without one, every non-visual channel counts and 10 must be passed
        java.util.Optional<ComplianceRule> rule = indicators.complianceRules(POSTS_RULE).stream()
                .filter(r -> r.metric().equals(Tally.OUTREACH_POSTS.name())).findFirst();
        List<String> kinds = rule.map(ComplianceRule::kinds).orElse(List.of());
        int posts = (int) items.stream().filter(i -> !i.withdrawn() && !i.channel().visual()
                && (kinds.isEmpty() || kinds.contains(i.channel().name()))).count();
        int visual = (int) items.stream().filter(i -> !i.withdrawn() && i.channel().visual()).count();
        int others = (int) items.stream().filter(i -> !i.withdrawn()).count() - posts - visual;
        Indicators.TargetTable targets = indicators.targets(m.getYear());
        Integer postsTarget = target(targets, unit, "OUTREACH_POSTS");
        boolean postsMet = postsTarget != null && rule.map(ComplianceRule::comparison)
                .orElse(ComplianceRule.Comparison.GT).holds(posts, postsTarget);
        return new OutreachMonth(unit.id(), unit.name(), m, posts, postsTarget, postsMet, others, visual,
                target(targets, unit, "VISUAL_OUTREACH"), items);
    }

    @Transactional
    public OutreachItem create(OutreachForm form) {
        TextLimits.check(form);
        AppUser user = Access.requireManager();
        if (form == null || form.unitId() == null) {
            throw new BusinessException("outreach.unitRequired");
        }
        Unit unit = units.find(form.unitId()).filter(Unit::active)
                .orElseThrow(() -> new BusinessException("outreach.unitRequired"));
        Access.requireManager(user, unit.path());
        if (!unit.type().administrative()) {
            throw new BusinessException("outreach.unitType", unit.name());
        }
        if (form.channel() == null) {
            throw new BusinessException("outreach.channelRequired");
        }
        LocalDate on = form.publishedOn();
        if (on == null) {
            throw new BusinessException("outreach.dateRequired");
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw new BusinessException("outreach.futureDate", DMY.format(on));
        }
        if (on.getYear() < 2020) {
            throw new BusinessException("outreach.badDate");
        }
        String title = VietnameseText.clean(form.title());
        if (title == null) {
            throw new BusinessException("outreach.titleRequired");
        }
        if (title.length() > 300) {
            throw new BusinessException("outreach.tooLong", 300);
        }
        String link = link(form.link(), form.channel());
        Integer copies = form.copies();
        if (copies != null && (copies < 1 || copies > 10_000_000)) {
            throw new BusinessException("outreach.badCopies");
        }
        long id = repo.insert(unit.id(), on, form.channel().name(), title, link, copies, user.username(), clock.instant());
        events.publishEvent(new OutreachPublished(id, form.channel(), unit.path(), on));
        audit.record("CREATE", "outreach", Long.toString(id), unit.path(), form.channel() + " " + on + " " + title);
        return item(repo.find(id).orElseThrow());
    }

    @Transactional
    public OutreachItem withdraw(long id) {
        AppUser user = CurrentUser.require();
        ItemRow row = repo.find(id).orElseThrow(() -> new NotFoundException("outreach.notFound", id));
        Access.requireManager(user, row.unitPath());
        row = repo.lock(id).orElseThrow();
        if (row.withdrawnAt() != null) {
            throw new ConflictException("outreach.alreadyWithdrawn");
        }
        repo.withdraw(id, clock.instant());
        events.publishEvent(new OutreachWithdrawn(id, OutreachChannel.valueOf(row.channel()), row.unitPath(),
                row.publishedOn()));
        audit.record("WITHDRAW", "outreach", Long.toString(id), row.unitPath(), row.title());
        return item(repo.find(id).orElseThrow());
    }

    /** Online items need their address; any address given must be an http(s) link to a host. */
    static String link(String raw, OutreachChannel channel) {
        String link = raw == null || raw.isBlank() ? null : raw.strip();
        boolean online = channel == OutreachChannel.NEWS || channel == OutreachChannel.VIDEO
                || channel == OutreachChannel.SOCIAL_POST;
        if (link == null) {
            if (online) {
                throw new BusinessException("outreach.linkRequired");
            }
            return null;
        }
        if (link.length() > 1000) {
            throw new BusinessException("outreach.badLink");
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !uri.getHost().contains(".")) {
                throw new BusinessException("outreach.badLink");
            }
        } catch (URISyntaxException e) {
            throw new BusinessException("outreach.badLink");
        }
        return link;
    }

    private static Integer target(Indicators.TargetTable targets, Unit unit, String code) {
        return targets.forUnit(unit, code, "ALL").map(Target::value).map(v -> v.intValue()).orElse(null);
    }

    private static OutreachItem item(ItemRow r) {
        return new OutreachItem(r.id(), r.unitId(), r.unitName(), r.publishedOn(), OutreachChannel.valueOf(r.channel()),
                r.title(), r.link(), r.copies(), r.withdrawnAt(), r.createdBy());
    }
}
