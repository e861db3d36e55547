/**
 * Survey: the instruments residents and interviewers answer. An instrument is a versioned
 * definition of sections, questions, options with their points, validity and positivity, display
 * conditions, screening rules, indicator codes and composites. The standard instrument ships as a
 * readable YAML file. Rounds, targets, responses and web self-response are still to come.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "org" })
package org.minyi.survey;
