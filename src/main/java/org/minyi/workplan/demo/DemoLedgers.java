package org.minyi.workplan.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.PageRequest;
import org.minyi.platform.security.DataScope;
import org.minyi.workplan.LedgerKind;
import org.minyi.workplan.Ledgers;
import org.minyi.workplan.Ledgers.LedgerFilter;
import org.minyi.workplan.TaskStatus;
import org.minyi.workplan.WorkPlans;
import org.minyi.workplan.WorkTasks;
import org.minyi.workplan.WorkTasks.TaskFilter;
import org.minyi.workplan.WorkTasks.TaskView;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo ledgers for every kind, loaded through the ordinary import from {@code demo/ledgers/*.csv}
 * (dates written as {@code {-N}}, N days ago, and years as {@code {year}}, so they stay in the past),
 * and one publicity entry attached as evidence to a task of the Donghu township (YJDH) that is in progress.
 */
@Component
@Profile("demo")
@Order(81)
class DemoLedgers implements ApplicationRunner {

	private static final Pattern DAYS_AGO = Pattern.compile("\\{-(\\d+)\\}");

	private static final DataScope DISTRICT = DataScope.wholeDistrict();

	private final Ledgers ledgers;

	private final WorkTasks tasks;

	private final WorkPlans plans;

	private final MessageSource messages;

	private final UnitManagement units;

	DemoLedgers(Ledgers ledgers, WorkTasks tasks, WorkPlans plans, MessageSource messages, UnitManagement units) {
		this.units = units;
		this.ledgers = ledgers;
		this.tasks = tasks;
		this.plans = plans;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (ledgers.counts(DISTRICT).values().stream().anyMatch(count -> count > 0)) {
			return;
		}
		LocalDate today = LocalDate.now(WorkTasks.DISTRICT_ZONE);
		for (LedgerKind kind : LedgerKind.values()) {
			Ledgers.ImportResult result = ledgers.importFile(kind, csv(kind, today), DISTRICT);
			if (!result.succeeded()) {
				throw new IllegalStateException("demo ledger " + kind + " refused: " + result.problems());
			}
		}
		attachPublicityToATask();
	}

	private void attachPublicityToATask() {
		String planName = messages.getMessage("workplan.demo.planName", null, Locale.SIMPLIFIED_CHINESE);
		UnitView donghu = units.findByCode("YJDH").orElse(null);
		WorkPlans.PlanView plan = plans.list().stream().filter(p -> p.name().equals(planName)).findFirst().orElse(null);
		if (donghu == null || plan == null) {
			return;
		}
		DataScope officer = DataScope.subtree(donghu.id(), donghu.path());
		List<Ledgers.LedgerEntry> publicity = ledgers.list(LedgerKind.PUBLICITY, new LedgerFilter(donghu.id(), null, null), officer,
				PageRequest.of(0, 1, null, null)).items();
		List<TaskView> inProgress = tasks.list(new TaskFilter(plan.id(), donghu.id(), TaskStatus.IN_PROGRESS, false), officer,
				PageRequest.of(0, 1, null, null)).items();
		if (!publicity.isEmpty() && !inProgress.isEmpty()) {
			tasks.attachLedgerEntry(inProgress.get(0).id(), publicity.get(0).id(), officer);
		}
	}

	private static InputStream csv(LedgerKind kind, LocalDate today) {
		try (InputStream in = new ClassPathResource("demo/ledgers/" + kind.slug() + ".csv").getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{year}", String.valueOf(today.getYear()));
			Matcher days = DAYS_AGO.matcher(text);
			text = days.replaceAll(match -> today.minusDays(Long.parseLong(match.group(1))).toString());
			return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
