package org.minyi.survey.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.minyi.platform.print.PrintFont;

/** QR card sheets: twelve cards per A4 page, the Chinese font embedded as a subset, not whole. */
class InvitationPrintsTests {

	@Test
	void twelveCardsGoOnEachPageAndTheFileStaysSmall() throws IOException {
		List<InvitationPrints.Card> cards = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			cards.add(new InvitationPrints.Card("https://minyi.example.gov.cn/s/AAAAAAAAAAAAAAAAAAA" + (100 + i % 900), "No." + i));
		}
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		new InvitationPrints(new PrintFont("")).sheets(new InvitationPrints.Labels("2026年第四季度模拟民调", "城关街道", "请用手机扫码参加调查"),
				cards, pdf);
		assertThat(pdf.size()).as("about 0.5 KB per card; a whole embedded CJK font would be megabytes").isLessThan(1_000_000);
		try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
			assertThat(document.getNumberOfPages()).isEqualTo(50);
		}
	}
}
