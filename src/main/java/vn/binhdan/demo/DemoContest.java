package vn.binhdan.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.binhdan.contest.CollectiveBasis;
import vn.binhdan.contest.Contest;
import vn.binhdan.contest.ContestForm;
import vn.binhdan.contest.Contests;
import vn.binhdan.contest.Counts;
import vn.binhdan.contest.DrawLine;
import vn.binhdan.contest.PastEntry;
import vn.binhdan.contest.Round;
import vn.binhdan.contest.RoundForm;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;

/**
 * The province's online contest on digital transformation: three weekly rounds already held,
 * with entries from across the province (communes at different levels of zeal, so the unit
 * leaderboards differ, and a rush in each round's first minutes), and a fourth round open now
 * for the demo learner to take.
 */
@Component
class DemoContest {

    static final String TITLE = "Cuộc thi trực tuyến tìm hiểu về chuyển đổi số tỉnh Đắk Lắk";

    private final Contests contests;
    private final PersonDirectory persons;
    private final Clock clock;

    DemoContest(Contests contests, PersonDirectory persons, Clock clock) {
        this.contests = contests;
        this.persons = persons;
        this.clock = clock;
    }

    @EventListener
    @Order(100)
    void on(DemoLoaded loaded) {
        Contest contest = contests.create(new ContestForm(loaded.province().id(), TITLE,
                "Mỗi tuần một vòng thi gồm 10 câu hỏi trắc nghiệm và một câu hỏi dự đoán số người trả lời đúng tất cả. "
                        + "Xếp hạng theo số câu đúng, rồi câu dự đoán gần nhất, rồi thời gian làm bài ngắn hơn, rồi nộp sớm hơn. "
                        + "Mỗi người được dự thi 2 lần mỗi vòng, lượt có kết quả tốt nhất được tính.",
                "Sở Khoa học và Công nghệ tỉnh Đắk Lắk", 10, CollectiveBasis.PER_THOUSAND, 3));
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        List<DrawLine> draw = List.of(new DrawLine("1", null, 3), new DrawLine("2", null, 2), new DrawLine("4", null, 3),
                new DrawLine("5", null, 2));
        List<Long> adults = persons.idsInGroup(loaded.province().path(), TargetGroup.ADULT);
        Random r = new Random(2026);
        for (int week = 3; week >= 1; week--) {
            Instant opens = now.minus(Duration.ofDays(7L * week + 1));
            Round round = contests.addRound(contest.id(), new RoundForm("Vòng " + (4 - week), opens,
                    opens.plus(Duration.ofDays(6)), 20, 2, Counts.BEST, 10, draw, null));
            contests.importResults(round.id(), entries(adults, opens, r, 4 - week));
        }
        contests.addRound(contest.id(), new RoundForm("Vòng 4", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(6)),
                20, 2, Counts.BEST, 10, draw, null));
    }

    /** More people each week; a commune's zeal is fixed by its code, so the same communes lead. */
    private static List<PastEntry> entries(List<Long> adults, Instant opens, Random r, int number) {
        List<PastEntry> out = new ArrayList<>();
        double share = 0.04 + 0.02 * number;
        for (long id : adults) {
            double zeal = 0.3 + 1.4 * ((Long.hashCode(id / 200) & 0x7fffffff) % 100) / 100.0;
            if (r.nextDouble() >= share * zeal) {
                continue;
            }
            int tries = r.nextDouble() < 0.2 ? 2 : 1;
            for (int t = 0; t < tries; t++) {
                // a rush in the first minutes of the round, then a long tail
                long startMinute = r.nextDouble() < 0.4 ? r.nextInt(10) : r.nextInt(6 * 24 * 60);
                int correct = Math.min(10, (int) Math.round(6 + r.nextGaussian() * 2 + 1.5));
                long duration = 90_000 + (long) (r.nextDouble() * 900_000);
                long prediction = Math.max(0, Math.round(40 + number * 15 + r.nextGaussian() * 30));
                String device = r.nextDouble() < 0.03 ? "c:demo-hall-" + (id % 7) : "c:demo-" + id + "-" + t;
                out.add(new PastEntry(id, opens.plus(Duration.ofMinutes(startMinute)).plusSeconds(r.nextInt(60)),
                        duration, Math.max(0, correct), prediction, device, "10.66." + (id % 250) + "." + (id % 7)));
            }
        }
        return out;
    }
}
