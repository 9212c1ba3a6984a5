/**
 * The classroom domain: courses, scheduled classes, enrolment, attendance built from participant events,
 * hand raise, chat, polls, and a BigBlueButton-compatible HTTP API for LMS integration.
 *
 * <p>Classes are backed by portal-api rooms of kind {@code CLASS}. Nothing is built here yet beyond this
 * module boundary.
 */
package org.metrohub.elearning;
