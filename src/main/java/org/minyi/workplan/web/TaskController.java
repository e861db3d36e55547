package org.minyi.workplan.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.web.FileDownload;
import org.minyi.platform.web.Flash;
import org.minyi.workplan.Ledgers;
import org.minyi.workplan.Ledgers.LedgerEntry;
import org.minyi.workplan.TaskAction;
import org.minyi.workplan.TaskStatus;
import org.minyi.workplan.WorkPlans;
import org.minyi.workplan.WorkTasks;
import org.minyi.workplan.WorkTasks.Evidence;
import org.minyi.workplan.WorkTasks.EvidenceFile;
import org.minyi.workplan.WorkTasks.MeetingRecord;
import org.minyi.workplan.WorkTasks.TaskFilter;
import org.minyi.workplan.WorkTasks.TaskView;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Tasks: a unit officer's list (their subtree) and the district's, each task with its evidence and
 * history; units add files, meeting records and entries of their ledgers and submit, the district approves, returns with
 * comments or cancels with a reason.
 */
@Controller
@RequestMapping("/workplan/tasks")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','LEADER','UNIT_OFFICER')")
class TaskController {

	private static final int EXPORT_PAGE = PageRequest.MAX_SIZE;

	/** The unit's latest ledger entries offered to attach. */
	private static final int ATTACHABLE_SHOWN = 50;

	private final WorkTasks tasks;

	private final WorkPlans plans;

	private final UnitManagement units;

	private final MessageSource messages;

	private final Flash flash;

	private final Ledgers ledgers;

	TaskController(WorkTasks tasks, WorkPlans plans, UnitManagement units, MessageSource messages, Flash flash, Ledgers ledgers) {
		this.ledgers = ledgers;
		this.tasks = tasks;
		this.plans = plans;
		this.units = units;
		this.messages = messages;
		this.flash = flash;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long plan, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) Integer page, Model model) {
		TaskFilter filter = new TaskFilter(plan, null, parse(status), overdue);
		model.addAttribute("tasks", tasks.list(filter, scope(), PageRequest.of(page, 50, null, null)));
		model.addAttribute("filter", filter);
		model.addAttribute("plans", plans.list());
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("unitNames", units.names());
		return "workplan/tasks";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) Long plan, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "false") boolean overdue, HttpServletResponse response, Locale locale) throws IOException {
		TaskFilter filter = new TaskFilter(plan, null, parse(status), overdue);
		Map<Long, String> names = units.names();
		ExcelDownload.send(response, "tasks", text("workplan.tasks.title", locale),
				List.of(text("workplan.plan.name", locale), text("workplan.item.title", locale), text("unit.name", locale),
						text("workplan.task.due", locale), text("workplan.task.status", locale), text("workplan.task.overdue", locale)),
				sheet -> {
					for (int p = 0;; p++) {
						PageResult<TaskView> result = tasks.list(filter, scope(), PageRequest.of(p, EXPORT_PAGE, null, null));
						result.items().forEach(t -> sheet.row(List.of(t.planName(), t.title(), names.getOrDefault(t.unitId(), "?"),
								t.dueDate().toString(), text(t.status().messageKey(), locale), t.overdue() ? text("action.yes", locale) : "")));
						if ((long) (p + 1) * EXPORT_PAGE >= result.total()) {
							break;
						}
					}
				});
	}

	@GetMapping("/{id}")
	String task(@PathVariable long id, Model model) {
		TaskView task = tasks.find(id, scope());
		model.addAttribute("task", task);
		model.addAttribute("unit", units.findById(task.unitId()).map(UnitView::name).orElse("?"));
		List<Evidence> evidence = tasks.evidence(id, scope());
		model.addAttribute("evidence", evidence);
		Map<Long, LedgerEntry> attached = new HashMap<>();
		evidence.stream().filter(e -> e.ledgerEntryId() != null).forEach(e -> attached.put(e.ledgerEntryId(), ledgers.find(e.ledgerEntryId(), scope())));
		model.addAttribute("ledgerEntries", attached);
		if (!scope().districtWide()) {
			model.addAttribute("attachable", ledgers.recentOfUnit(task.unitId(), ATTACHABLE_SHOWN).stream()
				.filter(entry -> !attached.containsKey(entry.id())).toList());
		}
		model.addAttribute("history", tasks.history(id, scope()));
		model.addAttribute("reviewActions", new TaskAction[] { TaskAction.APPROVE, TaskAction.RETURN, TaskAction.CANCEL });
		return "workplan/task";
	}

	@PostMapping("/{id}/files")
	@PreAuthorize("hasRole('UNIT_OFFICER')")
	String addFile(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
			tasks.addFile(id, file == null ? "" : file.getOriginalFilename(), in, scope());
			flash.success(redirect, "workplan.evidence.added");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/workplan/tasks/" + id;
	}

	@PostMapping("/{id}/meetings")
	@PreAuthorize("hasRole('UNIT_OFFICER')")
	String addMeeting(@PathVariable long id, @RequestParam(defaultValue = "") String date, @RequestParam(required = false) String place,
			@RequestParam(required = false) String chairedBy, @RequestParam(required = false) String attendance,
			@RequestParam(required = false) String minutes, RedirectAttributes redirect) {
		try {
			tasks.addMeeting(id, new MeetingRecord(meetingDate(date), place, chairedBy, number(attendance), minutes), scope());
			flash.success(redirect, "workplan.evidence.added");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/workplan/tasks/" + id;
	}

	@PostMapping("/{id}/evidence/{evidenceId}/remove")
	@PreAuthorize("hasRole('UNIT_OFFICER')")
	String removeEvidence(@PathVariable long id, @PathVariable long evidenceId, RedirectAttributes redirect) {
		try {
			tasks.removeEvidence(id, evidenceId, scope());
			flash.success(redirect, "workplan.evidence.removed");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/workplan/tasks/" + id;
	}

	@PostMapping("/{id}/ledger")
	@PreAuthorize("hasRole('UNIT_OFFICER')")
	String attachLedgerEntry(@PathVariable long id, @RequestParam(defaultValue = "-1") long entry, RedirectAttributes redirect) {
		try {
			tasks.attachLedgerEntry(id, entry, scope());
			flash.success(redirect, "workplan.evidence.added");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/workplan/tasks/" + id;
	}

	@PostMapping("/{id}/submit")
	@PreAuthorize("hasRole('UNIT_OFFICER')")
	String submit(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
		return act(id, TaskAction.SUBMIT, null, version, redirect);
	}

	@PostMapping("/{id}/review")
	@PreAuthorize("hasRole('DISTRICT_ADMIN')")
	String review(@PathVariable long id, @RequestParam(defaultValue = "") String action, @RequestParam(required = false) String comment,
			@RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
		TaskAction chosen = switch (action) {
			case "APPROVE" -> TaskAction.APPROVE;
			case "RETURN" -> TaskAction.RETURN;
			case "CANCEL" -> TaskAction.CANCEL;
			default -> null;
		};
		if (chosen == null) {
			flash.error(redirect, BusinessRuleException.of("workplan.task.error.transition"));
			return "redirect:/workplan/tasks/" + id;
		}
		return act(id, chosen, comment, version, redirect);
	}

	/** A file of the task's evidence, always as a download (never shown inline by the browser). */
	@GetMapping("/{id}/evidence/{evidenceId}")
	void download(@PathVariable long id, @PathVariable long evidenceId, HttpServletResponse response) throws IOException {
		EvidenceFile file = tasks.file(id, evidenceId, scope());
		FileDownload.send(response, file.name(), file.contentType(), file.size(), file.content());
	}

	private String act(long id, TaskAction action, String comment, int version, RedirectAttributes redirect) {
		try {
			tasks.act(id, action, comment, version, scope());
			flash.success(redirect, "workplan.task.done." + action.name());
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return "redirect:/workplan/tasks/" + id;
	}


	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static TaskStatus parse(String status) {
		try {
			return status == null || status.isBlank() ? null : TaskStatus.valueOf(status);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static LocalDate meetingDate(String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new BusinessRuleException("date", "workplan.meeting.error.date");
		}
	}

	private static Integer number(String value) {
		try {
			return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw new BusinessRuleException("attendance", "workplan.meeting.error.attendance");
		}
	}

	private static DataScope scope() {
		return CurrentUser.required().dataScope();
	}
}
