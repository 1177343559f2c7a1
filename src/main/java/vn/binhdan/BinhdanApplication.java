package vn.binhdan;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BinhdanApplication {

    public static void main(String[] args) {
        if (Boolean.getBoolean("binhdan.run.clean-exit")) {
            runStoppingCleanly(args);
            return;
        }
        SpringApplication.run(BinhdanApplication.class, args);
    }

    /**
     * Under {@code mvnw spring-boot:run} a Ctrl-C reaches Maven and the application alike, and
     * Maven, stopping too, ends the application with SIGTERM: whichever signal wins, a JVM
     * stopped by a signal exits 130 or 143 and Maven reports a "BUILD FAILURE" for a stop the
     * user asked for. Here the application closes itself as usual and then exits 0.
     */
    private static void runStoppingCleanly(String[] args) {
        SpringApplication app = new SpringApplication(BinhdanApplication.class);
        app.setRegisterShutdownHook(false);
        // taken as soon as it exists, so that a stop during the start (the demo data loading) closes it too
        AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
        app.addInitializers(context::set);
        AtomicBoolean failed = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ConfigurableApplicationContext c = context.get();
            if (c != null) {
                c.close();
            }
            if (!failed.get()) {
                Runtime.getRuntime().halt(0);
            }
        }, "clean-exit"));
        try {
            app.run(args);
        } catch (RuntimeException e) {
            // a start that failed is still reported as one
            failed.set(true);
            throw e;
        }
    }
}
