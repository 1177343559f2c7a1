package vn.binhdan.campaign.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.binhdan.campaign.PlanCollective;
import vn.binhdan.shared.VietnameseText;
import vn.binhdan.unit.Unit;

/**
 * Finds the units a task table names, inside the issuing unit's subtree. Names are compared
 * folded (NFC, case and diacritics ignored, "UBND" = "Ủy ban nhân dân", "KH&CN" = "Khoa học và
 * Công nghệ"), and a unit may be named without its place ("Công an tỉnh" for "Công an tỉnh Đắk
 * Lắk" in the province's own plan). A name that fits two units is left unmatched rather than
 * guessed.
 */
public final class PlanUnitMatcher {

    /** A name as written and what it matched: a unit, a collective, or neither. */
    public record Match(String text, Unit unit, PlanCollective collective) {

        public boolean matched() {
            return unit != null || collective != null;
        }
    }

    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9 ]+");
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final Map<String, String> ABBREVIATIONS = new LinkedHashMap<>();

    static {
        ABBREVIATIONS.put("ubnd", "uy ban nhan dan");
        ABBREVIATIONS.put("hdnd", "hoi dong nhan dan");
        ABBREVIATIONS.put("mttq", "mat tran to quoc");
        ABBREVIATIONS.put("kh va cn", "khoa hoc va cong nghe");
        ABBREVIATIONS.put("khcn", "khoa hoc va cong nghe");
        ABBREVIATIONS.put("gd va dt", "giao duc va dao tao");
        ABBREVIATIONS.put("gddt", "giao duc va dao tao");
        ABBREVIATIONS.put("vh tt va dl", "van hoa the thao va du lich");
        ABBREVIATIONS.put("vhttdl", "van hoa the thao va du lich");
        ABBREVIATIONS.put("tt va tt", "thong tin va truyen thong");
        ABBREVIATIONS.put("ld tb va xh", "lao dong thuong binh va xa hoi");
        ABBREVIATIONS.put("nn va ptnt", "nong nghiep va phat trien nong thon");
        ABBREVIATIONS.put("nn va mt", "nong nghiep va moi truong");
        ABBREVIATIONS.put("tn va mt", "tai nguyen va moi truong");
        ABBREVIATIONS.put("tncs", "thanh nien cong san");
        ABBREVIATIONS.put("lhpn", "lien hiep phu nu");
    }

    private static final Pattern COMMUNES = Pattern.compile(
            "^(uy ban nhan dan )?(cac|cap) (xa|phuong|xa phuong|xa phuong dac khu|xa phuong thi tran|dia phuong)"
                    + "( tren dia ban( tinh)?)?$");
    private static final Pattern DEPARTMENTS = Pattern.compile(
            "^(cac )?(so ban nganh|so nganh|so|co quan chuyen mon|phong ban nganh|phong ban|ban nganh)"
                    + "( (cua|thuoc) (tinh|uy ban nhan dan tinh|xa|uy ban nhan dan xa))?( (co )?lien quan)?$");
    private static final Pattern RELATED = Pattern.compile(
            "^cac (co quan|don vi|co quan don vi|co quan to chuc|to chuc|don vi co quan|co quan to chuc don vi)"
                    + "( co)? lien quan$");
    /** Words a new name starts with: a comma before any other word continues the previous name. */
    private static final Set<String> HEADS = Set.of("so", "ban", "ubnd", "uy", "cong", "bao", "dai", "hoi", "doan",
            "lien", "mat", "cac", "trung", "phong", "van", "truong", "bo", "cuc", "chi", "tinh", "buu", "vien",
            "ngan", "kho", "quy", "hop", "doanh", "tong", "nha", "benh", "thanh", "huyen", "xa", "phuong", "vnpt",
            "viettel", "mobifone", "fpt", "to", "hiep", "tap", "cty", "ctcp");

    private final Map<String, List<Unit>> byName = new HashMap<>();
    private final Map<String, List<Unit>> byShortName = new HashMap<>();

    /** @param units the issuing unit's subtree, the issuer first */
    public PlanUnitMatcher(Unit issuer, List<Unit> units) {
        String place = placeName(issuer);
        for (Unit u : units) {
            String k = key(u.name());
            add(byName, k, u);
            if (!place.isEmpty() && k.endsWith(" " + place) && k.length() > place.length() + 1) {
                add(byShortName, k.substring(0, k.length() - place.length() - 1), u);
            }
            if (u.type().administrative()) {
                // "UBND phường Buôn Ma Thuột" names the ward when it has no office of its own in the tree
                add(byShortName, "uy ban nhan dan " + k, u);
            }
        }
        if (!place.isEmpty()) {
            add(byShortName, "uy ban nhan dan " + key(issuer.name()).replace(" " + place, ""), issuer);
        }
    }

    private static void add(Map<String, List<Unit>> map, String key, Unit u) {
        List<Unit> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.stream().noneMatch(x -> x.id() == u.id())) {
            list.add(u);
        }
    }

    /** "Tỉnh Đắk Lắk" → "dak lak": the place, without the kind of unit. */
    static String placeName(Unit issuer) {
        String k = key(issuer.name());
        for (String kind : List.of("thanh pho ", "tinh ", "dac khu ", "phuong ", "xa ", "thi tran ", "huyen ", "quan ")) {
            if (k.startsWith(kind)) {
                return k.substring(kind.length());
            }
        }
        return "";
    }

    /** The comparison key of a name: folded, punctuation gone, abbreviations spelled out, a trailing "chủ trì …" dropped. */
    static String key(String name) {
        String f = VietnameseText.fold(name).replace("&", " va ");
        // "Sở KH&CN chủ trì hướng dẫn" names the department; a comma after it starts another name
        int role = f.indexOf(" chu tri");
        if (role > 0 && f.indexOf(',', role) < 0) {
            f = f.substring(0, role);
        }
        f = NOT_WORD.matcher(f).replaceAll(" ");
        f = " " + SPACES.matcher(f).replaceAll(" ").trim() + " ";
        for (Map.Entry<String, String> a : ABBREVIATIONS.entrySet()) {
            f = f.replace(" " + a.getKey() + " ", " " + a.getValue() + " ");
        }
        return f.trim();
    }

    /** One name: a collective, else the single unit it names, else unmatched. */
    public Match resolve(String text) {
        String k = key(text);
        if (k.isEmpty()) {
            return new Match(text, null, null);
        }
        if (COMMUNES.matcher(k).matches()) {
            return new Match(text, null, PlanCollective.COMMUNES);
        }
        if (DEPARTMENTS.matcher(k).matches()) {
            return new Match(text, null, PlanCollective.DEPARTMENTS);
        }
        if (RELATED.matcher(k).matches()) {
            return new Match(text, null, PlanCollective.RELATED);
        }
        List<Unit> exact = byName.get(k);
        if (exact != null) {
            return new Match(text, exact.size() == 1 ? exact.getFirst() : null, null);
        }
        List<Unit> loose = byShortName.get(k);
        return new Match(text, loose != null && loose.size() == 1 ? loose.getFirst() : null, null);
    }

    /**
     * Splits a cell into the names it lists. Lines, semicolons and bullets always separate;
     * commas separate only where the result still reads as names, because commas also sit inside
     * names ("Sở Văn hóa, Thể thao và Du lịch", "UBND các xã, phường").
     */
    public List<Match> split(String cell) {
        List<Match> out = new ArrayList<>();
        String clean = cell == null ? "" : cell.replace('\r', '\n');
        for (String part : clean.split("[\\n;]+")) {
            String p = stripBullet(part);
            if (p.isEmpty()) {
                continue;
            }
            List<String> tokens = new ArrayList<>();
            for (String t : p.split(",")) {
                String s = stripBullet(t);
                if (!s.isEmpty()) {
                    tokens.add(s);
                }
            }
            int i = 0;
            while (i < tokens.size()) {
                int taken = -1;
                Match found = null;
                for (int j = tokens.size() - 1; j >= i; j--) {
                    Match m = resolve(String.join(", ", tokens.subList(i, j + 1)));
                    if (m.matched()) {
                        taken = j;
                        found = m;
                        break;
                    }
                }
                if (found == null) {
                    int j = i;
                    while (j + 1 < tokens.size() && !startsName(tokens.get(j + 1))) {
                        j++;
                    }
                    found = resolve(String.join(", ", tokens.subList(i, j + 1)));
                    taken = j;
                }
                out.add(new Match(VietnameseText.clean(found.text()), found.unit(), found.collective()));
                i = taken + 1;
            }
        }
        // a name listed twice in one cell is one unit
        Set<String> seen = new HashSet<>();
        out.removeIf(m -> !seen.add(m.unit() != null ? "u" + m.unit().id()
                : m.collective() != null ? "c" + m.collective() : "t" + key(m.text())));
        return out;
    }

    private static String stripBullet(String s) {
        String t = s.strip();
        while (!t.isEmpty() && "-+•*–·.".indexOf(t.charAt(0)) >= 0) {
            t = t.substring(1).strip();
        }
        while (!t.isEmpty() && ".,".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static boolean startsName(String token) {
        if (token.isEmpty() || !Character.isUpperCase(token.charAt(0))) {
            return false;
        }
        String first = VietnameseText.fold(token).split("[ &]")[0].toLowerCase(Locale.ROOT);
        return HEADS.contains(first);
    }
}
