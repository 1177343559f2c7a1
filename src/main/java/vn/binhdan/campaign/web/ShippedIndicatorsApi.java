package vn.binhdan.campaign.web;

import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.campaign.internal.ShippedIndicators;
import vn.binhdan.shared.shipped.ShippedUpdate;

/**
 * Shipped indicators and compliance conditions changed here whose newer release waits, each
 * beside the province's copy (administrators).
 */
@RestController
class ShippedIndicatorsApi {

    private final ShippedIndicators shipped;

    ShippedIndicatorsApi(ShippedIndicators shipped) {
        this.shipped = shipped;
    }

    @GetMapping("/api/v1/indicators/shipped-updates")
    List<ShippedUpdate> waiting() throws IOException {
        return shipped.waiting();
    }
}
