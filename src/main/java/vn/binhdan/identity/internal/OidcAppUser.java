package vn.binhdan.identity.internal;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import vn.binhdan.shared.AppUser;
import vn.binhdan.shared.CurrentUser;

/** An OpenID Connect login that carries the platform account it was linked to. */
public class OidcAppUser extends DefaultOidcUser implements CurrentUser.AppUserHolder {

    private final AppUser appUser;

    public OidcAppUser(AppUser appUser, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
                       OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo, "sub");
        this.appUser = appUser;
    }

    @Override
    public AppUser appUser() {
        return appUser;
    }

    @Override
    public String getName() {
        return appUser.username();
    }
}
