/**
 * Demo data for the {@code demo} profile: Đắk Lắk province with its 102 communes and wards
 * (official codes), generated villages, organisations, residents and one account per role.
 * Everything goes through the same imports and services a user would use, so the demo also
 * shows that those paths hold up under a province's worth of data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dữ liệu mẫu")
package vn.binhdan.demo;
