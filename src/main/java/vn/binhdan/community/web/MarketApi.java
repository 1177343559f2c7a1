package vn.binhdan.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.community.Market;
import vn.binhdan.community.Markets;

@RestController
@RequestMapping("/api/v1/markets")
@Tag(name = "Chợ số")
class MarketApi {

    record MarketRequest(Long unitId, String name) {
    }

    record TraderRequest(String name, String stall, Long personId) {
    }

    record CheckRequest(List<String> met) {
    }

    private final Markets markets;

    MarketApi(Markets markets) {
        this.markets = markets;
    }

    @Operation(summary = "Các chợ số trong phạm vi với tỷ lệ tiểu thương đạt đủ tiêu chí 4T")
    @GetMapping
    List<Market> list() {
        return markets.list();
    }

    @Operation(summary = "Thêm một chợ cho một xã, phường")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Market create(@RequestBody MarketRequest r) {
        return markets.create(r == null ? null : r.unitId(), r == null ? null : r.name());
    }

    @Operation(summary = "Một chợ với các tiểu thương và tiêu chí mỗi người đạt")
    @GetMapping("/{id}")
    Market get(@PathVariable long id) {
        return markets.get(id);
    }

    @Operation(summary = "Thêm tiểu thương (tên, quầy, có thể gắn với hồ sơ người dân)")
    @PostMapping("/{id}/traders")
    @ResponseStatus(HttpStatus.CREATED)
    Market.Trader addTrader(@PathVariable long id, @RequestBody TraderRequest r) {
        return markets.addTrader(id, r == null ? null : r.name(), r == null ? null : r.stall(),
                r == null ? null : r.personId());
    }

    @Operation(summary = "Ghi các tiêu chí tiểu thương đạt (ECOMMERCE, CASHLESS, DIGITAL_SAVINGS hoặc danh mục cấu hình)")
    @PutMapping("/{id}/traders/{traderId}/criteria")
    Market.Trader check(@PathVariable long id, @PathVariable long traderId, @RequestBody CheckRequest r) {
        return markets.check(id, traderId, r == null ? null : r.met());
    }
}
