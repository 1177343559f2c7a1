/**
 * Emulation and rewards (thi đua, khen thưởng): the communes' year-end reviews, commendation
 * campaigns with proposals sent up the tree, the province's appraisal, decisions with their annex
 * list, and every unit's and person's reward history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Thi đua, khen thưởng")
package vn.binhdan.emulation;
