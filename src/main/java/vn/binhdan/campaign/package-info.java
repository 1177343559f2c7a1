/**
 * Steering the movement: plans with their task tables (lead and co-ordinating units,
 * deadlines, progress and evidence), the indicator catalogue (computed from platform data or
 * reported by units), yearly targets set at the top of the tree and inherited down it, and the
 * weights of the emulation table. Plans are read through the unit tree: a unit sees the tasks it
 * leads or co-ordinates, and everything issued inside its scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kế hoạch và chỉ tiêu")
package vn.binhdan.campaign;
