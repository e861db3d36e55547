package org.minyi.workplan.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.org.UnitManagement;
import org.minyi.platform.PageRequest;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.workplan.TaskBoard;
import org.minyi.workplan.TaskStatus;
import org.minyi.workplan.WorkPlans;
import org.minyi.workplan.WorkPlans.PlanView;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The progress board of a published plan: per unit, per item and the heat table; exported to Excel. */
@Controller
@RequestMapping("/workplan/board")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','LEADER','UNIT_OFFICER')")
class BoardController {

	private final TaskBoard board;

	private final WorkPlans plans;

	private final UnitManagement units;

	private final MessageSource messages;

	BoardController(TaskBoard board, WorkPlans plans, UnitManagement units, MessageSource messages) {
		this.board = board;
		this.plans = plans;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping
	String board(@RequestParam(required = false) Long plan, @RequestParam(required = false) Integer page, Model model,
			Locale locale) {
		// looked up once, not for each of the page's cells
		Map<TaskStatus, String> statusNames = new EnumMap<>(TaskStatus.class);
		Map<TaskStatus, String> shortNames = new EnumMap<>(TaskStatus.class);
		for (TaskStatus status : TaskStatus.values()) {
			statusNames.put(status, text(status.messageKey(), locale));
			shortNames.put(status, text("workplan.status.short." + status, locale));
		}
		model.addAttribute("statusNames", statusNames);
		model.addAttribute("shortNames", shortNames);
		List<PlanView> published = plans.list().stream().filter(p -> p.status() == WorkPlans.PlanStatus.PUBLISHED).toList();
		model.addAttribute("plans", published);
		PlanView shown = published.stream().filter(p -> plan == null || p.id() == plan).findFirst().orElse(null);
		model.addAttribute("plan", shown);
		if (shown != null) {
			model.addAttribute("board", board.board(shown.id(), scope(), PageRequest.of(page, 50, null, null)));
			model.addAttribute("items", plans.items(shown.id()));
			model.addAttribute("unitNames", units.names());
		}
		return "workplan/board";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) Long plan, HttpServletResponse response, Locale locale) throws IOException {
		if (plan == null || plans.find(plan).isEmpty()) {
			throw new RecordNotFoundException("work_plan", plan);
		}
		List<WorkPlans.ItemView> items = plans.items(plan);
		Map<Long, String> names = units.names();
		List<String> headers = new ArrayList<>(List.of(text("unit.name", locale), text("workplan.board.done", locale),
				text("workplan.board.overdue", locale), text("workplan.board.returned", locale)));
		items.forEach(i -> headers.add(i.title()));
		ExcelDownload.send(response, "workplan-board", text("workplan.board.title", locale), headers, sheet -> {
			for (int p = 0;; p++) {
				TaskBoard.Board page = board.board(plan, scope(), PageRequest.of(p, PageRequest.MAX_SIZE, null, null));
				for (TaskBoard.Progress unit : page.units().items()) {
					List<Object> row = new ArrayList<>(List.of(names.getOrDefault(unit.id(), "?"), unit.percentDone() + "%", unit.overdue(),
							unit.returned()));
					items.forEach(i -> {
						TaskBoard.Cell cell = page.cells().getOrDefault(unit.id(), Map.of()).get(i.id());
						row.add(cell == null ? "" : text(cell.status().messageKey(), locale) + (cell.overdue() ? " !" : ""));
					});
					sheet.row(row);
				}
				if ((long) (p + 1) * PageRequest.MAX_SIZE >= page.units().total()) {
					break;
				}
			}
		});
	}


	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static DataScope scope() {
		return CurrentUser.required().dataScope();
	}
}
