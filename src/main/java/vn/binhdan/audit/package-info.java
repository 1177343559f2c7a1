/**
 * The audit trail: every write, and every read of a person's record by someone other than
 * that person — who, what, when, from where. Viewable by administrators within their scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Nhật ký truy cập")
package vn.binhdan.audit;
