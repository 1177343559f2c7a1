package vn.binhdan.community.internal.classes;

import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import vn.binhdan.community.CommunityEvent.Count;
import vn.binhdan.community.Tally;
import vn.binhdan.community.internal.TallySource;

/**
 * Classes held and attendance counted again from the rows: a class still standing counts once on
 * the day it was counted, each attendance row of it on its session's day; a cancelled class
 * counts nothing, as its cancellation event took everything back.
 */
@Component
class ClassTallies implements TallySource {

    private final ClassRepository repo;

    ClassTallies(ClassRepository repo) {
        this.repo = repo;
    }

    @Override
    public void forEachCount(Consumer<Count> sink) {
        repo.forEachHeld(d -> sink.accept(new Count(Tally.CLASSES_HELD, d.unitPath(), d.day(), d.count())));
        repo.forEachAttendanceDay(d -> sink.accept(new Count(Tally.CLASS_ATTENDANCES, d.unitPath(), d.day(), d.count())));
    }
}
