package vn.binhdan.campaign.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.campaign.CommitmentForm;
import vn.binhdan.campaign.DeliveryForm;
import vn.binhdan.campaign.Partner;
import vn.binhdan.campaign.PartnerForm;
import vn.binhdan.campaign.Partners;

/** Partners, their commitments and what they delivered. */
@RestController
@RequestMapping("/api/v1")
class PartnerApi {

    private final Partners partners;

    PartnerApi(Partners partners) {
        this.partners = partners;
    }

    @GetMapping("/partners")
    List<Partner> list(@RequestParam(required = false) Long unitId) {
        return partners.list(unitId);
    }

    @PostMapping("/partners")
    @ResponseStatus(HttpStatus.CREATED)
    Partner register(@RequestBody PartnerForm form) {
        return partners.register(form);
    }

    @GetMapping("/partners/{id}")
    Partner get(@PathVariable long id) {
        return partners.get(id);
    }

    @PostMapping("/partners/{id}/commitments")
    @ResponseStatus(HttpStatus.CREATED)
    Partner commit(@PathVariable long id, @RequestBody CommitmentForm form) {
        return partners.commit(id, form);
    }

    @PostMapping("/partner-commitments/{id}/deliveries")
    Partner deliver(@PathVariable long id, @RequestBody DeliveryForm form) {
        return partners.deliver(id, form);
    }
}
