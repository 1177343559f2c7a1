/**
 * Shared kernel: the signed-in user and their unit scope, text folding for Vietnamese, and
 * the error types every module throws. Open because every module needs it and it depends on
 * no business module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.binhdan.shared;
