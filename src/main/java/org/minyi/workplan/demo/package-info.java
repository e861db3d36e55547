/**
 * The {@code demo} profile's work plan with tasks in every state, and ledgers of every kind.
 */
package org.minyi.workplan.demo;
