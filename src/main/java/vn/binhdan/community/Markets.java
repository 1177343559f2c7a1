package vn.binhdan.community;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.binhdan.audit.AuditLog;
import vn.binhdan.community.internal.MarketRepository;
import vn.binhdan.community.internal.MarketRepository.MarketRow;
import vn.binhdan.community.internal.MarketRepository.TraderRow;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.BusinessException;
import vn.binhdan.shared.ForbiddenException;
import vn.binhdan.shared.NotFoundException;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;
import vn.binhdan.unit.Units;

/**
 * Digital markets ("Chợ số", the 4T model): markets per commune, their small traders, and per
 * trader the checklist (e-commerce sales, cashless payment, digital savings, or whatever list is
 * configured). A market's figure is the share of its traders meeting every criterion.
 */
@Service
@Transactional(readOnly = true)
public class Markets {

    private static final Set<UnitType> COMMUNE_LEVEL = EnumSet.of(UnitType.COMMUNE, UnitType.WARD, UnitType.SPECIAL_ZONE);

    private final MarketRepository repo;
    private final Units units;
    private final PersonDirectory persons;
    private final CascadeProperties props;
    private final AuditLog audit;
    private final Clock clock;

    public Markets(MarketRepository repo, Units units, PersonDirectory persons, CascadeProperties props, AuditLog audit,
                   Clock clock) {
        this.repo = repo;
        this.units = units;
        this.persons = persons;
        this.props = props;
        this.audit = audit;
        this.clock = clock;
    }

    public List<String> criteria() {
        return props.marketCriteria();
    }

    public List<Market> list() {
        AppUser user = Families.requireField();
        List<MarketRow> rows = repo.within(user.scopePaths(Ambassadors.FIELD));
        return markets(rows, false);
    }

    public Market get(long id) {
        AppUser user = Families.requireField();
        MarketRow row = visible(id, user);
        Market market = markets(List.of(row), true).getFirst();
        audit.listed("market-traders", "market " + id, row.unitPath(), AuditLog.query("marketId", id),
                market.traderList() == null ? 0 : market.traderList().size());
        return market;
    }

    @Transactional
    public Market create(Long unitId, String name) {
        AppUser user = Families.requireField();
        String clean = VietnameseText.clean(name);
        if (clean == null) {
            throw new BusinessException("market.nameRequired");
        }
        if (clean.length() > 200) {
            throw new BusinessException("cascade.tooLong", 200);
        }
        Unit unit = unitId == null ? null : units.find(unitId).orElse(null);
        if (unit == null || !COMMUNE_LEVEL.contains(unit.type())) {
            throw new BusinessException("market.communeRequired");
        }
        if (!user.canActOn(unit.path(), Ambassadors.FIELD)) {
            throw new ForbiddenException("cascade.forbidden");
        }
        long id = repo.insertMarket(unit.id(), clean, user.username(), clock.instant());
        audit.record("CREATE", "market", Long.toString(id), unit.path(), clean);
        return get(id);
    }

    @Transactional
    public Market.Trader addTrader(long marketId, String name, String stall, Long personId) {
        AppUser user = Families.requireField();
        MarketRow market = visible(marketId, user);
        String clean = VietnameseText.clean(name);
        if (clean == null) {
            throw new BusinessException("market.traderNameRequired");
        }
        String cleanStall = VietnameseText.clean(stall);
        if (clean.length() > 200 || (cleanStall != null && cleanStall.length() > 60)) {
            throw new BusinessException("cascade.tooLong", clean.length() > 200 ? 200 : 60);
        }
        if (personId != null) {
            var p = persons.find(personId).orElseThrow(() -> new NotFoundException("cascade.personNotFound"));
            if (!user.canActOn(p.residenceUnitPath(), Ambassadors.FIELD)) {
                throw new ForbiddenException("cascade.forbidden");
            }
        }
        long id = repo.insertTrader(marketId, clean, cleanStall, personId, user.username(), clock.instant());
        audit.record("CREATE", "market-trader", Long.toString(id), market.unitPath(), clean);
        return new Market.Trader(id, clean, cleanStall, personId, List.of(), false);
    }

    /** Replaces what the trader meets with the criteria given (codes of the configured checklist). */
    @Transactional
    public Market.Trader check(long marketId, long traderId, List<String> met) {
        AppUser user = Families.requireField();
        MarketRow market = visible(marketId, user);
        TraderRow trader = repo.traders(List.of(marketId)).stream().filter(t -> t.id() == traderId).findFirst()
                .orElseThrow(() -> new NotFoundException("market.traderNotFound"));
        Set<String> codes = new LinkedHashSet<>(met == null ? List.of() : met);
        for (String c : codes) {
            if (!props.marketCriteria().contains(c)) {
                throw new BusinessException("market.unknownCriterion", c);
            }
        }
        repo.replaceCriteria(traderId, codes, user.username(), clock.instant());
        audit.record("CHECK", "market-trader", Long.toString(traderId), market.unitPath(), String.join(",", codes));
        List<String> ordered = props.marketCriteria().stream().filter(codes::contains).toList();
        return new Market.Trader(traderId, trader.name(), trader.stall(), trader.personId(), ordered,
                ordered.size() == props.marketCriteria().size());
    }

    private MarketRow visible(long id, AppUser user) {
        MarketRow row = repo.find(id).orElseThrow(() -> new NotFoundException("market.notFound"));
        if (!user.canActOn(row.unitPath(), Ambassadors.FIELD)) {
            throw new NotFoundException("market.notFound");
        }
        return row;
    }

    private List<Market> markets(List<MarketRow> rows, boolean withTraders) {
        List<TraderRow> traders = repo.traders(rows.stream().map(MarketRow::id).toList());
        Map<Long, List<String>> met = repo.criteria(traders.stream().map(TraderRow::id).toList());
        List<String> all = props.marketCriteria();
        List<Market> out = new ArrayList<>();
        for (MarketRow m : rows) {
            List<Market.Trader> list = traders.stream().filter(t -> t.marketId() == m.id()).map(t -> {
                List<String> has = all.stream().filter(met.getOrDefault(t.id(), List.of())::contains).toList();
                return new Market.Trader(t.id(), t.name(), t.stall(), t.personId(), has, has.size() == all.size());
            }).toList();
            int meeting = (int) list.stream().filter(Market.Trader::meetsAll).count();
            Double share = list.isEmpty() ? null : Math.round(1000.0 * meeting / list.size()) / 10.0;
            out.add(new Market(m.id(), m.unitId(), m.unitName(), m.name(), list.size(), meeting, share,
                    withTraders ? list : List.of()));
        }
        return out;
    }
}
