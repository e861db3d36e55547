package org.minyi.outreach.web;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.CitizenRequests;
import org.minyi.outreach.RequestCategory;
import org.minyi.outreach.SurveyCommentRequests;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.web.Flash;
import org.minyi.platform.web.RequestParams;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.minyi.survey.SurveyComments;
import org.minyi.survey.SurveyComments.Comment;
import org.minyi.survey.SurveyComments.CommentPage;
import org.minyi.survey.SurveyComments.CommentStatus;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A round's survey comments for the district's staff (individual answers: nobody else reads them):
 * new ones first, each taken up as a citizen request in one step or set aside.
 */
@Controller
@RequestMapping("/outreach/comments")
@PreAuthorize("hasRole('DISTRICT_ADMIN')")
class SurveyCommentController {

	private static final int PAGE_SIZE = 20;

	/**
	 * Units offered on every comment: those that answer residents' requests. A request can still go
	 * to a community or institution afterwards, on its own page.
	 */
	private static final Set<UnitKind> ASSIGNABLE = EnumSet.of(UnitKind.TOWNSHIP, UnitKind.DEPARTMENT, UnitKind.POLITICAL_LEGAL);

	private final SurveyComments comments;

	private final SurveyCommentRequests commentRequests;

	private final CitizenRequests requests;

	private final RoundManagement rounds;

	private final UnitManagement units;

	private final MessageSource messages;

	private final Flash flash;

	SurveyCommentController(SurveyComments comments, SurveyCommentRequests commentRequests, CitizenRequests requests,
			RoundManagement rounds, UnitManagement units, MessageSource messages, Flash flash) {
		this.messages = messages;
		this.comments = comments;
		this.commentRequests = commentRequests;
		this.requests = requests;
		this.rounds = rounds;
		this.units = units;
		this.flash = flash;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long round, @RequestParam(required = false) Long township,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model, Locale locale) {
		List<RoundView> answered = rounds.list().stream().filter(r -> r.status() != RoundStatus.DRAFT)
			.sorted(Comparator.comparing(RoundView::periodEnd).reversed()).toList();
		Long chosen = round != null ? round : answered.stream().map(RoundView::id).findFirst().orElse(null);
		CommentStatus given = RequestParams.enumOf(CommentStatus.class, status);
		CommentStatus shown = given == null ? CommentStatus.NEW : given;
		model.addAttribute("rounds", answered);
		model.addAttribute("round", chosen);
		model.addAttribute("township", township);
		model.addAttribute("status", shown);
		model.addAttribute("statuses", CommentStatus.values());
		List<UnitView> inUse = units.list(CurrentUser.required().dataScope()).stream().filter(UnitView::active).toList();
		model.addAttribute("townships", inUse.stream().filter(unit -> unit.kind() == UnitKind.TOWNSHIP).toList());
		model.addAttribute("units", inUse.stream().filter(unit -> ASSIGNABLE.contains(unit.kind())).toList());
		model.addAttribute("unitNames", units.names());
		// labels resolved once: every comment on the page repeats the same choices
		Map<RequestCategory, String> categories = new EnumMap<>(RequestCategory.class);
		for (RequestCategory category : RequestCategory.values()) {
			categories.put(category, messages.getMessage(category.messageKey(), null, locale));
		}
		model.addAttribute("categories", categories);
		if (chosen != null) {
			CommentPage found = comments.page(chosen, township, shown, PageRequest.of(page, PAGE_SIZE, null, null));
			model.addAttribute("comments", found.comments());
			model.addAttribute("counts", found.counts());
			model.addAttribute("requestIds", requests.madeFromSurveyComments(found.comments().items().stream().map(Comment::id).toList()));
		}
		return "outreach/comments";
	}

	@PostMapping("/{id}/request")
	String takeUp(@PathVariable long id, @RequestParam(required = false) String category, @RequestParam(required = false) String title,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		return decide(back, redirect, () -> {
			var request = commentRequests.takeUp(id, RequestParams.enumOf(RequestCategory.class, category), title, unitId,
					CurrentUser.required().dataScope());
			flash.success(redirect, "outreach.comment.takenUp", request.reference());
		});
	}

	@PostMapping("/{id}/set-aside")
	String setAside(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		return decide(back, redirect, () -> {
			comments.setAside(id);
			flash.success(redirect, "outreach.comment.setAside");
		});
	}

	@PostMapping("/{id}/restore")
	String restore(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		return decide(back, redirect, () -> {
			comments.restore(id);
			flash.success(redirect, "outreach.comment.restored");
		});
	}

	/** Runs a decision on a comment; a refusal is shown on the list, which the user sees again as filtered. */
	private String decide(String back, RedirectAttributes redirect, Runnable decision) {
		try {
			decision.run();
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return backTo(back);
	}

	/** Back to the list as the user filtered it; only a query string of this page is taken. */
	private static String backTo(String back) {
		String query = back == null || !back.matches("[A-Za-z0-9=&_%.-]*") ? "" : back;
		return "redirect:" + UriComponentsBuilder.fromPath("/outreach/comments").query(query).build().toUriString();
	}
}
