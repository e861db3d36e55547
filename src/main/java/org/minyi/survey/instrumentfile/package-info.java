/**
 * The readable YAML form of an instrument — read, written and checked — in which the standard
 * instrument ships, staff upload and edit instruments, and the catalog stores their definitions.
 */
package org.minyi.survey.instrumentfile;
