package org.metrohub.portal.classes;

/** What accepting an invite gives: the course and the student's enrolment in it (new or already there). */
public record AcceptedInvite(Course course, Enrolment enrolment) {
}
