package vn.binhdan.assessment.web;

import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.assessment.ShippedBank;
import vn.binhdan.shared.shipped.ShippedUpdate;

/** Shipped questions edited here whose newer release waits, each beside the province's copy (authors). */
@RestController
class ShippedQuestionsApi {

    private final ShippedBank bank;

    ShippedQuestionsApi(ShippedBank bank) {
        this.bank = bank;
    }

    @GetMapping("/api/v1/questions/shipped-updates")
    List<ShippedUpdate> waiting() throws IOException {
        return bank.waiting();
    }
}
