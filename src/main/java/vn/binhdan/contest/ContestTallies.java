package vn.binhdan.contest;

import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import vn.binhdan.contest.internal.ContestRepository;

/** The contests' participants recomputed from the rows, as {@link ContestParticipation} counts them live. */
@Service
public class ContestTallies {

    private final ContestRepository repo;

    ContestTallies(ContestRepository repo) {
        this.repo = repo;
    }

    public void forEachParticipant(Consumer<ContestParticipation.Joined> sink) {
        repo.forEachFirstEntry((contestId, path, at) -> sink.accept(ContestParticipation.joined(contestId, path, at)));
    }
}
