/**
 * Steering the movement: plans with their task tables (lead and co-ordinating units,
 * deadlines, progress and evidence), and — in later files — indicators and yearly targets.
 * Plans are read through the unit tree: a unit sees the tasks it leads or co-ordinates, and
 * everything issued inside its scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chỉ đạo")
package vn.binhdan.campaign;
