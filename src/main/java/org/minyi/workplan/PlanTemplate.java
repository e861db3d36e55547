package org.minyi.workplan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/** The seed plan's items ({@code workplan/plan-template.yaml}), with due dates counted from a start date. */
final class PlanTemplate {

	static final String RESOURCE = "workplan/plan-template.yaml";

	private record TemplateItem(PlanSection section, String title, String description, int dueDays, ExpectedEvidence evidence,
			Set<TargetGroup> targets) {
	}

	private record Template(List<TemplateItem> items) {
	}

	private PlanTemplate() {
	}

	static List<ItemDraft> items(LocalDate start) {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return YAMLMapper.builder().build().readValue(in, Template.class).items().stream()
				.map(i -> new ItemDraft(i.section(), i.title(), i.description(), start.plusDays(i.dueDays()), i.evidence(), i.targets(),
						Set.of()))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
