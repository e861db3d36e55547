/**
 * The {@code demo} profile's accounts: one per role, with the demo-only password documented in the README.
 */
package org.minyi.access.demo;
