/**
 * The classroom domain: courses, scheduled classes, enrolment, attendance built from participant events,
 * hand raise, chat, polls, and a BigBlueButton-compatible HTTP API for LMS integration.
 *
 * <p>Classes are backed by portal-api rooms of kind {@code CLASS}. Built so far: the rules of courses, invite
 * links and classes ({@code course}) and the protocol of the BigBlueButton-compatible API
 * ({@link org.metrohub.elearning.bbb}).
 */
package org.metrohub.elearning;
