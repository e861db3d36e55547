package org.minyi.platform.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the first sheet of an XLSX file through POI's event API. POI's zip guard refuses
 * archives that inflate suspiciously (zip bombs); the sheet XML is parsed by SAX with external
 * entities disabled, so memory stays flat whatever the row count.
 */
final class XlsxSheetReader {

	private XlsxSheetReader() {
	}

	/**
	 * Reads from a temporary copy of the upload: opened from a stream, POI holds every part of the
	 * package in memory (and refuses parts over 100 MB — the sheet of a million-row list), opened
	 * from a file it inflates each part as it is read.
	 */
	static void readFirstSheet(InputStream in, Consumer<TabularRow> rows) throws TabularFileException {
		Path copy = null;
		try {
			copy = Files.createTempFile("minyi-upload", ".xlsx");
			Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			readFirstSheet(copy, rows);
		}
		catch (IOException e) {
			throw new TabularFileException("tabular.error.notExcel", e);
		}
		finally {
			deleteQuietly(copy);
		}
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException e) {
				// a temporary file the operating system cleans up in the end
			}
		}
	}

	private static void readFirstSheet(Path file, Consumer<TabularRow> rows) throws TabularFileException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new TabularFileException("tabular.error.empty", null);
			}
			try (InputStream sheet = sheets.next()) {
				RowCollector collector = new RowCollector(rows);
				FormulaAwareHandler handler = new FormulaAwareHandler(
						new XSSFSheetXMLHandler(styles, null, strings, collector, new DataFormatter(), true), collector);
				XMLReader parser = SAXHelper.newXMLReader();
				parser.setContentHandler(handler);
				parser.parse(new InputSource(sheet));
			}
		}
		catch (TabularFileException e) {
			throw e;
		}
		catch (NotOfficeXmlFileException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
			throw new TabularFileException("tabular.error.notExcel", e);
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
				| RecordFormatException | IllegalArgumentException | org.apache.poi.ooxml.POIXMLException e) {
			throw new TabularFileException(isZipBomb(e) ? "tabular.error.zipBomb" : "tabular.error.notExcel", e);
		}
	}

	private static boolean isZipBomb(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			String message = t.getMessage();
			if (message != null && (message.contains("Zip bomb") || message.contains("zip bomb")
					|| message.contains("MAX_ENTRY_SIZE") || message.contains("exceeds the max"))) {
				return true;
			}
		}
		return false;
	}

	/** Collects POI's cell callbacks into rows, filling gaps left by empty cells. */
	private static final class RowCollector implements SheetContentsHandler {

		private final Consumer<TabularRow> rows;

		private final List<String> cells = new ArrayList<>();

		private final SortedSet<Integer> formulas = new TreeSet<>();

		RowCollector(Consumer<TabularRow> rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			cells.clear();
			formulas.clear();
		}

		@Override
		public void endRow(int rowNum) {
			rows.accept(new TabularRow(rowNum + 1, cells, List.copyOf(formulas)));
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			int column = reference == null ? cells.size() : new CellReference(reference).getCol();
			while (cells.size() < column) {
				cells.add("");
			}
			String text = formattedValue == null ? "" : formattedValue.strip();
			cells.add(text);
			if (TabularRow.looksLikeFormula(text)) {
				formulas.add(column);
			}
		}

		/** A cell held a formula element; POI reports such a cell only when it has a cached value. */
		void formulaAt(String reference) {
			formulas.add(reference == null ? cells.size() : new CellReference(reference).getCol());
		}
	}

	/** Forwards SAX events to POI's handler and notes which cell holds an {@code <f>} formula element. */
	private static final class FormulaAwareHandler extends DefaultHandler {

		private final DefaultHandler delegate;

		private final RowCollector collector;

		private String cellReference;

		private boolean cellHasFormula;

		FormulaAwareHandler(DefaultHandler delegate, RowCollector collector) {
			this.delegate = delegate;
			this.collector = collector;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
			if ("c".equals(localName)) {
				cellReference = attributes.getValue("r");
				cellHasFormula = false;
			}
			else if ("f".equals(localName)) {
				cellHasFormula = true;
			}
			delegate.startElement(uri, localName, qName, attributes);
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			delegate.endElement(uri, localName, qName);
			if ("c".equals(localName) && cellHasFormula) {
				collector.formulaAt(cellReference);
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			delegate.characters(ch, start, length);
		}
	}
}
