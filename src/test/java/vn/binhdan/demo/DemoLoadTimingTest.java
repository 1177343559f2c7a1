package vn.binhdan.demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = {"binhdan.demo.enabled=true", "binhdan.demo.persons=${demo.timing.persons:20000}"})
@ActiveProfiles("test")
class DemoLoadTimingTest {
    @Test
    void loads() {
    }
}
