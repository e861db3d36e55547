/**
 * The {@code demo} profile's scoring settings and results for the fielded demo rounds.
 */
package org.minyi.scoring.demo;
