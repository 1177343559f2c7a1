package vn.binhdan.scenarios;

import org.springframework.test.context.ContextConfiguration;
import vn.binhdan.support.PostgresInitializer;

@ContextConfiguration(initializers = PostgresInitializer.class)
class PartnerOnPostgresTest extends PartnerScenarios {
}
