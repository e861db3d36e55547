package org.minyi.platform.print;

import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes (ZXing) as black-and-white images, one pixel per module plus the quiet zone. */
public final class QrCode {

	private QrCode() {
	}

	/** Error correction M survives a crease or a smudge on a printed sheet. */
	public static BufferedImage image(String text, int modulePixels) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
			int size = matrix.getWidth() * modulePixels;
			BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < size; y++) {
				for (int x = 0; x < size; x++) {
					image.setRGB(x, y, matrix.get(x / modulePixels, y / modulePixels) ? 0xFF000000 : 0xFFFFFFFF);
				}
			}
			return image;
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("text too long for a QR code", e);
		}
	}
}
