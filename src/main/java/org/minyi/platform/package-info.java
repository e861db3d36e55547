/**
 * The shared kernel every module may use: the web layout and its fragments, i18n, error pages,
 * reading and writing Excel and CSV files, secret keys, the data-scope and current-user
 * contracts, and the audit event that any module publishes to have a change recorded in the
 * audit trail. Only the truly cross-cutting belongs here; business concepts live in their modules.
 *
 * <p>Published API (an open module: every package): in the root BusinessRuleException,
 * RecordNotFoundException, PageRequest, PageResult, SqlTimes, References, StatusHistory, Aggregates,
 * TextInput, Database and MinyiProperties; {@code audit} AuditEvent; {@code crypto} SecretKeys and
 * FieldCipher; {@code files} FileStore, FileTypes and Uploads; {@code mail} MailOutbox;
 * {@code personal} PersonalData, SealedColumns, SealedStore, PhoneNumber, IdNumber and Masks;
 * {@code print} PrintFont and QrCode; {@code security} CurrentUser and DataScope; {@code tabular}
 * TabularReader, TabularRow, TabularFileException, ExcelExport and ImportProblem; {@code web} Flash,
 * ExcelDownload, FileDownload, UploadFiles, RequestParams, Dates and Percentages.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.minyi.platform;
