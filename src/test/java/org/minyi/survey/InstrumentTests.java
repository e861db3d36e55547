package org.minyi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minyi.survey.instrumentfile.InstrumentFileException;
import org.minyi.survey.instrumentfile.InstrumentFiles;
import org.minyi.survey.instrumentfile.InstrumentProblem;

class InstrumentTests {

	private static final InstrumentDefinition STANDARD = InstrumentFiles.standard();

	private static final ResidenceCheck ANY_UNIT = (question, code, answers) -> code.startsWith("YJ");

	/** A display condition reads as the options' labels, in the question's order whatever the file's order. */
	@Test
	void aConditionNamesItsOptionsAsRespondentsReadThem() {
		assertThat(STANDARD.optionLabels(new Condition("Q1", java.util.Set.of("UNSAFE", "NOT_VERY_SAFE")))).containsExactly("不太安全", "不安全");
		assertThat(STANDARD.optionLabels(new Condition("Q99", java.util.Set.of("B", "A")))).as("an unknown question keeps the codes")
			.containsExactly("A", "B");
	}

	@Test
	void standardInstrumentHasTheItemsOfInstrumentMd() {
		assertThat(STANDARD.questions()).extracting(Question::id).containsExactly("S1", "S2", "S3", "S4", "Q1", "Q1a",
				"Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10", "Q11", "Q12", "D1", "D2");
		Question q1 = STANDARD.question("Q1").orElseThrow();
		assertThat(q1.indicator()).isEqualTo("SECURITY");
		assertThat(q1.options()).extracting(AnswerOption::label, AnswerOption::points, AnswerOption::positive)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("很安全", 100, true),
					org.assertj.core.groups.Tuple.tuple("安全", 80, true),
					org.assertj.core.groups.Tuple.tuple("基本安全", 60, true),
					org.assertj.core.groups.Tuple.tuple("不太安全", 30, false),
					org.assertj.core.groups.Tuple.tuple("不安全", 0, false),
					org.assertj.core.groups.Tuple.tuple("说不清", null, false));
		assertThat(q1.option("DONT_KNOW").orElseThrow().valid()).isFalse();
		assertThat(STANDARD.question("Q11").orElseThrow().option("NEVER_HAD").orElseThrow().valid()).isFalse();
		assertThat(STANDARD.question("S1").orElseThrow().option("NO").orElseThrow().endsInterview()).isTrue();
		assertThat(STANDARD.question("S4").orElseThrow().required()).isFalse();
		assertThat(STANDARD.question("Q12").orElseThrow().required()).isFalse();
		assertThat(STANDARD.composites()).extracting(Composite::code)
			.containsExactly("SATISFACTION_POLITICAL_LEGAL", "OVERALL");
		assertThat(STANDARD.composites().get(1).weights()).containsEntry("SECURITY", 0.5)
			.containsEntry("SATISFACTION_POLITICAL_LEGAL", 0.5);
	}

	@Test
	void followUpIsShownOnlyAfterAnUnsafeAnswer() {
		Question q1a = STANDARD.question("Q1a").orElseThrow();
		assertThat(q1a.isShown(answers("Q1", "SAFE"))).isFalse();
		assertThat(q1a.isShown(answers("Q1", "NOT_VERY_SAFE"))).isTrue();
		assertThat(q1a.isShown(answers("Q1", "UNSAFE"))).isTrue();
		assertThat(q1a.isShown(answers())).isFalse();
	}

	@Test
	void completeAnswersPass() {
		assertThat(STANDARD.check(complete(), true, ANY_UNIT)).isEmpty();
	}

	@Test
	void missingRequiredAnswerIsReported() {
		Map<String, List<String>> values = new LinkedHashMap<>(StandardAnswers.complete());
		values.remove("Q5");
		assertThat(STANDARD.check(Answers.of(values), true, ANY_UNIT))
			.containsExactly(new AnswerProblem("Q5", "answer.error.required"));
		assertThat(STANDARD.check(Answers.of(values), false, ANY_UNIT)).as("partial answers may be saved").isEmpty();
	}

	@Test
	void conditionalQuestionBecomesRequiredWhenShown() {
		Map<String, List<String>> values = new LinkedHashMap<>(StandardAnswers.complete());
		values.put("Q1", List.of("UNSAFE"));
		assertThat(STANDARD.check(Answers.of(values), true, ANY_UNIT))
			.containsExactly(new AnswerProblem("Q1a", "answer.error.required"));
		values.put("Q1a", List.of("THEFT", "FRAUD"));
		assertThat(STANDARD.check(Answers.of(values), true, ANY_UNIT)).isEmpty();
	}

	@Test
	void answerToHiddenQuestionIsRefused() {
		Map<String, List<String>> values = new LinkedHashMap<>(StandardAnswers.complete());
		values.put("Q1a", List.of("THEFT"));
		assertThat(STANDARD.check(Answers.of(values), true, ANY_UNIT))
			.containsExactly(new AnswerProblem("Q1a", "answer.error.hiddenQuestion"));
	}

	@Test
	void unknownQuestionsOptionsAndUnitsAreRefused() {
		Map<String, List<String>> values = new LinkedHashMap<>(StandardAnswers.complete());
		values.put("Q99", List.of("X"));
		values.put("Q3", List.of("VERY_SAFE"));
		values.put("Q4", List.of("SATISFIED", "DISSATISFIED"));
		values.put("S3", List.of("ELSEWHERE"));
		values.put("Q12", List.of("x".repeat(InstrumentDefinition.MAX_TEXT + 1)));
		assertThat(STANDARD.check(Answers.of(values), true, ANY_UNIT)).containsExactlyInAnyOrder(
				new AnswerProblem("Q99", "answer.error.unknownQuestion"),
				new AnswerProblem("Q3", "answer.error.unknownOption"),
				new AnswerProblem("Q4", "answer.error.singleValue"),
				new AnswerProblem("S3", "answer.error.unknownOption"),
				new AnswerProblem("Q12", "answer.error.textTooLong"));
	}

	@Test
	void screeningAnswerEndsTheInterviewWithoutFurtherRequirements() {
		Answers notResident = answers("S1", "YES", "S2", "NO");
		assertThat(STANDARD.screenedOut(notResident)).isTrue();
		assertThat(STANDARD.check(notResident, true, ANY_UNIT)).isEmpty();
		assertThat(STANDARD.screenedOut(answers("S1", "YES", "S2", "YES"))).isFalse();
	}

	@Test
	void writtenFileReadsBackToTheSameDefinition() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		InstrumentFiles.write(STANDARD, out);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("在目前的社会治安环境下");
		assertThat(InstrumentFiles.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(STANDARD);
	}

	@Test
	void inconsistentFileIsRefusedWithEveryProblem() {
		String yaml = """
				code: BAD
				title: bad
				sections:
				  - id: one
				    questions:
				      - {id: A, text: first, scale: nosuch}
				      - {id: A, text: again, options: [{code: X, label: x}, {code: X, label: y}]}
				      - {id: B, text: shown later, options: [{code: Y, label: y}], showWhen: {question: C, anyOf: [Y]}}
				      - {id: C, text: scored, indicator: I, options: [{code: Y, label: y}, {code: Z, label: z, points: 150}]}
				      - {id: D, type: TEXT, text: open, options: [{code: Q, label: q}]}
				composites:
				  - {code: K, title: k, weights: {I: 0.5, NOPE: 0.4}}
				""";
		assertThatThrownBy(() -> InstrumentFiles.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOfSatisfying(InstrumentFileException.class, e -> assertThat(e.problems())
				.extracting(InstrumentProblem::where, InstrumentProblem::messageKey)
				.contains(org.assertj.core.groups.Tuple.tuple("A", "instrument.error.unknownScale"),
						org.assertj.core.groups.Tuple.tuple("A", "instrument.error.duplicateQuestion"),
						org.assertj.core.groups.Tuple.tuple("A", "instrument.error.badOption"),
						org.assertj.core.groups.Tuple.tuple("B", "instrument.error.conditionQuestion"),
						org.assertj.core.groups.Tuple.tuple("C", "instrument.error.validWithoutPoints"),
						org.assertj.core.groups.Tuple.tuple("C", "instrument.error.points"),
						org.assertj.core.groups.Tuple.tuple("D", "instrument.error.unexpectedOptions"),
						org.assertj.core.groups.Tuple.tuple("composites[K]", "instrument.error.compositeIndicator"),
						org.assertj.core.groups.Tuple.tuple("composites[K]", "instrument.error.compositeSum")));
	}

	@Test
	void malformedYamlAndUnknownFieldsGiveALineNumber() {
		for (String yaml : List.of("code: [unclosed\n", "code: X\ntitle: t\ncolour: red\n")) {
			assertThatThrownBy(() -> InstrumentFiles.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
				.isInstanceOfSatisfying(InstrumentFileException.class,
						e -> assertThat(e.problems()).extracting(InstrumentProblem::messageKey)
							.containsExactly("instrument.error.syntax"));
		}
	}

	private static Answers complete() {
		return Answers.of(StandardAnswers.complete());
	}

	private static Answers answers(String... pairs) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put(pairs[i], List.of(pairs[i + 1]));
		}
		return Answers.of(values);
	}
}
