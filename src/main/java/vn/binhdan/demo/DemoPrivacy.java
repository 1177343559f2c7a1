package vn.binhdan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.binhdan.privacy.NoticeDraft;
import vn.binhdan.privacy.PrivacyNotices;

/**
 * The province's privacy notice, published through the same service an administrator uses, so
 * that the demo learner meets it at first login.
 */
@Component
@ConditionalOnProperty("binhdan.demo.enabled")
class DemoPrivacy {

    private final PrivacyNotices notices;

    DemoPrivacy(PrivacyNotices notices) {
        this.notices = notices;
    }

    @EventListener
    void on(DemoLoaded loaded) {
        notices.publish(new NoticeDraft(loaded.province().id(), "Thông báo xử lý dữ liệu cá nhân",
                text("/demo/privacy-notice.txt"),
                "Người phụ trách bảo vệ dữ liệu cá nhân, Sở Khoa học và Công nghệ tỉnh Đắk Lắk — dpo.skhcn@daklak.gov.vn"));
    }

    private static String text(String resource) {
        try (InputStream in = DemoPrivacy.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
