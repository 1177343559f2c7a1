package vn.binhdan.shared.shipped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The release of each shipped piece of content (a question, an indicator, a report form, a
 * framework edition) a province has installed, kept as a hash of the content as installed.
 *
 * <p>Comparing the hash of what is in the database now with the hash recorded at installation
 * tells whether the province edited the piece, without trusting edit stamps: a piece whose
 * content is still what was installed is brought up to a new release; an edited one is left as
 * the province made it and the release waits for an author ({@link #waiting(String)}).
 */
@Component
public class ShippedReleases {

    /** What a start does with one shipped piece. */
    public enum Step {
        /** the database already holds this release's content: record it and do nothing else */
        RECORD,
        /** this release ships nothing new for the piece */
        NOTHING,
        /** the province kept the installed release: install the new one */
        UPGRADE,
        /** the province edited the piece: keep it, let the new release wait for an author */
        WAIT
    }

    /** What a start did with one shipped piece, as the start-up log and tests report it. */
    public enum Outcome { INSTALLED, UPGRADED, UNCHANGED, KEPT_LOCAL_EDITS, DEFERRED }

    /** A recorded release: the hash installed, and the newer one waiting for an author, if any. */
    public record Release(String hash, Instant installedAt, String waitingHash, Instant waitingSince) {
    }

    /** The hash recorded for a piece that was first seen already edited (the installed release is unknown). */
    public static final String UNKNOWN = "UNKNOWN";

    private final JdbcClient jdbc;
    private final Clock clock;

    public ShippedReleases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The rule shared by every kind of content.
     *
     * @param shipped  hash of this release's content
     * @param local    hash of the province's content now
     * @param untouchedWithoutRecord for a database from before releases were recorded: whether the
     *                 piece is known to be as the system installed it
     * @param pinned   the province made a choice the content hash does not show (retired it, added
     *                 pictures): counts as an edit
     */
    public static Step decide(Optional<Release> recorded, String shipped, String local, boolean untouchedWithoutRecord,
                              boolean pinned) {
        if (local.equals(shipped)) {
            return recordNeeded(recorded, shipped) ? Step.RECORD : Step.NOTHING;
        }
        if (recorded.isPresent() && recorded.get().hash().equals(shipped)) {
            return Step.NOTHING;
        }
        boolean edited = pinned || recorded.map(r -> !r.hash().equals(local)).orElse(!untouchedWithoutRecord);
        return edited ? Step.WAIT : Step.UPGRADE;
    }

    private static boolean recordNeeded(Optional<Release> recorded, String shipped) {
        return recorded.isEmpty() || !recorded.get().hash().equals(shipped) || recorded.get().waitingHash() != null;
    }

    /**
     * Makes the caller the only installer of shipped content until its transaction ends: instances
     * started together take turns, and the later one finds the release already recorded.
     */
    public void lock() {
        jdbc.sql("SELECT code FROM shipped_content WHERE kind = 'LOCK' AND code = 'install' FOR UPDATE")
                .query(String.class).optional();
    }

    public Optional<Release> release(String kind, String code) {
        return jdbc.sql("""
                SELECT shipped_hash, installed_at, waiting_hash, waiting_since FROM shipped_content
                WHERE kind = ? AND code = ?""")
                .params(kind, code)
                .query((rs, i) -> new Release(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Records the release now installed (or found already in place); nothing waits any more. */
    public void installed(String kind, String code, String hash) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.sql("""
                        UPDATE shipped_content SET shipped_hash = ?, installed_at = ?, waiting_hash = NULL, waiting_since = NULL
                        WHERE kind = ? AND code = ?""")
                .params(hash, now, kind, code).update() == 0) {
            jdbc.sql("INSERT INTO shipped_content (kind, code, shipped_hash, installed_at) VALUES (?, ?, ?, ?)")
                    .params(kind, code, hash, now).update();
        }
    }

    /** A newer release left aside because the province edited its copy. */
    public void waiting(String kind, String code, String hash) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.sql("""
                        UPDATE shipped_content SET waiting_hash = ?, waiting_since = COALESCE(waiting_since, ?)
                        WHERE kind = ? AND code = ?""")
                .params(hash, now, kind, code).update() == 0) {
            jdbc.sql("""
                    INSERT INTO shipped_content (kind, code, shipped_hash, installed_at, waiting_hash, waiting_since)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(kind, code, UNKNOWN, now, hash, now).update();
        }
    }

    /** The pieces of a kind whose newer release waits for an author, with the day it first waited. */
    public Map<String, Instant> waiting(String kind) {
        Map<String, Instant> out = new LinkedHashMap<>();
        jdbc.sql("SELECT code, waiting_since FROM shipped_content WHERE kind = ? AND waiting_hash IS NOT NULL ORDER BY code")
                .param(kind).query(rs -> {
                    out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return out;
    }

    /** Forgets a piece (tests that install content of their own take it away again). */
    public void forget(String kind, String code) {
        jdbc.sql("DELETE FROM shipped_content WHERE kind = ? AND code = ?").params(kind, code).update();
    }

    /** SHA-256 of the parts, each ended by a separator no content holds, so ("ab","c") differs from ("a","bc"). */
    public static String hash(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object p : parts) {
                sha.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
