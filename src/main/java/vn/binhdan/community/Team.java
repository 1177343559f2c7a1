package vn.binhdan.community;

/** A community digital technology team (Tổ công nghệ số cộng đồng) of a village or commune, or a thematic team. */
public record Team(long id, long unitId, String unitName, String unitPath, String name, Kind kind, String phone,
                   String email, int members, String leaderName) {

    public enum Kind {
        VILLAGE, COMMUNE, THEMATIC
    }
}
