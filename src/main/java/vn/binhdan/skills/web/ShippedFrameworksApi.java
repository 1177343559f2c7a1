package vn.binhdan.skills.web;

import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.shared.shipped.ShippedUpdate;
import vn.binhdan.skills.FrameworkService;
import vn.binhdan.skills.internal.ShippedFrameworks;

/** Shipped editions this release words differently from the stored edition of the same version (publishers). */
@RestController
class ShippedFrameworksApi {

    private final FrameworkService frameworks;

    ShippedFrameworksApi(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @GetMapping("/api/v1/skills/frameworks/shipped-updates")
    List<ShippedUpdate> waiting() throws IOException {
        return frameworks.compareShipped(ShippedFrameworks.documents());
    }
}
