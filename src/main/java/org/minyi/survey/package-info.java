/**
 * Survey: the instruments residents and interviewers answer. An instrument is a versioned
 * definition of sections, questions, options with their points, validity and positivity, display
 * conditions, screening rules, indicator codes and composites. The standard instrument ships as a
 * readable YAML file. Rounds carry targets per unit and a lifecycle; residents answer on the web
 * with single-use invitations or an open link, and responses are stored append-only (ADR 0005)
 * for scoring to read through {@link org.minyi.survey.ResponseReader}. Open-text answers are kept
 * apart as comments ({@link org.minyi.survey.SurveyComments}) for staff to read and take up.
 *
 * <p>Published API — rounds: RoundManagement (find and list; create from a RoundDraft, move
 * through RoundStatus, targets, open link), RoundView, RoundKind, RoundStatus, Target, Mode;
 * instruments and the questionnaire engine CATI uses: InstrumentCatalog, InstrumentVersion,
 * InstrumentStatus, InstrumentDefinition, Section, Question, QuestionType, AnswerOption, Condition,
 * Composite, Answers, AnswerProblem, InvalidAnswersException, Questionnaire, QuestionnairePage,
 * PageStep, ResidenceDirectory; responses: ResponseIntake (with RespondentEntry, Channel,
 * Submission), ResponseReader, ResponseOutcome, ResponseInvalidations; comments: SurveyComments;
 * official results: OfficialResults, OfficialResult. Event: RoundClosed (scoring scores the round).
 * Invitations ({@code invitation}) and the instrument files ({@code instrumentfile}) are survey's own.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "org" })
package org.minyi.survey;
