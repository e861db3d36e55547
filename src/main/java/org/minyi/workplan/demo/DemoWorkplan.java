package org.minyi.workplan.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.PageRequest;
import org.minyi.platform.security.DataScope;
import org.minyi.workplan.ExpectedEvidence;
import org.minyi.workplan.TaskAction;
import org.minyi.workplan.WorkPlans;
import org.minyi.workplan.WorkTasks;
import org.minyi.workplan.WorkTasks.TaskFilter;
import org.minyi.workplan.WorkTasks.TaskView;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A demo work plan from the template, started six weeks ago and published, with tasks in every
 * state: meetings held and approved, a plan document returned with comments, submissions waiting
 * for review, work in progress, overdue tasks and a cancelled one — through the same services the
 * pages use.
 */
@Component
@Profile("demo")
@Order(80)
class DemoWorkplan implements ApplicationRunner {

	private static final DataScope DISTRICT = DataScope.wholeDistrict();

	private final WorkPlans plans;

	private final WorkTasks tasks;

	private final UnitManagement units;

	private final MessageSource messages;

	DemoWorkplan(WorkPlans plans, WorkTasks tasks, UnitManagement units, MessageSource messages) {
		this.plans = plans;
		this.tasks = tasks;
		this.units = units;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments args) {
		String name = text("workplan.demo.planName");
		if (plans.list().stream().anyMatch(p -> p.name().equals(name))) {
			return;
		}
		WorkPlans.PlanView plan = plans.createFromTemplate(name, LocalDate.now(WorkTasks.DISTRICT_ZONE).minusDays(42));
		plans.publish(plan.id());
		work(plan, "YJCG", Step.APPROVED, Step.RETURNED, Step.IN_PROGRESS);
		work(plan, "YJHK", Step.APPROVED, Step.SUBMITTED, Step.SUBMITTED);
		work(plan, "YJDH", Step.SUBMITTED, Step.IN_PROGRESS);
		work(plan, "YJSFJ", Step.APPROVED, Step.APPROVED, Step.CANCELLED);
	}

	private enum Step {
		IN_PROGRESS, SUBMITTED, RETURNED, APPROVED, CANCELLED
	}

	/** Takes the unit's first tasks (by due date) to the given steps; the rest stay assigned, some overdue. */
	private void work(WorkPlans.PlanView plan, String unitCode, Step... steps) {
		UnitView unit = units.findByCode(unitCode).orElse(null);
		if (unit == null) {
			return;
		}
		DataScope scope = DataScope.subtree(unit.id(), unit.path());
		List<TaskView> own = tasks.list(new TaskFilter(plan.id(), unit.id(), null, false), scope, PageRequest.of(0, 50, null, null)).items();
		for (int i = 0; i < steps.length && i < own.size(); i++) {
			TaskView task = own.get(i);
			if (task.expected() == ExpectedEvidence.MEETING) {
				tasks.addMeeting(task.id(), new WorkTasks.MeetingRecord(task.dueDate().minusDays(3), text("workplan.demo.place"),
						unit.leaderName() == null ? text("workplan.demo.chair") : unit.leaderName(), 30 + i * 17, text("workplan.demo.minutes")),
						scope);
			}
			else {
				tasks.addFile(task.id(), text("workplan.demo.fileName") + ".pdf", new ByteArrayInputStream(pdf(unit.code() + " " + task.id())),
						scope);
			}
			if (steps[i] == Step.IN_PROGRESS) {
				continue;
			}
			if (steps[i] == Step.CANCELLED) {
				tasks.act(task.id(), TaskAction.CANCEL, text("workplan.demo.cancelReason"), version(task, scope), DISTRICT);
				continue;
			}
			tasks.act(task.id(), TaskAction.SUBMIT, null, version(task, scope), scope);
			if (steps[i] == Step.APPROVED) {
				tasks.act(task.id(), TaskAction.APPROVE, null, version(task, DISTRICT), DISTRICT);
			}
			else if (steps[i] == Step.RETURNED) {
				tasks.act(task.id(), TaskAction.RETURN, text("workplan.demo.returnComment"), version(task, DISTRICT), DISTRICT);
			}
		}
	}

	private int version(TaskView task, DataScope scope) {
		return tasks.find(task.id(), scope).version();
	}

	private String text(String key) {
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}

	/** A one-page PDF standing for a unit's document (Latin text: the standard fonts have no Chinese). */
	private static byte[] pdf(String text) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
				content.newLineAtOffset(72, 700);
				content.showText("Minyi demo document " + text);
				content.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
