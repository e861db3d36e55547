/**
 * The {@code demo} profile's district — its units and population figures — loaded through the ordinary unit import.
 */
package org.minyi.org.demo;
