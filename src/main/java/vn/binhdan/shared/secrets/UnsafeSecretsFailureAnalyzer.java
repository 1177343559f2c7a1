package vn.binhdan.shared.secrets;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator which variable to set and how to make a value, in Vietnamese and English. */
class UnsafeSecretsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, UnsafeSecretsException cause) {
        String list = cause.findings().stream().map(f -> "  - " + f.secret().variable() + ": " + switch (f.problem()) {
            case MISSING -> "chưa đặt / not set";
            case TOO_SHORT -> "quá ngắn, cần ít nhất " + f.secret().minBytes() + " byte / shorter than "
                    + f.secret().minBytes() + " bytes";
            case PUBLISHED -> "là giá trị mẫu đã công khai / a published development value";
        }).collect(Collectors.joining("\n"));
        String description = "Ứng dụng không khởi động vì các khóa bí mật sau không an toàn"
                + " (the application refuses to start with these secrets):\n" + list;
        String action = """
                Đặt mỗi biến môi trường trên bằng một giá trị ngẫu nhiên, tạo bằng lệnh:
                    openssl rand -base64 48
                (Set each variable above to a random value made with `openssl rand -base64 48`.)
                BINHDAN_ID_HASH_SECRET và BINHDAN_KEY_SECRET không được đổi sau lần chạy đầu tiên.
                Để chạy thử với dữ liệu mẫu, dùng hồ sơ demo: -Dspring-boot.run.profiles=demo
                (its secrets are generated on first start and kept under ./data/).""";
        return new FailureAnalysis(description, action, cause);
    }
}
