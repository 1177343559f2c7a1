package vn.binhdan.campaign;

/** Cơ quan chủ trì (LEAD) or cơ quan phối hợp (COORDINATING). */
public enum PlanTaskRole {
    LEAD, COORDINATING
}
