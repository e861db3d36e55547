/**
 * The {@code demo} profile's disputes in every state of mediation.
 */
package org.minyi.disputes.demo;
