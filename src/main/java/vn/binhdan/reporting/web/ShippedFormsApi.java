package vn.binhdan.reporting.web;

import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.reporting.internal.ShippedForms;
import vn.binhdan.shared.shipped.ShippedUpdate;

/** Shipped report forms edited or retired here whose newer release waits, beside the current version (administrators). */
@RestController
class ShippedFormsApi {

    private final ShippedForms shipped;

    ShippedFormsApi(ShippedForms shipped) {
        this.shipped = shipped;
    }

    @GetMapping("/api/v1/report-forms/shipped-updates")
    List<ShippedUpdate> waiting() throws IOException {
        return shipped.waiting();
    }
}
