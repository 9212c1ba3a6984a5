/**
 * Helpers of the BigBlueButton API: {@link org.metrohub.elearning.bbb.internal.QueryParams} (query string
 * decoding and bbb-web's sanitizing) and {@link org.metrohub.elearning.bbb.internal.XmlOut} (a StAX writer that
 * escapes text, drops characters XML cannot carry and checks element names).
 */
package org.metrohub.elearning.bbb.internal;
