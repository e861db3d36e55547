package org.minyi.survey.web;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.minyi.platform.print.PrintFont;
import org.minyi.platform.print.QrCode;
import org.springframework.stereotype.Component;

/**
 * Printable invitations: A4 sheets of twelve cut-out cards (one QR code and token per card) as
 * PDF, and the open link's poster as PNG or PDF. Texts come translated from the caller; without a
 * Chinese font the caller passes Latin texts (see {@link PrintFont}).
 */
@Component
class InvitationPrints {

	/** What a card or poster says. */
	record Labels(String heading, String unit, String instruction) {
	}

	record Card(String link, String caption) {
	}

	private static final int COLUMNS = 3;

	private static final int ROWS = 4;

	private final PrintFont font;

	InvitationPrints(PrintFont font) {
		this.font = font;
	}

	void sheets(Labels labels, List<Card> cards, OutputStream out) throws IOException {
		try (PDDocument document = new PDDocument(); FontHandle handle = pdfFont(document)) {
			PDFont text = handle.font();
			float margin = 28;
			PDRectangle a4 = PDRectangle.A4;
			float width = (a4.getWidth() - 2 * margin) / COLUMNS;
			float height = (a4.getHeight() - 2 * margin) / ROWS;
			for (int start = 0; start < cards.size(); start += COLUMNS * ROWS) {
				PDPage page = new PDPage(a4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					List<Card> onPage = cards.subList(start, Math.min(cards.size(), start + COLUMNS * ROWS));
					for (int i = 0; i < onPage.size(); i++) {
						float x = margin + (i % COLUMNS) * width;
						float y = a4.getHeight() - margin - (i / COLUMNS + 1) * height;
						card(document, content, text, labels, onPage.get(i), x, y, width, height);
					}
				}
			}
			document.save(out);
		}
	}

	void posterPdf(Labels labels, String link, OutputStream out) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDImageXObject image = LosslessFactory.createFromImage(document, posterImage(labels, link));
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
			}
			document.save(out);
		}
	}

	void posterPng(Labels labels, String link, OutputStream out) throws IOException {
		ImageIO.write(posterImage(labels, link), "png", out);
	}

	private static void card(PDDocument document, PDPageContentStream content, PDFont text, Labels labels, Card card,
			float x, float y, float width, float height) throws IOException {
		content.setStrokingColor(0.75f);
		content.setLineDashPattern(new float[] { 3, 3 }, 0);
		content.addRect(x, y, width, height);
		content.stroke();
		float qr = Math.min(width, height) - 70;
		PDImageXObject code = LosslessFactory.createFromImage(document, QrCode.image(card.link(), 4));
		content.drawImage(code, x + (width - qr) / 2, y + 30, qr, qr);
		centered(content, text, 10, labels.heading(), x, width, y + height - 18);
		centered(content, text, 9, labels.unit(), x, width, y + height - 32);
		centered(content, text, 8, labels.instruction(), x, width, y + 20);
		centered(content, text, 7, card.caption(), x, width, y + 9);
	}

	private static void centered(PDPageContentStream content, PDFont text, float size, String line, float x, float width,
			float baseline) throws IOException {
		String shown = fit(text, size, line, width - 8);
		float lineWidth = text.getStringWidth(shown) / 1000 * size;
		content.beginText();
		content.setFont(text, size);
		content.newLineAtOffset(x + (width - lineWidth) / 2, baseline);
		content.showText(shown);
		content.endText();
	}

	private static String fit(PDFont text, float size, String line, float width) throws IOException {
		String shown = line;
		while (shown.length() > 1 && text.getStringWidth(shown) / 1000 * size > width) {
			shown = shown.substring(0, shown.length() - 1);
		}
		return shown;
	}

	/** A font for one document and the file it reads, to be closed after the document is saved. */
	private record FontHandle(PDFont font, Closeable source) implements Closeable {

		@Override
		public void close() throws IOException {
			if (source != null) {
				source.close();
			}
		}
	}

	/** The Chinese font embedded as a subset (only the glyphs used), or Helvetica for Latin texts. */
	private FontHandle pdfFont(PDDocument document) throws IOException {
		if (font.file().isEmpty()) {
			return new FontHandle(new PDType1Font(Standard14Fonts.FontName.HELVETICA), null);
		}
		File file = font.file().get().toFile();
		if (!file.getName().toLowerCase().endsWith(".ttc")) {
			return new FontHandle(PDType0Font.load(document, file), null);
		}
		TrueTypeCollection collection = new TrueTypeCollection(file);
		TrueTypeFont[] first = new TrueTypeFont[1];
		collection.processAllFonts(ttf -> {
			if (first[0] == null) {
				first[0] = ttf;
			}
		});
		return new FontHandle(PDType0Font.load(document, first[0], true), collection);
	}

	/** An A4 poster at 150 dpi: heading, unit, a large QR code, the instruction and the link. */
	private BufferedImage posterImage(Labels labels, String link) {
		int width = 1240;
		int height = 1754;
		BufferedImage poster = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = poster.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(new Color(13, 110, 253));
		g.fillRect(0, 0, width, 220);
		g.setColor(Color.WHITE);
		drawCentered(g, font.awt(64f), labels.heading(), width, 140);
		g.setColor(Color.BLACK);
		drawCentered(g, font.awt(44f), labels.unit(), width, 330);
		BufferedImage code = QrCode.image(link, 20);
		int size = 760;
		g.drawImage(code, (width - size) / 2, 400, size, size, null);
		drawCentered(g, font.awt(48f), labels.instruction(), width, 1280);
		g.setColor(Color.DARK_GRAY);
		drawCentered(g, font.awt(28f), link, width, 1360);
		g.dispose();
		return poster;
	}

	private static void drawCentered(Graphics2D g, Font f, String line, int width, int baseline) {
		g.setFont(f);
		int lineWidth = g.getFontMetrics().stringWidth(line);
		g.drawString(line, Math.max(20, (width - lineWidth) / 2), baseline);
	}
}
