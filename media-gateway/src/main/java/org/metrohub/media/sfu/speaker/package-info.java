/**
 * Who is speaking, and whose video each receiver gets.
 *
 * <pre>
 *   audio RTP ──► AudioLevel.read(packet, ext id) ──► ActiveSpeakerDetector.onAudioLevel(endpoint, level, t)
 *                                                         └─► DominantSpeakerListener (change) ──► control plane
 *   control plane: LastN.update(receivers, video senders, detector.speakerHistory()) ──► LastNChange per receiver
 * </pre>
 *
 * <p>{@link org.metrohub.media.sfu.speaker.AudioLevel} reads the RFC 6464 client-to-mixer audio level from an
 * RTP header extension without allocating; {@link org.metrohub.media.sfu.speaker.ActiveSpeakerDetector} turns
 * levels into a dominant speaker with a documented, simplified form of the Volfin–Cohen algorithm; {@link
 * org.metrohub.media.sfu.speaker.LastN} ranks pinned endpoints, then recent speakers, and keeps the first N.
 * Hand-written: each is a few dozen lines over our own RTP views, and Jitsi's versions (which we read) are
 * Kotlin/Java bound to its conference model.
 */
package org.metrohub.media.sfu.speaker;
