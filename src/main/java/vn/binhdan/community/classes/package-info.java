/**
 * "Bình dân học vụ số" classes: sessions, attendance by QR code or by list, and enrolling the
 * attendees in the class's online course. Open to other modules (the demo loads classes through it).
 */
@org.springframework.modulith.NamedInterface("classes")
package vn.binhdan.community.classes;
