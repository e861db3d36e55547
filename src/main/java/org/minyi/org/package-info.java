/**
 * Organisation: the unit tree of the district — townships and their communities,
 * departments including the political-legal departments, institutions under a department or
 * township — with leaders, contacts and population figures by gender and age group, which
 * sampling and weighting use. Units are deactivated, never deleted.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package org.minyi.org;
