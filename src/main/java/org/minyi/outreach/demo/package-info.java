/**
 * The {@code demo} profile's citizen requests in every state, contact assignments and visits,
 * special groups, and survey comments taken up.
 */
package org.minyi.outreach.demo;
