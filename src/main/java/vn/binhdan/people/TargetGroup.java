package vn.binhdan.people;

/** The four target groups of the movement. A person can belong to several. */
public enum TargetGroup {
    /** cán bộ, công chức, viên chức, người lao động trong cơ quan nhà nước — by agency */
    CIVIL_SERVANT,
    /** học sinh, sinh viên — by school and level */
    STUDENT,
    /** người lao động trong doanh nghiệp, hợp tác xã — by enterprise */
    WORKER,
    /** người dân trong độ tuổi trưởng thành — derived from age, never stored */
    ADULT
}
