package vn.binhdan.community.internal;

import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import vn.binhdan.community.CommunityEvent.Count;

/** Model citizens and villages counted again from the nominations, as their events counted them. */
@Component
class RecognitionTallies implements TallySource {

    private final NominationRepository repo;

    RecognitionTallies(NominationRepository repo) {
        this.repo = repo;
    }

    @Override
    public void forEachCount(Consumer<Count> sink) {
        repo.forEachRecognition((kind, path, recognisedOn, withdrawnOn) -> {
            sink.accept(new Count(kind.tally(), path, recognisedOn, 1));
            if (withdrawnOn != null) {
                sink.accept(new Count(kind.tally(), path, withdrawnOn, -1));
            }
        });
    }
}
