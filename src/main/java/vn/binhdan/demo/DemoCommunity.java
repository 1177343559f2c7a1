package vn.binhdan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhdan.community.Guidance;
import vn.binhdan.community.GuidanceEntry;
import vn.binhdan.community.GuidanceOutcome;
import vn.binhdan.community.GuidancePlace;
import vn.binhdan.community.GuidanceReceipt;
import vn.binhdan.community.GuidanceTopic;
import vn.binhdan.community.Team;
import vn.binhdan.community.TeamForm;
import vn.binhdan.community.TeamMember;
import vn.binhdan.community.Teams;
import vn.binhdan.identity.AccountService;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;
import vn.binhdan.unit.Units;

/**
 * A community team in every village of the demo commune, and three months of their guidance
 * log, entered through the same service the phone form uses: the team member's village by the
 * team-member account, the others by the commune officer.
 */
@Component
class DemoCommunity {

    private static final Logger log = LoggerFactory.getLogger(DemoCommunity.class);
    private static final long SEED = 20250703L;
    private static final int DAYS = 90;

    private final Teams teams;
    private final Guidance guidance;
    private final Units units;
    private final PersonDirectory persons;
    private final AccountService accounts;
    private final Clock clock;

    DemoCommunity(Teams teams, Guidance guidance, Units units, PersonDirectory persons, AccountService accounts,
                  Clock clock) {
        this.teams = teams;
        this.guidance = guidance;
        this.units = units;
        this.persons = persons;
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventListener
    void on(DemoLoaded loaded) {
        long start = System.nanoTime();
        Random random = new Random(SEED);
        AppUser member = accounts.loadByUsername(DemoDataLoader.TEAM_MEMBER).orElseThrow();
        AppUser officer = accounts.loadByUsername(DemoDataLoader.COMMUNE_OFFICER).orElseThrow();
        List<String> topics = guidance.topics().stream().filter(GuidanceTopic::active).map(GuidanceTopic::code).toList();
        LocalDate today = LocalDate.now(clock);
        int sessions = 0;
        int created = 0;
        List<Unit> villages = units.children(loaded.commune().id()).stream()
                .filter(u -> u.type() == UnitType.VILLAGE && u.active()).toList();
        for (Unit village : villages) {
            List<Long> adults = persons.idsInGroup(village.path(), TargetGroup.ADULT);
            if (adults.size() < 3) {
                continue;
            }
            Team team = SystemUser.call(officer, () -> teams.create(new TeamForm(village.id(),
                    "Tổ công nghệ số cộng đồng " + village.name(), Team.Kind.VILLAGE, null, null)));
            List<Long> shuffled = new ArrayList<>(adults);
            java.util.Collections.shuffle(shuffled, random);
            int size = Math.min(shuffled.size(), 3 + random.nextInt(3));
            for (int i = 0; i < size; i++) {
                long personId = shuffled.get(i);
                boolean leader = i == 0;
                SystemUser.run(officer, () -> teams.addMember(team.id(), new TeamMember.Form(personId, leader, null)));
            }
            created++;
            AppUser recorder = village.id() == loaded.village().id() ? member : officer;
            List<GuidanceEntry> log = new ArrayList<>();
            for (int day = DAYS; day >= 0; day--) {
                // two or three visits a week, more in the weeks before a deadline
                if (random.nextInt(7) >= (day < 30 ? 4 : 2)) {
                    continue;
                }
                int n = random.nextInt(10) == 0 ? 4 + random.nextInt(8) : 1;
                List<GuidanceEntry.Helped> helped = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    helped.add(new GuidanceEntry.Helped(adults.get(random.nextInt(adults.size())), null, null, null));
                }
                List<String> chosen = new ArrayList<>(List.of(topics.get(random.nextInt(topics.size()))));
                if (random.nextBoolean()) {
                    String second = topics.get(random.nextInt(topics.size()));
                    if (!chosen.contains(second)) {
                        chosen.add(second);
                    }
                }
                log.add(new GuidanceEntry("demo-" + village.id() + "-" + day, today.minusDays(day), village.id(), team.id(),
                        n > 1 ? GuidancePlace.CLASS : GuidancePlace.HOME, n > 1 ? 60 + 15 * random.nextInt(4) : 10 + 5 * random.nextInt(7),
                        random.nextInt(6) == 0 ? GuidanceOutcome.FOLLOW_UP : GuidanceOutcome.DONE, chosen, null, helped));
            }
            for (GuidanceReceipt r : SystemUser.call(recorder, () -> guidance.sync(log))) {
                if (r.status() != GuidanceReceipt.Status.RECORDED) {
                    throw new IllegalStateException("demo guidance not recorded: " + r);
                }
                sessions++;
            }
        }
        log.info("Demo community: {} village teams, {} guidance sessions in {} ms", created, sessions,
                (System.nanoTime() - start) / 1_000_000);
    }
}
