/**
 * The movement's plans: the indicator catalogue (computed from platform data or reported by
 * units), yearly targets set at the top of the tree and inherited down it, and the weights of
 * the emulation table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kế hoạch và chỉ tiêu")
package vn.binhdan.campaign;
