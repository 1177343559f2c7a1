package vn.binhdan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhdan.community.classes.ClassForm;
import vn.binhdan.community.classes.ClassSession;
import vn.binhdan.community.classes.Classes;
import vn.binhdan.community.classes.CommunityClass;
import vn.binhdan.community.classes.SessionForm;
import vn.binhdan.community.events.EventForm;
import vn.binhdan.community.events.EventKind;
import vn.binhdan.community.events.Events;
import vn.binhdan.community.outreach.Outreach;
import vn.binhdan.community.outreach.OutreachChannel;
import vn.binhdan.community.outreach.OutreachForm;
import vn.binhdan.people.PersonDirectory;
import vn.binhdan.people.TargetGroup;
import vn.binhdan.unit.Unit;
import vn.binhdan.unit.UnitType;
import vn.binhdan.unit.Units;

/**
 * The demo commune's classes (two held, with their learners present, and one still to come),
 * this month's outreach of a few communes, and the province's launch ceremony the commune
 * joined: all through the services an officer would use, so they count as real records do.
 */
@Component
class DemoClasses {

    private static final int LEARNERS_PER_SESSION = 12;

    private final Classes classes;
    private final Outreach outreach;
    private final Events events;
    private final PersonDirectory persons;
    private final Units units;
    private final Clock clock;

    DemoClasses(Classes classes, Outreach outreach, Events events, PersonDirectory persons, Units units, Clock clock) {
        this.classes = classes;
        this.outreach = outreach;
        this.events = events;
        this.persons = persons;
        this.units = units;
        this.clock = clock;
    }

    @EventListener
    void on(DemoLoaded loaded) {
        LocalDate today = LocalDate.now(clock);
        List<Long> adults = persons.idsInGroup(loaded.village().path(), TargetGroup.ADULT);
        held(loaded.village(), "Lớp “Bình dân học vụ số” cho người cao tuổi", "Nhà văn hóa " + loaded.village().name(),
                "Cài đặt và kích hoạt VNeID; nhận biết lừa đảo trực tuyến", today.minusDays(14), adults, 0);
        held(loaded.commune(), "Lớp thanh toán không dùng tiền mặt cho tiểu thương", "Hội trường UBND",
                "Thanh toán bằng mã QR; sổ sức khỏe điện tử", today.minusDays(6), adults, 3);
        classes.create(new ClassForm(loaded.commune().id(), "Lớp dịch vụ công trực tuyến", "Hội trường UBND", null,
                "Tổ công nghệ số cộng đồng", "Nộp hồ sơ trên Cổng dịch vụ công quốc gia", TargetGroup.ADULT, null,
                List.of(new SessionForm(today.plusDays(3), LocalTime.of(8, 0), LocalTime.of(10, 0)))));

        List<Unit> communes = units.children(loaded.province().id()).stream()
                .filter(u -> u.type() == UnitType.COMMUNE || u.type() == UnitType.WARD)
                .filter(u -> u.id() != loaded.commune().id()).limit(3).toList();
        outreachOf(loaded.commune(), today, 6);
        for (int i = 0; i < communes.size(); i++) {
            outreachOf(communes.get(i), today, 3 - i);
        }

        var launch = events.create(new EventForm(EventKind.LAUNCH, "Lễ phát động Phong trào “Bình dân học vụ số” năm "
                + today.getYear(), today.withDayOfMonth(1), loaded.province().id()));
        events.report(launch.id(), loaded.commune().id(), 180);
        for (int i = 0; i < communes.size(); i++) {
            events.report(launch.id(), communes.get(i).id(), 60 + 25 * i);
        }
    }

    /** A class of two sessions, both held, with learners present at each (most of them at both). */
    private void held(Unit unit, String title, String place, String topics, LocalDate first, List<Long> learners,
                      int offset) {
        CommunityClass c = classes.create(new ClassForm(unit.id(), title, place, null, "Đoàn Thanh niên phường", topics,
                TargetGroup.ADULT, null, List.of(new SessionForm(first, LocalTime.of(8, 0), LocalTime.of(10, 0)),
                new SessionForm(first.plusDays(2), LocalTime.of(14, 0), LocalTime.of(16, 0)))));
        for (ClassSession s : c.sessions()) {
            classes.markHeld(c.id(), s.id());
            for (int i = 0; i < LEARNERS_PER_SESSION && offset + i < learners.size(); i++) {
                classes.record(c.id(), s.id(), learners.get(offset + i), null);
            }
            offset += 2;
        }
    }

    private static final String[][] POSTS = {
            {"NEWS", "Ra quân phong trào “Bình dân học vụ số”"},
            {"VIDEO", "Hướng dẫn kích hoạt tài khoản định danh điện tử mức 2"},
            {"LOUDSPEAKER", "Phát thanh: cảnh giác lừa đảo qua điện thoại"},
            {"SOCIAL_POST", "Mời bà con đăng ký lớp học kỹ năng số"},
            {"BANNER", "Băng rôn hưởng ứng phong trào tại trụ sở"},
            {"POSTER", "Áp phích hướng dẫn thanh toán bằng mã QR"},
            {"SMS", "Tin nhắn nhắc lịch lớp học cuối tuần"},
    };

    /** {@code n} items this month, spread over the days gone by. */
    private void outreachOf(Unit commune, LocalDate today, int n) {
        for (int i = 0; i < n; i++) {
            String[] post = POSTS[i % POSTS.length];
            OutreachChannel channel = OutreachChannel.valueOf(post[0]);
            LocalDate day = today.withDayOfMonth(1 + (today.getDayOfMonth() - 1) * i / Math.max(1, n));
            boolean online = channel == OutreachChannel.NEWS || channel == OutreachChannel.VIDEO
                    || channel == OutreachChannel.SOCIAL_POST;
            outreach.create(new OutreachForm(commune.id(), day, channel, post[1],
                    online ? "https://daklak.gov.vn/binh-dan-hoc-vu-so/" + commune.code() + "/" + (i + 1) : null,
                    channel.visual() ? 20 : null));
        }
    }
}
