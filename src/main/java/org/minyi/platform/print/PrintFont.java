package org.minyi.platform.print;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font for printed sheets and posters (PDF and PNG). The JDK has none, so a TrueType
 * font (or collection) with CJK glyphs is taken from {@code minyi.print.font}, else from the usual
 * places of Debian's {@code fonts-wqy-microhei}, {@code fonts-noto-cjk} or {@code fonts-arphic}.
 * Without one, prints fall back to Latin text only and a warning is logged.
 */
@Component
public class PrintFont {

	private static final Logger log = LoggerFactory.getLogger(PrintFont.class);

	private static final List<String> KNOWN = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/truetype/arphic/uming.ttc", "/System/Library/Fonts/PingFang.ttc",
			"C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/simhei.ttf");

	private final Optional<Path> file;

	public PrintFont(@Value("${minyi.print.font:}") String configured) {
		Stream<String> candidates = configured.isBlank() ? KNOWN.stream() : Stream.of(configured);
		this.file = candidates.map(Path::of).filter(Files::isReadable).findFirst();
		if (file.isEmpty()) {
			log.warn("No Chinese font found for printed invitations; set minyi.print.font to a TTF/TTC file "
					+ "(e.g. install fonts-wqy-microhei). Prints will carry Latin text only.");
		}
	}

	/** The font file, if there is one; a .ttc collection's first font is the one used. */
	public Optional<Path> file() {
		return file;
	}

	/** An AWT font of the given size: the Chinese font, or the JDK's sans-serif without one. */
	public Font awt(float size) {
		if (file.isPresent()) {
			try {
				return Font.createFonts(file.get().toFile())[0].deriveFont(size);
			}
			catch (IOException | FontFormatException e) {
				log.warn("cannot load font {}: {}", file.get(), e.toString());
			}
		}
		return new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(size));
	}

	public boolean hasChinese() {
		return file.isPresent();
	}
}
