/**
 * ICE (RFC 8445) for WebRTC endpoints on {@code org.jitsi:ice4j}: full ICE in the controlled role (we answer browser
 * offers; ice4j has no ICE-lite), one stream and one component per endpoint (BUNDLE + rtcp-mux), consent freshness
 * (RFC 7675), passive ICE-TCP (RFC 6544).
 *
 * <pre>
 *   IceHarvesters (one per node)                       IceTransport (one per endpoint, own ice4j Agent)
 *   UDP :10000 per bind address ──┬── ufrag "a1b2" ──► Agent a1b2 ─► component socket ─► ice-recv-&lt;id&gt; ─► DatagramHandler
 *   (SinglePortUdpHarvester)      └── ufrag "c3d4" ──► Agent c3d4 ─► ...
 *   TCP :4443 (TcpHarvester, RFC 4571 framing) ── ufrag of the first check ──► the same agents
 *   NAT mapping (static mapping harvester) ──► extra srflx candidates with the public address
 * </pre>
 *
 * <p><b>One port for all endpoints.</b> As in Jitsi Videobridge, every agent gets the same harvester instances: the
 * first STUN Binding request from a new remote address is routed by the local ufrag in its USERNAME to the agent that
 * owns it, and from then on that address's datagrams go to that agent's socket. Checks for unknown ufrags and
 * non-STUN datagrams from unknown addresses are dropped inside ice4j (the first kind is counted); the component socket
 * lets through only addresses of succeeded pairs, so data from a peer that failed authentication never reaches the
 * handler. Browsers check first (they control), which is what the shared port needs: ice4j cannot send a check to an
 * address that has not checked it.
 *
 * <p><b>Why {@code SinglePortUdpHarvester} is constructed directly.</b> ice4j's {@code createHarvesters(port)} and its
 * default host harvester take their addresses from {@code HostCandidateHarvester}, which drops loopback interfaces and
 * every 127/8 address before any allow-list is consulted: on a loopback test network (and for a node told to bind
 * exactly one address) they yield no candidate. We build one harvester per configured bind address instead, and the
 * same for TCP (a subclass binds the given addresses unfiltered). ice4j's process-wide configuration is set so that
 * nothing contacts the outside: the AWS metadata probe is off, no STUN mapping servers, no UPnP.
 *
 * <p>Threads: ice4j's (listener, check and keep-alive pools, one reader per remote address), one {@code ice-recv}
 * thread per transport, one {@code ice-consent} timer per node, a short-lived {@code ice-free} thread per
 * {@code IceTransport.close()} (which blocks, boundedly: never call it on an event loop). {@link org.metrohub.media.transport.ice.IceClient} is
 * a small controlling peer for tests and load bots.
 *
 * <p><b>Seam rule</b> (STYLE.md §2): this is the only package that may import {@code org.ice4j}; its public API uses
 * JDK types and ours ({@link org.metrohub.media.sdp.Candidate}) only.
 */
package org.metrohub.media.transport.ice;
