/**
 * Administrative and organisational units as one tree: province, [district], commune/ward/
 * special zone, village; and the departments, offices, schools and enterprises attached to
 * them. Official codes, history of renames and merges, subtree queries by materialised path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Đơn vị")
package vn.binhdan.unit;
