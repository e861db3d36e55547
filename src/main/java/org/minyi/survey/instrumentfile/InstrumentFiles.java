package org.minyi.survey.instrumentfile;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.minyi.survey.AnswerOption;
import org.minyi.survey.Composite;
import org.minyi.survey.Condition;
import org.minyi.survey.InstrumentDefinition;
import org.minyi.survey.Question;
import org.minyi.survey.QuestionType;
import org.minyi.survey.Section;

/**
 * Reads and writes instruments in their readable YAML form (see
 * {@code src/main/resources/survey/standard-instrument.yaml}) and checks that a definition is
 * consistent. Named scales let many questions share one option list; a written file lists the
 * options of each question in full, so it reads back to the same definition.
 */
public final class InstrumentFiles {

	public static final String STANDARD = "survey/standard-instrument.yaml";

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.disable(YAMLWriteFeature.SPLIT_LINES)
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private InstrumentFiles() {
	}

	/** The standard instrument shipped with Minyi (INSTRUMENT.md). */
	public static InstrumentDefinition standard() {
		try (InputStream in = InstrumentFiles.class.getClassLoader().getResourceAsStream(STANDARD)) {
			return read(in);
		}
		catch (InstrumentFileException | java.io.IOException e) {
			throw new IllegalStateException("the shipped standard instrument is invalid: " + e.getMessage(), e);
		}
	}

	public static InstrumentDefinition read(InputStream yaml) throws InstrumentFileException {
		FileInstrument file;
		try {
			file = YAML.readValue(yaml, FileInstrument.class);
		}
		catch (JacksonException e) {
			int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
			throw new InstrumentFileException(List.of(new InstrumentProblem(String.valueOf(line), "instrument.error.syntax", line)));
		}
		if (file == null) {
			throw new InstrumentFileException(List.of(new InstrumentProblem("", "instrument.error.empty")));
		}
		List<InstrumentProblem> problems = new ArrayList<>();
		InstrumentDefinition definition = file.toDefinition(problems);
		problems.addAll(validate(definition));
		if (!problems.isEmpty()) {
			throw new InstrumentFileException(problems);
		}
		return definition;
	}

	public static void write(InstrumentDefinition definition, OutputStream out) {
		YAML.writeValue(out, FileInstrument.of(definition));
	}

	/** Consistency rules a definition must meet before it can be used or published. */
	public static List<InstrumentProblem> validate(InstrumentDefinition definition) {
		List<InstrumentProblem> problems = new ArrayList<>();
		if (blank(definition.code()) || blank(definition.title())) {
			problems.add(new InstrumentProblem("", "instrument.error.codeAndTitle"));
		}
		Set<String> seen = new HashSet<>();
		Set<String> indicators = new HashSet<>();
		for (Question question : definition.questions()) {
			if (blank(question.id()) || !seen.add(question.id())) {
				problems.add(new InstrumentProblem(question.id(), "instrument.error.duplicateQuestion"));
			}
			if (blank(question.text())) {
				problems.add(new InstrumentProblem(question.id(), "instrument.error.noText"));
			}
			checkOptions(question, problems);
			checkCondition(question, definition, seen, problems);
			if (question.indicator() != null) {
				indicators.add(question.indicator());
			}
		}
		for (Composite composite : definition.composites()) {
			checkComposite(composite, indicators, problems);
			indicators.add(composite.code());
		}
		return problems;
	}

	private static void checkOptions(Question question, List<InstrumentProblem> problems) {
		if (question.type().hasFixedOptions() != !question.options().isEmpty()) {
			problems.add(new InstrumentProblem(question.id(), question.type().hasFixedOptions()
					? "instrument.error.noOptions" : "instrument.error.unexpectedOptions"));
		}
		Set<String> codes = new HashSet<>();
		for (AnswerOption option : question.options()) {
			if (blank(option.code()) || blank(option.label()) || !codes.add(option.code())) {
				problems.add(new InstrumentProblem(question.id(), "instrument.error.badOption", option.code()));
			}
			if (option.points() != null && (option.points() < 0 || option.points() > 100)) {
				problems.add(new InstrumentProblem(question.id(), "instrument.error.points", option.code()));
			}
			if (question.indicator() != null && option.valid() && option.points() == null) {
				problems.add(new InstrumentProblem(question.id(), "instrument.error.validWithoutPoints", option.code()));
			}
		}
	}

	/** A condition refers to an earlier question and to options that question has. */
	private static void checkCondition(Question question, InstrumentDefinition definition, Set<String> earlier,
			List<InstrumentProblem> problems) {
		Condition condition = question.showWhen();
		if (condition == null) {
			return;
		}
		Question target = definition.question(condition.question()).orElse(null);
		if (target == null || condition.question().equals(question.id()) || !earlier.contains(condition.question())) {
			problems.add(new InstrumentProblem(question.id(), "instrument.error.conditionQuestion", condition.question()));
			return;
		}
		for (String code : condition.anyOf()) {
			if (target.option(code).isEmpty()) {
				problems.add(new InstrumentProblem(question.id(), "instrument.error.conditionOption", code));
			}
		}
	}

	private static void checkComposite(Composite composite, Set<String> indicators, List<InstrumentProblem> problems) {
		String where = "composites[" + composite.code() + "]";
		double sum = 0;
		for (Map.Entry<String, Double> weight : composite.weights().entrySet()) {
			if (!indicators.contains(weight.getKey())) {
				problems.add(new InstrumentProblem(where, "instrument.error.compositeIndicator", weight.getKey()));
			}
			if (weight.getValue() == null || weight.getValue() <= 0) {
				problems.add(new InstrumentProblem(where, "instrument.error.compositeWeight", weight.getKey()));
			}
			else {
				sum += weight.getValue();
			}
		}
		if (Math.abs(sum - 1) > 1e-9) {
			problems.add(new InstrumentProblem(where, "instrument.error.compositeSum", sum));
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	// ---- the file's shape: every field optional, defaults applied when converting ----

	record FileInstrument(String code, String title, String introduction, Map<String, List<FileOption>> scales,
			List<FileSection> sections, List<Composite> composites) {

		InstrumentDefinition toDefinition(List<InstrumentProblem> problems) {
			List<Section> converted = new ArrayList<>();
			for (FileSection section : sections == null ? List.<FileSection>of() : sections) {
				List<Question> questions = new ArrayList<>();
				for (FileQuestion question : section.questions() == null ? List.<FileQuestion>of() : section.questions()) {
					questions.add(question.toQuestion(scales == null ? Map.of() : scales, problems));
				}
				converted.add(new Section(section.id(), section.title(), questions));
			}
			if (converted.isEmpty()) {
				problems.add(new InstrumentProblem("sections", "instrument.error.noQuestions"));
			}
			return new InstrumentDefinition(code, title, introduction, converted, composites);
		}

		static FileInstrument of(InstrumentDefinition definition) {
			List<FileSection> sections = definition.sections().stream()
				.map(s -> new FileSection(s.id(), s.title(), s.questions().stream().map(FileQuestion::of).toList()))
				.toList();
			return new FileInstrument(definition.code(), definition.title(), definition.introduction(), null, sections,
					definition.composites());
		}
	}

	record FileSection(String id, String title, List<FileQuestion> questions) {
	}

	record FileQuestion(String id, QuestionType type, String text, String scale, List<FileOption> options,
			String indicator, Boolean required, Condition showWhen) {

		Question toQuestion(Map<String, List<FileOption>> scales, List<InstrumentProblem> problems) {
			List<FileOption> source = options;
			if (scale != null) {
				source = scales.get(scale);
				if (source == null) {
					problems.add(new InstrumentProblem(id, "instrument.error.unknownScale", scale));
					source = List.of();
				}
			}
			List<AnswerOption> converted = source == null ? List.of()
					: source.stream().map(FileOption::toOption).toList();
			QuestionType kind = type == null ? QuestionType.SINGLE : type;
			boolean mandatory = required == null ? kind != QuestionType.TEXT : required;
			return new Question(id, kind, text, converted, indicator, mandatory, showWhen);
		}

		/** Leaves out what the defaults give, so a written file reads like a hand-written one. */
		static FileQuestion of(Question question) {
			boolean defaultRequired = question.type() != QuestionType.TEXT;
			return new FileQuestion(question.id(), question.type() == QuestionType.SINGLE ? null : question.type(),
					question.text(), null,
					question.options().isEmpty() ? null : question.options().stream().map(FileOption::of).toList(),
					question.indicator(), question.required() == defaultRequired ? null : question.required(),
					question.showWhen());
		}
	}

	record FileOption(String code, String label, Integer points, Boolean valid, Boolean positive, Boolean endsInterview) {

		AnswerOption toOption() {
			return new AnswerOption(code, label, points, valid == null || valid, Boolean.TRUE.equals(positive),
					Boolean.TRUE.equals(endsInterview));
		}

		static FileOption of(AnswerOption option) {
			return new FileOption(option.code(), option.label(), option.points(), option.valid() ? null : false,
					option.positive() ? true : null, option.endsInterview() ? true : null);
		}
	}
}
