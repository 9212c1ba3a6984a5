package org.metrohub.portal.classes;

import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.identity.Role;
import org.metrohub.portal.web.ApiException;

/**
 * Who may do what with courses. Everything is confined to the caller's tenant. TEACHERs and ADMINs create
 * courses; a course is managed (changed, students and invites, classes started and ended) by its teacher or
 * an ADMIN; it is seen by those and its enrolled students; its classes are planned by its teacher only, who
 * so creates (and moderates) their rooms.
 */
final class CoursePolicy {

    private CoursePolicy() {
    }

    static void checkCreate(CurrentUser user) {
        if (!user.has(Role.TEACHER) && !user.isAdmin()) {
            throw ApiException.forbidden("Only a TEACHER or an ADMIN may create a course.");
        }
    }

    static void checkTenant(CurrentUser user, Course course) {
        if (!user.tenant().equals(course.tenant())) {
            throw ApiException.forbidden("This course belongs to another tenant.");
        }
    }

    static boolean manages(CurrentUser user, Course course) {
        return user.tenant().equals(course.tenant()) && (user.isAdmin() || user.id().equals(course.teacherId()));
    }

    static void checkManage(CurrentUser user, Course course) {
        checkTenant(user, course);
        if (!manages(user, course)) {
            throw ApiException.forbidden("Only the course's teacher or an ADMIN may do this.");
        }
    }

    static void checkRead(CurrentUser user, Course course, boolean enrolled) {
        checkTenant(user, course);
        if (!manages(user, course) && !enrolled) {
            throw ApiException.forbidden("Only the course's teacher, its students and ADMINs may see this course.");
        }
    }

    static void checkTeach(CurrentUser user, Course course) {
        checkTenant(user, course);
        if (!user.id().equals(course.teacherId())) {
            throw ApiException.forbidden("Only the course's teacher may plan its classes.");
        }
    }
}
