/**
 * The media node assembled: {@link org.metrohub.media.node.LocalMediaNode} binds the shared ICE ports, makes the
 * DTLS certificate, warms SRTP up and keeps the open rooms; {@link org.metrohub.media.node.MediaNode} is its
 * control API (open/close rooms, endpoint statistics, load, drain), used in-process by portal-api and served to
 * other processes over HTTP/JSON by {@link org.metrohub.media.node.ControlHttpServer}. For operations the local node
 * also gives monotonic traffic and drop totals (closed rooms included), the ICE counter, and observers that hear
 * endpoints join and leave (per-endpoint metrics).
 */
package org.metrohub.media.node;
