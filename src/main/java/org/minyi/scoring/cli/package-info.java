/**
 * The analyst command line ({@code java -jar minyi.jar score …}): scores a CSV or XLSX file with the
 * estimation library, without Spring or a database. Exposed so the application's main class can
 * hand the arguments over before any Spring context starts.
 */
@org.springframework.modulith.NamedInterface("cli")
package org.minyi.scoring.cli;
