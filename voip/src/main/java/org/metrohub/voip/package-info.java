/**
 * The telephony control plane: orchestrates the city's Asterisk PBX (AMI, FastAGI, ARI) and brings SIP
 * calls into rooms through the media node's control API.
 *
 * <p>It knows rooms by id and PIN only. Nothing is built here yet beyond this module boundary.
 */
package org.metrohub.voip;
