/**
 * Identity: who the caller is and what they may do. Sign-in with a password (users in PostgreSQL, hashes
 * only), access/refresh/room tokens signed with the hub's ES256 key, acceptance of an external OIDC issuer's
 * tokens, and the security chains that answer 401/403 with problem bodies.
 */
package org.metrohub.portal.identity;
