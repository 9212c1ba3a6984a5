/**
 * The portal's side of the media plane: the in-process media node ({@code MediaConfiguration}), the signalling
 * WebSocket that admits a room token to its room and drives the node ({@link org.metrohub.portal.media.SignallingHandler}),
 * including the moderators' controls (mute, remove, lock, end; checked against the token's room role, audited),
 * the node's metrics ({@link org.metrohub.portal.media.MediaNodeMetrics}), the ADMIN operations API
 * ({@link org.metrohub.portal.media.MediaOperationsController}) and the optional control API over HTTP for other
 * processes ({@code MediaControlServer}).
 */
package org.metrohub.portal.media;
