package vn.binhdan.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at its own database on the shared embedded PostgreSQL server. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + Postgres.newDatabaseUrl(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres").applyTo(context.getEnvironment());
    }
}
