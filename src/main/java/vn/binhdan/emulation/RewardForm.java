package vn.binhdan.emulation;

/**
 * Forms of reward the plans name: the Chairman of the Provincial People's Committee's Bằng khen,
 * a department's Giấy khen, a commune Chairman's Giấy khen.
 */
public enum RewardForm {
    PROVINCE_CERTIFICATE_OF_MERIT, DEPARTMENT_COMMENDATION, COMMUNE_COMMENDATION
}
