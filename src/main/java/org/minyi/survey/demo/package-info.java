/**
 * The {@code demo} profile's rounds, their targets and web responses, and the official round's published results.
 */
package org.minyi.survey.demo;
