package org.metrohub.elearning.course;

/** A value that breaks a rule of courses, classes or invites; the message is a sentence for the caller. */
public class CourseRuleException extends IllegalArgumentException {

    public CourseRuleException(String message) {
        super(message);
    }
}
