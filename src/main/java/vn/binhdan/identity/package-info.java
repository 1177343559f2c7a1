/**
 * Accounts, roles granted over a unit's subtree, local login with lockout, API tokens, and
 * OpenID Connect login (VNeID-compatible) linking a provider's subject or ID-number claim to a
 * person of the registry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Định danh và phân quyền")
package vn.binhdan.identity;
