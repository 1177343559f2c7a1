package vn.binhdan.monitoring.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.monitoring.RollupCheck;
import vn.binhdan.monitoring.Rollups;

/** The recompute check on demand, and the repair that replaces live values with recomputed ones. */
@RestController
@RequestMapping("/api/v1/monitoring")
class MonitoringApi {

    private final Rollups rollups;

    MonitoringApi(Rollups rollups) {
        this.rollups = rollups;
    }

    @PostMapping("/check")
    RollupCheck check() {
        return rollups.check();
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void rebuild() {
        rollups.rebuild();
    }
}
