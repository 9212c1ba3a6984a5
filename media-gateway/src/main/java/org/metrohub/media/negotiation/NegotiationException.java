package org.metrohub.media.negotiation;

/**
 * An offer the node will not answer. The message is meant for the client (signalling sends it back): it names
 * the rule and the media section, quotes at most a short piece of the offer and nothing of the node.
 */
public final class NegotiationException extends RuntimeException {
  public NegotiationException(String message) {
    super(message);
  }
}
