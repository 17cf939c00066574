package org.iclscale.io;

import java.util.Locale;
import org.iclscale.core.InvalidInputException;

/** The output formats of every verb ({@code --format}). */
public enum OutputFormat {
    TABLE, CSV, JSON, TEX;

    public static OutputFormat parse(String text) {
        for (OutputFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new InvalidInputException("format", text, "one of table, csv, json, tex");
    }

    public ReportWriter writer() {
        return switch (this) {
            case TABLE -> new TableWriter();
            case CSV -> new CsvWriter();
            case JSON -> new JsonWriter();
            case TEX -> new TexWriter();
        };
    }
}
