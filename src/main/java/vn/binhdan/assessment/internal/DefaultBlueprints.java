package vn.binhdan.assessment.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.binhdan.assessment.Blueprints;

/** Gives every target group a blueprint on first start, after the framework is installed. */
@Component
@Order(30)
class DefaultBlueprints implements ApplicationRunner {

    private final Blueprints blueprints;

    DefaultBlueprints(Blueprints blueprints) {
        this.blueprints = blueprints;
    }

    @Override
    public void run(ApplicationArguments args) {
        blueprints.installDefaults();
    }
}
