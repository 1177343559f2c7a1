/**
 * The people registry: persons, the four target groups, households, population denominators
 * and bulk import. National ID numbers are kept only as a keyed hash and their last 3 digits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Người dân")
package vn.binhdan.people;
