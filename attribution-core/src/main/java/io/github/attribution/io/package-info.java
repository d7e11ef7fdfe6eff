/**
 * Files: a streaming RFC 4180 {@link io.github.attribution.io.CsvReader} and {@link
 * io.github.attribution.io.CsvWriter}; {@link io.github.attribution.io.DatasetReader} reads the input
 * files of docs/data.md straight into a {@link io.github.attribution.data.Dataset.Builder},
 * with errors that name file, line, column and value ({@link
 * io.github.attribution.io.DataFileException}); {@link io.github.attribution.io.DatasetWriter} writes
 * a dataset (or a generated one, row by row) back to those files; {@link
 * io.github.attribution.io.CreditWriter} streams {@code attribute} output as CSV or JSON.
 *
 * <p>May use everything in the library; nothing in the engine packages may use it.
 */
package io.github.attribution.io;
