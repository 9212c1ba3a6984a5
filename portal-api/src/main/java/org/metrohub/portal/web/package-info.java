/**
 * What every HTTP exchange shares: request ids and access logs, the body size limit, and RFC 9457 problem
 * bodies for every error, wherever it is raised (controllers, filters, the security chain).
 */
package org.metrohub.portal.web;
