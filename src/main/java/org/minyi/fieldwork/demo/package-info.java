/**
 * The {@code demo} profile's sample frame and a day of telephone fieldwork, with quality control,
 * on the fielding round.
 */
package org.minyi.fieldwork.demo;
