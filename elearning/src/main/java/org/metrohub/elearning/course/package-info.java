/**
 * Courses and their classes as rules, without storage or HTTP (portal-api's {@code classes} package keeps them
 * in PostgreSQL and serves them): a course's {@link org.metrohub.elearning.course.WeeklySchedule} of
 * {@link org.metrohub.elearning.course.WeeklySlot}s, invite links ({@link org.metrohub.elearning.course.InvitePolicy},
 * {@link org.metrohub.elearning.course.InviteLink}, {@link org.metrohub.elearning.course.InviteToken}), a class's
 * {@link org.metrohub.elearning.course.ClassTiming} and {@link org.metrohub.elearning.course.ClassStatus}, and who
 * may enter a class's room ({@link org.metrohub.elearning.course.ClassAccess}). Clocks are injected.
 *
 * <pre>
 *   SCHEDULED ──start──▶ LIVE ──end──▶ ENDED        (end also from SCHEDULED: called off)
 * </pre>
 */
package org.metrohub.elearning.course;
