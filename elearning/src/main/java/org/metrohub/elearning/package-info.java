/**
 * The classroom domain: courses, scheduled classes, enrolment, attendance built from participant events,
 * hand raise, chat, polls, and a BigBlueButton-compatible HTTP API for LMS integration.
 *
 * <p>Classes are backed by portal-api rooms of kind {@code CLASS}. So far only the protocol of the
 * BigBlueButton-compatible API is built, in {@link org.metrohub.elearning.bbb}.
 */
package org.metrohub.elearning;
