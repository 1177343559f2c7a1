package vn.binhdan.monitoring.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.binhdan.monitoring.internal.RollupRepository.Cell;

/**
 * Rolls waiting changes up the tree. Woken right after an event's transaction commits, so a
 * new certificate shows in the province's figures within milliseconds; under load the changes
 * that queued meanwhile go up together, one row update per unit instead of one per event.
 */
@Component
public class Drainer {

    private static final Logger log = LoggerFactory.getLogger(Drainer.class);
    static final int BATCH = 5000;

    private final RollupRepository repo;
    private final TransactionTemplate tx;
    private final boolean skipLocked;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rollup-drainer");
        t.setDaemon(true);
        return t;
    });

    Drainer(RollupRepository repo, TransactionTemplate tx, DataSource dataSource) throws SQLException {
        this.repo = repo;
        this.tx = tx;
        try (Connection c = dataSource.getConnection()) {
            this.skipLocked = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    /** Drains after the current transaction commits (at once when there is none). */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private void wake() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    drainAll();
                } catch (RuntimeException e) {
                    // the scheduled pass picks the changes up again: they stay queued
                    log.warn("Rolling up failed, will retry: {}", e.toString());
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "${binhdan.monitoring.drain-every:PT2S}", initialDelayString = "PT5S")
    void tick() {
        drainAll();
    }

    /** Applies every waiting change; returns how many were applied. */
    public synchronized int drainAll() {
        int total = 0;
        int n;
        do {
            n = tx.execute(s -> drainBatch());
            total += n;
        } while (n == BATCH);
        return total;
    }

    private int drainBatch() {
        List<RollupRepository.Delta> deltas = repo.claimDeltas(BATCH, skipLocked);
        if (deltas.isEmpty()) {
            return 0;
        }
        Map<Cell, Long> sums = new HashMap<>();
        List<Long> ids = new ArrayList<>(deltas.size());
        for (RollupRepository.Delta d : deltas) {
            Tree.addUp(sums, d.metric(), d.unitPath(), d.group(), d.day(), d.delta());
            ids.add(d.id());
        }
        repo.add(sums);
        repo.deleteDeltas(ids);
        return deltas.size();
    }
}
