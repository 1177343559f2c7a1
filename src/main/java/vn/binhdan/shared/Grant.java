package vn.binhdan.shared;

/** A role held over the subtree of one unit; {@code unitPath} is that unit's materialised path. */
public record Grant(Role role, long unitId, String unitPath) implements java.io.Serializable {

    public boolean covers(String path) {
        return path != null && path.startsWith(unitPath);
    }
}
