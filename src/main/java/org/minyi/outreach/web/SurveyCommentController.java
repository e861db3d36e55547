package org.minyi.outreach.web;

import java.util.Comparator;
import java.util.List;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.CitizenRequests;
import org.minyi.outreach.RequestCategory;
import org.minyi.outreach.SurveyCommentRequests;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.web.Flash;
import org.minyi.platform.web.RequestParams;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.minyi.survey.SurveyComments;
import org.minyi.survey.SurveyComments.Comment;
import org.minyi.survey.SurveyComments.CommentStatus;
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

	private static final int PAGE_SIZE = 30;

	private final SurveyComments comments;

	private final SurveyCommentRequests commentRequests;

	private final CitizenRequests requests;

	private final RoundManagement rounds;

	private final UnitManagement units;

	private final Flash flash;

	SurveyCommentController(SurveyComments comments, SurveyCommentRequests commentRequests, CitizenRequests requests,
			RoundManagement rounds, UnitManagement units, Flash flash) {
		this.comments = comments;
		this.commentRequests = commentRequests;
		this.requests = requests;
		this.rounds = rounds;
		this.units = units;
		this.flash = flash;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long round, @RequestParam(required = false) Long township,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
		List<RoundView> answered = rounds.list().stream().filter(r -> r.status() != RoundStatus.DRAFT)
			.sorted(Comparator.comparing(RoundView::periodEnd).reversed()).toList();
		Long chosen = round != null ? round : answered.stream().map(RoundView::id).findFirst().orElse(null);
		CommentStatus shown = status == null ? CommentStatus.NEW : RequestParams.enumOf(CommentStatus.class, status);
		model.addAttribute("rounds", answered);
		model.addAttribute("round", chosen);
		model.addAttribute("township", township);
		model.addAttribute("status", shown);
		model.addAttribute("statuses", CommentStatus.values());
		model.addAttribute("townships", units.list(CurrentUser.required().dataScope()).stream()
			.filter(unit -> unit.kind() == UnitKind.TOWNSHIP && unit.active()).toList());
		model.addAttribute("units", units.list(CurrentUser.required().dataScope()).stream().filter(UnitView::active).toList());
		model.addAttribute("unitNames", units.names());
		model.addAttribute("categories", RequestCategory.values());
		if (chosen != null) {
			PageResult<Comment> found = comments.list(chosen, township, shown, PageRequest.of(page, PAGE_SIZE, null, null));
			model.addAttribute("comments", found);
			model.addAttribute("counts", comments.counts(chosen, township));
			model.addAttribute("requestIds", requests.madeFromSurveyComments(found.items().stream().map(Comment::id).toList()));
		}
		return "outreach/comments";
	}

	@PostMapping("/{id}/request")
	String takeUp(@PathVariable long id, @RequestParam(required = false) String category, @RequestParam(required = false) String title,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			var request = commentRequests.takeUp(id, RequestParams.enumOf(RequestCategory.class, category), title, unitId,
					CurrentUser.required().dataScope());
			flash.success(redirect, "outreach.comment.takenUp", request.reference());
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return backTo(back);
	}

	@PostMapping("/{id}/set-aside")
	String setAside(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			comments.setAside(id);
			flash.success(redirect, "outreach.comment.setAside");
		}
		catch (BusinessRuleException e) {
			flash.error(redirect, e);
		}
		return backTo(back);
	}

	@PostMapping("/{id}/restore")
	String restore(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			comments.restore(id);
			flash.success(redirect, "outreach.comment.restored");
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
