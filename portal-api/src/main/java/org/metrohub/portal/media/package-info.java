/**
 * The portal's side of the media plane: admitting a room token to a room. The media node itself lives in the
 * media-gateway module; this package is the seam until it is wired in.
 */
package org.metrohub.portal.media;
