package org.minyi.outreach.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.minyi.org.UnitManagement;
import org.minyi.outreach.RequestMetrics;
import org.minyi.outreach.RequestMetrics.Counts;
import org.minyi.outreach.RequestMetrics.Metrics;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.web.ExcelDownload;
import org.minyi.platform.web.RequestParams;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** How units handle citizen requests over a period, with the monthly trend and Excel export. */
@Controller
@RequestMapping("/outreach/metrics")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN','LEADER','UNIT_OFFICER')")
class RequestMetricsController {

	private static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	private final RequestMetrics metrics;

	private final UnitManagement units;

	private final MessageSource messages;

	RequestMetricsController(RequestMetrics metrics, UnitManagement units, MessageSource messages) {
		this.metrics = metrics;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		model.addAttribute("metrics", metrics(from, to));
		model.addAttribute("unitNames", units.names());
		return "outreach/metrics";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to, HttpServletResponse response,
			Locale locale) throws IOException {
		Metrics result = metrics(from, to);
		Map<Long, String> names = units.names();
		List<String> headers = new ArrayList<>(List.of(text("unit.name", locale)));
		for (String key : List.of("received", "owed", "answered", "answeredInTime", "inTimeRate", "closed", "followedUp", "satisfied",
				"satisfactionRate")) {
			headers.add(text("outreach.metrics." + key, locale));
		}
		ExcelDownload.send(response, "request-metrics", text("outreach.metrics.title", locale), headers, sheet -> {
			result.units().forEach(c -> sheet.row(row(c.unitId() == 0 ? text("outreach.metrics.unassigned", locale) : names.get(c.unitId()), c)));
			sheet.row(row(text("outreach.metrics.total", locale), result.total()));
		});
	}

	private static List<Object> row(String label, Counts c) {
		return java.util.Arrays.asList(label, c.received(), c.owed(), c.answered(), c.answeredInTime(), c.inTimeRate(), c.closed(), c.followedUp(),
				c.satisfied(), c.satisfactionRate());
	}

	/** From the first of January to today unless the page asks for another period. */
	private Metrics metrics(String from, String to) {
		LocalDate today = LocalDate.now(DISTRICT_ZONE);
		LocalDate end = RequestParams.date(to, today);
		LocalDate start = RequestParams.date(from, today.withDayOfYear(1));
		if (start.isAfter(end)) {
			start = end;
		}
		return metrics.metrics(start, end, CurrentUser.required().dataScope());
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
