package vn.binhdan.campaign.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a user reaches in the plans, as SQL over a task (alias {@code t}) and its plan's issuing
 * unit (alias {@code iu}): the plans issued inside their scope, the tasks led or co-ordinated
 * by a unit inside it, and the tasks given to "all communes" or "all departments" of an issuer
 * above the commune or department the user works for.
 *
 * @param scopes            subtree paths the user reads ("/" for everything)
 * @param communeIssuers    paths of the units above the user's commune(s)
 * @param departmentIssuers paths of the units above the user's department(s)
 */
public record PlanReach(List<String> scopes, Set<String> communeIssuers, Set<String> departmentIssuers) {

    public boolean everything() {
        return scopes.contains("/");
    }

    public boolean nowhere() {
        return scopes.isEmpty();
    }

    /** The predicate on {@code t}/{@code iu}; its parameters are appended to {@code params}. */
    public String taskPredicate(List<Object> params) {
        if (everything()) {
            return "1=1";
        }
        if (nowhere()) {
            return "1=0";
        }
        StringBuilder sql = new StringBuilder("(").append(like("iu.path", params));
        sql.append(" OR EXISTS (SELECT 1 FROM plan_task_unit l LEFT JOIN unit lu ON lu.id = l.unit_id")
                .append(" WHERE l.task_id = t.id AND (").append(like("lu.path", params));
        collective(sql, "COMMUNES", communeIssuers, params);
        collective(sql, "DEPARTMENTS", departmentIssuers, params);
        return sql.append(")))").toString();
    }

    /** The predicate on the plan's issuer alone ({@code iu}): plans the user reads in full. */
    public String issuerPredicate(List<Object> params) {
        if (everything()) {
            return "1=1";
        }
        if (nowhere()) {
            return "1=0";
        }
        return "(" + like("iu.path", params) + ")";
    }

    private String like(String column, List<Object> params) {
        List<String> parts = new ArrayList<>();
        for (String s : scopes) {
            parts.add(column + " LIKE ?");
            params.add(s + "%");
        }
        return String.join(" OR ", parts);
    }

    private static void collective(StringBuilder sql, String kind, Set<String> issuers, List<Object> params) {
        if (issuers.isEmpty()) {
            return;
        }
        sql.append(" OR (l.collective = '").append(kind).append("' AND iu.path IN (")
                .append(String.join(", ", issuers.stream().map(i -> "?").toList())).append("))");
        params.addAll(issuers);
    }
}
