package vn.binhdan.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.binhdan.identity.AccountService;
import vn.binhdan.identity.AccountService.GrantSpec;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.importing.ImportService;
import vn.binhdan.shared.Role;
import vn.binhdan.shared.SystemUser;
import vn.binhdan.unit.Units;

/**
 * The small province the end-to-end tests live in, loaded through the real imports: Đắk Lắk
 * with two communes (Phường Buôn Ma Thuột 24133, Xã Hòa Phú 24175), their villages and
 * organisations, seven persons, and a neighbouring province (Lâm Đồng 68).
 */
public final class World {

    public static final String PASSWORD = "demo1234";

    private World() {
    }

    public static synchronized void load(ImportService imports, AccountService accounts, Units units, JdbcClient jdbc) {
        if (units.count() > 0) {
            return;
        }
        SystemUser.run(SystemUser.SYSTEM, () -> {
            expectDone(imports.runNow("UNIT", "units.csv", fixture("units.csv"), null));
            expectDone(imports.runNow("PERSON", "persons.csv", fixture("persons.csv"), null));
            long an = personId(jdbc, "Nguyễn Văn An");
            accounts.create("province-admin", "Sở KH&CN Đắk Lắk", PASSWORD, null,
                    List.of(new GrantSpec(Role.PROVINCE_ADMIN, unit(units, "66"))));
            accounts.create("commune-officer", "Cán bộ phường Buôn Ma Thuột", PASSWORD, null,
                    List.of(new GrantSpec(Role.COMMUNE_OFFICER, unit(units, "24133"))));
            accounts.create("other-officer", "Cán bộ xã Hòa Phú", PASSWORD, null,
                    List.of(new GrantSpec(Role.COMMUNE_OFFICER, unit(units, "24175"))));
            accounts.create("team-member", "Tổ công nghệ số TDP 1", PASSWORD, null,
                    List.of(new GrantSpec(Role.TEAM_MEMBER, unit(units, "24133.01"))));
            accounts.create("learner", "Nguyễn Văn An", PASSWORD, an,
                    List.of(new GrantSpec(Role.LEARNER, unit(units, "24133.01"))));
            accounts.create("lamdong-admin", "Sở KH&CN Lâm Đồng", PASSWORD, null,
                    List.of(new GrantSpec(Role.PROVINCE_ADMIN, unit(units, "68"))));
        });
    }

    public static long unit(Units units, String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    public static long personId(JdbcClient jdbc, String fullName) {
        return jdbc.sql("SELECT id FROM person WHERE full_name = ?").param(fullName).query(Long.class).single();
    }

    public static InputStream fixture(String name) {
        InputStream in = World.class.getResourceAsStream("/fixtures/" + name);
        if (in == null) {
            throw new IllegalStateException("missing fixture " + name);
        }
        return in;
    }

    public static byte[] fixtureBytes(String name) {
        try (InputStream in = fixture(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void expectDone(ImportJob job) {
        if (job.status() != ImportJob.Status.DONE) {
            throw new AssertionError("import " + job.kind() + " ended " + job.status() + ": " + job.message());
        }
    }

    public static Map<String, Object> map(Object... kv) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
