package vn.binhdan.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import vn.binhdan.identity.LoginThrottledException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.binhdan.identity.AccountService;
import vn.binhdan.identity.internal.TokenService;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;
import vn.binhdan.shared.web.ProblemWriter;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Đăng nhập")
class AuthApi {

    record LoginRequest(String username, String password) {
    }

    record TokenResponse(String token, String tokenType, long expiresIn) {
    }

    private final AccountService accounts;
    private final TokenService tokens;
    private final ProblemWriter problems;
    private final vn.binhdan.identity.SecurityProperties props;

    AuthApi(AccountService accounts, TokenService tokens, ProblemWriter problems,
            vn.binhdan.identity.SecurityProperties props) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.problems = problems;
        this.props = props;
    }

    @Operation(summary = "Đổi tên đăng nhập và mật khẩu lấy mã truy cập (bearer token)")
    @PostMapping("/auth/login")
    ResponseEntity<?> login(@RequestBody(required = false) LoginRequest request, HttpServletRequest http) {
        if (request == null) {
            return error(401, "login.bad");
        }
        try {
            AppUser user = accounts.authenticate(request.username(), request.password(), http.getRemoteAddr());
            return ResponseEntity.ok(new TokenResponse(tokens.issue(user), "Bearer", props.tokenTtl().toSeconds()));
        } catch (LoginThrottledException e) {
            return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.problem(429, "login.throttled", e.retryAfterSeconds()));
        } catch (DisabledException e) {
            return error(401, "login.disabled");
        } catch (BadCredentialsException e) {
            return error(401, "login.bad");
        }
    }

    private ResponseEntity<ProblemDetail> error(int status, String key) {
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(status, key));
    }

    record Enabled(boolean enabled) {
    }

    /**
     * Disables (or enables again) an account; its tokens and web sessions stop at once on every
     * instance. Provincial administrators over every unit the account holds a role in.
     */
    @Operation(summary = "Khóa hoặc mở lại một tài khoản")
    @org.springframework.web.bind.annotation.PutMapping("/accounts/{username}/enabled")
    ResponseEntity<Void> enabled(@org.springframework.web.bind.annotation.PathVariable String username,
                                 @RequestBody Enabled body) {
        accounts.setEnabled(username, body.enabled());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Tài khoản đang đăng nhập và các quyền theo đơn vị")
    @GetMapping("/me")
    AppUser me() {
        return CurrentUser.require();
    }
}
