package vn.binhdan.emulation.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.binhdan.emulation.ReviewForm;

@Repository
public class ReviewRepository {

    private final JdbcClient jdbc;

    public ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, long unitId, String unitPath, int year, java.time.LocalDate heldOn, String chair,
                      int attendance, String minutesRef, String results, String proposals, String recordedBy,
                      Instant updatedAt) {
    }

    private static final String COLUMNS = "id, unit_id, unit_path, review_year, held_on, chair, attendance, minutes_ref,"
            + " results, proposals, recorded_by, updated_at";

    private Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getDate(5).toLocalDate(),
                rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getTimestamp(12).toInstant());
    }

    public Optional<Row> find(long unitId, int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM year_end_review WHERE unit_id = ? AND review_year = ?")
                .params(unitId, year).query((rs, n) -> map(rs)).optional();
    }

    /** Every recorded review's place and day, for the recount of the compliance figure. */
    public void forEachHeld(java.util.function.BiConsumer<String, java.time.LocalDate> sink) {
        jdbc.sql("SELECT unit_path, held_on FROM year_end_review")
                .query(rs -> {
                    sink.accept(rs.getString(1), rs.getDate(2).toLocalDate());
                });
    }

    public List<Row> within(String path, int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM year_end_review WHERE unit_path LIKE ? AND review_year = ?")
                .params(path + "%", year).query((rs, n) -> map(rs)).list();
    }

    /** Inserts the year's review or, when the commune has one already, overwrites it. */
    public void save(long unitId, String unitPath, int year, ReviewForm f, String by, Instant at) {
        int updated = jdbc.sql("UPDATE year_end_review SET held_on = ?, chair = ?, attendance = ?, minutes_ref = ?,"
                        + " results = ?, proposals = ?, recorded_by = ?, updated_at = ? WHERE unit_id = ? AND review_year = ?")
                .params(Date.valueOf(f.heldOn()), f.chair(), f.attendance(), f.minutesRef(), f.results(), f.proposals(),
                        by, Timestamp.from(at), unitId, year).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO year_end_review (unit_id, unit_path, review_year, held_on, chair, attendance,"
                            + " minutes_ref, results, proposals, recorded_by, recorded_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(unitId, unitPath, year, Date.valueOf(f.heldOn()), f.chair(), f.attendance(), f.minutesRef(),
                            f.results(), f.proposals(), by, Timestamp.from(at), Timestamp.from(at)).update();
        }
    }
}
